"""The report as one standalone HTML page: no scripts, no fonts or images from elsewhere.

Accessible: headings in order, the chart as inline SVG with a title and a description in words
(and the same figures in tables with captions and row headers), 12 pt text at least in print,
black on white, and a footer that prints on every page where the browser supports CSS page
margin boxes (and once at the end everywhere).
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

from benefitcalc.report import first_months_html
from benefitcalc.report.chart import layout, styles
from benefitcalc.report.edges import marker_words
from benefitcalc.report.model import ADVISER_HEADING, ADVISER_INTRO, Option, Report, Series, adviser_sections
from benefitcalc.report.svg import _HATCH_DEF, _PATTERN_IDS, _rgb, _svg_shapes
from benefitcalc.report.words import money, period_word

_CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { font-size: 112.5%; }
body { margin: 0 auto; max-width: 50rem; padding: 1.5rem 1.25rem 3rem; font-family: Arial, Helvetica, "Liberation Sans", sans-serif;
  line-height: 1.5; color: #141414; background: #fff; }
h1 { color: #1b2f5a; font-size: 2rem; line-height: 1.2; margin: 0 0 .75rem; }
h2 { font-size: 1.45rem; margin: 2rem 0 .6rem; }
h3 { font-size: 1.2rem; margin: 1.4rem 0 .4rem; }
p, li { margin: .3rem 0; }
ul { padding-left: 1.4rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1.25rem; margin: 0 0 1rem; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
.headline { background: #eaf1fa; border-left: .5rem solid #1b2f5a; padding: .9rem 1.2rem; margin: 1rem 0; }
.headline p.big { font-size: 1.35rem; font-weight: bold; line-height: 1.35; margin: 0 0 .4rem; }
figure { margin: 1rem 0; }
figure svg { width: 100%; height: auto; display: block; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem 1.4rem; margin: .5rem 0; }
.legend li { display: flex; align-items: center; gap: .45rem; }
.legend svg { width: 2.2rem; height: 1.3rem; flex: none; }
ol.markers { padding-left: 0; list-style: none; }
ol.markers li { display: flex; gap: .6rem; align-items: baseline; }
ol.markers .n { display: inline-block; min-width: 1.7rem; text-align: center; border: 2px solid #000; border-radius: 50%; font-weight: bold; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); gap: 1.2rem; }
table { border-collapse: collapse; width: 100%; border: 1px solid #000; }
table.headline-option { border-width: 2px; }
caption { text-align: left; background: #1b2f5a; color: #fff; font-weight: bold; padding: .35rem .6rem; caption-side: top; }
th, td { padding: .25rem .6rem; text-align: left; vertical-align: top; border-bottom: 1px solid #aaa; }
td { text-align: right; white-space: nowrap; }
tbody th { font-weight: normal; }
tr.heading th { background: #eee; font-weight: bold; }
tr.total th, tr.total td { font-weight: bold; border-top: 2px solid #000; }
tr.result th, tr.result td { font-weight: bold; background: #def0d6; }
tr.result.worse th, tr.result.worse td { background: #fce4de; }
tr.sub th { font-weight: normal; }
footer { margin-top: 2.5rem; border-top: 1px solid #999; padding-top: .5rem; font-size: .95rem; }
@media print {
  html { font-size: 12pt; }
  body { max-width: none; padding: 0; }
  .cards { grid-template-columns: 1fr 1fr; }
  table, figure, .headline, li { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  section.adviser { break-before: page; }
}
"""  # noqa: E501 - CSS rules kept one to a line, as a browser's inspector shows them


def _chart(report: Report) -> str:
    chart = layout(report.options, report.markers, report.series_present, width=174.0, height=90.0)
    body = "\n".join(_svg_shapes(chart.shapes))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {chart.width:.0f} {chart.height:.0f}" role="img" '
        f'aria-labelledby="chart-title chart-desc" font-family="Arial, Helvetica, sans-serif">'
        f'<title id="chart-title">Money coming in {escape(period_word(report.period))} at each number of hours</title>'
        f'<desc id="chart-desc">{escape(report.chart_description)}</desc>{_HATCH_DEF}\n{body}</svg>'
    )


def _legend(report: Report) -> str:
    items = []
    for key, look in styles(report.series_present).items():
        hatch = (
            f'<rect x="0.5" y="0.5" width="21" height="12" fill="url(#{_PATTERN_IDS[look.hatch]})" stroke="#000"/>'
            if look.hatch
            else ""
        )
        items.append(
            '<li><svg viewBox="0 0 22 13" aria-hidden="true" focusable="false">'
            f'<rect x="0.5" y="0.5" width="21" height="12" fill="{_rgb(look.fill)}" stroke="#000"/>{hatch}</svg>'
            f"{escape(Series.label(key))}</li>"
        )
    return '<ul class="legend" aria-label="Key to the chart">' + "".join(items) + "</ul>"


