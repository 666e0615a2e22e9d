"""Income tax (ITA 2007; Scottish rates under s.6A), worked by hand from rules/hmrc/income_tax.yaml.

The rules give, for every year 2024-25 to 2026-27: personal allowance £12,570, tapered by £1 for
every £2 of adjusted net income over £100,000 (s.35); rUK bands on taxable income 20% to £37,700,
40% to £125,140, 45% above. Scottish bands (taxable income, after the allowance):

    year     starter 19%   basic 20%        intermediate 21%   higher 42%        advanced 45%       top 48%
    2024-25  0-2,306       2,306-13,991     13,991-31,092      31,092-62,430     62,430-125,140     above
    2025-26  0-2,827       2,827-14,921     14,921-31,092      (same)
    2026-27  0-3,967       3,967-16,956     16,956-31,092      (same)

Marriage Allowance: 10% of £12,570 = £1,257, rounded up to £1,260 (s.55B(5)); the recipient's tax
falls by 20% of that, £252. Pension contributions: under a net pay arrangement they come off pay
before tax; under relief at source the member pays 80% of the gross contribution, the scheme claims
20%, and the basic-rate limit and the limits above it rise by the gross contribution (FA 2004
s.192(4), (4A)); either way adjusted net income falls by the gross contribution (ITA 2007 s.58).

Worked examples cited as "worked-examples.md example N" are from /work/shared/reference/worked-examples.md,
itself checked against PolicyEngine UK.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from benefitcalc import api
from benefitcalc.loader import RuleSet
from benefitcalc.periods import pence
from benefitcalc.programmes.income_tax import income_tax, marriage_allowance_amount
from benefitcalc.programmes.rule_views import RuleViews
from benefitcalc.scenario import load_scenario

D = Decimal
YEARS = ("2024-25", "2025-26", "2026-27")
Params = Callable[[str], RuleViews]


def tax(v: RuleViews, nation: str, pay: str | int, **kw: Any) -> Decimal:
    return income_tax(v.income_tax, nation, D(pay), **kw).tax


# --- rest of the UK ---------------------------------------------------------------------------


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("nation", ["england", "wales"])  # Welsh rates are 10p in each band: the rUK rates
def test_ruk_basic_rate(views_for: Params, year: str, nation: str) -> None:
    # (30,000 - 12,570) = 17,430 x 20% = 3,486.00
    assert tax(views_for(year), nation, 30000) == D("3486.00")


@pytest.mark.parametrize("year", YEARS)
def test_ruk_below_the_personal_allowance_is_nil(views_for: Params, year: str) -> None:
    assert tax(views_for(year), "england", 12570) == 0
    assert tax(views_for(year), "england", 0) == 0


@pytest.mark.parametrize("year", YEARS)
def test_ruk_at_the_top_of_the_basic_rate_band(views_for: Params, year: str) -> None:
    # 50,270 - 12,570 = 37,700 all at 20% = 7,540.00; one pound more is taxed at 40%: 7,540.40
    assert tax(views_for(year), "england", 50270) == D("7540.00")
    assert tax(views_for(year), "england", 50271) == D("7540.40")


@pytest.mark.parametrize("year", YEARS)
def test_ruk_higher_rate(views_for: Params, year: str) -> None:
    # taxable 60,000 - 12,570 = 47,430: 37,700 x 20% = 7,540 + (47,430 - 37,700) = 9,730 x 40% = 3,892 -> 11,432.00
    assert tax(views_for(year), "england", 60000) == D("11432.00")


@pytest.mark.parametrize("year", YEARS)
def test_ruk_personal_allowance_taper_above_100000(views_for: Params, year: str) -> None:
    # ANI 110,000: allowance 12,570 - (110,000 - 100,000) / 2 = 7,570; taxable 102,430:
    # 37,700 x 20% = 7,540 + (102,430 - 37,700) = 64,730 x 40% = 25,892 -> 33,432.00
    result = income_tax(views_for(year).income_tax, "england", D(110000))
    assert result.personal_allowance == D(7570)
    assert result.tax == D("33432.00")
    # 100,000 exactly: no taper, allowance 12,570; taxable 87,430: 7,540 + 49,730 x 40% = 19,892 -> 27,432.00
    assert tax(views_for(year), "england", 100000) == D("27432.00")


@pytest.mark.parametrize("year", YEARS)
def test_ruk_allowance_gone_and_additional_rate(views_for: Params, year: str) -> None:
    # ANI 130,000: 12,570 - 15,000 < 0 -> allowance 0; taxable 130,000:
    # 37,700 x 20% = 7,540 + (125,140 - 37,700) = 87,440 x 40% = 34,976 + (130,000 - 125,140) = 4,860 x 45% = 2,187
    # -> 44,703.00
    result = income_tax(views_for(year).income_tax, "england", D(130000))
    assert result.personal_allowance == 0
    assert result.tax == D("44703.00")


# --- Scotland ---------------------------------------------------------------------------------

SCOTTISH_INTERMEDIATE = {  # pay 30,000: taxable 17,430
    # 2,306 x 19% = 438.14; (13,991 - 2,306) = 11,685 x 20% = 2,337.00; (17,430 - 13,991) = 3,439 x 21% = 722.19
    "2024-25": D("3497.33"),
    # 2,827 x 19% = 537.13; (14,921 - 2,827) = 12,094 x 20% = 2,418.80; (17,430 - 14,921) = 2,509 x 21% = 526.89
    "2025-26": D("3482.82"),
    # 3,967 x 19% = 753.73; (16,956 - 3,967) = 12,989 x 20% = 2,597.80; (17,430 - 16,956) = 474 x 21% = 99.54
    "2026-27": D("3451.07"),
}
SCOTTISH_HIGHER = {  # pay 60,000: taxable 47,430; higher band (47,430 - 31,092) = 16,338 x 42% = 6,861.96
    # 438.14 + 2,337.00 + (31,092 - 13,991) = 17,101 x 21% = 3,591.21 + 6,861.96
    "2024-25": D("13228.31"),
    # 537.13 + 2,418.80 + (31,092 - 14,921) = 16,171 x 21% = 3,395.91 + 6,861.96
    "2025-26": D("13213.80"),
    # 753.73 + 2,597.80 + (31,092 - 16,956) = 14,136 x 21% = 2,968.56 + 6,861.96
    "2026-27": D("13182.05"),
}
SCOTTISH_ADVANCED = {  # pay 90,000: taxable 77,430
    # higher (62,430 - 31,092) = 31,338 x 42% = 13,161.96; advanced (77,430 - 62,430) = 15,000 x 45% = 6,750.00
    "2024-25": D("26278.31"),  # 438.14 + 2,337.00 + 3,591.21 + 13,161.96 + 6,750.00
    "2025-26": D("26263.80"),  # 537.13 + 2,418.80 + 3,395.91 + 13,161.96 + 6,750.00
    "2026-27": D("26232.05"),  # 753.73 + 2,597.80 + 2,968.56 + 13,161.96 + 6,750.00
}


@pytest.mark.parametrize("year", YEARS)
def test_scottish_intermediate_rate(views_for: Params, year: str) -> None:
    assert tax(views_for(year), "scotland", 30000) == SCOTTISH_INTERMEDIATE[year]


@pytest.mark.parametrize("year", YEARS)
def test_scottish_higher_rate(views_for: Params, year: str) -> None:
    assert tax(views_for(year), "scotland", 60000) == SCOTTISH_HIGHER[year]


@pytest.mark.parametrize("year", YEARS)
def test_scottish_advanced_rate(views_for: Params, year: str) -> None:
    assert tax(views_for(year), "scotland", 90000) == SCOTTISH_ADVANCED[year]


def test_scottish_top_rate_with_the_allowance_tapered_away(views_for: Params) -> None:
    # 2026-27, pay 130,000: allowance 0; taxable 130,000:
    # 753.73 + 2,597.80 + 2,968.56 + 13,161.96 + (125,140 - 62,430) = 62,710 x 45% = 28,219.50
    # + (130,000 - 125,140) = 4,860 x 48% = 2,332.80 -> 50,034.35
    assert tax(views_for("2026-27"), "scotland", 130000) == D("50034.35")


def test_scottish_personal_allowance_taper(views_for: Params) -> None:
    # 2025-26, pay 110,000: allowance 7,570 (as rUK); taxable 102,430:
    # 537.13 + 2,418.80 + 3,395.91 + 13,161.96 + (102,430 - 62,430) = 40,000 x 45% = 18,000 -> 37,513.80
    assert tax(views_for("2025-26"), "scotland", 110000) == D("37513.80")


def test_worked_example_6_scottish_tax_2026_27(views_for: Params) -> None:
    """worked-examples.md example 6 (itself checked against PolicyEngine UK): 30 h x £12.71 x 52 = £19,827.60;
    taxable 7,257.60: 3,967 x 19% = 753.73 + (7,257.60 - 3,967) x 20% = 658.12 -> £1,411.85; rUK rules £1,451.52."""
    p = views_for("2026-27")
    assert tax(p, "scotland", "19827.60") == D("1411.85")
    assert tax(p, "england", "19827.60") == D("1451.52")


def test_worked_example_6_through_the_engine(ruleset: RuleSet, fixtures_dir: Path) -> None:
    """The same household as a scenario file: tax £1,411.85 and NI £580.61 (worked-examples.md example 6)."""
    point = api.calculate(load_scenario(fixtures_dir / "scenarios" / "scotland_lone_parent_30h.yaml"), rules=ruleset)
    assert point.earnings[0].gross == D("19827.60")
    assert pence(point.tax[0].income_tax) == D("1411.85")
    assert pence(point.earnings[0].national_insurance) == D("580.61")


# --- Marriage Allowance --------------------------------------------------------------------------


@pytest.mark.parametrize("year", YEARS)
def test_marriage_allowance_amount(views_for: Params, year: str) -> None:
    # 10% x 12,570 = 1,257, rounded up to the next £10: 1,260
    assert marriage_allowance_amount(views_for(year).income_tax) == D(1260)


def test_marriage_allowance_reduces_the_recipients_tax_by_252(views_for: Params) -> None:
    p = views_for("2025-26")
    # (23,809.50 - 12,570) x 20% = 2,247.90 - 1,260 x 20% = 252 -> 1,995.90 (worked-examples.md example 3)
    assert tax(p, "england", "23809.50", allowance_received=D(1260)) == D("1995.90")
    # transferor earning 12,000: allowance 12,570 - 1,260 = 11,310; (12,000 - 11,310) x 20% = 138.00
    assert tax(p, "england", 12000, allowance_transferred_out=D(1260)) == D("138.00")
    # the reduction cannot exceed the tax: on 13,000 tax is (13,000 - 12,570) x 20% = 86 -> 0
    assert tax(p, "england", 13000, allowance_received=D(1260)) == 0


def couple(
    year: str, worker_hourly: str, worker_hours: str, partner: dict[str, Any] | None = None, **extra: Any
) -> dict[str, Any]:
    partner = partner if partner is not None else {}
    return {
        "tax_year": year,
        "adults": [
            {"name": "A", "age": 35, "job": {"hourly_pay": worker_hourly, "hours": worker_hours}},
            {"name": "B", "age": 35, **partner},
        ],
        **extra,
    }


EXAMPLE_3 = {
    "children": [{"age": 10}, {"age": 6}, {"age": 3}],
    "housing": {"tenure": "social_rent", "rent": {"amount": 750, "period": "month"}},
}


@pytest.mark.parametrize(
    ("year", "hourly", "tax_due", "ni"),
    [
        # 37.5 x 12.21 x 52 = 23,809.50; (23,809.50 - 12,570) x 20% = 2,247.90 - 252 = 1,995.90; NI 11,239.50 x 8% = 899.16
        ("2025-26", "12.21", D("1995.90"), D("899.16")),
        # 37.5 x 12.71 x 52 = 24,784.50; 12,214.50 x 20% = 2,442.90 - 252 = 2,190.90; NI 12,214.50 x 8% = 977.16
        ("2026-27", "12.71", D("2190.90"), D("977.16")),
    ],
)
def test_worked_example_3_couple_with_marriage_allowance(
    ruleset: RuleSet, year: str, hourly: str, tax_due: Decimal, ni: Decimal
) -> None:
    """worked-examples.md example 3, itself checked against PolicyEngine UK."""
    point = api.calculate(couple(year, hourly, "37.5", marriage_allowance=True, **EXAMPLE_3), rules=ruleset)
    assert pence(point.tax[0].income_tax) == tax_due
    assert point.tax[1].income_tax == 0
    assert pence(point.earnings[0].national_insurance) == ni
    # without the election: 252 more
    plain = api.calculate(couple(year, hourly, "37.5", **EXAMPLE_3), rules=ruleset)
    assert pence(plain.tax[0].income_tax) == tax_due + 252


def test_worked_example_7_couple_2026_27(ruleset: RuleSet) -> None:
    """worked-examples.md example 7 (checked against PolicyEngine UK): 35 x 12.71 x 52 = 23,132.20;
    (23,132.20 - 12,570) x 20% = 2,112.44 - 252 = 1,860.44; NI 10,562.20 x 8% = 844.976 -> 844.98."""
    data = couple(
        "2026-27",
        "12.71",
        "35",
        {"universal_credit_health": "lcwra"},
        marriage_allowance=True,
        housing={"tenure": "social_rent", "rent": {"amount": 550, "period": "month"}},
    )
    data["adults"] = [data["adults"][1], data["adults"][0]]  # the earner is the second adult here
    point = api.calculate(data, rules=ruleset)
    assert pence(point.tax[1].income_tax) == D("1860.44")
    assert pence(point.earnings[1].national_insurance) == D("844.98")


def test_marriage_allowance_with_a_low_earning_transferor(ruleset: RuleSet) -> None:
    # 2025-26: A earns 30 x 20 x 52 = 31,200: (31,200 - 12,570) x 20% = 3,726 - 252 = 3,474.00
    # B earns 12,000 a year: allowance 11,310, tax (12,000 - 11,310) x 20% = 138.00. Together 3,612 < 3,726: transfer.
    point = api.calculate(
        couple("2025-26", "20", "30", {"earnings": {"amount": 12000, "period": "year"}}, marriage_allowance=True),
        rules=ruleset,
    )
    assert point.tax[0].income_tax == D("3474.00")
    assert point.tax[1].income_tax == D("138.00")


def test_no_marriage_allowance_for_a_higher_rate_recipient(ruleset: RuleSet) -> None:
    # 2025-26: A earns 40 x 30 x 52 = 62,400: taxable 49,830 > 37,700, so A pays higher rate: no transfer (s.55B(2)).
    # 7,540 + (49,830 - 37,700) = 12,130 x 40% = 4,852 -> 12,392.00
    point = api.calculate(couple("2025-26", "40", "30", marriage_allowance=True), rules=ruleset)
    assert point.tax[0].income_tax == D("12392.00")


def test_no_marriage_allowance_for_a_scottish_higher_rate_recipient(ruleset: RuleSet) -> None:
    # 2026-27 Scotland: A earns 20 x 40 x 52 = 41,600: taxable 29,030 (< 31,092, intermediate rate): transfer allowed:
    # 753.73 + 2,597.80 + (29,030 - 16,956) = 12,074 x 21% = 2,535.54 -> 5,887.07 - 252 = 5,635.07.
    point = api.calculate(couple("2026-27", "20", "40", marriage_allowance=True, nation="scotland"), rules=ruleset)
    assert point.tax[0].income_tax == D("5635.07")
    # A earns 25 x 40 x 52 = 52,000: taxable 39,430 > 31,092: Scottish higher rate, no transfer.
    # 753.73 + 2,597.80 + 2,968.56 + (39,430 - 31,092) = 8,338 x 42% = 3,501.96 -> 9,822.05
    point = api.calculate(couple("2026-27", "25", "40", marriage_allowance=True, nation="scotland"), rules=ruleset)
    assert point.tax[0].income_tax == D("9822.05")


# --- pensions: net pay and relief at source -----------------------------------------------------


def worker(year: str, hourly: str, hours: str, pension: Any) -> dict[str, Any]:
    return {
        "tax_year": year,
        "adults": [{"name": "W", "age": 40, "job": {"hourly_pay": hourly, "hours": hours, "pension": pension}}],
    }


def take_home(point: Any) -> Decimal:
    e, t = point.earnings[0], point.tax[0]
    return e.gross - t.income_tax - e.national_insurance - e.pension


def test_net_pay_pension_comes_off_pay_before_tax_but_not_before_ni(ruleset: RuleSet) -> None:
    # 2025-26, 20 x 30 x 52 = 31,200 gross; 5% of gross = 1,560 under net pay.
    # tax (31,200 - 1,560 - 12,570) = 17,070 x 20% = 3,414.00; NI on the full 31,200: 18,630 x 8% = 1,490.40
    point = api.calculate(worker("2025-26", "20", "30", {"employee_rate": "0.05"}), rules=ruleset)
    e = point.earnings[0]
    assert (e.gross, e.pension, e.pension_relief) == (D(31200), D(1560), "net_pay")
    assert point.tax[0].income_tax == D("3414.00")
    assert e.national_insurance == D("1490.40")
    # take-home 31,200 - 3,414 - 1,490.40 - 1,560 = 24,735.60
    assert take_home(point) == D("24735.60")


def test_relief_at_source_basic_rate_taxpayer(ruleset: RuleSet) -> None:
    # Same job, relief at source: the member pays 1,560 x 80% = 1,248; tax on the whole 31,200:
    # 18,630 x 20% = 3,726.00. Take-home 31,200 - 3,726 - 1,490.40 - 1,248 = 24,735.60, the same as net pay.
    point = api.calculate(
        worker("2025-26", "20", "30", {"employee_rate": "0.05", "relief": "relief_at_source"}), rules=ruleset
    )
    e = point.earnings[0]
    assert (e.pension, e.pension_relief) == (D(1248), "relief_at_source")
    assert point.tax[0].income_tax == D("3726.00")
    assert take_home(point) == D("24735.60")


def test_relief_at_source_higher_rate_taxpayer_gets_the_band_extended(ruleset: RuleSet) -> None:
    # 2025-26, 40 x 30 x 52 = 62,400 gross; 5% gross contribution 3,120, member pays 3,120 x 80% = 2,496.
    # FA 2004 s.192(4): basic rate limit 37,700 + 3,120 = 40,820. Taxable 62,400 - 12,570 = 49,830:
    # 40,820 x 20% = 8,164 + (49,830 - 40,820) = 9,010 x 40% = 3,604 -> 11,768.00
    ras = api.calculate(
        worker("2025-26", "40", "30", {"employee_rate": "0.05", "relief": "relief_at_source"}), rules=ruleset
    )
    assert ras.earnings[0].pension == D(2496)
    assert ras.tax[0].income_tax == D("11768.00")
    # Net pay: taxable (62,400 - 3,120 - 12,570) = 46,710: 7,540 + 9,010 x 40% = 3,604 -> 11,144.00.
    net = api.calculate(worker("2025-26", "40", "30", {"employee_rate": "0.05"}), rules=ruleset)
    assert net.tax[0].income_tax == D("11144.00")
    # NI (both): (50,270 - 12,570) x 8% = 3,016 + (62,400 - 50,270) = 12,130 x 2% = 242.60 -> 3,258.60
    assert ras.earnings[0].national_insurance == net.earnings[0].national_insurance == D("3258.60")
    # Either way the member is 11,768 + 2,496 = 11,144 + 3,120 = 14,264 down: full relief at 40%.
    assert take_home(ras) == take_home(net) == D(62400) - D("3258.60") - D(14264)


def test_relief_at_source_restores_the_personal_allowance(views_for: Params) -> None:
    # 2025-26, pay 110,000 with gross relief-at-source contributions of 11,000 (member pays 8,800):
    # ANI 110,000 - 11,000 = 99,000 <= 100,000, so the full 12,570 allowance. Taxable 97,430;
    # bands extended by 11,000: 48,700 x 20% = 9,740 + (97,430 - 48,700) = 48,730 x 40% = 19,492 -> 29,232.00
    result = income_tax(views_for("2025-26").income_tax, "england", D(110000), other_deductions=D(11000))
    assert result.adjusted_net_income == D(99000)
    assert result.personal_allowance == D(12570)
    assert result.tax == D("29232.00")
    # Net pay on the same: pay 99,000 taxed, taxable 86,430: 7,540 + 48,730 x 40% = 19,492 -> 27,032.00;
    # 29,232 + 8,800 = 27,032 + 11,000 = 38,032 either way.
    assert tax(views_for("2025-26"), "england", 99000) == D("27032.00")


def test_relief_at_source_scottish_intermediate_rate_taxpayer(views_for: Params) -> None:
    # 2026-27 Scotland, pay 30,000, gross RAS contribution 1,500 (member pays 1,200): s.192(4A) raises the
    # Scottish basic rate limit 16,956 -> 18,456. Taxable 17,430 now all within starter and basic:
    # 753.73 + (17,430 - 3,967) = 13,463 x 20% = 2,692.60 -> 3,446.33 (1% of the 474 above 16,956 = 4.74 less than 3,451.07)
    assert tax(views_for("2026-27"), "scotland", 30000, other_deductions=D(1500)) == D("3446.33")


def test_worked_example_8_higher_rate_with_net_pay_pension(views_for: Params) -> None:
    """worked-examples.md example 8 (checked against PolicyEngine UK), 2025-26: salary £68,000, 5% net pay
    pension £3,400; ANI 64,600; taxable 52,030: 37,700 x 20% = 7,540 + 14,330 x 40% = 5,732 -> £13,272.00."""
    result = income_tax(views_for("2025-26").income_tax, "england", D(68000) - D(3400))
    assert result.adjusted_net_income == D(64600)
    assert result.tax == D("13272.00")
