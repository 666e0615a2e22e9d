"""Tax-Free Childcare (Childcare Payments Act 2014; Childcare Payments (Eligibility) Regulations 2015).

HMRC adds 25% to what a parent pays into a childcare account (s.1(4)), so it pays 20% of the
childcare bought, up to a yearly maximum per qualifying child. Each parent (and partner) must
expect to earn at least 16 hours a week at the minimum wage for their age over the next 3 months
(reg 9), neither may expect adjusted net income over £100,000 (reg 15), and nobody in the
household may be claiming Universal Credit (s.11). The work condition has an exception for a
partner who gets Carer's Allowance, contribution-based (New Style) ESA or National Insurance
credits for limited capability for work while the other partner works.

Childcare is given for the household, not per child; the top-up is worked on the whole bill with
the sum of the qualifying children's maxima as the limit.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Self

from msgspec import Struct

from benefitcalc import ruleview as rv
from benefitcalc.breakdown import Line, PersonEarnings, PersonTax, ProgrammeResult, Warning
from benefitcalc.periods import ZERO, convert, pence
from benefitcalc.ruleview import RuleReader, Typed, cite
from benefitcalc.scenario import Adult, Scenario, add_months

PROGRAMME = "tax_free_childcare"


class MinimumWageRules(Struct, frozen=True):
    """The hourly national minimum wage by age (NMW Regs 2015 regs 4 and 4A)."""

    national_living_wage_age: Typed[Decimal]
    national_living_wage: Typed[Decimal]
    rate_18_to_20: Typed[Decimal]
    rate_under_18: Typed[Decimal]

    @classmethod
    def from_params(cls, r: RuleReader) -> Self:
        nmw = r.group("dbt.national_minimum_wage")
        return cls(
            national_living_wage_age=rv.amount(nmw, "national_living_wage_age", unit="year", period="none"),
            national_living_wage=rv.amount(nmw, "national_living_wage", period="none"),
            rate_18_to_20=rv.amount(nmw, "rate_18_to_20", period="none"),
            rate_under_18=rv.amount(nmw, "rate_under_18", period="none"),
        )


class TaxFreeChildcareRules(Struct, frozen=True):
    """The top-up and its limits (Childcare Payments Act 2014; Eligibility Regs 2015), the minimum
    wage for the work condition and the carer's hours for the partner exception."""

    top_up_rate: Typed[Decimal]
    maximum_standard_child: Typed[Decimal]
    maximum_disabled_child: Typed[Decimal]
    child_age_limit: Typed[Decimal]
    disabled_child_age_limit: Typed[Decimal]
    minimum_income_hours: Typed[Decimal]
    expected_income_weeks: Typed[int]
    adjusted_net_income_limit: Typed[Decimal]
    minimum_wage: MinimumWageRules
    minimum_care_hours: Typed[Decimal]

    @classmethod
    def from_params(cls, r: RuleReader) -> Self:
        tfc = r.group("hmrc.tax_free_childcare")
        return cls(
            top_up_rate=rv.rate(tfc, "top_up_rate"),
            maximum_standard_child=rv.amount(tfc, "maximum_top_up.standard_child", period="year"),
            maximum_disabled_child=rv.amount(tfc, "maximum_top_up.disabled_child", period="year"),
            child_age_limit=rv.amount(tfc, "child_age_limit", unit="year", period="none"),
            disabled_child_age_limit=rv.amount(tfc, "disabled_child_age_limit", unit="year", period="none"),
            minimum_income_hours=rv.amount(tfc, "minimum_income_hours", unit="hour", period="week"),
            expected_income_weeks=rv.count(tfc, "expected_income_weeks"),
            adjusted_net_income_limit=rv.amount(tfc, "adjusted_net_income_limit", period="year"),
            minimum_wage=MinimumWageRules.from_params(r),
            minimum_care_hours=rv.amount(r, "dwp.carers_allowance.minimum_care_hours", unit="hour", period="week"),
        )


