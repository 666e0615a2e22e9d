"""The report is for the client (issue #11 item 3): no adviser or developer text on the client's pages,
hours a client can work, pension as saving, the bedroom tax, the PAYE assumption, a couple named.

The client's pages are everything before the adviser's page ("For your adviser"); that page may
hold the engine's notes in full, the rules' digest and the sources.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest
from benefitcalc.api import to_json
from benefitcalc.examples import NAMES, example_scenario
from benefitcalc.report import build, hours_to_show, render_html, render_pdf
from benefitcalc.report.model import ADVISER_HEADING
from benefitcalc.scenario import scenario_from_data
from pypdf import PdfReader

FORBIDDEN = re.compile(r"`|--|rules schemes|PolicyEngine|benefitcalc |Decimal\(|\b[a-z]+(?:_[a-z0-9]+)+\b")
HOURS = [Decimal(h) for h in (0, 8, 16, 24, 30)]


def _client_text(scenario: Any) -> tuple[str, str, Any]:
    doc = to_json(scenario, hours_to_show(scenario, HOURS), period="week")
    report = build(doc, scenario)
    pdf = render_pdf(report)
    text = "\n".join(page.extract_text() for page in PdfReader(__import__("io").BytesIO(pdf)).pages)
    client_pdf = text.split(ADVISER_HEADING)[0]
    html = render_html(report)
    client_html = re.sub(r"<[^>]+>", " ", html.split('<section class="adviser"')[0].split("<body>")[1])
    return client_pdf, client_html, report


def _household(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "date": "2026-11-23",
        "adults": [
            {"name": "Lee", "age": 40, "job": {"hourly_pay": "12.71", "hours": 20, "pension": "auto_enrolment"}}
        ],
        "housing": {"tenure": "social_rent", "rent": {"amount": 100, "period": "week"}, "bedrooms": 1},
    }
    for key, value in changes.items():
        data[key] = value
    return data


HOUSEHOLDS = {
    "couple": _household(
        adults=[
            {"name": "Lee", "age": 40, "job": {"hourly_pay": "12.71", "hours": 20}},
            {"name": "Kim", "age": 38, "earnings": {"amount": 900, "period": "month"}},
        ],
        children=[{"age": 6}],
    ),
    "scotland_carer": _household(
        nation="scotland",
        adults=[
            {
                "name": "Lee",
                "age": 40,
                "job": {"hourly_pay": "12.71", "hours": 16},
                "carer": {"hours_per_week": 40, "claims_carers_allowance": True},
            }
        ],
    ),
    "bedroom_tax": _household(
        housing={"tenure": "social_rent", "rent": {"amount": 100, "period": "week"}, "bedrooms": 3},
    ),
    "ctr_scheme_with_caveat": _household(
        housing={
            "tenure": "social_rent",
            "rent": {"amount": 100, "period": "week"},
            "bedrooms": 1,
            "council_tax": {"amount": 1800, "period": "year"},
            "council_tax_reduction_scheme": "cheshire_west_and_chester",
        },
    ),
    "paye_on_esa": _household(
        adults=[
            {
                "name": "Lee",
                "age": 40,
                "job": {"hourly_pay": "12.71", "hours": 12, "pension": "auto_enrolment"},
                "new_style_esa": "support",
                "universal_credit_health": "lcwra",
                "health_element_protected": True,
            }
        ],
    ),
    # a business past its first year (the minimum income floor applies) and, as a couple, one whose
    # partner works for someone else (the warnings name the self-employed partner)
    "self_employed_floor": _household(
        adults=[
            {
                "name": "Lee",
                "age": 40,
                "self_employment": {
                    "turnover": {"amount": 900, "period": "month"},
                    "expenses": {"amount": 100, "period": "month"},
                    "hours_per_week": 30,
                    "started": "2021-05-01",
                },
            }
        ],
    ),
    "self_employed_partner": _household(
        adults=[
            {"name": "Lee", "age": 40, "job": {"hourly_pay": "12.71", "hours": 20}},
            {
                "name": "Kim",
                "age": 38,
                "self_employment": {
                    "turnover": {"amount": 200, "period": "month"},
                    "expenses": {"amount": 250, "period": "month"},
                    "started": "2026-06-01",
                },
            },
        ],
    ),
    "private_rent_no_lha": _household(
        housing={"tenure": "private_rent", "rent": {"amount": 700, "period": "month"}},
        children=[{"age": 12}, {"age": 14}],
    ),
}


@pytest.mark.parametrize("name", [*NAMES, *HOUSEHOLDS])
def test_client_pages_hold_no_adviser_or_developer_text(name: str) -> None:
    scenario = example_scenario(name) if name in NAMES else scenario_from_data(HOUSEHOLDS[name], name)
    client_pdf, client_html, _ = _client_text(scenario)
    for text in (client_pdf, client_html):
        found = FORBIDDEN.findall(text)
        assert not found, (name, found)


def test_client_pages_with_the_first_months_hold_no_developer_text(jo: Any, mid_period: Any, client_text: Any) -> None:
    """The "Your first months in work" page (report --cashflow) is a client page too: Jo's (the sample's,
    tight in December) and the cashflow tests' worked case (no tight period)."""
    for report, _ in (jo, mid_period):
        assert report.first_months is not None
        for text in client_text(report):
            assert "Your first months in work" in text
            found = FORBIDDEN.findall(text)
            assert not found, found


