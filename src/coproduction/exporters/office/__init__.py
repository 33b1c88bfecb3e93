"""Plumbing the Office exporter plugins share: the archive gate and its limits, the template stamp, text checks."""

from coproduction.exporters.office._formats import EXCEL, WORD, PackageFormat
from coproduction.exporters.office._gate import open_package, read_bounded
from coproduction.exporters.office._inflate import inflate_bounded
from coproduction.exporters.office._limits import ArchiveLimits
from coproduction.exporters.office._markup import unsafe_markup
from coproduction.exporters.office._package import VerifiedPackage
from coproduction.exporters.office._quote import detail, excerpt, part_name
from coproduction.exporters.office._stamp import FINGERPRINT_LENGTH, TemplateStamp, fingerprint
from coproduction.exporters.office._text import FORBIDDEN_XML_CHARACTER, StorableText

__all__ = [
    "EXCEL",
    "FINGERPRINT_LENGTH",
    "FORBIDDEN_XML_CHARACTER",
    "WORD",
    "ArchiveLimits",
    "PackageFormat",
    "StorableText",
    "TemplateStamp",
    "VerifiedPackage",
    "detail",
    "excerpt",
    "fingerprint",
    "inflate_bounded",
    "open_package",
    "part_name",
    "read_bounded",
    "unsafe_markup",
]
