"""Universal Credit: childcare and housing elements, work allowance, taper, unearned income,
capital, the benefit cap and joint claims (UC Regs 2013, SI 2013/376).

Expected figures are worked by hand from rules/ values (amounts a month unless said):
  2025-26: standard allowance single 25+ 400.14, joint 25+ 628.10; child element 292.81;
  work allowance higher 684 / lower 411; taper 55%; childcare 85%, caps 1,031.88 (one child) and
  1,768.94 (two or more); non-dependant housing cost contribution 93.02; under-occupancy 14% / 25%;
  capital 6,000-16,000 with 4.35 for each 250 or part; benefit cap outside London 22,020 / 14,753 a
  year; national living wage 12.21 (2024-25: 11.44; 2026-27: 12.71).
Income tax and NI in these examples: personal allowance / primary threshold 12,570 a year, 20% and
8% above it.

Every amount worked out under the Regulations is rounded to the nearest penny (reg 6(1)): the 55%
deduction, each unearned income conversion (x 52 / 12, reg 73), the 85% childcare share, the
under-occupancy cut. The award is then exactly the maximum amount less those lines. The month's
average pay (a year's pay / 12) models the pay received and is not itself rounded; tests compare it
to the penny with ``pence``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import benefitcalc
import pytest

D = Decimal


def pence(amount: Decimal) -> Decimal:
    return amount.quantize(D("0.01"), rounding="ROUND_HALF_UP")


def uc(data: dict[str, Any], ruleset: Any, hours: Any = None) -> Any:
    return benefitcalc.calculate(data, hours=hours, rules=ruleset).programmes["universal_credit"]


def job(pay: str = "12.21", hours: Any = 0, **extra: Any) -> dict[str, Any]:
    return {"hourly_pay": pay, "hours": hours, **extra}


# --- childcare costs element (regs 31-35) -----------------------------------------------------


def lone_parent(childcare: dict[str, Any] | None, children: list[dict[str, Any]], hours: Any = 16) -> dict[str, Any]:
    data: dict[str, Any] = {
        "tax_year": "2025-26",
        "adults": [{"name": "A", "age": 30, "job": job(hours=hours)}],
        "children": children,
        "housing": {"tenure": "owner"},
        "claims_child_benefit": False,
    }
    if childcare:
        data["childcare"] = childcare
    return data


def test_childcare_85_percent_of_costs(ruleset):
    one = [{"age": 3}]
    # 85% x 400.00 = 340.00
    assert uc(lone_parent({"amount": 400, "period": "month"}, one), ruleset).line("childcare_element").amount == D(
        "340.00"
    )
    # weekly 100 -> 100 x 52 / 12 = 433.33 a month; 85% = 368.3305 -> 368.33
    assert uc(lone_parent({"amount": 100, "period": "week"}, one), ruleset).line("childcare_element").amount == D(
        "368.33"
    )


def test_childcare_caps_for_one_and_two_or_more_children(ruleset):
    # One child: 85% x 1,500 = 1,275.00 > cap 1,031.88
    assert uc(lone_parent({"amount": 1500, "period": "month"}, [{"age": 3}]), ruleset).line(
        "childcare_element"
    ).amount == D("1031.88")
    # Two children: 85% x 2,500 = 2,125.00 > cap 1,768.94
    two = [{"age": 3}, {"age": 6}]
    assert uc(lone_parent({"amount": 2500, "period": "month"}, two), ruleset).line("childcare_element").amount == D(
        "1768.94"
    )
    # Two children, 85% x 1,500 = 1,275.00 < 1,768.94: not capped
    assert uc(lone_parent({"amount": 1500, "period": "month"}, two), ruleset).line("childcare_element").amount == D(
        "1275.00"
    )


def test_childcare_needs_paid_work(ruleset):
    # reg 32(1)(a): a single claimant not in paid work gets no childcare element
    not_working = uc(lone_parent({"amount": 400, "period": "month"}, [{"age": 3}], hours=0), ruleset)
    assert not_working.line("childcare_element").amount == 0


def couple_with_childcare(partner: dict[str, Any]) -> dict[str, Any]:
    return {
        "tax_year": "2025-26",
        "adults": [{"name": "A", "age": 30, "job": job(hours=20)}, {"name": "B", "age": 30, **partner}],
        "children": [{"age": 2}],
        "childcare": {"amount": 400, "period": "month"},
        "housing": {"tenure": "owner"},
        "claims_child_benefit": False,
    }


def test_childcare_work_condition_for_a_couple(ruleset):
    # reg 32(1)(b): both joint claimants in paid work, or one in paid work and the other with LCW
    # or caring for a severely disabled person. 85% x 400 = 340.00
    assert uc(couple_with_childcare({}), ruleset).line("childcare_element").amount == 0
    assert uc(couple_with_childcare({"earnings": {"amount": 300, "period": "month"}}), ruleset).line(
        "childcare_element"
    ).amount == D("340.00")
    assert uc(couple_with_childcare({"universal_credit_health": "lcw"}), ruleset).line("childcare_element").amount == D(
        "340.00"
    )
    carer = {"carer": {"hours_per_week": 35, "claims_carers_allowance": False}}
    assert uc(couple_with_childcare(carer), ruleset).line("childcare_element").amount == D("340.00")


def test_lone_parent_with_childcare_full_award(ruleset):
    """Lone parent, 30, one child aged 2, social rent 600 a month (2 bedrooms: parent + child, no
    under-occupancy), 25 hours at 12.21, childcare 500 a month, 2025-26.

    pay 25 x 12.21 = 305.25 a week x 52 = 15,873.00 a year
    income tax (15,873.00 - 12,570) x 20% = 660.60;  NI 3,303.00 x 8% = 264.24
    earned income (15,873.00 - 660.60 - 264.24) / 12 = 14,948.16 / 12 = 1,245.68
    maximum 400.14 + child 292.81 + childcare 85% x 500 = 425.00 + housing 600.00 = 1,717.95
    work allowance (child, housing element) lower 411
    deduction 55% x (1,245.68 - 411) = 55% x 834.68 = 459.074 -> 459.07
    award 1,717.95 - 459.07 = 1,258.88 (earnings 1,245.68 >= 846: benefit cap exempt)
    """
    data = {
        "tax_year": "2025-26",
        "adults": [{"name": "A", "age": 30, "job": job(hours=25)}],
        "children": [{"age": 2}],
        "childcare": {"amount": 500, "period": "month"},
        "housing": {"tenure": "social_rent", "rent": {"amount": 600, "period": "month"}, "bedrooms": 2},
    }
    result = uc(data, ruleset)
    assert pence(result.line("earned_income").amount) == D("1245.68")
    assert result.line("maximum_amount").amount == D("1717.95")
    assert result.line("work_allowance").amount == D("411")
    assert result.line("earnings_deduction").amount == D("459.07")
    assert result.line("benefit_cap_reduction").amount == 0
    assert result.amount == D("1258.88")


# --- housing costs element (Sch 4) ------------------------------------------------------------


def renter(housing: dict[str, Any], adult: dict[str, Any] | None = None, tax_year: str = "2025-26") -> dict[str, Any]:
    return {
        "tax_year": tax_year,
        "adults": [{"name": "A", "age": 40, "job": job(hours=0), **(adult or {})}],
        "housing": housing,
    }


def test_social_renter_caught_by_under_occupancy(ruleset):
    # Single adult needs 1 bedroom (Sch 4 para 10). Rent 500.00 a month.
    one_spare = uc(
        renter({"tenure": "social_rent", "rent": {"amount": 500, "period": "month"}, "bedrooms": 2}), ruleset
    )
    # 14% x 500.00 = 70.00 -> 430.00; award 400.14 + 430.00 = 830.14
    assert one_spare.line("housing_under_occupancy").amount == D("-70.00")
    assert one_spare.line("housing_element").amount == D("430.00")
    assert one_spare.amount == D("830.14")
    two_spare = uc(
        renter({"tenure": "social_rent", "rent": {"amount": 500, "period": "month"}, "bedrooms": 3}), ruleset
    )
    # 25% x 500.00 = 125.00 -> 375.00; award 775.14
    assert two_spare.line("housing_element").amount == D("375.00")
    assert two_spare.amount == D("775.14")
    # Weekly rent 115.38: x 52 / 12 = 499.98 (Sch 4 para 7); 14% = 69.9972 -> 70.00; 429.98
    weekly = uc(
        renter({"tenure": "social_rent", "rent": {"amount": "115.38", "period": "week"}, "bedrooms": 2}), ruleset
    )
    assert weekly.line("housing_eligible_rent").amount == D("499.98")
    assert weekly.line("housing_element").amount == D("429.98")
    # No spare room: the whole rent
    right_size = uc(
        renter({"tenure": "social_rent", "rent": {"amount": 500, "period": "month"}, "bedrooms": 1}), ruleset
    )
    assert right_size.line("housing_element").amount == D("500.00")


def test_under_occupancy_with_children_sharing(ruleset):
    # Lone parent with two children under 10: parent 1 room + children share 1 = 2 allowed.
    # A 3-bedroom social home has one spare: 14% x 700.00 = 98.00 -> 602.00
    data = renter({"tenure": "social_rent", "rent": {"amount": 700, "period": "month"}, "bedrooms": 3})
    data["children"] = [{"age": 4}, {"age": 7}]
    data["claims_child_benefit"] = False
    assert uc(data, ruleset).line("housing_element").amount == D("602.00")


def test_private_rent_capped_at_the_lha_given(ruleset):
    capped = uc(
        renter(
            {
                "tenure": "private_rent",
                "rent": {"amount": 900, "period": "month"},
                "local_housing_allowance": {"amount": 750, "period": "month"},
            }
        ),
        ruleset,
    )
    assert capped.line("housing_element").amount == D("750.00")
    assert capped.amount == D("1150.14")  # 400.14 + 750.00
    below = uc(
        renter(
            {
                "tenure": "private_rent",
                "rent": {"amount": 700, "period": "month"},
                "local_housing_allowance": {"amount": 750, "period": "month"},
            }
        ),
        ruleset,
    )
    assert below.line("housing_element").amount == D("700.00")
    # Weekly LHA 172.60 x 52 / 12 = 747.9333 -> 747.93
    weekly = uc(
        renter(
            {
                "tenure": "private_rent",
                "rent": {"amount": 900, "period": "month"},
                "local_housing_allowance": {"amount": "172.60", "period": "week"},
            }
        ),
        ruleset,
    )
    assert weekly.line("housing_element").amount == D("747.93")
    # Private renters are not subject to the social-sector under-occupancy rule
    spare = uc(
        renter(
            {
                "tenure": "private_rent",
                "rent": {"amount": 700, "period": "month"},
                "local_housing_allowance": {"amount": 750, "period": "month"},
                "bedrooms": 3,
            }
        ),
        ruleset,
    )
    assert spare.line("housing_element").amount == D("700.00")


def test_owner_occupier_gets_no_housing_element(ruleset):
    result = uc(renter({"tenure": "owner"}), ruleset)
    assert result.line("housing_element").amount == 0
    assert result.amount == D("400.14")


def test_non_dependant_housing_cost_contribution(ruleset):
    base = {"tenure": "social_rent", "rent": {"amount": 500, "period": "month"}, "bedrooms": 2}
    # Claimant + non-dependant aged 25: 2 rooms allowed, none spare; contribution 93.02 (Sch 4 para 14)
    # housing 500.00 - 93.02 = 406.98; award 400.14 + 406.98 = 807.12
    result = uc(renter({**base, "non_dependants": [{"age": 25}]}), ruleset)
    assert result.line("housing_element").amount == D("406.98")
    assert result.amount == D("807.12")
    # Non-dependant under 21: no contribution (Sch 4 para 16(2)(a))
    assert uc(renter({**base, "non_dependants": [{"age": 20}]}), ruleset).line("housing_element").amount == D("500.00")
    # Non-dependant exempt (e.g. gets PIP daily living or Carer's Allowance, para 16(2))
    assert uc(renter({**base, "non_dependants": [{"age": 30, "exempt_from_deduction": True}]}), ruleset).line(
        "housing_element"
    ).amount == D("500.00")


def test_no_non_dependant_contribution_where_the_renter_gets_a_disability_benefit(ruleset):
    """Sch 4 para 15: no housing cost contribution is deducted where the renter (or either joint
    renter) gets Attendance Allowance, DLA care at the middle or highest rate, or the PIP / ADP
    daily living component."""
    base = {
        "tenure": "social_rent",
        "rent": {"amount": 500, "period": "month"},
        "bedrooms": 2,
        "non_dependants": [{"age": 25}],
    }
    pip = uc(renter(base, {"pip": {"daily_living": "standard"}}), ruleset)
    assert pip.line("housing_element").amount == D("500.00")
    dla_middle = uc(renter(base, {"disability_living_allowance": {"care": "middle"}}), ruleset)
    assert dla_middle.line("housing_element").amount == D("500.00")
    # PIP mobility only or DLA lowest care do not exempt: 500.00 - 93.02 = 406.98
    mobility = uc(renter(base, {"pip": {"mobility": "enhanced"}}), ruleset)
    assert mobility.line("housing_element").amount == D("406.98")
    dla_low = uc(renter(base, {"disability_living_allowance": {"care": "lowest"}}), ruleset)
    assert dla_low.line("housing_element").amount == D("406.98")


# --- work allowance and taper (reg 22) --------------------------------------------------------


def test_no_work_allowance_without_children_or_lcw(ruleset):
    # Worked example 1 (16 h at 12.21, 2025-26): 16 x 12.21 x 52 / 12 = 846.56; 55% = 465.608 -> 465.61
    data = renter(
        {"tenure": "social_rent", "rent": {"amount": 500, "period": "month"}, "bedrooms": 1}, tax_year="2025-26"
    )
    result = uc(data, ruleset, hours=16)
    assert result.line("work_allowance").amount == 0
    assert result.line("earnings_deduction").amount == D("465.61")
    assert result.amount == D("434.53")  # 900.14 - 465.61


def test_higher_work_allowance_with_lcw_and_no_housing_costs(ruleset):
    """LCW (no element: claim after 3 April 2017) still gives a work allowance, the higher one as
    there is no housing element. 20 h x 12.21 = 244.20 a week x 52 = 12,698.40 a year;
    tax (12,698.40 - 12,570) x 20% = 25.68; NI 128.40 x 8% = 10.272;
    earned (12,698.40 - 25.68 - 10.272) / 12 = 1,055.204;
    deduction 55% x (1,055.204 - 684) = 55% x 371.204 = 204.1622 -> 204.16; award 400.14 - 204.16 = 195.98."""
    data = renter({"tenure": "owner"}, {"universal_credit_health": "lcw"})
    result = uc(data, ruleset, hours=20)
    assert result.line("work_allowance").amount == D("684")
    assert pence(result.line("earned_income").amount) == D("1055.20")
    assert result.line("earnings_deduction").amount == D("204.16")
    assert result.amount == D("195.98")


@pytest.mark.parametrize(
    "tax_year, higher, lower", [("2024-25", "673", "404"), ("2025-26", "684", "411"), ("2026-27", "710", "427")]
)
def test_work_allowance_higher_without_and_lower_with_housing(ruleset, tax_year, higher, lower):
    child = {"children": [{"age": 4}], "claims_child_benefit": False}
    owner = {**renter({"tenure": "owner"}, tax_year=tax_year), **child}
    tenant = {
        **renter(
            {"tenure": "social_rent", "rent": {"amount": 400, "period": "month"}, "bedrooms": 2}, tax_year=tax_year
        ),
        **child,
    }
    assert uc(owner, ruleset).line("work_allowance").amount == D(higher)
    assert uc(tenant, ruleset).line("work_allowance").amount == D(lower)


def test_taper_is_55_percent_above_the_work_allowance(ruleset):
    # Lone parent, owner, one child: work allowance 684. 10 h x 12.21 x 52 / 12 = 529.10 < 684: no deduction
    data = {**renter({"tenure": "owner"}), "children": [{"age": 4}], "claims_child_benefit": False}
    assert uc(data, ruleset, hours=10).line("earnings_deduction").amount == 0
    # 20 h: 1,055.204 (see above) - 684 = 371.204 x 55% = 204.1622 -> 204.16
    assert uc(data, ruleset, hours=20).line("earnings_deduction").amount == D("204.16")


# --- unearned income (regs 66, 73) ------------------------------------------------------------


def test_other_unearned_income_deducted_in_full(ruleset):
    # 50.00 a week x 52 / 12 = 216.6667 -> 216.67; award 400.14 - 216.67 = 183.47
    data = renter({"tenure": "owner"}, {"other_unearned_income": {"amount": 50, "period": "week"}})
    result = uc(data, ruleset)
    assert result.line("unearned_income").amount == D("216.67")
    assert result.amount == D("183.47")


def test_new_style_esa_deducted_in_full(ruleset):
    # ESA assessment phase, 25+, 2025-26: 92.05 a week x 52 / 12 = 398.8833 -> 398.88
    data = renter({"tenure": "owner"}, {"new_style_esa": "assessment"})
    result = uc(data, ruleset)
    assert result.line("unearned_income").amount == D("398.88")
    assert result.amount == D("1.26")  # 400.14 - 398.88


def test_carers_allowance_deducted_in_full_carer_element_kept(ruleset):
    # CA 83.30 x 52 / 12 = 360.9667 -> 360.97; maximum 400.14 + carer element 201.68 = 601.82
    # award 601.82 - 360.97 = 240.85
    data = renter({"tenure": "owner"}, {"carer": {"hours_per_week": 40}})
    result = uc(data, ruleset)
    assert result.line("unearned_income").amount == D("360.97")
    assert result.amount == D("240.85")


# --- capital (regs 18, 72) --------------------------------------------------------------------


@pytest.mark.parametrize(
    "capital, tariff, award",
    [
        ("6000", "0", "400.14"),  # at the lower limit: nothing
        ("6000.01", "4.35", "395.79"),  # 1p over: a part of 250 counts as 250
        ("10000", "69.60", "330.54"),  # 4,000 / 250 = 16 x 4.35 = 69.60
        ("10000.01", "73.95", "326.19"),  # 17 x 4.35 = 73.95
        ("12345.67", "113.10", "287.04"),  # 6,345.67 / 250 = 25.38 -> 26 x 4.35 = 113.10
        ("16000", "174.00", "226.14"),  # 40 x 4.35 = 174.00; 16,000 itself is allowed (reg 18: "exceeds")
    ],
)
def test_capital_tariff_income(ruleset, capital, tariff, award):
    data = {**renter({"tenure": "owner"}), "capital": capital}
    result = uc(data, ruleset)
    assert result.line("capital_income").amount == D(tariff)
    assert result.amount == D(award)


def test_capital_above_16000_means_no_universal_credit(ruleset):
    data = {**renter({"tenure": "owner"}), "capital": "16000.01"}
    result = uc(data, ruleset)
    assert result.amount == 0
    assert result.fact("excluded_by_capital") is True


# --- benefit cap (regs 78-83) -----------------------------------------------------------------


def capped_family(hours: Any = 0, childcare: int | None = None, claims_child_benefit: bool = True) -> dict[str, Any]:
    """Lone parent, 30, two children (5 and 3, born after April 2017), private rent 1,500 a month
    (LHA 1,500), outside London, 2025-26."""
    data: dict[str, Any] = {
        "tax_year": "2025-26",
        "adults": [{"name": "A", "age": 30, "job": job(hours=hours)}],
        "children": [{"age": 5}, {"age": 3}],
        "housing": {
            "tenure": "private_rent",
            "rent": {"amount": 1500, "period": "month"},
            "local_housing_allowance": {"amount": 1500, "period": "month"},
        },
        "claims_child_benefit": claims_child_benefit,
    }
    if childcare:
        data["childcare"] = {"amount": childcare, "period": "month"}
    return data


def test_benefit_cap_reduces_universal_credit(ruleset):
    """maximum 400.14 + 2 x 292.81 + 1,500.00 = 2,485.76; no earnings.
    Child Benefit (26.05 + 17.25) = 43.30 a week x 52 / 12 = 187.6333 counts in the cap (reg 79(4)).
    cap 22,020 / 12 = 1,835.00 (reg 80A). Excess 2,485.76 + 187.6333 - 1,835.00 = 838.3933 -> 838.39.
    award 2,485.76 - 838.39 = 1,647.37 (= the cap less Child Benefit, to the penny)."""
    result = uc(capped_family(), ruleset)
    assert result.line("maximum_amount").amount == D("2485.76")
    assert result.line("benefit_cap_reduction").amount == D("838.39")
    assert result.amount == D("1647.37")


def test_benefit_cap_earnings_exemption_at_16_hours(ruleset):
    """Earnings exemption (reg 82(1)(a)): 16 x 12.21 x 52 / 12 = 846.56, fractions of 1 pound
    ignored -> 846.
    15 h: 15 x 12.21 x 52 / 12 = 793.65 < 846 -> capped.
      deduction 55% x (793.65 - 411) = 210.4575 -> 210.46; before the cap 2,485.76 - 210.46 = 2,275.30;
      excess 2,275.30 + 187.6333 - 1,835.00 = 627.9333 -> 627.93; award 1,647.37.
    16 h: 846.56 >= 846 -> exempt. deduction 55% x 435.56 = 239.558 -> 239.56; award 2,246.20."""
    at_15 = uc(capped_family(), ruleset, hours=15)
    assert at_15.line("benefit_cap_reduction").amount == D("627.93")
    assert at_15.amount == D("1647.37")
    at_16 = uc(capped_family(), ruleset, hours=16)
    assert at_16.line("benefit_cap_reduction").amount == 0
    assert at_16.amount == D("2246.20")


def test_benefit_cap_childcare_element_protected(ruleset):
    """reg 81: the reduction is lessened by the childcare costs element. 15 h, childcare 200 a month:
    element 85% x 200 = 170.00; before the cap 2,485.76 + 170.00 - 210.46 = 2,445.30;
    excess 2,445.30 + 187.6333 - 1,835.00 = 797.9333; less 170.00 = 627.9333 -> 627.93;
    award 2,445.30 - 627.93 = 1,817.37 (the capped award plus the whole childcare element)."""
    result = uc(capped_family(childcare=200), ruleset, hours=15)
    assert result.line("childcare_element").amount == D("170.00")
    assert result.line("benefit_cap_reduction").amount == D("627.93")
    assert result.amount == D("1817.37")


@pytest.mark.parametrize("tax_year, threshold", [("2024-25", "793"), ("2025-26", "846"), ("2026-27", "881")])
def test_benefit_cap_earnings_threshold_ignores_fractions_of_a_pound(ruleset, tax_year, threshold):
    """16 h x NLW x 52 / 12, rounded down to the pound: 11.44 -> 793.17 -> 793; 12.21 -> 846.56 -> 846;
    12.71 -> 881.23 -> 881. A couple (combined earnings count) with the partner's fixed earnings
    exactly at the threshold is exempt; one penny less is capped."""

    def couple(earnings: str) -> dict[str, Any]:
        return {
            "tax_year": tax_year,
            "adults": [
                {"name": "A", "age": 30, "job": job(hours=0)},
                {"name": "B", "age": 30, "earnings": {"amount": earnings, "period": "month"}},
            ],
            "children": [{"age": 5}, {"age": 3}],
            "housing": {
                "tenure": "private_rent",
                "rent": {"amount": 1800, "period": "month"},
                "local_housing_allowance": {"amount": 1800, "period": "month"},
            },
            "claims_child_benefit": False,
        }

    at = uc(couple(threshold), ruleset)
    assert at.line("earned_income").amount == D(threshold)
    assert at.line("benefit_cap_reduction").amount == 0
    below = uc(couple(str(D(threshold) - D("0.01"))), ruleset)
    assert below.line("benefit_cap_reduction").amount > 0
    # When capped (no Child Benefit claimed here), UC is exactly the cap: 22,020 / 12 = 1,835.00
    assert below.amount == D("1835.00")


def test_single_cap_and_exemptions(ruleset):
    """Single, no children, private rent 1,200 (LHA 1,200), no work: maximum 400.14 + 1,200.00 =
    1,600.14 > single cap 14,753 / 12 = 1,229.4167 -> 1,229.42: reduction 370.72, award 1,229.42."""
    base = renter(
        {
            "tenure": "private_rent",
            "rent": {"amount": 1200, "period": "month"},
            "local_housing_allowance": {"amount": 1200, "period": "month"},
        }
    )
    capped = uc(base, ruleset)
    assert capped.line("benefit_cap_reduction").amount == D("370.72")
    assert capped.amount == D("1229.42")
    # Greater London: 16,967 / 12 = 1,413.9167 -> 1,413.92; reduction 1,600.14 - 1,413.92 = 186.22
    london = uc({**base, "in_greater_london": True}, ruleset)
    assert london.amount == D("1413.92")
    # PIP (any component) exempts the household (reg 83(1)): full 1,600.14
    pip = renter(base["housing"], {"pip": {"mobility": "standard"}})
    assert uc(pip, ruleset).amount == D("1600.14")
    # LCWRA exempts: 400.14 + 423.27 + 1,200.00 = 2,023.41
    lcwra = renter(base["housing"], {"universal_credit_health": "lcwra"})
    assert uc(lcwra, ruleset).amount == D("2023.41")
    # The carer element exempts: 400.14 + 201.68 + 1,200.00 = 1,801.82
    carer = renter(base["housing"], {"carer": {"hours_per_week": 35, "claims_carers_allowance": False}})
    assert uc(carer, ruleset).amount == D("1801.82")


# --- joint claims (reg 22: combined earnings) -------------------------------------------------


def test_couple_where_one_works(ruleset):
    """Couple, 30 and 28, no children, private rent 900 (LHA 750), 2025-26. A works 30 h at 12.21.
    pay 30 x 12.21 = 366.30 a week x 52 = 19,047.60; tax (19,047.60 - 12,570) x 20% = 1,295.52;
    NI 6,477.60 x 8% = 518.208; earned (19,047.60 - 1,295.52 - 518.208) / 12 = 1,436.156.
    maximum 628.10 + 750.00 = 1,378.10; no work allowance; deduction 55% x 1,436.156 = 789.8858 -> 789.89;
    award 1,378.10 - 789.89 = 588.21."""
    data = {
        "tax_year": "2025-26",
        "adults": [{"name": "A", "age": 30, "job": job(hours=30)}, {"name": "B", "age": 28}],
        "housing": {
            "tenure": "private_rent",
            "rent": {"amount": 900, "period": "month"},
            "local_housing_allowance": {"amount": 750, "period": "month"},
        },
    }
    result = uc(data, ruleset)
    assert pence(result.line("earned_income").amount) == D("1436.16")
    assert result.line("earnings_deduction").amount == D("789.89")
    assert result.amount == D("588.21")
    # With B's fixed earnings of 500 a month (no tax or NI) the couple's earnings are combined:
    # 1,436.156 + 500.00 = 1,936.156; 55% = 1,064.8858 -> 1,064.89; award 1,378.10 - 1,064.89 = 313.21
    data["adults"][1]["earnings"] = {"amount": 500, "period": "month"}
    both = uc(data, ruleset)
    assert both.line("earned_income_B").amount == D("500.00")
    assert pence(both.line("earned_income").amount) == D("1936.16")
    assert both.amount == D("313.21")


def test_pension_contributions_reduce_earned_income(ruleset):
    """Worked example 5, 2024-25 (no Carer's Allowance: its earnings test fails). 16 h x 11.44 =
    183.04 a week; 5% pension 9.152 a week. Earned income (183.04 - 9.152) x 52 / 12 = 753.5147;
    deduction 55% = 414.4331 -> 414.43; maximum 393.45 + carer 198.31 + housing 450 =
    1,041.76; award 1,041.76 - 414.43 = 627.33."""
    data = {
        "tax_year": "2024-25",
        "adults": [
            {
                "name": "A",
                "age": 45,
                "job": {"hourly_pay": "11.44", "hours": 16, "pension": {"employee_rate": "0.05"}},
                "carer": {"hours_per_week": 40},
            }
        ],
        "housing": {"tenure": "social_rent", "rent": {"amount": 450, "period": "month"}, "bedrooms": 1},
    }
    result = uc(data, ruleset)
    assert pence(result.line("earned_income").amount) == D("753.51")
    assert result.line("earnings_deduction").amount == D("414.43")
    assert result.amount == D("627.33")