def test_the_bedroom_tax_is_stated_for_the_client() -> None:
    """Three bedrooms, one allowed (a single adult, Sch 4 para 10): 25% off (para 36(3)(b));
    £100 a week is £433.33 a month (x 52 / 12), 25% of it £108.33 a month."""
    client_pdf, _, report = _client_text(scenario_from_data(HOUSEHOLDS["bedroom_tax"], "bedroom tax"))
    topic = next(t for t in report.topics if t.heading == "Your rent and the bedroom tax")
    assert topic.paragraphs[0] == (
        "Your home has 3 bedrooms and Universal Credit allows 1 bedroom for your household. So 25% of your rent "
        "(£108.33 a month) is taken off the help with rent in your Universal Credit, at every number of hours "
        "shown. This is the 'bedroom tax' (the under-occupancy deduction)."
    )


def test_the_paye_assumption_is_in_plain_words() -> None:
    _, _, report = _client_text(scenario_from_data(HOUSEHOLDS["paye_on_esa"], "paye"))
    assert (
        "Income tax on your New Style ESA is taken through the tax code of your job, so it comes out of your pay. "
        "Universal Credit counts your pay after that tax, so it makes up part of the tax."
    ) in report.assumptions


def test_a_couples_report_names_both_and_says_whose_hours_change() -> None:
    _, _, report = _client_text(scenario_from_data(HOUSEHOLDS["couple"], "couple"))
    facts = dict(report.facts)
    assert facts["For"] == "Lee and Kim"
    assert facts["Hours looked at"] == "Lee's hours: 0, 8, 16, 20, 24, 30 a week. Kim's pay stays the same."
    assert report.headline.startswith("If Lee works 20 hours a week at £12.71 an hour, you would have")


def test_pension_is_saving_in_the_report_never_a_cliff() -> None:
    """Sam at 16 hours: £203.36 a week; employee 5% of (£10,574.72 - £6,240) = £216.74 a year, £4.17 a
    week; employer 3% of it, £130.04 a year, £2.50 a week (Pensions Act 2008 ss.13, 20(1))."""
    client_pdf, _, report = _client_text(example_scenario("sam"))
    assert all("pension" not in m.text.lower() for m in report.markers)
    topic = next(t for t in report.topics if t.heading == "Your workplace pension")
    assert "At 16 hours a week: £4.17 a week goes into your pension, and your employer adds at least £2.50." in (
        topic.points
    )
    assert "At 8 hours a week: your pay would be under £10,000 a year, so your employer does not have to put you " in (
        " ".join(topic.points)
    )


