"""Councils added for 2026-27 in the third pass, one hand-worked household per design variant they
bring (figures from each council's file under rules/local_authority/council_tax_reduction/, whose
sources are named there; UC from rules/dwp/universal_credit.yaml for 2026-27):

* a hybrid whose UC regime is banded on EARNINGS, with grids by household (Enfield);
* UC elements taken off the award, and an earnings disregard applied to DWP's UC earnings (Ashford);
* MONTHLY earnings bands with a band of its own for no earnings (Bury);
* a grid for a household with a child under 5 (Plymouth);
* a protected group (carers) with a flat rate in an earnings-banded scheme (Hounslow);
* a flat non-dependant deduction by work status (Lambeth: GBP10 with no earnings, GBP16 with).

UC for 2026-27: single 25+ standard allowance 424.90 a month, child amount 303.94, taper 55%, higher
work allowance 710 (no housing costs), national living wage 12.71. 8 hours: pay 101.68 a week =
440.61 a month (no tax or NI); a single person's UC is 424.90 - 55% x 440.61 (242.34) = 182.56; a lone
parent's earnings are inside the 710 work allowance, so UC is the maximum 728.84. Each bill is 1,500
a year, so x% of the weekly liability for the year is x% of 1,500.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import benefitcalc
from benefitcalc.programmes import council_tax_reduction as ctr

D = Decimal


def household(scheme: str, *, children: tuple[int, ...] = ()) -> dict[str, Any]:
    return {
        "tax_year": "2026-27",
        "nation": "england",
        "adults": [{"name": "A", "age": 30, "job": {"hourly_pay": "12.71", "hours": 0}}],
        "children": [{"age": age} for age in children],
        "housing": {
            "tenure": "owner",
            "council_tax": {"amount": 1500, "period": "year"},
            "council_tax_reduction_scheme": scheme,
        },
    }


def result(data: dict[str, Any], ruleset: Any, hours: int) -> Any:
    return benefitcalc.calculate(data, hours=hours, rules=ruleset).programmes["council_tax_reduction"]


def award(data: dict[str, Any], ruleset: Any, hours: int) -> Decimal:
    return result(data, ruleset, hours).amount.quantize(D("0.01"), rounding="ROUND_HALF_UP")


def line(data: dict[str, Any], ruleset: Any, hours: int, key: str) -> Any:
    return {item.key: item for item in result(data, ruleset, hours).lines}[key]


def test_enfield_uc_claimants_banded_on_earnings_others_means_tested(ruleset):
    # On UC, no pay: the single grid's first band (up to 55.00): 50% = 750.00.
    assert award(household("enfield"), ruleset, 0) == D("750.00")
    # On UC, 8 hours: DWP's earned income 440.61 x 12 / 52 = 101.68, no disregard: up to 104.60: 40% = 600.00.
    assert award(household("enfield"), ruleset, 8) == D("600.00")
    # 16 hours, no UC: 50% x 28.767123 = 14.383562; income 203.36 - 5 = 198.36 less 95.55 = 102.81;
    # 22.5% = 23.13, more than the maximum: nothing.
    assert award(household("enfield"), ruleset, 16) == D("0.00")
    assert "not on Universal Credit" in line(household("enfield"), ruleset, 16, "regime").label


def test_ashford_ignores_the_uc_child_element_and_disregards_25_from_uc_earnings(ruleset):
    # Lone parent, no pay: UC 728.84 less the child element 303.94 = 424.90 x 12 / 52 = 98.05; 90% = 1,350.00.
    lone_parent = household("ashford", children=(7,))
    assert line(lone_parent, ruleset, 0, "income").amount.quantize(D("0.01")) == D("98.05")
    assert award(lone_parent, ruleset, 0) == D("1350.00")
    # Single, 8 hours: 101.68 - 25 = 76.68, plus UC 182.56 x 12 / 52 = 42.13: 118.81, up to 127.11: 90%.
    assert line(household("ashford"), ruleset, 8, "income").amount.quantize(D("0.01")) == D("118.81")
    assert award(household("ashford"), ruleset, 8) == D("1350.00")


def test_bury_monthly_earnings_bands_with_a_no_earnings_band(ruleset):
    # No earnings: 80% = 1,200.00. 8 hours: 101.68 x 52 / 12 = 440.61 a month, in 100.01-500.00: 40% = 600.00.
    assert award(household("bury"), ruleset, 0) == D("1200.00")
    assert award(household("bury"), ruleset, 8) == D("600.00")


def test_plymouth_a_child_under_5_uses_the_larger_familys_grid(ruleset):
    # Lone parent, 8 hours: 101.68 + UC 728.84 x 12 / 52 (168.19) = 269.87. With a child of 7 the one-child
    # grid (263.01-329.00) gives 60% = 900.00; with a child of 3 the under-5 grid (up to 329.00) gives 80%.
    assert award(household("plymouth", children=(7,)), ruleset, 8) == D("900.00")
    assert award(household("plymouth", children=(3,)), ruleset, 8) == D("1200.00")


def test_hounslow_carers_rate(ruleset):
    # 16 hours, no UC: net earnings 203.36 - 5 = 198.36, in the single grid's 161.01-201.00: 30% = 450.00.
    assert award(household("hounslow"), ruleset, 16) == D("450.00")
    carer = household("hounslow")
    carer["adults"][0]["carer"] = {"hours_per_week": 35}
    # Carer's Allowance (the carer premium): the carers' rate, 90% = 1,350.00, whatever the earnings.
    assert award(carer, ruleset, 0) == D("1350.00")


def test_lambeth_non_dependant_deduction_by_work(ruleset):
    # No earnings: 73.5% of 28.767123 = 21.143836 a week; a non-dependant with no pay takes 10, one
    # in work 16: (21.143836 - 10) x 365 / 7 = 581.07; (21.143836 - 16) x 365 / 7 = 268.21.
    data = household("lambeth")
    data["housing"]["non_dependants"] = [{"age": 30, "remunerative_work": False}]
    assert award(data, ruleset, 0) == D("581.07")
    data["housing"]["non_dependants"] = [
        {"age": 30, "remunerative_work": True, "gross_income": {"amount": 300, "period": "week"}}
    ]
    assert award(data, ruleset, 0) == D("268.21")


def test_at_least_60_english_councils_are_held_for_2026_27_and_each_works_out(ruleset):
    # Issue #12: at least 60 English billing authorities' 2026-27 working-age schemes. Each one held for
    # the whole year must work out a reduction for a household with no income (on UC) without error,
    # and (every council scheme having some maximum above nil) give it something.
    held = [
        s
        for s in ctr.list_schemes(ruleset)
        if s.nation == "england"
        and s.applies_to == "working_age"
        and any(h.start <= date(2026, 4, 1) and (h.end is None or h.end >= date(2027, 3, 31)) for h in s.held)
    ]
    assert len(held) >= 60
    for scheme in held:
        assert award(household(scheme.id), ruleset, 0) > 0, scheme.id
