"""Opening an untrusted Word file safely: size limits first, then safe XML parsing.

The zip's central directory is checked (entry count, each entry's and the
total uncompressed size) before anything is decompressed. Python's zipfile
never inflates an entry past its declared size (a larger stream fails its
check), so the declared sizes bound the work done. XML parts are parsed with
entity resolution and network access off, and any part with a DOCTYPE is
refused, which rules out entity-expansion and external-entity attacks.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from dataclasses import dataclass
from typing import Any, BinaryIO

from lxml import etree

from coproduction import UnreadableFileError

__all__ = ["ArchiveLimits", "WordPackage", "read_limited"]

_WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_WORD_MAIN_TYPES = {
    _WORD_MAIN,
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_STRICT_OFFICE_DOCUMENT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_SAVE_AS_DOCX = "open it in Word or LibreOffice and save it as a Word document (.docx)"

# The errors reading a damaged archive can raise, past the central directory.
ARCHIVE_ERRORS: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    OSError,
    NotImplementedError,
    RuntimeError,
    ValueError,
    KeyError,
)


@dataclass(frozen=True)
class ArchiveLimits:
    """How big a Word file may be before it is refused unread.

    The defaults are far above any real audit (a filled template of 31
    criteria is about 40 KB) and far below what would hurt the machine.

    Attributes:
        max_file_bytes: The largest file accepted (default 50 MB).
        max_entries: The most entries the zip may hold (default 1,000).
        max_entry_bytes: The largest uncompressed size of one entry (default 100 MB).
        max_total_bytes: The largest uncompressed size of all entries together (default 250 MB).
    """

    max_file_bytes: int = 50 * 1024 * 1024
    max_entries: int = 1000
    max_entry_bytes: int = 100 * 1024 * 1024
    max_total_bytes: int = 250 * 1024 * 1024


def _detail(error: BaseException) -> str:
    """What a low-level error says, on one line and cut short (it may repeat bytes of the file)."""
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return text if len(text) <= 200 else text[:197] + "..."


def _part(name: str) -> str:
    """A part's name, quoted and cut short (a damaged archive can hold a name of any length)."""
    text = repr(name)
    return text if len(text) <= 60 else text[:57] + "..."


def read_limited(source: BinaryIO, limits: ArchiveLimits) -> bytes:
    """Read a stream whole, refusing it once it passes the size limit.

    Raises:
        UnreadableFileError: If it is larger than ``limits.max_file_bytes`` or
            cannot be read.
    """
    try:
        data = source.read(limits.max_file_bytes + 1)
    except (OSError, ValueError) as error:
        raise UnreadableFileError(f"the file could not be read ({_detail(error)})") from error
    if not isinstance(data, bytes):
        raise UnreadableFileError("the file must be opened for reading in binary mode ('rb')")
    if len(data) > limits.max_file_bytes:
        raise UnreadableFileError(
            f"the file is larger than {limits.max_file_bytes:,} bytes, the most accepted for a Word document"
        )
    return data


