"""The plain-English check: every documented rule, by example and by property."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import coproduction as cp
from coproduction import (
    DEFAULT_ALLOWED,
    MAX_SENTENCE_WORDS,
    NOT_PROSE,
    PlainEnglishChecker,
    Rule,
    check_plain_english,
    default_checker,
    text_fields,
)

ACRONYM = Rule.ACRONYM
JARGON = Rule.JARGON
LONG = Rule.LONG_SENTENCE


def rules(text: str, **kwargs: object) -> list[tuple[str, str]]:
    return [(finding.rule.value, finding.text) for finding in check_plain_english(text, **kwargs)]  # type: ignore[arg-type]


# -- acronyms ----------------------------------------------------------------------------------


def test_an_acronym_is_flagged_with_its_plain_wording_and_how_to_spell_it_out() -> None:
    text = "We will look at your child's EHCP together."
    (finding,) = check_plain_english(text)
    assert finding.rule is ACRONYM
    assert finding.term == "EHCP"
    assert text[finding.start : finding.end] == "EHCP" == finding.text
    assert "a legal plan of your child's needs and support" in finding.suggestion
    assert '"Education, Health and Care Plan (EHCP)"' in finding.suggestion
    assert finding.message == '"EHCP" is an acronym some families will not know'


def test_acronyms_need_two_capitals_so_ordinary_words_are_never_flagged() -> None:
    assert rules("Please send the form to the la. Send it. We cast a wide net and pip them at the post.") == []
    assert rules("SEND") == [("acronym", "SEND")]
    assert rules("Ask the SENCo or the SENDCo.") == [("acronym", "SENCo"), ("acronym", "SENDCo")]
    assert rules("SALT and SaLT are the same.") == [("acronym", "SALT"), ("acronym", "SaLT")]


def test_the_spelling_out_suggestion_keeps_the_spelling_used() -> None:
    (finding,) = check_plain_english("Ask the SENCo.")
    assert finding.term == "SENCO or SENDCO"
    assert "(SENCo)" in finding.suggestion


def test_acronyms_are_whole_words_a_plural_s_allowed_and_hyphens_end_words() -> None:
    assert rules("We SENT it.") == []
    assert rules("Two EHCPs were reviewed.") == [("acronym", "EHCPs")]
    assert rules("A SEN-friendly room.") == [("acronym", "SEN")]
    assert rules("Our SENDIASS contact.") == [("acronym", "SENDIASS")]


def test_an_acronym_after_its_expansion_is_not_flagged() -> None:
    assert rules("An Education, Health and Care Plan is a legal plan. Each EHCP is reviewed.") == []
    assert rules("An education health and care plan is legal. Each EHCP is reviewed.") == []


def test_an_acronym_in_brackets_after_words_whose_initials_spell_it_is_spelled_out() -> None:
    assert rules("Special educational needs and disabilities (SEND) matter. SEND support helps.") == []
    assert rules("Speech and language therapy (SaLT) helps. SaLT is free.") == []
    assert rules("Children and young people (CYP) lead. CYP decide.") == []


def test_an_acronym_followed_by_its_expansion_in_brackets_is_spelled_out() -> None:
    assert rules("Your EHCP (Education, Health and Care Plan) is reviewed. The EHCP matters.") == []
    assert rules("The SLT (senior leadership team) meets. The SLT listens.") == []


def test_an_expansion_holding_its_own_brackets_spells_the_acronym_out() -> None:
    found = rules("The SENDCO (Special Educational Needs (Disability) Co-ordinator) helps. Ask the SENDCO.")
    assert found == []
    assert rules("The SENDCO (see (page 2)) helps.") == [("acronym", "SENDCO")]


def test_brackets_that_do_not_spell_the_acronym_do_not_count() -> None:
    assert rules("We talk to you (SEND) often.") == [("acronym", "SEND")]
    assert rules("The EHCP (see page 2) is reviewed.") == [("acronym", "EHCP")]


def test_an_acronym_before_its_expansion_is_still_flagged_there() -> None:
    found = rules("The EHCP is legal. An Education, Health and Care Plan lasts. The EHCP ends.")
    assert found == [("acronym", "EHCP")]


def test_every_unexplained_use_is_flagged_each_with_its_position() -> None:
    text = "The LA pays. The LA decides."
    found = check_plain_english(text)
    assert [(f.start, f.end) for f in found] == [(4, 6), (17, 19)]


def test_terms_written_as_alternatives_count_as_each() -> None:
    assert rules("The EP visits.") == [("acronym", "EP")]
    assert rules("The Ed Psych visits.") == [("jargon", "Ed Psych")]
    assert rules("The TAF meets and the TAC meets.") == [("acronym", "TAF"), ("acronym", "TAC")]
    assert rules("The team around the family (TAF) meets.") == []


# -- jargon ------------------------------------------------------------------------------------


def test_jargon_is_matched_ignoring_case_and_spacing_with_a_plural() -> None:
    text = "See the local  offer and the Graduated Response. Annual reviews happen."
    found = check_plain_english(text)
    assert [(f.rule, f.text) for f in found] == [
        (JARGON, "local  offer"),
        (JARGON, "Graduated Response"),
        (JARGON, "Annual reviews"),
    ]
    assert found[0].suggestion == (
        'say "the council\'s website about services for special educational needs and disabilities" instead, '
        "or explain what it means"
    )
    assert found[0].term == "Local Offer"


def test_the_longest_overlapping_term_wins() -> None:
    assert rules("We follow the SEND Code of Practice.") == [("jargon", "SEND Code of Practice")]
    assert rules("We follow the Code of Practice.") == [("jargon", "Code of Practice")]
    assert rules("It is SEN Support.") == [("jargon", "SEN Support")]


def test_everyday_words_of_these_documents_are_allowed_by_default() -> None:
    assert {"Carer", "Parent Carer", "Parent Carer Forum"} | cp.FAMILY_WORDS == DEFAULT_ALLOWED
    # The words families need to know (issue 14): explained in a glossary section, never flagged.
    assert {"Embedded", "Emerging", "Developing", "Rating", "Evidence", "Statement", "Score"} <= cp.FAMILY_WORDS
    assert not {"Criterion", "Criteria", "Audit"} & cp.FAMILY_WORDS
    assert rules("Parent carers and carers meet the parent carer forum.") == []
    strict = PlainEnglishChecker(allowed=())
    assert rules("Parent carers meet.", checker=strict) == [("jargon", "Parent carers")]
    assert rules("Carers meet.", checker=strict) == [("jargon", "Carers")]


def test_an_allowed_phrase_still_covers_the_words_inside_it() -> None:
    checker = PlainEnglishChecker(allowed=["Parent Carer"])
    assert rules("Parent carers meet.", checker=checker) == []
    assert rules("Carers meet.", checker=checker) == [("jargon", "Carers")]


def test_a_council_can_use_its_own_glossary() -> None:
    glossary = cp.Glossary(
        id="council-words",
        name="Council words",
        terms=[
            cp.Term("PfA", "Preparing for Adulthood", "getting ready for adult life", "Preparing for Adulthood"),
            cp.Term("Core Offer", "What every school gives.", "what every school gives"),
        ],
    )
    checker = PlainEnglishChecker(glossary)
    assert rules("Our PfA work and the core offer. The EHCP.", checker=checker) == [
        ("acronym", "PfA"),
        ("jargon", "core offer"),
    ]


# -- sentences ---------------------------------------------------------------------------------


def words(count: int, word: str = "word") -> str:
    return " ".join([word] * count)


def test_a_sentence_of_more_than_25_words_is_flagged() -> None:
    assert MAX_SENTENCE_WORDS == 25
    assert rules(words(25) + ".") == []
    (finding,) = check_plain_english(words(26) + ".")
    assert finding.rule is LONG
    assert finding.text == "word word word word word word word word …"
    assert finding.start == 0 and finding.end == len(words(26)) + 1
    assert finding.suggestion.startswith("it has 26 words; plain English keeps to 25 or fewer")


def test_the_threshold_can_be_changed() -> None:
    checker = PlainEnglishChecker(max_sentence_words=10)
    assert rules(words(10), checker=checker) == []
    assert [rule for rule, _ in rules(words(11), checker=checker)] == ["long-sentence"]
    with pytest.raises(ValueError, match="at least 1"):
        PlainEnglishChecker(max_sentence_words=0)


def test_sentences_end_at_full_stops_questions_exclamations_and_line_breaks() -> None:
    checker = PlainEnglishChecker(max_sentence_words=3)
    for text in ("one two three. four five six", "one two three? four five six", "one two three!\nfour five six"):
        assert rules(text, checker=checker) == []
    assert len(rules("one two three four", checker=checker)) == 1
    assert list(checker.sentences("One. Two\n\n  Three four.")) == [(0, 4), (5, 8), (12, 23)]


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    checker = PlainEnglishChecker(max_sentence_words=3)
    assert len(list(checker.sentences("Ask Mrs A. Patel, e.g. at home, etc. and so on."))) == 1
    assert len(list(checker.sentences("It is 2.5 miles away. Come."))) == 2


def test_words_with_hyphens_and_apostrophes_count_once() -> None:
    checker = PlainEnglishChecker(max_sentence_words=4)
    assert rules("Your child's co-produced plan.", checker=checker) == []
    assert len(rules("Your child\u2019s co-produced plan works.", checker=checker)) == 1


def test_a_long_sentence_is_split_at_a_semicolon_first() -> None:
    text = words(14, "we") + "; " + words(14, "they") + "."
    (finding,) = check_plain_english(text)
    assert 'for example: "… we we we we." and "They they they they …"' in finding.suggestion


def test_a_long_sentence_is_split_at_a_joining_word_after_a_comma() -> None:
    text = words(14, "we") + ", and " + words(14, "they") + "."
    (finding,) = check_plain_english(text)
    assert '"… we we we we." and "They they they they …"' in finding.suggestion
    text = words(14, "we") + ", but " + words(14, "they") + "."
    assert '"But they they they …"' in check_plain_english(text)[0].suggestion


def test_a_long_sentence_with_nowhere_to_split_gets_general_advice() -> None:
    (finding,) = check_plain_english(words(30) + ".")
    assert finding.suggestion.endswith("split it into shorter sentences of at most 25 words each")


# -- documents ---------------------------------------------------------------------------------


@attrs.frozen
class Note:
    id: str = attrs.field(metadata=NOT_PROSE)
    title: str
    lines: tuple[str, ...] = ()
    extra: dict[str, str] = attrs.field(factory=dict)
    when: dt.date | None = None


def test_text_fields_walks_attrs_lists_and_dicts_with_json_paths_skipping_what_is_not_prose() -> None:
    note = Note(id="EHCP", title="T", lines=("a", "b"), extra={"k": "v"}, when=dt.date(2025, 1, 1))
    assert list(text_fields(note)) == [("title", "T"), ("lines[0]", "a"), ("lines[1]", "b"), ("extra.k", "v")]
    assert list(text_fields(note, skip={"lines"})) == [("title", "T"), ("extra.k", "v")]
    assert list(text_fields("just text", path="intro")) == [("intro", "just text")]


def test_a_document_is_checked_field_by_field_and_spelling_out_carries_forward() -> None:
    note = Note(
        id="send",
        title="Your EHCP",
        lines=(
            "An Education, Health and Care Plan (EHCP) is a legal plan.",
            "Each EHCP is reviewed.",
            "The SEND team.",
        ),
    )
    found = check_plain_english(note)
    assert [(f.path, f.text) for f in found] == [("title", "EHCP"), ("lines[2]", "SEND")]
    assert str(found[0]).startswith('title: "EHCP" is an acronym')
    problem = found[1].to_problem()
    assert problem.path == "lines[2]" and problem.code == "acronym"


def test_an_expansion_in_an_earlier_field_counts_for_later_ones() -> None:
    note = Note(id="x", title="About special educational needs", lines=("Our SEN work.",))
    assert rules("Our SEN work.") == [("acronym", "SEN")]
    assert check_plain_english(note) == []


def test_a_charter_and_a_feedback_log_are_checked_with_their_paths() -> None:
    charter = cp.Charter(
        organisation=cp.Organisation("Oak SEND Academy"),
        title="Our charter",
        commitments=[
            cp.Commitment(
                id="ehcp-reviews",
                what="We plan each review with you.",
                aims_at=cp.RungTarget("durham-degrees-of-participation", "co-production"),
                measure="We ask the LA how many reviews were on time.",
            )
        ],
        co_produced_with=[cp.Contributor("parent-carers")],
        co_produced_on=dt.date(2025, 1, 1),
        review_date=dt.date(2026, 1, 1),
    )
    found = check_plain_english(charter)
    assert [(f.path, f.text) for f in found] == [("commitments[0].measure", "LA")]
    log = cp.FeedbackLog(
        organisation=cp.Organisation("Oak"),
        entries=[
            cp.FeedbackEntry(
                id="a",
                said="We never hear from CAMHS.",
                said_by=cp.Contributor("parent-carers"),
                channel="survey",
                date=dt.date(2025, 1, 1),
            )
        ],
    )
    assert [(f.path, f.text) for f in check_plain_english(log)] == [("entries[0].said", "CAMHS")]


def test_the_default_checker_is_built_once() -> None:
    assert default_checker() is default_checker()
    assert default_checker().glossary == cp.default_catalogue().glossary()


# -- properties --------------------------------------------------------------------------------

# Words that are in no glossary term or expansion, so text made of them is plain.
SAFE_WORDS = ["we", "will", "talk", "with", "you", "about", "what", "works", "each", "term", "listen", "meet", "ask"]


def glossary_acronyms() -> list[str]:
    found = []
    for term in cp.default_catalogue().glossary().terms:
        if term.expansion:
            found.extend(part for part in term.term.split(" or ") if " " not in part)
    return found


ACRONYMS = glossary_acronyms()

sentences = st.lists(st.sampled_from(SAFE_WORDS), min_size=1, max_size=MAX_SENTENCE_WORDS - 1).map(
    lambda ws: " ".join(ws).capitalize() + "."
)
plain_texts = st.lists(sentences, min_size=1, max_size=4).map(" ".join)


@given(plain_texts)
def test_plain_text_has_no_findings(text: str) -> None:
    assert check_plain_english(text) == []


@given(plain_texts, st.sampled_from(ACRONYMS), st.data())
def test_one_inserted_acronym_gives_one_finding_where_it_was_put(text: str, acronym: str, data: st.DataObject) -> None:
    boundaries = [0] + [i + 1 for i, char in enumerate(text) if char == " "]
    at = data.draw(st.sampled_from(boundaries))
    changed = text[:at] + acronym + " " + text[at:]
    (finding,) = check_plain_english(changed)
    assert finding.rule is ACRONYM
    assert (finding.start, finding.end) == (at, at + len(acronym))
    assert finding.text == acronym


@given(st.integers(1, 60), st.integers(5, 40))
def test_a_sentence_is_flagged_exactly_when_it_has_more_words_than_the_threshold(count: int, limit: int) -> None:
    checker = PlainEnglishChecker(max_sentence_words=limit)
    found = check_plain_english(words(count, "we") + ".", checker=checker)
    assert [f.rule for f in found] == ([LONG] if count > limit else [])


@given(st.lists(st.sampled_from([*SAFE_WORDS, *ACRONYMS, "Local Offer", "the SEND Code of Practice"]), max_size=40))
def test_every_term_finding_points_at_the_words_it_quotes(parts: list[str]) -> None:
    text = " ".join(parts)
    for finding in check_plain_english(text):
        if finding.rule is not LONG:
            assert text[finding.start : finding.end] == finding.text
    assert check_plain_english(text) == check_plain_english(text)
