"""Quality-standard frameworks: rating scales, criteria, sections."""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable, Mapping

import attrs

from coproduction.model._excerpt import excerpt
from coproduction.model._validators import check_field_names, non_blank, slug, to_field_names, to_tuple, unique
from coproduction.model.source import Source
from coproduction.model.wording import ViewpointWording, check_wordings, to_wordings

__all__ = ["Criterion", "Field", "Framework", "Level", "RatingScale", "Section"]


class Field(enum.Enum):
    """The free-text columns an audit of a framework can fill in beside a rating."""

    EVIDENCE = "evidence"
    REQUIRED_ACTIONS = "required_actions"
    NEXT_STEPS = "next_steps"

    @property
    def label(self) -> str:
        """The column heading, such as "Required actions"."""
        return self.value.replace("_", " ").capitalize()


def _to_fields(values: Iterable[Field | str]) -> tuple[Field, ...]:
    return tuple(Field(value) for value in values)


def _texts(item: object, names: Iterable[str]) -> dict[str, object]:
    return {name: getattr(item, name) for name in names}


def _with_text(texts: Mapping[str, object]) -> list[str]:
    return [name for name, text in texts.items() if isinstance(text, str) and text.strip()]


@attrs.frozen
class Level:
    """One level of a rating scale, such as "Developing".

    Attributes:
        id: Stable identifier, such as ``developing``.
        name: Display name.
        value: Its numeric value; higher is better.
        description: What the level means, in plain English.
        wording: The description worded for viewpoints (field ``description``).
        library_authored: Which of ``name`` and ``description`` are this library's
            words rather than the source's.
    """

    id: str = attrs.field(validator=slug)
    name: str = attrs.field(validator=non_blank)
    value: int = attrs.field(validator=attrs.validators.instance_of(int))
    description: str = ""
    wording: tuple[ViewpointWording, ...] = attrs.field(default=(), converter=to_wordings)
    library_authored: tuple[str, ...] = attrs.field(default=(), converter=to_field_names)

    def __attrs_post_init__(self) -> None:
        owner = f"level {self.id!r}"
        check_wordings(owner, self.wording, _texts(self, ("description",)))
        check_field_names(owner, self.library_authored, _with_text(_texts(self, ("name", "description"))))


