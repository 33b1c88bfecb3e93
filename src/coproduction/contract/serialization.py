"""Canonical JSON out, and loading in with every problem reported (the converter is in ``contract.converter``)."""

from __future__ import annotations

import codecs
import json
import math
import os
import re
import stat
from pathlib import Path
from typing import Any, BinaryIO, TypeVar, cast, overload

import attrs
import cattrs

from coproduction.contract._atomic import write_atomically
from coproduction.contract._locate import locate
from coproduction.contract._trusted import TRUSTED_BUILDERS
from coproduction.contract.converter import configure_converter, make_converter
from coproduction.contract.kinds import Kind, cross_check, kind_named, kind_of_class, kinds
from coproduction.contract.schemas import is_valid, validate
from coproduction.errors import InvalidDocumentError, Problem, UnreadableFileError
from coproduction.model._excerpt import excerpt, excerpt_text, json_path
from coproduction.model.catalogue import CatalogueLookup

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "MAX_NESTING",
    "MAX_NUMBER_LENGTH",
    "configure_converter",
    "dump",
    "dumps",
    "from_dict",
    "kind_of",
    "load",
    "loads",
    "make_converter",
    "parse_json",
    "to_dict",
]

T = TypeVar("T")

MAX_DOCUMENT_BYTES = 16 * 1024 * 1024
"""The largest JSON document accepted, in bytes."""

MAX_NESTING = 64
"""The deepest nesting of lists and objects accepted."""

MAX_NUMBER_LENGTH = 100
"""The most characters a number may be written with (a 5,000-digit number is refused, not converted)."""


_CONVERTER = make_converter()


def kind_of(document: object) -> str:
    """Return the kind of a document object, such as ``audit``.

    Raises:
        TypeError: If the object is not a document.
    """
    kind = kind_of_class(type(document))
    if kind is None:
        names = ", ".join(kind.name for kind in kinds())
        raise TypeError(f"{type(document).__name__} is not a document; documents are {names}")
    return kind.name


def _row(name: str) -> Kind:
    row = kind_named(name)
    assert row is not None, name
    return row


def to_dict(document: object) -> dict[str, Any]:
    """Unstructure a document to plain JSON data with its ``kind`` and ``schema_version``."""
    kind = kind_of(document)
    data = cast(dict[str, Any], _CONVERTER.unstructure(document))
    return {"kind": kind, "schema_version": _row(kind).version, **data}


def dumps(document: object) -> str:
    """Write a document as canonical JSON: sorted keys, UTF-8 text, ISO dates, a final newline."""
    text: str = json.dumps(to_dict(document), ensure_ascii=False, sort_keys=True, indent=2, allow_nan=False)
    return text + "\n"


def dump(document: object, path: str | os.PathLike[str]) -> Path:
    """Write a document's canonical JSON to a file atomically.

    Returns:
        The path written.
    """
    data = dumps(document).encode("utf-8")
    return write_atomically(path, lambda out: _write_all(out, data))


def _write_all(out: BinaryIO, data: bytes) -> None:
    out.write(data)


