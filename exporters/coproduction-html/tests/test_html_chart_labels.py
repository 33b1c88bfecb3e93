"""A chart's labels fit its width: a long standard's name goes on two lines instead of being cut off."""

from __future__ import annotations

from coproduction_html._chart import bar_chart, label_lines, stacked_chart

LONG = "4. Involvement in decisions and recognition"


def test_a_long_label_is_split_into_lines_that_fit_and_keep_every_word() -> None:
    lines = label_lines(LONG)
    assert len(lines) == 2 and all(len(line) <= 38 for line in lines)
    assert " ".join(lines) == LONG
    assert label_lines("1. Shared values") == ("1. Shared values",)


def test_each_extra_line_makes_room_below_the_label() -> None:
    short = bar_chart("c", "t", "d", ["Score"], [("1. Shared values", [(0.5, "50%")])])
    long = bar_chart("c", "t", "d", ["Score"], [(LONG, [(0.5, "50%")])])
    assert long.height - short.height == long.label_height
    assert long.groups[0].bars[0].y - short.groups[0].bars[0].y == long.label_height
    stacked_short = stacked_chart("s", "t", "d", ["A", "B"], [("1. Shared values", [1, 2], "1 and 2")])
    stacked_long = stacked_chart("s", "t", "d", ["A", "B"], [(LONG, [1, 2], "1 and 2")])
    assert stacked_long.height - stacked_short.height == stacked_long.label_height
