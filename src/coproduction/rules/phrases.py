"""The documents' own phrases, worded for each viewpoint: one table, keyed by viewpoint, for every writer.

A writer asks for a phrase by its key and the reader's viewpoint, and fills in
the values it names in braces. Families never meet "weighted kappa",
"fingerprint", "perspective", "exporter" or "criterion"; staff documents may
keep the statistical name in a note.
"""

from __future__ import annotations

import enum
import string
from collections.abc import Mapping

from coproduction.model.organisation import Perspective

__all__ = ["Phrase", "actions_done", "phrase", "placeholders", "section_name", "section_word"]


class Phrase(enum.Enum):
    """A phrase the documents use, worded per viewpoint in :func:`phrase`."""

    STATEMENT = "statement"
    STATEMENTS = "statements"
    POINT_OF_VIEW = "point-of-view"
    WHOSE_POINT_OF_VIEW = "whose-point-of-view"
    AGREEMENT_HEADING = "agreement-heading"
    AGREEMENT_EXPLANATION = "agreement-explanation"
    AGREEMENT_NOTE = "agreement-note"
    AGREEMENT_CANNOT_MEASURE = "agreement-cannot-measure"
    AGREEMENT_WHY_NONE_HEADING = "agreement-why-none-heading"
    TEMPLATE_REFERENCE = "template-reference"
    TEMPLATE_REFERENCE_MISMATCH = "template-reference-mismatch"
    TEMPLATE_TITLE = "template-title"
    TEMPLATE_INTRODUCTION = "template-introduction"
    TEMPLATE_INTRODUCTION_NO_ORGANISATION = "template-introduction-no-organisation"
    NOT_APPLICABLE_INSTRUCTION = "not-applicable-instruction"
    REPORT_INTRODUCTION = "report-introduction"
    HIGHER_BY_STAFF = "higher-by-staff"
    HIGHER_BY_PARENTS = "higher-by-parents"
    CANNOT_WRITE_WORD = "cannot-write-word"
    CANNOT_WRITE_EXCEL = "cannot-write-excel"
    ACTIONS_NONE = "actions-none"
    ACTIONS_NONE_DONE = "actions-none-done"
    ACTIONS_NONE_DONE_ONE = "actions-none-done-one"
    ACTIONS_SOME_DONE = "actions-some-done"
    ACTIONS_ALL_DONE = "actions-all-done"
    ACTIONS_ALL_DONE_ONE = "actions-all-done-one"
    ACTIONS_DROPPED = "actions-dropped"
    ACTIONS_DROPPED_ONE = "actions-dropped-one"
    BARRIERS_SURVEY_INTRODUCTION = "barriers-survey-introduction"
    BARRIERS_SURVEY_OTHER = "barriers-survey-other"


