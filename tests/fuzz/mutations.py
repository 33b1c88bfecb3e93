"""Mutations of valid inputs for the fuzz targets: bytes, JSON structure, zip entries and XML elements.

Every mutation is drawn through hypothesis (``st.data()``), so a failing input
shrinks to a short list of small changes to a valid file and is replayed from
hypothesis's example database on the next run.
"""

from __future__ import annotations

import io
import json
import math
import os
import warnings
import zipfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

import coproduction as cp

CORPUS = Path(__file__).resolve().parent / "corpus"

ENVIRONMENT_VARIABLE = "COPRODUCTION_FUZZ_EXAMPLES"


def fuzz_settings(default_examples: int) -> settings:
    """Bounded in the normal test run; ``COPRODUCTION_FUZZ_EXAMPLES=5000`` runs each target that many times."""
    wanted = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
    return settings(
        max_examples=int(wanted) if wanted else default_examples,
        deadline=None,
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


INTERESTING_BYTES = [
    b"",
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\xc3\x28",
    b"\xed\xa0\x80",
    b'"',
    b"\\",
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b":",
    b"null",
    b"true",
    b"NaN",
    b"-Infinity",
    b"1e400",
    b"-0",
    b"1" * 400,
    b'"\\ud800"',
    b"\\ud800",
    b"\\udc00\\ud800",
    b"[" * 200,
    b"<",
    b">",
    b"&",
    b"&amp;",
    b"&lol;",
    b'<!DOCTYPE d [<!ENTITY lol "lol">]>',
    b'<!DOCTYPE d SYSTEM "http://example.com/d.dtd">',
    b"<![CDATA[x]]>",
    b"<?xml version='1.0' encoding='UTF-16'?>",
    b"</w:t>",
    b"<w:t>",
    b"<w:tbl>",
    b"<w:sdt>",
    b"</w:tr>",
    b'<c r="A1" t="e"><v>#N/A</v></c>',
    b"<f>SUM(A1:A2)</f>",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    b"PK\x03\x04",
    b"PK\x05\x06",
]

INTERESTING_TEXT = [
    "",
    " ",
    "\n",
    "\t",
    "\u0007",
    "\ufffe",
    "x" * 5000,
    "=1+2",
    "@SUM(A1)",
    "#N/A",
    "Embedded",
    "embedded",
    "EMBEDDED ",
    "not-started",
    "n/a",
    "X",
    "\u2612",
    "\u2610",
    "Yes",
    "Reference: shared-values-1",
    "Reference: no-such-criterion",
    "2025-02-30",
    "31/12/1899",
    "0",
    "-1",
    "99999999999",
    "1e400",
    "Friday, 14th March 2025",
    "school-staff",
    "parent-carers",
    "worcestershire-seven-quality-standards",
    "durham-audit-tool-for-participation",
    "coproduction-audit-template",
    "coproduction:template",
    "shared-values-1:rating",
    "cover:date",
    "Audit!$A$1:$A$2",
    "Metadata!$B$1",
    "'Audit'!$E$9:$E$39",
    "#REF!",
    "\U0001f600",
    "Zo\u00eb \u00d8degaard",
]


INTERESTING_ELEMENTS = [
    # Word: symbols outside Unicode or half a surrogate pair, long text, breaks, nested controls
    '<w:r xmlns:w="{w}"><w:sym w:char="D800"/></w:r>',
    '<w:r xmlns:w="{w}"><w:sym w:char="FFFFFF"/><w:sym w:char="0007"/><w:sym w:char="FFFE"/></w:r>',
    '<w:r xmlns:w="{w}"><w:t>' + "Q" * 3000 + "</w:t></w:r>",
    '<w:r xmlns:w="{w}"><w:tab/><w:br/><w:cr/><w:noBreakHyphen/><w:softHyphen/></w:r>',
    '<w:sdt xmlns:w="{w}"><w:sdtPr><w:tag w:val="cover:date"/><w:date w:fullDate="9999-99-99T00:00:00Z"/>'
    "</w:sdtPr><w:sdtContent><w:r><w:t>31 February 2025</w:t></w:r></w:sdtContent></w:sdt>",
    '<w:p xmlns:w="{w}"><w:r><w:t>Reference: shared-values-1</w:t></w:r></w:p>',
    # Excel: cells of every type, some impossible
    '<c xmlns="{s}" r="E9" t="inlineStr"><is><t>' + "Q" * 3000 + "</t></is></c>",
    '<c xmlns="{s}" r="E9" t="e"><v>#DIV/0!</v></c>',
    '<c xmlns="{s}" r="C5" t="n"><v>1e308</v></c>',
    '<c xmlns="{s}" r="C5" t="n"><v>nan</v></c>',
    '<c xmlns="{s}" r="C5" t="d"><v>2025-13-45</v></c>',
    '<c xmlns="{s}" r="E9" t="s"><v>99999</v></c>',
    '<c xmlns="{s}" r="E9" t="b"><v>1</v></c>',
    '<c xmlns="{s}" r="E9"><f>1+1</f><v>2</v></c>',
    '<definedName xmlns="{s}" name="coproduction_rating">Audit!$Z$1:$Z$1048576</definedName>',
]

_NAMESPACES = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "s": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
}