def minimum_wage_for(adult: Adult, nmw: MinimumWageRules) -> Typed[Decimal]:
    """The hourly minimum wage for the adult's age (NMW Regs 2015 regs 4 and 4A); apprentices are not modelled."""
    if adult.age >= nmw.national_living_wage_age.value:
        return nmw.national_living_wage
    if adult.age >= 18:
        return nmw.rate_18_to_20
    return nmw.rate_under_18


def _partner_exception(adult: Adult, rules: TaxFreeChildcareRules) -> str | None:
    """Why a partner who is not in qualifying paid work is treated as meeting the work condition, if so."""
    if (
        adult.carer is not None
        and adult.carer.claims_carers_allowance
        and adult.carer.hours_per_week >= rules.minimum_care_hours.value
    ):
        return "gets Carer's Allowance (or Carer Support Payment)"
    if adult.new_style_esa != "none":
        return "gets contribution-based (New Style) ESA"
    if adult.universal_credit_health != "none":
        return "has limited capability for work (National Insurance credits)"
    return None


def _qualifying_children(
    scenario: Scenario, rules: TaxFreeChildcareRules, day: date, reasons: list[str]
) -> tuple[Decimal, Line]:
    """The yearly maximum for the qualifying children (Act s.14, Eligibility Regs reg 5; Act s.19(4))."""
    age_limit, disabled_limit = rules.child_age_limit, rules.disabled_child_age_limit
    each, each_disabled = rules.maximum_standard_child, rules.maximum_disabled_child
    standard = disabled = 0
    for child in scenario.children:
        age = child.age_on(day)
        if child.disability != "none" and age < disabled_limit.value:
            disabled += 1
        elif age < age_limit.value:
            standard += 1
    maximum = each.value * standard + each_disabled.value * disabled
    if not standard and not disabled:
        reasons.append(f"no child under {age_limit.value} (under {disabled_limit.value} if disabled)")
    line = Line(
        "qualifying_children",
        f"{standard} child(ren) under {age_limit.value} and {disabled} disabled child(ren) under "
        f"{disabled_limit.value}: up to £{each.value:,} a year each (£{each_disabled.value:,} if disabled) "
        "(Act s.14, s.19(4); Eligibility Regs reg 5)",
        maximum,
        "year",
        cite(age_limit, disabled_limit, each, each_disabled),
    )
    return maximum, line


def _start_up(adult: Adult, day: date) -> bool:
    """A self-employed person whose trade began less than 12 months before the day need not meet the
    minimum income (Eligibility Regs reg 9: the start-up period of a new trade)."""
    business = adult.self_employment
    if business is None or business.started is None:
        return False
    return business.started <= day < add_months(business.started, 12)


def _work_condition(
    scenario: Scenario,
    rules: TaxFreeChildcareRules,
    earnings: tuple[PersonEarnings, ...],
    reasons: list[str],
    day: date,
) -> list[Line]:
    """Qualifying paid work: expected income over 3 months of at least 16 hours a week at the
    minimum wage for the person's age (Eligibility Regs reg 9, "minimum weekly income" reg 2); the
    income includes self-employed profit, and a trade in its first 12 months is exempt (reg 9)."""
    lines: list[Line] = []
    hours, weeks = rules.minimum_income_hours, rules.expected_income_weeks
    meets = []
    for adult, e in zip(scenario.adults, earnings):
        wage = minimum_wage_for(adult, rules.minimum_wage)
        threshold = hours.value * wage.value
        ok = e.weekly_gross >= threshold
        if not ok and _start_up(adult, day):
            ok = True
            lines.append(
                Line(
                    f"start_up_{adult.name}",
                    f"{adult.name}: self-employed for less than 12 months, so the minimum income need not be met "
                    "(Eligibility Regs reg 9)",
                    ZERO,
                    "week",
                )
            )
        meets.append(ok)
        label = (
            f"{adult.name}: expected pay over 3 months £{pence(e.weekly_gross * weeks.value):,.2f} "
            f"{'is at least' if ok else 'is below'} £{threshold * weeks.value:,.2f} "
            f"({hours.value} hours x £{wage.value} x {weeks.value} weeks) (reg 9)"
        )
        lines.append(Line(f"minimum_income_{adult.name}", label, threshold, "week", cite(hours, weeks, wage)))
    for i, adult in enumerate(scenario.adults):
        if meets[i]:
            continue
        other_works = scenario.is_couple and meets[1 - i]
        why = _partner_exception(adult, rules) if other_works else None
        if why:
            lines.append(
                Line(
                    f"work_exception_{adult.name}",
                    f"{adult.name} is treated as meeting the work condition: {why} and the partner works",
                    ZERO,
                    "week",
                )
            )
        else:
            reasons.append(f"{adult.name} does not expect to earn 16 hours a week at the minimum wage for their age")
    return lines


