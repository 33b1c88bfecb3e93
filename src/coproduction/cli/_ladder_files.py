"""Ladders on the command line: a ladder named by id or JSON file, and telling a ladder template apart (private)."""

from __future__ import annotations

from pathlib import Path

from coproduction.catalogue._catalogue import Catalogue
from coproduction.cli._common import context_for
from coproduction.contract.serialization import load
from coproduction.errors import CoproductionError, UnreadableFileError
from coproduction.exporters._registry import ExporterRegistry
from coproduction.model.ladder import Ladder

__all__ = ["LADDER_TEMPLATE_HINT", "chosen_ladder", "is_ladder_template"]

LADDER_TEMPLATE_HINT = (
    "this is a ladder assessment template, not an audit template; "
    "import it with `coproduction import --ladder-assessment`"
)
"""What an audit import says of a filled-in ladder assessment template."""


def chosen_ladder(value: str, catalogue: Catalogue) -> Ladder:
    """The ladder ``value`` names: a JSON file (a name ending ``.json``, or a file that exists), else a ladder id.

    Raises:
        UnreadableFileError: If the file cannot be read.
        InvalidDocumentError: If it is not a valid ladder (every problem with its JSON path).
        UnknownLadderError: If no file is meant and the catalogue has no ladder of that id.
    """
    path = Path(value)
    if value.lower().endswith(".json") or path.is_file():
        ladder: Ladder = load(path, Ladder, catalogue=catalogue)
        return ladder
    return catalogue.ladder(value)


def is_ladder_template(file: Path, exporter: str, catalogue: Catalogue, registry: ExporterRegistry) -> bool:
    """Whether a file the audit reader refused is a ladder assessment template that exporter reads back.

    It is one when the exporter's ladder reader reads it, or refuses its values
    (which it does only after finding a ladder template's stamp).
    """
    try:
        reader = registry.ladder_assessment_reader(exporter)
    except CoproductionError:
        return False
    try:
        with open(file, "rb") as source:  # the reader keeps to the context's size limits
            reader.read_ladder_assessment(source, context_for(catalogue))
    except (UnreadableFileError, OSError):
        return False
    except CoproductionError:
        return True
    except Exception:  # a fault in a reader never hides the audit reader's own message
        return False
    return True
