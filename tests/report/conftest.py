"""Reports for every built-in example, made once per run (rendering is the slow part)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from benefitcalc.api import to_json
from benefitcalc.examples import NAMES, example_scenario
from benefitcalc.report import Report, build, hours_to_show, render_html, render_pdf
from benefitcalc.scenario import Scenario

HOURS = (0, 8, 16, 24, 30)
ADVISER = "Rhiannon Adviser"
ORGANISATION = "Test IPS Service"


@dataclass
class Made:
    name: str
    scenario: Scenario
    doc: dict[str, Any]
    report: Report
    pdf: bytes
    html: str


_CACHE: dict[str, Made] = {}


def make(name: str) -> Made:
    if name not in _CACHE:
        scenario = example_scenario(name)
        doc = to_json(scenario, hours_to_show(scenario, [Decimal(h) for h in HOURS]), period="week")
        report = build(doc, scenario, prepared_on=dt.date(2026, 11, 24), adviser=ADVISER, organisation=ORGANISATION)
        _CACHE[name] = Made(name, scenario, doc, report, render_pdf(report), render_html(report))
    return _CACHE[name]


@pytest.fixture(params=NAMES)
def made(request: pytest.FixtureRequest) -> Made:
    return make(request.param)


@pytest.fixture
def make_report() -> Any:
    """The report for one example by name: ``make_report("sam")``."""
    return make


# The "Your first months in work" page (report --cashflow): two reports with a cash-flow timeline.


def _with_timeline(scenario: Scenario, rules: Any, **given: Any) -> tuple[Report, Any]:
    from benefitcalc import cashflow

    doc = to_json(scenario, hours_to_show(scenario, [Decimal(h) for h in HOURS]), period="week", rules=rules)
    timeline = cashflow.timeline(scenario, rules, cashflow.options_for(scenario, **given))
    return build(doc, scenario, prepared_on=dt.date(2026, 11, 23), timeline=timeline), timeline


@pytest.fixture(scope="session")
def mid_period(ruleset: Any) -> tuple[Report, Any]:
    """The worked case of tests/cashflow/test_timelines.py::test_monthly_pay_starting_mid_assessment_period:
    20 hours at £12.21 from Monday 18 May 2026, paid monthly from 26 June, assessment periods from the 10th,
    rent £400 a month; three assessment periods after the one before work."""
    from benefitcalc.scenario import scenario_from_data

    scenario = scenario_from_data(
        {
            "date": "2026-05-01",
            "adults": [
                {
                    "age": 30,
                    "job": {"hourly_pay": "12.21", "hours": 20, "start_date": "2026-05-18",
                            "pay_frequency": "monthly", "first_payday": "2026-06-26"},
                }
            ],
            "housing": {"tenure": "social_rent", "rent": {"amount": 400, "period": "month"}},
            "universal_credit": {"assessment_period_start_day": 10},
        }
    )  # fmt: skip
    return _with_timeline(scenario, ruleset, months=3)


@pytest.fixture(scope="session")
def jo(ruleset: Any) -> tuple[Report, Any]:
    """Jo (the lone_parent example) as in docs/samples/jo-cashflow: starts Monday 30 November 2026, paid on
    the last working day, first on 29 January 2027; assessment periods from the 1st; living costs £1,000."""
    return _with_timeline(
        example_scenario("lone_parent"),
        ruleset,
        start_date=dt.date(2026, 11, 30),
        pay_frequency="last_working_day",
        first_payday=dt.date(2027, 1, 29),
        assessment_period_start_day=1,
        months=4,
        living_costs=Decimal(1000),
    )


def _client_text(report: Report) -> tuple[str, str]:
    """The client's pages (everything before the adviser's page) as PDF text and HTML text."""
    import io
    import re

    from benefitcalc.report.model import ADVISER_HEADING
    from pypdf import PdfReader

    pdf = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(render_pdf(report))).pages)
    html = render_html(report)
    client_html = re.sub(r"<[^>]+>", " ", html.split('<section class="adviser"')[0].split("<body>")[1])
    return pdf.split(ADVISER_HEADING)[0], client_html


@pytest.fixture
def client_text() -> Any:
    """``client_text(report)`` -> (the client's PDF text, the client's HTML text)."""
    return _client_text
