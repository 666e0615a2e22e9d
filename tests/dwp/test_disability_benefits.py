"""PIP, Adult Disability Payment, DLA and Attendance Allowance: weekly rates by component, not
affected by work, and ignored as income by Universal Credit (UC Regs 2013 reg 66 does not list them).

Rates a week (rules/dwp/disability_benefits.yaml; ADP in rules/social_security_scotland):
                                   2024-25   2025-26   2026-27
  PIP/ADP daily living standard     72.65     73.90     76.70
  PIP/ADP daily living enhanced    108.55    110.40    114.60
  PIP/ADP mobility standard         28.70     29.20     30.30
  PIP/ADP mobility enhanced         75.75     77.05     80.00
  DLA care lowest/middle/highest    28.70 / 72.65 / 108.55;  29.20 / 73.90 / 110.40;  30.30 / 76.70 / 114.60
  DLA mobility lower/higher         28.70 / 75.75;  29.20 / 77.05;  30.30 / 80.00
  AA lower/higher                   72.65 / 108.55;  73.90 / 110.40;  76.70 / 114.60
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import benefitcalc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

D = Decimal
RATES = {
    "2024-25": {
        "dl_std": "72.65",
        "dl_enh": "108.55",
        "mob_std": "28.70",
        "mob_enh": "75.75",
        "care": ("28.70", "72.65", "108.55"),
        "dla_mob": ("28.70", "75.75"),
        "aa": ("72.65", "108.55"),
    },
    "2025-26": {
        "dl_std": "73.90",
        "dl_enh": "110.40",
        "mob_std": "29.20",
        "mob_enh": "77.05",
        "care": ("29.20", "73.90", "110.40"),
        "dla_mob": ("29.20", "77.05"),
        "aa": ("73.90", "110.40"),
    },
    "2026-27": {
        "dl_std": "76.70",
        "dl_enh": "114.60",
        "mob_std": "30.30",
        "mob_enh": "80.00",
        "care": ("30.30", "76.70", "114.60"),
        "dla_mob": ("30.30", "80.00"),
        "aa": ("76.70", "114.60"),
    },
}


def person(tax_year: str, hours: Any = 0, pay: str = "12.21", nation: str = "england", **adult: Any) -> dict[str, Any]:
    return {
        "tax_year": tax_year,
        "nation": nation,
        "adults": [{"name": "A", "age": 40, "job": {"hourly_pay": pay, "hours": hours}, **adult}],
        "housing": {"tenure": "owner"},
    }


def programmes(data: dict[str, Any], ruleset: Any) -> dict[str, Any]:
    return benefitcalc.calculate(data, rules=ruleset).programmes


@pytest.mark.parametrize("tax_year", sorted(RATES))
def test_pip_and_adp_rates_by_component(ruleset, tax_year):
    r = RATES[tax_year]
    for daily, mobility, expected in (
        ("standard", "none", D(r["dl_std"])),
        ("enhanced", "none", D(r["dl_enh"])),
        ("none", "standard", D(r["mob_std"])),
        ("none", "enhanced", D(r["mob_enh"])),
        ("standard", "enhanced", D(r["dl_std"]) + D(r["mob_enh"])),
        ("enhanced", "enhanced", D(r["dl_enh"]) + D(r["mob_enh"])),
    ):
        award = {"daily_living": daily, "mobility": mobility}
        assert programmes(person(tax_year, pip=award), ruleset)["pip"].amount == expected
        adp = programmes(person(tax_year, nation="scotland", adult_disability_payment=award), ruleset)
        assert adp["adult_disability_payment"].amount == expected


@pytest.mark.parametrize("tax_year", sorted(RATES))
def test_dla_and_attendance_allowance_rates(ruleset, tax_year):
    r = RATES[tax_year]
    for care, amount in zip(("lowest", "middle", "highest"), r["care"]):
        assert programmes(person(tax_year, disability_living_allowance={"care": care}), ruleset)[
            "disability_living_allowance"
        ].amount == D(amount)
    for mobility, amount in zip(("lower", "higher"), r["dla_mob"]):
        assert programmes(person(tax_year, disability_living_allowance={"mobility": mobility}), ruleset)[
            "disability_living_allowance"
        ].amount == D(amount)
    both = programmes(person(tax_year, disability_living_allowance={"care": "highest", "mobility": "higher"}), ruleset)
    assert both["disability_living_allowance"].amount == D(r["care"][2]) + D(r["dla_mob"][1])
    for level, amount in zip(("lower", "higher"), r["aa"]):
        assert programmes(person(tax_year, attendance_allowance=level), ruleset)["attendance_allowance"].amount == D(
            amount
        )


def test_no_award_no_programme(ruleset):
    result = programmes(person("2025-26", pip={"daily_living": "none", "mobility": "none"}), ruleset)
    assert "pip" not in result or result["pip"].amount == 0


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    tax_year=st.sampled_from(sorted(RATES)),
    hours=st.decimals(min_value=D(0), max_value=D(70), places=1),
    pay=st.decimals(min_value=D("5.00"), max_value=D("200.00"), places=2),
)
def test_disability_benefits_never_change_with_work(ruleset, tax_year, hours, pay):
    adult = {
        "pip": {"daily_living": "enhanced", "mobility": "standard"},
        "attendance_allowance": "none",
    }
    base = programmes(person(tax_year, 0, str(pay), **adult), ruleset)["pip"].amount
    working = programmes(person(tax_year, str(hours), str(pay), **adult), ruleset)["pip"].amount
    r = RATES[tax_year]
    assert base == working == D(r["dl_enh"]) + D(r["mob_std"])
    dla = {"disability_living_allowance": {"care": "middle", "mobility": "higher"}}
    assert programmes(person(tax_year, str(hours), str(pay), **dla), ruleset)[
        "disability_living_allowance"
    ].amount == D(r["care"][1]) + D(r["dla_mob"][1])
    adp = {"adult_disability_payment": {"daily_living": "standard", "mobility": "enhanced"}}
    assert programmes(person(tax_year, str(hours), str(pay), nation="scotland", **adp), ruleset)[
        "adult_disability_payment"
    ].amount == D(r["dl_std"]) + D(r["mob_enh"])


def test_pip_is_not_income_for_universal_credit(ruleset):
    # 2025-26, single, owner, no work: UC is the standard allowance 400.14 with or without PIP
    without = programmes(person("2025-26"), ruleset)["universal_credit"]
    with_pip = programmes(person("2025-26", pip={"daily_living": "enhanced", "mobility": "enhanced"}), ruleset)[
        "universal_credit"
    ]
    assert without.amount == with_pip.amount == D("400.14")
    assert with_pip.line("unearned_income").amount == 0
