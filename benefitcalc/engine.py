"""The engine: one household, one number of hours, every programme in the order the law needs.

Pure functions: a :class:`Scenario` and resolved rules in, a :class:`PointResult` out. The order
matters because programmes read each other: ESA, JSA and Carer's Allowance depend on pay; income
tax on pay and those benefits; Universal Credit on pay, tax and those benefits; Scottish Child
Payment, council tax reduction and passported help on Universal Credit.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Iterable, Sequence

from benefitcalc.breakdown import Line, PersonEarnings, PersonTax, PointResult, ProgrammeResult, Warning
from benefitcalc.errors import ScenarioError
from benefitcalc.loader import ParameterNode, RuleSet, load_rules
from benefitcalc.periods import ZERO, convert
from benefitcalc.programmes import earnings as earnings_programme
from benefitcalc.programmes import income_tax as tax_programme
from benefitcalc.scenario import Scenario, tax_year_date

# Every programme the JSON lists under "benefits", in display order. A programme the engine does
# not compute yet is reported as 0 and named under "not_modelled" (see MODELLED).
PROGRAMMES: tuple[str, ...] = (
    "universal_credit",
    "new_style_esa",
    "new_style_jsa",
    "carers_allowance",
    "carer_support_payment",
    "child_benefit",
    "pip",
    "adult_disability_payment",
    "disability_living_allowance",
    "attendance_allowance",
    "scottish_child_payment",
    "council_tax_reduction",
    "housing_benefit",
)
MODELLED: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Context:
    """What every point of one calculation shares: the rules, the day and the stamp."""

    rules: RuleSet
    day: date
    params: ParameterNode

    @property
    def tax_year(self) -> str:
        start = self.day.year if (self.day.month, self.day.day) >= (4, 6) else self.day.year - 1
        return f"{start}-{(start + 1) % 100:02d}"


def scenario_day(scenario: Scenario, today: date | None = None) -> date:
    if scenario.date is not None:
        return scenario.date
    if scenario.tax_year is not None:
        return tax_year_date(scenario.tax_year)
    return today or date.today()


def make_context(scenario: Scenario, rules: RuleSet | None = None, rules_dir: str | None = None) -> Context:
    rules = rules if rules is not None else load_rules(rules_dir)
    day = scenario_day(scenario)
    return Context(rules, day, rules.at(day))


def _tax_for_household(scenario: Scenario, p: ParameterNode, pays: Sequence[tuple[Decimal, Decimal, str, Decimal]], taxable_benefits: Sequence[Decimal]) -> tuple[list[tax_programme.TaxResult], list[tax_programme.TaxResult]]:
    """Income tax per adult (with taxable benefits) and on earnings alone, with Marriage Allowance if claimed."""

    def compute(transfer: tuple[int, int] | None) -> tuple[list[tax_programme.TaxResult], list[tax_programme.TaxResult]]:
        full, alone = [], []
        amount = tax_programme.marriage_allowance_amount(p)
        for i, (gross, pension, relief, _) in enumerate(pays):
            employment = gross - pension if relief == "net_pay" else gross
            ras_gross = pension / (1 - p.hmrc.income_tax.rates.uk.value[0].rate) if relief == "relief_at_source" else ZERO
            out = amount if transfer and transfer[0] == i else ZERO
            received = amount if transfer and transfer[1] == i else ZERO
            full.append(tax_programme.income_tax(p, scenario.nation, employment, taxable_benefits[i], ras_gross, out, received))
            alone.append(tax_programme.income_tax(p, scenario.nation, employment, ZERO, ras_gross, out, received))
        return full, alone

    plain = compute(None)
    if not (scenario.marriage_allowance and scenario.is_couple):
        return plain
    # Transfer from the partner with the lower income to the other (ITA 2007 s.55B), where the
    # recipient is not taxed above the basic (Scotland: intermediate) rate and the couple gains.
    lower = min((0, 1), key=lambda i: plain[0][i].total_income)
    recipient = 1 - lower
    limit = tax_programme.basic_rate_limit_for(p, scenario.nation)
    recipient_taxable = plain[0][recipient].total_income - plain[0][recipient].personal_allowance
    if recipient_taxable > limit:
        return plain
    transferred = compute((lower, recipient))
    if sum(t.tax for t in transferred[0]) < sum(t.tax for t in plain[0]):
        return transferred
    return plain


def calculate_point(scenario: Scenario, ctx: Context) -> PointResult:
    """Every programme for the scenario as given (the worker's hours as in the scenario)."""
    p = ctx.params
    pays = []
    people_lines: list[tuple[Line, ...]] = []
    people_warnings: list[Warning] = []
    for adult in scenario.adults:
        hours, gross, relief, pension, lines, warnings = earnings_programme.pay(adult, p)
        pays.append((gross, pension, relief, hours))
        people_lines.append(lines)
        people_warnings.extend(warnings)

    programmes: dict[str, ProgrammeResult] = {}
    taxable_benefits = [ZERO for _ in scenario.adults]

    full_tax, tax_alone = _tax_for_household(scenario, p, pays, taxable_benefits)

    earnings: list[PersonEarnings] = []
    taxes: list[PersonTax] = []
    for i, adult in enumerate(scenario.adults):
        gross, pension, relief, hours = pays[i]
        ni, ni_lines = earnings_programme.national_insurance(gross, p)
        earnings.append(
            PersonEarnings(adult.name, hours, gross / 52, gross, pension, relief, ni, tax_alone[i].tax, people_lines[i] + ni_lines)
        )
        taxes.append(PersonTax(adult.name, full_tax[i].total_income, full_tax[i].adjusted_net_income, full_tax[i].tax, full_tax[i].lines))

    housing = scenario.housing
    housing_costs = ZERO
    for amount in (housing.rent, housing.service_charges):
        if amount is not None:
            housing_costs += convert(amount.amount, amount.period, "month")
    council_tax = convert(housing.council_tax.amount, housing.council_tax.period, "month") if housing.council_tax else ZERO
    childcare = convert(scenario.childcare.amount, scenario.childcare.period, "month") if scenario.childcare else ZERO
    work_costs = ZERO
    if scenario.work_costs is not None and scenario.worker.job is not None and scenario.worker.job.hours > 0:
        work_costs = convert(scenario.work_costs.amount, scenario.work_costs.period, "month")

    warnings = list(people_warnings)
    for programme in programmes.values():
        warnings.extend(programme.warnings)
    return PointResult(
        hours=scenario.worker.job.hours if scenario.worker.job else ZERO,
        earnings=tuple(earnings),
        tax=tuple(taxes),
        programmes=programmes,
        high_income_child_benefit_charge=ZERO,
        housing_costs=housing_costs,
        council_tax=council_tax,
        childcare_costs=childcare,
        work_costs=work_costs,
        warnings=tuple(dict.fromkeys(warnings)),
    )


def not_modelled(scenario: Scenario) -> list[dict[str, str]]:
    """Programmes and scenario facts that the engine does not yet turn into money."""
    out = [{"item": name, "reason": "not yet modelled: reported as 0"} for name in PROGRAMMES if name not in MODELLED]
    return out


def hours_points(scenario: Scenario, hours: Iterable[Decimal]) -> list[Scenario]:
    return [scenario.with_hours(h) for h in hours]


def check_hours(values: Iterable[Decimal]) -> list[Decimal]:
    out = []
    for value in values:
        if value < 0 or value > 168:
            raise ScenarioError(f"{value} is not a number of hours a week from 0 to 168", "hours")
        out.append(value)
    return out
