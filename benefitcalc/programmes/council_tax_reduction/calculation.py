"""Council tax reduction for a household: the scheme that applies, its protected group, capital,
the weekly liability (with any band cap), non-dependant deductions, income, the design's
reduction and the minimum award.

The law works by the day (liability for the year / days in the year); the reduction is worked out
per week as councils show it and reported as a year's amount (a week's amount x days / 7), so a
full reduction leaves exactly nothing to pay.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from benefitcalc.breakdown import Line, ProgrammeResult, Warning
from benefitcalc.errors import ScenarioError
from benefitcalc.loader import ParameterNode, RuleSet
from benefitcalc.periods import ZERO, convert, council_tax_year
from benefitcalc.programmes.council_tax_reduction.applicable_amount import pension_age_allowance
from benefitcalc.programmes.council_tax_reduction.banded import banded_reduction
from benefitcalc.programmes.council_tax_reduction.design import (
    PROTECTED_CONDITIONS,
    BandedScheme,
    FlatRateScheme,
    PensionAgeMeansTested,
)
from benefitcalc.programmes.council_tax_reduction.flat_rate import flat_rate_reduction
from benefitcalc.programmes.council_tax_reduction.income import weekly_income
from benefitcalc.programmes.council_tax_reduction.means_tested import means_tested_reduction
from benefitcalc.programmes.council_tax_reduction.provenance import provenance_warning
from benefitcalc.programmes.council_tax_reduction.schemes import PENSION_AGE_NOT_HELD, choose_scheme, load_scheme
from benefitcalc.programmes.council_tax_reduction.validation import Scheme, rule
from benefitcalc.programmes.non_dependants import banded_deduction
from benefitcalc.programmes.resources import Resources
from benefitcalc.scenario import Scenario

PROGRAMME = "council_tax_reduction"


def _none(label: str, warnings: tuple[Warning, ...] = ()) -> ProgrammeResult:
    return ProgrammeResult(PROGRAMME, ZERO, "year", (Line("not_calculated", label, ZERO, "year"),), warnings)


def calculate(scenario: Scenario, p: ParameterNode, day: date, rules: RuleSet, resources: Resources) -> ProgrammeResult:
    if scenario.housing.council_tax is None:
        reason = "No council tax bill given (housing.council_tax): no reduction worked out"
        return ProgrammeResult(PROGRAMME, ZERO, "year", (Line("not_entitled", reason, ZERO, "year"),))
    uc = resources.universal_credit
    scheme_id, warnings = choose_scheme(scenario, rules, day, uc.amount if uc is not None else ZERO)
    if scheme_id == PENSION_AGE_NOT_HELD:
        message = (
            f"Council tax reduction for pension-age households in {scenario.nation.title()} is not modelled "
            "(only the working-age national scheme is held): it is NOT included."
        )
        return _none("Pension-age scheme not held for this nation", (Warning("ctr_pension_age_not_modelled", message),))
    if scheme_id is None:
        message = (
            "No council tax reduction scheme given for this English council (housing.council_tax_reduction_scheme): "
            "council tax reduction is NOT included. Each English council runs its own working-age scheme; "
            "none is guessed. Find the council's by its name with `benefitcalc rules schemes --council NAME` "
            "(or `quick --council NAME`); if it is not held, `benefitcalc rules new-scheme` writes one to fill "
            "in, used with --rules DIR."
        )
        return _none("No scheme given: council tax reduction not worked out", (Warning("ctr_no_scheme", message),))
    scheme = load_scheme(rules, scheme_id, day)
    if scheme is None:
        message = (
            f"The rules hold no {scheme_id!r} council tax reduction scheme for {day.isoformat()}: council "
            "tax reduction is NOT included. Add that year's scheme with --rules DIR."
        )
        return _none(
            f"Scheme {scheme_id!r} has no rules for this date", (*warnings, Warning("ctr_scheme_not_held", message))
        )
    if isinstance(scheme.design, PensionAgeMeansTested) and not resources.on_universal_credit:
        allowance, label = pension_age_allowance(scenario, scheme, day)
        if allowance.value is None:
            message = (
                f"{scheme.design.name}: the rules do not hold the {label.lower()} for {day.isoformat()}, so "
                "council tax reduction is NOT included. Add that figure with --rules DIR "
                "(docs/council_tax_reduction.md)."
            )
            return _none(f"{label}: not held for this date", (*warnings, Warning("ctr_figure_not_held", message)))
    return _calculate(scenario, p, day, rules, scheme, resources, warnings)


def _over_capital_limit(scenario: Scenario, scheme: Scheme, protected: bool) -> Line | None:
    """The line refusing the reduction where capital is above (or at) the scheme's limit, or the protected group's."""
    group = scheme.design.protected_group
    own_limit = protected and group is not None and "capital_limit" in group.model_fields_set
    limit = scheme.cite("protected_group.capital_limit" if own_limit else "capital_limit")
    at_limit = scheme.design.capital_excluded_at_limit
    if limit.value is None or not (scenario.capital > limit.value or (at_limit and scenario.capital >= limit.value)):
        return None
    where = "at or above" if at_limit else "above"
    params = (limit, scheme.cite("capital_excluded_at_limit")) if at_limit else (limit,)
    label = f"Capital of £{scenario.capital:,.2f} is {where} the scheme's limit of £{limit.value:,}: no reduction"
    return Line("capital", label, ZERO, "year", params)


def _calculate(
    scenario: Scenario,
    p: ParameterNode,
    day: date,
    rules: RuleSet,
    scheme: Scheme,
    resources: Resources,
    warnings: list[Warning],
) -> ProgrammeResult:
    on_uc = resources.on_universal_credit
    name, kind = scheme.cite("name"), scheme.cite("design")
    lines = [
        Line("scheme", f"{scheme.design.name} ({scheme.design.design.replace('_', '-')})", ZERO, "year", (name, kind))
    ]
    chosen = scheme
    if scheme.regimes:
        # A hybrid scheme: the regime for a household with an award of UC, or the one for the rest
        scheme = scheme.regime(on_uc)
        who = "households with an award of Universal Credit" if on_uc else "households not on Universal Credit"
        label = f"The scheme's regime for {who}: {scheme.design.design.replace('_', '-')}"
        lines.append(Line("regime", label, ZERO, "year", (scheme.cite("design"),)))
    design = scheme.design
    if design.caveat:
        warnings.append(Warning("ctr_scheme_caveat", f"{design.name}: {design.caveat}"))
    # The same for every point of a sweep: worked out once per rule set, scheme, regime and day
    provenance: Warning | None = rules.derived(
        ("council_tax_reduction", "provenance", chosen.id, day, on_uc if chosen.regimes else None),
        lambda: provenance_warning(scheme),
    )
    if provenance is not None:
        warnings.append(provenance)

    # A council's protected group (e.g. those who would have had a disability premium)
    protected, protected_lines = protected_group(scenario, scheme, resources)
    lines.extend(protected_lines)

    refused = _over_capital_limit(scenario, scheme, protected)
    if refused is not None:
        lines.extend((refused, Line("award", "Council tax reduction: none", ZERO, "year")))
        return ProgrammeResult(PROGRAMME, ZERO, "year", tuple(lines), tuple(warnings), (("scheme", scheme.id),))

    # Liability: the year's bill after discounts, as a weekly amount (daily amount x 7)
    assert scenario.housing.council_tax is not None
    _, days = council_tax_year(day)
    annual = convert(scenario.housing.council_tax.amount, scenario.housing.council_tax.period, "year")
    weekly = annual * 7 / days
    lines.append(Line("liability", "Council tax for the year after discounts (housing.council_tax)", annual, "year"))
    lines.append(Line("weekly_liability", f"Weekly liability: the year's bill / {days} days x 7", weekly, "week"))
    weekly, cap_lines, cap_warnings = band_cap(scenario, p, scheme, weekly, protected)
    lines.extend(cap_lines)
    warnings.extend(cap_warnings)

    nondep, nondep_lines, nondep_warnings = non_dependant_deductions(scenario, scheme)
    lines.extend(nondep_lines)
    warnings.extend(nondep_warnings)

    income, income_lines, income_warnings = weekly_income(scenario, p, scheme, resources, on_uc, day)
    lines.extend(income_lines)
    warnings.extend(income_warnings)

    if isinstance(design, BandedScheme):
        reduction, band_lines, band_warnings = banded_reduction(
            scenario, scheme, weekly, income, nondep, protected, day, resources
        )
        warnings.extend(band_warnings)
    elif isinstance(design, FlatRateScheme):
        working = any(person.gross > 0 for person in resources.earnings)
        reduction, band_lines = flat_rate_reduction(scenario, scheme, weekly, income, working, nondep, protected)
    else:
        reduction, band_lines, mt_warnings = means_tested_reduction(
            scenario, scheme, weekly, income, nondep, day, resources, protected
        )
        warnings.extend(mt_warnings)
    lines.extend(band_lines)

    minimum = scheme.cite("minimum_award")
    if ZERO < reduction < minimum.value:
        label = f"Below the scheme's minimum award of £{minimum.value:,.2f} a week: none"
        lines.append(Line("minimum_award", label, -reduction, "week", (minimum,)))
        reduction = ZERO
    annual_award = reduction * days / 7
    lines.append(Line("weekly_reduction", "Council tax reduction a week", reduction, "week"))
    lines.append(
        Line("award", f"Council tax reduction for the year (a week's reduction x {days} / 7)", annual_award, "year")
    )
    facts = (("scheme", scheme.id), ("weekly_income", income), ("weekly_reduction", reduction))
    return ProgrammeResult(PROGRAMME, annual_award, "year", tuple(lines), tuple(dict.fromkeys(warnings)), facts)


def protected_group(scenario: Scenario, scheme: Scheme, resources: Resources) -> tuple[bool, list[Line]]:
    """Whether the household is in the scheme's protected group, and the line that says why."""
    group = scheme.design.protected_group
    if group is None or not group.conditions:
        return False, []
    conditions = scheme.cite("protected_group.conditions")
    wanted = {row.condition for row in group.conditions}
    met = {
        "disability_premium": any(a.receives_disability_benefit for a in scenario.adults),
        "enhanced_disability_premium": any(a.receives_highest_care_or_enhanced_daily_living for a in scenario.adults)
        or any(c.disability == "higher" for c in scenario.children),
        "disabled_child_premium": any(c.disability != "none" for c in scenario.children),
        "carer_premium": resources.receives_carer_benefit,
    }
    reasons = [name.replace("_", " ") for name in PROTECTED_CONDITIONS if name in wanted and met[name]]
    if not reasons:
        label = "Not in the scheme's protected group (as far as the scenario shows)"
        return False, [Line("protected_group", label, ZERO, "year", (conditions,))]
    label = f"In the scheme's protected group: would have a {', '.join(reasons)}"
    return True, [Line("protected_group", label, ZERO, "year", (conditions,))]


