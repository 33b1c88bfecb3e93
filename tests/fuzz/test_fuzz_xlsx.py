"""Fuzz the Excel importer with mutated filled templates: nothing but the library's own errors may come out.

Two targets. The first goes through the archive: a worksheet's, the
workbook's (its defined names) or the shared strings' XML elements deleted,
copied, moved or inserted, their text or attributes changed; parts' bytes
changed; parts dropped, duplicated or renamed; bytes of the archive itself
flipped or cut. The second types awkward values into the template's input
cells with openpyxl, as a person (or another program) could: text of any
length, numbers, booleans, dates and times, formulas and error values. An
audit that is read must be one the JSON loader accepts.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from fuzz.mutations import (
    CORPUS,
    Seeds,
    assert_audit_round_trips,
    assert_readable_refusal,
    fuzz_settings,
    mutate_archive,
)
from hypothesis import given
from hypothesis import strategies as st

import coproduction as cp
from coproduction import export_context

pytest.importorskip("coproduction_xlsx", reason="the xlsx exporter is installed by scripts/test")

FAVOURED = [
    "xl/worksheets/sheet1.xml",
    "xl/worksheets/sheet2.xml",
    "xl/worksheets/sheet3.xml",
    "xl/workbook.xml",
    "xl/sharedStrings.xml",
    "[Content_Types].xml",
    "xl/_rels/workbook.xml.rels",
    "xl/styles.xml",
]

FOCUS = frozenset({"c", "v", "t", "is", "si", "f", "row", "definedName"})


def read_or_refuse(content: bytes, catalogue: cp.Catalogue) -> cp.Audit | None:
    from coproduction_xlsx import XlsxExporter

    stream = io.BytesIO(content)
    stream.name = "fuzzed.xlsx"  # type: ignore[attr-defined]
    try:
        audit = XlsxExporter().read(stream, export_context(catalogue=catalogue))
    except cp.CoproductionError as error:
        assert_readable_refusal(error)
        assert error.source == "fuzzed.xlsx"
        return None
    assert_audit_round_trips(audit, catalogue)
    return audit


@pytest.fixture(scope="module")
def seeds(fresh_office_seeds: dict[str, list[bytes]]) -> Seeds:
    corpus = [path.read_bytes() for path in sorted((CORPUS / "xlsx").glob("valid-*"))]
    return Seeds([*fresh_office_seeds["xlsx"], *corpus])


@fuzz_settings(100)
@given(data=st.data())
def test_mutated_excel_templates(seeds: Seeds, fuzz_catalogue: cp.Catalogue, data: st.DataObject) -> None:
    content = seeds.draw(data)
    read_or_refuse(mutate_archive(data, content, FAVOURED, FOCUS), fuzz_catalogue)


INPUT_NAMES = [
    "coproduction_organisation",
    "coproduction_organisation_identifier",
    "coproduction_completed_by",
    "coproduction_date",
    "coproduction_rating",
    "coproduction_not_applicable",
    "coproduction_evidence",
]


def _value() -> st.SearchStrategy[object]:
    import datetime as dt

    text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)
    return st.one_of(
        st.none(),
        text,
        st.sampled_from(["Embedded", " embedded ", "Yes", "no", "=1+2", "#N/A", "2025-02-30", "13/05/2025"]),
        st.just("Q" * 3000),
        st.integers(-(10**15), 10**15),
        st.floats(allow_nan=False, allow_infinity=False),
        st.sampled_from([0.5, 45000.0, 2958465.5, -1.0, 1e308]),
        st.booleans(),
        st.dates(min_value=dt.date(1900, 3, 1)),
        st.datetimes(min_value=dt.datetime(1900, 3, 1)),
        st.sampled_from(["=SUM(1,2)", '=HYPERLINK("http://example.com")']).map(lambda formula: ("formula", formula)),
        st.sampled_from(["#N/A", "#DIV/0!", "#REF!"]).map(lambda error: ("error", error)),
    )


def set_cells(seed: bytes, values: list[tuple[str, int, object]]) -> bytes:
    """Put each value into the input cell ``index`` of the named range, as openpyxl stores it."""
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(seed))
    for name, index, value in values:
        if name not in workbook.defined_names:
            continue
        (sheet, reference), *_ = list(workbook.defined_names[name].destinations)
        cells = workbook[sheet][reference.replace("$", "")]
        cells = [row[0] if isinstance(row, tuple) else row for row in cells] if isinstance(cells, tuple) else [cells]
        cell = cells[index % len(cells)]
        if isinstance(value, tuple):
            cell.value = value[1]
            cell.data_type = "f" if value[0] == "formula" else "e"
        else:
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


@fuzz_settings(50)
@given(data=st.data())
def test_awkward_values(seeds: Seeds, fuzz_catalogue: cp.Catalogue, data: st.DataObject) -> None:
    seed = seeds.draw(data)
    values = data.draw(
        st.lists(st.tuples(st.sampled_from(INPUT_NAMES), st.integers(0, 40), _value()), min_size=1, max_size=6),
        label="values",
    )
    read_or_refuse(set_cells(seed, values), fuzz_catalogue)


@pytest.mark.parametrize("path", sorted((CORPUS / "xlsx").iterdir()), ids=lambda path: path.name)
def test_corpus(path: Path, fuzz_catalogue: cp.Catalogue) -> None:
    audit = read_or_refuse(path.read_bytes(), fuzz_catalogue)
    if path.name.startswith("valid-"):
        assert audit is not None and any(response.rating for response in audit.responses)
    elif path.name.startswith("refused-"):
        assert audit is None