_EVERY_VIEWPOINT: Mapping[Phrase, str] = {
    Phrase.STATEMENT: "statement",
    Phrase.STATEMENTS: "statements",
    Phrase.POINT_OF_VIEW: "point of view",
    Phrase.WHOSE_POINT_OF_VIEW: "Whose point of view",
    Phrase.AGREEMENT_HEADING: "Agreement beyond chance",
    Phrase.AGREEMENT_EXPLANATION: (
        "This number shows how closely the two points of view agree. 1 means they always agree. "
        "0 means they agree no more often than chance would give. Below 0 means they agree less than chance. "
        "Ratings one step apart count as partly agreeing."
    ),
    Phrase.AGREEMENT_NOTE: "",
    Phrase.AGREEMENT_CANNOT_MEASURE: "We cannot work out the agreement between {first} and {second}, because {reason}.",
    Phrase.AGREEMENT_WHY_NONE_HEADING: "Why there is no agreement figure",
    Phrase.TEMPLATE_REFERENCE: (
        "Template reference: {id} version {version}, check code {code}. Please do not change this line. "
        "We use it to read your answers."
    ),
    Phrase.TEMPLATE_REFERENCE_MISMATCH: (
        "this form was made from a different version of the {framework} (its check code is {found}, "
        "but ours is {expected}). Please fill in a new copy of the form."
    ),
    Phrase.TEMPLATE_TITLE: "{framework}: checklist",
    Phrase.TEMPLATE_INTRODUCTION: (
        "Please fill this in and send it back. It asks how {organisation} works with families."
    ),
    Phrase.TEMPLATE_INTRODUCTION_NO_ORGANISATION: (
        "Please fill this in and send it back. It asks how the school or service works with families."
    ),
    Phrase.NOT_APPLICABLE_INSTRUCTION: (
        "If a statement does not apply, choose Yes in the Not applicable column and leave the rating empty."
    ),
    Phrase.REPORT_INTRODUCTION: (
        "This report shows how staff at {organisation} rated it against the {framework}, on {date}."
    ),
    Phrase.HIGHER_BY_STAFF: "Where school staff rate the school higher than parent carers do",
    Phrase.HIGHER_BY_PARENTS: "Where parent carers rate the school higher than school staff do",
    Phrase.CANNOT_WRITE_WORD: "a Word document cannot be made from {what}. Word documents can be made from: {kinds}.",
    Phrase.CANNOT_WRITE_EXCEL: (
        "an Excel workbook cannot be made from {what}. Excel workbooks can be made from: {kinds}."
    ),
    Phrase.ACTIONS_NONE: "There are no actions yet.",
    Phrase.ACTIONS_NONE_DONE: "None of the {total} actions is done yet.",
    Phrase.ACTIONS_NONE_DONE_ONE: "The action is not done yet.",
    Phrase.ACTIONS_SOME_DONE: "{done} of the {total} actions are done.",
    Phrase.ACTIONS_ALL_DONE: "All {total} actions are done.",
    Phrase.ACTIONS_ALL_DONE_ONE: "The action is done.",
    Phrase.ACTIONS_DROPPED: "{dropped} actions were dropped, and are not counted.",
    Phrase.ACTIONS_DROPPED_ONE: "1 action was dropped, and is not counted.",
    Phrase.BARRIERS_SURVEY_INTRODUCTION: (
        "We want every family to be able to take part in the life of {organisation}. Please choose Yes beside each "
        "thing that makes it hard for you, and tell us about anything else. Please do not write your name or your "
        "child's name."
    ),
    Phrase.BARRIERS_SURVEY_OTHER: "Anything else that makes it hard, in your own words (one on each line)",
}

_BY_VIEWPOINT: Mapping[Perspective, Mapping[Phrase, str]] = {
    Perspective.SCHOOL_STAFF: {
        Phrase.AGREEMENT_NOTE: "(statisticians call this weighted kappa)",
        Phrase.TEMPLATE_TITLE: "{framework}: audit",
        Phrase.BARRIERS_SURVEY_INTRODUCTION: (
            "We want every family to be able to take part in the life of {organisation}. Please choose Yes beside "
            "each thing a family tells you makes it hard for them, and write down anything else they tell you. "
            "Please do not write the family's name or their child's name."
        ),
        Phrase.BARRIERS_SURVEY_OTHER: "Anything else that makes it hard, in the family's own words (one on each line)",
    },
    Perspective.PARENT_CARERS: {
        Phrase.TEMPLATE_TITLE: "{framework}: checklist for parent carers",
        Phrase.TEMPLATE_INTRODUCTION: (
            "Please fill this in and send it back. It asks what you think of how {organisation} works with you "
            "and other parent carers. Answer from your own experience. There are no right or wrong answers."
        ),
        Phrase.TEMPLATE_INTRODUCTION_NO_ORGANISATION: (
            "Please fill this in and send it back. It asks what you think of how your child's school works with "
            "you and other parent carers. Answer from your own experience. There are no right or wrong answers."
        ),
        Phrase.NOT_APPLICABLE_INSTRUCTION: (
            "If a statement does not apply to you or your child, choose Yes in the Not applicable column and "
            "leave the rating empty."
        ),
        Phrase.REPORT_INTRODUCTION: (
            "This report shows how parent carers rated {organisation} against the {framework}, on {date}."
        ),
    },
    Perspective.CHILDREN_AND_YOUNG_PEOPLE: {
        Phrase.TEMPLATE_TITLE: "{framework}: checklist for children and young people",
        Phrase.TEMPLATE_INTRODUCTION: (
            "Please fill this in and send it back. It asks what you think of how {organisation} listens to you and "
            "works with you. There are no right or wrong answers."
        ),
        Phrase.TEMPLATE_INTRODUCTION_NO_ORGANISATION: (
            "Please fill this in and send it back. It asks what you think of how your school listens to you and "
            "works with you. There are no right or wrong answers."
        ),
        Phrase.REPORT_INTRODUCTION: (
            "This report shows how children and young people rated {organisation} against the {framework}, on {date}."
        ),
    },
    Perspective.JOINT: {
        Phrase.TEMPLATE_INTRODUCTION: (
            "Please fill this in together and send it back. It asks how {organisation} works with parent carers, "
            "seen by staff and parent carers together."
        ),
        Phrase.TEMPLATE_INTRODUCTION_NO_ORGANISATION: (
            "Please fill this in together and send it back. It asks how the school or service works with parent "
            "carers, seen by staff and parent carers together."
        ),
        Phrase.REPORT_INTRODUCTION: (
            "This report shows how school staff and parent carers, working together, rated {organisation} against "
            "the {framework}, on {date}."
        ),
    },
}

