"""The "you said, we did" log: a summary by answer and by theme, then each thing said and our answer.

What people said is quoted as they said it, with only its short forms spelt
out at first use; our own words (and our answers) are put into plain English. Who said it is always a group, never a
person: the feedback log has no field for a name.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from coproduction import Channel, FeedbackEntry, FeedbackLog, FeedbackStatus, StatusCounts, approach_name, to_dict
from coproduction_docx._cycle import Builder, Settings, join_words, long_date, write_document
from coproduction_docx._ooxml import Page, para, run
from coproduction_docx._text import ensure_storable_text

__all__ = ["NO_THEME", "write_feedback"]

_PAGE = Page(landscape=False)

NO_THEME = "Other things you told us"
"""The heading of the entries that have no theme."""

_HOW = {
    Channel.SURVEY: "in a survey",
    Channel.FORUM: "at a forum meeting",
    Channel.COFFEE_MORNING: "at a coffee morning",
    Channel.MEETING: "at a meeting",
    Channel.EMAIL: "by email",
    Channel.SOCIAL_MEDIA: "on social media",
    Channel.OTHER: "in another way",
}

_ANSWERS = {
    FeedbackStatus.DONE: "Done",
    FeedbackStatus.WILL_DO: "We will do this",
    FeedbackStatus.CANNOT_DO: "We cannot do this",
    FeedbackStatus.NOT_YET_ANSWERED: "Not answered yet",
}


def _things(count: int) -> str:
    return f"{count} thing{'s' if count != 1 else ''}"


class _Feedback:
    def __init__(self, log: FeedbackLog, settings: Settings) -> None:
        self.log = log
        self.as_of = settings.as_of
        self.catalogue = settings.catalogue
        self.summary = log.summary(as_of=settings.as_of)

    def body(self, b: Builder) -> Iterator[str]:
        yield from self.introduction(b)
        yield from self.summaries(b)
        for theme, entries in self.log.by_theme().items():
            yield b.heading(theme or NO_THEME)
            yield self.entries(b, theme or NO_THEME, entries)

    def introduction(self, b: Builder) -> Iterator[str]:
        counts = self.summary.counts
        yield b.p(
            f"This is what parent carers and others told {self.log.organisation.name}, "
            "and what we did about it. We never name a child: we say which group told us."
        )
        if not counts.total:
            yield b.p("There is nothing to report yet.")
            return
        parts = []
        if counts.done:
            parts.append(f"we have done {counts.done}")
        if counts.will_do:
            parts.append(f"we will do {counts.will_do} by the dates below")
        if counts.cannot_do:
            parts.append(f"we cannot do {counts.cannot_do} (we say why)")
        if counts.not_yet_answered:
            parts.append(f"we are still looking at {counts.not_yet_answered}")
        yield b.p(f"You told us {_things(counts.total)}. Of these, {join_words(parts)}.")
        if self.summary.overdue:
            yield b.p(
                f"{_things(len(self.summary.overdue))} we said we would do by now "
                f"{'is' if len(self.summary.overdue) == 1 else 'are'} overdue on {long_date(self.as_of)}; "
                "each one says so below."
            )

    def summaries(self, b: Builder) -> Iterator[str]:
        if not self.summary.counts.total:
            return
        counts = self.summary.counts
        yield b.heading("Summary")
        yield b.heading("By our answer", 2)
        rows = [[b.value(_ANSWERS[status]), b.value(str(counts.count(status)))] for status in FeedbackStatus]
        rows.append([b.value("All", bold=True), b.value(str(counts.total), bold=True)])
        yield b.table(["Our answer", "How many"], [0.7, 0.3], rows, caption="What you told us, by our answer")
        yield b.heading("By theme", 2)
        header = ["Theme", *(_ANSWERS[status] for status in FeedbackStatus), "All"]
        theme_rows = []
        for theme in self.summary.themes:
            theme_counts: StatusCounts = theme.counts
            theme_rows.append(
                [b.value(theme.theme or NO_THEME)]
                + [b.value(str(theme_counts.count(status))) for status in FeedbackStatus]
                + [b.value(str(theme_counts.total), bold=True)]
            )
        yield b.table(
            header, [0.3, 0.13, 0.14, 0.14, 0.14, 0.15], theme_rows, caption="What you told us, by theme and answer"
        )

    def entries(self, b: Builder, theme: str, entries: tuple[FeedbackEntry, ...]) -> str:
        rows = []
        for entry in entries:
            said = b.p(entry.said) + para(
                run(
                    f"Said by {entry.said_by}, {_HOW.get(entry.channel, entry.channel.label)}, "
                    f"on {long_date(entry.date)}."
                ),
                style="Reference",
            )
            if entry.approach is not None:
                said += para(run(f"How we asked: {approach_name(self.catalogue, entry.approach)}."), style="Reference")
            rows.append([said, self.answer(b, entry)])
        return b.table(["You said", "We did"], [0.5, 0.5], rows, caption=f"You said, we did: {theme}")

    def answer(self, b: Builder, entry: FeedbackEntry) -> str:
        response = entry.response
        status = response.status
        if status is FeedbackStatus.DONE:
            content = b.labelled("Done: ", response.what)
            if response.done_on is not None:
                content += b.value(f"Done on {long_date(response.done_on)}.")
        elif status is FeedbackStatus.WILL_DO:
            content = b.labelled("We will: ", response.what)
            if response.due is not None:
                content += b.value(f"By {long_date(response.due)}.")
            if response.overdue(self.as_of):
                content += b.value("This is overdue; we will tell you what is happening.", bold=True)
        elif status is FeedbackStatus.CANNOT_DO:
            content = b.value("We cannot do this.", bold=True) + b.labelled("Why: ", response.reason)
        else:
            content = b.value("We are still looking at this and will tell you what we decide.")
        if entry.actions:
            content += b.value("This is part of our action plan.")
        return content


def write_feedback(log: FeedbackLog, out: BinaryIO, settings: Settings) -> None:
    """Write a "you said, we did" log, ready to publish, to ``out``.

    Args:
        log: The feedback log.
        out: A binary stream.
        settings: The glossary (for plain English) and the date "will do"
            answers are judged overdue on.

    Raises:
        ExportError: If any text holds a character Word cannot store.
    """
    ensure_storable_text({"feedback_log": to_dict(log)})
    view = _Feedback(log, settings)
    write_document(
        out,
        settings=settings,
        page=_PAGE,
        title=f"{log.title}: {log.organisation.name}",
        subject=f"What parent carers told {log.organisation.name}, and what was done",
        keywords="you said we did; feedback; parent carers; SEND; co-production",
        kind="coproduction-feedback-log",
        properties={"coproduction.as_of": settings.as_of.isoformat()},
        body=view.body,
    )
