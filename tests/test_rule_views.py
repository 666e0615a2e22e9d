"""Typed rule views (benefitcalc/ruleview.py, benefitcalc/programmes/rule_views.py).

The accessors refuse a parameter that is missing, a group, or of the wrong unit, period or type, with
a message naming the parameter and what was expected; the engine builds every view when it makes a
context, so a broken rules set fails there; and every shipped parameter is read by some view, except
an explicit list.
"""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest
from benefitcalc import ruleview as rv
from benefitcalc.engine import make_context
from benefitcalc.errors import RulesError
from benefitcalc.loader import Bracket, Param, ParameterNode, RuleSet, load_rules, shipped_rules_dir
from benefitcalc.programmes.rule_views import RuleViews, views_for
from benefitcalc.ruleview import RuleReader, Typed
from benefitcalc.scenario import scenario_from_data, tax_year_date

D = Decimal
DAY = date(2025, 4, 6)


def _param(path: str, value: Any, unit: str, period: str = "none") -> Param:
    return Param(path, value, unit, period, "a test parameter", (), DAY)


def _tree() -> ParameterNode:
    """A small rules tree of this test's own: one parameter of each kind under ``x``."""
    params = [
        _param("x.money", D("12.50"), "currency-GBP", "week"),
        _param("x.share", D("0.55"), "/1"),
        _param("x.hours", D(16), "hour", "week"),
        _param("x.pupils", 2, "count"),
        _param("x.gone", None, "currency-GBP", "week"),
        _param("x.on", True, "bool"),
        _param("x.name", "banded", "text"),
        _param("x.bands", (Bracket(D(0), D("0.2")), Bracket(D(37700), D("0.4"))), "currency-GBP", "year"),
        _param("x.rows", (MappingProxyType({"from": D(0), "deduction": D(5)}),), "currency-GBP", "week"),
    ]
    leaves: dict[str, ParameterNode | Param] = {p.path.split(".")[1]: p for p in params}
    return ParameterNode("", {"x": ParameterNode("x", leaves)})


@pytest.fixture
def reader() -> RuleReader:
    return RuleReader(_tree())


# --- accessors: what they give back ------------------------------------------------------------


def test_accessors_give_typed_values_and_the_param_to_cite(reader: RuleReader) -> None:
    money = rv.amount(reader, "x.money", period="week")
    assert money.value == D("12.50") and money.path == "x.money"
    assert rv.rate(reader, "x.share").value == D("0.55")
    assert rv.amount(reader, "x.hours", unit="hour", period="week").value == 16
    assert rv.count(reader, "x.pupils").value == 2
    assert rv.optional_amount(reader, "x.gone", period="week").value is None
    assert rv.flag(reader, "x.on").value is True
    assert rv.text(reader, "x.name").value == "banded"
    assert rv.scale(reader, "x.bands").value[1] == Bracket(D(37700), D("0.4"))
    rows = rv.table(reader, "x.rows", columns=("from", "deduction"), unit="currency-GBP", period="week").value
    assert rows[0]["deduction"] == D(5)
    assert rv.cite(money, rv.rate(reader, "x.share")) == (money.param, reader.root.get("x.share"))


def test_a_group_reader_reads_relative_paths_and_shares_what_was_read(reader: RuleReader) -> None:
    x = reader.group("x")
    assert rv.amount(x, "money", period="week").path == "x.money"
    rv.count(x, "pupils")
    assert reader.read == {"x.money", "x.pupils"}


# --- accessors: what they refuse, and the exact messages --------------------------------------


def _refusal(read: Any) -> str:
    with pytest.raises(RulesError) as info:
        read(RuleReader(_tree()))
    return str(info.value)


