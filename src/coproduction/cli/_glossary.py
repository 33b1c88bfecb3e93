"""The ``glossary`` command, and how a glossary is shown on screen (private)."""

from __future__ import annotations

import argparse
import difflib

from coproduction.cli._command import Command
from coproduction.cli._common import EXIT_OK, chosen_catalogue, out
from coproduction.errors import UnknownFrameworkError
from coproduction.model.glossary import Glossary, Term
from coproduction.rules.viewpoints import is_library_authored

__all__ = ["GLOSSARY_COMMANDS", "LIBRARY_MARK", "describe_glossary", "describe_term", "marked"]

LIBRARY_MARK = "(wording by this library)"
"""Printed after a text that is this library's words rather than the source's."""


def marked(text: str, by_library: bool) -> str:
    """A text, followed by :data:`LIBRARY_MARK` when it is this library's words."""
    return f"{text} {LIBRARY_MARK}" if by_library else text


def _glossary_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("term", nargs="?", help="a word or acronym to explain, such as SENCo (default: list them all)")
    parser.add_argument(
        "--glossary", dest="glossary_id", default="send-glossary", help="the glossary id (default: send-glossary)"
    )


def _glossary(args: argparse.Namespace) -> int:
    glossary = chosen_catalogue(args).glossary(args.glossary_id)
    if args.term is None:
        out(_list(glossary))
        return EXIT_OK
    term = glossary.lookup(args.term.strip()) or _by_spelling(glossary, args.term.strip())
    if term is None:
        close = difflib.get_close_matches(args.term, [t.term for t in glossary.terms], n=3, cutoff=0.6)
        hint = f"; did you mean {' or '.join(close)}?" if close else "; run `coproduction glossary` to list them all"
        raise UnknownFrameworkError(f"the {glossary.name} does not explain {args.term!r}{hint}")
    out(describe_term(term))
    return EXIT_OK


def _by_spelling(glossary: Glossary, word: str) -> Term | None:
    """A term written as alternatives ("SENCO or SENDCO"), found by one of them."""
    wanted = word.casefold()
    for term in glossary.terms:
        if wanted in (part.strip().casefold() for part in term.term.split(" or ")):
            return term
    return None


def _heading(term: Term) -> str:
    expansion = f" ({term.expansion})" if term.expansion else ""
    return marked(
        f"{term.term}{expansion}", is_library_authored(term, "term") or is_library_authored(term, "expansion")
    )


def describe_term(term: Term) -> str:
    """One term in full: its name, its definition and its plain wording, each marked when the library's."""
    lines = [_heading(term)]
    if term.definition:
        lines.append(f"  {marked(term.definition, is_library_authored(term, 'definition'))}")
    lines.append(f"  In plain words: {marked(term.plain, is_library_authored(term, 'plain'))}")
    return "\n".join(lines)


def _list(glossary: Glossary) -> str:
    lines = [glossary.name]
    if glossary.source:
        lines.append(f"Source: {glossary.source}")
    lines.append("")
    for term in sorted(glossary.terms, key=lambda term: term.term.casefold()):
        lines.append(f"{term.term}: {marked(term.plain, is_library_authored(term, 'plain'))}")
    return "\n".join(lines)


def describe_glossary(glossary: Glossary) -> str:
    """A glossary in full, term by term in alphabetical order, for ``show``."""
    lines = [glossary.name, f"id {glossary.id}"]
    if glossary.source:
        lines.append(f"Source: {glossary.source}")
    for term in sorted(glossary.terms, key=lambda term: term.term.casefold()):
        lines += ["", describe_term(term)]
    return "\n".join(lines)


GLOSSARY_COMMANDS = (
    Command(
        "glossary",
        "explain the words and acronyms of special educational needs",
        _glossary,
        _glossary_arguments,
    ),
)
