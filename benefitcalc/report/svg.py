"""Chart shapes as SVG, for the HTML report: page one's chart (:mod:`benefitcalc.report.html`) and
the first months' (:mod:`benefitcalc.report.first_months_html`). The hatching patterns are defined
once, in page one's chart, and referred to by id."""

from __future__ import annotations

from html import escape

from benefitcalc.report.chart import PT_MM, Badge, Line, Rect, Text


def _rgb(color: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*color)


def _svg_shapes(shapes: tuple[object, ...]) -> list[str]:
    out = []
    for shape in shapes:
        if isinstance(shape, Rect):
            stroke = f' stroke="{_rgb(shape.stroke)}" stroke-width="{shape.stroke_width}"' if shape.stroke else ""
            out.append(
                f'<rect x="{shape.x:.2f}" y="{shape.y:.2f}" width="{shape.w:.2f}" height="{shape.h:.2f}" '
                f'fill="{_rgb(shape.fill)}"{stroke}/>'
            )
            if shape.hatch:
                out.append(
                    f'<rect x="{shape.x:.2f}" y="{shape.y:.2f}" width="{shape.w:.2f}" height="{shape.h:.2f}" '
                    f'fill="url(#{_PATTERN_IDS[shape.hatch]})"{stroke}/>'
                )
        elif isinstance(shape, Line):
            dash = f' stroke-dasharray="{shape.dash[0]} {shape.dash[1]}"' if shape.dash else ""
            out.append(
                f'<line x1="{shape.x1:.2f}" y1="{shape.y1:.2f}" x2="{shape.x2:.2f}" y2="{shape.y2:.2f}" '
                f'stroke="{_rgb(shape.color)}" stroke-width="{shape.width}"{dash}/>'
            )
        elif isinstance(shape, Text):
            anchor = {"L": "start", "C": "middle", "R": "end"}[shape.align]
            weight = ' font-weight="bold"' if shape.bold else ""
            out.append(
                f'<text x="{shape.x:.2f}" y="{shape.y:.2f}" font-size="{shape.size * PT_MM:.2f}" '
                f'text-anchor="{anchor}" fill="{_rgb(shape.color)}"{weight}>{escape(shape.text)}</text>'
            )
        elif isinstance(shape, Badge):
            out.append(
                f'<circle cx="{shape.cx:.2f}" cy="{shape.cy:.2f}" r="{shape.r:.2f}" '
                'fill="#fff" stroke="#000" stroke-width="0.5"/>'
            )
            out.append(
                f'<text x="{shape.cx:.2f}" y="{shape.cy + 12 * PT_MM * 0.35:.2f}" font-size="{12 * PT_MM:.2f}" '
                f'text-anchor="middle" font-weight="bold">{escape(shape.label)}</text>'
            )
    return out


_PATTERN_IDS = {"/": "hatch", "\\": "hatch-back", "x": "hatch-cross", "-": "hatch-across", "|": "hatch-up"}
_LINE = '<line x1="0" y1="0" x2="0" y2="1.8" stroke="#5a5a5a" stroke-width="0.5"/>'
_CROSS = '<line x1="0" y1="0" x2="1.8" y2="0" stroke="#5a5a5a" stroke-width="0.5"/>'
_HATCH_DEF = (
    "<defs>"
    + "".join(
        f'<pattern id="{pid}" patternUnits="userSpaceOnUse" width="1.8" height="1.8" '
        f'patternTransform="rotate({angle})">{_LINE}{_CROSS if cross else ""}</pattern>'
        for pid, angle, cross in (
            ("hatch", 45, False),
            ("hatch-back", -45, False),
            ("hatch-cross", 45, True),
            ("hatch-across", 90, False),
            ("hatch-up", 0, False),
        )
    )
    + "</defs>"
)
