"""The engine: one household, one number of hours, every programme in the order the law needs.

Pure functions: a :class:`Scenario` and resolved rules in, a :class:`PointResult` out. The order
matters because programmes read each other: ESA, JSA and Carer's Allowance depend on pay; income
tax on pay and those benefits; Universal Credit on pay, tax and those benefits; Scottish Child
Payment, council tax reduction and passported help on Universal Credit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal

from msgspec import Struct
from msgspec.structs import replace

from benefitcalc import registry
from benefitcalc.breakdown import (
    Line,
    PersonEarnings,
    PersonTax,
    PointResult,
    ProgrammeResult,
    SelfEmployedEarnings,
    Warning,
)
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
    state_pension,
    universal_credit,
)
from benefitcalc.programmes import child_benefit as child_benefit_programme
from benefitcalc.programmes import earnings as earnings_programme
from benefitcalc.programmes import income_tax as tax_programme
from benefitcalc.programmes import self_employment as self_employment_programme
from benefitcalc.programmes.rule_views import RuleViews, views_for
from benefitcalc.scenario import Scenario, tax_year_date

# The cash benefits the JSON lists under "benefits", in display order (benefitcalc.registry).
PROGRAMMES: tuple[str, ...] = registry.BENEFIT_KEYS


class Context(Struct, frozen=True):
    """What every point of one calculation shares: the rules, the day and the stamp, and each
    programme's typed view of the rules in force that day."""

    rules: RuleSet
    day: date
    params: ParameterNode
    views: RuleViews

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
    return Context(rules, day, rules.at(day), views_for(rules, day))


# The tax on earnings alone per adult, by Marriage Allowance transfer (None: none), as the pass with
# no taxable benefits works it out; the pass with them reads it instead of working it out again.
_EarningsOnlyTax = dict[tuple[int, int] | None, list[tax_programme.TaxResult]]


def _tax_for_household(
    scenario: Scenario,
    tax_rules: tax_programme.IncomeTaxRules,
    pays: Sequence[_Pay],
    taxable_benefits: Sequence[Decimal],
    earnings_only: _EarningsOnlyTax,
) -> tuple[list[tax_programme.TaxResult], list[tax_programme.TaxResult]]:
    """Income tax per adult (with taxable benefits) and on earnings alone, with Marriage Allowance if claimed.

    Earnings are pay (less pension under net pay) and trading profits after the trading allowance;
    relief-at-source pension payments (a job's and personal pension payments) are grossed up.
    ``earnings_only``: filled by a pass with no taxable benefits, read by a pass with them."""

    def compute(
        transfer: tuple[int, int] | None,
    ) -> tuple[list[tax_programme.TaxResult], list[tax_programme.TaxResult]]:
        full, alone = [], []
        amount = tax_programme.marriage_allowance_amount(tax_rules)
        for i, pay in enumerate(pays):
            gross, pension, relief = pay.gross, pay.pension, pay.relief
            employment = gross - pension if relief == "net_pay" else gross
            ras_gross = pension / (1 - tax_rules.basic_rate) if relief == "relief_at_source" else ZERO
            trading = ZERO
            if pay.self_employment is not None:
                trading = pay.self_employment.taxable_profit
                ras_gross += pay.self_employment.personal_pension_gross
            out = amount if transfer and transfer[0] == i else ZERO
            received = amount if transfer and transfer[1] == i else ZERO
            full.append(
                tax_programme.income_tax(
                    tax_rules,
                    scenario.nation,
                    employment,
                    taxable_benefits[i],
                    ras_gross,
                    out,
                    received,
                    trading_profits=trading,
                )
            )
            if not taxable_benefits[i]:
                alone.append(full[-1])
            elif transfer in earnings_only:
                alone.append(earnings_only[transfer][i])  # the same inputs as that pass
            else:
                alone.append(
                    tax_programme.income_tax(
                        tax_rules, scenario.nation, employment, ZERO, ras_gross, out, received, trading_profits=trading
                    )
                )
        if not any(taxable_benefits):
            earnings_only[transfer] = full
        return full, alone

    plain = compute(None)
    if not (scenario.marriage_allowance and scenario.is_couple):
        return plain
    # Transfer from the partner with the lower income to the other (ITA 2007 s.55B), where the
    # recipient is not taxed above the basic (Scotland: intermediate) rate and the couple gains.
    lower = min((0, 1), key=lambda i: plain[0][i].total_income)
    recipient = 1 - lower
    limit = tax_programme.basic_rate_limit_for(tax_rules, scenario.nation)
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


