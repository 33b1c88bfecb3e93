"""Publishing a feedback log as "you said, we did" text, and checking its links to a plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from coproduction.errors import Problem
from coproduction.model._excerpt import excerpt
from coproduction.model.feedback import FeedbackEntry, FeedbackLog, FeedbackStatus, StatusCounts, _long_date

__all__ = ["check_action_links", "you_said_we_did"]

# -- publishing ----------------------------------------------------------------------------


def _things(count: int) -> str:
    return f"{count} thing{'s' if count != 1 else ''}"


def _and(parts: Sequence[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?")) else text + "."


def _answer_lines(entry: FeedbackEntry, as_of: dt.date | None) -> list[str]:
    response = entry.response
    if response.status is FeedbackStatus.DONE and response.done_on is not None:
        return [f"We did: {_sentence(response.what)} (Done on {_long_date(response.done_on)}.)"]
    if response.status is FeedbackStatus.WILL_DO and response.due is not None:
        late = " This is overdue; we will tell you what is happening." if as_of and response.overdue(as_of) else ""
        return [f"We will: {_sentence(response.what)} (By {_long_date(response.due)}.){late}"]
    if response.status is FeedbackStatus.CANNOT_DO:
        return [f"We cannot do this. Why: {_sentence(response.reason)}"]
    return ["We are still looking at this and will tell you what we decide."]


def you_said_we_did(log: FeedbackLog, *, as_of: dt.date | None = None, include_unanswered: bool = True) -> str:
    """Render a log as plain text a school can paste into its website.

    The text has a title, a sentence counting the answers, then each theme as
    a heading with its entries: "You said: ..." (with the group, channel and
    date), then "We did: ...", "We will: ... (By ...)" or "We cannot do
    this. Why: ...". Entries with no theme come last, under "Other things you
    told us". Dates are written like "14 March 2025".

    Args:
        log: The log.
        as_of: A date to judge "will do" answers on; an overdue one says so.
        include_unanswered: Whether to show entries not answered yet (they
            say "We are still looking at this").

    Returns:
        The text, paragraphs separated by blank lines, ending in a newline.
    """
    entries = [e for e in log.entries if include_unanswered or e.status is not FeedbackStatus.NOT_YET_ANSWERED]
    shown = FeedbackLog(organisation=log.organisation, entries=entries, title=log.title)
    counts = StatusCounts.of(entries)
    blocks = [f"{log.title}: {log.organisation.name}"]
    if not entries:
        blocks.append("There is nothing to report yet.")
        return "\n\n".join(blocks) + "\n"
    parts = []
    if counts.done:
        parts.append(f"we have done {counts.done}")
    if counts.will_do:
        parts.append(f"we will do {counts.will_do} by the dates below")
    if counts.cannot_do:
        parts.append(f"we cannot do {counts.cannot_do} (we say why)")
    if counts.not_yet_answered:
        parts.append(f"we are still looking at {counts.not_yet_answered}")
    blocks.append(f"You told us {_things(counts.total)}. Of these, {_and(parts)}.")
    for theme, items in shown.by_theme().items():
        blocks.append(theme or "Other things you told us")
        for entry in items:
            where = f"{entry.said_by}, {entry.channel.label}, {_long_date(entry.date)}"
            lines = [f"You said: {_sentence(entry.said)} ({_capital(where)})", *_answer_lines(entry, as_of)]
            blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# -- checks --------------------------------------------------------------------------------


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


class _ActionPlanLike(Protocol):
    """Anything with actions that have ids, such as an action plan."""

    @property
    def actions(self) -> Sequence[_HasId]: ...


def check_action_links(log: FeedbackLog, plan: _ActionPlanLike) -> list[Problem]:
    """Check that every action an entry links to is in the action plan.

    Args:
        log: The feedback log.
        plan: The action plan: an :class:`~coproduction.ActionPlan`, or anything whose
            ``actions`` each have an ``id``.

    Returns:
        A problem for each link to an action the plan lacks, with its JSON path.
    """
    known = [action.id for action in plan.actions]
    known_set = set(known)
    problems = []
    for index, entry in enumerate(log.entries):
        for position, action in enumerate(entry.actions):
            if action not in known_set:
                choices = ", ".join(known) if known else "the plan has no actions"
                problems.append(
                    Problem(
                        f"entries[{index}].actions[{position}]",
                        "unknown-action",
                        f"feedback {excerpt(entry.id)} links to action {excerpt(action)}, which the "
                        f"action plan does not have "
                        f"({choices})",
                    )
                )
    return problems
