"""Charts for reports, drawn by matplotlib with the fonts it ships.

Every chart is drawn with DejaVu Sans from matplotlib's own data folder, on
the Agg backend, through a ``Figure`` of its own (never pyplot's global
state), so the picture is the same on every machine whatever fonts it has.
The standards' names are on the axis and each bar carries its value; each
series has its own pattern as well as its own colour, so a chart printed in
black and white, or read by someone who does not see colour, still tells the
series apart. Words stay in the document too, beside the picture and in its
alternative text.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import matplotlib as mpl
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import fontManager

__all__ = ["FONT", "PATTERNS", "grouped_chart", "ladder_chart", "section_chart"]

_FONT_FILE = Path(mpl.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
fontManager.addfont(str(_FONT_FILE))
FONT = "DejaVu Sans"
"""The font every chart is drawn in: the copy matplotlib ships, so no system font is needed."""

_STYLE: dict[Any, Any] = {
    "font.family": FONT,
    "font.size": 9,
    "hatch.linewidth": 1.0,
    "svg.fonttype": "path",
    "axes.edgecolor": "#404040",
    "axes.linewidth": 0.8,
}
_DPI = 192
_SCREEN_DPI = 96  # the size the picture is placed at in the document: 96 pixels to the inch
_WIDTH_INCHES = 7.0
_INK = "#1a1a1a"
_GRID = "#bfbfbf"
_COLOURS = ("#1f3864", "#e69f00", "#009e73", "#cc79a7")
_HATCHES = ("", "///", "...", "xx")

PATTERNS = ("solid", "striped", "dotted", "cross-hatched")
"""How the bars of each series of a grouped chart are drawn, in series order: words for captions."""


def _label(number: int, name: str) -> str:
    return "\n".join(textwrap.wrap(f"{number}. {name}", 30)) or str(number)


def _png(figure: Figure) -> tuple[bytes, int, int]:
    FigureCanvasAgg(figure)
    width, height = (round(inches * _SCREEN_DPI) for inches in figure.get_size_inches())
    figure.set_size_inches(width / _SCREEN_DPI, height / _SCREEN_DPI)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=_DPI, metadata={"Software": None})
    return buffer.getvalue(), width, height


def _percent(value: float) -> str:
    return f"{round(value * 100)}%"


def _axes(figure: Figure, labels: list[str]) -> Axes:
    axes = figure.add_subplot()
    axes.set_xlim(0, 1.18)
    axes.set_xticks([0, 0.25, 0.5, 0.75, 1.0], ["0%", "25%", "50%", "75%", "100%"])
    axes.set_yticks(range(len(labels)), labels)
    axes.invert_yaxis()
    axes.grid(axis="x", color=_GRID, linewidth=0.6)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.tick_params(axis="y", length=0)
    return axes


def grouped_chart(
    names: Sequence[str], series: Sequence[str], groups: Sequence[Sequence[float | None]]
) -> tuple[bytes, int, int]:
    """Horizontal bars in groups: one group per section, one bar per series.

    Each series has its own colour and pattern (see :data:`PATTERNS`), named in
    the legend; each bar carries its percentage, and a series with no score
    says "no score". At most four series are told apart; a fifth would reuse
    the first pattern, so callers chart at most four.

    Args:
        names: The name of each group (a section's title), in order.
        series: The name of each series, in order, for the legend.
        groups: For each group, each series' score in [0, 1] or None.

    Returns:
        The PNG bytes, and its width and height in pixels at 96 to the inch.
    """
    count = max((len(group) for group in groups), default=1) or 1
    bar = 0.8 / count
    lines = sum(_label(n, name).count("\n") + 1 for n, name in enumerate(names, start=1))
    height = max(1.8, 0.75 + max(len(groups) * count * 0.26 + 0.12 * len(groups), lines * 0.17) + 0.3 * (count > 1))
    with mpl.rc_context(_STYLE):
        figure = Figure(figsize=(_WIDTH_INCHES, height), layout="constrained")
        axes = _axes(figure, [_label(n, name) for n, name in enumerate(names, start=1)])
        for index in range(count):
            offsets = [g - 0.4 + bar * (index + 0.5) for g in range(len(groups))]
            values = [group[index] if index < len(group) else None for group in groups]
            pattern = index % len(PATTERNS)
            bars = axes.barh(
                offsets,
                [value or 0 for value in values],
                height=bar * 0.92,
                color=_COLOURS[pattern] if pattern == 0 else "white",
                edgecolor=_COLOURS[pattern],
                hatch=_HATCHES[pattern],
                linewidth=1.2,
                label=series[index] if index < len(series) else None,
            )
            for rectangle, value in zip(bars, values, strict=True):
                text = "no score" if value is None else _percent(value)
                axes.text(
                    (value or 0) + 0.01,
                    rectangle.get_y() + rectangle.get_height() / 2,
                    text,
                    va="center",
                    ha="left",
                    color=_INK,
                    fontsize=8 if count > 1 else 9,
                )
        if count > 1 and series:
            figure.legend(loc="outside lower center", ncols=min(count, 2), frameon=False, handleheight=1.4)
        return _png(figure)


def section_chart(names: Sequence[str], scores: Sequence[float | None]) -> tuple[bytes, int, int]:
    """A horizontal bar chart of section scores, the sections' names on the axis.

    Args:
        names: Each section's title, in order.
        scores: Each section's score in [0, 1], or None, in section order.

    Returns:
        The PNG bytes, and its width and height in pixels at 96 to the inch.
    """
    return grouped_chart(names, [], [[value] for value in scores])


def ladder_chart(names: Sequence[str], in_use: Sequence[bool]) -> tuple[bytes, int, int]:
    """A ladder, lowest rung at the bottom, each rung named, those in use drawn solid.

    A rung in use is a solid navy bar saying "in use"; a rung not in use is a
    striped outline saying "not in use", so the difference shows by pattern
    and words as well as colour.

    Args:
        names: Each rung's name, lowest first.
        in_use: For each rung, lowest first, whether it is practised now.

    Returns:
        The PNG bytes, and its width and height in pixels at 96 to the inch.
    """
    labels = [_label(number, name) for number, name in enumerate(names, start=1)]
    lines = sum(label.count("\n") + 1 for label in labels)
    height = max(1.8, 0.5 + max(len(names) * 0.38, lines * 0.17))
    with mpl.rc_context(_STYLE):
        figure = Figure(figsize=(_WIDTH_INCHES, height), layout="constrained")
        axes = figure.add_subplot()
        positions = range(len(names))
        axes.barh(
            positions,
            [1] * len(names),
            height=0.6,
            color=[_COLOURS[0] if used else "white" for used in in_use],
            edgecolor=_COLOURS[0],
            hatch=[_HATCHES[0] if used else _HATCHES[1] for used in in_use],
            linewidth=1.2,
        )
        for position, used in zip(positions, in_use, strict=True):
            axes.text(
                0.5,
                position,
                "in use" if used else "not in use",
                va="center",
                ha="center",
                color="white" if used else _INK,
                fontweight="bold",
                bbox=None if used else {"facecolor": "white", "edgecolor": "none", "pad": 1.5},
            )
        axes.set_yticks(list(positions), labels)
        axes.set_xlim(0, 1)
        axes.set_xticks([])
        for side in ("top", "right", "bottom"):
            axes.spines[side].set_visible(False)
        axes.tick_params(axis="y", length=0)
        return _png(figure)
