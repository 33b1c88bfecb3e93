"""The spread of many respondents' answers as stacked bars, drawn with matplotlib.

One bar per statement, split by level: the share of respondents who chose
each level. Each level has its own hatch as well as its own colour, so the
picture reads in black and white and for people who do not tell the colours
apart. Only matplotlib's Agg backend and its bundled DejaVu Sans are used, and
the PNG carries no software or date metadata, so the same figures draw the
same bytes on every machine. The words and figures are also in the
picture's alternative text and in the table beside it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")  # before pyplot could choose another; Figure alone never draws on screen

from matplotlib.figure import Figure

__all__ = ["COLOURS", "HATCHES", "SpreadBar", "spread_chart"]

COLOURS = ("#1F3864", "#C55A11", "#2E7D32", "#7030A0", "#404040", "#B8860B")
"""One colour per level, lowest first (repeating)."""

HATCHES = ("", "//", "..", "xx", "--", "\\\\")
"""One hatch per level, lowest first (repeating): the first is solid."""

_DPI = 100
_FONT = "DejaVu Sans"


@dataclass(frozen=True)
class SpreadBar:
    """One statement's bar.

    Attributes:
        label: The short name under which it is drawn ("Statement 3").
        shares: The share of respondents at each level, lowest level first.
    """

    label: str
    shares: Sequence[float]


def spread_chart(bars: Sequence[SpreadBar], levels: Sequence[str]) -> tuple[bytes, int, int]:
    """Draw the stacked bars of a section's statements as a PNG.

    Args:
        bars: One bar per statement shown, top to bottom.
        levels: The level names, lowest first (the legend).

    Returns:
        The PNG bytes, its width and its height in pixels.
    """
    width = 8.0
    height = 1.3 + 0.45 * max(len(bars), 1)
    figure = Figure(figsize=(width, height), dpi=_DPI)
    axes = figure.add_subplot()
    labels = [bar.label for bar in bars]
    positions = list(range(len(bars)))
    left = [0.0] * len(bars)
    for index, name in enumerate(levels):
        values = [100 * (bar.shares[index] if index < len(bar.shares) else 0.0) for bar in bars]
        axes.barh(
            positions,
            values,
            left=left,
            height=0.6,
            color=COLOURS[index % len(COLOURS)],
            hatch=HATCHES[index % len(HATCHES)],
            edgecolor="white" if index % len(COLOURS) in (0, 3, 4) else "black",
            linewidth=0.6,
            label=name,
        )
        left = [start + value for start, value in zip(left, values, strict=True)]
    axes.set_yticks(positions, labels, fontfamily=_FONT, fontsize=9)
    axes.invert_yaxis()
    axes.set_xlim(0, 100)
    axes.set_xticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"], fontfamily=_FONT, fontsize=9)
    axes.set_xlabel("Share of respondents who rated the statement", fontfamily=_FONT, fontsize=9)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    figure.legend(
        loc="upper center",
        ncols=min(len(levels), 4),
        prop={"family": _FONT, "size": 9},
        frameon=False,
    )
    figure.tight_layout(rect=(0, 0, 1, 1 - 0.45 / height))
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=_DPI, metadata={"Software": None})
    return buffer.getvalue(), int(width * _DPI), round(height * _DPI)
