"""The one gate an untrusted Word or Excel file passes before any loader sees it.

Nothing the zip directory declares is trusted: every part is inflated here,
through :func:`~coproduction.exporters.office._inflate.inflate_bounded`, which
counts the bytes it really produces and stops at the limits; declared sizes
are only used to refuse honest bombs early. What comes out is a
:class:`VerifiedPackage` of parts held in memory, each checked for document
type and entity declarations, and the package checked to be the format asked
for and free of macros.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from typing import BinaryIO
from xml.etree import ElementTree

from coproduction.errors import UnreadableFileError
from coproduction.exporters.office._formats import EXCEL, WORD, PackageFormat
from coproduction.exporters.office._inflate import (
    DEFLATED,
    STORED,
    InflateLimitError,
    TruncatedStreamError,
    inflate_bounded,
)
from coproduction.exporters.office._limits import ArchiveLimits
from coproduction.exporters.office._markup import unsafe_markup
from coproduction.exporters.office._package import VerifiedPackage
from coproduction.exporters.office._quote import detail, part_name

__all__ = ["open_package", "read_bounded"]

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_EMPTY_ZIP = b"PK\x05\x06"
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_CONTENT_TYPES = "[Content_Types].xml"
_MACRO_PARTS = re.compile(r"(?:^|/)(?:vbaProject\.bin|vbaData\.xml)$", re.IGNORECASE)
_BAD_NAME = re.compile(r"(?:^[/\\]|\\|^[A-Za-z]:|(?:^|/)\.\.(?:/|$)|[\x00-\x1f\x7f])")
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError, struct.error)
_OTHER_FAMILIES = {"presentationml": "a PowerPoint presentation (.pptx)"}


def read_bounded(source: BinaryIO, limits: ArchiveLimits) -> bytes:
    """Read a whole untrusted input, never more than ``limits.max_file_bytes`` plus one byte.

    Args:
        source: A stream opened for binary reading.
        limits: The limits to apply.

    Returns:
        Its bytes.

    Raises:
        UnreadableFileError: If it cannot be read, is not binary, or is too large.
    """
    try:
        data = source.read(limits.max_file_bytes + 1)
    except (OSError, ValueError) as error:
        raise UnreadableFileError(f"the file cannot be read: {detail(error)}") from None
    if not isinstance(data, bytes):
        raise UnreadableFileError("the input must be opened in binary mode ('rb')")
    if len(data) > limits.max_file_bytes:
        raise UnreadableFileError(
            f"the file is larger than {limits.max_file_bytes:,} bytes, the most accepted "
            "(see ArchiveLimits.max_file_bytes)"
        )
    return data


def open_package(data: bytes, expected: PackageFormat, limits: ArchiveLimits) -> VerifiedPackage:
    """Check an untrusted Office file completely and hand back its verified parts.

    In order: the size of the file; its signature (an OLE2 file is named as
    an old binary or a password-protected file); the number of parts, from
    the end of the archive before its directory is read; each part's name,
    encryption flag, method and declared sizes; then every part inflated
    within the limits on the bytes really produced (and on its declared size
    and checksum, so a lying directory is caught at once); every part
    searched for document type and entity declarations; the content types
    checked to be ``expected``'s and free of macros.

    Args:
        data: The whole file (see :func:`read_bounded`).
        expected: The format the caller reads (:data:`WORD` or :data:`EXCEL`).
        limits: The limits to apply.

    Returns:
        The package, every part in memory and checked.

    Raises:
        UnreadableFileError: Saying what the file is instead, which part is
            wrong, or which limit (by its :class:`ArchiveLimits` field) it broke.
    """
    if len(data) > limits.max_file_bytes:
        raise UnreadableFileError(
            f"the file is larger than {limits.max_file_bytes:,} bytes, the most accepted "
            "(see ArchiveLimits.max_file_bytes)"
        )
    _ensure_signature(data, expected)
    _ensure_entry_count(_declared_entry_count(data), limits)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except _ZIP_ERRORS as error:
        raise _damaged(expected, detail(error)) from None
    _ensure_directory(infos, limits)
    parts: dict[str, bytes] = {}
    total = 0
    for info in infos:
        part = _inflate(data, info, limits, limits.max_total_bytes - total)
        total += len(part)
        reason = unsafe_markup(part)
        if reason is not None:
            raise UnreadableFileError(f"the part {part_name(info.filename)} {reason}; the file is refused")
        parts[info.filename] = part
    package = VerifiedPackage(parts)
    _ensure_content_types(package, expected)
    return package


def _damaged(expected: PackageFormat, why: str) -> UnreadableFileError:
    return UnreadableFileError(
        f"the file is damaged or incomplete (perhaps cut short while copying), so it is not a readable "
        f"{expected.label.split(' ', 1)[1]}: {why}; ask for it to be sent again, or {expected.save_as}"
    )


def _ensure_signature(data: bytes, expected: PackageFormat) -> None:
    if not data:
        raise UnreadableFileError(f"the file is empty; it is not {expected.label} ({expected.suffix})")
    if data.startswith(_OLE2):
        head = data[: 1024 * 1024]
        if "EncryptedPackage".encode("utf-16-le") in head or "EncryptionInfo".encode("utf-16-le") in head:
            raise UnreadableFileError(
                "this file is password-protected (encrypted; an OLE2 compound file), so it cannot be read; "
                f"open it, remove the password ({expected.password_hint}) and save it again"
            )
        raise UnreadableFileError(f"this is {expected.old_format}, not {expected.label}; {expected.save_as}")
    if not data.startswith((_ZIP, _EMPTY_ZIP)):
        raise UnreadableFileError(
            f"this is not {expected.label} ({expected.suffix}): it is not a zip package; {expected.save_as}"
        )


def _declared_entry_count(data: bytes) -> int:
    """The number of parts the end of the archive declares, read before the directory is parsed (0 if unclear)."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0 or end + 22 > len(data):
        return 0
    count: int = struct.unpack_from("<H", data, end + 10)[0]
    locator = end - 20
    if count == 0xFFFF and locator >= 0 and data[locator : locator + 4] == b"PK\x06\x07":
        record: int = struct.unpack_from("<Q", data, locator + 8)[0]
        if record + 40 <= len(data) and data[record : record + 4] == b"PK\x06\x06":
            count = int(struct.unpack_from("<Q", data, record + 32)[0])
    return count


