"""Employee primary Class 1 NI (SSCBA 1992 s.8), worked on the year from rules/hmrc/national_insurance.yaml.

Every year 2024-25 to 2026-27: primary threshold £12,570, upper earnings limit £50,270, 8% between
them (NICs (Reduction in Rates) Act 2024 s.1), 2% above the UEL. A pension under net pay does not
reduce NI. Worked examples cited as "worked-examples.md example N" are from
/work/shared/reference/worked-examples.md, itself checked against PolicyEngine UK.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from benefitcalc.loader import RuleSet
from benefitcalc.periods import pence
from benefitcalc.programmes.earnings import national_insurance
from benefitcalc.programmes.rule_views import RuleViews

D = Decimal
YEARS = ("2024-25", "2025-26", "2026-27")
Params = Callable[[str], RuleViews]


def ni(p: RuleViews, pay: str | int) -> Decimal:
    return national_insurance(D(pay), p.earnings)[0]


@pytest.mark.parametrize("year", YEARS)
def test_nothing_up_to_the_primary_threshold(views_for: Params, year: str) -> None:
    assert ni(views_for(year), 0) == 0
    assert ni(views_for(year), 12570) == 0


@pytest.mark.parametrize("year", YEARS)
def test_main_rate_8_percent(views_for: Params, year: str) -> None:
    # (30,000 - 12,570) = 17,430 x 8% = 1,394.40
    assert ni(views_for(year), 30000) == D("1394.40")
    # one pound over the threshold: 8p
    assert ni(views_for(year), 12571) == D("0.08")


@pytest.mark.parametrize("year", YEARS)
def test_at_the_upper_earnings_limit_and_above(views_for: Params, year: str) -> None:
    # (50,270 - 12,570) = 37,700 x 8% = 3,016.00
    assert ni(views_for(year), 50270) == D("3016.00")
    # 60,000: 3,016.00 + (60,000 - 50,270) = 9,730 x 2% = 194.60 -> 3,210.60
    total, lines = national_insurance(D(60000), views_for(year).earnings)
    assert total == D("3210.60")
    assert [(line.key, line.amount) for line in lines] == [("ni_main", D("3016.00")), ("ni_additional", D("194.60"))]


def test_worked_example_6_scotland_2026_27(views_for: Params) -> None:
    # worked-examples.md example 6: (19,827.60 - 12,570) = 7,257.60 x 8% = 580.608 -> £580.61
    assert pence(ni(views_for("2026-27"), "19827.60")) == D("580.61")


@pytest.mark.parametrize(
    ("year", "pay", "expected"),
    [
        ("2025-26", "23809.50", D("899.16")),  # example 3: 11,239.50 x 8%
        ("2026-27", "24784.50", D("977.16")),  # example 3: 12,214.50 x 8%
        ("2026-27", "23132.20", D("844.98")),  # example 7: 10,562.20 x 8% = 844.976
        # example 8: 3,016.00 + (68,000 - 50,270) = 17,730 x 2% = 354.60 -> 3,370.60 (pension does not reduce NI)
        ("2025-26", "68000", D("3370.60")),
    ],
)
def test_worked_examples_3_7_8(views_for: Params, year: str, pay: str, expected: Decimal) -> None:
    """worked-examples.md examples 3, 7 and 8, each itself checked against PolicyEngine UK."""
    assert pence(ni(views_for(year), pay)) == expected


def test_rate_cut_of_6_january_2024_is_in_the_rules(ruleset: RuleSet) -> None:
    """12% to 5 January 2024, 10% from 6 January 2024, 8% from 6 April 2024. The January dates are before
    the rules' covers.from, so the history is read from the parameter itself."""
    spec = ruleset.spec("hmrc.national_insurance.class_1.main_primary_percentage")
    assert [(v.start, v.value) for v in spec.values] == [
        (date(2023, 4, 6), D("0.12")),
        (date(2024, 1, 6), D("0.10")),
        (date(2024, 4, 6), D("0.08")),
    ]