@attrs.frozen
class RatingScale:
    """An ordered scale of levels, lowest first.

    Attributes:
        id: Stable identifier.
        name: Display name.
        levels: The levels, lowest value first.
        library_authored: ``("name",)`` when the scale's name is this library's words.

    Raises:
        ValueError: On construction, with fewer than two levels, two levels of
            one id or one value, or levels not in increasing order of value.
    """

    id: str = attrs.field(validator=slug)
    name: str = attrs.field(validator=non_blank)
    levels: tuple[Level, ...] = attrs.field(converter=to_tuple)
    library_authored: tuple[str, ...] = attrs.field(default=(), converter=to_field_names)
    _by_id: dict[str, Level] = attrs.field(init=False, repr=False, eq=False, hash=False)
    _normalised: dict[str, float] = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        if len(self.levels) < 2:
            raise ValueError(f"rating scale {excerpt(self.id)} needs at least two levels")
        unique("levels", (level.id for level in self.levels))
        check_field_names(f"rating scale {self.id!r}", self.library_authored, ("name",))
        values = [level.value for level in self.levels]
        if len(set(values)) != len(values):
            duplicate = next(v for v in values if values.count(v) > 1)
            raise ValueError(
                f"two levels of rating scale {excerpt(self.id)} have the value {duplicate}; each level "
                f"needs its own value"
            )
        if values != sorted(values):
            raise ValueError(f"the levels of rating scale {excerpt(self.id)} must be listed lowest value first")
        object.__setattr__(self, "_by_id", {level.id: level for level in self.levels})
        low, high = values[0], values[-1]
        normalised = {level.id: (level.value - low) / (high - low) for level in self.levels}
        object.__setattr__(self, "_normalised", normalised)

    @property
    def lowest(self) -> Level:
        """The lowest level."""
        return self.levels[0]

    @property
    def highest(self) -> Level:
        """The highest level."""
        return self.levels[-1]

    def level(self, level_id: str) -> Level:
        """Return the level with this id.

        Raises:
            KeyError: If the scale has no such level.
        """
        return self._by_id[level_id]

    def has_level(self, level_id: str) -> bool:
        """Say whether the scale has a level with this id."""
        return level_id in self._by_id

    def normalised(self, level_id: str) -> float:
        """The level's value mapped onto [0, 1]: ``(v - v_min) / (v_max - v_min)``.

        Raises:
            KeyError: If the scale has no such level.
        """
        return self._normalised[level_id]

    def normalised_values(self) -> dict[str, float]:
        """Every level's normalised value by level id, lowest first (a new dict each call)."""
        return dict(self._normalised)

    def band(self, score: float) -> Level:
        """The level whose normalised value is nearest ``score``; ties go to the higher.

        Args:
            score: A score in [0, 1].

        Returns:
            The nearest level.

        Raises:
            ValueError: If ``score`` is not a number in [0, 1].
        """
        if not (isinstance(score, (int, float)) and 0.0 <= score <= 1.0):
            raise ValueError(f"a score must be a number from 0 to 1; got {excerpt(score)}")
        best = self.levels[0]
        best_distance = math.inf
        for level in self.levels:
            distance = abs(self._normalised[level.id] - score)
            # Levels go up, so "<=" with a tolerance lets an exact tie go to the higher.
            if distance <= best_distance + 1e-12:
                best, best_distance = level, min(distance, best_distance)
        return best

    def names(self) -> str:
        """The level names joined for a sentence: "Emerging, Developing or Embedded"."""
        names = [level.name for level in self.levels]
        return ", ".join(names[:-1]) + " or " + names[-1]


@attrs.frozen
class Criterion:
    """One thing an organisation is rated on.

    Attributes:
        id: Stable identifier, unique within its framework.
        text: The criterion, in the source's own words.
        guidance: Further guidance for whoever fills it in.
        examples: Examples of practice (the "e.g." text of the source).
        weight: Its weight in scores (default 1; must be positive).
        wording: The text and examples worded for viewpoints (fields ``text``
            and ``examples[i]``), beside the source's words.
        library_authored: Which of ``text``, ``guidance`` and ``examples[i]`` are
            this library's words rather than the source's.
    """

    id: str = attrs.field(validator=slug)
    text: str = attrs.field(validator=non_blank)
    guidance: str | None = None
    examples: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    weight: float = attrs.field(default=1.0, converter=float)
    wording: tuple[ViewpointWording, ...] = attrs.field(default=(), converter=to_wordings)
    library_authored: tuple[str, ...] = attrs.field(default=(), converter=to_field_names)

    def __attrs_post_init__(self) -> None:
        owner = f"criterion {self.id!r}"
        examples = {f"examples[{index}]": example for index, example in enumerate(self.examples)}
        check_wordings(owner, self.wording, {"text": self.text, **examples})
        texts = {"text": self.text, "guidance": self.guidance, **examples}
        check_field_names(owner, self.library_authored, _with_text(texts))

    @weight.validator
    def _ensure_weight(self, attribute: attrs.Attribute[float], value: float) -> None:
        if not (math.isfinite(value) and value > 0):
            raise ValueError(f"criterion {excerpt(self.id)} must have a positive weight; got {excerpt(value)}")