@pytest.mark.parametrize(
    ("read", "message"),
    [
        (
            lambda r: rv.amount(r, "x.nothing", period="week"),
            "x.nothing: no such parameter in the rules; expected an amount with unit 'currency-GBP' and period 'week'",
        ),
        (
            lambda r: rv.amount(r, "y.money", period="week"),
            "y.money: no such parameter in the rules; expected an amount with unit 'currency-GBP' and period 'week'",
        ),
        (
            lambda r: rv.amount(r, "x.money.more", period="week"),
            "x.money.more: no such parameter in the rules; expected an amount with unit 'currency-GBP' and period 'week'",
        ),
        (
            lambda r: rv.rate(r, "x"),
            "x: is a group of parameters, not a parameter; expected a rate with unit '/1' and period 'none'",
        ),
        (
            lambda r: rv.rate(r, "x.money"),
            "x.money: has unit 'currency-GBP'; expected a rate with unit '/1' and period 'none'",
        ),
        (
            lambda r: rv.amount(r, "x.money", period="month"),
            "x.money: has period 'week'; expected an amount with unit 'currency-GBP' and period 'month'",
        ),
        (
            lambda r: rv.amount(r, "x.hours", period="week"),
            "x.hours: has unit 'hour'; expected an amount with unit 'currency-GBP' and period 'week'",
        ),
        (
            lambda r: rv.amount(r, "x.gone", period="week"),
            "x.gone: has no value from 2025-04-06 (abolished); expected an amount with unit 'currency-GBP' and "
            "period 'week'",
        ),
        (lambda r: rv.count(r, "x.share"), "x.share: has unit '/1'; expected a count with unit 'count'"),
        (lambda r: rv.flag(r, "x.name"), "x.name: has unit 'text'; expected a flag with unit 'bool'"),
        (lambda r: rv.text(r, "x.on"), "x.on: has unit 'bool'; expected text with unit 'text'"),
        (
            lambda r: rv.scale(r, "x.rows", period="week"),
            "x.rows: has a table with columns ['from', 'deduction']; expected a scale of brackets with unit "
            "'currency-GBP' and period 'week'",
        ),
        (
            lambda r: rv.table(r, "x.rows", columns=("gross_income_from", "deduction")),
            "x.rows: has a table with columns ['from', 'deduction']; expected a table with columns "
            "['gross_income_from', 'deduction']",
        ),
    ],
)
def test_accessor_refusals_name_the_parameter_and_what_was_expected(read: Any, message: str) -> None:
    assert _refusal(read) == message


def test_a_mistyped_value_is_refused_even_with_the_right_unit() -> None:
    # A hand-built tree can hold what the loader would refuse: a count that is not a whole number.
    node = ParameterNode("", {"n": _param("n", D("2.5"), "count")})
    with pytest.raises(RulesError) as info:
        rv.count(RuleReader(node), "n")
    assert str(info.value) == "n: has the value 2.5; expected a count with unit 'count'"


def test_amount_is_only_for_money_hours_and_years(reader: RuleReader) -> None:
    with pytest.raises(ValueError, match="use rate"):
        rv.amount(reader, "x.share", unit="/1", period="none")


def test_typed_is_frozen(reader: RuleReader) -> None:
    money: Typed[Decimal] = rv.amount(reader, "x.money", period="week")
    with pytest.raises(AttributeError):
        money.value = D(0)  # type: ignore[misc]


# --- every shipped parameter is read by some view, or listed here with the reason -----------

# Shipped parameters that no programme view reads, each with the reason. A parameter added to the
# rules must be read by a view or listed here; a parameter a view starts to read must leave the list.
NOT_READ_BY_A_VIEW = {
    # The employer's part of the minimum contribution: only the employee's contribution is modelled;
    # kept to document the automatic-enrolment minimum (Pensions Act 2008 s.20).
    "dwp.automatic_enrolment.minimum_total_contribution",
    # The employer's minimum (s.20(1)): read by the better-off analysis (benefitcalc.analysis.pension)
    # to say what the employer adds to a workplace pension; no programme pays it.
    "dwp.automatic_enrolment.minimum_employer_contribution",
    # Paid only on claims from before 3 April 2017 and not included (a warning says so).
    "dwp.new_style_esa.work_related_activity_component",
    # The yearly figures in the legislation; the assessment-period limits next to them are what is tested.
    "dwp.passports.free_school_meals.england.uc_annual_net_earnings_limit",
    "dwp.passports.free_school_meals.wales.uc_annual_net_earnings_limit",
    # Read by the cash-flow timeline (benefitcalc.cashflow.rules), which follows a UC claim from one
    # assessment period to the next; no programme's one-period view needs it.
    "dwp.universal_credit_surplus_earnings.relevant_threshold_margin",
    # Read by council tax reduction, which reads the rules itself (not a programme view).
    "local_authority.council_tax.band_proportions.england",
    # Child Disability Payment is not modelled: a child's disability is given as a level.
    "social_security_scotland.disability_payments.child_disability_payment.care_highest",
    "social_security_scotland.disability_payments.child_disability_payment.care_lowest",
    "social_security_scotland.disability_payments.child_disability_payment.care_middle",
    "social_security_scotland.disability_payments.child_disability_payment.mobility_higher",
    "social_security_scotland.disability_payments.child_disability_payment.mobility_lower",
}
# Each council's scheme file is read and checked by council tax reduction itself.
COUNCIL_SCHEMES = "local_authority.council_tax_reduction."


def _covered_tax_years(rules: RuleSet) -> list[str]:
    years = [f"{y}-{(y + 1) % 100:02d}" for y in range(rules.covers_from.year - 1, rules.covers_to.year + 1)]
    return [y for y in years if rules.covers_from <= tax_year_date(y) <= rules.covers_to]


