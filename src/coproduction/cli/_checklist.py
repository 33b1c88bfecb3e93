"""The ``checklist`` command: list the meeting checklists, or write one filled with a school's local details."""

from __future__ import annotations

import argparse
from pathlib import Path

from coproduction.catalogue._catalogue import Catalogue
from coproduction.cli._arguments import output_options
from coproduction.cli._command import Command
from coproduction.cli._common import EXIT_OK, UsageError, chosen_catalogue, out, write_requested
from coproduction.cli._text import table
from coproduction.contract.serialization import load
from coproduction.model._excerpt import excerpt
from coproduction.model.checklist_page import ChecklistPage, LineStyle
from coproduction.model.checklists import ChecklistDocument, MeetingChecklists
from coproduction.model.local_details import SchoolLocalDetails
from coproduction.rules.checklists import checklist_page

__all__ = ["CHECKLIST_COMMANDS"]

_BUILT_IN = "worcestershire-meeting-checklists"


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "document",
        nargs="?",
        metavar="ID",
        help="which checklist to write: " + ", ".join(document.value for document in ChecklistDocument),
    )
    parser.add_argument(
        "--details",
        type=Path,
        metavar="FILE",
        help="the school's local details (a school-local-details JSON file) to fill the blanks with",
    )
    parser.add_argument(
        "--checklists",
        default=_BUILT_IN,
        metavar="ID",
        help=f"the catalogue's meeting checklists to use (default: {_BUILT_IN})",
    )
    output_options(parser, "the document to write, such as first-meeting.docx (without it, the text is shown)")


def _collection(catalogue: Catalogue, args: argparse.Namespace) -> MeetingChecklists:
    return catalogue.meeting_checklist_collection(args.checklists)


def _document(value: str) -> ChecklistDocument:
    try:
        return ChecklistDocument(value)
    except ValueError:
        known = ", ".join(document.value for document in ChecklistDocument)
        raise UsageError(f"there is no checklist {excerpt(value)}; choose one of: {known}") from None


def _list(checklists: MeetingChecklists) -> int:
    rows = []
    for document in ChecklistDocument:
        part = checklists.part(document)
        audience = getattr(part, "audience", None)
        rows.append((document.value, part.title, audience.label if audience is not None else "school staff"))
    out(table(("id", "checklist", "for"), rows))
    out(
        "\nWrite one with: coproduction checklist ID --details school.json -o checklist.docx "
        "(--details fills in the school's names and local contacts)."
    )
    return EXIT_OK


_MARKS = {LineStyle.BULLET: "- ", LineStyle.TICK_BOX: "[ ] ", LineStyle.NOTE: "  "}


def _show(page: ChecklistPage) -> None:
    out(page.title + (f": {page.school}" if page.school else ""))
    for section in page.sections:
        out("")
        if section.heading:
            out(section.heading)
        for line in section.lines:
            number = f"{line.number}. " if line.number is not None else ""
            value = f" {line.value}" if line.value else (" ____________" if line.style is LineStyle.WRITE_IN else "")
            out(f"{_MARKS.get(line.style, '')}{number}{line.text}{value}")
    out("\n" + page.attribution)


def _checklist(args: argparse.Namespace) -> int:
    catalogue = chosen_catalogue(args)
    checklists = _collection(catalogue, args)
    if args.document is None:
        if args.output is not None or args.details is not None:
            raise UsageError(
                "name the checklist to write (coproduction checklist ID ...); without an ID they are listed"
            )
        return _list(checklists)
    document = _document(args.document)
    details: SchoolLocalDetails | None = None
    if args.details is not None:
        details = load(args.details, SchoolLocalDetails, catalogue=catalogue)
    page = checklist_page(checklists, document, details)
    if args.output is None:
        _show(page)
        return EXIT_OK
    written = write_requested(page, args, catalogue)
    out(f"wrote {written}: {page.title}" + (f" for {page.school}" if page.school else ""))
    return EXIT_OK


CHECKLIST_COMMANDS = (
    Command(
        "checklist",
        "list the meeting checklists, or write one filled with a school's local details",
        _checklist,
        _arguments,
        description="Without an ID, list the meeting checklists (Assess, Plan, Do and Review; first-meeting guidance; "
        "the first-meeting checklist and the guide to people you may meet, for parent carers). With an ID, write "
        "that checklist; --details fills in the school's own names and local contacts from a JSON file "
        "(see 'coproduction schema school-local-details'). A blank with nothing to fill it gets a line to write on.",
    ),
)
