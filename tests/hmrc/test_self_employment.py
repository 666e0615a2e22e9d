"""Tax and NI on self-employed profits, worked by hand from rules/hmrc/national_insurance.yaml and
income_tax.yaml.

Class 4 (SSCBA 1992 s.15), every year 2024-25 to 2026-27: 6% of profits between the lower profits
limit £12,570 and the upper profits limit £50,270, 2% above. Class 2 (s.11) from 6 April 2024: none
to pay; treated as paid at or above the small profits threshold (£6,725, £6,845, £7,105); below it
voluntary at £3.45, £3.50, £3.65 a week. Trading allowance £1,000 (ITTOIA 2005 Part 7A). Income tax:
personal allowance £12,570, 20% on the first £37,700 of taxable income, 40% above.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import benefitcalc
import pytest
from benefitcalc.errors import ScenarioError
from benefitcalc.programmes.rule_views import RuleViews
from benefitcalc.programmes.self_employment import class_2, class_4, self_employed_earnings
from benefitcalc.scenario import Adult, scenario_from_data

D = Decimal
YEARS = ("2024-25", "2025-26", "2026-27")
Views = Callable[[str], RuleViews]


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize(
    ("profit", "expected"),
    [
        ("12570", "0"),  # at the lower profits limit: nothing
        ("12571", "0.06"),  # £1 above: 6% x 1
        ("50270", "2262.00"),  # at the upper limit: 6% x (50,270 - 12,570 = 37,700)
        ("50271", "2262.02"),  # £1 above: 2,262 + 2% x 1
        ("60000", "2456.60"),  # 2,262 + 2% x 9,730 = 2,262 + 194.60
    ],
)
def test_class_4_at_the_band_edges(views_for: Views, year: str, profit: str, expected: str) -> None:
    amount, _ = class_4(D(profit), views_for(year).self_employment.class_4)
    assert amount == D(expected)


@pytest.mark.parametrize(
    ("year", "threshold", "weekly"),
    [("2024-25", "6725", "3.45"), ("2025-26", "6845", "3.50"), ("2026-27", "7105", "3.65")],
)
def test_class_2_is_voluntary_below_the_small_profits_threshold(
    views_for: Views, year: str, threshold: str, weekly: str
) -> None:
    rules = views_for(year).self_employment.class_2
    below = D(threshold) - 1
    assert class_2(below, voluntary=False, rules=rules)[0] == 0  # no liability from 6 April 2024
    assert class_2(below, voluntary=True, rules=rules)[0] == D(weekly) * 52  # e.g. 3.45 x 52 = 179.40
    assert class_2(D(threshold), voluntary=True, rules=rules)[0] == 0  # treated as paid: nothing to pay


def _business(**business: Any) -> Adult:
    return Adult.model_validate({"name": "A", "age": 40, "self_employment": {"started": "2020-01-01", **business}})


@pytest.mark.parametrize(
    ("turnover", "expenses", "choice", "taxable"),
    [
        ("900", "100", None, "0"),  # receipts within £1,000: full relief
        ("5000", "600", None, "4000"),  # 5,000 - 1,000 = 4,000 beats 5,000 - 600 = 4,400
        ("5000", "1500", None, "3500"),  # actual expenses better: 3,500 < 4,000
        ("900", "100", False, "800"),  # the allowance not used: 900 - 100
        ("5000", "1500", True, "4000"),  # the allowance chosen though worse
    ],
)
def test_trading_allowance_where_better(
    views_for: Views, turnover: str, expenses: str, choice: bool | None, taxable: str
) -> None:
    adult = _business(
        turnover={"amount": turnover, "period": "year"},
        expenses={"amount": expenses, "period": "year"},
        trading_allowance=choice,
    )
    se, _ = self_employed_earnings(adult, views_for("2025-26").self_employment)
    assert se is not None
    assert se.taxable_profit == D(taxable)
    assert se.profit == D(turnover) - D(expenses)  # UC counts the actual profit (reg 57): no allowance


def test_flat_rate_expenses(views_for: Views) -> None:
    """1,000 miles a month: 833 x 45p = 374.85 + 167 x 25p = 41.75 -> 416.60; 60 hours at home: £18.
    434.60 a month, 5,215.20 a year; profit 24,000 - 5,215.20 = 18,784.80."""
    adult = _business(
        turnover={"amount": "2000", "period": "month"},
        flat_rate_expenses={"business_miles_per_month": 1000, "home_working_hours_per_month": 60},
    )
    se, _ = self_employed_earnings(adult, views_for("2025-26").self_employment)
    assert se is not None
    assert se.expenses == D("5215.20")
    assert se.profit == D("18784.80")


def _single(profit: str, pension: str | None = None) -> dict[str, Any]:
    business: dict[str, Any] = {"profit": {"amount": profit, "period": "year"}, "started": "2020-01-01"}
    if pension is not None:
        business["personal_pension"] = {"amount": pension, "period": "year"}
    return {"tax_year": "2025-26", "adults": [{"name": "A", "age": 40, "self_employment": business}]}


def test_income_tax_and_class_4_on_profits(ruleset: Any) -> None:
    """Profit 30,000: tax 20% x (30,000 - 12,570) = 3,486.00; Class 4 6% x 17,430 = 1,045.80."""
    point = benefitcalc.calculate(_single("30000"), rules=ruleset)
    assert point.tax[0].income_tax == D("3486.00")
    assert point.earnings[0].national_insurance == D("1045.80")
    assert point.earnings[0].gross == D("30000")


def test_personal_pension_extends_the_basic_rate_band(ruleset: Any) -> None:
    """Profit 60,000, taxable 47,430. Without a pension: 20% x 37,700 = 7,540 + 40% x 9,730 = 3,892
    -> 11,432. Paying 4,000 (5,000 gross, relief at source): the band is 42,700, so 20% x 42,700 =
    8,540 + 40% x 4,730 = 1,892 -> 10,432 (FA 2004 s.192(4))."""
    assert benefitcalc.calculate(_single("60000"), rules=ruleset).tax[0].income_tax == D("11432.00")
    assert benefitcalc.calculate(_single("60000", "4000"), rules=ruleset).tax[0].income_tax == D("10432.00")


@pytest.mark.parametrize(
    ("business", "message"),
    [
        (
            {"profit": {"amount": 100, "period": "month"}, "turnover": {"amount": 200, "period": "month"}},
            "give the profit either as `profit` or as `turnover` and `expenses`, not both",
        ),
        ({"hours_per_week": 10}, "give `profit` ({amount, period}) or `turnover` (and `expenses`)"),
        (
            {"profit": {"amount": 100, "period": "month"}, "gainfully_self_employed": False, "start_up_period": True},
            "`start_up_period: true` is only for gainful self-employment",
        ),
        ({"profit": {"amount": 100, "period": "month"}}, "give `started` (the date the business began)"),
    ],
)
def test_contradictory_self_employment_is_refused(business: dict[str, Any], message: str) -> None:
    data = {"adults": [{"name": "A", "age": 40, "self_employment": business}]}
    with pytest.raises(ScenarioError) as caught:
        scenario_from_data(data)
    assert message in caught.value.message
