"""Refusing document type and entity declarations in any part, whatever its name or encoding."""

from __future__ import annotations

import codecs
import re

__all__ = ["unsafe_markup"]

# Every encoding an XML parser detects on its own (from a byte-order mark or the first bytes).
_DETECTED = ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
# Encodings whose bytes for "<!DOCTYPE" are the ASCII bytes, so the UTF-8 search covers them.
_ASCII_COMPATIBLE = {"utf-8", "ascii", "iso8859-1", "cp1252", "iso8859-15"}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# The first four bytes of "<?xm" or of "<" then any character, by encoding (XML 1.0, appendix F).
_WITHOUT_BOM = (
    (re.compile(rb"\x00\x00\x00<", re.DOTALL), "utf-32-be"),
    (re.compile(rb"<\x00\x00\x00", re.DOTALL), "utf-32-le"),
    (re.compile(rb"\x00<\x00.", re.DOTALL), "utf-16-be"),
    (re.compile(rb"<\x00.\x00", re.DOTALL), "utf-16-le"),
    (re.compile(rb"\x4c\x6f\xa7\x94", re.DOTALL), "ebcdic"),
)
_DECLARED = re.compile(r"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""")


def _pattern(encoding: str) -> re.Pattern[bytes]:
    """``<!DOCTYPE`` or ``<!ENTITY`` in ``encoding``, any case; it starts with a literal, so it is searched fast."""

    def letters(word: str) -> bytes:
        return b"".join(
            b"(?:"
            + b"|".join(re.escape(form) for form in sorted({c.lower().encode(encoding), c.upper().encode(encoding)}))
            + b")"
            for c in word
        )

    return re.compile(re.escape("<!".encode(encoding)) + b"(?:" + letters("DOCTYPE") + b"|" + letters("ENTITY") + b")")


_DECLARATIONS = tuple(_pattern(encoding) for encoding in _DETECTED)


def _encoding_of(head: bytes) -> str:
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    for signature, name in _WITHOUT_BOM:
        if signature.match(head):
            return name
    return "utf-8"


def unsafe_markup(data: bytes) -> str | None:
    """Say why a part could carry an entity-expansion or external-entity attack, or None when it cannot.

    The part's name is not trusted: every part is searched, in every encoding
    an XML parser detects without being told (UTF-8 and UTF-16 or UTF-32 of
    either byte order, with or without a byte-order mark), for ``<!DOCTYPE``
    and ``<!ENTITY`` in any case. A part that declares any other encoding (or
    is EBCDIC) is refused, since its bytes would not show those words.

    Args:
        data: The whole part, already inflated within the limits.

    Returns:
        A reason (in words a user understands), or None.
    """
    if any(pattern.search(data) is not None for pattern in _DECLARATIONS):
        return (
            "declares a document type or an entity (<!DOCTYPE or <!ENTITY), which Office never writes "
            "and which can hide an entity-expansion attack"
        )
    detected = _encoding_of(data[:4])
    if detected == "ebcdic":
        return "is written in EBCDIC, a character encoding Office never uses"
    head = data[:1024].decode(detected, "replace").lstrip("\ufeff")
    declared = _DECLARED.match(head)
    if declared is not None:
        try:
            name = codecs.lookup(declared.group(1)).name
        except LookupError:
            name = declared.group(1)
        if name not in _ASCII_COMPATIBLE and name.replace("-le", "").replace("-be", "") not in ("utf-16", "utf-32"):
            return f"declares the character encoding {name[:40]!r}, which Office never uses"
    return None
