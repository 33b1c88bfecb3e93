"""What the gate needs to know of each Office format: its names, its main part types, its macro types."""

from __future__ import annotations

import attrs

__all__ = ["EXCEL", "WORD", "PackageFormat"]

_WORD_NS = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_EXCEL_NS = "application/vnd.openxmlformats-officedocument.spreadsheetml"


@attrs.frozen
class PackageFormat:
    """One Office package format, as the archive gate names and recognises it.

    Attributes:
        label: What a file of this format is called, with its article ("a Word document").
        suffix: The file name suffix (".docx").
        save_as: How a user turns another file into one of these.
        old_format: What an OLE2 file of this family is ("an old-style Word 97-2003 document (.doc)").
        password_hint: Where the password is removed in the program that made it.
        main_types: Content types of the main part that make a package this format.
        macro_types: Content types of macro-enabled variants, refused.
        family: The word a content type of this format holds ("wordprocessingml").
    """

    label: str
    suffix: str
    save_as: str
    old_format: str
    password_hint: str
    main_types: frozenset[str]
    macro_types: frozenset[str]
    family: str


WORD = PackageFormat(
    label="a Word document",
    suffix=".docx",
    save_as="open it in Word or LibreOffice and save it as a Word document (.docx)",
    old_format="an old-style Word 97-2003 document (.doc, an OLE2 compound file) or another OLE2 file",
    password_hint="File > Info > Protect Document > Encrypt with Password",
    main_types=frozenset({f"{_WORD_NS}.document.main+xml", f"{_WORD_NS}.template.main+xml"}),
    macro_types=frozenset(
        {
            "application/vnd.ms-word.document.macroEnabled.main+xml",
            "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
            "application/vnd.ms-office.vbaProject",
        }
    ),
    family="wordprocessingml",
)

EXCEL = PackageFormat(
    label="an Excel workbook",
    suffix=".xlsx",
    save_as="open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx)",
    old_format="an old-style Excel 97-2003 workbook (.xls, an OLE2 compound file) or another OLE2 file",
    password_hint="File > Info > Protect Workbook > Encrypt with Password",
    main_types=frozenset({f"{_EXCEL_NS}.sheet.main+xml", f"{_EXCEL_NS}.template.main+xml"}),
    macro_types=frozenset(
        {
            "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
            "application/vnd.ms-excel.template.macroEnabled.main+xml",
            "application/vnd.ms-office.vbaProject",
        }
    ),
    family="spreadsheetml",
)
