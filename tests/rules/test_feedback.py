"""The "you said, we did" log: answers and their rules, summaries, publishing, JSON both ways."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from ajv_runner import run
from documents import charter as make_charter
from hypothesis import given
from hypothesis import strategies as st

import coproduction as cp
from coproduction.contract import schemas
from coproduction.contract.checks.feedback_log import check_feedback_log_data
from coproduction.testing import dates, feedback_logs, slugs

DONE, WILL_DO, CANNOT_DO, NOT_YET = (
    cp.FeedbackStatus.DONE,
    cp.FeedbackStatus.WILL_DO,
    cp.FeedbackStatus.CANNOT_DO,
    cp.FeedbackStatus.NOT_YET_ANSWERED,
)


def entry(**changes: Any) -> cp.FeedbackEntry:
    fields: dict[str, Any] = {
        "id": "reach-the-senco",
        "said": "It is hard to reach the special needs lead.",
        "said_by": cp.Contributor("parent-carers"),
        "channel": "coffee-morning",
        "date": dt.date(2025, 3, 4),
        "theme": "Communication",
    }
    fields.update(changes)
    return cp.FeedbackEntry(**fields)


def oak_log() -> cp.FeedbackLog:
    return cp.FeedbackLog(
        organisation=cp.Organisation("Oak Primary School"),
        entries=[
            entry(response=cp.FeedbackResponse.done("We started a weekly drop-in.", dt.date(2025, 4, 1))),
            entry(
                id="buses",
                said="The buses are often late",
                said_by=cp.Contributor("children-and-young-people", "Year 6 school council"),
                channel="forum",
                theme="Travel",
                response=cp.FeedbackResponse.cannot_do("The council runs the buses; we have passed this on"),
            ),
            entry(
                id="newsletter-online",
                said="Put the newsletter online",
                said_by=cp.Contributor("parent-carer-forum"),
                channel="email",
                date=dt.date(2025, 3, 5),
                theme=" communication",
                response=cp.FeedbackResponse.will_do("Put every newsletter on the website", dt.date(2025, 5, 1)),
                actions=["newsletter-online"],
            ),
            entry(id="clubs", said="More after-school clubs", channel="survey", theme=""),
        ],
    )


# -- answers -----------------------------------------------------------------------------------


def test_each_answer_is_built_with_what_it_needs() -> None:
    done = cp.FeedbackResponse.done("We did it", dt.date(2025, 4, 1), due=dt.date(2025, 4, 30))
    assert (done.status, done.what, done.done_on, done.due) == (
        DONE,
        "We did it",
        dt.date(2025, 4, 1),
        dt.date(2025, 4, 30),
    )
    will = cp.FeedbackResponse.will_do("We will", dt.date(2025, 6, 1))
    assert (will.status, will.due) == (WILL_DO, dt.date(2025, 6, 1))
    cannot = cp.FeedbackResponse.cannot_do("It is not ours to change")
    assert (cannot.status, cannot.reason) == (CANNOT_DO, "It is not ours to change")
    assert cp.FeedbackResponse.not_yet_answered() == cp.FeedbackResponse()


@pytest.mark.parametrize("reason", ["", "   ", "\n"])
def test_cannot_do_without_a_reason_is_refused_with_a_clear_message(reason: str) -> None:
    with pytest.raises(ValueError) as caught:
        cp.FeedbackResponse.cannot_do(reason)
    assert str(caught.value) == (
        "the answer is 'cannot do', so it needs a reason: say why it cannot be done, "
        "as the Worcestershire quality standards ask"
    )


def test_each_answer_refuses_what_is_missing_or_does_not_belong() -> None:
    cases = [
        (dict(status="done", done_on=dt.date(2025, 1, 1)), "so say what was done"),
        (dict(status="done", what="x"), "so give the date it was done"),
        (dict(status="will-do", what="x"), "so give the date it will be done by"),
        (dict(status="will-do", due=dt.date(2025, 1, 1)), "so say what will be done"),
        (dict(status="done", what="x", done_on=dt.date(2025, 1, 1), reason="y"), "a reason belongs to an answer"),
        (dict(status="will-do", what="x", due=dt.date(2025, 1, 1), done_on=dt.date(2025, 1, 1)), "date done"),
        (dict(status="cannot-do", reason="y", what="x"), "this answer is 'cannot do'"),
        (dict(what="x"), "this answer is 'not yet answered'"),
    ]
    for fields, message in cases:
        with pytest.raises(ValueError, match=message):
            cp.FeedbackResponse(**fields)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        cp.FeedbackResponse(status="maybe")  # type: ignore[arg-type]


def test_overdue_means_will_do_with_its_date_passed() -> None:
    will = cp.FeedbackResponse.will_do("x", dt.date(2025, 5, 1))
    assert not will.overdue(dt.date(2025, 5, 1))
    assert will.overdue(dt.date(2025, 5, 2))
    assert not cp.FeedbackResponse.done("x", dt.date(2025, 5, 1), due=dt.date(2025, 4, 1)).overdue(dt.date(2026, 1, 1))


# -- entries and the log -----------------------------------------------------------------------


def test_an_entry_names_a_group_and_has_no_field_for_a_persons_name() -> None:
    names = {field.name for field in attrs.fields(cp.FeedbackEntry)}
    # level is the level of participation (individual, service, strategic), not a person;
    # approach is the id of the engagement approach used (such as send-coffee-mornings), not a person
    assert names == {"id", "said", "said_by", "channel", "date", "theme", "response", "actions", "level", "approach"}
    assert attrs.fields(cp.FeedbackEntry).said_by.type in (cp.Contributor, "Contributor")
    made = entry()
    assert made.status is NOT_YET and made.actions == ()
    assert [channel.label for channel in cp.Channel] == [
        "survey",
        "forum",
        "coffee morning",
        "meeting",
        "email",
        "social media",
        "other",
    ]


def test_an_answer_dated_before_the_feedback_is_refused() -> None:
    with pytest.raises(ValueError, match="said on 2025-03-04, but its answer is done on 2025-03-01"):
        entry(response=cp.FeedbackResponse.done("x", dt.date(2025, 3, 1)))
    with pytest.raises(ValueError, match="answer is due on 2025-03-03"):
        entry(response=cp.FeedbackResponse.will_do("x", dt.date(2025, 3, 3)))
    assert entry(response=cp.FeedbackResponse.done("x", dt.date(2025, 3, 4))).status is DONE


def test_themes_are_short_and_actions_linked_once() -> None:
    with pytest.raises(ValueError, match="a theme is a short heading of at most 80"):
        entry(theme="x" * 81)
    with pytest.raises(ValueError, match="two linked actions have the id 'a'"):
        entry(actions=["a", "a"])
    with pytest.raises(ValueError, match="identifier"):
        entry(actions=["Not an id"])


def test_two_entries_with_one_id_are_refused() -> None:
    with pytest.raises(ValueError, match="two feedback entries have the id 'reach-the-senco'"):
        cp.FeedbackLog(organisation=cp.Organisation("Oak"), entries=[entry(), entry()])


def test_the_log_groups_by_status_and_by_theme_ignoring_case_and_spacing() -> None:
    log = oak_log()
    assert [e.id for e in log.with_status("will-do")] == ["newsletter-online"]
    themes = log.by_theme()
    assert list(themes) == ["Communication", "Travel", ""]
    assert [e.id for e in themes["Communication"]] == ["reach-the-senco", "newsletter-online"]
    assert log.entry("buses").said_by.label == "Year 6 school council"


def test_the_summary_counts_by_answer_and_by_theme_and_lists_what_is_overdue() -> None:
    summary = oak_log().summary(as_of=dt.date(2025, 6, 1))
    assert summary.counts == cp.StatusCounts(done=1, will_do=1, cannot_do=1, not_yet_answered=1)
    assert summary.total == 4
    assert [(t.theme, t.entries, t.counts.total) for t in summary.themes] == [
        ("Communication", ("reach-the-senco", "newsletter-online"), 2),
        ("Travel", ("buses",), 1),
        ("", ("clubs",), 1),
    ]
    assert summary.themes[0].counts.count(WILL_DO) == 1
    assert summary.overdue == ("newsletter-online",)
    assert oak_log().summary().overdue == ()
    assert oak_log().summary(as_of=dt.date(2025, 5, 1)).overdue == ()


def test_the_published_text_says_you_said_we_did_in_plain_words() -> None:
    text = cp.you_said_we_did(oak_log(), as_of=dt.date(2025, 6, 1))
    assert text == (
        "You said, we did: Oak Primary School\n"
        "\n"
        "You told us 4 things. Of these, we have done 1, we will do 1 by the dates below, "
        "we cannot do 1 (we say why) and we are still looking at 1.\n"
        "\n"
        "Communication\n"
        "\n"
        "You said: It is hard to reach the special needs lead. (Parent carers, coffee morning, 4 March 2025)\n"
        "We did: We started a weekly drop-in. (Done on 1 April 2025.)\n"
        "\n"
        "You said: Put the newsletter online. (The parent carer forum, email, 5 March 2025)\n"
        "We will: Put every newsletter on the website. (By 1 May 2025.) "
        "This is overdue; we will tell you what is happening.\n"
        "\n"
        "Travel\n"
        "\n"
        "You said: The buses are often late. (Year 6 school council, forum, 4 March 2025)\n"
        "We cannot do this. Why: The council runs the buses; we have passed this on.\n"
        "\n"
        "Other things you told us\n"
        "\n"
        "You said: More after-school clubs. (Parent carers, survey, 4 March 2025)\n"
        "We are still looking at this and will tell you what we decide.\n"
    )


def test_unanswered_entries_can_be_left_out_and_an_empty_log_says_so() -> None:
    text = cp.you_said_we_did(oak_log(), include_unanswered=False)
    assert "More after-school clubs" not in text
    assert "You told us 3 things." in text
    assert "overdue" not in text
    empty = cp.FeedbackLog(organisation=cp.Organisation("Oak"))
    assert cp.you_said_we_did(empty) == "You said, we did: Oak\n\nThere is nothing to report yet.\n"


def test_links_to_actions_are_checked_against_an_action_plan(worcestershire: cp.Framework) -> None:
    plan = cp.ActionPlan(
        organisation=cp.Organisation("Oak Primary School"),
        framework=worcestershire.id,
        framework_version=worcestershire.version,
        actions=[cp.Action(id="drop-in", what="Start a weekly drop-in")],
    )
    log = oak_log()
    (problem,) = cp.check_action_links(log, plan)
    assert (problem.path, problem.code) == ("entries[2].actions[0]", "unknown-action")
    assert problem.message == (
        "feedback 'newsletter-online' links to action 'newsletter-online', which the action plan does not have "
        "(drop-in)"
    )
    fixed = attrs.evolve(plan, actions=[*plan.actions, cp.Action(id="newsletter-online", what="Newsletter")])
    assert cp.check_action_links(log, fixed) == []


# -- JSON --------------------------------------------------------------------------------------


def test_a_log_round_trips_and_validates() -> None:
    log = oak_log()
    data = json.loads(cp.dumps(log))
    assert data["kind"] == "feedback-log"
    assert data["entries"][1]["response"] == {
        "status": "cannot-do",
        "what": "",
        "done_on": None,
        "due": None,
        "reason": "The council runs the buses; we have passed this on",
    }
    assert schemas.validate(data, "feedback-log") == []
    assert cp.from_dict(data, cp.FeedbackLog) == log


def test_the_schema_itself_refuses_cannot_do_without_a_reason() -> None:
    data = json.loads(cp.dumps(oak_log()))
    data["entries"][1]["response"]["reason"] = ""
    assert [(p.path, p.code) for p in schemas.validate(data, "feedback-log")] == [
        ("entries[1].response.reason", "empty")
    ]
    del data["entries"][1]["response"]["reason"]
    assert [(p.path, p.code) for p in schemas.validate(data, "feedback-log")] == [
        ("entries[1].response.reason", "missing-field")
    ]


def test_loading_refuses_cannot_do_without_a_reason_with_a_clear_message() -> None:
    data = json.loads(cp.dumps(oak_log()))
    data["entries"][1]["response"]["reason"] = " "
    with pytest.raises(cp.InvalidDocumentError) as caught:
        cp.from_dict(data)
    (problem,) = caught.value.problems
    assert (problem.path, problem.code) == ("entries[1].response.reason", "missing-reason")
    assert "say why it cannot be done" in problem.message


def test_loading_reports_every_problem_at_once() -> None:
    data = json.loads(cp.dumps(oak_log()))
    data["entries"][3]["id"] = "buses"
    data["entries"][0]["response"]["done_on"] = "2025-01-01"
    data["entries"][2]["response"]["due"] = None
    data["entries"][1]["said_by"] = {"group": "other"}
    with pytest.raises(cp.InvalidDocumentError) as caught:
        cp.from_dict(data)
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("entries[0].response.done_on", "dates-out-of-order"),
        ("entries[1].said_by.label", "missing-label"),
        ("entries[2].response.due", "missing-answer"),
        ("entries[3].id", "duplicate-id"),
    ]


def test_the_data_check_skips_what_is_the_wrong_shape() -> None:
    assert check_feedback_log_data({"entries": "no"}) == []
    assert check_feedback_log_data({"entries": [1, {"response": "x"}, {"response": {"status": "maybe"}}]}) == []


def test_ajv_agrees_on_charters_and_logs(ajv: Path, tmp_path: Path) -> None:
    charter = make_charter()
    good = json.loads(cp.dumps(oak_log()))
    bad = json.loads(cp.dumps(oak_log()))
    bad["entries"][1]["response"]["reason"] = ""
    bad["entries"][0]["said_by"] = {"group": "other", "label": ""}
    lines = run(tmp_path, {"charter": charter, "feedback-log": good, "feedback-log#bad": bad})
    assert [line["valid"] for line in lines[:3]] == [True, True, False]
    paths = {error["instancePath"] for error in lines[2]["errors"]}  # type: ignore[attr-defined]
    assert {"/entries/1/response/reason", "/entries/0/said_by/label"} <= paths


# -- properties --------------------------------------------------------------------------------


@given(feedback_logs())
def test_generated_logs_validate_and_round_trip(log: cp.FeedbackLog) -> None:
    text = cp.dumps(log)
    assert schemas.validate(json.loads(text), "feedback-log") == []
    again = cp.loads(text)
    assert again == log
    assert cp.dumps(again) == text


@given(feedback_logs(), dates())
def test_summary_counts_add_up(log: cp.FeedbackLog, as_of: dt.date) -> None:
    summary = log.summary(as_of)
    assert summary.total == len(log.entries)
    assert sum(summary.counts.count(status) for status in cp.FeedbackStatus) == len(log.entries)
    assert sum(theme.counts.total for theme in summary.themes) == len(log.entries)
    assert sorted(i for theme in summary.themes for i in theme.entries) == sorted(e.id for e in log.entries)
    assert len({entry.theme_key for entry in log.entries}) == len(summary.themes)
    for status in cp.FeedbackStatus:
        assert summary.counts.count(status) == len(log.with_status(status))
    overdue = set(summary.overdue)
    assert overdue <= {e.id for e in log.with_status(WILL_DO)}
    assert all(
        (e.id in overdue) == (e.response.due is not None and e.response.due < as_of) for e in log.with_status(WILL_DO)
    )


@given(feedback_logs(), st.booleans())
def test_the_published_text_shows_every_entry_shown_once(log: cp.FeedbackLog, unanswered: bool) -> None:
    text = cp.you_said_we_did(log, include_unanswered=unanswered)
    shown = [e for e in log.entries if unanswered or e.status is not NOT_YET]
    assert text.count("You said: ") == len(shown)
    assert text.count("We did: ") == sum(e.status is DONE for e in shown)
    assert text.count("We cannot do this. Why: ") == sum(e.status is CANNOT_DO for e in shown)
    assert text.endswith("\n")


@given(feedback_logs(), st.lists(slugs(), max_size=4, unique=True), st.data())
def test_links_to_the_plans_own_actions_always_pass(log: cp.FeedbackLog, known: list[str], data: st.DataObject) -> None:
    plan = cp.ActionPlan(
        organisation=log.organisation,
        framework="worcestershire-seven-quality-standards",
        framework_version="1",
        actions=[cp.Action(id=identifier, what="Do it") for identifier in known],
    )
    linked = attrs.evolve(
        log,
        entries=[
            attrs.evolve(entry, actions=data.draw(st.lists(st.sampled_from(known), unique=True)) if known else ())
            for entry in log.entries
        ],
    )
    assert cp.check_action_links(linked, plan) == []
    stray = sum(len(set(entry.actions) - set(known)) for entry in log.entries)
    assert len(cp.check_action_links(log, plan)) == stray


ANSWER_VALUES = st.sampled_from(
    ["", " ", "x", "2025-03-14", None, "done", "will-do", "cannot-do", "not-yet-answered", "other", "parent-carers"]
)


@given(feedback_logs(max_entries=3).filter(lambda log: bool(log.entries)), st.data())
def test_the_validators_and_the_loader_agree_on_what_answers_need(log: cp.FeedbackLog, data: st.DataObject) -> None:
    tree = json.loads(cp.dumps(log))
    target = tree["entries"][data.draw(st.integers(0, len(tree["entries"]) - 1))][
        data.draw(st.sampled_from(["response", "said_by"]))
    ]
    key = data.draw(st.sampled_from(sorted(target)))
    if data.draw(st.booleans()):
        del target[key]
    else:
        target[key] = data.draw(ANSWER_VALUES)
    detailed = not list(schemas.validator("feedback-log").iter_errors(tree))
    assert schemas.is_valid(tree, "feedback-log") == detailed
    try:
        cp.from_dict(tree)
    except cp.InvalidDocumentError as error:
        if detailed:
            assert {p.code for p in error.problems} <= {"dates-out-of-order"}, error
    else:
        assert detailed
