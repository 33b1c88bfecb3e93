"""A ladder named on the command line: an id from the catalogue, or a council's own ladder in a JSON file (private)."""

from __future__ import annotations

from pathlib import Path

from coproduction.catalogue._catalogue import Catalogue
from coproduction.contract.serialization import load
from coproduction.model.ladder import Ladder

__all__ = ["chosen_ladder"]


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
