"""Employee pension contributions (benefitcalc/programmes/earnings.py) against rules/dwp/automatic_enrolment.yaml.

Every year 2024-25 to 2026-27: earnings trigger £10,000 (Pensions Act 2008 s.3(1)(c): enrolment is for
earnings of *more than* the trigger), qualifying earnings band £6,240 to £50,270 (s.13), default
employee share 5% of qualifying earnings. Pay is worked on the year; amounts are not rounded here
(payroll rounds each pay period).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from benefitcalc import api
from benefitcalc.loader import RuleSet
from benefitcalc.programmes.earnings import pay
from benefitcalc.programmes.rule_views import RuleViews
from benefitcalc.scenario import Adult

D = Decimal
YEARS = ("2024-25", "2025-26", "2026-27")
Params = Callable[[str], RuleViews]


def contribution(p: RuleViews, yearly_pay: str | int, pension: Any) -> tuple[Decimal, tuple[str, ...]]:
    """A year's employee contribution and the warning codes, for fixed earnings of ``yearly_pay`` a year."""
    adult = Adult(age=40, earnings={"amount": D(yearly_pay), "period": "year"}, pension=pension)
    _, gross, _, amount, _, warnings = pay(adult, p.earnings)
    assert gross == D(yearly_pay)
    return amount, tuple(w.code for w in warnings)


@pytest.mark.parametrize("year", YEARS)
def test_below_the_trigger_no_contribution_and_a_warning(views_for: Params, year: str) -> None:
    assert contribution(views_for(year), 9000, "auto_enrolment") == (0, ("pension_below_trigger",))


@pytest.mark.parametrize("year", YEARS)
def test_exactly_at_the_trigger_is_not_more_than_it(views_for: Params, year: str) -> None:
    # s.3(1)(c): "earnings of more than £10,000": at exactly £10,000 the employer need not enrol.
    assert contribution(views_for(year), 10000, "auto_enrolment") == (0, ("pension_below_trigger",))


@pytest.mark.parametrize("year", YEARS)
def test_just_above_the_trigger(views_for: Params, year: str) -> None:
    # (10,000.01 - 6,240) = 3,760.01 x 5% = 188.0005
    assert contribution(views_for(year), "10000.01", "auto_enrolment") == (D("188.0005"), ())


@pytest.mark.parametrize("year", YEARS)
def test_mid_band(views_for: Params, year: str) -> None:
    # (20,000 - 6,240) = 13,760 x 5% = 688.00
    assert contribution(views_for(year), 20000, "auto_enrolment") == (D("688.00"), ())


@pytest.mark.parametrize("year", YEARS)
def test_upper_edge_of_the_qualifying_earnings_band(views_for: Params, year: str) -> None:
    p = views_for(year)
    # (50,269 - 6,240) = 44,029 x 5% = 2,201.45
    assert contribution(p, 50269, "auto_enrolment") == (D("2201.45"), ())
    # (50,270 - 6,240) = 44,030 x 5% = 2,201.50, and no more above the band
    assert contribution(p, 50270, "auto_enrolment") == (D("2201.50"), ())
    assert contribution(p, 80000, "auto_enrolment") == (D("2201.50"), ())


@pytest.mark.parametrize("year", YEARS)
def test_lower_edge_of_the_qualifying_earnings_band(views_for: Params, year: str) -> None:
    # An explicit 5% of qualifying earnings (the trigger does not apply to a contribution the worker chose):
    p = views_for(year)
    qualifying = {"employee_rate": "0.05", "basis": "qualifying_earnings"}
    assert contribution(p, 6000, qualifying) == (0, ())
    assert contribution(p, 6240, qualifying) == (0, ())
    # (6,260 - 6,240) = 20 x 5% = 1.00
    assert contribution(p, 6260, qualifying) == (D("1.00"), ())


@pytest.mark.parametrize("year", YEARS)
def test_explicit_rate_on_gross_pay(views_for: Params, year: str) -> None:
    p = views_for(year)
    # 5% of 20,000 gross = 1,000.00; of 5,000 (below the trigger, but chosen) = 250.00; of 80,000 = 4,000.00
    assert contribution(p, 20000, {"employee_rate": "0.05"}) == (D("1000.00"), ())
    assert contribution(p, 5000, {"employee_rate": "0.05"}) == (D("250.00"), ())
    assert contribution(p, 80000, {"employee_rate": "0.05"}) == (D("4000.00"), ())


def test_relief_at_source_member_pays_80_percent(views_for: Params) -> None:
    # 5% of 20,000 = 1,000 gross contribution; the member pays 1,000 x (1 - 20%) = 800.00
    assert contribution(views_for("2025-26"), 20000, {"employee_rate": "0.05", "relief": "relief_at_source"}) == (
        D("800.00"),
        (),
    )


def test_no_pay_no_contribution(views_for: Params) -> None:
    assert contribution(views_for("2025-26"), 0, "auto_enrolment") == (0, ())
    assert contribution(views_for("2025-26"), 0, {"employee_rate": "0.05"}) == (0, ())


def test_job_hours_cross_the_trigger_in_a_sweep(ruleset: RuleSet) -> None:
    """2026-27 at £12.71: 15 h x 12.71 x 52 = 9,913.80 (not above £10,000: nothing, with a warning);
    16 h = 10,574.72: (10,574.72 - 6,240) = 4,334.72 x 5% = 216.736."""
    scenario = {
        "tax_year": "2026-27",
        "adults": [{"name": "W", "age": 30, "job": {"hourly_pay": "12.71", "hours": 16, "pension": "auto_enrolment"}}],
    }
    at15, at16 = api.sweep(scenario, [15, 16], rules=ruleset)
    assert at15.earnings[0].gross == D("9913.80")
    assert at15.earnings[0].pension == 0
    assert "pension_below_trigger" in {w.code for w in at15.warnings}
    assert at16.earnings[0].gross == D("10574.72")
    assert at16.earnings[0].pension == D("216.736")
    assert "pension_below_trigger" not in {w.code for w in at16.warnings}