class _Pay(Struct, frozen=True):
    """One adult's pay for the year, as the earnings programme works it out, and their self-employment."""

    gross: Decimal
    pension: Decimal
    relief: str
    hours: Decimal
    lines: tuple[Line, ...]
    national_insurance: Decimal
    ni_lines: tuple[Line, ...]
    self_employment: SelfEmployedEarnings | None = None

    def earnings(self, name: str, tax_on_earnings: Decimal, lines: tuple[Line, ...] = ()) -> PersonEarnings:
        """The adult's earnings: pay and, where any, the self-employed profit (not below 0), its NI,
        personal pension payments and hours (breakdown.PersonEarnings)."""
        se = self.self_employment
        gross, pension, ni, hours = self.gross, self.pension, self.national_insurance, self.hours
        if se is not None:
            gross += max(se.profit, ZERO)
            pension += se.personal_pension
            ni += se.national_insurance
            hours += se.hours
        return PersonEarnings(
            name, hours, gross / 52, gross, pension, self.relief, ni, tax_on_earnings, lines, (), se
        )  # fmt: skip


def _pay(scenario: Scenario, ctx: Context, warnings: list[Warning]) -> list[_Pay]:
    v = ctx.views
    out = []
    for adult in scenario.adults:
        hours, gross, relief, pension, lines, pay_warnings = earnings_programme.pay(adult, v.earnings)
        ni, ni_lines = earnings_programme.national_insurance(gross, v.earnings)
        se, se_warnings = self_employment_programme.self_employed_earnings(adult, v.self_employment)
        out.append(_Pay(gross, pension, relief, hours, lines, ni, ni_lines, se))
        warnings.extend(pay_warnings)
        warnings.extend(se_warnings)
        warning = state_pension.pension_age_warning(adult, v.state_pension)
        if warning is not None:
            warnings.append(warning)
    return out


_HouseholdTax = tuple[list[tax_programme.TaxResult], list[tax_programme.TaxResult]]


def _per_adult_benefits(
    scenario: Scenario, v: RuleViews, pays: Sequence[_Pay], earnings_only: _EarningsOnlyTax
) -> tuple[dict[str, list[tuple[str, ProgrammeResult]]], list[Decimal], _HouseholdTax]:
    """The benefits each adult gets from their own pay (registry stage ``per_adult``), the taxable
    part of them a week, each read against pay less tax on earnings alone, and that tax."""
    on_earnings = _tax_for_household(scenario, v.income_tax, pays, [ZERO for _ in pays], earnings_only)
    first_alone = on_earnings[1]
    per_person: dict[str, list[tuple[str, ProgrammeResult]]] = {}
    taxable_weekly = [ZERO for _ in scenario.adults]
    taxable = registry.taxable()
    for i, adult in enumerate(scenario.adults):
        e = pays[i].earnings(adult.name, first_alone[i].tax)
        for result in (
            new_style_esa.calculate(adult, e, v.new_style_esa),
            new_style_jsa.calculate(adult, e, v.new_style_jsa),
            carers_allowance.calculate(adult, e, v.carers_allowance, scenario.nation),
            *disability_benefits.pip_like(adult, v.disability_benefits, scenario.nation),
        ):
            if result is None:
                continue
            per_person.setdefault(result.programme, []).append((adult.name, result))
            if result.programme not in taxable:
                continue
            # ITEPA 2003 ss.660, 661, 677: New Style ESA and JSA are taxable in full; Carer's
            # Allowance is, but not the Scottish supplements (carers_allowance.weekly_taxable).
            taxable_weekly[i] += _fact(result, "taxable")
    return per_person, taxable_weekly, on_earnings


