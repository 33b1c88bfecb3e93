"""The "you said, we did" page: a summary by answer and by theme, then each thing said and our answer.

What people said is quoted as they said it. Who said it is always a group,
never a person: the feedback log has no field for a name.
"""

from __future__ import annotations

from coproduction import Channel, FeedbackEntry, FeedbackLog, FeedbackStatus, approach_name
from coproduction_html._chart import bar_chart
from coproduction_html._context import PageContext
from coproduction_html._page import Page, Part, Table
from coproduction_html._wording import count_of, long_date

__all__ = ["ANSWERS", "feedback_page"]

NO_THEME = "Other things you told us"

_HOW = {
    Channel.SURVEY: "in a survey",
    Channel.FORUM: "at a forum meeting",
    Channel.COFFEE_MORNING: "at a coffee morning",
    Channel.MEETING: "at a meeting",
    Channel.EMAIL: "by email",
    Channel.SOCIAL_MEDIA: "on social media",
    Channel.OTHER: "in another way",
}

ANSWERS = {
    FeedbackStatus.DONE: "Done",
    FeedbackStatus.WILL_DO: "We will do this",
    FeedbackStatus.CANNOT_DO: "We cannot do this",
    FeedbackStatus.NOT_YET_ANSWERED: "Not answered yet",
}


def _answer(entry: FeedbackEntry, context: PageContext) -> dict[str, object]:
    response = entry.response
    status = response.status
    lines: list[str] = []
    label = ANSWERS[status]
    if status is FeedbackStatus.DONE:
        lines.append(response.what)
        if response.done_on is not None:
            lines.append(f"Done on {long_date(response.done_on)}.")
    elif status is FeedbackStatus.WILL_DO:
        lines.append(response.what)
        if response.due is not None:
            lines.append(f"By {long_date(response.due)}.")
    elif status is FeedbackStatus.CANNOT_DO:
        lines.append(f"Why: {response.reason}")
    else:
        lines.append("We are still looking at this and will tell you what we decide.")
    if entry.actions:
        lines.append("This is part of our action plan.")
    return {
        "status": status.value,
        "label": label,
        "lines": lines,
        "overdue": response.overdue(context.as_of),
    }


def _approach(entry: FeedbackEntry, context: PageContext) -> str:
    """How we asked, when the entry names the approach used: " How we asked: SEND coffee mornings."."""
    if entry.approach is None:
        return ""
    return f" How we asked: {approach_name(context.catalogue, entry.approach)}."


def feedback_page(log: FeedbackLog, context: PageContext) -> Page:
    """The page of a "you said, we did" log, as of the context's date."""
    summary = log.summary(as_of=context.as_of)
    counts = summary.counts
    introduction = [
        f"This is what parent carers and others told {log.organisation.name}, and what we did about it. "
        "We never name a child: we say which group told us."
    ]
    if counts.total:
        # One short sentence for each answer, so the summary reads as plain English however many answers there are.
        answered = [
            (counts.done, f"We have done {counts.done}."),
            (counts.will_do, f"We will do {counts.will_do} by the dates below."),
            (counts.cannot_do, f"We cannot do {counts.cannot_do}, and we say why."),
            (counts.not_yet_answered, f"We are still looking at {counts.not_yet_answered}."),
        ]
        introduction.append(
            " ".join([f"You told us {count_of(counts.total, 'thing')}.", *(text for count, text in answered if count)])
        )
        if summary.overdue:
            introduction.append(
                f"{count_of(len(summary.overdue), 'thing')} we said we would do by now "
                f"{'is' if len(summary.overdue) == 1 else 'are'} late on {long_date(context.as_of)}; "
                "each one says so below."
            )
    else:
        introduction.append("There is nothing to report yet.")
    parts = []
    if counts.total:
        by_answer = Table(
            id="by-answer-table",
            caption="What you told us, by our answer",
            headers=["Our answer", "How many"],
            rows=[[ANSWERS[status], str(counts.count(status))] for status in FeedbackStatus],
            total=["All", str(counts.total)],
        )
        chart = bar_chart(
            "answers-chart",
            "What you told us, by our answer",
            "Bar chart of how many things you told us have each answer. "
            + "; ".join(f"{ANSWERS[status]}: {counts.count(status)}" for status in FeedbackStatus)
            + ".",
            ["Things you told us"],
            [(ANSWERS[status], [(counts.count(status), str(counts.count(status)))]) for status in FeedbackStatus],
            maximum=max(counts.count(status) for status in FeedbackStatus),
        )
        by_theme = Table(
            id="by-theme-table",
            caption="What you told us, by theme and our answer",
            headers=["Theme", *(ANSWERS[status] for status in FeedbackStatus), "All"],
            rows=[
                [
                    theme.theme or NO_THEME,
                    *(str(theme.counts.count(status)) for status in FeedbackStatus),
                    str(theme.counts.total),
                ]
                for theme in summary.themes
            ],
        )
        parts.append(Part("summary", "Summary", {"tables": [by_answer, by_theme], "chart": chart}))
    for number, (theme, entries) in enumerate(log.by_theme().items(), start=1):
        parts.append(
            Part(
                f"theme-{number}",
                theme or NO_THEME,
                {
                    "entries": [
                        {
                            "said": entry.said,
                            "who": f"Said by {entry.said_by}, {_HOW.get(entry.channel, 'in another way')}, "
                            f"on {long_date(entry.date)}." + _approach(entry, context),
                            "answer": _answer(entry, context),
                        }
                        for entry in entries
                    ]
                },
            )
        )
    return Page(
        kind="you-said-we-did",
        title=f"{log.title}: {log.organisation.name}",
        organisation=log.organisation,
        date=context.as_of,
        summary=f"What families told {log.organisation.name} ({count_of(counts.total, 'thing')}), "
        f"and what the school did, on {long_date(context.as_of)}.",
        template="feedback.html.j2",
        parts=parts,
        introduction=introduction,
    )
