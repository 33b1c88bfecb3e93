"""WordprocessingML building blocks: namespaces, escaped text runs, the cached base package.

Body content is built as XML text (fast, and easy to read beside the
specification) and parsed once per document into the python-docx tree.
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
from collections.abc import Iterable
from importlib import resources
from typing import Any

import docx
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

__all__ = [
    "CUSTOM_PROPERTIES_CONTENT_TYPE",
    "CUSTOM_PROPERTIES_RELTYPE",
    "NS",
    "NS_DECLARATIONS",
    "W",
    "W14",
    "Page",
    "add_custom_properties",
    "append_body",
    "attr",
    "cell",
    "custom_properties_xml",
    "new_document",
    "para",
    "paragraph_texts",
    "picture",
    "run",
    "table",
    "text",
]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
NS = {
    "w": W,
    "w14": W14,
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
}
NS_DECLARATIONS = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NS.items())

CUSTOM_PROPERTIES_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_PROPERTIES_RELTYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
_LINE_BREAK = re.compile(r"\r\n|\r|\n")

_EMU_PER_PIXEL = 9525  # at 96 pixels per inch

# Page geometry in twentieths of a point: A4, 1.5 cm margins.
_A4_SHORT, _A4_LONG, _MARGIN = 11906, 16838, 850


def attr(value: str) -> str:
    """Escape text for an XML attribute value (or element text)."""
    return value.translate(_ESCAPES)


def text(value: str) -> str:
    """The inside of a run holding ``value``: ``w:t`` pieces with breaks and tabs.

    A line break becomes ``w:br`` (as Word stores Enter in a plain-text
    control) and a tab ``w:tab``; leading and trailing spaces are kept.
    """
    parts: list[str] = []
    for index, line in enumerate(_LINE_BREAK.split(value)):
        if index:
            parts.append("<w:br/>")
        for piece_index, piece in enumerate(line.split("\t")):
            if piece_index:
                parts.append("<w:tab/>")
            if piece:
                parts.append(f'<w:t xml:space="preserve">{attr(piece)}</w:t>')
    return "".join(parts)


_PARAGRAPH_END = re.compile(r"</w:p>")
_TEXT_PIECE = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")
_UNESCAPES = (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&amp;", "&"))


def paragraph_texts(body_xml: str) -> list[str]:
    """The text of each paragraph of body XML this module wrote, in reading order (for a document's glossary)."""
    found = []
    for chunk in _PARAGRAPH_END.split(body_xml):
        value = "".join(_TEXT_PIECE.findall(chunk))
        for escaped, character in _UNESCAPES:
            value = value.replace(escaped, character)
        if value.strip():
            found.append(value)
    return found


def run(value: str, *, bold: bool = False, style: str | None = None, rpr: str = "") -> str:
    """One run of text, optionally bold or in a character style."""
    props = ""
    if style:
        props += f'<w:rStyle w:val="{style}"/>'
    props += rpr
    if bold:
        props += "<w:b/><w:bCs/>"
    head = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f"<w:r>{head}{text(value)}</w:r>"


def para(content: str = "", *, style: str | None = None, keep_next: bool = False, ppr: str = "") -> str:
    """A paragraph around ``content`` (runs or inline content controls)."""
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if keep_next:
        props += "<w:keepNext/>"
    props += ppr
    head = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f"<w:p>{head}{content}</w:p>"


def cell(paragraphs: str, width: int, *, shade: str | None = None) -> str:
    """A table cell of a fixed width holding one or more paragraphs."""
    shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>' if shade else ""
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shading}</w:tcPr>{paragraphs or para()}</w:tc>'


def table(header: Iterable[str], widths: list[int], rows: Iterable[str], *, caption: str) -> str:
    """A bordered table whose first row is a header repeated on every page.

    Args:
        header: The column headings.
        widths: Each column's width in twentieths of a point.
        rows: Each further row's XML (``w:tr``).
        caption: A short description, read by screen readers.

    Returns:
        The table's XML.
    """
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    head_cells = "".join(
        cell(para(run(heading, bold=True), keep_next=True), width, shade="D9E2F3")
        for heading, width in zip(header, widths, strict=True)
    )
    return (
        "<w:tbl><w:tblPr>"
        '<w:tblStyle w:val="TableGrid"/>'
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
        'w:noHBand="0" w:noVBand="1"/>'
        f'<w:tblCaption w:val="{attr(caption)}"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
        f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{head_cells}</w:tr>"
        f"{''.join(rows)}</w:tbl>"
    )


