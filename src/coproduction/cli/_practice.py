"""The commands for the practice catalogue: ``approaches``, ``barriers``, ``show approach|barrier`` (private)."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Callable, Sequence

from coproduction.catalogue._catalogue import Catalogue
from coproduction.cli._command import Command
from coproduction.cli._common import EXIT_OK, chosen_catalogue, out
from coproduction.cli._text import table
from coproduction.contract.serialization import make_converter
from coproduction.model.approaches import Approach, ApproachCollection
from coproduction.model.barriers import Barrier, BarrierCollection, Basis, HelpLink, TargetKind

__all__ = ["PRACTICE_COMMANDS", "PRACTICE_ITEMS", "json_text", "show_practice_item"]

_WIDTH = 88


def _approaches_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--barrier", action="append", default=[], metavar="ID", help="only approaches that help with this barrier"
    )
    parser.add_argument(
        "--group", action="append", default=[], metavar="ID", help="only approaches that help reach this priority group"
    )


def _approaches(args: argparse.Namespace) -> int:
    catalogue = chosen_catalogue(args)
    if not args.barrier and not args.group:
        rows = [(a.id, a.name, "yes" if a.case_study else "") for a in catalogue.approaches()]
        out(table(("id", "approach", "case study"), rows))
        return EXIT_OK
    suggestions = catalogue.suggest_approaches(barriers=args.barrier, groups=args.group)
    asked = [catalogue.barrier(b).title for b in args.barrier] + [
        catalogue.priority_group(g).wording for g in args.group
    ]
    if not suggestions:
        out(f"No approach in the catalogue is linked to: {'; '.join(asked)}.")
        return EXIT_OK
    out(f"Approaches that help with: {'; '.join(asked)}\n")
    rows = [(s.approach.id, s.approach.name, _bases(s.links)) for s in suggestions]
    out(table(("id", "approach", "why"), rows))
    out("\n'source' means the source document says so; 'library' means it is this library's own suggestion.")
    return EXIT_OK


def _bases(links: Sequence[HelpLink]) -> str:
    return ", ".join(sorted({link.basis.value for link in links}))


def _barriers(args: argparse.Namespace) -> int:
    catalogue = chosen_catalogue(args)
    rows = [(b.id, b.list, _short(b.title)) for b in catalogue.barriers()]
    out(table(("id", "list", "barrier"), rows))
    out("\nPriority groups:")
    out(table(("id", "group"), [(g.id, g.wording) for g in catalogue.priority_groups()]))
    return EXIT_OK


def _short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(text, _WIDTH, initial_indent=indent, subsequent_indent=indent)


def _show_approach(catalogue: Catalogue, item_id: str) -> tuple[object, str]:
    approach = catalogue.approach(item_id)
    collection = catalogue.collection_of(approach)
    assert isinstance(collection, ApproachCollection)
    return approach, _describe_approach(catalogue, approach, collection)


def _describe_approach(catalogue: Catalogue, approach: Approach, collection: ApproachCollection) -> str:
    entry = collection.source_of(approach)
    lines = [approach.name, f"id {approach.id}"]
    if entry is not None:
        lines.append(f"Source: {entry.source}")
    if approach.authored_by is not None:
        lines.append("Written by this library, not taken from a source.")
    lines += ["", "What it is:", _wrap(approach.what_it_is)]
    parts = (("How it works:", approach.description), ("Things to consider:", approach.things_to_consider))
    for title, paragraphs in parts:
        if paragraphs:
            lines += ["", title, *(_wrap(p) for p in paragraphs)]
    if approach.case_study is not None:
        lines += ["", f"Case study: {approach.case_study.heading}"]
        for section, paragraphs in approach.case_study.sections():
            lines += [f"  {section.label.capitalize()}:", *(_wrap(p, "    ") for p in paragraphs)]
    links = [link for link in catalogue.help_links() if link.approach == approach.id]
    if links:
        lines += ["", "Helps with:"]
        for link in links:
            lines.append(_wrap(f"- {_target(catalogue, link)} ({_why(link)})"))
    return "\n".join(lines)


def _target(catalogue: Catalogue, link: HelpLink) -> str:
    if link.target_kind is TargetKind.BARRIER:
        return f"barrier {link.target}: {_short(catalogue.barrier(link.target).title, 60)}"
    return f"priority group {link.target}: {catalogue.priority_group(link.target).wording}"


def _why(link: HelpLink) -> str:
    if link.basis is Basis.SOURCE:
        return f'the source says: "{link.quote}"'
    return f"the library's own suggestion: {link.reason}"


def _show_barrier(catalogue: Catalogue, item_id: str) -> tuple[object, str]:
    barrier = catalogue.barrier(item_id)
    collection = catalogue.collection_of(barrier)
    assert isinstance(collection, BarrierCollection)
    return barrier, _describe_barrier(catalogue, barrier, collection)


def _describe_barrier(catalogue: Catalogue, barrier: Barrier, collection: BarrierCollection) -> str:
    entry = collection.source_of(barrier)
    listed = next((item for item in collection.lists if item.id == barrier.list), None)
    lines = [barrier.title, f"id {barrier.id}"]
    if entry is not None:
        lines.append(f"Source: {entry.source}")
    if listed is not None:
        lines.append(f'Listed under "{listed.heading}", number {barrier.position}.')
    lines += ["", _wrap(barrier.wording)]
    suggestions = catalogue.suggest_approaches(barriers=[barrier.id])
    lines += ["", "Approaches that help:" if suggestions else "No approach in the catalogue is linked to it."]
    for suggestion in suggestions:
        for link in suggestion.links:
            lines.append(_wrap(f"- {suggestion.approach.name} ({_why(link)})"))
    return "\n".join(lines)


PRACTICE_ITEMS: dict[str, Callable[[Catalogue, str], tuple[object, str]]] = {
    "approach": _show_approach,
    "barrier": _show_barrier,
}
"""What ``show`` can show besides frameworks and ladders: the word after ``show``, and how to show one."""


def show_practice_item(args: argparse.Namespace, what: str, item_id: str) -> int:
    """Show an approach or a barrier, as text or (with ``--json``) as JSON.

    Raises:
        UnknownFrameworkError: If there is no such item, naming those there are.
    """
    item, text = PRACTICE_ITEMS[what](chosen_catalogue(args), item_id)
    if args.json:
        sys.stdout.write(json_text(item))
        return EXIT_OK
    out(text)
    return EXIT_OK


def json_text(item: object) -> str:
    """An approach or barrier as JSON, keys sorted."""
    return json.dumps(_CONVERTER.unstructure(item), ensure_ascii=False, sort_keys=True, indent=2) + "\n"


_CONVERTER = make_converter()


PRACTICE_COMMANDS = (
    Command(
        "approaches",
        "list the approaches to engaging parent carers, or those that help with a barrier",
        _approaches,
        _approaches_arguments,
    ),
    Command("barriers", "list the barriers to engagement and the priority groups", _barriers),
)
