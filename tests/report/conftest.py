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
