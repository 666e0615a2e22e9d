"""Universal Credit: properties that hold for every household (hypothesis).

- The taper: above the work allowance each extra 1 pound of net monthly earnings lowers UC by exactly
  55p until UC reaches nil (reg 22(1)(b)). With every amount rounded to the penny (reg 6(1)) this is
  exact, not approximate: 55% of a whole pound is a whole number of pence, so
  pence(0.55 x (E + 1 - WA)) = pence(0.55 x (E - WA)) + 0.55.
- UC is never negative.
- The award is the maximum amount less the earnings deduction, unearned income, tariff income from
  capital and the benefit cap reduction, line for line and to the penny (or nil where they exceed it).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import benefitcalc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

D = Decimal
TAX_YEARS = benefitcalc.load_rules().tax_years  # every tax year the shipped rules cover (rules/rules.yaml)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def uc_of(data: dict[str, Any], ruleset: Any) -> Any:
    return benefitcalc.calculate(data, rules=ruleset).programmes["universal_credit"]


def couple_with_partner_earnings(tax_year: str, monthly: Decimal) -> dict[str, Any]:
    """A couple with two children and social rent 400: the work allowance is the lower one
    (404 / 411 / 427). A's job is at 0 hours; B has fixed monthly earnings below the tax and NI
    thresholds (12,570 / 12 = 1,047.50), so net earnings equal gross. The maximum amount (at most
    666.97 + 2 x 303.94 + 400 = 1,674.85) stays under the benefit cap of 1,835.00, so the cap never
    absorbs the taper (it would below the earnings exemption: see the means-test tests)."""
    return {
        "tax_year": tax_year,
        "adults": [
            {"name": "A", "age": 30, "job": {"hourly_pay": "12.71", "hours": 0}},
            {"name": "B", "age": 30, "earnings": {"amount": str(monthly), "period": "month"}},
        ],
        "children": [{"age": 3}, {"age": 6}],
        "housing": {"tenure": "social_rent", "rent": {"amount": 400, "period": "month"}, "bedrooms": 2},
        "claims_child_benefit": False,
    }


@SETTINGS
@given(
    tax_year=st.sampled_from(TAX_YEARS),
    pennies=st.integers(
        min_value=42_800, max_value=103_900
    ),  # 428.00 .. 1,039.00 a month: above every lower work allowance
)
def test_each_extra_pound_of_net_earnings_costs_exactly_55p(ruleset, tax_year, pennies):
    earnings = D(pennies) / 100
    low = uc_of(couple_with_partner_earnings(tax_year, earnings), ruleset)
    high = uc_of(couple_with_partner_earnings(tax_year, earnings + 1), ruleset)
    assert high.line("earned_income").amount - low.line("earned_income").amount == D(1)
    assert high.line("earnings_deduction").amount - low.line("earnings_deduction").amount == D("0.55")
    if high.amount > 0:  # (always: the maximum amount, over 1,500, exceeds any deduction here)
        assert low.amount - high.amount == D("0.55")


@SETTINGS
@given(tax_year=st.sampled_from(TAX_YEARS), pennies=st.integers(min_value=0, max_value=40_000))
def test_earnings_within_the_work_allowance_cost_nothing(ruleset, tax_year, pennies):
    earnings = D(pennies) / 100  # up to 400.00 a month: inside the lower work allowance in every year
    base = uc_of(couple_with_partner_earnings(tax_year, D(0)), ruleset)
    working = uc_of(couple_with_partner_earnings(tax_year, earnings), ruleset)
    assert working.line("earnings_deduction").amount == 0
    assert working.amount == base.amount


households = st.fixed_dictionaries(
    {
        "tax_year": st.sampled_from(TAX_YEARS),
        "pay": st.decimals(min_value=D("8.00"), max_value=D("60.00"), places=2),
        "hours": st.decimals(min_value=D(0), max_value=D(60), places=1),
        "couple": st.booleans(),
        "partner_earnings": st.integers(min_value=0, max_value=3000),
        "children": st.integers(min_value=0, max_value=4),
        "tenure": st.sampled_from(["owner", "social_rent", "private_rent"]),
        "rent": st.integers(min_value=200, max_value=2500),
        "health": st.sampled_from(["none", "lcw", "lcwra"]),
        "carer": st.booleans(),
        "esa": st.sampled_from(["none", "assessment", "support"]),
        "capital": st.integers(min_value=0, max_value=17_000),
        "childcare": st.integers(min_value=0, max_value=2000),
        "london": st.booleans(),
        "pension": st.sampled_from(["none", "auto_enrolment"]),
    }
)


def build(h: dict[str, Any]) -> dict[str, Any]:
    adult: dict[str, Any] = {
        "name": "A",
        "age": 35,
        "job": {"hourly_pay": str(h["pay"]), "hours": str(h["hours"]), "pension": h["pension"]},
    }
    adult["universal_credit_health"] = h["health"]
    adult["new_style_esa"] = h["esa"]
    if h["carer"]:
        adult["carer"] = {"hours_per_week": 40}
    adults = [adult]
    if h["couple"]:
        partner: dict[str, Any] = {"name": "B", "age": 33}
        if h["partner_earnings"]:
            partner["earnings"] = {"amount": h["partner_earnings"], "period": "month"}
        adults.append(partner)
    housing: dict[str, Any] = {"tenure": h["tenure"]}
    if h["tenure"] != "owner":
        housing["rent"] = {"amount": h["rent"], "period": "month"}
    if h["tenure"] == "social_rent":
        housing["bedrooms"] = 3
    data: dict[str, Any] = {
        "tax_year": h["tax_year"],
        "adults": adults,
        "children": [{"age": 1 + 3 * i} for i in range(h["children"])],
        "housing": housing,
        "capital": h["capital"],
        "in_greater_london": h["london"],
    }
    if h["childcare"] and h["children"]:
        data["childcare"] = {"amount": h["childcare"], "period": "month"}
    return data


@SETTINGS
@given(h=households)
def test_award_is_the_maximum_amount_less_the_deductions_line_for_line(ruleset, h):
    result = uc_of(build(h), ruleset)
    assert result.amount >= 0
    assert result.amount == result.amount.quantize(D("0.01"))
    if result.fact("excluded_by_capital"):
        assert h["capital"] > 16_000 and result.amount == 0
        return
    lines = {
        key: result.line(key).amount
        for key in (
            "maximum_amount",
            "earnings_deduction",
            "unearned_income",
            "capital_income",
            "benefit_cap_reduction",
        )
    }
    for key, amount in lines.items():
        assert amount == amount.quantize(D("0.01")), f"{key} is not in pence: {amount}"
    net = (
        lines["maximum_amount"]
        - lines["earnings_deduction"]
        - lines["unearned_income"]
        - lines["capital_income"]
        - lines["benefit_cap_reduction"]
    )
    if net > 0:
        assert result.amount == net
    else:
        assert result.amount == 0
    # The maximum amount is the sum of its elements
    elements = (
        "standard_allowance",
        "child_element",
        "disabled_child_element",
        "lcwra_element",
        "carer_element",
        "childcare_element",
        "housing_element",
    )
    parts = sum((result.line(k).amount for k in elements if any(line.key == k for line in result.lines)), D(0))
    if any(line.key == "lcw_element" for line in result.lines):
        parts += result.line("lcw_element").amount
    assert parts == lines["maximum_amount"]
    # The earnings deduction is 55% of earned income above the work allowance, to the penny
    above = max(result.line("earned_income").amount - result.line("work_allowance").amount, D(0))
    assert lines["earnings_deduction"] == (above * D("0.55")).quantize(D("0.01"), rounding="ROUND_HALF_UP")