_SECTION_WORDS: Mapping[str, str] = {
    "worcestershire-seven-quality-standards": "standard",
    "durham-audit-tool-for-participation": "part",
}


def _text(key: Phrase, viewpoint: Perspective) -> str:
    return _BY_VIEWPOINT[viewpoint].get(key, _EVERY_VIEWPOINT[key])


def placeholders(key: Phrase, viewpoint: Perspective) -> frozenset[str]:
    """The names a phrase needs filled in for a viewpoint, such as ``{"organisation", "framework", "date"}``."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(_text(key, viewpoint)) if name)


def phrase(key: Phrase, viewpoint: Perspective, /, **values: object) -> str:
    """A phrase worded for a viewpoint, with its values filled in.

    Args:
        key: Which phrase.
        viewpoint: Whose document it is.
        **values: The values it names, such as ``organisation="Oak School"``.
            Extra values are ignored, so a writer may pass the same values for
            every viewpoint.

    Raises:
        KeyError: Naming the phrase and the value missing.
    """
    missing = placeholders(key, viewpoint) - values.keys()
    if missing:
        raise KeyError(f"the phrase {key.value!r} needs {', '.join(sorted(missing))}")
    return _text(key, viewpoint).format_map(values)


def actions_done(done: int, total: int, dropped: int, viewpoint: Perspective) -> str:
    """How many of a plan's actions are done, in counts rather than a share ("3 of the 8 actions are done.").

    Args:
        done: The actions done.
        total: The actions not dropped.
        dropped: The actions dropped, which are not counted.
        viewpoint: Whose document it is.

    Raises:
        ValueError: If the counts are negative or more are done than there are.
    """
    if min(done, total, dropped) < 0 or done > total:
        raise ValueError(f"cannot say {done} of {total} actions are done ({dropped} dropped)")
    if total == 0:
        key = Phrase.ACTIONS_NONE
    elif done == 0:
        key = Phrase.ACTIONS_NONE_DONE_ONE if total == 1 else Phrase.ACTIONS_NONE_DONE
    elif done == total:
        key = Phrase.ACTIONS_ALL_DONE_ONE if total == 1 else Phrase.ACTIONS_ALL_DONE
    else:
        key = Phrase.ACTIONS_SOME_DONE
    sentence = phrase(key, viewpoint, done=done, total=total)
    if dropped:
        note = Phrase.ACTIONS_DROPPED_ONE if dropped == 1 else Phrase.ACTIONS_DROPPED
        sentence += " " + phrase(note, viewpoint, dropped=dropped)
    return sentence


def section_word(framework_id: str) -> str:
    """What a framework's sections are called in its documents: "standard" for Worcestershire, else "part"."""
    return _SECTION_WORDS.get(framework_id, "part")


def section_name(framework_id: str) -> str:
    """A framework's sections as captions and headings call them: "quality standard" for Worcestershire, else "part"."""
    word = section_word(framework_id)
    return "quality standard" if word == "standard" else word
