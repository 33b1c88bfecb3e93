"""The practice catalogue: the seeds' approaches and barriers, counted, word for word, and a council's own."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from helpers import ROOT

import coproduction as cp
from coproduction.contract import schemas

# CI puts the source documents in ../shared/seeds beside the clone; COPRODUCTION_SEEDS names another folder.
SEEDS = Path(os.environ.get("COPRODUCTION_SEEDS") or ROOT.parent / "shared" / "seeds")
SAMPLES = json.loads((ROOT / "tests" / "fixtures" / "word-for-word-samples.json").read_text("utf-8"))["samples"]
IN_THE_CATALOGUE = ("approaches.json", "barriers.json")


def _seed_text(name: str) -> str:
    path = SEEDS / name
    if not path.is_file():
        pytest.fail(
            f"the seed {name} is not in {SEEDS}: these tests check the catalogue word for word against the "
            "source documents, which CI puts in ../shared/seeds beside the clone"
        )
    # As the extraction was encoded: link markup reduced to its words, bold dropped, whitespace collapsed.
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", path.read_text("utf-8")).replace("**", "")
    return " ".join(text.split())


def _catalogue_texts(catalogue: cp.Catalogue) -> set[str]:
    texts: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, str):
            texts.add(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for collection in [*catalogue.approach_collections(), *catalogue.barrier_collections()]:
        walk(cp.to_dict(collection))
    return texts


def test_the_counts_of_the_seeds(catalogue: cp.Catalogue) -> None:
    approaches = catalogue.approaches()
    assert len(approaches) == 26
    assert sorted(a.table for a in approaches).count(1) == 13 and sorted(a.table for a in approaches).count(2) == 13
    assert [a.id for a in approaches if a.case_study] == [
        "eal-teaching-and-learning-mentors",
        "family-support-professional",
        "targeted-drop-ins",
        "walk-in-wednesdays",
        "working-document",
    ]
    by_list: dict[str, int] = {}
    for barrier in catalogue.barriers():
        by_list[barrier.list] = by_list.get(barrier.list, 0) + 1
    assert by_list == {
        "worcestershire-barriers": 21,
        "durham-named-barriers": 5,
        "durham-barriers-raised-by-parents": 4,
    }
    assert len(catalogue.priority_groups()) == 9
    links = catalogue.help_links()
    assert len(links) == 62
    assert sum(link.basis is cp.Basis.SOURCE for link in links) == 22


@pytest.mark.parametrize(
    "sample", [s for s in SAMPLES if s["data_file"] in IN_THE_CATALOGUE], ids=lambda sample: sample["id"]
)
def test_a_sample_is_word_for_word_in_the_seed_and_the_catalogue(
    sample: dict[str, Any], catalogue: cp.Catalogue
) -> None:
    text = sample["text"]
    assert text in _seed_text(sample["seed_file"]), f"{sample['id']} is not in the seed as written"
    assert text in _catalogue_texts(catalogue) or any(text in t for t in _catalogue_texts(catalogue))


def test_every_quoted_link_is_word_for_word_in_its_seed(catalogue: cp.Catalogue) -> None:
    for collection in catalogue.barrier_collections():
        seeds = {entry.id: entry.seed_file for entry in collection.sources}
        for link in collection.approach_helps_with:
            if link.basis is cp.Basis.SOURCE:
                assert link.source is not None and link.quote is not None
                assert link.quote in _seed_text(str(seeds[link.source])), link
            else:
                assert link.reason, link


def test_a_few_approaches_and_barriers_word_for_word(catalogue: cp.Catalogue) -> None:
    worcestershire = _seed_text("003_17a2d294142512ea.txt")
    durham = _seed_text("000_4341f56320f4ebae.txt")
    coffee = catalogue.approach("send-coffee-mornings")
    assert (
        coffee.what_it_is == "These are SEND specific sessions and can be for the whole school or year group or class."
    )
    for approach in catalogue.approaches():
        assert approach.what_it_is in worcestershire, approach.id
        for paragraph in (*approach.description, *approach.things_to_consider):
            assert paragraph in worcestershire, approach.id
    for barrier in catalogue.barriers():
        seed = durham if barrier.source == "durham-participation-strategy" else worcestershire
        assert barrier.wording in seed, barrier.id
    assert catalogue.barrier("lack-of-time").wording == "Lack of time"


def test_lookups_refuse_unknown_ids_naming_the_known(catalogue: cp.Catalogue) -> None:
    with pytest.raises(cp.UnknownCatalogueItemError, match=r"known approaches: .*walk-in-wednesdays") as caught:
        catalogue.approach("walk-in-thursdays")
    assert isinstance(caught.value, LookupError) and not isinstance(caught.value, cp.UnknownFrameworkError)
    assert [p.code for p in caught.value.problems] == ["unknown-approach"]
    with pytest.raises(cp.UnknownCatalogueItemError, match="no barrier") as caught:
        catalogue.barrier("nope")
    assert [p.code for p in caught.value.problems] == ["unknown-barrier"]
    with pytest.raises(cp.UnknownCatalogueItemError) as caught:
        catalogue.suggest_approaches(groups=["nope"])
    assert [p.code for p in caught.value.problems] == ["unknown-priority-group"]


def test_collections_round_trip_through_json(catalogue: cp.Catalogue) -> None:
    for collection in [*catalogue.approach_collections(), *catalogue.barrier_collections()]:
        data = json.loads(cp.dumps(collection))
        assert schemas.validate(data, data["kind"]) == []
        assert cp.loads(cp.dumps(collection)) == collection


def test_the_built_in_files_are_canonical() -> None:
    folder = ROOT / "src" / "coproduction" / "catalogue" / "data"
    for path in [*folder.glob("*.approaches.json"), *folder.glob("*.barriers.json")]:
        assert cp.dumps(cp.load(path)) == path.read_text("utf-8"), path.name


def _own_approaches(tmp_path: Path) -> Path:
    path = tmp_path / "ours.json"
    path.write_text(
        json.dumps(
            {
                "kind": "approaches",
                "schema_version": 1,
                "id": "our-approaches",
                "name": "Our approaches",
                "sources": [{"id": "us", "source": {"publisher": None, "title": "Our own practice", "year": None}}],
                "approaches": [
                    {
                        "id": "school-gate-chats",
                        "source": "us",
                        "name": "School gate chats",
                        "heading": "School gate chats",
                        "what_it_is": "The SENCo is at the gate at the end of the day.",
                        "authored_by": "library",
                    }
                ],
            }
        ),
        "utf-8",
    )
    return path


def _own_barriers(tmp_path: Path, approach: str) -> Path:
    path = tmp_path / "barriers.json"
    path.write_text(
        json.dumps(
            {
                "kind": "barriers",
                "schema_version": 1,
                "id": "our-barriers",
                "name": "Our barriers",
                "sources": [{"id": "us", "source": {"title": "Our survey"}}],
                "lists": [{"id": "ours", "source": "us", "heading": "Ours", "intro": "Parents told us:"}],
                "barriers": [
                    {"id": "no-parking", "source": "us", "list": "ours", "position": 1, "wording": "No parking"}
                ],
                "approach_helps_with": [
                    {
                        "approach": approach,
                        "target_kind": "barrier",
                        "target": "no-parking",
                        "basis": "library",
                        "reason": "Parents on foot pass the gate.",
                    }
                ],
            }
        ),
        "utf-8",
    )
    return path


def test_a_council_adds_its_own_approaches_and_barriers(catalogue: cp.Catalogue, tmp_path: Path) -> None:
    ours = catalogue.including_file(_own_approaches(tmp_path))
    ours = ours.including_file(_own_barriers(tmp_path, "school-gate-chats"))
    assert len(ours.approaches()) == 27 and ours.approach("school-gate-chats").authored_by is cp.AuthoredBy.LIBRARY
    [suggestion] = ours.suggest_approaches(barriers=["no-parking"])
    assert suggestion.approach.id == "school-gate-chats" and not suggestion.from_source
    assert len(catalogue.approaches()) == 26, "the catalogue it came from does not change"


def test_a_council_file_linking_an_unknown_approach_is_refused(catalogue: cp.Catalogue, tmp_path: Path) -> None:
    with pytest.raises(cp.InvalidDocumentError) as caught:
        catalogue.including_file(_own_barriers(tmp_path, "school-gate-chats"))
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("approach_helps_with[0].approach", "unknown-approach")
    ]


def test_a_council_file_with_broken_references_lists_every_problem(catalogue: cp.Catalogue, tmp_path: Path) -> None:
    path = _own_barriers(tmp_path, "emails")
    data = json.loads(path.read_text("utf-8"))
    data["barriers"][0]["list"] = "theirs"
    data["barriers"][0]["source"] = "them"
    data["approach_helps_with"][0]["target"] = "no-buses"
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(cp.InvalidDocumentError) as caught:
        catalogue.including_file(path)
    assert {(p.path, p.code) for p in caught.value.problems} == {
        ("approach_helps_with[0].target", "unknown-target"),
        ("barriers[0].list", "unknown-list"),
        ("barriers[0].source", "unknown-source"),
    }


def test_a_council_file_reusing_a_built_in_approach_id_is_refused(catalogue: cp.Catalogue, tmp_path: Path) -> None:
    path = _own_approaches(tmp_path)
    path.write_text(re.sub("school-gate-chats", "emails", path.read_text("utf-8")), "utf-8")
    with pytest.raises(cp.InvalidDocumentError, match="approach 'emails' is given twice"):
        catalogue.including_file(path)


def test_the_glossary_has_the_seeds_definitions_and_marks_its_own(catalogue: cp.Catalogue) -> None:
    glossary = catalogue.glossary()
    durham = _seed_text("000_4341f56320f4ebae.txt")
    for word in ("Co-production", "Participation"):
        term = glossary.lookup(word)
        assert term is not None and term.definition in durham and term.attribution and "Durham" in term.attribution
    for word in ("PfA", "APDR", "SLT"):
        term = glossary.lookup(word)
        assert term is not None and "definition" in term.library_authored, word
    slt = glossary.lookup("SLT")
    assert slt is not None and "champion the engagement" not in slt.definition
    pcf = glossary.lookup("PCF")
    assert pcf is not None and pcf.expansion == "Parent Carer Forum" and "definition" not in pcf.library_authored
