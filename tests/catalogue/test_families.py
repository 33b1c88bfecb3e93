"""The built-in parent carer wording, the marks of the library's own words, and the glossary fixes."""

from __future__ import annotations

import re

import pytest

import coproduction as cp

PARENTS = cp.Perspective.PARENT_CARERS
BUILT_IN = ["worcestershire-seven-quality-standards", "durham-audit-tool-for-participation"]
SCHOOL_ADDRESSED = re.compile(r"your organisation|rated itself|your school", re.IGNORECASE)


def parent_texts(framework: cp.Framework) -> list[tuple[str, str]]:
    """Every parent carer text of a framework, with where it is."""
    items: list[tuple[str, cp.Framework | cp.Level | cp.Section | cp.Criterion]] = [(framework.id, framework)]
    items += [(f"level {level.id}", level) for level in framework.scale.levels]
    for section in framework.sections:
        items.append((f"section {section.id}", section))
        items += [(f"criterion {criterion.id}", criterion) for criterion in section.criteria]
    return [
        (f"{place} {wording.field}", wording.text)
        for place, item in items
        for wording in item.wording
        if wording.viewpoint is PARENTS
    ]


@pytest.mark.parametrize("framework_id", BUILT_IN)
def test_every_criterion_and_example_has_parent_carer_wording_by_the_library(
    catalogue: cp.Catalogue, framework_id: str
) -> None:
    framework = catalogue.framework(framework_id)
    for criterion in framework.criteria:
        fields = ["text", *(f"examples[{i}]" for i in range(len(criterion.examples)))]
        for field in fields:
            shown = cp.worded(criterion, field, PARENTS)
            assert shown.adapted and shown.by_library, f"{criterion.id} {field}"
            assert shown.source_text == cp.worded(criterion, field, None).text != shown.text
    for level in framework.scale.levels:
        assert cp.worded(level, "description", PARENTS).adapted


@pytest.mark.parametrize("framework_id", BUILT_IN)
def test_the_plain_english_check_finds_nothing_in_the_parent_carer_wording(
    catalogue: cp.Catalogue, framework_id: str
) -> None:
    checker = cp.PlainEnglishChecker(catalogue.glossary())
    texts = parent_texts(catalogue.framework(framework_id))
    assert len(texts) > 30
    findings = [f"{finding}" for place, text in texts for finding in checker.check_text(text, place)]
    assert findings == []


def test_the_check_does_find_problems_in_the_source_wording(catalogue: cp.Catalogue) -> None:
    checker = cp.PlainEnglishChecker(catalogue.glossary())
    framework = catalogue.framework(BUILT_IN[0])
    assert any(checker.check_text(criterion.text) for criterion in framework.criteria)


@pytest.mark.parametrize("framework_id", BUILT_IN)
def test_parent_carer_wording_does_not_speak_to_the_school(catalogue: cp.Catalogue, framework_id: str) -> None:
    framework = catalogue.framework(framework_id)
    assert [place for place, text in parent_texts(framework) if SCHOOL_ADDRESSED.search(text)] == []
    assert any(SCHOOL_ADDRESSED.search(c.text) for c in catalogue.framework(BUILT_IN[0]).criteria)


def test_what_the_catalogue_wrote_itself_is_marked(catalogue: cp.Catalogue) -> None:
    durham = catalogue.framework(BUILT_IN[1])
    assert all(cp.is_library_authored(section, "title") for section in durham.sections)
    assert all(cp.is_library_authored(section, "summary") for section in durham.sections)
    for framework in catalogue.frameworks():
        assert all(cp.is_library_authored(level, "description") for level in framework.scale.levels)
        assert cp.is_library_authored(framework, "description")
    worcestershire = catalogue.framework(BUILT_IN[0])
    assert not any(cp.is_library_authored(section, "title") for section in worcestershire.sections)
    assert all(cp.is_library_authored(term, "plain") for term in catalogue.glossary().terms)


def test_slt_is_defined_not_the_summary_of_standard_seven(catalogue: cp.Catalogue) -> None:
    slt = catalogue.glossary().lookup("SLT")
    leadership = catalogue.framework(BUILT_IN[0]).sections[-1]
    assert slt is not None and slt.definition != leadership.summary
    assert "head teacher" in slt.definition and cp.is_library_authored(slt, "definition")