def _income_limit(rules: TaxFreeChildcareRules, taxes: tuple[PersonTax, ...], reasons: list[str]) -> Line:
    """Adjusted net income not expected to exceed £100,000 (Act s.10; reg 15)."""
    limit = rules.adjusted_net_income_limit
    for t in taxes:
        if t.adjusted_net_income > limit.value:
            reasons.append(
                f"{t.name}'s adjusted net income of £{pence(t.adjusted_net_income):,.2f} is over £{limit.value:,}"
            )
    return Line(
        "income_limit",
        f"Each adult's adjusted net income at most £{limit.value:,} a year (Act s.10; reg 15)",
        limit.value,
        "year",
        cite(limit),
    )


def _award_label(reasons: list[str], on_uc: bool) -> tuple[str, list[Warning]]:
    if reasons:
        return "No Tax-Free Childcare: " + "; ".join(reasons), []
    if on_uc:
        return (
            "No Tax-Free Childcare while Universal Credit is claimed (Act s.11); "
            "UC pays its childcare costs element instead"
        ), []
    warning = Warning(
        "tax_free_childcare_assumed",
        "Tax-Free Childcare is counted for childcare paid through a childcare account to a registered provider; "
        "the parent must reconfirm eligibility every 3 months.",
    )
    return "Tax-Free Childcare top-up (paid into the childcare account; the parent pays the other 80%)", [warning]


def calculate(
    scenario: Scenario,
    rules: TaxFreeChildcareRules,
    day: date,
    earnings: tuple[PersonEarnings, ...],
    taxes: tuple[PersonTax, ...],
    universal_credit: ProgrammeResult | None,
    childcare_costs: Decimal,
) -> ProgrammeResult | None:
    """The yearly top-up for the household's childcare, or ``None`` when there is no childcare to pay for.

    ``childcare_costs`` is what the point pays for childcare, a month (the engine counts the
    scenario's childcare only at points with work).

    The result's ``facts``: ``eligible`` (paid here), ``value_if_eligible`` (a year, ignoring only
    the Universal Credit condition: what choosing Tax-Free Childcare instead of UC would bring) and
    ``blocked_by_universal_credit``.
    """
    if childcare_costs <= 0 or not scenario.children:
        return None
    reasons: list[str] = []
    maximum, children_line = _qualifying_children(scenario, rules, day, reasons)
    lines = [children_line, *_work_condition(scenario, rules, earnings, reasons, day)]
    lines.append(_income_limit(rules, taxes, reasons))

    # The top-up: 25% of what the parent pays in = 20% of the childcare bought (Act s.1(4))
    rate = rules.top_up_rate
    costs = convert(childcare_costs, "month", "year")
    share = rate.value / (1 + rate.value)
    value = min(costs * share, maximum)
    lines.append(
        Line(
            "top_up_if_eligible",
            f"Top-up: 25% of what is paid in, i.e. 20% of childcare of £{costs:,.2f} a year, at most £{maximum:,} "
            "(Act s.1(4))",
            value,
            "year",
            cite(rate),
        )
    )
    on_uc = universal_credit is not None and universal_credit.amount > 0
    eligible = not reasons and not on_uc
    award_label, warnings = _award_label(reasons, on_uc)
    amount = value if eligible else ZERO
    lines.append(Line("award", award_label, amount, "year"))
    facts = (
        ("eligible", eligible),
        ("value_if_eligible", value if not reasons else ZERO),
        ("blocked_by_universal_credit", on_uc and not reasons),
    )
    return ProgrammeResult(PROGRAMME, amount, "year", tuple(lines), tuple(warnings), facts)
