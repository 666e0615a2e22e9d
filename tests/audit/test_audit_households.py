"""Audit before release: invented households worked by hand from the law and the rules/ values.

Every expected figure below is hand arithmetic (shown beside it) from the Universal Credit
Regulations 2013 (SI 2013/376), the ESA and JSA Regulations 2013, the Carer's Allowance rules,
ITEPA 2003 / ITA 2007 and the rates in rules/ (checked against the DWP "Benefit and pension rates"
pages for 2024-25, 2025-26 and the proposed 2026-27 rates). None is the engine's own output.

Rates used (a month for UC, a week otherwise):
  2024-25: UC single 25+ 393.45; child first (born before 6 Apr 2017) 333.33, other 287.92;
    childcare caps 1,014.63 / 1,739.37; work allowance 673 / 404; NLW 11.44; CB 25.60 / 16.95.
  2025-26: UC single <25 316.98, 25+ 400.14, joint 25+ 628.10; child 339.00 / 292.81; disabled child
    higher 495.87; LCWRA 423.27; carer 201.68; childcare caps 1,031.88 / 1,768.94; work allowance
    684 / 411; non-dependant 93.02; NLW 12.21; CA 83.30 (limit 196); NS ESA assessment <25 72.90;
    CB 26.05 / 17.25.
  2026-27: UC single 25+ 424.90, joint 25+ 666.97; child 351.88 / 303.94 (no two-child limit);
    disabled child higher 514.71; LCWRA 429.80 protected / 217.26 new; work allowance 710 / 427;
    NLW 12.71; NS ESA main 95.55 + support 50.35; CB 27.05 / 17.90; SCP 28.20.
  Always: taper 55%; capital 6,000-16,000, 4.35 a month per 250 or part; benefit cap 22,020 /
    14,753 a year outside London, 25,323 / 16,967 in London; tax PA 12,570, basic 20% to 37,700;
    NI 8% from 12,570 to 50,270, 2% above.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import benefitcalc
import pytest

D = Decimal


def pence(amount: Decimal) -> Decimal:
    return amount.quantize(D("0.01"), rounding=ROUND_HALF_UP)


def run(data: dict[str, Any], ruleset: Any, hours: Any = None) -> Any:
    # The audit's arithmetic deducts the tax on earnings alone from pay for UC (reg 55(5)), the
    # reading before the PAYE default; the PAYE reading is tested in tests/dwp/test_universal_credit_paye.py.
    data = {"universal_credit_tax_deduction": "earnings_only", **data}
    return benefitcalc.calculate(data, hours=hours, rules=ruleset)


def line(result: Any, programme: str, key: str) -> Decimal:
    return result.programmes[programme].line(key).amount


def codes(result: Any) -> set[str]:
    return {w.code for w in result.warnings}


# --- 1. Single under 25, private rent over the LHA, capital just over £6,250 (2025-26) -------


def test_single_under_25_private_rent_lha_and_capital(ruleset):
    data = {
        "date": "2025-06-02",
        "adults": [{"name": "Ann", "age": 24, "job": {"hourly_pay": "12.21", "hours": 20}}],
        "housing": {
            "tenure": "private_rent",
            "rent": {"amount": 650, "period": "month"},
            "local_housing_allowance": {"amount": 600, "period": "month"},
        },
        "capital": "6250.01",
    }
    r = run(data, ruleset)
    # pay 20 x 12.21 = 244.20 a week, 12,698.40 a year; tax 20% x 128.40 = 25.68; NI 8% x 128.40 = 10.272
    # earned = (12,698.40 - 25.68 - 10.272) / 12 = 1,055.204; no work allowance (no child, no LCW)
    assert pence(line(r, "universal_credit", "earned_income")) == D("1055.20")
    assert line(r, "universal_credit", "earnings_deduction") == D("580.36")  # 55% x 1,055.204 = 580.3622
    assert line(r, "universal_credit", "housing_element") == D("600.00")  # LHA 600 < rent 650
    assert line(r, "universal_credit", "capital_income") == D("8.70")  # 250.01 over 6,000: 2 steps x 4.35
    # 316.98 + 600 - 580.36 - 8.70
    assert r.programmes["universal_credit"].amount == D("327.92")


@pytest.mark.parametrize(
    "capital,tariff",
    [
        ("6000", D("0.00")),  # not above 6,000
        ("6000.01", D("4.35")),  # 1p over: one part of 250
        ("6250", D("4.35")),  # exactly one 250
        ("6250.01", D("8.70")),  # one 250 and part of another
        ("15999", D("174.00")),  # 9,999 over: 39.996 -> 40 steps x 4.35
        ("16000", D("174.00")),  # 10,000 over: 40 steps; not above 16,000 (reg 18)
    ],
)
def test_tariff_income_at_the_edges(ruleset, capital, tariff):
    data = {"date": "2025-06-02", "adults": [{"age": 40, "job": {"hourly_pay": 12.21, "hours": 0}}], "capital": capital}
    r = run(data, ruleset)
    assert line(r, "universal_credit", "capital_income") == tariff
    assert r.programmes["universal_credit"].amount == D("400.14") - tariff


def test_capital_one_penny_over_16000_ends_entitlement(ruleset):
    data = {
        "date": "2025-06-02",
        "adults": [{"age": 40, "job": {"hourly_pay": 12.21, "hours": 0}}],
        "capital": "16000.01",
    }
    r = run(data, ruleset)
    assert r.programmes["universal_credit"].amount == 0  # reg 18(1)(a): capital exceeding 16,000


# --- 2. Lone parent, three children by date of birth, 2024-25 ----------------------------------


def lone_parent_2024(hours: Any) -> dict[str, Any]:
    return {
        "date": "2024-05-06",
        "adults": [
            {"name": "Bea", "age": 38, "job": {"hourly_pay": "11.44", "hours": hours, "pension": "auto_enrolment"}}
        ],
        "children": [{"date_of_birth": "2010-02-01"}, {"date_of_birth": "2012-07-01"}, {"date_of_birth": "2018-03-01"}],
        "housing": {"tenure": "social_rent", "rent": {"amount": 520, "period": "month"}, "bedrooms": 4},
        "childcare": {"amount": 300, "period": "month"},
    }


def test_children_given_by_date_of_birth_count_at_their_age_for_the_size_criteria(ruleset):
    r = run(lone_parent_2024(16), ruleset)
    uc = r.programmes["universal_credit"]
    # Ages on 6 May 2024: 14, 11, 6. Size criteria (Sch 4 para 10): claimant 1; the 14- and
    # 11-year-olds a room each (sex not given); the 6-year-old 1 -> 4 bedrooms: no deduction.
    # (Before the fix a child given by date of birth was taken as aged 0, giving 3 rooms and 14% off.)
    assert [ln.key for ln in uc.lines if ln.key == "housing_under_occupancy"] == []
    assert line(r, "universal_credit", "housing_element") == D("520.00")
    # If the two older children are the same sex they share: 3 rooms, so the adviser is warned.
    assert "size_criteria_assumed" in codes(r)
    # Two-child limit (2024-25): both older children born before 6 April 2017 keep their elements
    # (333.33 first + 287.92); the third, born 2018, is the third child: none (reg 24A).
    assert line(r, "universal_credit", "child_element") == D("621.25")
    # Childcare 85% x 300 = 255.00 (three children under 16: cap 1,739.37)
    assert line(r, "universal_credit", "childcare_element") == D("255.00")
    # Pay 16 x 11.44 = 183.04 a week = 9,518.08 a year: below tax, NI and the AE trigger (10,000)
    # earned = 793.17333; lower work allowance 404; 55% x 389.17333 = 214.0453 -> 214.05
    assert line(r, "universal_credit", "earnings_deduction") == D("214.05")
    # 393.45 + 621.25 + 255.00 + 520.00 - 214.05
    assert uc.amount == D("1575.65")
    # Benefit cap: earned 793.17 >= 16 x 11.44 x 52 / 12 = 793.17 -> 793 (fractions of £1 ignored): exempt
    assert line(r, "universal_credit", "benefit_cap_reduction") == 0


def test_benefit_cap_one_penny_of_hours_below_the_earnings_exemption(ruleset):
    data = lone_parent_2024("15.99")
    data["housing"] = {"tenure": "social_rent", "rent": {"amount": 1000, "period": "month"}, "bedrooms": 3}
    data["childcare"] = None
    r = run(data, ruleset)
    # 15.99 x 11.44 = 182.9256 a week; x 52 / 12 = 792.6776 < 793: not exempt
    # 3 bedrooms held, 4 allowed (the two older children a room each): no deduction.
    # maximum 393.45 + 621.25 + 1,000 = 2,014.70; deduction 55% x (792.6776 - 404) = 213.7727 -> 213.77
    # before the cap 1,800.93; CB (25.60 + 2 x 16.95) x 52 / 12 = 257.8333; total 2,058.7633
    # cap 22,020 / 12 = 1,835.00: excess 223.7633 -> 223.76; award 1,800.93 - 223.76 = 1,577.17
    assert line(r, "universal_credit", "benefit_cap_reduction") == D("223.76")
    assert r.programmes["universal_credit"].amount == D("1577.17")
    assert "benefit_cap_applies" in codes(r)


# --- 3. Scotland, lone parent, 2026-27: Scottish rates, a QYP by date of birth, SCP ends ------


def scotland_lone_parent(hours: Any) -> dict[str, Any]:
    return {
        "tax_year": "2026-27",
        "nation": "scotland",
        "adults": [{"name": "Cat", "age": 35, "job": {"hourly_pay": 22, "hours": hours}}],
        "children": [{"date_of_birth": "2009-03-01"}, {"date_of_birth": "2016-08-01"}],
        "housing": {
            "tenure": "private_rent",
            "rent": {"amount": 700, "period": "month"},
            "local_housing_allowance": {"amount": 650, "period": "month"},
        },
    }


def test_scottish_intermediate_rate_and_child_payment_counts_children_under_16_by_birth_date(ruleset):
    r = run(scotland_lone_parent("37.5"), ruleset)
    # Pay 37.5 x 22 = 825 a week = 42,900 a year; taxable 30,330 at 2026-27 Scottish rates:
    # 19% x 3,967 = 753.73; 20% x 12,989 = 2,597.80; 21% x 13,374 = 2,808.54 -> 6,160.07
    assert r.earnings[0].income_tax_on_earnings == D("6160.07")
    assert r.earnings[0].national_insurance == D("2426.40")  # 8% x 30,330
    # maximum: 424.90 + 351.88 (eldest, born 2009) + 303.94 + 650 (LHA) = 1,730.72
    # earned (42,900 - 6,160.07 - 2,426.40) / 12 = 2,859.4608; 55% x (2,859.4608 - 427) = 1,337.85
    assert r.programmes["universal_credit"].amount == D("392.87")
    # SCP: the child born 2009 is 17 on 6 April 2026 (no SCP); the 9-year-old gets 28.20
    scp = r.programmes["scottish_child_payment"]
    assert scp.amount == D("28.20")


def test_scottish_higher_rate_ends_uc_and_scottish_child_payment(ruleset):
    r = run(scotland_lone_parent(52), ruleset)
    # 52 x 22 = 1,144 a week = 59,488 a year; taxable 46,918: 753.73 + 2,597.80 + 21% x 14,136
    # (2,968.56) + 42% x 15,826 (6,646.92) = 12,967.01; NI 3,016 + 2% x 9,218 = 3,200.36
    assert r.earnings[0].income_tax_on_earnings == D("12967.01")
    assert r.earnings[0].national_insurance == D("3200.36")
    # earned 43,320.63 / 12 = 3,610.0525; 55% x 3,183.0525 = 1,750.68 > maximum 1,730.72: no UC
    assert r.programmes["universal_credit"].amount == 0
    assert r.programmes["scottish_child_payment"].amount == 0
    assert "scottish_child_payment_ends" in codes(r)
    assert r.high_income_child_benefit_charge == 0  # adjusted net income 59,488 is under 60,000


def test_high_income_child_benefit_charge_just_over_60000_in_scotland(ruleset):
    r = run(scotland_lone_parent(53), ruleset)
    # 53 x 22 x 52 = 60,632: 632 over 60,000 -> 3 whole 1% steps of 200; CB (27.05 + 17.90) x 52
    # = 2,337.40 a year; 3% = 70.122 -> 70
    assert r.high_income_child_benefit_charge == D("70")


# --- 4. Four children, 2026-27 (no two-child limit): benefit cap and the earnings exemption ----


def four_children(pension: str = "none") -> dict[str, Any]:
    return {
        "tax_year": "2026-27",
        "adults": [
            {"name": "Dan", "age": 30, "job": {"hourly_pay": "12.71", "hours": 16, "pension": pension}},
            {"name": "Eve", "age": 30},
        ],
        "children": [{"date_of_birth": d} for d in ("2015-05-01", "2017-09-01", "2019-11-01", "2022-02-01")],
        "housing": {"tenure": "social_rent", "rent": {"amount": 650, "period": "month"}, "bedrooms": 3},
    }


def test_four_children_2026_and_the_cap_out_of_work(ruleset):
    r = run(four_children(), ruleset, hours=0)
    # child elements 351.88 + 3 x 303.94 = 1,263.70; maximum 666.97 + 1,263.70 + 650 = 2,580.67
    assert line(r, "universal_credit", "child_element") == D("1263.70")
    # CB (27.05 + 3 x 17.90) x 52 / 12 = 349.9167; total 2,930.5867; cap 1,835.00: reduce 1,095.59
    assert line(r, "universal_credit", "benefit_cap_reduction") == D("1095.59")
    assert r.programmes["universal_credit"].amount == D("1485.08")


def test_sixteen_hours_at_the_living_wage_lifts_the_cap_without_a_pension(ruleset):
    r = run(four_children(), ruleset)
    # 16 x 12.71 = 203.36 a week; 881.2267 a month (no tax or NI) >= 881 (16 x 12.71 x 52 / 12, pounds)
    assert line(r, "universal_credit", "benefit_cap_reduction") == 0
    # 55% x (881.2267 - 427) = 249.82; 2,580.67 - 249.82
    assert r.programmes["universal_credit"].amount == D("2330.85")


def test_automatic_enrolment_pension_takes_earned_income_below_the_cap_exemption(ruleset):
    r = run(four_children("auto_enrolment"), ruleset)
    # 10,574.72 a year > 10,000 trigger: 5% x (10,574.72 - 6,240) = 216.736; earned = 10,357.984 / 12
    # = 863.1653 < 881: capped. 55% x 436.1653 = 239.89; before cap 2,340.78; + CB 349.9167
    # = 2,690.6967; excess 855.70; award 1,485.08
    assert line(r, "universal_credit", "benefit_cap_reduction") == D("855.70")
    assert r.programmes["universal_credit"].amount == D("1485.08")


# --- 5. Couple: carer with Carer's Allowance, partner with LCWRA and PIP (2025-26) ---------------


def test_carer_and_partner_with_lcwra_get_both_elements(ruleset):
    data = {
        "date": "2025-09-01",
        "adults": [
            {"name": "Fay", "age": 45, "job": {"hourly_pay": "12.21", "hours": 10}, "carer": {"hours_per_week": 40}},
            {"name": "Gus", "age": 45, "universal_credit_health": "lcwra", "pip": {"daily_living": "standard"}},
        ],
        "housing": {"tenure": "owner"},
        "capital": 15999,
    }
    r = run(data, ruleset)
    # CA: net earnings 10 x 12.21 = 122.10 <= 196: 83.30 a week
    assert r.programmes["carers_allowance"].amount == D("83.30")
    # maximum 628.10 + LCWRA 423.27 (Gus) + carer 201.68 (Fay: reg 29(4) bars it only where the same
    # claimant has LCWRA) = 1,253.05; higher work allowance 684 > earned 529.10: no deduction
    assert line(r, "universal_credit", "maximum_amount") == D("1253.05")
    assert line(r, "universal_credit", "earnings_deduction") == 0
    # CA 83.30 x 52 / 12 = 360.9667 -> 360.97; tariff 40 x 4.35 = 174.00
    assert r.programmes["universal_credit"].amount == D("718.08")  # 1,253.05 - 360.97 - 174.00
    assert line(r, "universal_credit", "benefit_cap_reduction") == 0


# --- 6. LCWRA in 2026-27: new claimant and protected rates, with New Style ESA support group ------


@pytest.mark.parametrize("protected,award", [(False, D("272.98")), (True, D("485.52"))])
def test_lcwra_2026_new_and_protected_with_esa_permitted_work(ruleset, protected, award):
    data = {
        "tax_year": "2026-27",
        "nation": "wales",
        "adults": [
            {
                "name": "Hal",
                "age": 40,
                "job": {"hourly_pay": 13, "hours": 12},
                "universal_credit_health": "lcwra",
                "health_element_protected": protected,
                "new_style_esa": "support",
            }
        ],
        "housing": {"tenure": "social_rent", "rent": {"amount": 400, "period": "month"}, "bedrooms": 1},
    }
    r = run(data, ruleset)
    # ESA: 12 hours (under 16) and 156.00 a week (<= 203.50): permitted work; 95.55 + 50.35 = 145.90
    assert r.programmes["new_style_esa"].amount == D("145.90")
    # UC: 424.90 + LCWRA (217.26 new / 429.80 protected) + 400 rent; earned 156 x 52 / 12 = 676.00;
    # 55% x (676 - 427) = 136.95; ESA 145.90 x 52 / 12 = 632.2333 -> 632.23
    # new: 1,042.16 - 136.95 - 632.23 = 272.98; protected: 1,254.70 - 136.95 - 632.23 = 485.52
    assert r.programmes["universal_credit"].amount == award


# --- 7. New Style JSA, under 25 (2024-25) -----------------------------------------------------


def test_new_style_jsa_under_25_with_earnings_and_the_16_hour_rule(ruleset):
    data = {
        "date": "2024-06-03",
        "adults": [{"name": "Ian", "age": 23, "job": {"hourly_pay": "11.44", "hours": 4}, "new_style_jsa": True}],
    }
    r = run(data, ruleset)
    # 4 x 11.44 = 45.76; less 5 disregard = 40.76; 71.70 - 40.76 = 30.94
    assert r.programmes["new_style_jsa"].amount == D("30.94")
    # UC: 311.68 - 55% x 198.2933 (109.06) - 30.94 x 52 / 12 (134.07) = 68.55
    assert r.programmes["universal_credit"].amount == D("68.55")
    r16 = run(data, ruleset, hours=16)
    assert r16.programmes["new_style_jsa"].amount == 0  # remunerative work: 16 hours or more


# --- 8. Couple, childcare for one child under 16 (the other a QYP by birth date), Marriage Allowance


def test_couple_childcare_cap_counts_children_under_16_by_birth_date_and_marriage_allowance(ruleset):
    data = {
        "date": "2024-09-02",
        "marriage_allowance": True,
        "adults": [
            {"name": "Jo", "age": 32, "job": {"hourly_pay": 12, "hours": 25}},
            {"name": "Kim", "age": 34, "earnings": {"amount": 900, "period": "month"}},
        ],
        "children": [{"date_of_birth": "2019-02-01"}, {"date_of_birth": "2008-01-01"}],
        "housing": {
            "tenure": "private_rent",
            "rent": {"amount": 950, "period": "month"},
            "local_housing_allowance": {"amount": 900, "period": "month"},
        },
        "childcare": {"amount": 1300, "period": "month"},
    }
    r = run(data, ruleset)
    # Only the 5-year-old is under 16 (the other is 16): one-child cap 1,014.63 < 85% x 1,300 = 1,105
    assert line(r, "universal_credit", "childcare_element") == D("1014.63")
    # Marriage Allowance: Kim (10,800) transfers 1,260 to Jo (taxable 3,030, basic rate):
    # Jo's tax 606.00 - 20% x 1,260 = 354.00
    assert r.earnings[0].income_tax_on_earnings == D("354.00")
    # earned: Jo (15,600 - 354 - 242.40) / 12 = 1,250.30 + Kim 900 = 2,150.30
    # 55% x (2,150.30 - 404) = 960.465 -> 960.47 (half a penny up, reg 6(1))
    assert line(r, "universal_credit", "earnings_deduction") == D("960.47")
    # 617.60 + 333.33 + 287.92 + 1,014.63 + 900 - 960.47
    assert r.programmes["universal_credit"].amount == D("2193.01")


# --- 9. London lone parent, three children, childcare offsets the cap (2025-26) --------------


def test_london_cap_less_the_childcare_element(ruleset):
    data = {
        "date": "2025-05-05",
        "in_greater_london": True,
        "adults": [{"name": "Liz", "age": 28, "job": {"hourly_pay": "12.21", "hours": 10}}],
        "children": [{"date_of_birth": d} for d in ("2016-01-01", "2018-05-05", "2021-07-07")],
        "housing": {
            "tenure": "private_rent",
            "rent": {"amount": 2000, "period": "month"},
            "local_housing_allowance": {"amount": 1900, "period": "month"},
        },
        "childcare": {"amount": 800, "period": "month"},
    }
    r = run(data, ruleset)
    # maximum 400.14 + 339.00 + 292.81 (third child: two-child limit) + 680.00 + 1,900 = 3,611.95
    # earned 529.10 < 846: capped. 55% x 118.10 = 64.955 -> 64.96; before cap 3,546.99
    # + CB (26.05 + 2 x 17.25) x 52 / 12 = 262.3833 -> 3,809.3733; London cap 2,110.25;
    # excess 1,699.1233 less childcare 680 = 1,019.12; award 2,527.87
    assert line(r, "universal_credit", "benefit_cap_reduction") == D("1019.12")
    assert r.programmes["universal_credit"].amount == D("2527.87")


# --- 10. Carer's Allowance earnings limit (2025-26) --------------------------------------------


@pytest.mark.parametrize(
    "hours,pension,carers_allowance",
    [
        ("16", "auto_enrolment", D("83.30")),  # (10,192 - half of 197.60) / 52 = 194.10 <= 196
        ("16", "none", D("83.30")),  # 196.00 is not over 196
        ("16.01", "none", D("0")),  # 196.1225 -> 196.12 > 196: none that week
    ],
)
def test_carers_allowance_earnings_limit_edge(ruleset, hours, pension, carers_allowance):
    data = {
        "date": "2025-06-02",
        "adults": [
            {
                "name": "Max",
                "age": 50,
                "job": {"hourly_pay": "12.25", "hours": hours, "pension": pension},
                "carer": {"hours_per_week": 35},
            }
        ],
    }
    r = run(data, ruleset)
    assert r.programmes["carers_allowance"].amount == carers_allowance


def test_carer_with_pension_uc(ruleset):
    data = {
        "date": "2025-06-02",
        "adults": [
            {
                "name": "Max",
                "age": 50,
                "job": {"hourly_pay": "12.25", "hours": 16, "pension": "auto_enrolment"},
                "carer": {"hours_per_week": 35},
            }
        ],
        "housing": {"tenure": "social_rent", "rent": {"amount": 450, "period": "month"}, "bedrooms": 1},
    }
    r = run(data, ruleset)
    # 400.14 + carer 201.68 + 450 = 1,051.82; no work allowance (a carer alone does not give one)
    # earned (10,192 - 197.60) / 12 = 832.8667; 55% = 458.08; CA 360.97
    assert r.programmes["universal_credit"].amount == D("232.77")
    # tax: (10,192 - 197.60) + CA 83.30 x 52 (4,331.60) = 14,326; 20% x 1,756 = 351.20
    assert r.tax[0].income_tax == D("351.20")


# --- 11. Couple, one under 25 on New Style ESA (assessment phase), 2025-26 ----------------------


@pytest.mark.parametrize("hours,esa,award", [("15", D("72.90"), D("140.69")), ("17", D("0"), D("398.39"))])
def test_couple_one_under_25_esa_assessment_permitted_work(ruleset, hours, esa, award):
    data = {
        "date": "2025-10-06",
        "nation": "wales",
        "adults": [
            {"name": "Ned", "age": 23, "job": {"hourly_pay": "12.21", "hours": hours}, "new_style_esa": "assessment"},
            {"name": "Ola", "age": 26, "earnings": {"amount": 300, "period": "month"}},
        ],
        "housing": {"tenure": "social_rent", "rent": {"amount": 500, "period": "month"}, "bedrooms": 2},
    }
    r = run(data, ruleset)
    # ESA under 25, assessment phase 72.90; 15 h x 12.21 = 183.15 (<= 195.50, under 16 h): permitted;
    # 17 h: 207.57, 16 hours or more and over 195.50: not permitted work, no ESA (reg 37)
    assert r.programmes["new_style_esa"].amount == esa
    # UC: joint 25+ (one is 26) 628.10; rent 500 less 14% (2 bedrooms, 1 allowed) = 430
    # 15 h: earned 793.65 + 300 = 1,093.65; 55% = 601.5075 -> 601.51; ESA 315.90: 1,058.10 - 601.51 - 315.90
    # 17 h: earned 899.47 + 300 = 1,199.47; 55% = 659.71: 1,058.10 - 659.71
    assert line(r, "universal_credit", "standard_allowance") == D("628.10")
    assert r.programmes["universal_credit"].amount == award


# --- 12. High Income Child Benefit Charge and pensions (2025-26) --------------------------------


@pytest.mark.parametrize(
    "salary,pension,charge",
    [
        (60000, "none", D("0")),  # not over 60,000
        (65000, "none", D("562")),  # 25% x (26.05 + 17.25) x 52 = 25% x 2,251.60 = 562.90 -> 562
        (80000, "none", D("2251")),  # 100%
        (85000, "none", D("2251")),  # capped at 100%
        # relief at source 5%: gross 3,250 lowers adjusted net income to 61,750: 8% -> 180.128 -> 180
        (65000, {"employee_rate": "0.05", "relief": "relief_at_source"}, D("180")),
        (65000, {"employee_rate": "0.05"}, D("180")),  # net pay: 61,750 too
    ],
)
def test_high_income_child_benefit_charge(ruleset, salary, pension, charge):
    data = {
        "date": "2025-07-07",
        "adults": [
            {"name": "Quinn", "age": 40, "job": {"hourly_pay": 15, "hours": 0}},
            {"name": "Pat", "age": 41, "earnings": {"amount": salary, "period": "year"}, "pension": pension},
        ],
        "children": [{"date_of_birth": "2014-03-03"}, {"date_of_birth": "2018-03-03"}],
    }
    r = run(data, ruleset)
    assert r.high_income_child_benefit_charge == charge


def test_relief_at_source_extends_the_basic_rate_band(ruleset):
    data = {
        "date": "2025-07-07",
        "adults": [
            {"name": "Quinn", "age": 40, "job": {"hourly_pay": 15, "hours": 0}},
            {
                "name": "Pat",
                "age": 41,
                "earnings": {"amount": 65000, "period": "year"},
                "pension": {"employee_rate": "0.05", "relief": "relief_at_source"},
            },
        ],
    }
    r = run(data, ruleset)
    # taxable 52,430; basic band 37,700 + 3,250 = 40,950: 8,190 + 40% x 11,480 (4,592) = 12,782
    assert r.tax[1].income_tax == D("12782")


# --- 13. Non-dependants and LCW without the element (2025-26) -----------------------------------


@pytest.mark.parametrize("capital,award", [("6000", D("552.81")), ("6000.01", D("548.46"))])
def test_non_dependants_and_lcw_work_allowance(ruleset, capital, award):
    data = {
        "date": "2025-04-07",
        "adults": [
            {"name": "Ray", "age": 60, "job": {"hourly_pay": "12.21", "hours": 20}, "universal_credit_health": "lcw"}
        ],
        "housing": {
            "tenure": "social_rent",
            "rent": {"amount": 600, "period": "month"},
            "bedrooms": 3,
            "non_dependants": [{"age": 30}, {"age": 20}],
        },
        "capital": capital,
    }
    r = run(data, ruleset)
    # 3 bedrooms allowed (claimant + two non-dependants); contribution 93.02 for the 30-year-old only
    assert line(r, "universal_credit", "housing_element") == D("506.98")
    # LCW (no element after April 2017) still gives the lower work allowance 411:
    # 55% x (1,055.204 - 411) = 354.3122 -> 354.31; 400.14 + 506.98 - 354.31 = 552.81 (less 4.35)
    assert line(r, "universal_credit", "work_allowance") == D("411")
    assert r.programmes["universal_credit"].amount == award


# --- 14. Three children, the third disabled: 2025-26 and 2026-27 ----------------------------------


@pytest.mark.parametrize(
    "day,children,disabled,award",
    [
        # 2025-26: 292.81 x 2 (first child born after 6 Apr 2017: lower rate); third child none, but
        # the disabled child addition 495.87 is paid; 628.10 + 585.62 + 495.87 - 55% x (1,436.156 - 684)
        ("2026-03-02", D("585.62"), D("495.87"), D("1295.90")),
        # 2026-27: 3 x 303.94 + 514.71; 666.97 + 911.82 + 514.71 - 55% x (1,436.156 - 710)
        ("2026-04-06", D("911.82"), D("514.71"), D("1694.11")),
    ],
)
def test_third_child_disabled_before_and_after_the_two_child_limit(ruleset, day, children, disabled, award):
    data = {
        "date": day,
        "adults": [{"name": "Sue", "age": 29, "job": {"hourly_pay": "12.21", "hours": 30}}, {"name": "Tom", "age": 24}],
        "children": [
            {"date_of_birth": "2018-01-01"},
            {"date_of_birth": "2020-01-01"},
            {"date_of_birth": "2023-06-01", "disability": "higher"},
        ],
        "housing": {"tenure": "owner"},
    }
    r = run(data, ruleset)
    # pay 30 x 12.21 = 366.30 a week = 19,047.60; tax 1,295.52; NI 518.208; earned 1,436.156 a month
    assert line(r, "universal_credit", "child_element") == children
    assert line(r, "universal_credit", "disabled_child_element") == disabled
    assert r.programmes["universal_credit"].amount == award


# --- 15. Carer on New Style ESA: overlapping benefits ---------------------------------------------


def test_carers_allowance_only_tops_up_new_style_esa(ruleset):
    data = {
        "date": "2025-06-02",
        "adults": [
            {
                "name": "Uma",
                "age": 22,
                "job": {"hourly_pay": "12.21", "hours": 0},
                "new_style_esa": "assessment",
                "carer": {"hours_per_week": 50},
            }
        ],
    }
    r = run(data, ruleset)
    # Overlapping Benefits Regs 1979 reg 4: ESA 72.90 is paid; CA 83.30 tops it up by 10.40
    assert r.programmes["new_style_esa"].amount == D("72.90")
    assert r.programmes["carers_allowance"].amount == D("10.40")
    # UC: 316.98 + carer 201.68 = 518.66 - ESA 315.90 - CA 10.40 x 52 / 12 (45.07) = 157.69
    assert r.programmes["universal_credit"].amount == D("157.69")


def test_no_carers_allowance_paid_over_new_style_esa_support_group(ruleset):
    data = {
        "tax_year": "2026-27",
        "adults": [
            {
                "name": "Vi",
                "age": 40,
                "job": {"hourly_pay": 13, "hours": 0},
                "new_style_esa": "support",
                "universal_credit_health": "lcwra",
                "health_element_protected": True,
                "carer": {"hours_per_week": 35},
            }
        ],
    }
    r = run(data, ruleset)
    # ESA 145.90 > CA 86.45: no CA paid (underlying entitlement only); single claimant with LCWRA:
    # LCWRA element only, not the carer element (reg 29(4)): 424.90 + 429.80 - 632.23 = 222.47
    assert r.programmes["carers_allowance"].amount == 0
    assert "carer_overlapping_benefit" in codes(r)
    assert r.programmes["universal_credit"].amount == D("222.47")
    assert r.tax[0].total_income == D("7586.80")  # ESA 145.90 x 52; no CA to tax


# --- 16. Scottish taxpayer over £100,000 -------------------------------------------------------


def test_scottish_advanced_rate_and_tapered_personal_allowance(ruleset):
    data = {
        "tax_year": "2025-26",
        "nation": "scotland",
        "adults": [{"name": "Vic", "age": 45, "job": {"hourly_pay": 55, "hours": 40}}],
    }
    r = run(data, ruleset)
    # 114,400: allowance 12,570 - 14,400 / 2 = 5,370; taxable 109,030:
    # 19% x 2,827 (537.13) + 20% x 12,094 (2,418.80) + 21% x 16,171 (3,395.91)
    # + 42% x 31,338 (13,161.96) + 45% x 46,600 (20,970.00) = 40,483.80
    assert r.tax[0].income_tax == D("40483.80")
    assert r.earnings[0].national_insurance == D("4298.60")  # 3,016 + 2% x 64,130


# --- 17. Relief-at-source pension in UC: the gross contribution is deducted ----------------------


@pytest.mark.parametrize("relief,award", [("relief_at_source", D("219.53")), ("net_pay", D("209.52"))])
def test_uc_deducts_relievable_pension_contributions_gross(ruleset, relief, award):
    data = {
        "date": "2024-04-08",
        "nation": "wales",
        "adults": [
            {
                "name": "Wyn",
                "age": 30,
                "job": {"hourly_pay": 14, "hours": 30, "pension": {"employee_rate": "0.05", "relief": relief}},
            }
        ],
        "children": [{"date_of_birth": "2020-01-01"}],
    }
    r = run(data, ruleset)
    # 21,840 a year; contribution 5% = 1,092 gross. NI 8% x 9,270 = 741.60.
    # relief at source: tax 20% x 9,270 = 1,854; member pays 873.60 but the relievable contribution
    #   is 1,092 (FA 2004 ss.188, 192; UC reg 55(5)(a)): earned (21,840 - 1,854 - 741.60 - 1,092) / 12
    #   = 1,512.70; 55% x (1,512.70 - 673) = 461.835 -> 461.84; 393.45 + 287.92 - 461.84 = 219.53
    # net pay: tax 20% x 8,178 = 1,635.60; earned (21,840 - 1,635.60 - 741.60 - 1,092) / 12 = 1,530.90;
    #   55% x 857.90 = 471.845 -> 471.85; 681.37 - 471.85 = 209.52
    assert r.programmes["universal_credit"].amount == award


# --- warnings that turn on a child's age from the date of birth --------------------------------


def test_child_under_one_by_birth_date_switches_off_the_administrative_earnings_threshold(ruleset):
    data = {
        "date": "2025-06-02",
        "adults": [{"age": 30, "job": {"hourly_pay": "12.21", "hours": 5}}],
        "children": [{"date_of_birth": "2025-01-10"}],
    }
    r = run(data, ruleset)
    # responsible carer of a child under 1: no work search (reg 89(1)(c)), so no AET warning
    assert "administrative_earnings_threshold" not in codes(r)


# --- 18. New Style ESA support group at various hours (2026-27) -----------------------------------


@pytest.mark.parametrize(
    "hours,pay,supported,esa,award",
    [
        # 0 hours: ESA 95.55 + 50.35 = 145.90; UC 424.90 + 429.80 - 145.90 x 52 / 12 (632.23) = 222.47
        ("0", "12.71", False, D("145.90"), D("222.47")),
        # 15.99 h: 203.2329 a week (<= 203.50, under 16 h): permitted. earned 880.6759; higher work
        # allowance 710 (no housing): 55% x 170.6759 = 93.87; 854.70 - 93.87 - 632.23 = 128.60
        ("15.99", "12.71", False, D("145.90"), D("128.60")),
        # 16 h: not under 16 hours: no ESA (reg 37). earned 881.2267: 55% x 171.2267 = 94.17; 760.53
        ("16", "12.71", False, D("0"), D("760.53")),
        ("10", "20.35", False, D("145.90"), None),  # 203.50 a week: not over the limit
        ("10", "20.36", False, D("0"), None),  # 203.60 a week: over
        ("20", "10.17", True, D("145.90"), None),  # supported permitted work, any hours: 203.40
        ("40", "0.50", False, D("145.90"), D("222.47")),  # 20.00 a week: the lower limit, any hours
    ],
)
def test_esa_support_group_permitted_work_limits(ruleset, hours, pay, supported, esa, award):
    adult = {
        "name": "Zed",
        "age": 30,
        "job": {"hourly_pay": pay, "hours": hours},
        "new_style_esa": "support",
        "universal_credit_health": "lcwra",
        "health_element_protected": True,
        "supported_permitted_work": supported,
    }
    r = run({"tax_year": "2026-27", "adults": [adult]}, ruleset)
    assert r.programmes["new_style_esa"].amount == esa
    if award is not None:
        assert r.programmes["universal_credit"].amount == award


# --- 19. Marriage Allowance: the recipient's rate decides (2025-26) -------------------------------


@pytest.mark.parametrize(
    "nation,salary,tax",
    [
        # Scottish intermediate-rate recipient may receive it: taxable 27,430: 537.13 + 2,418.80
        # + 21% x 12,509 (2,626.89) = 5,582.82, less 20% x 1,260 = 5,330.82
        ("scotland", 40000, D("5330.82")),
        # Scottish higher rate: none. taxable 32,430: 537.13 + 2,418.80 + 3,395.91 + 42% x 1,338 = 6,913.80
        ("scotland", 45000, D("6913.80")),
        ("england", 50270, D("7288")),  # taxable 37,700, not above the basic rate limit: 7,540 - 252
        ("england", 50271, D("7540.40")),  # 1 over: higher rate, no transfer
    ],
)
def test_marriage_allowance_recipient_limits(ruleset, nation, salary, tax):
    data = {
        "tax_year": "2025-26",
        "nation": nation,
        "marriage_allowance": True,
        "adults": [
            {"name": "A", "age": 30, "job": {"hourly_pay": 12, "hours": 0}},
            {"name": "B", "age": 30, "earnings": {"amount": salary, "period": "year"}},
        ],
    }
    r = run(data, ruleset)
    assert r.tax[1].income_tax == tax


# --- 20. LCW element kept from before April 2017; carer without Carer's Allowance ----------------


@pytest.mark.parametrize(
    "data,award",
    [
        # 2025-26: 400.14 + LCW 158.76; earned 10 x 12.21 x 52 / 12 = 529.10 < higher work allowance 684
        (
            {
                "date": "2025-06-02",
                "adults": [
                    {
                        "age": 40,
                        "job": {"hourly_pay": "12.21", "hours": 10},
                        "universal_credit_health": "lcw",
                        "lcw_element_protected": True,
                    }
                ],
            },
            D("558.90"),
        ),
        # 2026-27: LCW element not up-rated (158.76); 424.90 + 158.76; earned 550.77 < 710
        (
            {
                "tax_year": "2026-27",
                "adults": [
                    {
                        "age": 40,
                        "job": {"hourly_pay": "12.71", "hours": 10},
                        "universal_credit_health": "lcw",
                        "lcw_element_protected": True,
                    }
                ],
            },
            D("583.66"),
        ),
        # LCW (protected) and a partner with LCWRA (new claim 2026): one element only, the LCWRA 217.26
        # (reg 27(4)); 666.97 + 217.26 = 884.23
        (
            {
                "tax_year": "2026-27",
                "adults": [
                    {
                        "name": "A",
                        "age": 40,
                        "job": {"hourly_pay": "12.71", "hours": 10},
                        "universal_credit_health": "lcw",
                        "lcw_element_protected": True,
                    },
                    {"name": "B", "age": 40, "universal_credit_health": "lcwra", "health_element_protected": False},
                ],
            },
            D("884.23"),
        ),
        # 2024-25 carer not claiming CA: carer element 198.31, no work allowance; 20 x 11.44 = 228.80 a week,
        # 991.4667 a month (no tax or NI); 55% = 545.31; 393.45 + 198.31 - 545.31 = 46.45
        (
            {
                "date": "2024-06-03",
                "adults": [
                    {
                        "age": 40,
                        "job": {"hourly_pay": "11.44", "hours": 20},
                        "carer": {"hours_per_week": 36, "claims_carers_allowance": False},
                    }
                ],
            },
            D("46.45"),
        ),
    ],
)
def test_lcw_element_and_carer_without_carers_allowance(ruleset, data, award):
    r = run(data, ruleset)
    assert r.programmes["universal_credit"].amount == award
    assert "carers_allowance" not in r.programmes


# --- 21. Social rent, two bedrooms too many, weekly rent and service charges (2025-26) -----------


def test_under_occupancy_25_percent_on_weekly_rent_and_service_charges(ruleset):
    data = {
        "date": "2025-06-02",
        "adults": [{"age": 35, "job": {"hourly_pay": "12.21", "hours": 0}}],
        "housing": {
            "tenure": "social_rent",
            "rent": {"amount": 100, "period": "week"},
            "service_charges": {"amount": 5, "period": "week"},
            "bedrooms": 3,
        },
    }
    r = run(data, ruleset)
    # rent 100 x 52 / 12 = 433.33; service charges 5 x 52 / 12 = 21.67; 455.00 (Sch 4 para 7)
    # 3 bedrooms, 1 allowed: 25% (Sch 4 para 36) = 113.75; housing element 341.25
    assert line(r, "universal_credit", "housing_under_occupancy") == D("-113.75")
    assert r.programmes["universal_credit"].amount == D("741.39")  # 400.14 + 341.25


# --- 22. Single in London around the earnings exemption (2024-25) ------------------------------


@pytest.mark.parametrize(
    "hours,cut,award",
    [
        # 0 h: 393.45 + 1,500 = 1,893.45 over the London single cap 16,967 / 12 = 1,413.92
        ("0", D("479.53"), D("1413.92")),
        # 15 h: 171.60 a week = 743.60 a month < 793: 55% = 408.98; 1,484.47 - 1,413.92 = 70.55
        ("15", D("70.55"), D("1413.92")),
        # 16 h: 793.1733 >= 793: exempt; 55% = 436.2453 -> 436.25; 1,893.45 - 436.25
        ("16", D("0"), D("1457.20")),
    ],
)
def test_single_london_benefit_cap_and_earnings_exemption(ruleset, hours, cut, award):
    data = {
        "date": "2024-06-03",
        "in_greater_london": True,
        "adults": [{"age": 30, "job": {"hourly_pay": "11.44", "hours": hours}}],
        "housing": {
            "tenure": "private_rent",
            "rent": {"amount": 1500, "period": "month"},
            "local_housing_allowance": {"amount": 1500, "period": "month"},
        },
    }
    r = run(data, ruleset)
    assert line(r, "universal_credit", "benefit_cap_reduction") == cut
    assert r.programmes["universal_credit"].amount == award


# --- 23. Couple, both working, childcare for two children (2025-26) ------------------------------


def test_couple_childcare_for_two_children_capped(ruleset):
    data = {
        "date": "2025-06-02",
        "adults": [
            {"name": "A", "age": 31, "job": {"hourly_pay": "12.21", "hours": 20}},
            {"name": "B", "age": 30, "earnings": {"amount": 500, "period": "month"}},
        ],
        "children": [{"date_of_birth": "2019-03-01"}, {"date_of_birth": "2022-01-01"}],
        "housing": {"tenure": "owner"},
        "childcare": {"amount": 2500, "period": "month"},
    }
    r = run(data, ruleset)
    # 85% x 2,500 = 2,125 over the two-child cap 1,768.94
    assert line(r, "universal_credit", "childcare_element") == D("1768.94")
    # earned 1,055.204 + 500 = 1,555.204; higher work allowance 684: 55% x 871.204 = 479.16
    # 628.10 + 2 x 292.81 + 1,768.94 - 479.16 = 2,503.50
    assert r.programmes["universal_credit"].amount == D("2503.50")
