"""Action plans: validation, the plan drafted from gaps in priority order, how a plan is going, and its JSON."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

import attrs
import pytest
from cycle_example import FRAMEWORK, OAK, parent_audit, school_audit
from hypothesis import given
from hypothesis import strategies as st

import coproduction as cp
from coproduction import Contributor, Group
from coproduction.contract import schemas
from coproduction.testing import action_plans, audits, comparable_audits, frameworks, ladders

FORUM = Contributor(Group.PARENT_CARER_FORUM)


def action(identifier: str = "a", **fields: object) -> cp.Action:
    values: dict[str, object] = {"id": identifier, "what": "Hold a coffee morning each term.", "criteria": ("s1",)}
    values.update(fields)
    return cp.Action(**values)  # type: ignore[arg-type]


def plan(*actions: cp.Action, **fields: object) -> cp.ActionPlan:
    values: dict[str, object] = {
        "organisation": OAK,
        "framework": FRAMEWORK.id,
        "framework_version": FRAMEWORK.version,
        "actions": actions,
    }
    values.update(fields)
    return cp.ActionPlan(**values)  # type: ignore[arg-type]


# -- the hand-worked plans ---------------------------------------------------------------------


def test_hand_worked_plan_from_the_comparison() -> None:
    comparison = cp.compare_perspectives([school_audit(), parent_audit()], FRAMEWORK)
    proposal = cp.propose_plan(comparison, FRAMEWORK, co_produced_with=[FORUM], owner="SENCo")
    # Gaps (lowest step; spread): v2 (1; 0), v3 (1; 1), s1 (0; 1), s2 (0; 1). v1 is Embedded from both
    # viewpoints; s3 nobody rated. Lowest level first: s1, s2 (framework order between them); then
    # v3 before v2, because the viewpoints on v3 are further apart.
    assert [a.id for a in proposal.plan.actions] == ["improve-s1", "improve-s2", "improve-v3", "improve-v2"]
    assert [a.criteria for a in proposal.plan.actions] == [("s1",), ("s2",), ("v3",), ("v2",)]
    assert [(g.level, g.step, g.spread, g.position) for g in proposal.gaps] == [
        ("not-started", 0, 1, 3),
        ("not-started", 0, 1, 4),
        ("in-progress", 1, 1, 2),
        ("in-progress", 1, 0, 1),
    ]
    assert proposal.unrated == ("s3",) and proposal.not_applicable == ()
    first = proposal.plan.actions[0]
    assert first.what == "School staff: Set up a parent carer forum.\nParent carers: Meet in the evenings as well."
    assert first.notes == "School staff: Ask the PTA to help."
    assert first.owner == "SENCo" and first.co_produced_with == (FORUM,)
    assert first.status is cp.ActionStatus.NOT_STARTED
    last = proposal.plan.actions[-1]
    assert last.what == "Agree together what would move Shared values, statement 2 from In progress to Embedded."
    assert (
        last.success_measure
        == "Shared values, statement 2 is rated Embedded from every viewpoint when it is next rated."
    )
    assert last.notes == ""
    assert proposal.plan.organisation == OAK
    assert proposal.plan.audits == comparison.audits
    assert (proposal.plan.framework, proposal.plan.framework_version) == (FRAMEWORK.id, "1")
    assert cp.find_gaps(comparison, FRAMEWORK) == proposal.gaps


def test_hand_worked_plan_from_one_audit() -> None:
    proposal = cp.propose_plan(school_audit(), FRAMEWORK, review_dates=[dt.date(2025, 7, 1)])
    # School staff alone: v2 and s1 In progress, s2 Not started, s3 unanswered.
    assert [a.id for a in proposal.plan.actions] == ["improve-s2", "improve-v2", "improve-s1"]
    assert proposal.unrated == ("s3",)
    s1 = proposal.plan.action("improve-s1")
    assert s1.what == "Set up a parent carer forum." and s1.notes == "Ask the PTA to help."
    assert s1.success_measure == "Structures, statement 1 is rated Embedded when it is next rated."
    assert proposal.plan.review_dates == (dt.date(2025, 7, 1),)
    assert proposal.plan.audits == (cp.AuditReference(cp.Perspective.SCHOOL_STAFF, dt.date(2025, 3, 14)),)


def test_not_applicable_criteria_are_left_out() -> None:
    proposal = cp.propose_plan(parent_audit(), FRAMEWORK)
    assert [a.id for a in proposal.plan.actions] == ["improve-s1", "improve-v2", "improve-v3", "improve-s2"]
    assert proposal.not_applicable == ("s3",) and proposal.unrated == ()


def test_a_plan_is_only_proposed_for_its_own_framework(worcestershire: cp.Framework) -> None:
    with pytest.raises(cp.InvalidDocumentError) as caught:
        cp.propose_plan(school_audit(), worcestershire)
    assert caught.value.problems[0].code == "wrong-framework"
    comparison = cp.compare_perspectives([school_audit(), parent_audit()], FRAMEWORK)
    with pytest.raises(cp.InvalidDocumentError) as caught:
        cp.propose_plan(comparison, attrs.evolve(FRAMEWORK, version="2"))
    assert caught.value.problems[0].code == "wrong-framework-version"


def test_long_criterion_ids_give_short_distinct_action_ids() -> None:
    stem = "a" * 56
    criteria = [cp.Criterion(id=f"{stem}-{tail}", text="x") for tail in ("one1234", "one5678")]
    framework = attrs.evolve(FRAMEWORK, sections=[cp.Section(id="only", title="Only", criteria=criteria)])
    audit = cp.Audit(
        framework=framework.id,
        framework_version=framework.version,
        organisation=OAK,
        perspective="school-staff",
        date=dt.date(2025, 1, 1),
        responses=[cp.Response(c.id, "not-started") for c in criteria],
    )
    ids = [a.id for a in cp.propose_plan(audit, framework).plan.actions]
    assert len(set(ids)) == 2 and all(len(i) <= 64 for i in ids)
    assert ids[1].endswith("-2")


# -- validation --------------------------------------------------------------------------------


def test_a_due_date_before_the_start_is_refused() -> None:
    with pytest.raises(ValueError, match="'forum' is due on 2025-01-01 but starts on 2025-02-01"):
        action("forum", start_date=dt.date(2025, 2, 1), due_date=dt.date(2025, 1, 1))
    same_day = action(start_date=dt.date(2025, 2, 1), due_date=dt.date(2025, 2, 1))
    assert same_day.due_date == same_day.start_date


def test_a_dropped_action_needs_a_reason() -> None:
    with pytest.raises(ValueError, match="'forum' is dropped but gives no reason"):
        action("forum", status="dropped")
    with pytest.raises(ValueError, match="no reason"):
        action("forum", status=cp.ActionStatus.DROPPED, dropped_reason="  ")
    dropped = action(status="dropped", dropped_reason="The forum chose a survey instead.")
    assert dropped.status is cp.ActionStatus.DROPPED
    revived = attrs.evolve(dropped, status="in-progress")
    assert revived.dropped_reason == "The forum chose a survey instead."


def test_two_actions_with_one_id_are_refused() -> None:
    with pytest.raises(ValueError, match="two actions have the id 'a'"):
        plan(action("a"), action("a"))
    with pytest.raises(ValueError, match="'s1'"):
        action(criteria=("s1", "s1"))


def test_overdue_means_due_before_the_day_and_still_open() -> None:
    due = dt.date(2025, 6, 30)
    assert not action(due_date=due).overdue(due)
    assert action(due_date=due).overdue(due + dt.timedelta(days=1))
    assert action(due_date=due, status="in-progress").overdue(dt.date(2025, 7, 1))
    assert not action(due_date=due, status="done").overdue(dt.date(2025, 7, 1))
    assert not action(due_date=due, status="dropped", dropped_reason="no need").overdue(dt.date(2025, 7, 1))
    assert not action().overdue(dt.date(2099, 1, 1))


def test_an_action_at_a_criterion_the_framework_lacks_is_named() -> None:
    wrong = plan(action("forum"), action("survey", criteria=("s2", "s9")))
    problems = cp.check_plan(wrong, FRAMEWORK)
    assert [(p.path, p.code) for p in problems] == [("actions[1].criteria[1]", "unknown-criterion")]
    assert "'survey'" in problems[0].message and "'s9'" in problems[0].message
    with pytest.raises(cp.InvalidDocumentError) as caught:
        cp.plan_status(wrong, FRAMEWORK, on=dt.date(2025, 1, 1))
    assert "'s9'" in str(caught.value) and "'survey'" in str(caught.value)


def test_a_plan_is_checked_against_its_own_framework_version(worcestershire: cp.Framework) -> None:
    assert [p.code for p in cp.check_plan(plan(), worcestershire)] == ["wrong-framework"]
    assert [p.code for p in cp.check_plan(plan(framework_version="2"), FRAMEWORK)] == ["wrong-framework-version"]
    assert cp.check_plan(plan(action()), FRAMEWORK) == []


# -- how a plan is going -----------------------------------------------------------------------


def going_plan() -> cp.ActionPlan:
    return plan(
        action("forum", criteria=("s1",), due_date=dt.date(2025, 5, 1), status="in-progress"),
        action("survey", criteria=("s2",), due_date=dt.date(2025, 4, 1)),
        action("vision", criteria=("v2",), due_date=dt.date(2025, 3, 1), status="done"),
        action("newsletter", criteria=("v3",), status="dropped", dropped_reason="Merged into the forum."),
        review_dates=[dt.date(2025, 9, 1), dt.date(2025, 6, 1)],
    )


def test_plan_status_on_a_date() -> None:
    comparison = cp.compare_perspectives([school_audit(), parent_audit()], FRAMEWORK)
    status = cp.plan_status(going_plan(), FRAMEWORK, on=dt.date(2025, 5, 15), source=comparison)
    assert [a.id for a in status.by_status[cp.ActionStatus.IN_PROGRESS]] == ["forum"]
    assert status.counts == {
        cp.ActionStatus.NOT_STARTED: 1,
        cp.ActionStatus.IN_PROGRESS: 1,
        cp.ActionStatus.DONE: 1,
        cp.ActionStatus.DROPPED: 1,
    }
    # Survey was due on 1 April and forum on 1 May; vision is done and newsletter dropped.
    assert [a.id for a in status.overdue] == ["survey", "forum"]
    # The comparison's gaps are s1, s2, v3, v2; the dropped newsletter leaves v3 with no action.
    assert status.against_gaps and status.uncovered == ("v3",)
    assert status.next_review == dt.date(2025, 6, 1)
    assert status.done_share == pytest.approx(1 / 3)


def test_plan_status_against_the_whole_framework() -> None:
    status = cp.plan_status(going_plan(), FRAMEWORK, on=dt.date(2025, 1, 1))
    assert not status.against_gaps
    assert status.uncovered == ("v1", "v3", "s3")
    assert status.overdue == () and status.next_review == dt.date(2025, 6, 1)
    assert cp.plan_status(plan(), FRAMEWORK, on=dt.date(2025, 1, 1)).done_share is None


# -- properties --------------------------------------------------------------------------------


def below_top(framework: cp.Framework, ratings: list[cp.Response | None]) -> bool:
    top = framework.scale.highest.id
    return any(r is not None and r.rating is not None and r.rating != top for r in ratings)


@given(frameworks(max_sections=3, max_criteria=5).flatmap(lambda f: audits(f).map(lambda a: (f, a))))
def test_every_gap_of_an_audit_is_in_the_plan_once_and_nothing_else(pair: tuple[cp.Framework, cp.Audit]) -> None:
    framework, audit = pair
    proposal = cp.propose_plan(audit, framework)
    planned = Counter(c for a in proposal.plan.actions for c in a.criteria)
    gaps = {c.id for c in framework.criteria if below_top(framework, [audit.response(c.id)])}
    assert set(planned) == gaps and all(count == 1 for count in planned.values())
    assert all(len(a.criteria) == 1 for a in proposal.plan.actions)
    answered = {r.criterion for r in audit.responses if r.rating is not None or r.not_applicable}
    assert set(proposal.unrated) == {c.id for c in framework.criteria} - answered
    assert set(proposal.not_applicable) == {r.criterion for r in audit.responses if r.not_applicable}


@given(
    frameworks(max_sections=3, max_criteria=5).flatmap(lambda f: comparable_audits(f, count=3).map(lambda a: (f, a)))
)
def test_every_gap_of_a_comparison_is_in_the_plan_once_and_nothing_else(
    drawn: tuple[cp.Framework, tuple[cp.Audit, ...]],
) -> None:
    framework, found = drawn
    proposal = cp.propose_plan(cp.compare_perspectives(found, framework), framework)
    planned = Counter(c for a in proposal.plan.actions for c in a.criteria)
    gaps = {c.id for c in framework.criteria if below_top(framework, [a.response(c.id) for a in found])}
    assert set(planned) == gaps and all(count == 1 for count in planned.values())
    left_out = set(proposal.unrated) | set(proposal.not_applicable)
    assert not left_out & gaps
    for criterion in left_out:
        assert all(a.response(criterion) is None or a.response(criterion).rating is None for a in found)  # type: ignore[union-attr]


@given(frameworks(max_sections=3, max_criteria=5).flatmap(lambda f: comparable_audits(f).map(lambda a: (f, a))))
def test_the_plan_follows_the_priority(drawn: tuple[cp.Framework, tuple[cp.Audit, ...]]) -> None:
    framework, found = drawn
    proposal = cp.propose_plan(cp.compare_perspectives(found, framework), framework)
    steps = {level.id: index for index, level in enumerate(framework.scale.levels)}
    order = [c.id for c in framework.criteria]

    def key(criterion: str) -> tuple[int, int, int]:
        given_steps = [steps[r.rating] for a in found if (r := a.response(criterion)) and r.rating]
        return (min(given_steps), -(max(given_steps) - min(given_steps)), order.index(criterion))

    keys = [key(a.criteria[0]) for a in proposal.plan.actions]
    assert keys == sorted(keys)
    assert keys == [gap.priority for gap in proposal.gaps]


@given(st.data())
def test_plans_round_trip_and_validate(data: st.DataObject) -> None:
    framework = data.draw(frameworks(max_sections=2, max_criteria=4))
    ladder = data.draw(ladders())
    action_plan = data.draw(action_plans(framework, ladder=ladder))
    catalogue = cp.Catalogue([framework], [ladder])
    text = cp.dumps(action_plan)
    assert schemas.validate(json.loads(text), "action-plan") == []
    assert cp.loads(text, cp.ActionPlan, catalogue=catalogue) == action_plan
    assert cp.check_plan(action_plan, framework) == []


@given(frameworks(max_sections=2, max_criteria=4).flatmap(lambda f: comparable_audits(f).map(lambda a: (f, a))))
def test_proposed_plans_round_trip(drawn: tuple[cp.Framework, tuple[cp.Audit, ...]]) -> None:
    framework, found = drawn
    proposed = cp.propose_plan(cp.compare_perspectives(found, framework), framework).plan
    assert cp.loads(cp.dumps(proposed), catalogue=cp.Catalogue([framework])) == proposed


@given(st.data())
def test_status_sorts_every_action_once(data: st.DataObject) -> None:
    framework = data.draw(frameworks(max_sections=2, max_criteria=4))
    action_plan = data.draw(action_plans(framework))
    on = data.draw(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)))
    status = cp.plan_status(action_plan, framework, on=on)
    assert sum(status.counts.values()) == len(action_plan.actions)
    assert all(a.status.open and a.due_date is not None and a.due_date < on for a in status.overdue)
    live = {c for a in action_plan.actions if a.status is not cp.ActionStatus.DROPPED for c in a.criteria}
    assert set(status.uncovered) == {c.id for c in framework.criteria} - live


# -- loading a plan checks what the schema cannot ----------------------------------------------


def plan_data() -> dict[str, object]:
    data: dict[str, object] = json.loads(cp.dumps(going_plan()))
    return data


def problems_of(data: object, catalogue: cp.Catalogue) -> list[tuple[str, str]]:
    with pytest.raises(cp.InvalidDocumentError) as caught:
        cp.from_dict(data, catalogue=catalogue)
    return [(problem.path, problem.code) for problem in caught.value.problems]


@pytest.fixture
def with_example(catalogue: cp.Catalogue) -> cp.Catalogue:
    return cp.Catalogue([FRAMEWORK], catalogue.ladders())


def test_a_plan_round_trips_with_every_field(with_example: cp.Catalogue) -> None:
    full = plan(
        action(
            "forum",
            target=cp.RungTarget("tlap-ladder-of-coproduction", "co-production"),
            owner="Mrs A. Patel, SENCo",
            co_produced_with=[FORUM, Contributor(Group.OTHER, "the SEND governor")],
            start_date=dt.date(2025, 4, 1),
            due_date=dt.date(2025, 7, 18),
            status="in-progress",
            success_measure="Ten parent carers come to each meeting.",
            review_date=dt.date(2025, 6, 1),
            notes="Evening and morning meetings.",
        ),
        audits=[cp.AuditReference("school-staff", dt.date(2025, 3, 14), "Mrs A. Patel")],
        review_dates=[dt.date(2025, 12, 1)],
    )
    text = cp.dumps(full)
    assert json.loads(text)["kind"] == "action-plan"
    assert schemas.validate(json.loads(text), "action-plan") == []
    assert cp.loads(text, catalogue=with_example) == full


def test_loading_names_a_due_date_before_the_start(with_example: cp.Catalogue) -> None:
    data = plan_data()
    data["actions"][1]["start_date"] = "2025-05-01"  # type: ignore[index]
    with pytest.raises(cp.InvalidDocumentError) as caught:
        cp.from_dict(data, catalogue=with_example)
    problem = caught.value.problems[0]
    assert (problem.path, problem.code) == ("actions[1].due_date", "due-before-start")
    assert "'survey'" in problem.message and "2025-04-01" in problem.message


def test_loading_reports_every_plan_problem_at_once(with_example: cp.Catalogue) -> None:
    data = plan_data()
    actions = data["actions"]
    actions[0]["status"] = "dropped"  # type: ignore[index]
    actions[1]["id"] = "forum"  # type: ignore[index]
    actions[2]["criteria"] = ["v2", "v9"]  # type: ignore[index]
    actions[3]["target"] = {"ladder": "no-such-ladder", "rung": "top"}  # type: ignore[index]
    actions.append({"id": "rung", "what": "x", "target": {"ladder": "tlap-ladder-of-coproduction", "rung": "top"}})  # type: ignore[attr-defined]
    assert sorted(problems_of(data, with_example)) == [
        ("actions[0].dropped_reason", "dropped-without-reason"),
        ("actions[1].id", "duplicate-id"),
        ("actions[2].criteria[1]", "unknown-criterion"),
        ("actions[3].target.ladder", "unknown-ladder"),
        ("actions[4].target.rung", "unknown-rung"),
    ]


def test_loading_refuses_a_plan_of_an_unknown_framework() -> None:
    assert problems_of(plan_data(), cp.default_catalogue()) == [("framework", "unknown-framework")]