def _fact(result: ProgrammeResult, key: str) -> Decimal:
    """A part of a weekly benefit a programme states apart (the carer benefits' ``taxable`` and
    ``unearned_for_uc`` leave out the Scottish supplements); the whole amount otherwise."""
    value = result.fact(key, result.amount)
    assert isinstance(value, Decimal)
    return value


def _weekly_for_means_test(programme: str, result: ProgrammeResult) -> Decimal:
    """What a means test counts of a weekly benefit (UC reg 66(1)(b); HB and CTR alike)."""
    return _fact(result, "unearned_for_uc")


def _universal_credit_other_income(
    scenario: Scenario,
    per_person: dict[str, list[tuple[str, ProgrammeResult]]],
    child_benefit: ProgrammeResult | None,
) -> universal_credit.OtherIncome:
    """Unearned income for UC (reg 66 and 73: each benefit's countable amount, monthly), the
    welfare benefits in the cap (reg 79(4)) and the facts reg 83 exempts the cap for."""
    unearned: list[Line] = []
    cap_benefits = ZERO
    in_cap = registry.in_benefit_cap()
    for programme in registry.income_for("universal_credit"):
        for name, result in per_person.get(programme, []):
            weekly = _weekly_for_means_test(programme, result)
            if weekly > 0:
                unearned.append(
                    Line(
                        f"unearned_{programme}_{name}",
                        f"{name}: {programme.replace('_', ' ')} £{weekly:.2f} a week x 52 / 12 (reg 73)",
                        weekly_to_monthly(weekly),
                        "month",
                    )
                )
            if programme in in_cap:
                cap_benefits += pence(weekly_to_monthly(weekly))  # each to the penny (reg 6(1))
    for adult in scenario.adults:
        if adult.other_unearned_income is not None and adult.other_unearned_income.amount > 0:
            amount = convert(adult.other_unearned_income.amount, adult.other_unearned_income.period, "month")
            unearned.append(
                Line(f"unearned_other_{adult.name}", f"{adult.name}: other unearned income", amount, "month")
            )
    if child_benefit is not None:
        cap_benefits += pence(weekly_to_monthly(child_benefit.amount))  # reg 79(4)(b); reg 6(1)
    carer_paid = any(
        r.amount > 0
        for spec in registry.PROGRAMMES
        if spec.exempts_benefit_cap
        for _, r in per_person.get(spec.key, [])
    )
    # ESA support component in payment to that adult (not merely ESA to the household): reg 83(1)(h)
    support = any(
        adult.new_style_esa == "support" and result.amount > 0
        for adult in scenario.adults
        for name, result in per_person.get("new_style_esa", [])
        if name == adult.name
    )
    return universal_credit.OtherIncome(tuple(unearned), cap_benefits, carer_paid, support)


def _earnings_for_universal_credit(
    scenario: Scenario, earnings: Sequence[PersonEarnings], taxes: Sequence[PersonTax], warnings: list[Warning]
) -> list[PersonEarnings]:
    """Each adult's earnings as UC reads them: pay less the income tax deducted (reg 55(5)).

    Under ``paye`` (the default) the tax deducted is the tax on earnings and taxable benefits
    together: HMRC collects the tax on Carer's Allowance, New Style ESA and JSA through the job's
    tax code, and DWP takes earnings from RTI as pay less the PAYE tax actually deducted (reg 61).
    Under ``earnings_only`` it is the tax on earnings alone.
    """
    if scenario.universal_credit_tax_deduction == "earnings_only":
        return list(earnings)
    out = []
    for e, tax in zip(earnings, taxes, strict=True):
        # Only pay has tax taken through a tax code; a trader pays tax on benefits through Self Assessment,
        # not "in respect of the trade" (reg 57(2) step 3)
        if e.employed_gross > 0 and tax.income_tax > e.income_tax_on_earnings:
            warnings.append(
                Warning(
                    "universal_credit_tax_on_benefits",
                    f"{e.name}: Universal Credit counts pay after the income tax taken through the tax code, "
                    f"which includes £{(tax.income_tax - e.income_tax_on_earnings) / 12:,.2f} a month of tax on "
                    "taxable benefits (UC Regs 2013 reg 55(5); earnings from RTI, reg 61).",
                )
            )
            e = replace(e, income_tax_on_earnings=tax.income_tax)
        out.append(e)
    return out


