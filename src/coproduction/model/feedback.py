"""Feedback logs ("you said, we did"), as data."""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable, Iterator, Mapping

import attrs

from coproduction.errors import Problem
from coproduction.model._excerpt import excerpt
from coproduction.model._metadata import NOT_PROSE
from coproduction.model._validators import non_blank, optional_slug, slug, to_tuple, unique
from coproduction.model.contributors import Contributor
from coproduction.model.levels import ParticipationLevel
from coproduction.model.organisation import Organisation

__all__ = [
    "Channel",
    "FeedbackEntry",
    "FeedbackLog",
    "FeedbackResponse",
    "FeedbackStatus",
    "FeedbackSummary",
    "MAX_THEME_LENGTH",
    "StatusCounts",
    "ThemeSummary",
]

MAX_THEME_LENGTH = 80
"""The most characters a theme may have: a theme is a heading, not a paragraph."""

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _long_date(date: dt.date) -> str:
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"


class Channel(enum.Enum):
    """How something was said."""

    SURVEY = "survey"
    FORUM = "forum"
    COFFEE_MORNING = "coffee-morning"
    MEETING = "meeting"
    EMAIL = "email"
    SOCIAL_MEDIA = "social-media"
    OTHER = "other"

    @property
    def label(self) -> str:
        """The plain-English name, such as "coffee morning"."""
        return self.value.replace("-", " ")


class FeedbackStatus(enum.Enum):
    """The answer given to something said, in the order a summary lists them."""

    DONE = "done"
    WILL_DO = "will-do"
    CANNOT_DO = "cannot-do"
    NOT_YET_ANSWERED = "not-yet-answered"

    @property
    def label(self) -> str:
        """The plain-English name, such as "will do"."""
        return self.value.replace("-", " ")


# The response fields each answer must fill in, and those it may fill in (the rest stay empty).
_NEEDS: dict[FeedbackStatus, tuple[str, ...]] = {
    FeedbackStatus.DONE: ("what", "done_on"),
    FeedbackStatus.WILL_DO: ("what", "due"),
    FeedbackStatus.CANNOT_DO: ("reason",),
    FeedbackStatus.NOT_YET_ANSWERED: (),
}
_ALLOWS: dict[FeedbackStatus, tuple[str, ...]] = {
    FeedbackStatus.DONE: ("what", "done_on", "due"),
    FeedbackStatus.WILL_DO: ("what", "due"),
    FeedbackStatus.CANNOT_DO: ("reason",),
    FeedbackStatus.NOT_YET_ANSWERED: (),
}
_MISSING = {
    (FeedbackStatus.DONE, "what"): "the answer is 'done', so say what was done",
    (FeedbackStatus.DONE, "done_on"): "the answer is 'done', so give the date it was done",
    (FeedbackStatus.WILL_DO, "what"): "the answer is 'will do', so say what will be done",
    (FeedbackStatus.WILL_DO, "due"): "the answer is 'will do', so give the date it will be done by",
    (FeedbackStatus.CANNOT_DO, "reason"): (
        "the answer is 'cannot do', so it needs a reason: say why it cannot be done, "
        "as the Worcestershire quality standards ask"
    ),
}
_FIELD_NAMES = {
    "what": "description of what was or will be done",
    "done_on": "date done",
    "due": "date due",
    "reason": "reason",
}


# Text counts as filled in when it has a character other than white space, as the
# schema's "\S" means it in JSON Schema validators (where \x1c-\x1f are not white space).
_HAS_TEXT = re.compile(r"[^\s]|[\x1c-\x1f]")


def _filled(value: object) -> bool:
    return value is not None and (not isinstance(value, str) or bool(_HAS_TEXT.search(value)))


def _response_problems(status: FeedbackStatus, fields: Mapping[str, object], path: str) -> Iterator[Problem]:
    """Each broken rule of a response, at ``path.field``."""
    for name in ("what", "done_on", "due", "reason"):
        value = fields.get(name)
        if name in _NEEDS[status] and not _filled(value):
            message = _MISSING[(status, name)]
            if name == "reason":
                yield Problem(f"{path}.{name}", "missing-reason", message)
            else:
                yield Problem(f"{path}.{name}", "missing-answer", message)
        elif name not in _ALLOWS[status] and value not in (None, ""):
            where = [s for s in FeedbackStatus if name in _ALLOWS[s]]
            answers = " or ".join(f"'{s.label}'" for s in where)
            yield Problem(
                f"{path}.{name}",
                "not-for-this-answer",
                f"a {_FIELD_NAMES[name]} belongs to an answer of {answers}, and this answer is "
                f"'{status.label}'; remove it or change the answer",
            )


