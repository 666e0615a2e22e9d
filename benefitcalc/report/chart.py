"""The chart of weekly income against hours, as shapes in millimetres (origin top left, y down).

One layout, two renderers: :mod:`benefitcalc.report.pdf` draws the shapes with fpdf2 and
:mod:`benefitcalc.report.html` writes them as SVG, so the printed and the web chart match.

Readable in greyscale: pay and each main benefit is its own series (registry ``chart``), the rest
"other benefits"; the series differ in lightness and the lighter ones each have a hatching of their
own (:data:`BENEFIT_STYLES`); every segment has a black outline; amounts are written on the bars; cliff
edges are numbered badges on dashed lines, explained in words under the chart.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from msgspec import Struct

from benefitcalc.report.model import Marker, Option, Series
from benefitcalc.report.words import hours_text, pounds


class Style(Struct, frozen=True):
    """How one series is drawn: a fill, the colour of an amount written on it, and a hatching
    pattern (``""`` none, ``"/"``, ``"\\"``, ``"x"``, ``"-"`` or ``"|"``)."""

    fill: tuple[int, int, int]
    text: tuple[int, int, int]
    hatch: str = ""


WHITE = (255, 255, 255)
# Pay is darkest; the main benefits follow in the order present, then the rest. Fills step in
# lightness (navy, mid blue, light amber) and the lighter ones add a hatching of their own, so a
# greyscale print keeps every series apart; text on each has a contrast ratio of at least 4.5:1.
PAY_STYLE = Style((27, 47, 90), WHITE)
BENEFIT_STYLES: tuple[Style, ...] = (
    Style((92, 143, 199), (0, 0, 0)),  # mid blue
    Style((244, 194, 107), (0, 0, 0)),  # light amber
    Style((205, 205, 205), (0, 0, 0), "\\"),  # light grey, hatched down to the right
    Style(WHITE, (0, 0, 0), "x"),  # white, cross-hatched
    Style((176, 214, 164), (0, 0, 0), "-"),  # pale green, lined across
    Style((236, 200, 214), (0, 0, 0), "|"),  # pale pink, lined up and down
)
OTHER_STYLE = Style(WHITE, (0, 0, 0), "/")  # white, hatched up to the right


def styles(series: Sequence[str]) -> dict[str, Style]:
    """The style of each series present, in stacking order (a benefit's style follows its place)."""
    out: dict[str, Style] = {}
    benefits = [key for key in series if key not in (Series.PAY, Series.OTHER)]
    for key in series:
        if key == Series.PAY:
            out[key] = PAY_STYLE
        elif key == Series.OTHER:
            out[key] = OTHER_STYLE
        else:
            out[key] = BENEFIT_STYLES[benefits.index(key) % len(BENEFIT_STYLES)]
    return out


BLACK = (0, 0, 0)
GRID = (150, 150, 150)
INK = (20, 20, 20)

BODY_PT = 12.0
SMALL_PT = 10.0  # smallest size a label may shrink to before it is left off (the table has it)
PT_MM = 25.4 / 72


class Rect(Struct, frozen=True):
    x: float
    y: float
    w: float
    h: float
    fill: tuple[int, int, int]
    hatch: str = ""  # a Style's pattern
    stroke: tuple[int, int, int] | None = BLACK
    stroke_width: float = 0.3


class Line(Struct, frozen=True):
    x1: float
    y1: float
    x2: float
    y2: float
    color: tuple[int, int, int] = BLACK
    width: float = 0.3
    dash: tuple[float, float] | None = None


class Text(Struct, frozen=True):
    x: float  # anchor: left, centre or right edge per ``align``
    y: float  # baseline
    text: str
    size: float = BODY_PT
    bold: bool = False
    align: str = "L"  # L | C | R
    color: tuple[int, int, int] = INK


class Badge(Struct, frozen=True):
    """A numbered circle marking a cliff edge."""

    cx: float
    cy: float
    r: float
    label: str


Shape = Rect | Line | Text | Badge


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in mm of ``text`` in Helvetica at ``size`` points (the PDF's font; close to Arial on screen)."""
    from fpdf.fonts import CORE_FONTS_CHARWIDTHS

    widths = CORE_FONTS_CHARWIDTHS["helveticaB" if bold else "helvetica"]
    return sum(widths.get(ch, 556) for ch in text) / 1000 * size * PT_MM


def nice_step(top: Decimal) -> Decimal:
    """A round grid step giving about four to eight lines up to ``top``."""
    for step in (Decimal(x) for x in (10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000)):
        if top / step <= 7:
            return step
    return Decimal(20000)


class Chart(Struct, frozen=True):
    width: float
    height: float
    shapes: tuple[Shape, ...]
    legend: tuple[tuple[str, str], ...]  # (series key, label)
    styles: dict[str, Style]


def _segments(
    option: Option, cx: float, bar_w: float, y_of: Callable[[Decimal], float], look: dict[str, Style]
) -> tuple[list[Shape], Decimal]:
    """One bar: a block for each series, bottom to top, each with its amount where it fits; and the top."""
    shapes: list[Shape] = []
    base = Decimal(0)
    left = cx - bar_w / 2
    for key in Series.ORDER:
        amount = option.stack.get(key, Decimal(0))
        if amount <= 0:
            continue
        style = look[key]
        top, bottom = y_of(base + amount), y_of(base)
        shapes.append(Rect(left, top, bar_w, bottom - top, style.fill, style.hatch))
        label = pounds(amount)
        size = BODY_PT
        while size > SMALL_PT and text_width(label, size) > bar_w - 1.5:
            size -= 1
        if bottom - top >= size * PT_MM + 1.6 and text_width(label, size) <= bar_w - 1.0:
            if style.hatch:  # a plain patch behind the amount, so the hatching does not cross it
                tw, th = text_width(label, size) + 1.6, size * PT_MM + 0.6
                shapes.append(Rect(cx - tw / 2, (top + bottom) / 2 - th / 2, tw, th, style.fill, "", None))
            shapes.append(Text(cx, (top + bottom) / 2 + size * PT_MM * 0.35, label, size, align="C", color=style.text))
        base += amount
    return shapes, base


def layout(
    options: Sequence[Option],
    markers: Sequence[Marker],
    series: Sequence[str],
    width: float = 174.0,
    height: float = 100.0,
) -> Chart:
    """Stacked bars, one per hours option, with grid, axes, amounts, and cliff badges."""
    shapes: list[Shape] = []
    look = styles(series)
    top_band = 14.0 if markers else 4.0
    label_w = max(text_width(pounds(0), BODY_PT), 4.0)
    totals = [o.total_in for o in options]
    peak = max(totals + [Decimal(1)])
    step = nice_step(peak * Decimal("1.12"))
    y_max = ((peak * Decimal("1.12")) / step).to_integral_value(rounding="ROUND_CEILING") * step
    label_w = max(text_width(pounds(y_max), BODY_PT), label_w)
    x0 = label_w + 3.0
    x1 = width - 1.0
    y0 = top_band + 2.0
    y1 = height - 15.0  # room for the hours under the bars and the axis title

    def y_of(value: Decimal) -> float:
        return y1 - float(value / y_max) * (y1 - y0)

    # Grid and y labels.
    value = Decimal(0)
    while value <= y_max:
        y = y_of(value)
        shapes.append(Line(x0, y, x1, y, GRID if value else BLACK, 0.2 if value else 0.4))
        shapes.append(Text(x0 - 1.5, y + BODY_PT * PT_MM * 0.35, pounds(value), BODY_PT, align="R"))
        value += step

    n = len(options)
    slot = (x1 - x0) / n
    bar_w = min(24.0, slot * 0.62)
    centres = [x0 + slot * (i + 0.5) for i in range(n)]

    def x_of_hours(h: Decimal) -> float:
        hours = [o.hours for o in options]
        if h <= hours[0]:
            return centres[0]
        for (a, ca), (b, cb) in zip(zip(hours, centres), zip(hours[1:], centres[1:])):
            if a <= h <= b:
                return ca + (cb - ca) * float((h - a) / (b - a)) if b != a else ca
        return centres[-1]

    # Cliff-edge lines first, so the bars sit over them. Each line stands at its hours; the badges
    # sit in a row above the plot, pushed apart so none overlaps, joined to their lines by a leader.
    r = 3.6
    badges: list[Badge] = []
    placed: list[tuple[float, Marker]] = []
    for marker in markers:
        if marker.hours is not None:
            x = x_of_hours(marker.hours)
        else:
            x = (x_of_hours(marker.after) + x_of_hours(marker.before)) / 2  # type: ignore[arg-type]
        placed.append((x, marker))
    placed.sort(key=lambda item: item[0])
    spots: list[float] = []
    for x, marker in placed:
        half = max(r, text_width(str(marker.number), BODY_PT, True) / 2 + 1.2)
        spot = max(x, (spots[-1] + 2 * half + 1.5) if spots else x)
        spots.append(spot)
    overflow = (spots[-1] + r + 0.5 - x1) if spots else 0
    if overflow > 0:  # shift the whole row left, keeping the gaps
        spots = [s - overflow for s in spots]
    knee = r * 2 + 3.0
    for (x, marker), spot in zip(placed, spots):
        shapes.append(Line(spot, r * 2 + 0.5, x, knee, BLACK, 0.5))
        shapes.append(Line(x, knee, x, y1, BLACK, 0.5, (1.6, 1.2)))
        badges.append(Badge(spot, r + 0.5, r, str(marker.number)))

    for option, cx in zip(options, centres):
        segments, base = _segments(option, cx, bar_w, y_of, look)
        shapes.extend(segments)
        total = pounds(option.total_in)
        tw = text_width(total, BODY_PT, True) + 1.6
        shapes.append(
            Rect(
                cx - tw / 2,
                y_of(base) - 1.5 - BODY_PT * PT_MM * 0.85,
                tw,
                BODY_PT * PT_MM * 1.05,
                (255, 255, 255),
                "",
                None,
            )
        )
        shapes.append(Text(cx, y_of(base) - 1.5, total, BODY_PT, bold=True, align="C"))
        shapes.append(Text(cx, y1 + 5.5, hours_text(option.hours), BODY_PT, bold=option.is_headline, align="C"))
    shapes.append(Text((x0 + x1) / 2, y1 + 12.0, "Hours of work a week", BODY_PT, align="C"))
    shapes.append(Line(x0, y0 - 1, x0, y1, BLACK, 0.4))
    shapes.extend(badges)
    legend = tuple((key, Series.label(key)) for key in series)
    return Chart(width, height, tuple(shapes), legend, look)


def hatch_lines(
    x: float, y: float, w: float, h: float, pattern: str = "/", gap: float = 1.8
) -> list[tuple[float, float, float, float]]:
    """The lines of a hatching ``pattern`` that fill the rectangle, clipped to it."""
    out: list[tuple[float, float, float, float]] = []
    if pattern == "x":
        return hatch_lines(x, y, w, h, "/", gap) + hatch_lines(x, y, w, h, "\\", gap)
    if pattern == "-":
        return [(x, y + i * gap, x + w, y + i * gap) for i in range(1, int(h / gap) + 1) if i * gap < h]
    if pattern == "|":
        return [(x + i * gap, y, x + i * gap, y + h) for i in range(1, int(w / gap) + 1) if i * gap < w]
    c = -h
    while c < w:
        # A 45-degree line from (x + c, bottom) to (x + c + h, top), clipped to the box; "\\" mirrors it.
        x_start, y_start = x + c, y + h
        x_end, y_end = x + c + h, y
        if x_start < x:
            y_start -= x - x_start
            x_start = x
        if x_end > x + w:
            y_end += x_end - (x + w)
            x_end = x + w
        if x_end > x_start:
            if pattern == "\\":
                out.append((x_start, 2 * y + h - y_start, x_end, 2 * y + h - y_end))
            else:
                out.append((x_start, y_start, x_end, y_end))
        c += gap
    return out
