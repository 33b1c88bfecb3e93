"""Argument types and options several commands share: dates, output and format (private)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from coproduction.model._excerpt import excerpt

__all__ = ["date", "output_options"]


def output_options(parser: argparse.ArgumentParser, what: str, *, required: bool = False) -> None:
    """Add ``-o/--output`` (described by ``what``) and ``--format``."""
    parser.add_argument("-o", "--output", type=Path, required=required, help=what)
    parser.add_argument("--format", default=None, help="exporter name (default: from the output suffix)")


def date(text: str) -> dt.date:
    """A date typed as YYYY-MM-DD.

    Raises:
        argparse.ArgumentTypeError: If it is not one, saying how to write it.
    """
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{excerpt(text)} is not a date; write it as YYYY-MM-DD, for example 2025-06-01"
        ) from None
