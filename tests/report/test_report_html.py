"""The HTML report: standalone, structured for screen readers, and holding the same figures."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> _Collect:
    parser = _Collect()
    parser.feed(html)
    return parser


def test_html_is_standalone_and_accessible(made: Any) -> None:
    page = parse(made.html)
    tags = [t for t, _ in page.tags]
    attrs = {t: a for t, a in reversed(page.tags)}
    assert made.html.startswith("<!DOCTYPE html>")
    assert attrs["html"]["lang"] == "en-GB"
    assert tags.count("h1") == 1 and tags.count("h2") >= 5
    assert "script" not in tags and "iframe" not in tags
    for tag, a in page.tags:  # nothing fetched from elsewhere
        for key in ("src", "href"):
            assert not (a.get(key) or "").startswith(("http:", "https:", "//")), (tag, a)
    svg = attrs["svg"]
    assert svg["role"] == "img" and svg["aria-labelledby"] == "chart-title chart-desc"
    assert 'id="chart-desc"' in made.html and "A bar chart of money coming in a week" in made.html
    assert tags.count("table") == len(made.doc["points"]) and tags.count("caption") == len(made.doc["points"])
    assert all(a.get("scope") in ("row", "col", "colgroup") for t, a in page.tags if t == "th")


def test_html_holds_the_headline_and_table_figures(made: Any) -> None:
    text = " ".join(parse(made.html).text)
    assert made.report.headline in text
    for point in made.doc["points"]:
        for amount in (point["net_income"], point["disposable_income"]):
            assert f"£{amount:,.2f}" in text


def test_html_footer_and_print_footer(made: Any) -> None:
    rules = made.doc["rules"]
    assert f"Rules {rules['version']} (digest {rules['digest']})" in made.html
    assert "An estimate, not a decision by DWP" in made.html
    assert "@bottom-left" in made.html and "counter(pages)" in made.html


def test_names_outside_latin1_survive_in_html(make_report: Any) -> None:
    import copy
    import datetime as dt

    from benefitcalc.report import build, render_html, render_pdf

    made = make_report("sam")
    doc = copy.deepcopy(made.doc)
    doc["person"] = "Siân Ŵyn"
    scenario = made.scenario.model_copy(
        update={"adults": (made.scenario.adults[0].model_copy(update={"name": "Siân Ŵyn"}),)}
    )
    report = build(doc, scenario, prepared_on=dt.date(2026, 11, 24))
    assert "Siân Ŵyn" in render_html(report)
    assert render_pdf(report).startswith(b"%PDF")  # the PDF shows "Siân Wyn": its standard font has no Ŵ
