"""Inflating one zip member while counting the bytes really produced, stopping at a limit."""

from __future__ import annotations

import zlib
from collections.abc import Iterator

__all__ = ["DEFLATED", "STORED", "InflateLimitError", "TruncatedStreamError", "inflate_bounded"]

STORED = 0
DEFLATED = 8

_IN_CHUNK = 64 * 1024
_OUT_CHUNK = 64 * 1024


class InflateLimitError(Exception):
    """A member produced more than its limit, or compressed better than the ratio allowed.

    Attributes:
        produced: The bytes produced when the reader stopped (never more than
            the limit plus nothing: the chunk that crossed it is not yielded).
        reason: ``"size"`` or ``"ratio"``.
    """

    def __init__(self, produced: int, reason: str) -> None:
        self.produced = produced
        self.reason = reason
        super().__init__(f"{reason} limit reached after {produced:,} bytes")


class TruncatedStreamError(Exception):
    """The compressed data ended before its stream did, or is not a deflate stream."""


def inflate_bounded(
    raw: bytes | memoryview,
    method: int,
    limit: int,
    *,
    max_ratio: float | None = None,
    ratio_grace: int = 0,
) -> Iterator[bytes]:
    """Yield the data of one zip member, never more than ``limit`` bytes in all.

    The decompressor is asked for at most 64 KiB at a time, so memory stays
    bounded whatever the stream really holds; the chunk that would pass the
    limit is never yielded.

    Args:
        raw: The member's stored bytes (compressed, or plain for ``STORED``).
        method: ``STORED`` (0) or ``DEFLATED`` (8).
        limit: The most bytes to produce.
        max_ratio: When given, stop once the bytes produced exceed both
            ``ratio_grace`` and ``max_ratio`` times the bytes consumed.
        ratio_grace: Bytes produced before the ratio is checked.

    Yields:
        The member's data, in chunks.

    Raises:
        InflateLimitError: When the member would pass the limit or the ratio.
        TruncatedStreamError: When the stream is damaged or cut short.
        ValueError: For any other compression method.
    """
    view = memoryview(raw)
    if method == STORED:
        if len(view) > limit:
            raise InflateLimitError(limit, "size")
        for start in range(0, len(view), _OUT_CHUNK):
            yield bytes(view[start : start + _OUT_CHUNK])
        return
    if method != DEFLATED:
        raise ValueError(f"compression method {method} is not supported")
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    produced = 0
    fed = 0
    pending = b""
    while not inflater.eof:
        if not pending and fed < len(view):
            pending = bytes(view[fed : fed + _IN_CHUNK])
            fed += len(pending)
        try:
            chunk = inflater.decompress(pending, _OUT_CHUNK)
        except zlib.error as error:
            raise TruncatedStreamError(str(error)) from None
        pending = inflater.unconsumed_tail
        produced += len(chunk)
        if produced > limit:
            raise InflateLimitError(produced - len(chunk), "size")
        consumed = fed - len(pending) - len(inflater.unused_data)
        if max_ratio is not None and produced > ratio_grace and produced > max_ratio * max(consumed, 1):
            raise InflateLimitError(produced - len(chunk), "ratio")
        if chunk:
            yield chunk
        elif not pending and fed >= len(view) and not inflater.eof:
            raise TruncatedStreamError("the compressed data ends before the stream does")
