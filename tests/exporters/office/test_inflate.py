"""The bounded reader: never more than the limit, exactly the data under it, however the stream lies."""

from __future__ import annotations

import random
import zlib

import pytest
from hostile_zips import GIB, deflated_zeros
from hypothesis import given
from hypothesis import strategies as st

from coproduction.exporters.office._inflate import (
    DEFLATED,
    STORED,
    InflateLimitError,
    TruncatedStreamError,
    inflate_bounded,
)


def deflate(data: bytes, level: int = 6) -> bytes:
    compressor = zlib.compressobj(level, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


def collect(raw: bytes, method: int, limit: int, **kwargs: object) -> tuple[bytes, BaseException | None]:
    out = bytearray()
    try:
        for chunk in inflate_bounded(raw, method, limit, **kwargs):  # type: ignore[arg-type]
            out += chunk
    except (InflateLimitError, TruncatedStreamError) as error:
        return bytes(out), error
    return bytes(out), None


texts = st.one_of(
    st.binary(max_size=5000),
    st.builds(lambda byte, count: byte * count, st.binary(min_size=1, max_size=3), st.integers(0, 300_000)),
)


@given(data=texts, limit=st.integers(0, 400_000), method=st.sampled_from([STORED, DEFLATED]))
def test_never_more_than_the_limit_and_exactly_the_data_under_it(data: bytes, limit: int, method: int) -> None:
    raw = data if method == STORED else deflate(data)
    produced, error = collect(raw, method, limit)
    assert len(produced) <= limit
    if len(data) <= limit:
        assert error is None and produced == data
    else:
        assert isinstance(error, InflateLimitError) and error.reason == "size"
        assert data.startswith(produced)


@given(data=st.binary(min_size=1, max_size=20_000), cut=st.integers(1, 50))
def test_a_stream_cut_short_is_refused_not_returned(data: bytes, cut: int) -> None:
    raw = deflate(data)
    produced, error = collect(raw[: max(0, len(raw) - cut)], DEFLATED, 10**9)
    assert isinstance(error, TruncatedStreamError)
    assert data.startswith(produced)


def test_two_gib_of_zeros_stop_at_the_limit_at_once() -> None:
    import time
    import tracemalloc

    raw = deflated_zeros(2 * GIB)
    tracemalloc.start()
    start = time.perf_counter()
    produced, error = collect(raw, DEFLATED, 1_000_000)
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert isinstance(error, InflateLimitError) and len(produced) <= 1_000_000
    assert seconds < 0.5 and peak < 5_000_000


def test_the_ratio_is_checked_on_what_is_really_produced() -> None:
    produced, error = collect(deflated_zeros(64 * 1024 * 1024), DEFLATED, 10**12, max_ratio=100, ratio_grace=1 << 20)
    assert isinstance(error, InflateLimitError) and error.reason == "ratio"
    assert len(produced) <= (1 << 20) + 65536
    varied = random.Random(0).randbytes(2 * 1024 * 1024)
    produced, error = collect(deflate(varied), DEFLATED, 10**12, max_ratio=100, ratio_grace=1 << 20)
    assert error is None and produced == varied


def test_other_methods_are_refused() -> None:
    with pytest.raises(ValueError, match="method 12"):
        list(inflate_bounded(b"BZh9", 12, 100))
