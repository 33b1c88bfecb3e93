"""The co-produced charter: the model's own rules, the check against the catalogue, JSON both ways."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest
from documents import DURHAM_LADDER, WORCESTERSHIRE, charter, commitment
from hypothesis import given

import coproduction as cp
from coproduction.contract import schemas
from coproduction.contract.checks.charter import check_charter_data
from coproduction.testing import charters

# -- the model ---------------------------------------------------------------------------------


def test_a_charter_holds_what_it_was_given() -> None:
    made = charter()
    assert made.commitment("plan-together").aims_at.rung == "co-production"
    assert made.signed
    assert not charter(signed_off=[]).signed
    assert made.review_due(dt.date(2026, 5, 1)) and not made.review_due(dt.date(2026, 4, 30))
    with pytest.raises(KeyError):
        made.commitment("nope")


def test_two_commitments_with_one_id_are_refused_naming_the_id() -> None:
    with pytest.raises(ValueError, match="two commitments have the id 'reply-quickly'"):
        charter(commitments=[commitment(), commitment(what="Another")])


def test_the_review_date_must_be_after_the_charter_was_made() -> None:
    with pytest.raises(ValueError, match="review date 2025-05-01 must be after"):
        charter(review_date=dt.date(2025, 5, 1))
    with pytest.raises(ValueError, match="review date 2025-04-01 must be after"):
        charter(review_date=dt.date(2025, 4, 1))


def test_a_sign_off_before_the_charter_was_made_is_refused() -> None:
    with pytest.raises(ValueError, match="Head teacher signed the charter off on 2025-04-30, before"):
        charter(signed_off=[cp.SignOff("Head teacher", dt.date(2025, 4, 30))])


def test_someone_must_have_co_produced_it() -> None:
    with pytest.raises(ValueError, match="say who co-produced the charter"):
        charter(co_produced_with=[])


def test_criteria_must_be_named_once_each() -> None:
    with pytest.raises(ValueError, match="at least one criterion"):
        cp.CriteriaRef(WORCESTERSHIRE, [])
    with pytest.raises(ValueError, match="two criteria have the id 'systems-2'"):
        cp.CriteriaRef(WORCESTERSHIRE, ["systems-2", "systems-2"])
    with pytest.raises(ValueError, match="identifier"):
        cp.CriteriaRef(WORCESTERSHIRE, ["Systems 2"])


def test_blank_text_is_refused() -> None:
    with pytest.raises(ValueError, match="must not be empty"):
        commitment(measure="  ")
    with pytest.raises(ValueError, match="must not be empty"):
        cp.CharterValue("Honesty", "")
    with pytest.raises(ValueError, match="must not be empty"):
        cp.SignOff("Head teacher", dt.date(2025, 1, 1), name=" ")


def test_time_frames_count_whole_units_and_read_aloud() -> None:
    assert str(cp.TimeFrame(10, "school-days")) == "10 school days"
    assert str(cp.TimeFrame(1, "school-days")) == "1 school day"
    assert str(cp.TimeFrame(24, cp.TimeUnit.HOURS)) == "24 hours"
    assert str(cp.TimeFrame(1, "weeks")) == "1 week"
    assert str(cp.TimeFrame(3, "calendar-days")) == "3 days"
    for bad in (0, -1, True, 2.5):
        with pytest.raises(ValueError, match="whole number of at least 1"):
            cp.TimeFrame(bad, "hours")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        cp.TimeFrame(1, "fortnights")


def test_a_contributor_is_a_group_never_a_person() -> None:
    assert {field.name for field in attrs.fields(cp.Contributor)} == {"group", "label"}
    assert str(cp.Contributor("parent-carers")) == "parent carers"
    assert str(cp.Contributor("parent-carers", "parents of Year 6")) == "parents of Year 6"
    with pytest.raises(ValueError, match="group 'other' needs a label"):
        cp.Contributor("other")
    with pytest.raises(ValueError):
        cp.Contributor("a-named-child")


# -- the check against the catalogue ---------------------------------------------------------------


def test_a_charter_of_known_rungs_and_criteria_passes_the_check() -> None:
    assert cp.check_charter(charter()) == []


def test_a_commitment_aiming_at_a_rung_the_ladder_lacks_is_refused_naming_the_commitment() -> None:
    made = charter(commitments=[commitment(aims_at=cp.RungTarget(DURHAM_LADDER, "citizen-control"))])
    (problem,) = cp.check_charter(made)
    assert problem.path == "commitments[0].aims_at.rung"
    assert problem.code == "unknown-rung"
    assert problem.message == (
        "commitment 'reply-quickly' aims at rung 'citizen-control', which Durham degrees of participation "
        "does not have; choose no-engagement, information, consultation, engagement, co-production"
    )


def test_a_commitment_serving_a_criterion_the_framework_lacks_is_refused() -> None:
    made = charter(commitments=[commitment(serves=cp.CriteriaRef(WORCESTERSHIRE, ["systems-2", "systems-9"]))])
    (problem,) = cp.check_charter(made)
    assert problem.path == "commitments[0].serves.criteria[1]"
    assert problem.code == "unknown-criterion"
    assert "commitment 'reply-quickly' serves criterion 'systems-9'" in problem.message


def test_unknown_ladders_frameworks_and_versions_are_named() -> None:
    made = charter(
        commitments=[
            commitment(id="a", aims_at=cp.RungTarget("our-ladder", "top")),
            commitment(id="b", serves=cp.CriteriaRef("our-standards", ["x-1"])),
            commitment(id="c", serves=cp.CriteriaRef(WORCESTERSHIRE, ["systems-2"], "9")),
        ]
    )
    problems = cp.check_charter(made)
    assert [(p.path, p.code) for p in problems] == [
        ("commitments[0].aims_at.ladder", "unknown-ladder"),
        ("commitments[1].serves.framework", "unknown-framework"),
        ("commitments[2].serves.framework_version", "unknown-version"),
    ]
    assert problems[0].message.startswith(
        "commitment 'a' aims at a rung of ladder 'our-ladder', but there is no ladder"
    )


def test_a_councils_own_ladder_is_checked_once_added_to_the_catalogue(catalogue: cp.Catalogue) -> None:
    own = cp.Ladder(
        id="our-ladder",
        name="Our ladder",
        rungs=[cp.Rung("telling", "Telling"), cp.Rung("doing-together", "Doing together")],
    )
    made = charter(commitments=[commitment(aims_at=cp.RungTarget("our-ladder", "doing-together"))])
    assert [p.code for p in cp.check_charter(made)] == ["unknown-ladder"]
    assert cp.check_charter(made, catalogue.including(own)) == []


# -- JSON --------------------------------------------------------------------------------------


def test_a_charter_round_trips_and_validates() -> None:
    made = charter()
    text = cp.dumps(made)
    data = json.loads(text)
    assert data["kind"] == "charter" and data["schema_version"] == 1
    assert data["expectations"][0]["within"] == {"amount": 10, "unit": "school-days"}
    assert schemas.validate(data, "charter") == []
    assert cp.loads(text, cp.Charter) == made


def test_loading_refuses_an_unknown_rung_with_its_path() -> None:
    data = json.loads(cp.dumps(charter()))
    data["commitments"][1]["aims_at"]["rung"] = "partnership"
    with pytest.raises(cp.InvalidDocumentError) as caught:
        cp.from_dict(data)
    (problem,) = caught.value.problems
    assert (problem.path, problem.code) == ("commitments[1].aims_at.rung", "unknown-rung")
    assert "commitment 'plan-together'" in problem.message


def test_loading_reports_duplicate_ids_and_dates_out_of_order_at_once() -> None:
    data = json.loads(cp.dumps(charter()))
    data["commitments"][1]["id"] = "reply-quickly"
    data["review_date"] = "2025-01-01"
    data["signed_off"][0]["date"] = "2025-04-01"
    with pytest.raises(cp.InvalidDocumentError) as caught:
        cp.from_dict(data)
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("commitments[1].id", "duplicate-id"),
        ("review_date", "dates-out-of-order"),
        ("signed_off[0].date", "dates-out-of-order"),
    ]


def test_the_schema_refuses_what_the_model_refuses() -> None:
    data = json.loads(cp.dumps(charter()))
    data["co_produced_with"] = [{"group": "other", "label": " "}]
    data["commitments"][0]["serves"]["criteria"] = ["systems-2", "systems-2"]
    data["expectations"][0]["within"]["amount"] = 0
    data["values"][0]["child_name"] = "Sam"
    codes = {(p.path, p.code) for p in schemas.validate(data, "charter")}
    assert codes == {
        ("co_produced_with[0].label", "empty"),
        ("commitments[0].serves.criteria", "duplicate"),
        ("expectations[0].within.amount", "out-of-range"),
        ("values[0].child_name", "unknown-field"),
    }
    with pytest.raises(cp.InvalidDocumentError) as caught:
        cp.from_dict(data)
    by_path = {p.path: p for p in caught.value.problems}
    assert by_path["co_produced_with[0].label"].code == "missing-label"


def test_the_data_check_skips_what_is_the_wrong_shape() -> None:
    catalogue = cp.default_catalogue()
    assert check_charter_data({"commitments": "no", "co_produced_on": 3, "signed_off": [1]}, catalogue) == []
    assert (
        check_charter_data({"commitments": [1, {"aims_at": "x", "serves": {"criteria": "y"}}]}, cp.default_catalogue())
        == []
    )


@given(charters())
def test_generated_charters_check_validate_and_round_trip(made: cp.Charter) -> None:
    assert cp.check_charter(made) == []
    text = cp.dumps(made)
    assert schemas.validate(json.loads(text), "charter") == []
    again = cp.loads(text)
    assert again == made
    assert cp.dumps(again) == text