@overload
def from_dict(data: Any, kind: None = None, *, catalogue: CatalogueLookup | None = None) -> object: ...
@overload
def from_dict(data: Any, kind: type[T], *, catalogue: CatalogueLookup | None = None) -> T: ...
def from_dict(data: Any, kind: type[Any] | None = None, *, catalogue: CatalogueLookup | None = None) -> object:
    """Validate and structure parsed JSON data into a document.

    Args:
        data: The parsed JSON.
        kind: The class expected (for example :class:`~coproduction.Audit`);
            any document kind when omitted.
        catalogue: Where an audit's framework is looked up; the built-in
            catalogue when omitted.

    Returns:
        The document.

    Raises:
        InvalidDocumentError: With every problem found.
    """
    if not isinstance(data, dict):
        _ensure_depth_allowed(data)
        raise InvalidDocumentError(
            "this is not a coproduction document",
            [Problem("", "not-an-object", f"a document is a JSON object, not {type(data).__name__}")],
        )
    try:
        kind_name = _ensure_known_kind(data, kind)
        data = _migrate(data, kind_name)
    except InvalidDocumentError:
        _ensure_depth_allowed(data)
        raise
    if is_valid(data, _row(kind_name).schema):
        problems = _merge([], cross_check(data, catalogue))
    else:
        # A valid document's depth is bounded by the schema; only an invalid one is walked for it.
        _ensure_depth_allowed(data)
        problems = _merge(validate(data, _row(kind_name).schema), cross_check(data, catalogue))
    if problems:
        raise InvalidDocumentError(_summary(problems, kind_name), problems)
    body = {key: value for key, value in data.items() if key not in ("kind", "schema_version")}
    trusted = TRUSTED_BUILDERS.get(kind_name)
    if trusted is not None:
        try:
            return trusted(body)
        except (KeyError, TypeError, ValueError, AttributeError):
            pass  # the converter below says what is wrong
    try:
        return _CONVERTER.structure(body, _row(kind_name).cls)
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as error:
        raise InvalidDocumentError(_summary([], kind_name), _structure_problems(error)) from None


def loads(
    text: str | bytes,
    kind: type[T] | None = None,
    *,
    catalogue: CatalogueLookup | None = None,
    source: str | None = None,
) -> Any:
    """Parse, validate and structure a JSON document.

    Args:
        text: The JSON text (bytes are decoded as UTF-8); a leading byte-order
            mark is ignored, in bytes or in text.
        kind: The class expected, or None for any document kind.
        catalogue: Where an audit's framework is looked up.
        source: A name for the input (a file name) used in error messages.

    Returns:
        The document.

    Raises:
        UnreadableFileError: If the text is not acceptable JSON.
        InvalidDocumentError: With every problem found.
    """
    try:
        decoded = _decode(text)
        try:
            data = _parse(decoded, from_bytes=isinstance(text, bytes))
            return from_dict(data, kind, catalogue=catalogue)
        except UnreadableFileError as error:
            raise _placed(error, decoded) from None
    except (UnreadableFileError, InvalidDocumentError) as error:
        if source is not None:
            error.with_source(source)
        raise


def load(
    path: str | os.PathLike[str],
    kind: type[T] | None = None,
    *,
    catalogue: CatalogueLookup | None = None,
) -> Any:
    """Read a JSON document from a file; see :func:`loads`.

    Raises:
        UnreadableFileError: If the file cannot be read or is not acceptable JSON.
        InvalidDocumentError: With every problem found; the error names the file.
    """
    file = Path(path)
    try:
        size = check_input_file(file)
        if size > MAX_DOCUMENT_BYTES:
            raise _too_big(size)
        with open(file, "rb") as stream:
            raw = stream.read(MAX_DOCUMENT_BYTES + 1)
    except FileNotFoundError:
        raise UnreadableFileError("the file does not exist", source=str(file)) from None
    except IsADirectoryError:
        raise UnreadableFileError("this is a folder, not a file", source=str(file)) from None
    except PermissionError:
        raise UnreadableFileError("the file cannot be read (permission denied)", source=str(file)) from None
    except UnreadableFileError as error:
        raise error.with_source(str(file)) from None
    except OSError as error:
        raise UnreadableFileError(f"the file cannot be read ({error.strerror or error})", source=str(file)) from None
    return loads(raw, kind, catalogue=catalogue, source=str(file))


_NOT_REGULAR = (
    (stat.S_ISDIR, "this is a folder, not a file"),
    (stat.S_ISCHR, "this is a device, not a file"),
    (stat.S_ISBLK, "this is a device, not a file"),
    (stat.S_ISFIFO, "this is a named pipe, not a file"),
    (stat.S_ISSOCK, "this is a socket, not a file"),
)


