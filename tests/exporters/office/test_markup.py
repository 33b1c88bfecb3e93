"""Document type and entity declarations are found in any part, under any name, in any encoding a parser detects."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coproduction.exporters.office import unsafe_markup

DOCTYPE = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'
CLEAN = '<?xml version="1.0" encoding="{}"?><x>text &lt;!DOCTYPE typed by a user&gt;</x>'
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_a_doctype_is_found_with_or_without_a_byte_order_mark(encoding: str) -> None:
    assert "DOCTYPE" in (unsafe_markup(DOCTYPE.encode(encoding)) or "")
    assert unsafe_markup(DOCTYPE.replace("DOCTYPE", "doctype").encode(encoding)) is not None
    assert unsafe_markup(b"   " + "<!ENTITY a 'b'>".encode(encoding)) is not None


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_clean_xml_passes_in_every_detected_encoding(encoding: str) -> None:
    name = encoding.replace("-sig", "")
    assert unsafe_markup(CLEAN.format(name).encode(encoding)) is None


@pytest.mark.parametrize("declared", ["UTF-7", "IBM037", "x-made-up"])
def test_an_encoding_office_never_uses_is_refused(declared: str) -> None:
    assert "encoding" in (unsafe_markup(f'<?xml version="1.0" encoding="{declared}"?><x/>'.encode()) or "")


def test_ebcdic_is_refused() -> None:
    assert "EBCDIC" in (unsafe_markup('<?xml version="1.0"?><x/>'.encode("cp037")) or "")


@given(
    st.text(alphabet=st.characters(blacklist_characters="<", blacklist_categories=("Cs",)), max_size=200),
    st.sampled_from(ENCODINGS),
)
def test_markup_without_declarations_passes(text: str, encoding: str) -> None:
    assert unsafe_markup(f"<x>{text}</x>".encode(encoding)) is None
