"""The ``charter`` commands: ``charter check`` (valid, and plain English) and ``charter export`` (private)."""

from __future__ import annotations

import argparse
from pathlib import Path

from coproduction.catalogue._catalogue import Catalogue, default_catalogue
from coproduction.cli._arguments import output_options
from coproduction.cli._command import Command
from coproduction.cli._common import EXIT_OK, chosen_catalogue, out, write_requested
from coproduction.cli._text import long_date, plural
from coproduction.contract.serialization import load
from coproduction.model._excerpt import excerpt_text
from coproduction.model.charter import Charter
from coproduction.rules.plain_english import PlainEnglishChecker, check_plain_english

__all__ = ["CHARTER_COMMANDS"]


def _charter_file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="CHARTER", help="the charter JSON file")


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    _charter_file(parser)
    output_options(parser, "the document to write, such as charter.docx", required=True)


def _load_charter(args: argparse.Namespace, catalogue: Catalogue) -> Charter:
    charter: Charter = load(args.file, Charter, catalogue=catalogue)
    return charter


def _charter_check(args: argparse.Namespace) -> int:
    catalogue = chosen_catalogue(args)
    charter = _load_charter(args, catalogue)
    signed = (
        f"signed off by {plural(len(charter.signed_off), 'person', 'people')}" if charter.signed else "not signed off"
    )
    out(
        f"{args.file}: a valid charter of {excerpt_text(charter.organisation.name)}, "
        f"{plural(len(charter.commitments), 'commitment')} and {plural(len(charter.expectations), 'expectation')}, "
        f"co-produced on {long_date(charter.co_produced_on)}, to be reviewed by {long_date(charter.review_date)}, "
        f"{signed}."
    )
    findings = check_plain_english(charter, checker=PlainEnglishChecker(default_catalogue().glossary()))
    if not findings:
        out("Plain English: no jargon, unexplained acronyms or long sentences found.")
        return EXIT_OK
    out(f"Plain English: {plural(len(findings), 'thing')} to consider rewording (advice; the charter is valid):")
    for finding in findings:
        out(f"  {finding.path}: {finding.message}.\n    Suggestion: {finding.suggestion}.")
    return EXIT_OK


def _charter_export(args: argparse.Namespace) -> int:
    catalogue = chosen_catalogue(args)
    charter = _load_charter(args, catalogue)
    written = write_requested(charter, args, catalogue)
    out(f"wrote {written}: the charter of {excerpt_text(charter.organisation.name)}")
    return EXIT_OK


CHARTER_COMMANDS = (
    Command(
        "charter",
        "check or export a charter",
        None,
        subcommand_title="what to do with the charter",
        subcommands=(
            Command(
                "check",
                "check a charter and list jargon, unexplained acronyms and long sentences",
                _charter_check,
                _charter_file,
                description="Check a charter. Plain-English findings are advice: they are listed, with a suggested "
                "rewording, and the exit code stays 0. An invalid charter gives exit code 1.",
            ),
            Command(
                "export",
                "write a charter as a readable document",
                _charter_export,
                _export_arguments,
                description="Write a charter as a document.",
            ),
        ),
    ),
)
