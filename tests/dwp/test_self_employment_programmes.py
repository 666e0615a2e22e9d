"""Self-employment across assessment periods (UC Regs 2013 regs 57, 57A, 54A) and in the weekly
benefits (New Style ESA permitted work, the JSA 16-hour rule, Carer's Allowance) and Tax-Free
Childcare, worked by hand. Weekly figures: a year's profit / 52.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import benefitcalc
from benefitcalc.programmes.universal_credit.sequence import (
    TradingMonth,
    nil_earnings_threshold,
    self_employed_earnings_sequence,
    surplus_earnings_sequence,
)

D = Decimal


def test_a_loss_is_carried_forward_across_assessment_periods() -> None:
    """AP1: 1,000 in, 1,500 out: a loss of 500, earnings nil (reg 57(2) step 3; reg 57A(1)).
    AP2: 1,000 - 800 = 200: all of it absorbed by the loss; 300 left (reg 57A(2)).
    AP3: 2,000 - 1,000 - 100 tax and NI = 900; less 100 pension = 800 (step 4); less the 300 left =
    500 earnings (step 5); no loss left."""
    months = [
        TradingMonth(D(1000), D(1500)),
        TradingMonth(D(1000), D(800)),
        TradingMonth(D(2000), D(1000), tax_and_ni_paid=D(100), relievable_pension=D(100)),
    ]
    first, second, third = self_employed_earnings_sequence(months)
    assert (first.self_employed_earnings, first.loss_made, first.losses_carried_forward) == (0, 500, 500)
    assert (second.self_employed_earnings, second.losses_used, second.losses_carried_forward) == (0, 200, 300)
    assert (third.self_employed_earnings, third.losses_used, third.losses_carried_forward) == (500, 300, 0)


def test_surplus_earnings_carried_to_the_next_claim() -> None:
    """Nil earnings threshold 2,000; relevant threshold 2,000 + 2,500 = 4,500 (reg 54A(6)).
    Month 1: 1,000, an award. Month 2: 6,000 ends the award with a surplus of 1,500. Month 3: the new
    claim counts 1,000 + 1,500 = 2,500, not below 2,000: no award; adjusted surplus 2,500 - 4,500 is
    below nil. Month 4: 1,000, an award again."""
    months = surplus_earnings_sequence([D(1000), D(6000), D(1000), D(1000)], D(2000), D(2500))
    assert [m.entitled for m in months] == [True, False, False, True]
    assert months[1].surplus_carried_forward == D(1500)
    assert months[2].counted == D(2500)
    assert months[2].surplus_carried_forward == 0
    assert months[3].surplus_brought_forward == 0


def test_nil_earnings_threshold() -> None:
    """Maximum 1,000.14, no unearned income, no work allowance, taper 55%: 1,000.14 / 0.55 = 1,818.436..."""
    assert nil_earnings_threshold(D("1000.14"), D(0), D(0), D("0.55")).quantize(D("0.01")) == D("1818.44")


def _adult(profit_a_year: str, hours: int, **extra: Any) -> dict[str, Any]:
    business = {"profit": {"amount": profit_a_year, "period": "year"}, "hours_per_week": hours, "started": "2020-01-01"}
    business.update(extra.pop("business", {}))
    return {"name": "A", "age": 40, "self_employment": business, **extra}


def _point(adult: dict[str, Any], ruleset: Any) -> Any:
    return benefitcalc.calculate({"tax_year": "2025-26", "adults": [adult]}, rules=ruleset)


def test_jsa_stops_at_16_hours_in_the_business(ruleset: Any) -> None:
    """Hours in the business are work: 20 hours is remunerative work (JSA Regs 2013 reg 42), no JSA."""
    point = _point(_adult("5200", 20, new_style_jsa=True), ruleset)
    assert point.programmes["new_style_jsa"].amount == 0


def test_jsa_net_profit_above_the_disregard(ruleset: Any) -> None:
    """10 hours, profit 5,200 a year = 100 a week (no tax or NI); disregard 5: JSA 92.05 - 95 = nil."""
    point = _point(_adult("5200", 10, new_style_jsa=True), ruleset)
    assert point.programmes["new_style_jsa"].amount == 0


def test_esa_permitted_work_with_self_employment(ruleset: Any) -> None:
    """10 hours and a net profit of 5,200 / 52 = 100 a week: under 16 hours and within the 195.50
    limit (ESA Regs 2013 reg 39(1)(c)): ESA is paid (assessment phase 25+: 92.05)."""
    point = _point(_adult("5200", 10, new_style_esa="assessment"), ruleset)
    assert point.programmes["new_style_esa"].amount == D("92.05")
    point = _point(_adult("5200", 20, new_style_esa="assessment"), ruleset)  # 20 hours: not permitted work
    assert point.programmes["new_style_esa"].amount == 0


def test_carers_allowance_reads_net_profit_less_half_the_pension(ruleset: Any) -> None:
    """Profit 11,440 a year = 220.00 a week (under the allowance and the lower profits limit: no tax
    or NI); personal pension 1,040 a year = 20 a week, half deducted: 210.00, over the 196 limit: no
    CA. Paying 3,120 a year (60 a week, half 30): 190.00, within the limit: CA 83.30."""
    carer = {"hours_per_week": 35}
    over = _adult("11440", 10, carer=carer, business={"personal_pension": {"amount": 1040, "period": "year"}})
    assert _point(over, ruleset).programmes["carers_allowance"].amount == 0
    within = _adult("11440", 10, carer=carer, business={"personal_pension": {"amount": 3120, "period": "year"}})
    assert _point(within, ruleset).programmes["carers_allowance"].amount == D("83.30")


def test_tax_free_childcare_start_up_exemption(ruleset: Any) -> None:
    """A new trade (started 1 January 2025, so under 12 months on 7 April 2025) need not meet the
    minimum income of 16 x 12.21 = 195.36 a week (Eligibility Regs reg 9); profit 2,600 a year
    (50 a week) is below it. Childcare 400 a month: top-up 20% x 4,800 = 960 a year (read without UC,
    which would bar it, Act s.11). After 12 months (started 2020) the same profit fails the test."""
    from benefitcalc.engine import calculate_point, make_context
    from benefitcalc.programmes import tax_free_childcare
    from benefitcalc.scenario import scenario_from_data

    def tfc(started: str) -> Any:
        data = {
            "tax_year": "2025-26",
            "adults": [_adult("2600", 10, business={"started": started})],
            "children": [{"age": 4}],
            "childcare": {"amount": 400, "period": "month"},
        }
        scenario = scenario_from_data(data)
        ctx = make_context(scenario, ruleset)
        point = calculate_point(scenario, ctx)
        return tax_free_childcare.calculate(
            scenario, ctx.views.tax_free_childcare, ctx.day, point.earnings, point.tax, None, point.childcare_costs
        )

    assert tfc("2025-01-01").amount == D("960")
    assert tfc("2020-01-01").amount == 0