def picture(rid: str, number: int, width: int, height: int, description: str, max_width_twips: int) -> str:
    """An inline picture run: the image of relationship ``rid``, shrunk to fit ``max_width_twips``, with alt text."""
    cx, cy = width * _EMU_PER_PIXEL, height * _EMU_PER_PIXEL
    limit = max_width_twips * 635  # twips to EMU
    if cx > limit:
        cx, cy = limit, cy * limit // cx
    alt = attr(description)
    return (
        '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{number}" name="Picture {number}" descr="{alt}"/>'
        '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        f'<pic:pic><pic:nvPicPr><pic:cNvPr id="{number}" name="picture{number}.png" descr="{alt}"/><pic:cNvPicPr/>'
        f'</pic:nvPicPr><pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
        "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    )


class Page:
    """A4 page geometry: portrait or landscape."""

    def __init__(self, *, landscape: bool) -> None:
        self.landscape = landscape
        self.width = _A4_LONG if landscape else _A4_SHORT
        self.height = _A4_SHORT if landscape else _A4_LONG
        self.text_width = self.width - 2 * _MARGIN

    def section_properties(self) -> str:
        """The body's ``w:sectPr``."""
        orient = ' w:orient="landscape"' if self.landscape else ""
        return (
            f'<w:sectPr><w:pgSz w:w="{self.width}" w:h="{self.height}"{orient}/>'
            f'<w:pgMar w:top="{_MARGIN}" w:right="{_MARGIN}" w:bottom="{_MARGIN}" w:left="{_MARGIN}" '
            'w:header="425" w:footer="425" w:gutter="0"/><w:cols w:space="708"/></w:sectPr>'
        )

    def widths(self, fractions: list[float]) -> list[int]:
        """Split the text width by fractions (summing to 1) into whole column widths."""
        widths = [int(self.text_width * fraction) for fraction in fractions]
        widths[0] += self.text_width - sum(widths)
        return widths


def append_body(document: Any, body_xml: str, page: Page) -> None:
    """Replace the body of a python-docx document with ``body_xml`` and the page setup.

    Args:
        document: A python-docx ``Document``.
        body_xml: Block-level content (paragraphs and tables).
        page: The page geometry.
    """
    fragment = etree.fromstring(f"<w:body {NS_DECLARATIONS}>{body_xml}{page.section_properties()}</w:body>")
    body = document.element.body
    for child in list(body):
        body.remove(child)
    body.extend(list(fragment))


def custom_properties_xml(properties: dict[str, str]) -> bytes:
    """The ``docProps/custom.xml`` part holding string properties."""
    items = "".join(
        f'<property fmtid="{_FMTID}" pid="{pid}" name="{attr(name)}"><vt:lpwstr>{attr(value)}</vt:lpwstr></property>'
        for pid, (name, value) in enumerate(sorted(properties.items()), start=2)
    )
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f'<Properties xmlns="{_CUSTOM_NS}" xmlns:vt="{_VT_NS}">{items}</Properties>'
    ).encode()


def add_custom_properties(document: Any, properties: dict[str, str]) -> None:
    """Stamp a python-docx document with custom properties (``docProps/custom.xml``)."""
    package = document.part.package
    part = Part(
        PackURI("/docProps/custom.xml"),
        CUSTOM_PROPERTIES_CONTENT_TYPE,
        custom_properties_xml(properties),
        package,
    )
    package.relate_to(part, CUSTOM_PROPERTIES_RELTYPE)


def new_document() -> Any:
    """A fresh python-docx document opened from the cached, trimmed base package."""
    return docx.Document(io.BytesIO(_base_package()))