def _ensure_entry_count(count: int, limits: ArchiveLimits) -> None:
    if count > limits.max_entries:
        raise UnreadableFileError(
            f"the file has {count:,} parts (zip entries); at most {limits.max_entries:,} are accepted "
            "(see ArchiveLimits.max_entries)"
        )


def _ensure_directory(infos: list[zipfile.ZipInfo], limits: ArchiveLimits) -> None:
    """Refuse what the directory itself shows: too many parts, bad names, encryption, honest bombs."""
    _ensure_entry_count(len(infos), limits)
    names: set[str] = set()
    declared_total = 0
    for info in infos:
        name = info.filename
        if len(name) > limits.max_name_chars or _BAD_NAME.search(info.orig_filename) or not name:
            raise UnreadableFileError(
                f"the file holds a part named {part_name(info.orig_filename)}, a name Office never writes "
                f"(empty, absolute, climbing out with '..', with a backslash or a control character, or longer than "
                f"{limits.max_name_chars} characters: see ArchiveLimits.max_name_chars); the file is refused"
            )
        if name in names:
            raise UnreadableFileError(f"the file is damaged: it holds the part {part_name(name)} twice")
        names.add(name)
        if info.flag_bits & 0x1:
            raise UnreadableFileError(
                f"the part {part_name(name)} is encrypted; remove the password in the program that made the file "
                "and save it again"
            )
        if info.compress_type not in (STORED, DEFLATED):
            raise UnreadableFileError(
                f"the part {part_name(name)} is compressed with method {info.compress_type}, which Office never "
                "uses; the file is refused"
            )
        if info.file_size > limits.ratio_grace_bytes and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise _ratio_error(name, info.file_size / max(info.compress_size, 1), limits, info.file_size)
        if info.file_size > limits.max_entry_bytes:
            raise UnreadableFileError(
                f"the part {part_name(name)} would unpack to {info.file_size:,} bytes; at most "
                f"{limits.max_entry_bytes:,} are accepted for one part (see ArchiveLimits.max_entry_bytes)"
            )
        declared_total += info.file_size
    if declared_total > limits.max_total_bytes:
        raise _total_error(limits)


def _ratio_error(name: str, ratio: float, limits: ArchiveLimits, size: int) -> UnreadableFileError:
    return UnreadableFileError(
        f"the part {part_name(name)} would unpack to {size:,} bytes and is compressed {ratio:,.0f} to 1, more than "
        f"the {limits.max_ratio:,.0f} to 1 accepted; it looks like a zip bomb (see ArchiveLimits.max_ratio)"
    )


def _total_error(limits: ArchiveLimits) -> UnreadableFileError:
    return UnreadableFileError(
        f"the file's parts together would unpack to more than {limits.max_total_bytes:,} bytes, the most accepted "
        "(see ArchiveLimits.max_total_bytes)"
    )


