"""Properties of pay, tax, NI and pension that must hold for any job (hypothesis).

No expected figures here: each property is a statement about the law's shape (deductions are never
negative and never exceed pay; more hours never mean less gross pay; more income never means less tax).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from benefitcalc import api
from benefitcalc.loader import RuleSet, load_rules
from benefitcalc.programmes.earnings import national_insurance, pay
from benefitcalc.programmes.income_tax import income_tax
from benefitcalc.programmes.rule_views import RuleViews
from benefitcalc.scenario import Adult
from hypothesis import given, settings
from hypothesis import strategies as st

SETTINGS = settings(max_examples=100, deadline=None)

YEARS = st.sampled_from(load_rules().tax_years)  # every tax year the shipped rules cover (rules/rules.yaml)
NATIONS = st.sampled_from(["england", "wales", "scotland"])
HOURLY = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("150"), places=2)
HOURS = st.decimals(min_value=Decimal(0), max_value=Decimal(80), places=1)
MONEY = st.decimals(min_value=Decimal(0), max_value=Decimal(300000), places=2)
RATES = st.decimals(min_value=Decimal(0), max_value=Decimal("0.2"), places=3)
PENSIONS = st.one_of(
    st.just("none"),
    st.just("auto_enrolment"),
    st.builds(
        lambda rate, basis, relief: {"employee_rate": rate, "basis": basis, "relief": relief},
        RATES,
        st.sampled_from(["gross", "qualifying_earnings"]),
        st.sampled_from(["net_pay", "relief_at_source"]),
    ),
)


def scenario(year: str, nation: str, hourly: Decimal, hours: Decimal, pension: Any) -> dict[str, Any]:
    return {
        "tax_year": year,
        "nation": nation,
        "adults": [{"name": "W", "age": 40, "job": {"hourly_pay": hourly, "hours": hours, "pension": pension}}],
    }


@SETTINGS
@given(year=YEARS, nation=NATIONS, hourly=HOURLY, hours=HOURS, pension=PENSIONS)
def test_net_pay_never_exceeds_gross_and_deductions_are_never_negative(
    ruleset: RuleSet, year: str, nation: str, hourly: Decimal, hours: Decimal, pension: Any
) -> None:
    point = api.calculate(scenario(year, nation, hourly, hours, pension), rules=ruleset)
    e, t = point.earnings[0], point.tax[0]
    assert e.gross == hourly * hours * 52
    assert t.income_tax >= 0
    assert e.national_insurance >= 0
    assert e.pension >= 0
    net = e.gross - t.income_tax - e.national_insurance - e.pension
    assert net <= e.gross


@SETTINGS
@given(year=YEARS, nation=NATIONS, hourly=HOURLY, hours=HOURS, more=HOURS)
def test_without_a_pension_net_pay_never_falls_as_hours_rise(
    views_for: Callable[[str], RuleViews], year: str, nation: str, hourly: Decimal, hours: Decimal, more: Decimal
) -> None:
    """Tax (at most 60% at the margin, in the allowance taper) plus NI (at most 8%) take less than each extra pound."""
    p = views_for(year)

    def net(h: Decimal) -> Decimal:
        gross = hourly * h * 52
        return gross - income_tax(p.income_tax, nation, gross).tax - national_insurance(gross, p.earnings)[0]

    assert net(hours + more) >= net(hours)


@SETTINGS
@given(year=YEARS, hourly=HOURLY, hours=HOURS, more=HOURS, pension=PENSIONS)
def test_more_hours_never_lower_gross_pay(
    views_for: Callable[[str], RuleViews], year: str, hourly: Decimal, hours: Decimal, more: Decimal, pension: Any
) -> None:
    p = views_for(year)
    fewer = pay(Adult(age=40, job={"hourly_pay": hourly, "hours": hours, "pension": pension}), p.earnings)
    longer = pay(Adult(age=40, job={"hourly_pay": hourly, "hours": hours + more, "pension": pension}), p.earnings)
    assert longer[1] >= fewer[1]
    assert fewer[1] == hourly * hours * 52


@SETTINGS
@given(
    year=YEARS,
    nation=NATIONS,
    income=MONEY,
    extra=MONEY,
    ras=st.decimals(min_value=Decimal(0), max_value=Decimal(20000), places=2),
    marriage=st.sampled_from(["none", "received", "transferred"]),
)
def test_tax_is_monotone_in_income(
    views_for: Callable[[str], RuleViews],
    year: str,
    nation: str,
    income: Decimal,
    extra: Decimal,
    ras: Decimal,
    marriage: str,
) -> None:
    p = views_for(year)
    kw: dict[str, Any] = {"other_deductions": ras}
    if marriage == "received":
        kw["allowance_received"] = Decimal(1260)
    elif marriage == "transferred":
        kw["allowance_transferred_out"] = Decimal(1260)
    low = income_tax(p.income_tax, nation, income, **kw).tax
    high = income_tax(p.income_tax, nation, income + extra, **kw).tax
    assert 0 <= low <= high
    # The steepest marginal rate is inside the allowance taper, where each extra pound is taxed and also
    # withdraws 50p of allowance: 40% x 1.5 = 60% (rUK), 45% x 1.5 = 67.5% (Scottish advanced rate).
    assert high - low <= extra * Decimal("0.675")


@SETTINGS
@given(year=YEARS, income=MONEY, extra=MONEY)
def test_ni_is_monotone_and_never_negative(
    views_for: Callable[[str], RuleViews], year: str, income: Decimal, extra: Decimal
) -> None:
    p = views_for(year)
    low, high = national_insurance(income, p.earnings)[0], national_insurance(income + extra, p.earnings)[0]
    assert 0 <= low <= high
    assert high - low <= extra * Decimal("0.08")