def band_cap(
    scenario: Scenario, p: ParameterNode, scheme: Scheme, weekly: Decimal, protected: bool = False
) -> tuple[Decimal, list[Line], list[Warning]]:
    """The weekly liability limited to that of a home in the scheme's band cap (LGFA 1992 s.5 proportions)."""
    group = scheme.design.protected_group
    own_cap = protected and group is not None and "band_cap" in group.model_fields_set
    key = "protected_group.band_cap" if own_cap else "band_cap"
    if not scheme.has(key) or scheme.cite(key).value is None:
        if own_cap and scheme.design.band_cap is not None:
            line = Line("band_cap", "No band limit for the protected group", ZERO, "week", (scheme.cite(key),))
            return weekly, [line], []
        return weekly, [], []
    cap = scheme.cite(key)
    band = scenario.housing.council_tax_band
    if band is None:
        message = (
            f"This scheme limits the reduction to a band {cap.value} home's bill; no "
            "`housing.council_tax_band` was given, so no limit was applied. "
            f"If the home is above band {cap.value} the reduction is less."
        )
        return weekly, [], [Warning("council_tax_band_not_given", message)]
    proportions = rule(p, "local_authority.council_tax.band_proportions.england")
    table = {row["band"]: Decimal(row["numerator"]) / Decimal(row["denominator"]) for row in proportions.value}
    if band not in table:
        raise ScenarioError(f"band {band} does not exist in England (bands A to H)", "housing.council_tax_band")
    if table[band] <= table[str(cap.value)]:
        return weekly, [Line("band_cap", f"Band {band}: within the band {cap.value} limit", ZERO, "week", (cap,))], []
    capped = weekly * table[str(cap.value)] / table[band]
    line = Line(
        "band_cap",
        f"Limited to the band {cap.value} equivalent: x {cap.value}/{band} proportion (LGFA 1992 s.5)",
        capped - weekly,
        "week",
        (cap, proportions),
    )
    return capped, [line], []


