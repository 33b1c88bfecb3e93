"""Finding where in a JSON text a refused token stands: line, column and JSON path (private).

``json.loads`` reports the place of a syntax error, but the hooks that refuse
``NaN``, a number too long or too large, or a duplicate key are called without
one, and nesting and lone surrogates are found after parsing. Only when such a
refusal has happened is the text scanned again, token by token (a regular
expression per token, linear in the text), to find the first token that
matches the refusal.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterator

import attrs

from coproduction.model._excerpt import json_path

__all__ = ["Place", "locate", "position"]

_TOKEN = re.compile(
    r"""[ \t\r\n]*(?:
        (?P<string>"[^"\\]*(?:\\.[^"\\]*)*")
      | (?P<open>[\[{])
      | (?P<close>[\]}])
      | (?P<comma>,)
      | (?P<colon>:)
      | (?P<number>-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)
      | (?P<constant>NaN|-?Infinity|true|false|null)
    )""",
    re.VERBOSE | re.DOTALL,
)

_SURROGATE = re.compile("[\ud800-\udfff]")


@attrs.frozen
class Place:
    """Where a token stands: its line and column (from 1) and its JSON path."""

    line: int
    column: int
    path: str


@attrs.frozen
class _Token:
    kind: str
    text: str
    offset: int
    path: tuple[str | int, ...]
    depth: int
    is_key: bool
    duplicate: bool


@attrs.define
class _Container:
    is_object: bool
    path: tuple[str | int, ...]
    keys: set[str] = attrs.field(factory=set)
    index: int = 0
    key: str | None = None
    expect_key: bool = True


def position(text: str, offset: int) -> tuple[int, int]:
    """The line and column (both from 1) of a character offset in a text."""
    line = text.count("\n", 0, offset) + 1
    column = offset - text.rfind("\n", 0, offset)
    return line, column


def _tokens(text: str) -> Iterator[_Token]:
    stack: list[_Container] = []
    offset = 0
    while offset < len(text):
        match = _TOKEN.match(text, offset)
        if match is None:
            return
        kind = match.lastgroup or ""
        start, offset = match.start(kind), match.end()
        top = stack[-1] if stack else None
        path: tuple[str | int, ...] = ()
        if top is not None:
            path = top.path + ((top.key or "",) if top.is_object else (top.index,))
        if kind == "comma" and top is not None:
            top.index += 1
            top.expect_key = top.is_object
            continue
        if kind == "colon" and top is not None:
            top.expect_key = False
            continue
        if kind == "close":
            if stack:
                stack.pop()
            continue
        if top is not None and top.is_object and top.expect_key and kind == "string":
            key = _decoded(match.group(kind))
            duplicate = key in top.keys
            top.keys.add(key)
            top.key = key
            yield _Token(kind, match.group(kind), start, (*top.path, key), len(stack), True, duplicate)
            continue
        yield _Token(kind, match.group(kind), start, path, len(stack) + (kind == "open"), False, False)
        if kind == "open":
            stack.append(_Container(match.group(kind) == "{", path))


def _decoded(literal: str) -> str:
    try:
        value = json.loads(literal)
    except ValueError:
        return literal
    return value if isinstance(value, str) else literal


def _too_large(token: _Token) -> bool:
    return any(mark in token.text for mark in ".eE") and math.isinf(float(token.text))


def _finders(max_number_length: int, max_nesting: int) -> dict[str, Callable[[_Token], bool]]:
    return {
        "json-constant": lambda token: token.kind == "constant" and token.text in ("NaN", "Infinity", "-Infinity"),
        "number-too-long": lambda token: token.kind == "number" and len(token.text) > max_number_length,
        "number-too-large": lambda token: token.kind == "number" and _too_large(token),
        "duplicate-key": lambda token: token.duplicate,
        "too-deep": lambda token: token.kind == "open" and token.depth > max_nesting,
        "lone-surrogate": lambda token: token.kind == "string" and _SURROGATE.search(_decoded(token.text)) is not None,
    }


def locate(text: str, code: str, *, max_number_length: int, max_nesting: int) -> list[Place]:
    """Find every token a refusal of this code objects to, in document order.

    Args:
        text: The JSON text that was refused.
        code: The problem code of the refusal, such as ``duplicate-key``.
        max_number_length: The longest number accepted.
        max_nesting: The deepest nesting accepted.

    Returns:
        The places, first the one ``json.loads`` met first; empty when the code is not one this finds.
    """
    found = _finders(max_number_length, max_nesting).get(code)
    if found is None:
        return []
    places = []
    for token in _tokens(text):
        if found(token):
            line, column = position(text, token.offset)
            places.append(Place(line, column, json_path(token.path)))
            if code != "lone-surrogate":
                break
    return places
