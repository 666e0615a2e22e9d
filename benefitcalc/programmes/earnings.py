"""Pay from work: gross pay, employee pension contributions and employee Class 1 NI.

Figures are worked on the year: weekly pay x 52, with annual thresholds (docs/method.md explains
this choice against pay-period thresholds, which differ by fractions of a penny a year).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Self

from msgspec import Struct

from benefitcalc import ruleview as rv
from benefitcalc.breakdown import Line, Warning
from benefitcalc.loader import Bracket, Param
from benefitcalc.periods import WEEKS_IN_YEAR, ZERO, convert, positive
from benefitcalc.ruleview import RuleReader, Typed, cite
from benefitcalc.scenario import Adult, PensionChoice, PensionContribution

RELIEF_AT_SOURCE_NOTE = "paid out of net pay; the scheme claims basic-rate relief on top (Finance Act 2004 s.192)"


class AutomaticEnrolmentRules(Struct, frozen=True):
    """Pensions Act 2008 ss.3, 13: who is enrolled and on which band of earnings."""

    minimum_age: Typed[Decimal]
    earnings_trigger: Typed[Decimal]
    default_employee_rate: Typed[Decimal]
    qualifying_earnings_lower: Typed[Decimal]
    qualifying_earnings_upper: Typed[Decimal]


class NationalInsuranceRules(Struct, frozen=True):
    """Employee primary Class 1 contributions (SSCBA 1992 s.8): annual thresholds and percentages."""

    primary_threshold: Typed[Decimal]
    upper_earnings_limit: Typed[Decimal]
    main_primary_percentage: Typed[Decimal]
    additional_primary_percentage: Typed[Decimal]


class EarningsRules(Struct, frozen=True):
    """What pay from work reads: automatic enrolment, the UK income tax bands (for the basic rate of
    relief at source) and Class 1 NI."""

    automatic_enrolment: AutomaticEnrolmentRules
    uk_rates: Typed[tuple[Bracket, ...]]
    national_insurance: NationalInsuranceRules

    @classmethod
    def from_params(cls, r: RuleReader) -> Self:
        ae = r.group("dwp.automatic_enrolment")
        c1 = r.group("hmrc.national_insurance.class_1")
        return cls(
            automatic_enrolment=AutomaticEnrolmentRules(
                minimum_age=rv.amount(ae, "minimum_age", unit="year", period="none"),
                earnings_trigger=rv.amount(ae, "earnings_trigger", period="year"),
                default_employee_rate=rv.rate(ae, "default_employee_rate"),
                qualifying_earnings_lower=rv.amount(ae, "qualifying_earnings_lower", period="year"),
                qualifying_earnings_upper=rv.amount(ae, "qualifying_earnings_upper", period="year"),
            ),
            uk_rates=rv.scale(r, "hmrc.income_tax.rates.uk"),
            national_insurance=NationalInsuranceRules(
                primary_threshold=rv.amount(c1, "primary_threshold", period="year"),
                upper_earnings_limit=rv.amount(c1, "upper_earnings_limit", period="year"),
                main_primary_percentage=rv.rate(c1, "main_primary_percentage"),
                additional_primary_percentage=rv.rate(c1, "additional_primary_percentage"),
            ),
        )


def _pension(
    choice: PensionChoice, gross: Decimal, rules: EarningsRules, age: int
) -> tuple[Decimal, str, tuple[Line, ...], tuple[Warning, ...]]:
    """Employee contributions a year, the relief method, lines and warnings."""
    ae = rules.automatic_enrolment
    if choice == "none" or gross <= ZERO:
        return ZERO, "none", (), ()
    if choice == "auto_enrolment":
        if age < ae.minimum_age.value:  # s.3(1)(b): automatic enrolment is for jobholders aged at least 22
            warning = Warning(
                "pension_under_age",
                f"At {age}, a worker is not enrolled automatically (Pensions Act 2008 s.3(1)(b): from age "
                f"{ae.minimum_age.value}), so no contribution is assumed. The worker may ask to join.",
            )
            return (
                ZERO,
                "none",
                (
                    Line(
                        "pension",
                        "Under the automatic-enrolment age: no contribution",
                        ZERO,
                        "year",
                        cite(ae.minimum_age),
                    ),
                ),
                (warning,),
            )
        trigger = ae.earnings_trigger
        if gross <= trigger.value:  # s.3(1)(c): enrolment is for earnings of *more than* the trigger
            warning = Warning(
                "pension_below_trigger",
                f"Pay of £{gross:,.2f} a year is not more than the automatic-enrolment earnings trigger of "
                f"£{trigger.value:,} (Pensions Act 2008 s.3(1)(c)): the employer need not enrol this worker, so no "
                "contribution is assumed. The worker may ask to join.",
            )
            return (
                ZERO,
                "none",
                (
                    Line(
                        "pension", "Below the automatic-enrolment trigger: no contribution", ZERO, "year", cite(trigger)
                    ),
                ),
                (warning,),
            )
        choice = PensionContribution(
            employee_rate=ae.default_employee_rate.value, basis="qualifying_earnings", relief="net_pay"
        )
        params: tuple[Param, ...] = cite(ae.default_employee_rate)
    else:
        params = ()
    assert isinstance(choice, PensionContribution)
    if choice.basis == "qualifying_earnings":
        lower, upper = ae.qualifying_earnings_lower, ae.qualifying_earnings_upper
        base = positive(min(gross, upper.value) - lower.value)
        params += cite(lower, upper)
        label = (
            f"{choice.employee_rate:%} of qualifying earnings "
            f"(pay between £{lower.value:,} and £{upper.value:,} a year)"
        )
    else:
        base = gross
        label = f"{choice.employee_rate:%} of gross pay"
    amount = base * choice.employee_rate
    if choice.relief == "relief_at_source":
        # The member pays the contribution net of basic-rate relief (FA 2004 s.192); the stated
        # rate is the gross contribution, so the member pays (1 - basic rate) of it.
        basic = rules.uk_rates.value[0].rate
        amount = amount * (1 - basic)
        label += f", {RELIEF_AT_SOURCE_NOTE}"
        params += cite(rules.uk_rates)
    label = label.replace(".000000%", "%").replace("0000%", "%")
    return amount, choice.relief, (Line("pension", label.capitalize(), amount, "year", params),), ()


def national_insurance(gross: Decimal, rules: EarningsRules) -> tuple[Decimal, tuple[Line, ...]]:
    """Employee primary Class 1 NI on a year's pay (SSCBA 1992 s.8); pension under net pay does not reduce it."""
    c1 = rules.national_insurance
    pt, uel = c1.primary_threshold, c1.upper_earnings_limit
    main, extra = c1.main_primary_percentage, c1.additional_primary_percentage
    main_band = positive(min(gross, uel.value) - pt.value)
    above = positive(gross - uel.value)
    lines = [
        Line(
            "ni_main",
            f"{main.value:.0%} of pay between £{pt.value:,} and £{uel.value:,}",
            main_band * main.value,
            "year",
            cite(pt, uel, main),
        )
    ]
    if above > ZERO:
        lines.append(
            Line(
                "ni_additional",
                f"{extra.value:.0%} of pay above £{uel.value:,}",
                above * extra.value,
                "year",
                cite(uel, extra),
            )
        )
    return sum((line.amount for line in lines), ZERO), tuple(lines)


def pay(
    adult: Adult, rules: EarningsRules
) -> tuple[Decimal, Decimal, str, Decimal, tuple[Line, ...], tuple[Warning, ...]]:
    """Hours, a year's gross pay, pension relief method, a year's pension and lines for one adult."""
    if adult.job is not None:
        weekly = adult.job.hourly_pay * adult.job.hours
        gross = weekly * WEEKS_IN_YEAR
        choice: PensionChoice = adult.job.pension
        hours = adult.job.hours
        gross_line = Line("gross_pay", f"{hours} hours x £{adult.job.hourly_pay} an hour x 52 weeks", gross, "year")
    elif adult.earnings is not None:
        gross = convert(adult.earnings.amount, adult.earnings.period, "year")
        choice = adult.pension
        hours = ZERO
        gross_line = Line(
            "gross_pay",
            f"Fixed earnings of £{adult.earnings.amount} a {adult.earnings.period.replace('_', ' ')}",
            gross,
            "year",
        )
    else:
        return ZERO, ZERO, "none", ZERO, (), ()
    pension, relief, pension_lines, warnings = _pension(choice, gross, rules, adult.age)
    return hours, gross, relief, pension, (gross_line, *pension_lines), warnings
