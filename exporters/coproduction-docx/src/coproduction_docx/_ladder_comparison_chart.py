"""Two viewpoints on one ladder, drawn with matplotlib: the rungs top to bottom, what each view says of each.

Each rung is a row, the highest at the top, its name written beside it.
Each viewpoint is a column of boxes. "Doing" is a solid box in the
viewpoint's colour, "not doing" a striped outline and "not answered" a dotted
one, and every box says its state in words, so the picture reads in black
and white and for people who do not tell the colours apart. A rung the two
views see differently is marked in words at the end of its row.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import matplotlib as mpl
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from coproduction_docx._chart import _STYLE, _png

__all__ = ["ladder_comparison_chart"]

_COLOURS = ("#1f3864", "#9c4a00")
_HATCHES = {"doing": "", "not doing": "///", "not answered": "..."}
_INK = "#1a1a1a"
_WIDTH_INCHES = 7.0
_DIFFER = "seen differently"


def _name(number: int, name: str) -> str:
    return "\n".join(textwrap.wrap(f"{number}. {name}", 26)) or str(number)


def ladder_comparison_chart(
    rungs: Sequence[str], viewpoints: Sequence[str], states: Sequence[Sequence[str]]
) -> tuple[bytes, int, int]:
    """Draw the ladder with each viewpoint's "doing / not doing" on every rung.

    Args:
        rungs: Each rung's name, lowest first.
        viewpoints: The two viewpoints' names, for the column headings.
        states: For each viewpoint, for each rung (lowest first): "doing",
            "not doing" or "not answered", written in its box.

    Returns:
        The PNG bytes, and its width and height in pixels at 96 to the inch.
    """
    labels = [_name(number, name) for number, name in enumerate(rungs, start=1)]
    lines = sum(label.count("\n") + 1 for label in labels)
    height = max(2.2, 0.9 + max(len(rungs) * 0.42, lines * 0.17))
    top = len(rungs) - 1
    with mpl.rc_context(_STYLE):
        figure = Figure(figsize=(_WIDTH_INCHES, height), layout="constrained")
        axes = figure.add_subplot()
        for column, (viewpoint, said) in enumerate(zip(viewpoints, states, strict=True)):
            colour = _COLOURS[column % len(_COLOURS)]
            axes.text(column + 0.5, top + 0.75, "\n".join(textwrap.wrap(viewpoint, 22)), ha="center", va="bottom")
            for index, state in enumerate(said):
                row = index  # the lowest rung is row 0, at the bottom
                solid = state == "doing"
                axes.add_patch(
                    Rectangle(
                        (column + 0.06, row - 0.32),
                        0.88,
                        0.64,
                        facecolor=colour if solid else "white",
                        edgecolor=colour,
                        hatch=_HATCHES[state],
                        linewidth=1.2,
                    )
                )
                axes.text(
                    column + 0.5,
                    row,
                    state,
                    ha="center",
                    va="center",
                    color="white" if solid else _INK,
                    fontweight="bold",
                    bbox=None if solid else {"facecolor": "white", "edgecolor": "none", "pad": 1.5},
                )
        for index in range(len(rungs)):
            if len(states) == 2 and (states[0][index] == "doing") != (states[1][index] == "doing"):
                axes.text(len(viewpoints) + 0.08, index, _DIFFER, ha="left", va="center", color=_INK, style="italic")
        axes.set_xlim(0, len(viewpoints) + 0.9)
        axes.set_ylim(-0.6, top + 1.3)
        axes.set_yticks(list(range(len(rungs))), labels)
        axes.set_xticks([])
        for side in ("top", "right", "bottom", "left"):
            axes.spines[side].set_visible(False)
        axes.tick_params(axis="y", length=0)
        return _png(figure)