def test_cliffs_read_in_hours_a_client_can_work() -> None:
    """Sam's council tax reduction steps down at 12.70 hours (safe to 12.69): up to 12.5 hours, whose pay is
    12.5 x £12.71 = £158.875, £158.88 a week."""
    _, _, report = _client_text(example_scenario("sam"))
    texts = [m.text for m in report.markers]
    assert texts[0].startswith(
        "Council Tax Reduction goes down between 12.5 and 13 hours a week. Up to 12.5 hours a week "
        "(£158.88 a week before tax) it does not. Past that, "
    )
    hours = [Decimal(x) for t in texts for x in re.findall(r"(\d+(?:\.\d+)?) hours", t)]
    assert hours and all((h * 2) % 1 == 0 for h in hours), hours  # whole or half hours: no 12.69 or 15.14


def test_the_chart_shows_each_main_benefit_as_its_own_series() -> None:
    _, _, report = _client_text(example_scenario("sam"))
    assert report.series_present == ("pay", "universal_credit", "new_style_esa", "pip", "council_tax_reduction")
    _, _, scot = _client_text(example_scenario("scotland_family"))
    assert {"adult_disability_payment", "scottish_child_payment", "child_benefit"} <= set(scot.series_present)


def test_the_report_shows_the_job_hours_with_the_hours_asked_for() -> None:
    doc = to_json(example_scenario("scotland_family"), HOURS, period="week")
    assert [p["hours"] for p in doc["points"]] == [0, 8, 16, 24, 30]
    shown = hours_to_show(example_scenario("scotland_family"), HOURS)
    assert shown == [Decimal(h) for h in (0, 8, 12, 16, 24, 30)]


def test_self_employment_is_in_the_clients_words() -> None:
    """Lee's floor (2026-27): 35 hours x £12.71 = 444.85 a week x 52 / 12 = £1,927.68 gross, less
    notional tax and NI as a year: 20% x (23,132.16 - 12,570) = 2,112.432 and Class 4 6% x 10,562.16 =
    633.7296, 2,746.1616 / 12 = 228.85; floor 1,927.68 - 228.85 = £1,698.83 a month."""
    client_pdf, client_html, report = _client_text(scenario_from_data(HOUSEHOLDS["self_employed_floor"], "se"))
    for text in (client_pdf, client_html):
        assert "UC Regs" not in text and "reg 6" not in text and "reg 57" not in text
    uc = next(t for t in report.topics if t.heading == "Your Universal Credit")
    assert uc.paragraphs[0].startswith("Tell Universal Credit when you start working for yourself")
    assert uc.paragraphs[1].startswith("Each month, you must tell Universal Credit the money your business took in")
    others = next(t for t in report.topics if t.heading == "Other things to know")
    assert any(
        "Universal Credit treats you as earning at least £1,698.83 a month once your business is past its first year"
        in bullet
        for bullet in others.points
    )
    assert report.headline.startswith("If you work 30 hours a week in the business, you would have")


def test_a_partners_business_is_named_and_a_loss_explained() -> None:
    """Kim's business started 1 June 2026: its first year ends on 1 June 2027, inside the year from
    23 November 2026; takings of £200 and costs of £250 a month are a loss of £50 a month, £600 a year."""
    _, _, report = _client_text(scenario_from_data(HOUSEHOLDS["self_employed_partner"], "partner"))
    bullets = [b for t in report.topics for b in (*t.paragraphs, *t.points)]
    assert any("Kim's business's first year ends on 1 June 2027" in b for b in bullets), bullets
    assert any("Kim's business makes a loss of about £600.00 a year" in b for b in bullets), bullets
    assert any("Each month, Kim must tell Universal Credit" in b for b in bullets), bullets
