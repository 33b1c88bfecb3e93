"""The meeting checklists in the catalogue: the seeds' counts, word for word, attributed, plain wordings marked."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from helpers import ROOT

import coproduction as cp

SEEDS = Path(os.environ.get("COPRODUCTION_SEEDS") or ROOT.parent / "shared" / "seeds")
SAMPLES = json.loads((ROOT / "tests" / "fixtures" / "word-for-word-samples.json").read_text("utf-8"))["samples"]
WORCESTERSHIRE = "003_17a2d294142512ea.txt"


def _seed_text(name: str) -> str:
    path = SEEDS / name
    if not path.is_file():
        pytest.fail(f"the seed {name} is not in {SEEDS}: set COPRODUCTION_SEEDS to the source documents' folder")
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", path.read_text("utf-8")).replace("**", "")
    return " ".join(text.split())


@pytest.fixture(scope="module")
def checklists() -> cp.MeetingChecklists:
    return cp.default_catalogue().meeting_checklist_collection("worcestershire-meeting-checklists")


def test_the_counts_of_the_seed(checklists: cp.MeetingChecklists) -> None:
    apdr = checklists.assess_plan_do_review
    assert [stage.name for stage in apdr.stages] == ["Assess", "Plan", "Do", "Review"]
    prompts = [prompt for stage in apdr.stages for prompt in stage.prompts]
    assert len(prompts) == 19
    assert [prompt.id for prompt in prompts if not prompt.is_question] == ["do-1"]
    assert len(checklists.first_meeting_guidance.items) == 11
    assert [item.position for item in checklists.first_meeting_guidance.items] == list(range(1, 12))
    questions = checklists.first_meeting_checklist.questions
    assert [question.number for question in questions] == [1, 2, 3, 4, 5, 6]
    assert len(questions[3].options) == 6
    assert len(checklists.people_you_may_meet.entries) == 11


def test_attributed_to_the_worcestershire_toolkit(checklists: cp.MeetingChecklists) -> None:
    (entry,) = checklists.sources
    assert entry.seed_file == WORCESTERSHIRE
    assert entry.source.publisher == "Worcestershire County Council"
    assert entry.source.title == "Engaging with Parent Carers: a toolkit for schools"
    for document in cp.ChecklistDocument:
        assert checklists.source_of(document) == entry


def _source_texts(checklists: cp.MeetingChecklists) -> list[str]:
    """Every text the catalogue keeps as the source's words (wordings, ids and the library's summaries left out)."""
    apdr = checklists.assess_plan_do_review
    guidance = checklists.first_meeting_guidance
    checklist = checklists.first_meeting_checklist
    guide = checklists.people_you_may_meet
    texts = [*apdr.intro, *apdr.guidance]
    for stage in apdr.stages:
        texts += [stage.instruction, *(prompt.text for prompt in stage.prompts)]
    texts += [*guidance.intro, guidance.items_heading, *(item.text for item in guidance.items)]
    texts += [*checklist.intro]
    for question in checklist.questions:
        texts += [question.text, *question.options, *(t for t in (question.options_prompt, question.note) if t)]
    texts += [*guide.intro, *guide.outro]
    for entry in guide.entries:
        texts += [entry.heading, *entry.description, *entry.contact_lines]
    return texts


def test_every_source_text_is_word_for_word_in_the_seed(checklists: cp.MeetingChecklists) -> None:
    seed = _seed_text(WORCESTERSHIRE)
    for text in _source_texts(checklists):
        assert text in seed, text


def test_the_shared_samples_of_the_checklists(checklists: cp.MeetingChecklists) -> None:
    samples = [s for s in SAMPLES if s["data_file"] == "meeting-checklists.json"]
    assert samples, "the word-for-word samples include the meeting checklists"
    texts = _source_texts(checklists)
    for sample in samples:
        assert sample["text"] in _seed_text(sample["seed_file"]), sample["id"]
        assert any(sample["text"] in text for text in texts), sample["id"]


def _wordings(checklists: cp.MeetingChecklists) -> list[tuple[Any, cp.ViewpointWording]]:
    guide = checklists.people_you_may_meet
    checklist = checklists.first_meeting_checklist
    items: list[Any] = [checklist, *checklist.questions, guide, *guide.entries]
    return [(item, wording) for item in items for wording in item.wording]


def test_the_plain_wordings_are_the_librarys_for_parent_carers_and_keep_the_source(
    checklists: cp.MeetingChecklists,
) -> None:
    wordings = _wordings(checklists)
    assert len(wordings) >= 10
    for item, wording in wordings:
        assert wording.viewpoint is cp.Perspective.PARENT_CARERS
        assert wording.authored_by == "library"
        assert cp.worded(item, wording.field, None).text != wording.text


def test_a_school_staff_document_is_for_school_staff(checklists: cp.MeetingChecklists) -> None:
    assert checklists.first_meeting_guidance.audience is cp.Perspective.SCHOOL_STAFF
    assert checklists.first_meeting_checklist.audience is cp.Perspective.PARENT_CARERS
    assert checklists.people_you_may_meet.audience is cp.Perspective.PARENT_CARERS


def test_the_catalogue_refuses_an_unknown_collection_naming_the_known() -> None:
    with pytest.raises(cp.UnknownCatalogueItemError, match="known meeting checklists: worcestershire-meeting"):
        cp.default_catalogue().meeting_checklist_collection("durham")


def test_a_council_adds_its_own_checklists(tmp_path: Path, checklists: cp.MeetingChecklists) -> None:
    data = cp.to_dict(checklists)
    data["id"] = "example-meeting-checklists"
    path = tmp_path / "own.json"
    path.write_text(json.dumps(data), "utf-8")
    catalogue = cp.default_catalogue().including_file(path)
    assert [c.id for c in catalogue.meeting_checklists()] == [
        "example-meeting-checklists",
        "worcestershire-meeting-checklists",
    ]
    data["people_you_may_meet"]["entries"][1]["id"] = "senco"
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(cp.InvalidDocumentError) as caught:
        cp.default_catalogue().including_file(path)
    assert [problem.path for problem in caught.value.problems] == ["people_you_may_meet.entries[1].id"]