def check_input_file(path: str | os.PathLike[str]) -> int:
    """Check, before anything is read, that a path names a regular file (following links), and return its size.

    A link to ``/dev/zero`` would be read until memory ran out, and a named
    pipe would wait for ever; both are refused here, naming the path as given.

    Raises:
        UnreadableFileError: If the path is missing, or is a folder, device, pipe or socket.
    """
    try:
        status = os.stat(path)
    except FileNotFoundError:
        raise UnreadableFileError("the file does not exist", source=os.fsdecode(path)) from None
    except OSError as error:
        raise UnreadableFileError(
            f"the file cannot be read ({error.strerror or error})", source=os.fsdecode(path)
        ) from None
    for test, why in _NOT_REGULAR:
        if test(status.st_mode):
            raise UnreadableFileError(why, source=os.fsdecode(path))
    if not stat.S_ISREG(status.st_mode):
        raise UnreadableFileError("this is not a regular file", source=os.fsdecode(path))
    return status.st_size


def _too_big(size: int) -> UnreadableFileError:
    return UnreadableFileError(
        f"the document is {size:,} bytes; the most accepted is {MAX_DOCUMENT_BYTES:,} bytes "
        "(set coproduction.contract.serialization.MAX_DOCUMENT_BYTES to change it)"
    )