def _passports(
    scenario: Scenario, ctx: Context, uc: ProgrammeResult, scp: ProgrammeResult | None, warnings: list[Warning]
) -> dict[str, ProgrammeResult]:
    p = ctx.views.passports
    out: dict[str, ProgrammeResult] = {}
    for result in (
        passports.free_school_meals(scenario, p, ctx.day, uc, scp),
        passports.healthy_start(scenario, p, ctx.day, uc),
        passports.nhs_charges(scenario, p, uc),
    ):
        if result is not None:
            out[result.programme] = result
            warnings.extend(result.warnings)
    return out


def _monthly_costs(scenario: Scenario) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    """Rent and service charges, council tax, childcare and work costs, a month."""
    housing = scenario.housing
    housing_costs = ZERO
    for amount in (housing.rent, housing.service_charges):
        if amount is not None:
            housing_costs += convert(amount.amount, amount.period, "month")
    council_tax = ZERO
    if housing.council_tax:
        council_tax = convert(housing.council_tax.amount, housing.council_tax.period, "month")
    # Work costs are those of the work being considered: paid only at hours above 0. Childcare for
    # that work likewise; childcare for existing work at every point (Scenario.childcare_monthly).
    working = scenario.worker_hours > 0
    childcare = scenario.childcare_monthly()
    work_costs = ZERO
    if scenario.work_costs is not None and working:
        work_costs = convert(scenario.work_costs.amount, scenario.work_costs.period, "month")
    return housing_costs, council_tax, childcare, work_costs


