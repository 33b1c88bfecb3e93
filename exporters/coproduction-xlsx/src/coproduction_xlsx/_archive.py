"""Checking an untrusted .xlsx file before any of it is decompressed or parsed."""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import BinaryIO

import attrs
import defusedxml.ElementTree as SafeET

from coproduction import UnreadableFileError

__all__ = ["ArchiveLimits", "check_archive", "read_source"]

_MIB = 1024 * 1024

_XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
_XLTX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml"
_XLSM_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
_XLTM_MAIN = "application/vnd.ms-excel.template.macroEnabled.main+xml"
_DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_PPTX_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_EMPTY_ZIP = b"PK\x05\x06"


@attrs.frozen
class ArchiveLimits:
    """Limits on a workbook read back, checked from the zip's central directory before decompressing.

    A filled-in audit template is a few hundred kilobytes; the defaults leave
    ample room for a large framework while refusing "zip bombs" (small files
    that decompress into gigabytes).

    Attributes:
        max_file_bytes: The largest file accepted (compressed), default 20 MiB.
        max_entries: The most entries (parts) in the zip, default 1,000.
        max_entry_bytes: The largest uncompressed size of one entry, default 100 MiB.
        max_total_bytes: The largest uncompressed size of all entries together, default 250 MiB.
        max_ratio: The highest compression ratio (uncompressed / compressed) of an
            entry larger than 1 MiB, default 200.
        max_prolog_bytes: How far into an XML part its root element must start,
            default 64 KiB (a document type declaration before it is refused).
    """

    max_file_bytes: int = 20 * _MIB
    max_entries: int = 1_000
    max_entry_bytes: int = 100 * _MIB
    max_total_bytes: int = 250 * _MIB
    max_ratio: float = 200.0
    max_prolog_bytes: int = 64 * 1024


def _detail(error: BaseException) -> str:
    """What a low-level error says, on one line and cut short (it may repeat bytes of the file)."""
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return text if len(text) <= 200 else text[:197] + "..."


def _part(name: str) -> str:
    """A part's name, quoted and cut short (a damaged archive can hold a name of any length)."""
    text = repr(name)
    return text if len(text) <= 60 else text[:57] + "..."


def read_source(source: BinaryIO, limits: ArchiveLimits) -> bytes:
    """Read the whole of an untrusted input, refusing one too large.

    Args:
        source: The input stream.
        limits: The limits to apply.

    Returns:
        Its bytes.

    Raises:
        UnreadableFileError: If it cannot be read or is too large.
    """
    try:
        data = source.read(limits.max_file_bytes + 1)
    except (OSError, ValueError) as error:
        raise UnreadableFileError(f"the file cannot be read: {_detail(error)}") from None
    if not isinstance(data, bytes):
        raise UnreadableFileError("the input must be opened in binary mode ('rb')")
    if len(data) > limits.max_file_bytes:
        raise UnreadableFileError(
            f"the file is larger than {limits.max_file_bytes:,} bytes, the most accepted for an audit "
            "template (see ArchiveLimits.max_file_bytes)"
        )
    return data


