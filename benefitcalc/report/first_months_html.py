"""The "Your first months in work" page in the HTML report: a section with its own headings, the weekly
chart as inline SVG with a title and a description in words, and the assessment periods as a table
with a caption, column headers and row headers.

The hatching patterns the SVG refers to are defined once, in page one's chart
(:mod:`benefitcalc.report.svg`), so no id is repeated in the document.
"""

from __future__ import annotations

from html import escape

from benefitcalc.report import first_months_chart
from benefitcalc.report.first_months import HEADERS, LAST_HEADING, FirstMonths, cells
from benefitcalc.report.svg import _PATTERN_IDS, _rgb, _svg_shapes

CSS = """
section.first-months { break-before: page; }
table.first-months td { text-align: left; white-space: normal; }
table.first-months tr.tight th, table.first-months tr.tight td { background: #fde2d6; font-weight: bold; }
table.first-months tr.before th, table.first-months tr.before td { background: #eee; }
"""


def _lines(text: str) -> str:
    return "<br>".join(escape(part) for part in text.split("\n"))


def _table(page: FirstMonths) -> str:
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in HEADERS)
    rows = []
    for line in page.lines:
        period, *rest = cells(line)
        cls = ' class="tight"' if line.tight else (' class="before"' if line.before_job else "")
        rows.append(
            f'<tr{cls}><th scope="row">{_lines(period)}</th>' + "".join(f"<td>{_lines(c)}</td>" for c in rest) + "</tr>"
        )
    return (
        '<table class="first-months"><caption>One row for each assessment period</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _chart(page: FirstMonths) -> str:
    chart = first_months_chart.layout(page)
    body = "\n".join(_svg_shapes(chart.shapes))
    items = []
    for key, label in chart.legend:
        look = chart.styles[key]
        hatch = (
            f'<rect x="0.5" y="0.5" width="21" height="12" fill="url(#{_PATTERN_IDS[look.hatch]})" stroke="#000"/>'
            if look.hatch
            else ""
        )
        items.append(
            '<li><svg viewBox="0 0 22 13" aria-hidden="true" focusable="false">'
            f'<rect x="0.5" y="0.5" width="21" height="12" fill="{_rgb(look.fill)}" stroke="#000"/>{hatch}</svg>'
            f"{escape(label)}</li>"
        )
    return (
        "<figure>"
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {chart.width:.0f} {chart.height:.0f}" role="img" '
        'aria-labelledby="weeks-title weeks-desc" font-family="Arial, Helvetica, sans-serif">'
        '<title id="weeks-title">Money coming in each week in the first months of the job</title>'
        f'<desc id="weeks-desc">{escape(page.chart_description)}</desc>\n{body}</svg>'
        '<figcaption><ul class="legend" aria-label="Key to the weekly chart">' + "".join(items) + "</ul></figcaption>"
        "</figure>"
    )


def _list(items: tuple[str, ...]) -> str:
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def render(page: FirstMonths) -> list[str]:
    """The page as lines of HTML, for the body of the report."""
    out = [
        '<section class="first-months" aria-labelledby="first-months">',
        f'<h2 id="first-months">{escape(page.title)}</h2>',
        f"<p>{escape(page.intro)}</p>",
        _list(page.summary),
        "<h3>Money coming in, week by week</h3>",
        f"<p>{escape(page.chart_caption)}</p>",
        _chart(page),
        "<h3>Money coming in, assessment period by assessment period</h3>",
        f"<p>{escape(page.table_note)}</p>",
        _table(page),
    ]
    if page.tight:
        out += ["<h3>The tight periods</h3>", _list(page.tight)]
    out += ["<h3>What can help</h3>", f"<p>{escape(page.help_intro)}</p>", _list(page.help)]
    out += [f"<h3>{escape(LAST_HEADING)}</h3>", _list(page.assumptions), "</section>"]
    return out
