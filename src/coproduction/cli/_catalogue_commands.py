"""The catalogue commands: ``frameworks``, ``ladders``, ``show`` and ``schema`` (private)."""

from __future__ import annotations

import argparse
import json
import sys

from coproduction.cli._command import Command
from coproduction.cli._common import EXIT_OK, UsageError, chosen_catalogue, out
from coproduction.cli._glossary import describe_glossary, marked
from coproduction.cli._practice import PRACTICE_ITEMS, show_practice_item
from coproduction.cli._text import table
from coproduction.contract.schemas import kinds, schema
from coproduction.contract.serialization import dumps
from coproduction.errors import UnknownCatalogueItemError
from coproduction.model._excerpt import excerpt
from coproduction.model.framework import Criterion, Framework, Level, Section
from coproduction.model.glossary import Glossary
from coproduction.model.ladder import Ladder
from coproduction.model.organisation import Perspective
from coproduction.rules.viewpoints import is_library_authored, worded

__all__ = ["CATALOGUE_COMMANDS"]


def _show_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "id", help="the framework, ladder or glossary id, as `coproduction frameworks` or `ladders` lists it"
    )
    parser.add_argument("item_id", nargs="?", metavar="ID", help="after `approach` or `barrier`: its id")
    parser.add_argument("--version", dest="framework_version", help="the framework version (default: latest)")
    parser.add_argument("--json", action="store_true", help="print the JSON document instead of text")
    parser.add_argument(
        "--viewpoint",
        choices=[p.value for p in Perspective],
        help="show a framework in the words for this viewpoint, such as parent-carers, where it has them",
    )
    parser.add_argument(
        "--source", action="store_true", help="with --viewpoint, also show the source's own words beneath each text"
    )


def _schema_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", help=f"one of: {', '.join(kinds())}")


def _frameworks(args: argparse.Namespace) -> int:
    rows = [
        (f.id, f.version, str(len(f.sections)), str(len(f.criteria)), f.scale.names(), f.title)
        for f in chosen_catalogue(args).frameworks()
    ]
    out(table(("id", "version", "sections", "criteria", "scale", "title"), rows))
    return EXIT_OK


def _ladders(args: argparse.Namespace) -> int:
    rows = [
        (ladder.id, str(len(ladder.rungs)), " < ".join(r.name for r in ladder.rungs), ladder.name)
        for ladder in chosen_catalogue(args).ladders()
    ]
    out(table(("id", "rungs", "lowest to highest", "name"), rows))
    return EXIT_OK


def _show(args: argparse.Namespace) -> int:
    if args.item_id is not None:
        if args.id not in PRACTICE_ITEMS:
            raise UsageError(
                f"`show {args.id} {args.item_id}`: say `show ID`, or `show approach ID` or `show barrier ID`"
            )
        return show_practice_item(args, args.id, args.item_id)
    catalogue = chosen_catalogue(args)
    item: Framework | Ladder | Glossary
    if any(f.id == args.id for f in catalogue.frameworks()):
        item = catalogue.framework(args.id, args.framework_version)
    elif any(ladder.id == args.id for ladder in catalogue.ladders()):
        item = catalogue.ladder(args.id)
    elif any(glossary.id == args.id for glossary in catalogue.glossaries()):
        item = catalogue.glossary(args.id)
    else:
        frameworks = ", ".join(f.id for f in catalogue.frameworks())
        ladders = ", ".join(ladder.id for ladder in catalogue.ladders())
        glossaries = ", ".join(glossary.id for glossary in catalogue.glossaries())
        raise UnknownCatalogueItemError(
            f"there is no framework or ladder {excerpt(args.id)}, and no glossary of that id; "
            f"frameworks: {frameworks}; ladders: {ladders}; glossaries: {glossaries}"
        )
    if args.source and not args.viewpoint:
        raise UsageError("--source shows the source's words beside a viewpoint's: give --viewpoint too")
    if args.json:
        sys.stdout.write(dumps(item))
        return EXIT_OK
    viewpoint = Perspective(args.viewpoint) if args.viewpoint else None
    if isinstance(item, Framework):
        out(_describe_framework(item, viewpoint, with_source=args.source))
    else:
        out(_describe_ladder(item) if isinstance(item, Ladder) else describe_glossary(item))
    return EXIT_OK


_Worded = Framework | Section | Level | Criterion


def _text(item: _Worded, field: str, viewpoint: Perspective | None, indent: str, *, with_source: bool) -> list[str]:
    """A text for the viewpoint, marked when the library's words, and the source's words beneath on request."""
    shown = worded(item, field, viewpoint)
    lines = [indent + marked(shown.text, shown.by_library)]
    if with_source and shown.adapted:
        lines.append(f"{indent}  Source: {marked(shown.source_text, is_library_authored(item, field))}")
    return lines


def _describe_framework(
    framework: Framework, viewpoint: Perspective | None = None, *, with_source: bool = False
) -> str:
    lines = [framework.title, f"id {framework.id}, version {framework.version}"]
    if framework.source:
        lines.append(f"Source: {framework.source}")
    if viewpoint is not None:
        lines.append(f"In the words for {viewpoint.label}, where the framework has them.")
    if framework.description:
        lines += ["", *_text(framework, "description", viewpoint, "", with_source=with_source)]
    lines += ["", f"Rated {framework.scale.names()}."]
    for level in framework.scale.levels:
        if level.description:
            shown = _text(level, "description", viewpoint, "", with_source=with_source)
            lines += [f"  {level.name}: {shown[0]}", *(f"  {line}" for line in shown[1:])]
    if framework.allows_not_applicable:
        lines.append('A criterion may be marked "not applicable".')
    for section in framework.sections:
        lines += ["", marked(section.title, is_library_authored(section, "title"))]
        for field in ("headline", "summary"):
            if getattr(section, field):
                lines += _text(section, field, viewpoint, "  ", with_source=with_source)
        for criterion in section.criteria:
            text = _text(criterion, "text", viewpoint, "", with_source=with_source)
            lines += [f"  [{criterion.id}] {text[0]}", *(f"  {line}" for line in text[1:])]
            for index in range(len(criterion.examples)):
                example = _text(criterion, f"examples[{index}]", viewpoint, "", with_source=with_source)
                lines += [f"      e.g. {example[0]}", *(f"      {line}" for line in example[1:])]
    return "\n".join(lines)


def _describe_ladder(ladder: Ladder) -> str:
    bands = {band.id: band.name for band in ladder.bands}
    lines = [ladder.name, f"id {ladder.id}"]
    if ladder.source:
        lines.append(f"Source: {ladder.source}")
    lines.append("")
    for height, rung in reversed(list(enumerate(ladder.rungs, start=1))):
        band = f" ({bands[rung.band]})" if rung.band in bands else ""
        lines.append(f"{height}. {rung.name}{band}: {rung.description}")
    return "\n".join(lines)


def _schema(args: argparse.Namespace) -> int:
    try:
        document = schema(args.kind)
    except KeyError:
        raise UsageError(f"there is no schema for {excerpt(args.kind)}; choose one of: {', '.join(kinds())}") from None
    out(json.dumps(document, indent=2, ensure_ascii=False))
    return EXIT_OK


CATALOGUE_COMMANDS = (
    Command("frameworks", "list the frameworks (quality standards) available", _frameworks),
    Command("ladders", "list the participation ladders available", _ladders),
    Command(
        "show",
        "show a framework, ladder or glossary in full, or `show approach ID`, `show barrier ID`",
        _show,
        _show_arguments,
    ),
    Command("schema", "print the JSON Schema of a document kind", _schema, _schema_arguments),
)
