"""The report lists only the limits that touch the client's case (registry Limit.when), in the
client's words on the client's pages and in the adviser's words on the adviser's page."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from benefitcalc import registry
from benefitcalc.api import to_json
from benefitcalc.report import build
from benefitcalc.report.assumptions import limit_applies
from benefitcalc.scenario import scenario_from_data

SELF_EMPLOYED = "If your business's profit goes up and down from month to month"
LHA = "The Local Housing Allowance rate for your area was not looked up"


def report_for(data: dict[str, Any]) -> Any:
    scenario = scenario_from_data(data)
    doc = to_json(scenario, [Decimal(0), Decimal(16)], period="week")
    return build(doc, scenario, prepared_on=dt.date(2026, 11, 24))


def household(tenure: str) -> dict[str, Any]:
    return {
        "date": "2026-11-23",
        "adults": [{"name": "Kim", "age": 30, "job": {"hourly_pay": "12.71", "hours": 16}}],
        "housing": {"tenure": tenure, "rent": {"amount": 500, "period": "month"}, "bedrooms": 1},
    }


def test_a_social_tenant_in_work_is_not_told_about_self_employment_or_the_lha(make_report: Any) -> None:
    report = make_report("sam").report
    assert not any(SELF_EMPLOYED in text or LHA in text for text in report.not_covered)
    assert not any("Self-employment" in text for text in report.adviser_limits)


def test_a_private_renter_is_told_the_lha_was_not_looked_up() -> None:
    report = report_for(household("private_rent"))
    assert any(LHA in text for text in report.not_covered)
    assert any(text.startswith("Local housing allowance rates") for text in report.adviser_limits)
    assert not any(LHA in text for text in report_for(household("social_rent")).not_covered)


def test_every_limit_names_a_condition_the_report_can_answer() -> None:
    scenario = scenario_from_data(household("social_rent"))
    for spec in registry.PROGRAMMES:
        for limit in spec.limits:
            assert isinstance(limit_applies(limit, scenario), bool), (spec.key, limit.when)