def test_every_shipped_parameter_is_read_by_a_view_or_listed(ruleset: RuleSet) -> None:
    years = _covered_tax_years(ruleset)
    assert years == ["2024-25", "2025-26", "2026-27"]
    read: set[str] = set()
    for year in years:
        reader = RuleReader(ruleset.at(tax_year_date(year)))
        RuleViews.read(reader)
        read |= reader.read
    shipped = {path for path in ruleset.parameters if not path.startswith(COUNCIL_SCHEMES)}
    assert read <= shipped
    assert shipped - read == NOT_READ_BY_A_VIEW


def test_the_views_build_on_every_day_a_value_changes(ruleset: RuleSet) -> None:
    """Mid-year changes (an amount abolished, a table not yet held) are within the views' types."""
    days = {
        dated.start
        for spec in ruleset.parameters.values()
        for dated in spec.values
        if ruleset.covers_from <= dated.start <= ruleset.covers_to
    }
    for day in sorted(days | {ruleset.covers_from, ruleset.covers_to}):
        RuleViews.from_params(ruleset.at(day))


def test_views_are_built_once_per_rules_set_and_day(ruleset: RuleSet) -> None:
    day = tax_year_date("2025-26")
    assert views_for(ruleset, day) is views_for(ruleset, day)
    scenario = scenario_from_data(
        {"tax_year": "2025-26", "adults": [{"name": "alex", "age": 30, "job": {"hourly_pay": 12, "hours": 16}}]}
    )
    assert make_context(scenario, ruleset).views is views_for(ruleset, day)


# --- a broken rules set fails when the context is made ---------------------------------------


def _scenario(tax_year: str) -> Any:
    return scenario_from_data(
        {"tax_year": tax_year, "adults": [{"name": "alex", "age": 30, "job": {"hourly_pay": 12, "hours": 16}}]}
    )


def _copy_rules(tmp_path: Path, file: str, old: str, new: str) -> Path:
    """A copy of the shipped rules with one edit to ``file``."""
    base = tmp_path / "rules"
    shutil.copytree(shipped_rules_dir(), base)
    target = base / file
    text = target.read_text(encoding="utf-8")
    assert text.count(old) == 1
    target.write_text(text.replace(old, new), encoding="utf-8")
    return base


def test_a_parameter_with_another_unit_fails_in_make_context(tmp_path: Path) -> None:
    # The taper given as money: valid YAML and a valid parameter, but not what Universal Credit reads.
    history = "  period: none\n  note: >-\n    History kept so the mid-year change of 24 November 2021"
    base = _copy_rules(
        tmp_path, "dwp/universal_credit.yaml", '  unit: "/1"\n' + history, "  unit: currency-GBP\n" + history
    )
    rules = load_rules(base_dir=base)
    with pytest.raises(RulesError) as info:
        make_context(_scenario("2025-26"), rules)
    assert str(info.value) == (
        "rules/dwp/universal_credit.yaml: dwp.universal_credit.taper_rate: has unit 'currency-GBP'; "
        "expected a rate with unit '/1' and period 'none'"
    )


def test_a_missing_parameter_fails_in_make_context(tmp_path: Path) -> None:
    base = _copy_rules(tmp_path, "dwp/new_style_jsa.yaml", "\nearnings_disregard:\n", "\nearnings_ignored:\n")
    rules = load_rules(base_dir=base)
    with pytest.raises(RulesError) as info:
        make_context(_scenario("2025-26"), rules)
    assert str(info.value) == (
        "dwp.new_style_jsa.earnings_disregard: no such parameter in the rules; "
        "expected an amount with unit 'currency-GBP' and period 'week'"
    )


OVERLAY_ABOLISHING_THE_TAPER = """\
taper_rate:
  description: The taper, abolished from April 2026 (a test overlay).
  unit: "/1"
  period: none
  values:
    2026-04-06:
      value: null
      reference:
        - title: Universal Credit Regulations 2013, reg. 22
          href: https://www.legislation.gov.uk/uksi/2013/376/regulation/22
"""


def test_an_overlay_that_abolishes_a_parameter_fails_in_make_context_on_the_days_it_covers(
    ruleset: RuleSet, tmp_path: Path
) -> None:
    overlay = tmp_path / "overlay"
    (overlay / "dwp").mkdir(parents=True)
    (overlay / "dwp" / "universal_credit.yaml").write_text(OVERLAY_ABOLISHING_THE_TAPER, encoding="utf-8")
    rules = load_rules(overlay)
    make_context(_scenario("2025-26"), rules)  # before the overlay's value: the shipped 55%
    with pytest.raises(RulesError) as info:
        make_context(_scenario("2026-27"), rules)
    assert str(info.value) == (
        f"{overlay}/dwp/universal_credit.yaml: dwp.universal_credit.taper_rate: has no value from 2026-04-06 "
        "(abolished); expected a rate with unit '/1' and period 'none'"
    )