def calculate_point(scenario: Scenario, ctx: Context) -> PointResult:
    """Every programme for the scenario as given (the worker's hours as in the scenario), in the
    order the law needs them (benefitcalc.registry): pay; the benefits read from each adult's
    pay; income tax on pay and those benefits; Child Benefit; Universal Credit; what reads UC;
    Housing Benefit and council tax reduction."""
    v = ctx.views
    warnings: list[Warning] = []
    pays = _pay(scenario, ctx, warnings)
    earnings_only: _EarningsOnlyTax = {}
    per_person, taxable_weekly, on_earnings = _per_adult_benefits(scenario, v, pays, earnings_only)
    programmes: dict[str, ProgrammeResult] = {}
    for programme, results in per_person.items():
        merged = _merge(programme, results, scenario.is_couple)
        if merged is not None:
            programmes[programme] = merged

    # Tax on earnings and taxable benefits (a year), and tax on earnings alone for UC.
    # With no taxable benefit that is the first pass's tax again: the same inputs, so reused.
    full_tax, tax_alone = (
        _tax_for_household(scenario, v.income_tax, pays, [w * 52 for w in taxable_weekly], earnings_only)
        if any(taxable_weekly)
        else on_earnings
    )
    earnings: list[PersonEarnings] = []
    taxes: list[PersonTax] = []
    for i, adult in enumerate(scenario.adults):
        pay = pays[i]
        earnings.append(pay.earnings(adult.name, tax_alone[i].tax, pay.lines + pay.ni_lines))
        tax = full_tax[i]
        taxes.append(PersonTax(adult.name, tax.total_income, tax.adjusted_net_income, tax.tax, tax.lines))

    child_benefit = (
        child_benefit_programme.calculate(scenario, v.child_benefit) if scenario.claims_child_benefit else None
    )
    if child_benefit is not None:
        programmes["child_benefit"] = child_benefit

    other = _universal_credit_other_income(scenario, per_person, child_benefit)
    uc_earnings = _earnings_for_universal_credit(scenario, earnings, taxes, warnings)
    uc = programmes["universal_credit"] = universal_credit.calculate(
        scenario, v.universal_credit, ctx.day, uc_earnings, other
    )
    scp = scottish_child_payment.calculate(scenario, v.scottish_child_payment, uc, ctx.day)
    if scp is not None:
        programmes["scottish_child_payment"] = scp
    hicbc, hicbc_lines, hicbc_warnings = child_benefit_programme.high_income_charge(
        child_benefit, taxes, v.child_benefit
    )
    if hicbc_lines:
        payer = max(range(len(taxes)), key=lambda i: taxes[i].adjusted_net_income)
        taxes[payer] = replace(taxes[payer], lines=taxes[payer].lines + hicbc_lines)
    warnings.extend(hicbc_warnings)
    passport_results = _passports(scenario, ctx, uc, scp, warnings)

    # Housing Benefit (supported exempt or temporary accommodation: UC has no housing element, and
    # while UC is paid HB is the maximum) and council tax reduction read UC, pay and other benefits.
    resources = council_tax_reduction.Resources(tuple(earnings), _weekly_benefits(per_person), uc)
    hb = housing_benefit.calculate(scenario, v.housing_benefit, ctx.day, resources)
    if hb is not None:
        programmes["housing_benefit"] = hb
    if scenario.housing.council_tax is not None:
        programmes["council_tax_reduction"] = council_tax_reduction.calculate(
            scenario, ctx.params, ctx.day, ctx.rules, resources
        )

    housing_costs, council_tax, childcare, work_costs = _monthly_costs(scenario)
    for result in programmes.values():
        warnings.extend(result.warnings)
    warnings.extend(unchecked_rules_warnings(scenario, ctx))
    return PointResult(
        hours=scenario.worker_hours,
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


def universal_credit_for_assessment_period(
    scenario: Scenario,
    ctx: Context,
    earnings: Sequence[PersonEarnings],
    weekly_benefits: dict[str, list[tuple[str, ProgrammeResult]]],
    transitional_element: Decimal = ZERO,
) -> ProgrammeResult:
    """Universal Credit for one assessment period on the earnings received in it (UC Regs 2013 reg 54:
    earned income is that received in the assessment period; reg 61: as reported through RTI).

    ``earnings`` carry the assessment period's pay, tax, NI and pension as yearly figures (twelve
    times the period's), the shape UC's means test reads; ``weekly_benefits`` are the weekly benefits
    in payment at the end of the period (a change takes effect from the first day of the assessment
    period in which it occurs: UC, PIP, JSA and ESA (Decisions and Appeals) Regs 2013 Sch 1 para 20),
    by programme and adult, as :func:`calculate_point` holds them. ``ctx.day`` is the first day of
    the assessment period.
    """
    child_benefit = (
        child_benefit_programme.calculate(scenario, ctx.views.child_benefit) if scenario.claims_child_benefit else None
    )
    other = _universal_credit_other_income(scenario, weekly_benefits, child_benefit)
    return universal_credit.calculate(
        scenario, ctx.views.universal_credit, ctx.day, earnings, other, transitional_element
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
    """Scenario facts the engine cannot turn into money (a council with no scheme held)."""
    out = []
    reason = council_tax_reduction.missing_scheme_reason(scenario)
    if reason is not None:
        out.append({"item": "council_tax_reduction", "reason": reason})
    return out


def _weekly_benefits(
    per_person: dict[str, list[tuple[str, ProgrammeResult]]],
) -> tuple[tuple[str, str, Decimal], ...]:
    """(programme, adult, weekly amount) of the benefits HB and council tax reduction count as income."""
    out = []
    for programme in _COUNTED_BY_HB_OR_CTR:
        for name, result in per_person.get(programme, []):
            out.append((programme, name, _weekly_for_means_test(programme, result)))
    return tuple(out)


# The weekly benefits HB or council tax reduction count as income, in UC's order (benefitcalc.registry).
_COUNTED_BY_HB_OR_CTR: tuple[str, ...] = tuple(
    programme
    for programme in registry.income_for("universal_credit")
    if programme in registry.income_for("housing_benefit") or programme in registry.income_for("council_tax_reduction")
)


def hours_points(scenario: Scenario, hours: Iterable[Decimal]) -> list[Scenario]:
    return [scenario.with_hours(h) for h in hours]


def check_hours(values: Iterable[Decimal]) -> list[Decimal]:
    out = []
    for value in values:
        if value < 0 or value > 168:
            raise ScenarioError(f"{value} is not a number of hours a week from 0 to 168", "hours")
        out.append(value)
    return out
