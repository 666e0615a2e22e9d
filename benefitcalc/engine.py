"""The engine: one household, one number of hours, every programme in the order the law needs.

Pure functions: a :class:`Scenario` and resolved rules in, a :class:`PointResult` out. The order
matters because programmes read each other: ESA, JSA and Carer's Allowance depend on pay; income
tax on pay and those benefits; Universal Credit on pay, tax and those benefits; Scottish Child
Payment, council tax reduction and passported help on Universal Credit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from benefitcalc.breakdown import Line, PersonEarnings, PersonTax, PointResult, ProgrammeResult, Warning
from benefitcalc.errors import ScenarioError
from benefitcalc.loader import ParameterNode, RuleSet, load_rules
from benefitcalc.loader.review import review_warnings
from benefitcalc.periods import ZERO, convert, pence, tax_year_of, weekly_to_monthly
from benefitcalc.programmes import (
    carers_allowance,
    council_tax_reduction,
    disability_benefits,
    housing_benefit,
    new_style_esa,
    new_style_jsa,
    passports,
    scottish_child_payment,
    universal_credit,
)
from benefitcalc.programmes import child_benefit as child_benefit_programme
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
MODELLED: frozenset[str] = frozenset(
    {
        "universal_credit",
        "new_style_esa",
        "new_style_jsa",
        "carers_allowance",
        "carer_support_payment",
        "pip",
        "adult_disability_payment",
        "disability_living_allowance",
        "attendance_allowance",
        "child_benefit",
        "scottish_child_payment",
        "council_tax_reduction",
        "housing_benefit",
    }
)


@dataclass(frozen=True)
class Context:
    """What every point of one calculation shares: the rules, the day and the stamp."""

    rules: RuleSet
    day: date
    params: ParameterNode

    @property
    def tax_year(self) -> str:
        return tax_year_of(self.day)


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


def _tax_for_household(
    scenario: Scenario,
    p: ParameterNode,
    pays: Sequence[tuple[Decimal, Decimal, str, Decimal]],
    taxable_benefits: Sequence[Decimal],
) -> tuple[list[tax_programme.TaxResult], list[tax_programme.TaxResult]]:
    """Income tax per adult (with taxable benefits) and on earnings alone, with Marriage Allowance if claimed."""

    def compute(
        transfer: tuple[int, int] | None,
    ) -> tuple[list[tax_programme.TaxResult], list[tax_programme.TaxResult]]:
        full, alone = [], []
        amount = tax_programme.marriage_allowance_amount(p)
        for i, (gross, pension, relief, _) in enumerate(pays):
            employment = gross - pension if relief == "net_pay" else gross
            ras_gross = (
                pension / (1 - p.hmrc.income_tax.rates.uk.value[0].rate) if relief == "relief_at_source" else ZERO
            )
            out = amount if transfer and transfer[0] == i else ZERO
            received = amount if transfer and transfer[1] == i else ZERO
            full.append(
                tax_programme.income_tax(p, scenario.nation, employment, taxable_benefits[i], ras_gross, out, received)
            )
            if taxable_benefits[i]:
                alone.append(tax_programme.income_tax(p, scenario.nation, employment, ZERO, ras_gross, out, received))
            else:
                alone.append(full[-1])
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


def _merge(programme: str, results: Sequence[tuple[str, ProgrammeResult]], couple: bool) -> ProgrammeResult | None:
    """One household result from per-person results (lines prefixed by name in a couple)."""
    if not results:
        return None
    if len(results) == 1 and not couple:
        return results[0][1]
    lines: list[Line] = []
    warnings: list[Warning] = []
    total = ZERO
    period = results[0][1].period
    for name, result in results:
        assert result.period == period
        total += result.amount
        lines.extend(
            Line(f"{name}.{line.key}", f"{name}: {line.label}", line.amount, line.period, line.params, line.note)
            for line in result.lines
        )
        warnings.extend(result.warnings)
    return ProgrammeResult(programme, total, period, tuple(lines), tuple(warnings))


def calculate_point(scenario: Scenario, ctx: Context) -> PointResult:
    """Every programme for the scenario as given (the worker's hours as in the scenario)."""
    p = ctx.params
    pays = []
    people_lines: list[tuple[Line, ...]] = []
    warnings: list[Warning] = []
    for adult in scenario.adults:
        hours, gross, relief, pension, lines, pay_warnings = earnings_programme.pay(adult, p)
        pays.append((gross, pension, relief, hours))
        people_lines.append(lines)
        warnings.extend(pay_warnings)
    nis = [earnings_programme.national_insurance(gross, p) for gross, _, _, _ in pays]
    for adult in scenario.adults:
        if adult.age >= p.dwp.state_pension.minimum_age.value:
            warnings.append(
                Warning(
                    "pension_age_not_modelled",
                    f"{adult.name} is {adult.age}: at or near State Pension age, where NI stops, Pension Credit and Housing Benefit replace "
                    "Universal Credit and other rules apply. benefitcalc does not model pension age: treat these figures with care.",
                )
            )

    # Pass 1: tax on earnings alone, for the earnings tests of ESA, JSA and Carer's Allowance.
    _, first_alone = _tax_for_household(scenario, p, pays, [ZERO for _ in pays])
    provisional = [
        PersonEarnings(
            adult.name, pays[i][3], pays[i][0] / 52, pays[i][0], pays[i][1], pays[i][2], nis[i][0], first_alone[i].tax
        )
        for i, adult in enumerate(scenario.adults)
    ]

    per_person: dict[str, list[tuple[str, ProgrammeResult]]] = {}
    taxable_weekly = [ZERO for _ in scenario.adults]
    for i, adult in enumerate(scenario.adults):
        e = provisional[i]
        for result in (
            new_style_esa.calculate(adult, e, p),
            new_style_jsa.calculate(adult, e, p),
            carers_allowance.calculate(adult, e, p, scenario.nation),
            *disability_benefits.pip_like(adult, p, scenario.nation),
        ):
            if result is None:
                continue
            per_person.setdefault(result.programme, []).append((adult.name, result))
            if result.programme in ("new_style_esa", "new_style_jsa"):
                # New Style ESA and JSA are taxable in full (ITEPA 2003 ss.660, 661, 677)
                taxable_weekly[i] += result.amount
            elif result.programme in ("carers_allowance", "carer_support_payment"):
                taxable_weekly[i] += carers_allowance.weekly_taxable(result)

    programmes: dict[str, ProgrammeResult] = {}
    for programme, results in per_person.items():
        merged = _merge(programme, results, scenario.is_couple)
        if merged is not None:
            programmes[programme] = merged

    # Pass 2: tax on earnings and taxable benefits (a year), and tax on earnings alone for UC.
    full_tax, tax_alone = _tax_for_household(scenario, p, pays, [w * 52 for w in taxable_weekly])
    earnings: list[PersonEarnings] = []
    taxes: list[PersonTax] = []
    for i, adult in enumerate(scenario.adults):
        gross, pension, relief, hours = pays[i]
        ni, ni_lines = nis[i]
        earnings.append(
            PersonEarnings(
                adult.name, hours, gross / 52, gross, pension, relief, ni, tax_alone[i].tax, people_lines[i] + ni_lines
            )
        )
        taxes.append(
            PersonTax(
                adult.name,
                full_tax[i].total_income,
                full_tax[i].adjusted_net_income,
                full_tax[i].tax,
                full_tax[i].lines,
            )
        )

    child_benefit = child_benefit_programme.calculate(scenario, p) if scenario.claims_child_benefit else None
    if child_benefit is not None:
        programmes["child_benefit"] = child_benefit

    # Universal Credit: unearned income is each other benefit's UC-countable amount, monthly (reg 73)
    unearned: list[Line] = []
    cap_benefits = ZERO
    for programme in ("new_style_esa", "new_style_jsa", "carers_allowance", "carer_support_payment"):
        for name, result in per_person.get(programme, []):
            weekly = result.amount
            if programme in ("carers_allowance", "carer_support_payment"):
                weekly = carers_allowance.unearned_for_uc(result)
            if weekly > 0:
                unearned.append(
                    Line(
                        f"unearned_{programme}_{name}",
                        f"{name}: {programme.replace('_', ' ')} £{weekly:.2f} a week x 52 / 12 (reg 73)",
                        weekly_to_monthly(weekly),
                        "month",
                    )
                )
            if programme in ("new_style_esa", "new_style_jsa"):
                cap_benefits += pence(
                    weekly_to_monthly(weekly)
                )  # welfare benefits in the cap (reg 79(4)), each to the penny (reg 6(1))
    for adult in scenario.adults:
        if adult.other_unearned_income is not None and adult.other_unearned_income.amount > 0:
            amount = convert(adult.other_unearned_income.amount, adult.other_unearned_income.period, "month")
            unearned.append(
                Line(f"unearned_other_{adult.name}", f"{adult.name}: other unearned income", amount, "month")
            )
    if child_benefit is not None:
        cap_benefits += pence(
            weekly_to_monthly(child_benefit.amount)
        )  # Child Benefit counts in the cap (reg 79(4)(b)); reg 6(1)
    carer_paid = any(
        r.amount > 0 for key in ("carers_allowance", "carer_support_payment") for _, r in per_person.get(key, [])
    )
    # ESA support component in payment to that adult (not merely ESA to the household): reg 83(1)(h)
    support = any(
        adult.new_style_esa == "support" and result.amount > 0
        for adult in scenario.adults
        for name, result in per_person.get("new_style_esa", [])
        if name == adult.name
    )
    other = universal_credit.OtherIncome(tuple(unearned), cap_benefits, carer_paid, support)
    uc = universal_credit.calculate(scenario, p, ctx.day, earnings, other)
    programmes["universal_credit"] = uc
    scp = scottish_child_payment.calculate(scenario, p, uc, ctx.day)
    if scp is not None:
        programmes["scottish_child_payment"] = scp
    hicbc, hicbc_lines, hicbc_warnings = child_benefit_programme.high_income_charge(child_benefit, taxes, p)
    if hicbc_lines:
        payer = max(range(len(taxes)), key=lambda i: taxes[i].adjusted_net_income)
        taxes[payer] = replace(taxes[payer], lines=taxes[payer].lines + hicbc_lines)
    warnings.extend(hicbc_warnings)
    passport_results: dict[str, ProgrammeResult] = {}
    for result in (
        passports.free_school_meals(scenario, p, ctx.day, uc, scp),
        passports.healthy_start(scenario, p, ctx.day, uc),
        passports.nhs_charges(scenario, p, uc),
    ):
        if result is not None:
            passport_results[result.programme] = result
            warnings.extend(result.warnings)

    # Housing Benefit (supported exempt or temporary accommodation: UC has no housing element, and
    # while UC is paid HB is the maximum) and council tax reduction read UC, pay and other benefits.
    resources = council_tax_reduction.Resources(tuple(earnings), _weekly_benefits(per_person), uc)
    hb = housing_benefit.calculate(scenario, p, ctx.day, resources)
    if hb is not None:
        programmes["housing_benefit"] = hb
    if scenario.housing.council_tax is not None:
        programmes["council_tax_reduction"] = council_tax_reduction.calculate(
            scenario, p, ctx.day, ctx.rules, resources
        )

    housing = scenario.housing
    housing_costs = ZERO
    for amount in (housing.rent, housing.service_charges):
        if amount is not None:
            housing_costs += convert(amount.amount, amount.period, "month")
    council_tax = (
        convert(housing.council_tax.amount, housing.council_tax.period, "month") if housing.council_tax else ZERO
    )
    # Childcare and work costs are those of the work being considered: paid only at hours above 0.
    working = scenario.worker.job is not None and scenario.worker.job.hours > 0
    childcare = (
        convert(scenario.childcare.amount, scenario.childcare.period, "month")
        if scenario.childcare and working
        else ZERO
    )
    work_costs = ZERO
    if scenario.work_costs is not None and working:
        work_costs = convert(scenario.work_costs.amount, scenario.work_costs.period, "month")

    for programme in programmes.values():
        warnings.extend(programme.warnings)
    warnings.extend(unchecked_rules_warnings(scenario, ctx))
    return PointResult(
        hours=scenario.worker.job.hours if scenario.worker.job else ZERO,
        earnings=tuple(earnings),
        tax=tuple(taxes),
        programmes=programmes,
        high_income_child_benefit_charge=hicbc,
        housing_costs=housing_costs,
        council_tax=council_tax,
        childcare_costs=childcare,
        work_costs=work_costs,
        warnings=tuple(dict.fromkeys(warnings)),
        passports=passport_results,
        include_passport_values=scenario.include_passport_values,
    )


def unchecked_rules_warnings(scenario: Scenario, ctx: Context) -> tuple[Warning, ...]:
    """Warnings naming the rules in force that are carried forward unreviewed, or read after their
    file's `reviewed_to` date (docs/rules.md); none for rules checked for the day. A council tax
    reduction scheme is named only if the household may use it (the one given, or the nation's)."""
    housing = scenario.housing
    schemes = {scenario.nation, housing.council_tax_reduction_scheme or ""} if housing.council_tax else set()
    found = review_warnings(ctx.rules, ctx.day, schemes - {""})
    return tuple(Warning(code, message) for code, message in found)


def not_modelled(scenario: Scenario) -> list[dict[str, str]]:
    """Programmes and scenario facts that the engine does not yet turn into money."""
    out = [{"item": name, "reason": "not yet modelled: reported as 0"} for name in PROGRAMMES if name not in MODELLED]
    reason = council_tax_reduction.missing_scheme_reason(scenario)
    if reason is not None:
        out.append({"item": "council_tax_reduction", "reason": reason})
    return out


def _weekly_benefits(per_person: dict[str, list[tuple[str, ProgrammeResult]]]) -> tuple[tuple[str, str, Decimal], ...]:
    """(programme, adult, weekly amount) of the benefits HB and council tax reduction count as income."""
    out = []
    for programme in ("new_style_esa", "new_style_jsa", "carers_allowance", "carer_support_payment"):
        for name, result in per_person.get(programme, []):
            weekly = (
                carers_allowance.unearned_for_uc(result)
                if programme in ("carers_allowance", "carer_support_payment")
                else result.amount
            )
            out.append((programme, name, weekly))
    return tuple(out)


def hours_points(scenario: Scenario, hours: Iterable[Decimal]) -> list[Scenario]:
    return [scenario.with_hours(h) for h in hours]


def check_hours(values: Iterable[Decimal]) -> list[Decimal]:
    out = []
    for value in values:
        if value < 0 or value > 168:
            raise ScenarioError(f"{value} is not a number of hours a week from 0 to 168", "hours")
        out.append(value)
    return out