_KEEP_STYLES = frozenset(
    {
        "Normal",
        "DefaultParagraphFont",
        "TableNormal",
        "NoList",
        "TableGrid",
        "Title",
        "TitleChar",
        "Subtitle",
        "SubtitleChar",
        "Heading1",
        "Heading1Char",
        "Heading2",
        "Heading2Char",
        "Heading3",
        "Heading3Char",
        "ListParagraph",
        "ListBullet",
        "Caption",
        "Strong",
    }
)
_DROP_PARTS = ("word/stylesWithEffects.xml", "docProps/thumbnail.jpeg", "customXml/")
_DROP_MARKERS = ("stylesWithEffects.xml", "thumbnail.jpeg", "customXml/")

_EXTRA_STYLES = """
<w:style xmlns:w="{w}" w:type="character" w:styleId="PlaceholderText">
  <w:name w:val="Placeholder Text"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/>
  <w:semiHidden/><w:rPr><w:i/><w:color w:val="595959"/></w:rPr>
</w:style>
<w:style xmlns:w="{w}" w:type="paragraph" w:styleId="Reference">
  <w:name w:val="Criterion reference"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/>
  <w:pPr><w:spacing w:before="60" w:after="0"/></w:pPr><w:rPr><w:color w:val="404040"/></w:rPr>
</w:style>
"""


@functools.cache
def _base_package() -> bytes:
    """python-docx's default template trimmed and set up for accessible British English documents.

    Unused parts and styles are dropped (the stock styles part is 400 KB, and
    parsing it dominated the time to write a document); body text is 11 pt
    Arial; the language is en-GB; a placeholder style with enough contrast is
    added.
    """
    source = resources.files("docx") / "templates" / "default.docx"
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(source.read_bytes())) as original,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as trimmed,
    ):
        for info in original.infolist():
            name = info.filename
            if name.startswith(_DROP_PARTS):
                continue
            data = original.read(name)
            if name == "word/styles.xml":
                data = _trim_styles(data)
            elif name == "word/settings.xml":
                data = data.replace(b'w:themeFontLang w:val="en-US"', b'w:themeFontLang w:val="en-GB"')
            elif name in ("[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels"):
                data = _drop_references(data)
            trimmed.writestr(name, data)
    return out.getvalue()


def _drop_references(data: bytes) -> bytes:
    root = etree.fromstring(data)
    for child in list(root):
        target = child.get("Target") or child.get("PartName") or ""
        if any(marker in target for marker in _DROP_MARKERS):
            root.remove(child)
    result: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return result


def _found(parent: etree._Element, path: str) -> etree._Element:
    """The element at ``path`` in python-docx's own default styles, which always have it."""
    element = parent.find(path)
    if element is None:
        raise LookupError(f"python-docx's default styles have no {path}")
    return element


def _trim_styles(data: bytes) -> bytes:
    root = etree.fromstring(data)
    w = f"{{{W}}}"
    for child in list(root):
        if child.tag == f"{w}latentStyles" or (
            child.tag == f"{w}style" and child.get(f"{w}styleId") not in _KEEP_STYLES
        ):
            root.remove(child)
    defaults = _found(root, f"{w}docDefaults/{w}rPrDefault/{w}rPr")
    fonts = _found(defaults, f"{w}rFonts")
    for name in list(fonts.attrib):
        del fonts.attrib[name]
    for name in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(f"{w}{name}", "Arial")
    language = _found(defaults, f"{w}lang")
    language.set(f"{w}val", "en-GB")
    language.set(f"{w}eastAsia", "en-GB")
    for style in root.iter(f"{w}style"):
        for size in style.iter(f"{w}sz", f"{w}szCs"):
            if int(size.get(f"{w}val", "22")) < 22:  # nothing smaller than 11 pt
                size.set(f"{w}val", "22")
        for colour in style.iter(f"{w}color"):  # the stock blues are too pale to read easily
            for name in list(colour.attrib):
                del colour.attrib[name]
            colour.set(f"{w}val", "1F3864")
        for theme_fonts in style.iter(f"{w}rFonts"):  # headings in Arial too
            for name in list(theme_fonts.attrib):
                del theme_fonts.attrib[name]
            for name in ("ascii", "hAnsi", "cs", "eastAsia"):
                theme_fonts.set(f"{w}{name}", "Arial")
    for extra in etree.fromstring(f"<root>{_EXTRA_STYLES.format(w=W)}</root>"):
        root.append(extra)
    result: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return result
