"""What an exporter is asked to write for the practice: the barriers survey and the evaluation slip.

Both are filled in by parent carers and read back, so each carries a stamp:
the survey the fingerprint of the barrier list it shows, the slip the
fingerprint of the activity it is about.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import attrs

from coproduction.model._validators import to_tuple, unique
from coproduction.model.activity import Activity
from coproduction.model.barriers import Barrier
from coproduction.model.organisation import Organisation, Perspective
from coproduction.rules.plain_english import MAX_SENTENCE_WORDS

__all__ = [
    "BarriersSurveyTemplate",
    "EvaluationSlipTemplate",
    "activity_fingerprint",
    "barrier_fingerprint",
    "survey_text",
]

_FINGERPRINT_LENGTH = 16


def _digest(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:_FINGERPRINT_LENGTH]


def survey_text(barrier: Barrier) -> str:
    """What the survey shows for a barrier: its wording, or its short label when the wording is a long sentence.

    The source's wording is shown when it has no label, or when it is one
    plain sentence (at most the plain-English check's limit of words); a long
    wording is shown by its label. The first letter is made a capital.
    """
    words = len(barrier.wording.split())
    text = barrier.wording if barrier.label is None or words <= MAX_SENTENCE_WORDS else barrier.label
    return text[:1].upper() + text[1:]


def _barriers(value: object) -> tuple[Barrier, ...]:
    barriers = to_tuple(value)  # type: ignore[arg-type]
    if not barriers:
        raise ValueError("a barriers survey lists at least one barrier")
    unique("barriers", (barrier.id for barrier in barriers))
    return barriers


@attrs.frozen(kw_only=True)
class BarriersSurveyTemplate:
    """A blank barriers survey: the barriers to tick, room for others, for one cohort.

    Attributes:
        barriers: The barriers to list, in order (the catalogue's, or some of its lists).
        perspective: Who is asked to fill it in (parent carers unless given).
        organisation: The school or setting asking, if known.
        cohort: The cohort asked, such as "Reception, September 2026", if known.
        date: A date to pre-fill, if any.
    """

    barriers: tuple[Barrier, ...] = attrs.field(converter=_barriers)
    perspective: Perspective = attrs.field(default=Perspective.PARENT_CARERS, converter=Perspective)
    organisation: Organisation | None = None
    cohort: str | None = None
    date: dt.date | None = None

    @property
    def fingerprint(self) -> str:
        """A short fingerprint of the barriers' ids and words, in order: the file is read back only against them."""
        return barrier_fingerprint(self.barriers)


def barrier_fingerprint(barriers: tuple[Barrier, ...]) -> str:
    """The fingerprint of a list of barriers: 16 hexadecimal digits of the SHA-256 of their ids and words."""
    return _digest([[barrier.id, barrier.label, barrier.wording] for barrier in barriers])


@attrs.frozen
class EvaluationSlipTemplate:
    """A blank evaluation slip for an activity: the participants' questions, anonymous.

    Attributes:
        activity: The activity the slip is about.
    """

    activity: Activity

    @property
    def fingerprint(self) -> str:
        """A short fingerprint of the activity's id, organisation and title (not of its slips, which grow)."""
        return activity_fingerprint(self.activity)


def activity_fingerprint(activity: Activity) -> str:
    """The fingerprint a slip carries of its activity: its id, organisation and title."""
    return _digest([activity.id, activity.organisation.name, activity.organisation.identifier, activity.title])