def _position(data: st.DataObject, length: int, label: str) -> int:
    return data.draw(st.integers(0, max(length, 0)), label=label)


def mutate_bytes(data: st.DataObject, content: bytes) -> bytes:
    """One byte-level change: flip, truncate, delete, insert, duplicate or overwrite a range."""
    kind = data.draw(st.sampled_from(["flip", "truncate", "delete", "insert", "duplicate", "token"]), label="bytes")
    length = len(content)
    if kind == "flip" and length:
        at = _position(data, length - 1, "at")
        mask = data.draw(st.integers(1, 255), label="mask")
        return content[:at] + bytes([content[at] ^ mask]) + content[at + 1 :]
    if kind == "truncate":
        return content[: _position(data, length, "keep")]
    if kind == "delete":
        at = _position(data, length, "at")
        return content[:at] + content[at + data.draw(st.integers(1, 64), label="size") :]
    if kind == "duplicate" and length:
        at = _position(data, length - 1, "at")
        piece = content[at : at + data.draw(st.integers(1, 256), label="size")]
        to = _position(data, length, "to")
        return content[:to] + piece + content[to:]
    insert = data.draw(st.sampled_from(INTERESTING_BYTES) | st.binary(min_size=1, max_size=16), label="insert")
    at = _position(data, length, "at")
    if kind == "token":  # overwrite rather than insert
        return content[:at] + insert + content[at + len(insert) :]
    return content[:at] + insert + content[at:]


# -- JSON structure ---------------------------------------------------------------------------------------------------


class Pairs(list[tuple[str, Any]]):
    """An object written with its keys in this order, duplicates kept."""


def json_values() -> st.SearchStrategy[Any]:
    """Any JSON value, with the awkward ones (huge and non-finite numbers, deep nesting) likely."""
    scalars = (
        st.none()
        | st.booleans()
        | st.integers()
        | st.sampled_from([0, -1, 1, 2**53, 10**30, -(10**30), 10**120])
        | st.floats(allow_nan=True, allow_infinity=True)
        | st.text(max_size=20)
        | st.sampled_from(INTERESTING_TEXT)
    )
    return st.recursive(
        scalars,
        lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
        max_leaves=8,
    )