@attrs.frozen
class Section:
    """A quality standard: a titled group of criteria.

    Attributes:
        id: Stable identifier.
        title: Its title, such as "Shared values".
        criteria: Its criteria, in order.
        headline: A short line saying what it is about.
        summary: The standard itself, in the source's words.
        wording: The headline and summary worded for viewpoints.
        library_authored: Which of ``title``, ``headline`` and ``summary`` are
            this library's words rather than the source's.
    """

    id: str = attrs.field(validator=slug)
    title: str = attrs.field(validator=non_blank)
    criteria: tuple[Criterion, ...] = attrs.field(converter=to_tuple)
    headline: str | None = None
    summary: str | None = None
    wording: tuple[ViewpointWording, ...] = attrs.field(default=(), converter=to_wordings)
    library_authored: tuple[str, ...] = attrs.field(default=(), converter=to_field_names)

    def __attrs_post_init__(self) -> None:
        if not self.criteria:
            raise ValueError(f"section {excerpt(self.id)} needs at least one criterion")
        owner = f"section {self.id!r}"
        check_wordings(owner, self.wording, _texts(self, ("headline", "summary")))
        check_field_names(owner, self.library_authored, _with_text(_texts(self, ("title", "headline", "summary"))))


@attrs.frozen
class Framework:
    """A versioned set of quality standards rated on one scale.

    Attributes:
        id: Stable identifier, such as ``worcestershire-seven-quality-standards``.
        version: The framework's version; audits name the version they answer.
        title: Display title.
        scale: The rating scale.
        sections: The sections (quality standards), in order.
        description: What it is and who fills it in.
        allows_not_applicable: Whether a criterion may be marked "not applicable".
        fields: Which free-text columns an audit fills in beside the rating.
        evidence_prompt: The question asked for evidence, where the source has one.
        source: Who published it.
        wording: The description and evidence prompt worded for viewpoints.
        library_authored: Which of ``title``, ``description`` and ``evidence_prompt``
            are this library's words rather than the source's.

    Raises:
        ValueError: On construction, if two sections or two criteria share an id,
            or a wording or mark names a text the framework does not have.
    """

    id: str = attrs.field(validator=slug)
    version: str = attrs.field(validator=non_blank)
    title: str = attrs.field(validator=non_blank)
    scale: RatingScale
    sections: tuple[Section, ...] = attrs.field(converter=to_tuple)
    description: str = ""
    allows_not_applicable: bool = False
    fields: tuple[Field, ...] = attrs.field(
        default=(Field.EVIDENCE, Field.REQUIRED_ACTIONS, Field.NEXT_STEPS),
        converter=_to_fields,
    )
    evidence_prompt: str | None = None
    source: Source | None = None
    wording: tuple[ViewpointWording, ...] = attrs.field(default=(), converter=to_wordings)
    library_authored: tuple[str, ...] = attrs.field(default=(), converter=to_field_names)
    _index: dict[str, tuple[Section, Criterion]] = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        if not self.sections:
            raise ValueError(f"framework {excerpt(self.id)} needs at least one section")
        unique("sections", (section.id for section in self.sections))
        unique("criteria", (c.id for section in self.sections for c in section.criteria))
        unique("fields", (field.value for field in self.fields))
        owner = f"framework {self.id!r}"
        check_wordings(owner, self.wording, _texts(self, ("description", "evidence_prompt")))
        texts = _texts(self, ("title", "description", "evidence_prompt"))
        check_field_names(owner, self.library_authored, _with_text(texts))
        index = {c.id: (section, c) for section in self.sections for c in section.criteria}
        object.__setattr__(self, "_index", index)

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        """Every criterion, in framework order."""
        return tuple(criterion for _, criterion in self._index.values())

    def criterion(self, criterion_id: str) -> Criterion:
        """Return the criterion with this id.

        Raises:
            KeyError: If the framework has no such criterion.
        """
        return self._index[criterion_id][1]

    def section_of(self, criterion_id: str) -> Section:
        """Return the section holding a criterion.

        Raises:
            KeyError: If the framework has no such criterion.
        """
        return self._index[criterion_id][0]

    def has_criterion(self, criterion_id: str) -> bool:
        """Say whether the framework has a criterion with this id."""
        return criterion_id in self._index

    @property
    def label(self) -> str:
        """Title and version, for messages: "Worcestershire ... (version 1)"."""
        return f"{self.title} (version {self.version})"
