"""Council tax reduction designs beyond plain means tests and income grids, each hand-worked for a
council that uses it (2026-27):

* bands of EARNINGS only, monthly (Barnet), weekly with a household grid (Islington);
* household types that depend on a child's age (Croydon: a lone parent with a child under 5);
* bands of the income ABOVE the applicable amount (Coventry);
* a hybrid scheme: UC claimants banded, others means-tested (Manchester);
* a flat-rate scheme by category (Redbridge).

Figures from the scheme files under rules/local_authority/council_tax_reduction/ (their sources are
named in each file) and, for UC, rules/dwp/universal_credit.yaml for 2026-27: single 25+ standard
allowance 424.90 a month, child amount 303.94, taper 55%, national living wage 12.71. Pay of 16
hours at 12.71 is 203.36 a week (10,574.72 a year: no tax or NI); with no child or LCW that is too
much for UC (monthly 881.23 x 55% = 484.68 > 424.90). 8 hours: pay 101.68 a week = 440.61 a month;
55% = 242.34; UC 424.90 - 242.34 = 182.56 a month.

Every case has a bill of 1,500 a year in a year of 365 days: the weekly liability is
1,500 x 7 / 365 = 28.767123..., and x% of it for the year is x% of 1,500.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import benefitcalc
import pytest
from benefitcalc.errors import RulesError
from benefitcalc.loader import load_rules
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


def award(data: dict[str, Any], ruleset: Any, hours: int) -> Decimal:
    result = benefitcalc.calculate(data, hours=hours, rules=ruleset).programmes["council_tax_reduction"]
    return result.amount.quantize(D("0.01"), rounding="ROUND_HALF_UP")


def lines(data: dict[str, Any], ruleset: Any, hours: int) -> dict[str, Any]:
    result = benefitcalc.calculate(data, hours=hours, rules=ruleset).programmes["council_tax_reduction"]
    return {line.key: line for line in result.lines}


# --- bands of earnings only --------------------------------------------------------------------------


def test_barnet_monthly_earnings_bands(ruleset):
    # Barnet's table (its page; the 2025-26 consultation's rates, held for 2026-27): no earnings 70%,
    # £800.01-£1,400 a month 25%. On UC with no pay, the UC award is not counted: 70% of 1,500 = 1,050.00.
    assert award(household("barnet"), ruleset, 0) == D("1050.00")
    # 16 hours: 203.36 - £5 disregard = 198.36 a week = 859.56 a month (x 52 / 12): 25% = 375.00.
    assert award(household("barnet"), ruleset, 16) == D("375.00")
    band = lines(household("barnet"), ruleset, 16)["band"]
    assert "monthly" in band.label and "£859.56" in band.label


def test_islington_weekly_earnings_grid(ruleset):
    # No earnings: 95%: 1,425.00. 8 hours on UC: DWP's earned income 440.61 x 12 / 52 = 101.68, no
    # disregard on UC; the single grid's band from £84.46 up to £126.69 gives 65%: 975.00.
    assert award(household("islington"), ruleset, 0) == D("1425.00")
    assert award(household("islington"), ruleset, 8) == D("975.00")


# --- a household type that depends on a child's age ----------------------------------------------------


def test_croydon_lone_parent_with_a_child_under_5_has_its_own_grid(ruleset):
    # A lone parent, no pay, on UC: 424.90 + child 303.94 = 728.84 a month = 168.19 a week, counted in
    # full; in the band up to £208: the lone-parent-under-5 grid gives 70% (1,050.00), the standard 60% (900.00).
    assert award(household("croydon", children=(3,)), ruleset, 0) == D("1050.00")
    assert award(household("croydon", children=(7,)), ruleset, 0) == D("900.00")
    assert "'lone_parent_child_under_5'" in lines(household("croydon", children=(3,)), ruleset, 0)["band"].label


# --- bands of the income above the applicable amount ----------------------------------------------------


def test_coventry_bands_the_excess_over_the_applicable_amount(ruleset):
    # On UC the applicable amount is the UC maximum amount x 12 / 52 = 424.90 x 12 / 52 = 98.05.
    # No pay: income = the award, 98.05: no excess: 80% = 1,200.00.
    assert award(household("coventry"), ruleset, 0) == D("1200.00")
    # 8 hours: 101.68 + 182.56 x 12 / 52 (42.13) = 143.81; excess 45.76, in the band £40-£70: 40% = 600.00.
    assert award(household("coventry"), ruleset, 8) == D("600.00")
    assert lines(household("coventry"), ruleset, 8)["excess_income"].amount.quantize(D("0.01")) == D("45.76")


# --- hybrid ---------------------------------------------------------------------------------------------


def test_manchester_uc_claimants_are_banded(ruleset):
    # Manchester's page: income at the applicable amount: 85%. No pay, on UC: excess 0: 85% of 1,500 = 1,275.00.
    assert award(household("manchester"), ruleset, 0) == D("1275.00")
    assert "with an award of Universal Credit" in lines(household("manchester"), ruleset, 0)["regime"].label


def test_manchester_others_are_means_tested_at_85_percent(ruleset):
    # 16 hours, no UC: maximum 85% x 28.767123 = 24.452055; income 198.36 less the single 25+ allowance
    # 95.55 (the default pattern's 2026-27 figure) = 102.81; 20% = 20.562; weekly 3.890055 x 365 / 7 = 202.84.
    assert award(household("manchester"), ruleset, 16) == D("202.84")
    assert "not on Universal Credit" in lines(household("manchester"), ruleset, 16)["regime"].label


# --- flat rate -----------------------------------------------------------------------------------------


def test_redbridge_flat_rate_categories(ruleset):
    # Not working, no dependants: 50% = 750.00. Working 16 hours: earnings 198.36 (after the £5
    # disregard) below £234: 36% = 540.00 (weekly 10.36, above the £10 minimum award).
    assert award(household("redbridge"), ruleset, 0) == D("750.00")
    assert award(household("redbridge"), ruleset, 16) == D("540.00")


def test_redbridge_disability_class(ruleset):
    data = household("redbridge")
    data["adults"][0]["pip"] = {"daily_living": "standard", "mobility": "none"}
    # The disability class (taken as a disability premium): 73% = 1,095.00.
    assert award(data, ruleset, 0) == D("1095.00")


# --- validation of the new designs -----------------------------------------------------------------------

REF = "reference: [{title: 'Example Borough Council: council tax support scheme 2026-27', href: 'https://www.example.gov.uk/ctr'}]"


def _param(name: str, unit: str, period: str, value: str, indent: int = 0) -> str:
    pad = " " * indent
    return (
        f"{pad}{name}:\n{pad}  description: {name}.\n{pad}  unit: {unit}\n{pad}  period: {period}\n"
        f"{pad}  values:\n{pad}    2026-04-01:\n{pad}      value: {value}\n{pad}      {REF}\n"
    )


def _hybrid(extra: str = "", uc_design: str = "banded") -> str:
    return (
        "description: Example Borough hybrid scheme\n"
        + _param("name", "text", "none", "'Example Borough'")
        + _param("base", "text", "none", "england_hybrid")
        + _param("maximm_share", "/1", "none", "0.8")
        + "universal_credit:\n  description: UC regime\n"
        + _param("design", "text", "none", uc_design, 2)
        + extra
    )


def _overlay(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "local_authority" / "council_tax_reduction"
    folder.mkdir(parents=True)
    (folder / "example_borough.yaml").write_text(text)
    return tmp_path


def test_a_hybrid_scheme_reports_every_problem_with_its_regime(tmp_path):
    with pytest.raises(RulesError) as err:
        ctr.validate_all(load_rules(_overlay(tmp_path, _hybrid())))
    message = err.value.message
    assert "example_borough.universal_credit.household_types: the scheme has no `household_types`" in message
    assert "example_borough.universal_credit.bands: the scheme has no `bands`" in message
    assert "`maximm_share` is not a key of a hybrid scheme or of either of its regimes" in message


def test_a_hybrid_regime_cannot_itself_be_hybrid(tmp_path):
    with pytest.raises(RulesError) as err:
        ctr.validate_all(load_rules(_overlay(tmp_path, _hybrid(uc_design="hybrid"))))
    assert "`design` is 'hybrid'; allowed: means_tested, banded, flat_rate" in err.value.message


def test_the_hybrid_and_flat_rate_base_designs_build_on_the_national_pattern(ruleset):
    from datetime import date

    assert ctr.scheme_value(ruleset, "designs.england_hybrid", "taper", date(2026, 4, 1)) == D("0.20")
    assert ctr.scheme_value(ruleset, "manchester", "design", date(2026, 4, 1)) == "hybrid"
    assert ctr.scheme_value(ruleset, "redbridge", "design", date(2026, 4, 1)) == "flat_rate"
