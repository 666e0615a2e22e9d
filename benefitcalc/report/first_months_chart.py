"""The first months' chart: money in by week, wages and each benefit stacked, as shapes in millimetres.

Drawn by both renderers like :mod:`benefitcalc.report.chart` (whose series styles it shares, so pay
and each benefit look the same as on page one). Weeks in a tight period sit on a shaded band with the
word "Tight" above it, so the marking survives a greyscale print and reads without colour; the first
day of work is a dashed line labelled "Job starts".
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from benefitcalc.report.chart import (
    BLACK,
    BODY_PT,
    GRID,
    PT_MM,
    Chart,
    Line,
    Rect,
    Shape,
    Style,
    Text,
    nice_step,
    styles,
    text_width,
)
from benefitcalc.report.first_months import FirstMonths, WeekBar
from benefitcalc.report.model import Series
from benefitcalc.report.words import pounds

TIGHT = "tight"
TIGHT_STYLE = Style((253, 226, 214), BLACK)  # a pale band; the word "Tight" marks it as well
TIGHT_LABEL = "A tight period: less comes in than goes out"


def week_label(day: dt.date) -> str:
    return f"{day.day} {day:%b}"


def _bands(weeks: tuple[WeekBar, ...]) -> list[tuple[int, int]]:
    """Runs of consecutive tight weeks, as (first index, last index)."""
    out: list[tuple[int, int]] = []
    for i, week in enumerate(weeks):
        if not week.tight:
            continue
        if out and out[-1][1] == i - 1:
            out[-1] = (out[-1][0], i)
        else:
            out.append((i, i))
    return out


def _x_labels(weeks: tuple[WeekBar, ...], centres: list[float]) -> list[tuple[float, str]]:
    """The date under the first week of each month (and the first week shown), where it has room."""
    out: list[tuple[float, str]] = []
    last_right = -1e9
    for i, (week, cx) in enumerate(zip(weeks, centres, strict=True)):
        if i and week.start.month == weeks[i - 1].start.month:
            continue
        label = week_label(week.start)
        w = text_width(label, BODY_PT)
        if cx - w / 2 < last_right + 1.5:
            continue
        out.append((cx, label))
        last_right = cx + w / 2
    return out


def layout(page: FirstMonths, width: float = 174.0, height: float = 88.0) -> Chart:
    """Stacked weekly bars with a grid, dates under the bars, tight bands and the job's start."""
    weeks = page.weeks
    look = styles(page.series)
    look[TIGHT] = TIGHT_STYLE
    shapes: list[Shape] = []
    peak = max([w.total for w in weeks] + [Decimal(1)])
    step = nice_step(peak * Decimal("1.1"))
    y_max = ((peak * Decimal("1.1")) / step).to_integral_value(rounding="ROUND_CEILING") * step
    x0 = text_width(pounds(y_max), BODY_PT) + 3.0
    x1 = width - 1.0
    y0 = 15.0  # room above the plot: "Job starts" on the top row, "Tight" under it
    y1 = height - 14.0  # room for the dates and the axis title

    def y_of(value: Decimal) -> float:
        return y1 - float(value / y_max) * (y1 - y0)

    n = max(len(weeks), 1)
    slot = (x1 - x0) / n
    bar_w = max(1.0, slot * 0.7)
    centres = [x0 + slot * (i + 0.5) for i in range(len(weeks))]

    for first, last in _bands(weeks):  # behind everything
        left, right = x0 + slot * first, x0 + slot * (last + 1)
        shapes.append(Rect(left, y0 - 1, right - left, y1 - y0 + 1, TIGHT_STYLE.fill, "", None))
        shapes.append(Text((left + right) / 2, y0 - 2.5, "Tight", BODY_PT, bold=True, align="C"))

    value = Decimal(0)
    while value <= y_max:
        y = y_of(value)
        shapes.append(Line(x0, y, x1, y, GRID if value else BLACK, 0.2 if value else 0.4))
        shapes.append(Text(x0 - 1.5, y + BODY_PT * PT_MM * 0.35, pounds(value), BODY_PT, align="R"))
        value += step

    if weeks:
        days = (page.start_date - weeks[0].start).days
        x_start = x0 + slot * (days / 7)
        if x0 <= x_start <= x1:
            shapes.append(Line(x_start, 1.0, x_start, y1, BLACK, 0.5, (1.6, 1.2)))
            label_w = text_width("Job starts", BODY_PT)
            anchor = "L" if x_start + label_w + 1 < x1 else "R"
            shapes.append(Text(x_start + (1.8 if anchor == "L" else -1.8), 4.8, "Job starts", BODY_PT, align=anchor))

    for week, cx in zip(weeks, centres):
        base = Decimal(0)
        for key, amount in week.stack:
            style = look[key]
            top, bottom = y_of(base + amount), y_of(base)
            shapes.append(Rect(cx - bar_w / 2, top, bar_w, bottom - top, style.fill, style.hatch, BLACK, 0.2))
            base += amount

    for cx, label in _x_labels(weeks, centres):
        shapes.append(Line(cx, y1, cx, y1 + 1.5, BLACK, 0.3))
        shapes.append(Text(cx, y1 + 5.5, label, BODY_PT, align="C"))
    shapes.append(Text((x0 + x1) / 2, y1 + 11.5, "Week starting", BODY_PT, align="C"))
    shapes.append(Line(x0, y0 - 1, x0, y1, BLACK, 0.4))
    legend = tuple((key, Series.label(key)) for key in page.series)
    if any(w.tight for w in weeks):
        legend += ((TIGHT, TIGHT_LABEL),)
    return Chart(width, height, tuple(shapes), legend, look)