@attrs.frozen
class FeedbackResponse:
    """The answer to something said: done, will do, cannot do, or not yet answered.

    Build one with :meth:`done`, :meth:`will_do`, :meth:`cannot_do` or
    :meth:`not_yet_answered`.

    Attributes:
        status: Which answer it is.
        what: What we did (done) or will do (will do).
        done_on: When it was done (done only).
        due: The date it will be done by (will do); a "done" answer may keep
            the date that was promised.
        reason: Why it cannot be done (cannot do only; required there).

    Raises:
        ValueError: If a field the answer needs is missing (a "cannot do"
            without a reason, a "will do" without a date ...), or a field is
            given that the answer does not have.
    """

    status: FeedbackStatus = attrs.field(default=FeedbackStatus.NOT_YET_ANSWERED, converter=FeedbackStatus)
    what: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
    done_on: dt.date | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(dt.date))
    )
    due: dt.date | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(dt.date))
    )
    reason: str = attrs.field(default="", validator=attrs.validators.instance_of(str))

    def __attrs_post_init__(self) -> None:
        fields = {"what": self.what, "done_on": self.done_on, "due": self.due, "reason": self.reason}
        for problem in _response_problems(self.status, fields, "response"):
            raise ValueError(problem.message)

    @classmethod
    def done(cls, what: str, on: dt.date, *, due: dt.date | None = None) -> FeedbackResponse:
        """We did it: what, and when (and, if you like, the date promised)."""
        return cls(FeedbackStatus.DONE, what=what, done_on=on, due=due)

    @classmethod
    def will_do(cls, what: str, by: dt.date) -> FeedbackResponse:
        """We will do it: what, and the date we will do it by."""
        return cls(FeedbackStatus.WILL_DO, what=what, due=by)

    @classmethod
    def cannot_do(cls, reason: str) -> FeedbackResponse:
        """We cannot do it, and why.

        Raises:
            ValueError: If the reason is empty.
        """
        return cls(FeedbackStatus.CANNOT_DO, reason=reason)

    @classmethod
    def not_yet_answered(cls) -> FeedbackResponse:
        """No answer yet."""
        return cls()

    def overdue(self, as_of: dt.date) -> bool:
        """True for a "will do" whose date is before ``as_of`` (due on that day is not yet overdue)."""
        return self.status is FeedbackStatus.WILL_DO and self.due is not None and self.due < as_of


def _theme(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"a theme is text; got {type(value).__name__}")
    return value


@attrs.frozen(kw_only=True)
class FeedbackEntry:
    """One thing said, and the answer.

    Attributes:
        id: Stable identifier, unique within the log, such as ``homework-clubs``.
        said: What was said, as the group put it (no names of children).
        said_by: Which group said it: a group and an optional label such as
            "parents of children in Year 6". There is no field for a person's
            name, and there must never be a child's name in any field.
        channel: How it was said.
        date: When it was said.
        theme: A short heading to group it under, such as "Communication";
            empty when there is none. At most :data:`MAX_THEME_LENGTH` characters.
        response: The answer; not yet answered unless given.
        actions: Ids of actions in an action plan that answer it.
        level: The level it was said at (individual, service or strategic), if said.
        approach: The id of the catalogue's engagement approach used to hear it
            (such as ``send-coffee-mornings``), if said.

    Raises:
        ValueError: If the answer is dated before the thing was said, or an
            action is linked twice.
    """

    id: str = attrs.field(validator=slug, metadata=NOT_PROSE)
    said: str = attrs.field(validator=non_blank)
    said_by: Contributor
    channel: Channel = attrs.field(converter=Channel)
    date: dt.date = attrs.field(validator=attrs.validators.instance_of(dt.date))
    theme: str = attrs.field(default="", converter=_theme)
    response: FeedbackResponse = attrs.field(factory=FeedbackResponse)
    actions: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=attrs.validators.deep_iterable(slug), metadata=NOT_PROSE
    )
    level: ParticipationLevel | None = attrs.field(
        default=None, converter=attrs.converters.optional(ParticipationLevel), metadata=NOT_PROSE
    )
    approach: str | None = attrs.field(default=None, validator=optional_slug, metadata=NOT_PROSE)

    def __attrs_post_init__(self) -> None:
        if len(self.theme) > MAX_THEME_LENGTH:
            raise ValueError(
                f"the theme of feedback {excerpt(self.id)} has {len(self.theme)} characters; "
                f"a theme is a short heading of at most {MAX_THEME_LENGTH}"
            )
        unique("linked actions", self.actions)
        for name, date in (("done", self.response.done_on), ("due", self.response.due)):
            if date is not None and date < self.date:
                raise ValueError(
                    f"feedback {excerpt(self.id)} was said on {self.date.isoformat()}, but its answer is {name} "
                    f"on {date.isoformat()}, which is earlier"
                )

    @property
    def status(self) -> FeedbackStatus:
        """The answer's status."""
        return self.response.status

    @property
    def theme_key(self) -> str:
        """The theme as it is grouped: spacing and case ignored."""
        return " ".join(self.theme.split()).casefold()