def _inflate(data: bytes, info: zipfile.ZipInfo, limits: ArchiveLimits, total_left: int) -> bytes:
    """One part, inflated within every limit and checked against its declared size and checksum."""
    name = info.filename
    start = _data_offset(data, info)
    raw = memoryview(data)[start : start + info.compress_size]
    limit = min(info.file_size, limits.max_entry_bytes, total_left)
    chunks: list[bytes] = []
    crc = 0
    try:
        for chunk in inflate_bounded(
            raw, info.compress_type, limit, max_ratio=limits.max_ratio, ratio_grace=limits.ratio_grace_bytes
        ):
            crc = zlib.crc32(chunk, crc)
            chunks.append(chunk)
    except InflateLimitError as error:
        if error.reason == "ratio":
            raise UnreadableFileError(
                f"the part {part_name(name)} is compressed more than the {limits.max_ratio:,.0f} to 1 accepted "
                f"(found after {error.produced:,} bytes); it looks like a zip bomb (see ArchiveLimits.max_ratio)"
            ) from None
        if limit == total_left and total_left < info.file_size:
            raise _total_error(limits) from None
        raise UnreadableFileError(
            f"the part {part_name(name)} unpacks to more than the {info.file_size:,} bytes the archive's "
            "directory declares for it (a trick of zip bombs); the file is damaged or unsafe and is refused"
        ) from None
    except TruncatedStreamError as error:
        raise UnreadableFileError(
            f"the part {part_name(name)} is damaged or incomplete ({detail(error)}); ask for the file to be sent again"
        ) from None
    part = b"".join(chunks)
    if len(part) != info.file_size or crc != info.CRC:
        raise UnreadableFileError(
            f"the part {part_name(name)} is damaged: it does not match the size and checksum its archive "
            "declares; ask for the file to be sent again"
        )
    return part


def _data_offset(data: bytes, info: zipfile.ZipInfo) -> int:
    """Where a part's stored bytes start, after its local header (whose name must agree with the directory)."""
    offset = info.header_offset
    try:
        fields = _LOCAL_HEADER.unpack_from(data, offset)
    except struct.error:
        fields = None
    if fields is None or fields[0] != _ZIP:
        raise UnreadableFileError(
            f"the part {part_name(info.filename)} is damaged or incomplete: its header is missing; "
            "ask for the file to be sent again"
        )
    name_length, extra_length = int(fields[-2]), int(fields[-1])
    start = offset + _LOCAL_HEADER.size
    local_name = data[start : start + name_length]
    if local_name != info.orig_filename.encode("utf-8" if info.flag_bits & 0x800 else "cp437", "replace"):
        raise UnreadableFileError(
            f"the file is damaged: the two names of the part {part_name(info.filename)} disagree "
            f"(one is {part_name(local_name.decode('utf-8', 'replace'))})"
        )
    return start + name_length + extra_length


def _ensure_content_types(package: VerifiedPackage, expected: PackageFormat) -> None:
    if not package.has(_CONTENT_TYPES):
        if package.has("mimetype") and b"opendocument" in package.read("mimetype")[:100]:
            raise UnreadableFileError(
                f"this is an OpenDocument file (.ods or .odt, as LibreOffice saves by default), not "
                f"{expected.label}; {expected.save_as}"
            )
        for other in (WORD, EXCEL):
            if other is not expected and package.has("word/document.xml" if other is WORD else "xl/workbook.xml"):
                raise _other_format(other, expected)
        raise UnreadableFileError(
            f"this is a zip file but not an Office document (it has no {_CONTENT_TYPES}); "
            f"it is not {expected.label} ({expected.suffix})"
        )
    try:
        root = ElementTree.fromstring(package.read(_CONTENT_TYPES))
    except ElementTree.ParseError as error:
        raise UnreadableFileError(f"the part '{_CONTENT_TYPES}' is damaged: {detail(error)}") from None
    types = {
        element.get("ContentType", "") for element in root if element.tag in (f"{_CT_NS}Override", f"{_CT_NS}Default")
    }
    macro_parts = [name for name in package.parts if _MACRO_PARTS.search(name)]
    if types & (WORD.macro_types | EXCEL.macro_types) or macro_parts:
        what = part_name(macro_parts[0]) if macro_parts else "a macro content type"
        raise UnreadableFileError(
            f"this is a macro-enabled file (with {what}) "
            f"even if its name ends in {expected.suffix}; macros are not accepted. Open it and save it as "
            f"{expected.label} ({expected.suffix}), which removes the macros"
        )
    if types & expected.main_types:
        return
    for other in (WORD, EXCEL):
        if other is not expected and any(other.family in kind for kind in types):
            raise _other_format(other, expected)
    for family, what in _OTHER_FAMILIES.items():
        if any(family in kind for kind in types):
            raise UnreadableFileError(f"this is {what}, not {expected.label} ({expected.suffix})")
    raise UnreadableFileError(
        f"this Office file is not {expected.label} ({expected.suffix}): it has no main part of that kind"
    )


def _other_format(other: PackageFormat, expected: PackageFormat) -> UnreadableFileError:
    return UnreadableFileError(
        f"this is {other.label} ({other.suffix}), not {expected.label} ({expected.suffix}), even if its name ends "
        f"in {expected.suffix}; read it with the {other.suffix.lstrip('.')} exporter"
    )
