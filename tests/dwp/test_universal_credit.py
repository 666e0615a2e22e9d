"""Universal Credit: the elements of the maximum amount (UC Regs 2013, SI 2013/376, Part 4).

Every expected figure is worked by hand from the amounts in rules/dwp/universal_credit.yaml (the
reg 36 table as up-rated each year), with the arithmetic written beside it. Households here have no
earnings and no housing costs (owner-occupiers), so the award is the maximum amount itself.

Amounts used (per month):            2024-25   2025-26   2026-27
  standard allowance single <25       311.68    316.98    338.58
  standard allowance single 25+       393.45    400.14    424.90
  standard allowance joint both <25   489.23    497.55    528.34
  standard allowance joint 25+        617.60    628.10    666.97
  child element, first child born
    before 6 April 2017               333.33    339.00    351.88
  child element, other children       287.92    292.81    303.94
  disabled child addition lower       156.11    158.76    164.79
  disabled child addition higher      487.58    495.87    514.71
  LCW element (protected claims)      156.11    158.76    158.76
  LCWRA element, protected            416.19    423.27    429.80
  LCWRA element, new claimant         416.19    423.27    217.26
  carer element                       198.31    201.68    209.34
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import benefitcalc
import pytest

D = Decimal
NLW = {"2024-25": "11.44", "2025-26": "12.21", "2026-27": "12.71"}


def household(
    tax_year: str | None = None, *, date: str | None = None, adults: list[dict[str, Any]] | None = None, **extra: Any
) -> dict[str, Any]:
    """An owner-occupier household; the first adult has a job at 0 hours unless given."""
    data: dict[str, Any] = {
        "adults": adults
        or [{"name": "A", "age": 30, "job": {"hourly_pay": NLW.get(tax_year or "", "12.21"), "hours": 0}}],
        "housing": {"tenure": "owner"},
        "claims_child_benefit": False,
    }
    if tax_year:
        data["tax_year"] = tax_year
    if date:
        data["date"] = date
    data.update(extra)
    return data


def uc(data: dict[str, Any], ruleset: Any, hours: Any = None) -> Any:
    return benefitcalc.calculate(data, hours=hours, rules=ruleset).programmes["universal_credit"]


def worker(age: int = 30, pay: str = "12.21", **extra: Any) -> dict[str, Any]:
    return {"name": "A", "age": age, "job": {"hourly_pay": pay, "hours": 0}, **extra}


def partner(age: int = 30, **extra: Any) -> dict[str, Any]:
    return {"name": "B", "age": age, **extra}


# --- standard allowance (reg 36) -------------------------------------------------------------


@pytest.mark.parametrize(
    "tax_year, single_u25, single_25, joint_u25, joint_25",
    [
        ("2024-25", "311.68", "393.45", "489.23", "617.60"),
        ("2025-26", "316.98", "400.14", "497.55", "628.10"),
        ("2026-27", "338.58", "424.90", "528.34", "666.97"),
    ],
)
def test_standard_allowance_by_age_and_couple(ruleset, tax_year, single_u25, single_25, joint_u25, joint_25):
    # No earnings, no children, no housing costs: the award is the standard allowance alone.
    assert uc(household(tax_year, adults=[worker(24)]), ruleset).amount == D(single_u25)
    assert uc(household(tax_year, adults=[worker(25)]), ruleset).amount == D(single_25)
    assert uc(household(tax_year, adults=[worker(24), partner(18)]), ruleset).amount == D(joint_u25)
    # A joint claim where either claimant is 25 or over gets the higher joint rate (reg 36 table)
    assert uc(household(tax_year, adults=[worker(24), partner(25)]), ruleset).amount == D(joint_25)
    assert uc(household(tax_year, adults=[worker(60), partner(59)]), ruleset).amount == D(joint_25)


# --- child element (regs 24, 24A, 36) ---------------------------------------------------------


def child_total(data: dict[str, Any], ruleset: Any) -> Decimal:
    return uc(data, ruleset).line("child_element").amount


@pytest.mark.parametrize(
    "tax_year, higher, lower",
    [("2024-25", "333.33", "287.92"), ("2025-26", "339.00", "292.81"), ("2026-27", "351.88", "303.94")],
)
def test_higher_rate_only_for_a_first_child_born_before_6_april_2017(ruleset, tax_year, higher, lower):
    before = {"date_of_birth": "2017-04-05"}
    on_the_day = {"date_of_birth": "2017-04-06"}  # born ON 6 April 2017: not "before"
    assert child_total(household(tax_year, children=[before]), ruleset) == D(higher)
    assert child_total(household(tax_year, children=[on_the_day]), ruleset) == D(lower)
    # Eldest born before the date, second after: higher + lower
    assert child_total(household(tax_year, children=[{"date_of_birth": "2019-01-01"}, before]), ruleset) == D(
        higher
    ) + D(lower)
    # Two children both born before 6 April 2017: only the first (eldest) gets the higher rate
    two_before = [{"date_of_birth": "2012-03-01"}, {"date_of_birth": "2015-09-30"}]
    assert child_total(household(tax_year, children=two_before), ruleset) == D(higher) + D(lower)
    # The award is the standard allowance (30, single) plus the child elements
    sa = {"2024-25": D("393.45"), "2025-26": D("400.14"), "2026-27": D("424.90")}[tax_year]
    assert uc(household(tax_year, children=two_before), ruleset).amount == sa + D(higher) + D(lower)


def test_two_child_limit_2025_26(ruleset):
    after = [{"date_of_birth": "2018-05-01"}, {"date_of_birth": "2020-07-01"}, {"date_of_birth": "2022-09-01"}]
    # Three children born after 5 April 2017: elements for the first two only (reg 24A)
    # 2 x 292.81 = 585.62
    assert child_total(household("2025-26", children=after), ruleset) == D("585.62")
    line = uc(household("2025-26", children=after), ruleset).line("child_element_3")
    assert line.amount == 0 and "two-child limit" in line.label
    # An exception for the third child (e.g. multiple birth, reg 24B) restores its element: 3 x 292.81 = 878.43
    with_exception = after[:2] + [{"date_of_birth": "2022-09-01", "two_child_limit_exception": True}]
    assert child_total(household("2025-26", children=with_exception), ruleset) == D("878.43")
    # An eldest child born before 6 April 2017 counts as one of the two: 339.00 + 292.81 = 631.81
    mixed = [{"date_of_birth": "2015-01-01"}, {"date_of_birth": "2018-01-01"}, {"date_of_birth": "2020-01-01"}]
    assert child_total(household("2025-26", children=mixed), ruleset) == D("631.81")
    # Children born before 6 April 2017 are never excluded: 339.00 + 2 x 292.81 = 924.62
    all_before = [{"date_of_birth": "2010-01-01"}, {"date_of_birth": "2012-01-01"}, {"date_of_birth": "2016-01-01"}]
    assert child_total(household("2025-26", children=all_before), ruleset) == D("924.62")


def test_two_child_limit_2024_25(ruleset):
    after = [{"date_of_birth": "2018-05-01"}, {"date_of_birth": "2020-07-01"}, {"date_of_birth": "2022-09-01"}]
    # 2 x 287.92 = 575.84
    assert child_total(household("2024-25", children=after), ruleset) == D("575.84")


def test_two_child_limit_abolished_for_assessment_periods_from_6_april_2026(ruleset):
    """Universal Credit (Removal of Two Child Limit) Act 2026: assessment periods beginning on or
    after 6 April 2026 include a child element for every child; earlier ones keep the limit."""
    after = [{"date_of_birth": "2018-05-01"}, {"date_of_birth": "2020-07-01"}, {"date_of_birth": "2022-09-01"}]
    # Assessment period beginning 5 April 2026: limit applies, 2025-26 amounts: 2 x 292.81 = 585.62
    assert child_total(household(date="2026-04-05", children=after), ruleset) == D("585.62")
    # Beginning 6 April 2026: no limit, 2026-27 amounts: 3 x 303.94 = 911.82
    assert child_total(household(date="2026-04-06", children=after), ruleset) == D("911.82")
    # Four children, eldest born before 6 April 2017, 2026-27: 351.88 + 3 x 303.94 = 1,263.70
    four = [{"date_of_birth": "2014-01-01"}] + after
    assert child_total(household("2026-27", children=four), ruleset) == D("1263.70")


def test_age_alone_before_2017_is_exact_when_the_child_is_old_enough(ruleset):
    # At 7 April 2025 a child aged 10 was born between 8 April 2014 and 7 April 2015: before 6 April 2017
    # -> higher rate 339.00; aged 6 -> born 8 April 2018 to 7 April 2019 -> 292.81.
    assert child_total(household("2025-26", children=[{"age": 10}]), ruleset) == D("339.00")
    assert child_total(household("2025-26", children=[{"age": 6}]), ruleset) == D("292.81")


# --- disabled child addition (reg 24(2)) ------------------------------------------------------


@pytest.mark.parametrize(
    "tax_year, lower, higher",
    [("2024-25", "156.11", "487.58"), ("2025-26", "158.76", "495.87"), ("2026-27", "164.79", "514.71")],
)
def test_disabled_child_additions(ruleset, tax_year, lower, higher):
    children = [
        {"date_of_birth": "2019-01-01", "disability": "lower"},
        {"date_of_birth": "2020-01-01", "disability": "higher"},
    ]
    result = uc(household(tax_year, children=children), ruleset)
    assert result.line("disabled_child_1").amount == D(lower)
    assert result.line("disabled_child_2").amount == D(higher)
    assert result.line("disabled_child_element").amount == D(lower) + D(higher)


def test_disabled_child_addition_is_paid_for_a_child_excluded_by_the_two_child_limit(ruleset):
    children = [
        {"date_of_birth": "2018-01-01"},
        {"date_of_birth": "2019-01-01"},
        {"date_of_birth": "2021-01-01", "disability": "higher"},
    ]
    result = uc(household("2025-26", children=children), ruleset)
    # child elements 2 x 292.81 = 585.62; addition for the third child 495.87
    assert result.line("child_element").amount == D("585.62")
    assert result.line("disabled_child_element").amount == D("495.87")
    # award: 400.14 + 585.62 + 495.87 = 1,481.63
    assert result.amount == D("1481.63")


# --- LCW and LCWRA elements (regs 27, 28; Universal Credit Act 2025) -------------------------


@pytest.mark.parametrize("tax_year, lcw", [("2024-25", "156.11"), ("2025-26", "158.76"), ("2026-27", "158.76")])
def test_lcw_element_only_for_a_protected_claim(ruleset, tax_year, lcw):
    sa = {"2024-25": D("393.45"), "2025-26": D("400.14"), "2026-27": D("424.90")}[tax_year]
    protected = uc(
        household(tax_year, adults=[worker(universal_credit_health="lcw", lcw_element_protected=True)]), ruleset
    )
    assert protected.line("lcw_element").amount == D(lcw)
    assert protected.amount == sa + D(lcw)
    # LCW found on a claim from 3 April 2017: no element (but a work allowance: see the means-test tests)
    plain = uc(household(tax_year, adults=[worker(universal_credit_health="lcw")]), ruleset)
    assert plain.amount == sa


@pytest.mark.parametrize("tax_year, amount", [("2024-25", "416.19"), ("2025-26", "423.27")])
def test_lcwra_element_one_rate_before_april_2026(ruleset, tax_year, amount):
    sa = {"2024-25": D("393.45"), "2025-26": D("400.14")}[tax_year]
    for protected in (None, False, True):
        adult = worker(universal_credit_health="lcwra")
        if protected is not None:
            adult["health_element_protected"] = protected
        result = uc(household(tax_year, adults=[adult]), ruleset)
        assert result.line("lcwra_element").amount == D(amount)
        assert result.amount == sa + D(amount)


def test_lcwra_element_2026_27_new_claimant_and_protected(ruleset):
    new = uc(
        household("2026-27", adults=[worker(universal_credit_health="lcwra", health_element_protected=False)]), ruleset
    )
    protected = uc(
        household("2026-27", adults=[worker(universal_credit_health="lcwra", health_element_protected=True)]), ruleset
    )
    assert new.line("lcwra_element").amount == D("217.26")
    assert protected.line("lcwra_element").amount == D("429.80")
    # 424.90 + 217.26 = 642.16; 424.90 + 429.80 = 854.70
    assert new.amount == D("642.16")
    assert protected.amount == D("854.70")
    # Status not given: the lower new-claimant rate, with a warning saying so
    unknown = uc(household("2026-27", adults=[worker(universal_credit_health="lcwra")]), ruleset)
    assert unknown.line("lcwra_element").amount == D("217.26")
    assert any(w.code == "health_element_status_assumed" for w in unknown.warnings)


def test_lcwra_element_included_once_for_a_couple(ruleset):
    # reg 27(4): one LCWRA element per award even if both joint claimants have LCWRA
    both = [worker(40, universal_credit_health="lcwra"), partner(40, universal_credit_health="lcwra")]
    result = uc(household("2025-26", adults=both), ruleset)
    # 628.10 + 423.27 = 1,051.37
    assert result.amount == D("1051.37")


# --- carer element (regs 29, 30) --------------------------------------------------------------


@pytest.mark.parametrize("tax_year, carer", [("2024-25", "198.31"), ("2025-26", "201.68"), ("2026-27", "209.34")])
def test_carer_element_from_35_hours(ruleset, tax_year, carer):
    sa = {"2024-25": D("393.45"), "2025-26": D("400.14"), "2026-27": D("424.90")}[tax_year]
    at_35 = uc(
        household(tax_year, adults=[worker(carer={"hours_per_week": 35, "claims_carers_allowance": False})]), ruleset
    )
    assert at_35.line("carer_element").amount == D(carer)
    assert at_35.amount == sa + D(carer)
    under = uc(
        household(tax_year, adults=[worker(carer={"hours_per_week": "34.5", "claims_carers_allowance": False})]),
        ruleset,
    )
    assert under.line("carer_element").amount == 0
    assert under.amount == sa


def test_carer_element_not_with_lcwra_for_the_same_claimant(ruleset):
    # reg 29(4): a single claimant with LCWRA who also cares gets only the LCWRA element
    adult = worker(universal_credit_health="lcwra", carer={"hours_per_week": 40, "claims_carers_allowance": False})
    result = uc(household("2025-26", adults=[adult]), ruleset)
    assert result.line("carer_element").amount == 0
    assert result.amount == D("400.14") + D("423.27")  # 823.41


def test_carer_element_for_one_partner_and_lcwra_for_the_other(ruleset):
    # A has LCWRA; B cares for A 35+ hours: both elements (different claimants)
    adults = [
        worker(40, universal_credit_health="lcwra"),
        partner(40, carer={"hours_per_week": 50, "claims_carers_allowance": False}),
    ]
    result = uc(household("2025-26", adults=adults), ruleset)
    # 628.10 + 423.27 + 201.68 = 1,253.05
    assert result.amount == D("1253.05")


def test_couple_both_lcwra_one_a_carer_gets_both_elements(ruleset):
    """reg 29(4) bars the carer element for a claimant with LCWRA only where the LCWRA element has
    not been included in respect of the other joint claimant. Both have LCWRA, so the one LCWRA
    element (reg 27(4)) is the non-carer's and the carer keeps the carer element."""
    adults = [
        worker(40, universal_credit_health="lcwra"),
        partner(40, universal_credit_health="lcwra", carer={"hours_per_week": 40, "claims_carers_allowance": False}),
    ]
    result = uc(household("2025-26", adults=adults), ruleset)
    # 628.10 + 423.27 + 201.68 = 1,253.05
    assert result.line("carer_element").amount == D("201.68")
    assert result.amount == D("1253.05")


def test_two_carers_in_a_couple_get_two_carer_elements(ruleset):
    # reg 29(2)-(3): both joint claimants caring (for different people) each get the element
    adults = [
        worker(40, carer={"hours_per_week": 35, "claims_carers_allowance": False}),
        partner(40, carer={"hours_per_week": 35, "claims_carers_allowance": False}),
    ]
    # 628.10 + 2 x 201.68 = 1,031.46
    assert uc(household("2025-26", adults=adults), ruleset).amount == D("1031.46")