def check_archive(data: bytes, limits: ArchiveLimits) -> None:
    """Check that bytes are a plain .xlsx workbook that is safe to open.

    Checks, in order: the file signature (refusing old .xls and encrypted
    workbooks, which are OLE2 files); the central directory (entry count,
    uncompressed sizes and compression ratios, before anything is
    decompressed); the content types (refusing Word, PowerPoint and
    macro-enabled files); and every XML part's prolog (refusing document
    type declarations, so no entity can be expanded).

    Args:
        data: The whole file.
        limits: The limits to apply.

    Raises:
        UnreadableFileError: Saying what the file is instead, or what limit it broke.
    """
    if not data:
        raise UnreadableFileError("the file is empty")
    if data.startswith(_OLE2):
        raise _ole2_error(data)
    if not data.startswith((_ZIP, _EMPTY_ZIP)):
        raise UnreadableFileError(
            "this is not an Excel workbook (.xlsx): it is not a zip package; "
            "open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx)"
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise UnreadableFileError(
            f"the workbook is damaged or incomplete (perhaps cut short while copying): {_detail(error)}"
        ) from None
    with archive:
        entries = archive.infolist()
        _check_sizes(entries, limits)
        names = {entry.filename for entry in entries}
        _check_content_types(archive, names)
        for entry in entries:
            if entry.filename.endswith((".xml", ".rels", ".vml")):
                _check_prolog(archive, entry, limits)


def _ole2_error(data: bytes) -> UnreadableFileError:
    head = data[: 1024 * 1024]
    if "EncryptedPackage".encode("utf-16-le") in head or "EncryptionInfo".encode("utf-16-le") in head:
        return UnreadableFileError(
            "this workbook is password-protected (encrypted; an OLE2 compound file), so it cannot be read; "
            "open it, remove the password (File > Info > Protect Workbook > Encrypt with Password) and save it again"
        )
    return UnreadableFileError(
        "this is an old-style Excel 97-2003 workbook (.xls, an OLE2 compound file) or another "
        "OLE2 file, not an .xlsx workbook; open it and save it as an Excel Workbook (.xlsx)"
    )


def _check_sizes(entries: list[zipfile.ZipInfo], limits: ArchiveLimits) -> None:
    if len(entries) > limits.max_entries:
        raise UnreadableFileError(
            f"the workbook has {len(entries):,} parts; at most {limits.max_entries:,} are accepted "
            "(see ArchiveLimits.max_entries)"
        )
    total = 0
    for entry in entries:
        if entry.file_size > limits.max_entry_bytes:
            raise UnreadableFileError(
                f"the part {_part(entry.filename)} would decompress to {entry.file_size:,} bytes; at most "
                f"{limits.max_entry_bytes:,} are accepted (see ArchiveLimits.max_entry_bytes)"
            )
        if entry.file_size > _MIB and entry.file_size > limits.max_ratio * max(entry.compress_size, 1):
            raise UnreadableFileError(
                f"the part {_part(entry.filename)} is compressed {entry.file_size / max(entry.compress_size, 1):,.0f} "
                f"to 1, more than the {limits.max_ratio:,.0f} to 1 accepted; it looks like a zip bomb "
                "(see ArchiveLimits.max_ratio)"
            )
        total += entry.file_size
    if total > limits.max_total_bytes:
        raise UnreadableFileError(
            f"the workbook would decompress to {total:,} bytes; at most {limits.max_total_bytes:,} are "
            "accepted (see ArchiveLimits.max_total_bytes)"
        )


def _check_content_types(archive: zipfile.ZipFile, names: set[str]) -> None:
    if "[Content_Types].xml" not in names:
        if "word/document.xml" in names:
            raise _word_error()
        if "mimetype" in names and b"opendocument" in _read(archive, "mimetype")[:100]:
            raise UnreadableFileError(
                "this is an OpenDocument file (.ods or .odt, as LibreOffice saves by default), not an Excel "
                "workbook; open it in LibreOffice and use File > Save As > Excel 2007-365 (.xlsx)"
            )
        raise UnreadableFileError(
            "this is a zip file but not an Office document (it has no [Content_Types].xml); "
            "it is not an Excel workbook (.xlsx)"
        )
    try:
        root = SafeET.fromstring(_read(archive, "[Content_Types].xml"), forbid_dtd=True)
    except UnreadableFileError:
        raise
    except Exception as error:
        raise UnreadableFileError(
            f"the workbook's [Content_Types].xml is damaged or unsafe: {_detail(error)}"
        ) from None
    types = {element.get("ContentType", "") for element in root.iter(f"{_CT_NS}Override")}
    if _XLSM_MAIN in types or _XLTM_MAIN in types or "xl/vbaProject.bin" in names:
        raise UnreadableFileError(
            "this is a macro-enabled workbook (.xlsm, with a vbaProject.bin); macros are not accepted. "
            "Save it as an Excel Workbook (.xlsx), which removes the macros"
        )
    if _XLSX_MAIN in types or _XLTX_MAIN in types:
        return
    if _DOCX_MAIN in types or "word/document.xml" in names:
        raise _word_error()
    if _PPTX_MAIN in types:
        raise UnreadableFileError("this is a PowerPoint presentation (.pptx), not an Excel workbook (.xlsx)")
    raise UnreadableFileError("this Office file is not an Excel workbook (.xlsx): it has no workbook part")


def _word_error() -> UnreadableFileError:
    return UnreadableFileError(
        "this is a Word document (.docx), not an Excel workbook (.xlsx), even if its name ends in .xlsx; "
        "read it with the docx exporter"
    )


def _read(archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        return archive.read(name)
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError) as error:
        raise UnreadableFileError(f"the part {_part(name)} of the workbook is damaged: {_detail(error)}") from None


def _check_prolog(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, limits: ArchiveLimits) -> None:
    """Refuse a part whose XML declares a document type (the door to entity expansion)."""
    seen = b""
    try:
        with archive.open(entry) as stream:
            while len(seen) <= limits.max_prolog_bytes:
                chunk = stream.read(4096)
                if not chunk:
                    break
                seen += chunk
                verdict = _prolog_verdict(seen)
                if verdict is not None:
                    if verdict:
                        return
                    raise UnreadableFileError(
                        f"the part {_part(entry.filename)} declares a document type (<!DOCTYPE>), which Office never "
                        "writes and which can hide an entity-expansion attack; the file is refused"
                    )
    except UnreadableFileError:
        raise
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError) as error:
        raise UnreadableFileError(
            f"the part {_part(entry.filename)} of the workbook is damaged or incomplete: {_detail(error)}"
        ) from None
    if len(seen) > limits.max_prolog_bytes:
        raise UnreadableFileError(
            f"the part {_part(entry.filename)} has no XML element in its first {limits.max_prolog_bytes:,} bytes; "
            "the file is refused (see ArchiveLimits.max_prolog_bytes)"
        )


def _prolog_verdict(seen: bytes) -> bool | None:
    """True when the root element starts cleanly, False on a DOCTYPE, None when undecided yet."""
    text = seen
    if text.startswith(b"\xef\xbb\xbf"):
        text = text[3:]
    if text.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = seen.decode("utf-16").encode("utf-8", "replace")
        except UnicodeDecodeError:
            return None
    position = 0
    while True:
        start = text.find(b"<", position)
        if start < 0 or start + 9 > len(text):
            return None
        if text.startswith(b"<?", start):
            end = text.find(b"?>", start)
        elif text.startswith(b"<!--", start):
            end = text.find(b"-->", start)
        else:
            # the root element starts here, unless a <!DOCTYPE ...> (or another declaration) comes first
            return not text.startswith(b"<!", start)
        if end < 0:
            return None
        position = end + 2
