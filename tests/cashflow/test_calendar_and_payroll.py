"""Assessment periods, benefit weeks, paydays and payroll deductions per pay period, worked by hand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest
from benefitcalc.cashflow.paydays import last_working_day, shift_payday
from benefitcalc.cashflow.payroll import class_1_for_period, earnings_period_threshold, paye_for_period
from benefitcalc.errors import ScenarioError
from benefitcalc.periods import assessment_period_containing, assessment_period_start_in, benefit_week_containing
from benefitcalc.programmes.rule_views import RuleViews
from benefitcalc.scenario import scenario_from_data

D = Decimal
d = dt.date


def test_assessment_periods_reg_21() -> None:
    # reg 21(2): the same day each month; from the 31st the last day; from the 29th/30th, 27 or 28 Feb
    assert assessment_period_start_in(2027, 2, 31) == d(2027, 2, 28)
    assert assessment_period_start_in(2027, 2, 30) == d(2027, 2, 27)
    assert assessment_period_start_in(2028, 2, 29) == d(2028, 2, 28)
    assert assessment_period_start_in(2026, 4, 31) == d(2026, 4, 30)
    assert assessment_period_containing(d(2026, 6, 5), 10) == (d(2026, 5, 10), d(2026, 6, 9))
    assert assessment_period_containing(d(2027, 3, 1), 30) == (d(2027, 2, 27), d(2027, 3, 29))


def test_benefit_week_ends_on_the_payday() -> None:
    # Paid on Fridays (4): the week holding Monday 1 June 2026 runs Saturday 30 May to Friday 5 June
    assert benefit_week_containing(d(2026, 6, 1), 4) == (d(2026, 5, 30), d(2026, 6, 5))
    assert benefit_week_containing(d(2026, 6, 5), 4) == (d(2026, 5, 30), d(2026, 6, 5))


def test_paydays() -> None:
    assert last_working_day(2026, 5) == d(2026, 5, 29)  # 31 May 2026 is a Sunday
    assert shift_payday(d(2026, 5, 29), "last_working_day", 1) == d(2026, 6, 30)
    assert shift_payday(d(2026, 1, 31), "monthly", 1) == d(2026, 2, 28)
    assert shift_payday(d(2026, 6, 26), "four_weekly", 4) == d(2026, 10, 16)


def test_national_insurance_period_thresholds() -> None:
    # 12,570 / 52 = 241.73 -> 242; / 12 = 1,047.50 -> 1,048; UEL 50,270 / 12 = 4,189.17 -> 4,189
    assert earnings_period_threshold(D(12570), "weekly") == 242
    assert earnings_period_threshold(D(12570), "four_weekly") == 968
    assert earnings_period_threshold(D(12570), "monthly") == 1048
    assert earnings_period_threshold(D(50270), "monthly") == 4189


def test_paye_and_ni_for_one_month(views_for: Callable[[str], RuleViews]) -> None:
    v = views_for("2026-27")
    # £5,000 in a month: free pay 1,047.50; taxable 3,952.50; basic band 37,700 / 12 = 3,141.6667 at 20%
    # = 628.3333, the rest 810.8333 at 40% = 324.3333: 952.6667 -> 952.66
    assert paye_for_period(v.income_tax, "england", D(5000), "monthly") == D("952.66")
    # NI: (4,189 - 1,048) x 8% = 251.28 and (5,000 - 4,189) x 2% = 16.22: 267.50
    assert class_1_for_period(v.earnings.national_insurance, D(5000), "monthly") == D("267.50")
    # Weekly £300: (300 - 242) x 8% = 4.64
    assert class_1_for_period(v.earnings.national_insurance, D(300), "weekly") == D("4.64")


def _job(**dates: str) -> dict[str, object]:
    return {"adults": [{"age": 30, "job": {"hourly_pay": 12, "hours": 20, **dates}}]}


def test_contradictory_dates_are_refused() -> None:
    with pytest.raises(ScenarioError) as err:
        scenario_from_data(_job(start_date="2026-06-01", first_payday="2026-05-29"))
    assert err.value.message == (
        "adults[0].job: `first_payday` 2026-05-29 is before `start_date` 2026-06-01: wages are paid for work done, "
        "so the first payday is on or after the first day of work"
    )
    with pytest.raises(ScenarioError) as err:
        scenario_from_data(_job(start_date="2026-06-01", pay_frequency="weekly", first_payday="2026-06-30"))
    assert "more than two weekly pay periods (14 days)" in err.value.message
    with pytest.raises(ScenarioError) as err:
        scenario_from_data(_job(first_payday="2026-06-30"))
    assert err.value.message == "adults[0].job: `first_payday` needs the job's `start_date`"
    with pytest.raises(ScenarioError) as err:
        scenario_from_data(_job(start_date="2026-05-04", pay_frequency="last_working_day", first_payday="2026-05-28"))
    assert "is not the last working day" in err.value.message