def _nodes(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, Pairs):  # an object with a duplicate key is changed no further inside
        return found
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(_nodes(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(_nodes(item, (*path, index)))
    return found


def _get(value: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        value = value[part]
    return value


def _set(root: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    _get(root, path[:-1])[path[-1]] = new
    return root


def mutate_tree(data: st.DataObject, tree: Any) -> Any:
    """One change to parsed JSON: delete, duplicate or rename a key; swap a value's type; nest or repeat a value."""
    paths = _nodes(tree)
    path = paths[data.draw(st.integers(0, len(paths) - 1), label="node")]
    node = _get(tree, path)
    kind = data.draw(st.sampled_from(["replace", "text", "delete", "duplicate", "rename", "nest", "repeat"]))
    parent = _get(tree, path[:-1]) if path else None
    if kind == "delete" and path:
        del parent[path[-1]]
        return tree
    if kind in ("duplicate", "rename") and path and isinstance(parent, dict):
        pairs = Pairs(parent.items())
        if kind == "duplicate":
            pairs.append((path[-1], data.draw(json_values(), label="second value")))
        else:
            new_key = data.draw(st.sampled_from(INTERESTING_TEXT) | st.text(max_size=10), label="key")
            pairs = Pairs((new_key if key == path[-1] else key, item) for key, item in pairs)
        return _set(tree, path[:-1], pairs)
    if kind == "nest":
        return _set(tree, path, _nested(node, data.draw(st.integers(1, 120), label="depth")))
    if kind == "repeat" and isinstance(node, list) and node:
        return _set(tree, path, node + node[: data.draw(st.integers(1, 3), label="count")])
    if kind == "text":
        return _set(tree, path, data.draw(st.sampled_from(INTERESTING_TEXT), label="text"))
    return _set(tree, path, data.draw(json_values(), label="value"))


def _nested(value: Any, depth: int) -> Any:
    for _ in range(depth):
        value = [value]
    return value


def write_json(value: Any) -> str:
    """JSON text of a value, keeping duplicate keys (``Pairs``) and writing NaN and Infinity as Python does."""
    parts: list[str] = []
    stack: list[Any] = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, _Raw):
            parts.append(item.text)
        elif isinstance(item, (dict, Pairs)):
            pairs = list(item.items()) if isinstance(item, dict) else list(item)
            stack.append(_Raw("}"))
            for index in reversed(range(len(pairs))):
                key, child = pairs[index]
                stack.append(child)
                stack.append(_Raw(("," if index else "") + json.dumps(key) + ":"))
            stack.append(_Raw("{"))
        elif isinstance(item, list):
            stack.append(_Raw("]"))
            for index in reversed(range(len(item))):
                stack.append(item[index])
                if index:
                    stack.append(_Raw(","))
            stack.append(_Raw("["))
        elif isinstance(item, float) and not math.isfinite(item):
            parts.append("NaN" if math.isnan(item) else ("Infinity" if item > 0 else "-Infinity"))
        else:
            parts.append(json.dumps(item))
    return "".join(parts)


class _Raw:
    def __init__(self, text: str) -> None:
        self.text = text


# -- zip archives and their XML ---------------------------------------------------------------------------------------


def _entries(content: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return [(info.filename, archive.read(info.filename)) for info in archive.infolist()]


def _zip(entries: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are meant
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in entries:
                archive.writestr(name, content)
    return out.getvalue()


def mutate_xml(data: st.DataObject, content: bytes, focus: frozenset[str] = frozenset()) -> bytes:
    """One change to an XML part through its tree: delete, copy or move an element, or change a text or attribute.

    Half the time the element changed is one of the ``focus`` kinds (by local name), where the values are.
    """
    from lxml import etree

    try:
        root = etree.fromstring(content, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return mutate_bytes(data, content)
    elements = list(root.iter())
    focused = [element for element in elements if etree.QName(element).localname in focus]
    if focused and data.draw(st.booleans(), label="focus"):
        element = focused[data.draw(st.integers(0, len(focused) - 1), label="focused element")]
    else:
        element = elements[data.draw(st.integers(0, len(elements) - 1), label="element")]
    kind = data.draw(st.sampled_from(["delete", "copy", "move", "text", "attribute", "insert"]), label="xml")
    parent = element.getparent()
    if kind == "delete" and parent is not None:
        parent.remove(element)
    elif kind == "copy" and parent is not None:
        parent.insert(parent.index(element), _copy(element))
    elif kind == "move" and parent is not None:
        target = elements[data.draw(st.integers(0, len(elements) - 1), label="target")]
        if element not in target.iterancestors() and target is not element:
            target.append(element)
    elif kind == "insert":
        snippet = data.draw(st.sampled_from(INTERESTING_ELEMENTS), label="element").format(**_NAMESPACES)
        element.insert(data.draw(st.integers(0, len(element)), label="index"), etree.fromstring(snippet))
    elif kind == "attribute" and element.attrib:
        name = data.draw(st.sampled_from(sorted(element.attrib)), label="attribute")
        element.set(name, _xml_safe(data.draw(st.sampled_from(INTERESTING_TEXT) | st.text(max_size=12))))
    else:
        element.text = _xml_safe(data.draw(st.sampled_from(INTERESTING_TEXT) | st.text(max_size=12), label="text"))
    result: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return result


def _copy(element: Any) -> Any:
    from copy import deepcopy

    return deepcopy(element)


def _xml_safe(text: str) -> str:
    return "".join(ch for ch in text if ch in "\t\n\r" or (" " <= ch <= "\ud7ff") or ("\ue000" <= ch <= "\ufffd"))


def mutate_archive(
    data: st.DataObject, content: bytes, favoured: list[str], focus: frozenset[str] = frozenset()
) -> bytes:
    """One to three changes to an Office file: its XML parts, its entries, or the raw archive."""
    for _ in range(data.draw(st.integers(1, 3), label="changes")):
        try:
            entries = _entries(content)
        except Exception:  # an earlier change broke the archive: keep changing its bytes
            return mutate_bytes(data, content)
        names = [name for name, _ in entries]
        kind = data.draw(
            st.sampled_from(["xml", "xml", "xml", "entry-bytes", "drop", "duplicate", "rename", "archive-bytes"]),
            label="archive",
        )
        if kind == "archive-bytes" or not entries:
            content = mutate_bytes(data, content)
            continue
        choices = [name for name in favoured if name in names] or names
        name = data.draw(st.sampled_from(choices) if kind == "xml" else st.sampled_from(names), label="entry")
        index = names.index(name)
        if kind == "xml":
            entries[index] = (name, mutate_xml(data, entries[index][1], focus))
        elif kind == "entry-bytes":
            entries[index] = (name, mutate_bytes(data, entries[index][1]))
        elif kind == "drop":
            del entries[index]
        elif kind == "duplicate":
            entries.append(entries[index])
        else:
            entries[index] = (
                data.draw(st.sampled_from([*names, "word/document2.xml", "xl/vbaProject.bin"])),
                entries[index][1],
            )
        content = _zip(entries)
    return content


class Seeds(list[Any]):
    """Seed files (or seeds with what is known of them), shown briefly when hypothesis reports a failing example."""

    def __repr__(self) -> str:
        return f"<{len(self)} seeds>"

    def draw(self, data: st.DataObject) -> Any:
        """One of the seeds, drawn by index so a report names it by number."""
        return self[data.draw(st.integers(0, len(self) - 1), label="seed number")]


# -- what every target checks ------------------------------------------------------------------------------------------


def assert_readable_refusal(error: cp.CoproductionError) -> None:
    """A refusal a person can read: printable, with a code, and never a whole huge value repeated."""
    text = str(error)
    text.encode("utf-8")
    assert error.code and error.message
    assert len(error.message) <= 600, error.message[:200]
    for problem in error.problems:
        assert problem.code
        assert len(problem.message) <= 600, problem.message[:200]
        assert len(problem.path) <= 300, problem.path[:200]


def assert_audit_round_trips(audit: object, catalogue: cp.Catalogue) -> None:
    """An audit an importer returns is one the JSON loader accepts, and it scores."""
    assert isinstance(audit, cp.Audit)
    again = cp.loads(cp.dumps(audit), cp.Audit, catalogue=catalogue)
    assert again == audit
    cp.score(audit, catalogue.framework(audit.framework, audit.framework_version))