def safe_parser() -> Any:
    """An XML parser that resolves no entities and never touches the network."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )


class WordPackage:
    """A Word file opened for reading, after the archive checks.

    Raises:
        UnreadableFileError: On construction, if the bytes are not a Word
            document, are damaged, or break the limits.
    """

    def __init__(self, data: bytes, limits: ArchiveLimits) -> None:
        if data[:4] == b"\xd0\xcf\x11\xe0":
            raise UnreadableFileError(
                "the file is an old-style Word 97-2003 document (.doc) or is password-protected; "
                f"remove any password, then {_SAVE_AS_DOCX}"
            )
        if not data.startswith(b"PK"):
            raise UnreadableFileError(f"the file is not a Word document (.docx); {_SAVE_AS_DOCX}")
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except ARCHIVE_ERRORS as error:
            raise UnreadableFileError(
                f"the file is damaged: it is not a complete Word document ({_detail(error)}); "
                "ask for it to be sent again, or open it in Word and save it again"
            ) from error
        self._check(infos, limits)
        self._infos = {info.filename: info for info in infos}
        self.main_part = self._main_part()

    def _check(self, infos: list[zipfile.ZipInfo], limits: ArchiveLimits) -> None:
        if len(infos) > limits.max_entries:
            raise UnreadableFileError(
                f"the file holds {len(infos):,} entries; a Word document is accepted with at most "
                f"{limits.max_entries:,} (this limit can be raised with ArchiveLimits)"
            )
        total = 0
        names: set[str] = set()
        for info in infos:
            if info.file_size > limits.max_entry_bytes:
                raise UnreadableFileError(
                    f"the part {_part(info.filename)} would unpack to {info.file_size:,} bytes; at most "
                    f"{limits.max_entry_bytes:,} are accepted for one part (ArchiveLimits.max_entry_bytes)"
                )
            total += info.file_size
            if info.flag_bits & 0x1:
                raise UnreadableFileError(f"the file is encrypted; remove the password, then {_SAVE_AS_DOCX}")
            if info.filename in names:
                raise UnreadableFileError(f"the file is damaged: it holds the part {_part(info.filename)} twice")
            names.add(info.filename)
        if total > limits.max_total_bytes:
            raise UnreadableFileError(
                f"the file would unpack to {total:,} bytes; at most {limits.max_total_bytes:,} are accepted "
                "(ArchiveLimits.max_total_bytes)"
            )

    def has(self, name: str) -> bool:
        """Say whether the package has a part of this name (no leading slash)."""
        return name in self._infos

    def read(self, name: str) -> bytes:
        """The bytes of one part.

        Raises:
            UnreadableFileError: If it is missing or damaged.
        """
        if name not in self._infos:
            raise UnreadableFileError(f"the file is damaged: the part {_part(name)} is missing")
        try:
            return self._zip.read(self._infos[name])
        except ARCHIVE_ERRORS as error:
            raise UnreadableFileError(
                f"the file is damaged: the part {_part(name)} cannot be unpacked ({_detail(error)}); "
                "ask for it to be sent again"
            ) from error

    def xml(self, name: str) -> Any:
        """One XML part parsed safely.

        Raises:
            UnreadableFileError: If it is missing, damaged, not well-formed, or
                declares a DOCTYPE (refused: entity declarations are a known attack).
        """
        data = self.read(name)
        try:
            root = etree.fromstring(data, safe_parser())
        except etree.XMLSyntaxError as error:
            raise UnreadableFileError(
                f"the file is damaged: the part {_part(name)} is not well-formed XML ({_detail(error)})"
            ) from error
        if root is None:
            raise UnreadableFileError(f"the file is damaged: the part {_part(name)} is empty")
        if root.getroottree().docinfo.doctype:
            raise UnreadableFileError(
                f"the part {_part(name)} declares a DOCTYPE, which Word never writes and which can hide an attack; "
                "the file is refused"
            )
        return root

    def check_all_xml(self) -> None:
        """Parse every XML part once safely, so none with a DOCTYPE slips through.

        Raises:
            UnreadableFileError: As :meth:`xml`.
        """
        for name in self._infos:
            if name.endswith((".xml", ".rels")):
                self.xml(name)

    def _main_part(self) -> str:
        if not self.has("[Content_Types].xml"):
            raise UnreadableFileError(f"the file is a zip archive but not a Word document; {_SAVE_AS_DOCX}")
        types = self.xml("[Content_Types].xml")
        overrides = {
            (item.get("PartName") or "").lstrip("/"): item.get("ContentType") or ""
            for item in types.iter(f"{_CT_NS}Override")
        }
        target = None
        if self.has("_rels/.rels"):
            for relationship in self.xml("_rels/.rels").iter(f"{_REL_NS}Relationship"):
                if relationship.get("Type") in (_OFFICE_DOCUMENT, _STRICT_OFFICE_DOCUMENT):
                    target = posixpath.normpath((relationship.get("Target") or "").lstrip("/"))
        content_type = overrides.get(target or "", "")
        if target is None or content_type not in _WORD_MAIN_TYPES:
            kinds = " ".join(overrides.values())
            if "spreadsheetml" in kinds:
                what = "an Excel workbook"
            elif "presentationml" in kinds:
                what = "a PowerPoint presentation"
            else:
                what = "not a Word document"
            raise UnreadableFileError(
                f"the file is {what}, not a Word document, although it may be named .docx; "
                "send the Word audit template that was filled in"
            )
        return target

    def related(self, part: str, relationship_type: str) -> str | None:
        """The name of the first part ``part`` relates to with this type, or None."""
        folder, base = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", base + ".rels")
        if not self.has(rels):
            return None
        for relationship in self.xml(rels).iter(f"{_REL_NS}Relationship"):
            if relationship.get("Type") == relationship_type and relationship.get("TargetMode") != "External":
                target = relationship.get("Target") or ""
                if target.startswith("/"):
                    return posixpath.normpath(target.lstrip("/"))
                return posixpath.normpath(posixpath.join(folder, target))
        return None