def _table(option: Option, period: str) -> str:
    title = escape(option.title + (f" ({option.tag})" if option.tag else ""))
    cls = ' class="headline-option"' if option.is_headline else ""
    rows = [f'<tr class="sub"><th scope="row" colspan="2">{escape(option.subtitle)}</th></tr>']
    for row in option.rows:
        if row.amount is None:
            kind = "heading" if row.kind == "heading" else "sub"
            scope = "colgroup" if row.kind == "heading" else "row"
            rows.append(f'<tr class="{kind}"><th scope="{scope}" colspan="2">{escape(row.label)}</th></tr>')
            continue
        kind = row.kind
        if kind == "result" and option.better_off < 0:
            kind = "result worse"
        rows.append(
            f'<tr class="{kind}"><th scope="row">{escape(row.label)}</th>'
            f"<td>{escape(money(row.amount, sign=True))}</td></tr>"
        )
    return (
        f"<table{cls}><caption>{title}</caption>"
        '<thead><tr><th scope="col">What</th>'
        f'<th scope="col" style="text-align:right">{escape(period_word(period).capitalize())}</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def chart_figure(report: Report) -> str:
    """The chart and its key as an HTML ``<figure>``: in the report, and on the adviser's web page."""
    return f"<figure>\n{_chart(report)}\n<figcaption>{_legend(report)}</figcaption>\n</figure>"


def marker_list(report: Report) -> str:
    """What each numbered line on the chart marks, as an HTML list ("" when the chart has none)."""
    if not report.markers:
        return ""
    base = next((o.hours for o in report.options if o.is_baseline), Decimal(0))
    items = [
        f'<li><span class="n" aria-hidden="true">{marker.number}</span>'
        f"<span>{escape(marker_words(marker, base))}</span></li>"
        for marker in report.markers
    ]
    return '<ol class="markers">\n' + "\n".join(items) + "\n</ol>"


def render_html(report: Report) -> str:
    """The report as a standalone HTML document (a string)."""
    r = report
    per = period_word(r.period)
    out: list[str] = []
    add = out.append
    footer_text = " ".join(r.footer_lines)
    css_footer = footer_text.replace("\\", "\\\\").replace('"', '\\"')
    add("<!DOCTYPE html>")
    add('<html lang="en-GB">')
    add("<head>")
    add('<meta charset="utf-8">')
    add('<meta name="viewport" content="width=device-width, initial-scale=1">')
    add(f"<title>{escape(r.title)}: {escape(r.person)}</title>")
    add('<meta name="generator" content="benefitcalc">')
    add(
        "<style>"
        + _CSS
        + "@page { size: A4; margin: 16mm 16mm 24mm; "
        + f'@bottom-left {{ content: "{css_footer}"; font: 10pt Arial, Helvetica, sans-serif; }} '
        + '@bottom-right { content: "Page " counter(page) " of " counter(pages); '
        + "font: 10pt Arial, Helvetica, sans-serif; "
        + "white-space: nowrap; width: 28mm; } }"
        + (first_months_html.CSS if r.first_months is not None else "")
        + "</style>"
    )
    add("</head>")
    add("<body>")
    add("<main>")
    add(f"<h1>{escape(r.title)}</h1>")
    add('<dl class="facts">')
    for label, value in r.facts:
        add(f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>")
    add("</dl>")
    add('<section class="headline" aria-label="The answer">')
    add(f'<p class="big">{escape(r.headline)}</p>')
    add(f"<p>{escape(r.headline_note)}</p>")
    add("</section>")
    add(f"<h2>Money coming in {escape(per)}</h2>")
    add(f"<p>{escape(r.chart_caption)}</p>")
    add(chart_figure(r))
    if r.markers:
        add("<h3>What changes as your hours go up (the numbered lines)</h3>")
        add(marker_list(r))
    if r.other_options:
        add("<h3>At the other hours looked at</h3>")
        add("<ul>" + "".join(f"<li>{escape(line)}</li>" for line in r.other_options) + "</ul>")
    add("<h2>Your money at each number of hours</h2>")
    add(f"<p>{escape(r.tables_intro)}</p>")
    add('<div class="cards">')
    for option in r.options:
        add(_table(option, r.period))
    add("</div>")
    if r.first_months is not None:  # report --cashflow
        out.extend(first_months_html.render(r.first_months))
    if r.topics:
        add("<h2>What changes if you work, and what to do</h2>")
        for topic in r.topics:
            add(f"<h3>{escape(topic.heading)}</h3>")
            for paragraph in topic.paragraphs:
                add(f"<p>{escape(paragraph)}</p>")
            if topic.points:
                add("<ul>" + "".join(f"<li>{escape(p)}</li>" for p in topic.points) + "</ul>")
    add("<h2>What this calculation assumed</h2>")
    if r.assumptions:
        add("<h3>Decisions the figures depend on</h3>")
        add("<ul>" + "".join(f"<li>{escape(a)}</li>" for a in r.assumptions) + "</ul>")
    add("<h3>What you told us</h3>")
    add("<ul>" + "".join(f"<li>{escape(a)}</li>" for a in r.figures_given) + "</ul>")
    add("<h2>What it does not cover</h2>")
    add("<ul>" + "".join(f"<li>{escape(a)}</li>" for a in r.not_covered) + "</ul>")
    add("<h2>About this estimate</h2>")
    add(f"<p>{escape(r.about)}</p>")
    add('<section class="adviser" aria-labelledby="adviser">')
    add(f'<h2 id="adviser">{escape(ADVISER_HEADING)}</h2>')
    add(f"<p>{escape(ADVISER_INTRO)}</p>")
    for title, items in adviser_sections(r):
        add(f"<h3>{escape(title)}</h3>")
        add("<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>")
    add("</section>")
    add("</main>")
    add("<footer>")
    for line in r.footer_lines:
        add(f"<p>{escape(line)}</p>")
    add("</footer>")
    add("</body>")
    add("</html>")
    return "\n".join(out) + "\n"
