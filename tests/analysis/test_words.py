"""Words an adviser and a client can act on (issue #11): baselines, workable hours, pension as saving,
marginal rates across an edge, warnings that say where they apply, the bedroom tax.

Figures are hand-worked from the rules in force on 23 November 2026 (tax year 2026-27):
  automatic enrolment: trigger £10,000 a year, qualifying earnings £6,240 to £50,270, employer
  minimum 3% (Pensions Act 2008 ss.3, 13, 20(1)); New Style ESA permitted work under 16 hours
  (ESA Regs 2013 reg 39); UC under-occupancy: 14% off for one extra bedroom (UC Regs 2013 Sch 4
  para 36). Weekly pay is hours x hourly pay; a year is 52 weeks.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import benefitcalc
from benefitcalc.analysis import half_hours_down
from benefitcalc.examples import example_scenario
from benefitcalc.views import render_csv, render_table
from benefitcalc.views.table import where_hours

D = Decimal


def _sam(hours: list[float], period: str = "week") -> dict[str, Any]:
    return benefitcalc.to_json(example_scenario("sam"), hours, period=period)


def test_baseline_current_without_present_hours_is_not_working() -> None:
    """`job.hours` is the job offered: with no `job.current_hours` the client works 0 hours now."""
    doc = benefitcalc.to_json(example_scenario("sam"), [0, 16], period="week", baseline="current")
    assert doc["baseline_hours"] == 0.0 and doc["baseline"] == "zero"
    assert doc["points"][1]["better_off"] == _sam([0, 16])["points"][1]["better_off"]


def test_hours_a_client_can_work_round_down_to_a_half_hour() -> None:
    assert [half_hours_down(D(h)) for h in ("15.99", "15.12", "16", "12.69", "0.3")] == [
        D("15.5"),
        D("15"),
        D("16"),
        D("12.5"),
        D("0"),
    ]


def test_a_step_names_safe_hours_a_client_can_work_with_the_pay_there() -> None:
    """ESA's 16-hour rule: the last penny before 16 hours is £203.35 a week (15.99 hours); down to
    15.5 hours, which pay 15.5 x £12.71 = £197.005, £197.01 a week."""
    doc = _sam([0, 16])
    step = next(g for g in doc["gains"] if g["cause"] == "esa_permitted_work_limit")
    assert (step["safe_hours"], step["safe_hours_rounded"]) == (15.99, 15.5)
    assert step["safe_hours_rounded_gross_weekly_earnings"] == 197.01


def test_pension_contributions_starting_are_saving_not_a_cliff_to_avoid() -> None:
    """Sam's pay passes the £10,000 trigger at £192.31 a week (£10,000 / 52 = £192.307...). The
    employer adds at least 3% of qualifying earnings: (£192.31 x 52 - £6,240) x 3% / 52
    = (£10,000.12 - £6,240) x 0.03 / 52 = £112.8036 / 52 = £2.17 a week."""
    doc = _sam([0, 16])
    pension = next(c for c in doc["cliffs"] if c["cause"] == "pension_auto_enrolment")
    assert pension["gross_weekly_earnings"] == 192.31
    assert "Stay at or below" not in pension["message"] and "Cliff edge" not in pension["message"]
    assert pension["message"].endswith(
        "The contributions are Sam's own saving, not money lost, and the employer adds at least £2.17 a week "
        "(Pensions Act 2008 s.20(1)): no reason to stay below the earnings trigger."
    )
    table = render_table(doc)
    assert "Workplace pension (saving, not a loss):" in table
    cliffs = table.split("Cliff edges")[1].split("\n\n")[0]
    assert "pension" not in cliffs


def test_employer_pension_contributions_per_adult() -> None:
    """At 16 hours: £203.36 a week, £10,574.72 a year; (£10,574.72 - £6,240) x 3% = £130.0416 a year,
    £2.50 a week. At 8 hours (£5,287.36 a year, under the trigger) nothing is paid in: 0."""
    doc = _sam([8, 16])
    assert [p["people"][0]["employer_pension_contributions"] for p in doc["points"]] == [0.0, 2.5]


def test_a_marginal_rate_across_an_edge_names_the_edge_instead() -> None:
    """`sweep --example --hours 0,8,15.99,16,24`: from 15.99 to 16 hours ESA stops and UC rises
    (a step up); from 8 to 15.99 council tax reduction steps down at 12.7 hours and pension
    contributions start at 15.14 (pay of £192.31 / £12.71 an hour = 15.1306, rounded up)."""
    doc = _sam([0, 8, 15.99, 16, 24])
    notes = {p["hours"]: (p["marginal_rate_note"], p["marginal_rate_edges"]) for p in doc["points"]}
    assert notes[16.0] == ("step up", [{"hours": 16.0, "kind": "step up", "cause": "esa_permitted_work_limit"}])
    assert notes[15.99][0] == "cliff and pension starts"
    assert [e["hours"] for e in notes[15.99][1]] == [12.7, 15.14]
    assert notes[24.0] == (None, []) and notes[8.0] == (None, []) and notes[0.0] == (None, [])
    table = render_table(doc)
    assert "-7252%" not in table and "step 16h" in table and "2 edges" in table
    assert (
        "Marginal rate at 16 hours: the step from 15.99 hours holds a step up at 16 hours "
        "(esa_permitted_work_limit), so the edge is shown instead of a rate (see below)." in table
    )
    csv_rows = render_csv(doc).splitlines()
    header = csv_rows[0].split(",")
    at_16 = csv_rows[4].split(",")
    assert at_16[header.index("marginal_rate_note")] == "step up at 16h (esa_permitted_work_limit)"


def test_where_a_warning_applies_is_said_in_hours() -> None:
    every = [0.0, 8.0, 16.0, 24.0, 30.0]
    assert where_hours([16.0, 24.0, 30.0], every) == "from 16 hours"
    assert where_hours([0.0, 8.0], every) == "up to 8 hours"
    assert where_hours([8.0, 16.0], every) == "from 8 to 16 hours"
    assert where_hours(every, every) == "at every number of hours"
    assert where_hours([8.0], every) == "at 8 hours"
    assert where_hours([8.0, 24.0], every) == "at 8 and 24 hours"


def test_the_table_groups_warnings_by_code_with_their_hours() -> None:
    table = render_table(_sam([0, 8, 16, 24, 30]))
    warnings = table.split("Warnings:")[1]
    assert "  - From 16 hours (figures at 16 hours): Sam: New Style ESA of £145.90 a week stops" in warnings
    assert "  - At 8 hours: Sam: this work can be permitted work on New Style ESA" in warnings
    assert "lost here" not in table
    assert "  - From 24 hours (figures at 24 hours): Free NHS prescriptions and dental treatment through UC stop" in (
        warnings
    )


def _bedroom_tax_household() -> dict[str, Any]:
    return {
        "date": "2026-11-23",
        "adults": [{"name": "Lee", "age": 40, "job": {"hourly_pay": "12.71", "hours": 16}}],
        "housing": {"tenure": "social_rent", "rent": {"amount": 100, "period": "week"}, "bedrooms": 2},
    }


def test_the_bedroom_tax_is_stated_with_its_amount_and_why() -> None:
    """A single adult is allowed one bedroom (Sch 4 para 10); two held: 14% off the eligible rent
    (para 36(3)). £100 a week is £100 x 52 / 12 = £433.33 a month; 14% of it is £60.67 a month."""
    doc = benefitcalc.to_json(_bedroom_tax_household(), [0, 16], period="week")
    messages = [w["message"] for w in doc["points"][0]["warnings"] if w["code"] == "under_occupancy_deduction"]
    assert messages == [
        "Bedroom tax (the under-occupancy deduction): 2 bedrooms where 1 is allowed, so 14% of the eligible "
        "rent, £60.67 a month, is taken off the housing costs element (UC Regs 2013 Sch 4 paras 36-37)."
    ]


def test_explain_states_the_paye_assumption_in_plain_words() -> None:
    """Sam at 8 hours: ESA (taxable) is paid with pay and UC, so the tax on it is collected through PAYE."""
    from benefitcalc.engine import make_context
    from benefitcalc.explain import explain, render, to_json

    scenario = example_scenario("sam")
    explanation = explain(scenario, make_context(scenario), D(8))
    expected = (
        "Tax on benefits: income tax on New Style Employment and Support Allowance is collected through the tax "
        "code of the job (PAYE), so it is taken from pay, and Universal Credit counts pay after all the tax taken "
        "(UC Regs 2013 reg 55(5); earnings from RTI). To count only the tax on pay, set "
        "universal_credit_tax_deduction: earnings_only."
    )
    assert to_json(explanation)["assumptions"] == [expected]
    assert f"Assumptions:\n   - {expected}" in render(explanation)
    assert to_json(explain(scenario, make_context(scenario), D(24)))["assumptions"] == []  # ESA has stopped