@attrs.frozen
class StatusCounts:
    """How many entries have each answer.

    Attributes:
        done: Answered "done".
        will_do: Answered "will do".
        cannot_do: Answered "cannot do".
        not_yet_answered: Not answered yet.
    """

    done: int = 0
    will_do: int = 0
    cannot_do: int = 0
    not_yet_answered: int = 0

    @classmethod
    def of(cls, entries: Iterable[FeedbackEntry]) -> StatusCounts:
        """Count the entries by answer."""
        counts = dict.fromkeys(FeedbackStatus, 0)
        for entry in entries:
            counts[entry.status] += 1
        return cls(*(counts[status] for status in FeedbackStatus))

    @property
    def total(self) -> int:
        """All entries counted."""
        return self.done + self.will_do + self.cannot_do + self.not_yet_answered

    def count(self, status: FeedbackStatus) -> int:
        """The count of one answer."""
        return int(getattr(self, status.value.replace("-", "_")))


@attrs.frozen
class ThemeSummary:
    """The entries of one theme, counted by answer.

    Attributes:
        theme: The theme as first written in the log; empty for entries with no theme.
        entries: The ids of its entries, in log order.
        counts: Its entries counted by answer.
    """

    theme: str
    entries: tuple[str, ...]
    counts: StatusCounts


@attrs.frozen
class FeedbackSummary:
    """A "you said, we did" log summarised, ready to publish or chart.

    Attributes:
        organisation: Whose log it is.
        title: The log's title.
        counts: Every entry counted by answer.
        themes: One summary per theme, in the order themes first appear;
            entries with no theme last.
        as_of: The date "overdue" was judged on, if one was given.
        overdue: Ids of "will do" entries whose date is before ``as_of``.
    """

    organisation: Organisation
    title: str
    counts: StatusCounts
    themes: tuple[ThemeSummary, ...]
    as_of: dt.date | None = None
    overdue: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        """How many entries there are."""
        return self.counts.total


@attrs.frozen
class FeedbackLog:
    """A "you said, we did" log.

    Attributes:
        organisation: The school, setting or service that keeps it.
        entries: The entries, each with a unique id.
        title: The title to publish it under.

    Raises:
        ValueError: If two entries share an id.
    """

    organisation: Organisation = attrs.field(metadata=NOT_PROSE)
    entries: tuple[FeedbackEntry, ...] = attrs.field(default=(), converter=to_tuple)
    title: str = attrs.field(default="You said, we did", validator=non_blank)

    def __attrs_post_init__(self) -> None:
        unique("feedback entries", (entry.id for entry in self.entries))

    def entry(self, entry_id: str) -> FeedbackEntry:
        """Return the entry with this id.

        Raises:
            KeyError: If there is no such entry.
        """
        for entry in self.entries:
            if entry.id == entry_id:
                return entry
        raise KeyError(entry_id)

    def with_status(self, status: FeedbackStatus | str) -> tuple[FeedbackEntry, ...]:
        """The entries with one answer, in log order."""
        wanted = FeedbackStatus(status)
        return tuple(entry for entry in self.entries if entry.status is wanted)

    def by_theme(self) -> dict[str, tuple[FeedbackEntry, ...]]:
        """The entries grouped by theme (spacing and case ignored), keyed by the theme as first written.

        Themes are in the order they first appear; entries with no theme come
        last, under the key ``""``.
        """
        groups: dict[str, list[FeedbackEntry]] = {}
        shown: dict[str, str] = {}
        for entry in self.entries:
            key = entry.theme_key
            shown.setdefault(key, " ".join(entry.theme.split()))
            groups.setdefault(key, []).append(entry)
        if "" in groups:
            groups[""] = groups.pop("")
        return {shown[key]: tuple(items) for key, items in groups.items()}

    def overdue(self, as_of: dt.date) -> tuple[FeedbackEntry, ...]:
        """The "will do" entries whose date is before ``as_of``, in log order."""
        return tuple(entry for entry in self.entries if entry.response.overdue(as_of))

    def summary(self, as_of: dt.date | None = None) -> FeedbackSummary:
        """Count the log by answer and by theme.

        Args:
            as_of: A date to judge "will do" answers overdue on; none are
                listed as overdue when omitted.

        Returns:
            The summary.
        """
        themes = tuple(
            ThemeSummary(theme, tuple(entry.id for entry in items), StatusCounts.of(items))
            for theme, items in self.by_theme().items()
        )
        overdue = tuple(entry.id for entry in self.overdue(as_of)) if as_of is not None else ()
        return FeedbackSummary(
            organisation=self.organisation,
            title=self.title,
            counts=StatusCounts.of(self.entries),
            themes=themes,
            as_of=as_of,
            overdue=overdue,
        )
