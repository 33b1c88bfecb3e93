"""Pictures for reports, drawn as PNG in pure Python.

Pillow would draw nicer text, but it is a large compiled dependency for two
simple pictures, and its text rendering varies with the fonts installed. These
pictures need only rectangles and digits, so a small palette-PNG writer (zlib
and struct from the standard library) and a 3-by-5 pixel digit font draw them
the same everywhere, quickly. Words stay in the document, beside the picture
and in its alternative text, where screen readers and translation tools can
use them.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence

__all__ = ["PATTERNS", "Canvas", "grouped_chart", "ladder_chart", "section_chart"]

_WHITE, _INK, _GRID, _BAR, _PALE = 0, 1, 2, 3, 4
_PALETTE = bytes((255, 255, 255, 26, 26, 26, 191, 191, 191, 31, 56, 100, 217, 226, 243))

_GLYPHS = {
    "0": ("111", "101", "101", "101", "111"),
    "1": ("010", "110", "010", "010", "111"),
    "2": ("111", "001", "111", "100", "111"),
    "3": ("111", "001", "111", "001", "111"),
    "4": ("101", "101", "111", "001", "001"),
    "5": ("111", "100", "111", "001", "111"),
    "6": ("111", "100", "111", "101", "111"),
    "7": ("111", "001", "001", "001", "001"),
    "8": ("111", "101", "111", "101", "111"),
    "9": ("111", "101", "111", "001", "111"),
    "%": ("101", "001", "010", "100", "101"),
    "-": ("000", "000", "111", "000", "000"),
}


class Canvas:
    """A palette image: white background, dark ink, grey, navy and pale blue."""

    def __init__(self, width: int, height: int) -> None:
        self.width = width
        self.height = height
        self.rows = [bytearray(width) for _ in range(height)]

    def rect(self, x0: int, y0: int, x1: int, y1: int, colour: int) -> None:
        """Fill the rectangle [x0, x1) by [y0, y1), clipped to the canvas."""
        x0, x1 = max(0, x0), min(self.width, x1)
        if x1 <= x0:
            return
        span = bytes((colour,)) * (x1 - x0)
        for y in range(max(0, y0), min(self.height, y1)):
            self.rows[y][x0:x1] = span

    def outline(self, x0: int, y0: int, x1: int, y1: int, colour: int, thickness: int = 2) -> None:
        """Draw a rectangle's border."""
        self.rect(x0, y0, x1, y0 + thickness, colour)
        self.rect(x0, y1 - thickness, x1, y1, colour)
        self.rect(x0, y0, x0 + thickness, y1, colour)
        self.rect(x1 - thickness, y0, x1, y1, colour)

    def stripes(self, x0: int, y0: int, x1: int, y1: int, colour: int, spacing: int = 8, thickness: int = 3) -> None:
        """Fill the rectangle with diagonal stripes of ``colour`` on white."""
        x0, x1 = max(0, x0), min(self.width, x1)
        if x1 <= x0:
            return
        span = x1 - x0
        pattern = bytes(colour if index % spacing < thickness else _WHITE for index in range(span + spacing))
        for y in range(max(0, y0), min(self.height, y1)):
            phase = (x0 + y) % spacing
            self.rows[y][x0:x1] = pattern[phase : phase + span]

    def dots(self, x0: int, y0: int, x1: int, y1: int, colour: int, spacing: int = 6, size: int = 2) -> None:
        """Draw a grid of square dots of ``colour`` over the rectangle, leaving the rest as it is."""
        x0, x1 = max(0, x0), min(self.width, x1)
        for y in range(max(0, y0), min(self.height, y1)):
            if (y - y0) % spacing < size:
                row = self.rows[y]
                for x in range(x0 + 2, x1 - 2, spacing):
                    row[x : min(x + size, x1)] = bytes((colour,)) * (min(x + size, x1) - x)

    def write(self, x: int, y: int, value: str, scale: int = 3, colour: int = _INK) -> int:
        """Draw digits, "%" and "-" with the top-left corner at (x, y); return the x after the text."""
        for character in value:
            glyph = _GLYPHS.get(character)
            if glyph is not None:
                for row, bits in enumerate(glyph):
                    for column, bit in enumerate(bits):
                        if bit == "1":
                            self.rect(
                                x + column * scale,
                                y + row * scale,
                                x + (column + 1) * scale,
                                y + (row + 1) * scale,
                                colour,
                            )
            x += 4 * scale
        return x

    def png(self) -> bytes:
        """The image as PNG bytes (8-bit palette, no filtering)."""
        raw = b"".join(b"\x00" + bytes(row) for row in self.rows)
        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 3, 0, 0, 0)
        return (
            b"\x89PNG\r\n\x1a\n"
            + _chunk(b"IHDR", header)
            + _chunk(b"PLTE", _PALETTE)
            + _chunk(b"IDAT", zlib.compress(raw, 6))
            + _chunk(b"IEND", b"")
        )


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def section_chart(scores: Sequence[float | None]) -> tuple[bytes, int, int]:
    """A horizontal bar chart of section scores, numbered like the sections.

    Each bar is labelled with its section number on the left and its
    percentage on the right; a section with no score shows a dash. Grid lines
    mark 0, 25, 50, 75 and 100 per cent.

    Args:
        scores: Each section's score in [0, 1], or None, in section order.

    Returns:
        The PNG bytes, its width and its height in pixels.
    """
    left, bar_width, bar_height, gap, top = 70, 560, 30, 14, 12
    width = left + bar_width + 110
    height = top + len(scores) * (bar_height + gap) + 40
    canvas = Canvas(width, height)
    axis_bottom = top + len(scores) * (bar_height + gap)
    for quarter in range(5):
        x = left + bar_width * quarter // 4
        canvas.rect(x, top - 4, x + 2, axis_bottom, _GRID)
        label = f"{quarter * 25}%"
        label_width = len(label) * 8 - 2
        canvas.write(x - label_width // 2, axis_bottom + 10, label, scale=2)
    for index, value in enumerate(scores):
        y = top + index * (bar_height + gap)
        canvas.write(12, y + (bar_height - 15) // 2, str(index + 1))
        if value is None:
            canvas.write(left + 10, y + (bar_height - 15) // 2, "-")
            continue
        end = left + round(bar_width * value)
        canvas.rect(left, y, max(end, left + 2), y + bar_height, _BAR)
        canvas.write(max(end, left + 2) + 10, y + (bar_height - 15) // 2, f"{round(value * 100)}%")
    return canvas.png(), width, height


def ladder_chart(in_use: Sequence[bool]) -> tuple[bytes, int, int]:
    """A ladder, lowest rung at the bottom, with the rungs in use drawn solid.

    A rung in use is a thick navy bar with a filled square beside it; a rung
    not in use is a thin outline with an empty square, so the difference shows
    by shape as well as colour. Each rung carries its number.

    Args:
        in_use: For each rung, lowest first, whether it is practised now.

    Returns:
        The PNG bytes, its width and its height in pixels.
    """
    spacing, rail_left, rail_right, top = 46, 70, 330, 20
    width = 420
    height = top * 2 + len(in_use) * spacing
    canvas = Canvas(width, height)
    canvas.rect(rail_left - 8, top - 10, rail_left, height - top + 10, _INK)
    canvas.rect(rail_right, top - 10, rail_right + 8, height - top + 10, _INK)
    for index, used in enumerate(in_use):
        y = height - top - (index + 1) * spacing + spacing // 2
        canvas.write(12, y - 7, str(index + 1))
        if used:
            canvas.rect(rail_left, y - 9, rail_right, y + 9, _BAR)
            canvas.rect(rail_right + 30, y - 11, rail_right + 52, y + 11, _BAR)
        else:
            canvas.outline(rail_left, y - 5, rail_right, y + 5, _GRID, thickness=2)
            canvas.outline(rail_right + 30, y - 11, rail_right + 52, y + 11, _INK, thickness=2)
    return canvas.png(), width, height


PATTERNS = ("solid", "striped", "dotted", "outlined")
"""How the bars of each series of a grouped chart are drawn, in series order: words for captions."""


def _bar(canvas: Canvas, x0: int, y0: int, x1: int, y1: int, pattern: int) -> None:
    if pattern == 0:
        canvas.rect(x0, y0, x1, y1, _BAR)
    elif pattern == 1:
        canvas.stripes(x0, y0, x1, y1, _BAR)
        canvas.outline(x0, y0, x1, y1, _BAR)
    elif pattern == 2:
        canvas.rect(x0, y0, x1, y1, _PALE)
        canvas.dots(x0, y0 + 2, x1, y1 - 2, _INK)
        canvas.outline(x0, y0, x1, y1, _INK)
    else:
        canvas.rect(x0, y0, x1, y1, _WHITE)
        canvas.outline(x0, y0, x1, y1, _INK, thickness=3)


def grouped_chart(groups: Sequence[Sequence[float | None]]) -> tuple[bytes, int, int]:
    """Horizontal bars in numbered groups: one group per section, one bar per series.

    Each series is drawn in its own pattern (see :data:`PATTERNS`: solid,
    striped, dotted, outlined), so the series differ by shape and shade, never
    by colour alone; a fifth series would reuse the first pattern, so callers
    chart at most four. Each group carries its number on the left, each bar its
    percentage on the right; a series with no score shows a dash. Grid lines
    mark 0, 25, 50, 75 and 100 per cent.

    Args:
        groups: For each group, in order, each series' score in [0, 1] or None.

    Returns:
        The PNG bytes, its width and its height in pixels.
    """
    left, bar_width, bar_height, inner, gap, top = 70, 560, 22, 4, 18, 12
    width = left + bar_width + 110
    heights = [len(group) * (bar_height + inner) - inner for group in groups]
    axis_bottom = top + sum(heights) + gap * len(groups)
    height = axis_bottom + 40
    canvas = Canvas(width, height)
    for quarter in range(5):
        x = left + bar_width * quarter // 4
        canvas.rect(x, top - 4, x + 2, axis_bottom, _GRID)
        label = f"{quarter * 25}%"
        canvas.write(x - (len(label) * 8 - 2) // 2, axis_bottom + 10, label, scale=2)
    y = top
    for number, (group, group_height) in enumerate(zip(groups, heights, strict=True), start=1):
        canvas.write(12, y + (group_height - 15) // 2, str(number))
        for series, value in enumerate(group):
            bar_top = y + series * (bar_height + inner)
            middle = bar_top + (bar_height - 15) // 2
            if value is None:
                canvas.write(left + 10, middle, "-")
                continue
            end = max(left + 4, left + round(bar_width * value))
            _bar(canvas, left, bar_top, end, bar_top + bar_height, series % len(PATTERNS))
            canvas.write(end + 10, middle, f"{round(value * 100)}%")
        y += group_height + gap
    return canvas.png(), width, height
