"""Bar charts drawn as inline SVG: geometry here, markup (escaped) in ``templates/chart.html.j2``.

Every chart has a title and a description that states its figures, and tells
its series apart by pattern as well as by colour, so it reads in greyscale,
in print and to a screen reader.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "PATTERNS",
    "Bar",
    "Chart",
    "Group",
    "Segment",
    "Series",
    "Stack",
    "StackedChart",
    "bar_chart",
    "stacked_chart",
]

WIDTH = 320
"""The chart's width in SVG units; it scales to the width of the page."""
_BAR_AREA = 240
_LABEL = 24
_BAR = 22
_GAP = 4
_AFTER_GROUP = 12
_LABEL_CHARACTERS = 38  # a bold 16-unit label line that still fits the chart's width

PATTERNS = ("solid", "stripes", "dots", "checks")
"""The fills series are drawn with, in order: each a pattern as well as a colour."""


@dataclass(frozen=True)
class Series:
    """One series of a chart: its name and the pattern its bars are drawn with."""

    name: str
    pattern: str


@dataclass(frozen=True)
class Bar:
    """One bar, placed: its top, its width, the text beside it."""

    y: float
    width: float
    text: str
    pattern: str


@dataclass(frozen=True)
class Group:
    """One group of bars under a label (a quality standard, an answer ...)."""

    label: str
    label_y: float
    bars: tuple[Bar, ...]

    @property
    def label_lines(self) -> tuple[str, ...]:
        """The label on as many lines as it needs to fit the chart's width."""
        return label_lines(self.label)


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart, placed and ready to draw."""

    id: str
    title: str
    description: str
    series: tuple[Series, ...]
    groups: tuple[Group, ...]
    width: int
    height: float
    bar_height: int
    label_height: int = _LABEL


def label_lines(label: str) -> tuple[str, ...]:
    """A label split into lines that fit the chart's width (a long one would be cut off at its edge)."""
    return tuple(textwrap.wrap(label, _LABEL_CHARACTERS, break_on_hyphens=False)) or (label,)


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    series: Sequence[str],
    groups: Sequence[tuple[str, Sequence[tuple[float | None, str]]]],
    *,
    maximum: float = 1.0,
) -> Chart:
    """Place a horizontal bar chart: each group's label on its own line, its bars below it.

    Args:
        chart_id: A unique, fixed id (never free text): the SVG's parts are named after it.
        title: A short title, the chart's accessible name.
        description: The figures in words, the chart's accessible description.
        series: The series' names, one per bar of each group.
        groups: Each group's label and its bars as (value, text beside the bar);
            a value of None draws no bar (the text says why).
        maximum: The value a full-length bar stands for.
    """
    named = tuple(Series(name, PATTERNS[index % len(PATTERNS)]) for index, name in enumerate(series))
    placed = []
    y = 0.0
    for label, values in groups:
        label_y = y + _LABEL - 6
        y += _LABEL * len(label_lines(label))
        bars = []
        for (value, text), serie in zip(values, named, strict=True):
            share = 0.0 if value is None or maximum <= 0 else max(0.0, min(1.0, value / maximum))
            bars.append(Bar(y=y, width=round(share * _BAR_AREA, 1), text=text, pattern=serie.pattern))
            y += _BAR + _GAP
        placed.append(Group(label=label, label_y=label_y, bars=tuple(bars)))
        y += _AFTER_GROUP
    return Chart(
        id=chart_id,
        title=title,
        description=description,
        series=named,
        groups=tuple(placed),
        width=WIDTH,
        height=y,
        bar_height=_BAR,
    )


@dataclass(frozen=True)
class Segment:
    """One part of a stacked bar: where it starts, how wide it is, the pattern it is drawn with."""

    x: float
    width: float
    pattern: str


@dataclass(frozen=True)
class Stack:
    """One stacked bar under its label, with the text below it that gives its figures."""

    label: str
    label_y: float
    y: float
    segments: tuple[Segment, ...]
    text: str
    text_y: float

    @property
    def label_lines(self) -> tuple[str, ...]:
        """The label on as many lines as it needs to fit the chart's width."""
        return label_lines(self.label)


@dataclass(frozen=True)
class StackedChart:
    """Horizontal stacked bars, each the whole of a group's answers split by series, placed and ready to draw."""

    id: str
    title: str
    description: str
    series: tuple[Series, ...]
    stacks: tuple[Stack, ...]
    width: int
    height: float
    bar_height: int
    label_height: int = _LABEL


def stacked_chart(
    chart_id: str,
    title: str,
    description: str,
    series: Sequence[str],
    groups: Sequence[tuple[str, Sequence[int], str]],
) -> StackedChart:
    """Place stacked bars: each group's label on its own line, its bar (the full width is all its answers) below.

    Args:
        chart_id: A unique, fixed id (never free text): the SVG's parts are named after it.
        title: A short title, the chart's accessible name.
        description: The figures in words, the chart's accessible description.
        series: The series' names (the answers), in the order their parts are stacked.
        groups: Each group's label, its count for each series, and the text under its bar;
            a group with no answers draws no bar (the text says so).
    """
    named = tuple(Series(name, PATTERNS[index % len(PATTERNS)]) for index, name in enumerate(series))
    stacks = []
    y = 0.0
    for label, counts, text in groups:
        total = sum(counts)
        label_y = y + _LABEL - 6
        y += _LABEL * len(label_lines(label))
        segments, x = [], 0.0
        for count, serie in zip(counts, named, strict=True):
            width = 0.0 if total == 0 else round(count / total * WIDTH, 1)
            if width > 0:
                segments.append(Segment(x=x, width=min(width, WIDTH - x), pattern=serie.pattern))
            x += width
        stacks.append(
            Stack(label=label, label_y=label_y, y=y, segments=tuple(segments), text=text, text_y=y + _BAR + _LABEL - 6)
        )
        y += _BAR + _LABEL + _AFTER_GROUP
    return StackedChart(
        id=chart_id,
        title=title,
        description=description,
        series=named,
        stacks=tuple(stacks),
        width=WIDTH,
        height=y,
        bar_height=_BAR,
    )