class _DuplicateKeyError(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        raise _DuplicateKeyError(next(key for key, _ in pairs if key in seen or seen.add(key)))  # type: ignore[func-returns-value]
    return result


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in a document; write a number or null")


class _NumberError(ValueError):
    def __init__(self, literal: str, code: str) -> None:
        super().__init__(literal)
        self.literal = literal
        self.code = code


def _parse_int(literal: str) -> int:
    if len(literal) > MAX_NUMBER_LENGTH:
        raise _NumberError(literal, "number-too-long")
    return int(literal)


def _parse_float(literal: str) -> float:
    if len(literal) > MAX_NUMBER_LENGTH:
        raise _NumberError(literal, "number-too-long")
    value = float(literal)
    if math.isinf(value):
        raise _NumberError(literal, "number-too-large")
    return value


def _number_error(error: _NumberError) -> UnreadableFileError:
    shown = excerpt_text(error.literal, 23)
    if error.code == "number-too-long":
        return UnreadableFileError(
            f"a number in the document is written with {len(error.literal):,} characters; "
            f"the most accepted is {MAX_NUMBER_LENGTH}",
            [
                Problem(
                    "",
                    "number-too-long",
                    f"{shown} is too long "
                    "(set coproduction.contract.serialization.MAX_NUMBER_LENGTH to accept longer numbers)",
                )
            ],
        )
    return UnreadableFileError(
        "a number in the document is too large to be stored",
        [
            Problem(
                "", "number-too-large", f"{shown} is larger than any number a program can store; write a smaller number"
            )
        ],
    )


# A lone surrogate can only come from a \uD800-\uDFFF escape, or from text handed over as str.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _lone_surrogates(data: Any) -> list[Problem]:
    found: list[Problem] = []
    stack: list[tuple[Any, list[str | int]]] = [(data, [])]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            match = _SURROGATE.search(value)
            if match:
                found.append(
                    Problem(
                        json_path(path),
                        "lone-surrogate",
                        f"the text holds half of a character (an unpaired surrogate, \\u{ord(match.group()):04x}), "
                        "which is not text any program can store; the program that wrote the file made a mistake",
                    )
                )
        elif isinstance(value, dict):
            for key, item in reversed(value.items()):
                if _SURROGATE.search(key):
                    found.append(
                        Problem(
                            json_path([*path, excerpt(key)]),
                            "lone-surrogate",
                            "the key holds half of a character (an unpaired surrogate); keys must be text",
                        )
                    )
                stack.append((item, [*path, excerpt(key) if _SURROGATE.search(key) else key]))
        elif isinstance(value, list):
            stack.extend((item, [*path, index]) for index, item in reversed(list(enumerate(value))))
    return found


def parse_json(text: str | bytes) -> Any:
    """Parse JSON strictly: no NaN or Infinity, no duplicate keys, bounded size and depth.

    Raises:
        UnreadableFileError: With the line and column of the first mistake.
    """
    decoded = _decode(text)
    try:
        data = _parse(decoded, from_bytes=isinstance(text, bytes))
        _ensure_depth_allowed(data)
    except UnreadableFileError as error:
        raise _placed(error, decoded) from None
    return data


def _too_deep() -> UnreadableFileError:
    return UnreadableFileError(
        f"the document is nested too deeply (the most is {MAX_NESTING} levels)",
        [
            Problem(
                "",
                "too-deep",
                f"lists and objects nest more than {MAX_NESTING} levels deep here "
                "(set coproduction.contract.serialization.MAX_NESTING to change it)",
            )
        ],
    )


def _ensure_depth_allowed(data: Any) -> None:
    if _depth(data) > MAX_NESTING:
        raise _too_deep()


def _decode(text: str | bytes) -> str:
    """The text of a document, without a byte-order mark; bytes must be UTF-8.

    Raises:
        UnreadableFileError: If the document is too large or is not UTF-8, with the line and column.
    """
    if len(text) > MAX_DOCUMENT_BYTES:
        raise _too_big(len(text))
    if isinstance(text, str):
        return text.removeprefix("\ufeff")
    try:
        return text.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        start = error.start + (3 if text.startswith(codecs.BOM_UTF8) else 0)
        before = text[:start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise UnreadableFileError(
            f"the file is not UTF-8 text (byte {start} cannot be read); save it as UTF-8 JSON",
            [
                Problem(
                    "",
                    "not-utf8",
                    f"byte 0x{text[start]:02x} is not UTF-8; save the file as UTF-8",
                    line=line,
                    column=column,
                )
            ],
        ) from None


def _placed(error: UnreadableFileError, text: str) -> UnreadableFileError:
    """Give each problem of a refusal without a place the line, column and JSON path of the token refused."""
    unplaced = [index for index, problem in enumerate(error.problems) if problem.line is None]
    if not unplaced:
        return error
    code = error.problems[unplaced[0]].code
    places = locate(text, code, max_number_length=MAX_NUMBER_LENGTH, max_nesting=MAX_NESTING)
    for index, place in zip(unplaced, places, strict=False):
        problem = error.problems[index]
        path = problem.path or place.path
        error.problems[index] = attrs.evolve(problem, path=path, line=place.line, column=place.column)
    return error


def _parse(text: str, *, from_bytes: bool) -> Any:
    """Parse JSON strictly, as :func:`parse_json`, but leave the depth to the caller.

    Raises:
        UnreadableFileError: Saying what is wrong; :func:`_placed` then finds where.
    """
    try:
        data = json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_constant=_refuse_constant,
            parse_int=_parse_int,
            parse_float=_parse_float,
        )
    except _NumberError as error:
        raise _number_error(error) from None
    except _DuplicateKeyError as error:
        raise UnreadableFileError(
            f"the key {excerpt(str(error))} appears twice in one object; each key may appear once",
            [Problem("", "duplicate-key", f"duplicate key {excerpt(str(error))}")],
        ) from None
    except json.JSONDecodeError as error:
        raise UnreadableFileError(
            f"this is not valid JSON: {error.msg}",
            [Problem("", "json-syntax", error.msg, line=error.lineno, column=error.colno)],
        ) from None
    except ValueError as error:
        raise UnreadableFileError(str(error), [Problem("", "json-constant", str(error))]) from None
    except RecursionError:
        raise _too_deep() from None
    if ("\\u" in text and _SURROGATE_ESCAPE.search(text)) or (
        not from_bytes and not text.isascii() and _SURROGATE.search(text)
    ):
        found = _lone_surrogates(data)
        if found:
            raise UnreadableFileError(
                f"the document holds {len(found)} text{'s' if len(found) != 1 else ''} with half of a character "
                "(an unpaired surrogate) and cannot be read",
                found,
            )
    return data


def _depth(value: Any) -> int:
    depth = 0
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            depth = max(depth, level)
            stack.extend((child, level + 1) for child in item.values())
        elif isinstance(item, list):
            depth = max(depth, level)
            stack.extend((child, level + 1) for child in item)
    return depth


def _ensure_known_kind(data: dict[str, Any], expected: type[Any] | None) -> str:
    kind: Any = data.get("kind")
    wanted_kind = kind_of_class(expected) if expected is not None else None
    wanted = wanted_kind.name if wanted_kind is not None else None
    if not isinstance(kind, str) or kind_named(kind) is None:
        choices = wanted or ", ".join(row.name for row in kinds())
        message = (
            "the document has no 'kind'" if kind is None else f"'kind' is {excerpt(kind)}, which is not a document kind"
        )
        raise InvalidDocumentError(
            "this is not a coproduction document", [Problem("kind", "unknown-kind", f"{message}; expected {choices}")]
        )
    if wanted is not None and kind != wanted:
        raise InvalidDocumentError(
            f"expected {_a(wanted)} document but this is {_a(kind)}",
            [Problem("kind", "wrong-kind", f"is {excerpt(kind)}; expected {excerpt(wanted)}")],
        )
    version = data.get("schema_version")
    current = _row(kind).version
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InvalidDocumentError(
            f"the {kind} has no valid 'schema_version'",
            [Problem("schema_version", "bad-schema-version", f"must be a whole number from 1 to {current}")],
        )
    if version > current:
        raise InvalidDocumentError(
            f"this {kind} uses schema version {version}, newer than version {current} that this "
            "version of coproduction reads; upgrade coproduction to read it",
            [Problem("schema_version", "newer-schema-version", f"version {version} is newer than {current}")],
        )
    return str(kind)


def _migrate(data: dict[str, Any], kind: str) -> dict[str, Any]:
    version = data["schema_version"]
    row = _row(kind)
    while version < row.version:
        step = row.migrations.get(version)
        if step is None:
            raise InvalidDocumentError(
                f"{_a(kind)} of schema version {version} cannot be upgraded to version {row.version}",
                [Problem("schema_version", "no-migration", f"no migration from version {version}")],
            )
        data = step(dict(data))
        version += 1
        data["schema_version"] = version
    return data


def _structure_problems(error: Exception) -> list[Problem]:
    return [
        Problem(json_path(path), "inconsistent", str(leaf) or type(leaf).__name__) for path, leaf in _leaves(error, [])
    ]


def _leaves(error: Exception, path: list[str | int]) -> list[tuple[list[str | int], Exception]]:
    if isinstance(error, cattrs.ClassValidationError):
        named, other = error.group_exceptions()
        found = [leaf for sub, note in named for leaf in _leaves(sub, [*path, note.name])]
        return found + [leaf for sub in other for leaf in _leaves(sub, path)]
    if isinstance(error, cattrs.IterableValidationError):
        indexed, rest = error.group_exceptions()
        found = [leaf for sub, item in indexed for leaf in _leaves(sub, [*path, int(item.index)])]
        return found + [leaf for sub in rest for leaf in _leaves(sub, path)]
    return [(path, error)]


def _merge(schema_problems: list[Problem], reference_problems: list[Problem]) -> list[Problem]:
    """Combine both kinds of problem, in document order, one per place and wording.

    Where a reference check and the schema both object to one value, the
    reference check says more (it lists the levels of this framework), so it wins.
    """
    referenced = {problem.path for problem in reference_problems}
    combined = [p for p in schema_problems if p.path not in referenced] + reference_problems
    unique_problems = list(dict.fromkeys(combined))
    return sorted(unique_problems, key=lambda problem: _path_key(problem.path))


def _path_key(path: str) -> list[tuple[int, int | str]]:
    parts = path.replace("]", "").replace("[", ".").split(".")
    # isdigit() alone would take "²" for a digit: only ASCII digits are an index.
    return [(0, int(part)) if part.isascii() and part.isdigit() else (1, part) for part in parts]


def _summary(problems: list[Problem], kind: str) -> str:
    count = len(problems)
    if count == 0:
        return f"the {kind} is not consistent"
    return f"the {kind} has {count} problem{'s' if count != 1 else ''}"


def _a(kind: str) -> str:
    return ("an " if kind[0] in "aeiou" else "a ") + kind
