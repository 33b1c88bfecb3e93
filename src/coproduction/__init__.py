"""coproduction: measure and improve how services work with parent carers and young people with SEND.

The public face of the library. Everything here is re-exported from the
module that defines it.
"""

from coproduction.audit import Audit, Response
from coproduction.catalogue import Catalogue, default_catalogue
from coproduction.documents import AuditReport, AuditTemplate, CouncilSummary
from coproduction.errors import (
    CoproductionError,
    ExporterConflictError,
    ExporterNotFoundError,
    ExportError,
    InvalidDocumentError,
    Problem,
    UnknownFrameworkError,
    UnreadableFileError,
    UnsupportedDocumentError,
)
from coproduction.framework import Criterion, Field, Framework, Level, RatingScale, Section
from coproduction.glossary import Glossary, Term
from coproduction.ladder import Band, Ladder, LadderAssessment, Placement, Rung, RungPractice, place
from coproduction.organisation import Organisation, Perspective
from coproduction.scoring import Score, ScoreReport, SectionScore, check_audit, score
from coproduction.serialization import dump, dumps, from_dict, load, loads, to_dict
from coproduction.source import Source

__version__ = "0.1.0"

__all__ = [
    "Audit",
    "AuditReport",
    "AuditTemplate",
    "Band",
    "Catalogue",
    "CoproductionError",
    "CouncilSummary",
    "Criterion",
    "ExportError",
    "ExporterConflictError",
    "ExporterNotFoundError",
    "Field",
    "Framework",
    "Glossary",
    "InvalidDocumentError",
    "Ladder",
    "LadderAssessment",
    "Level",
    "Organisation",
    "Perspective",
    "Placement",
    "Problem",
    "RatingScale",
    "Response",
    "Rung",
    "RungPractice",
    "Score",
    "ScoreReport",
    "Section",
    "SectionScore",
    "Source",
    "Term",
    "UnknownFrameworkError",
    "UnreadableFileError",
    "UnsupportedDocumentError",
    "check_audit",
    "default_catalogue",
    "dump",
    "dumps",
    "from_dict",
    "load",
    "loads",
    "place",
    "score",
    "to_dict",
]