def test_no_plain_wording_uses_an_acronym_the_check_flags(catalogue: cp.Catalogue) -> None:
    glossary = catalogue.glossary()
    checker = cp.PlainEnglishChecker(glossary)
    flagged = {
        term.term: [finding.text for finding in checker.check_text(term.plain) if finding.term != term.term]
        for term in glossary.terms
    }
    assert {term: found for term, found in flagged.items() if found} == {}


def test_family_words_are_in_the_glossary_and_never_flagged(catalogue: cp.Catalogue) -> None:
    glossary = catalogue.glossary()
    for word in ("Embedded", "Evidence", "Rating", "Statement", "Charter"):
        assert glossary.lookup(word) is not None and word in cp.FAMILY_WORDS
    assert (
        cp.PlainEnglishChecker(glossary).check_text("Choose a rating and give your evidence. Embedded means always.")
        == []
    )
    (finding,) = cp.PlainEnglishChecker(glossary).check_text("Rate each criterion.")
    assert finding.term == "Criterion" and "statement" in finding.suggestion


def test_terms_used_lists_each_glossary_term_once_in_order_of_first_use(catalogue: cp.Catalogue) -> None:
    glossary = catalogue.glossary()
    texts = ["Talk to the SENCo about the EHCP.", "Your evidence counts.", "The EHCP is reviewed; ask the SENCO."]
    assert [term.term for term in cp.terms_used(texts, glossary)] == ["SENCO or SENDCO", "EHCP", "Evidence"]
    assert cp.terms_used([], glossary) == []
    assert cp.terms_used(["Nothing to explain here."], glossary) == []


def _ladder_texts(ladder: cp.Ladder) -> list[tuple[str, object, str]]:
    """Every text of a ladder a parent carer may read: (path, item, field)."""
    found: list[tuple[str, object, str]] = (
        [(f"{ladder.id}.description", ladder, "description")] if ladder.description else []
    )
    for rung in ladder.rungs:
        if rung.description:
            found.append((f"{ladder.id}.{rung.id}.description", rung, "description"))
        found.extend(
            (f"{ladder.id}.{rung.id}.examples[{index}]", rung, f"examples[{index}]")
            for index in range(len(rung.examples))
        )
    return found


def test_every_ladder_text_reads_plainly_for_parent_carers_and_the_source_is_kept(catalogue: cp.Catalogue) -> None:
    checker = cp.default_checker()
    adapted = 0
    for ladder in catalogue.ladders():
        for path, item, field in _ladder_texts(ladder):
            worded = cp.worded(item, field, PARENTS)  # type: ignore[arg-type]
            text = worded.text if not field.startswith("examples") else "For example: " + worded.text
            assert [str(finding) for finding in checker.check_texts([(path, text)])] == []
            if worded.adapted:
                adapted += 1
                assert worded.by_library, path  # the library's adaptation, marked so
                assert worded.source_text != worded.text  # the source's words are kept beside it
    assert adapted == 4 + 12 + 8  # every ladder's description, 12 rung descriptions, 8 Durham examples


def test_a_rung_may_reword_only_a_text_it_has() -> None:
    wording = cp.ViewpointWording(PARENTS, "Shorter words.", "examples[1]", ("text",))
    with pytest.raises(ValueError, match="no source text there"):
        cp.Rung("consultation", "Consultation", "Asked for views.", examples=("One example.",), wording=(wording,))
    with pytest.raises(ValueError, match="no source text there"):
        cp.Ladder(
            "my-ladder",
            "My ladder",
            [cp.Rung("a", "A"), cp.Rung("b", "B")],
            wording=(cp.ViewpointWording(PARENTS, "Plain.", "description", ("text",)),),
        )
    rung = cp.Rung(
        "consultation",
        "Consultation",
        "Asked for views.",
        examples=("One example.",),
        wording=(cp.ViewpointWording(PARENTS, "Asked what I think.", "description", ("text",)),),
        library_authored=("name",),
    )
    assert cp.wording_for(rung, PARENTS, "description") == "Asked what I think."
    assert cp.wording_for(rung, cp.Perspective.SCHOOL_STAFF, "description") == "Asked for views."
    assert cp.is_library_authored(rung, "name")