def non_dependant_deductions(scenario: Scenario, scheme: Scheme) -> tuple[Decimal, list[Line], list[Warning]]:
    """Each non-dependant's weekly deduction from the scheme's table, unless the scheme exempts the household."""
    table = scheme.cite("non_dependant_deductions")
    rows = [(row.gross_income_from, row.deduction) for row in scheme.design.non_dependant_deductions]
    exempt_by = (
        next((a.name for a in scenario.adults if a.receives_care_or_daily_living), None)
        if scheme.design.non_dependant_exempt_if_disability_benefit
        else None
    )
    total = ZERO
    lines: list[Line] = []
    warnings: list[Warning] = []
    for i, nd in enumerate(scenario.housing.non_dependants):
        key, label = f"non_dependant_{i + 1}", f"Non-dependant {i + 1}"
        if exempt_by is not None:
            flag = scheme.cite("non_dependant_exempt_if_disability_benefit")
            why = f"{label}: no deduction ({exempt_by} gets AA, DLA care or PIP/ADP daily living)"
            lines.append(Line(key, why, ZERO, "week", (flag,)))
            continue
        if nd.exempt_from_deduction or nd.age < 18:
            lines.append(Line(key, f"{label}: no deduction (under 18 or exempt)", ZERO, "week", (table,)))
            continue
        amount, why, assumed = banded_deduction(nd, label, rows)
        warnings.extend(assumed)
        total += amount
        lines.append(Line(key, f"{label}: deduction ({why})", -amount, "week", (table,)))
    return total, lines, warnings
