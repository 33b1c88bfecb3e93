"""A Word package read through the shared archive gate, its XML parts parsed safely.

Every byte here has passed :func:`coproduction.exporters.office.open_package`
(sizes counted on what is really inflated, every part searched for document
type and entity declarations, macros refused); XML parts are parsed with
entity resolution and network access off as a second wall.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from typing import Any

from lxml import etree

from coproduction import UnreadableFileError
from coproduction.exporters.office import VerifiedPackage, detail, part_name
from coproduction_docx._ooxml import CUSTOM_PROPERTIES_RELTYPE

__all__ = ["ARCHIVE_ERRORS", "WordPackage", "safe_parser"]

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
_CUSTOM_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
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
    """A Word file opened for reading, after the shared archive gate.

    Raises:
        UnreadableFileError: On construction, if the package has no Word main part.
    """

    def __init__(self, package: VerifiedPackage) -> None:
        self._package = package
        self.main_part = self._mainpart_name()

    def has(self, name: str) -> bool:
        """Say whether the package has a part of this name (no leading slash)."""
        return self._package.has(name)

    def read(self, name: str) -> bytes:
        """The bytes of one part.

        Raises:
            UnreadableFileError: If it is missing or damaged.
        """
        if not self._package.has(name):
            raise UnreadableFileError(f"the file is damaged: the part {part_name(name)} is missing")
        return self._package.read(name)

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
                f"the file is damaged: the part {part_name(name)} is not well-formed XML ({detail(error)})"
            ) from error
        if root is None:
            raise UnreadableFileError(f"the file is damaged: the part {part_name(name)} is empty")
        if root.getroottree().docinfo.doctype:
            raise UnreadableFileError(
                f"the part {part_name(name)} declares a DOCTYPE, which Word never writes and which can hide an attack; "
                "the file is refused"
            )
        return root

    def _mainpart_name(self) -> str:
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

    def custom_properties(self) -> dict[str, str]:
        """The document's custom properties (its stamp), by name; empty when it has none."""
        part = self.related("", CUSTOM_PROPERTIES_RELTYPE)
        if part is None and self.has("docProps/custom.xml"):
            part = "docProps/custom.xml"
        if part is None or not self.has(part):
            return {}
        properties: dict[str, str] = {}
        for item in self.xml(part).iter(f"{_CUSTOM_NS}property"):
            value = next(iter(item), None)
            properties[item.get("name") or ""] = "" if value is None else (value.text or "")
        return properties
