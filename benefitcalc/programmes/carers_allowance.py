"""Carer's Allowance (SSCBA 1992 s.70; Invalid Care Allowance Regs 1976) and, in Scotland, Carer
Support Payment (SSI 2023/302) with the Scottish carer supplements. Weekly.

Both stop entirely in a week when net earnings exceed the earnings limit: a cliff, reported as a
warning. Both are taxable and count in full as unearned income for Universal Credit; the UC carer
element has no earnings test (universal_credit/elements.py).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Self

from msgspec import Struct

from benefitcalc import ruleview as rv
from benefitcalc.breakdown import Line, PersonEarnings, ProgrammeResult, Warning
from benefitcalc.periods import ZERO, convert, pence, pence_down, positive
from benefitcalc.programmes import new_style_esa, new_style_jsa
from benefitcalc.programmes.weekly_earnings import net_weekly_earnings
from benefitcalc.ruleview import RuleReader, Typed, cite
from benefitcalc.scenario import Adult


class ScottishCarerSupplements(Struct, frozen=True):
    """Paid with Carer Support Payment in Scotland: the weekly Scottish Carer Supplement and the
    Carer's Allowance Supplement (a year, in two lump sums; abolished where the rules hold ``null``)."""

    scottish_carer_supplement: Typed[Decimal]
    carers_allowance_supplement: Typed[Decimal | None]


class CarerRules(Struct, frozen=True):
    """One carer benefit: Carer's Allowance (DWP) or Carer Support Payment (Social Security Scotland)."""

    weekly_rate: Typed[Decimal]
    earnings_limit: Typed[Decimal]
    pension_contribution_share: Typed[Decimal]
    care_costs_cap_share: Typed[Decimal]
    minimum_care_hours: Typed[Decimal]
    supplements: ScottishCarerSupplements | None

    @classmethod
    def from_params(cls, r: RuleReader, scotland: bool) -> Self:
        supplements = (
            ScottishCarerSupplements(
                rv.amount(r, "scottish_carer_supplement", period="week"),
                rv.optional_amount(r, "carers_allowance_supplement", period="year"),
            )
            if scotland
            else None
        )
        return cls(
            weekly_rate=rv.amount(r, "weekly_rate", period="week"),
            earnings_limit=rv.amount(r, "earnings_limit", period="week"),
            pension_contribution_share=rv.rate(r, "pension_contribution_share"),
            care_costs_cap_share=rv.rate(r, "care_costs_cap_share"),
            minimum_care_hours=rv.amount(r, "minimum_care_hours", unit="hour", period="week"),
            supplements=supplements,
        )


class CarersAllowanceRules(Struct, frozen=True):
    """Both carer benefits, and the New Style ESA and JSA rules for the overlapping-benefits test."""

    carers_allowance: CarerRules
    carer_support_payment: CarerRules
    new_style_esa: new_style_esa.NewStyleEsaRules
    new_style_jsa: new_style_jsa.NewStyleJsaRules

    @classmethod
    def from_params(cls, r: RuleReader) -> Self:
        return cls(
            carers_allowance=CarerRules.from_params(r.group("dwp.carers_allowance"), scotland=False),
            carer_support_payment=CarerRules.from_params(
                r.group("social_security_scotland.carer_support_payment"), scotland=True
            ),
            new_style_esa=new_style_esa.NewStyleEsaRules.from_params(r),
            new_style_jsa=new_style_jsa.NewStyleJsaRules.from_params(r),
        )

    def for_nation(self, nation: str) -> CarerRules:
        return self.carer_support_payment if nation == "scotland" else self.carers_allowance


def programme_for(nation: str) -> str:
    return "carer_support_payment" if nation == "scotland" else "carers_allowance"


def _tested_earnings(adult: Adult, e: PersonEarnings, rules: CarerRules, lines: list[Line]) -> Decimal | None:
    """Weekly earnings less tax, NI, half of pension contributions and care costs (up to a share of
    the earnings), fractions of a penny ignored; ``None`` without earnings."""
    if e.gross <= 0 or adult.carer is None:
        return None
    share, cap = rules.pension_contribution_share, rules.care_costs_cap_share
    earnings = net_weekly_earnings(e, share.value)
    care_costs = ZERO
    if adult.carer.care_costs is not None:
        paid = convert(adult.carer.care_costs.amount, adult.carer.care_costs.period, "week")
        care_costs = min(paid, earnings * cap.value)
    tested = pence_down(earnings - care_costs)  # fractions of a penny ignored
    label = "Weekly earnings less tax, NI, half of pension contributions and allowable care costs"
    if adult.self_employment is not None:
        # Net profit less tax, Class 2 and 4 NI and half of personal pension payments (SS Benefit
        # (Computation of Earnings) Regs 1996, self-employed earnings)
        label = "Weekly earnings and net profit less tax, NI (Class 2 and 4), half of pension payments and care costs"
    lines.append(
        Line(
            "tested_earnings",
            label,
            tested,
            "week",
            cite(share, cap),
        )
    )
    return tested


def _overlapping(adult: Adult, e: PersonEarnings, all_rules: CarersAllowanceRules) -> Decimal:
    """New Style ESA and JSA a week: paid in preference, Carer's Allowance only tops them up (Social
    Security (Overlapping Benefits) Regulations 1979 reg 4; for Carer Support Payment, SSI 2023/302
    reg 16). The entitlement underlies (the UC carer element is unaffected)."""
    return sum(
        (
            r.amount
            for r in (
                new_style_esa.calculate(adult, e, all_rules.new_style_esa),
                new_style_jsa.calculate(adult, e, all_rules.new_style_jsa),
            )
            if r is not None
        ),
        ZERO,
    )


def _with_supplements(supplements: ScottishCarerSupplements, amount: Decimal, lines: list[Line]) -> Decimal:
    """``amount`` a week with the Scottish Carer Supplement and the Carer's Allowance Supplement added."""
    total = amount
    supplement = supplements.scottish_carer_supplement
    if supplement.value:
        total += supplement.value
        lines.append(
            Line(
                "scottish_carer_supplement",
                "Scottish Carer Supplement, weekly",
                supplement.value,
                "week",
                cite(supplement),
            )
        )
    annual = supplements.carers_allowance_supplement
    if annual.value:
        weekly = convert(annual.value, "year", "week")
        total += weekly
        lines.append(
            Line(
                "carers_allowance_supplement",
                f"Carer's Allowance Supplement, £{annual.value} a year paid in two lump sums, shown weekly",
                weekly,
                "week",
                cite(annual),
            )
        )
    return total


def calculate(adult: Adult, e: PersonEarnings, all_rules: CarersAllowanceRules, nation: str) -> ProgrammeResult | None:
    if adult.carer is None or not adult.carer.claims_carers_allowance:
        return None
    scotland = nation == "scotland"
    rules = all_rules.for_nation(nation)
    name = "Carer Support Payment" if scotland else "Carer's Allowance"
    programme = programme_for(nation)
    hours = rules.minimum_care_hours
    if adult.carer.hours_per_week < hours.value:
        line = Line(
            "award",
            f"No {name}: caring {adult.carer.hours_per_week} hours a week, under {hours.value}",
            ZERO,
            "week",
            cite(hours),
        )
        return ProgrammeResult(programme, ZERO, "week", (line,))
    rate = rules.weekly_rate
    lines = [Line("weekly_rate", f"{name}, weekly rate", rate.value, "week", cite(rate))]
    limit = rules.earnings_limit
    warnings: list[Warning] = [
        Warning(
            "carer_hours_assumed",
            f"{adult.name}: assumes caring {adult.carer.hours_per_week} hours a week for someone getting a qualifying "
            "disability benefit (a legal test for DWP or Social Security Scotland).",
        )
    ]
    tested = _tested_earnings(adult, e, rules, lines)
    if tested is not None:
        if tested > limit.value:
            lines.append(
                Line(
                    "award",
                    f"No {name}: earnings of £{tested} a week are over the £{limit.value} limit",
                    ZERO,
                    "week",
                    cite(limit),
                )
            )
            warnings.append(
                Warning(
                    "carer_earnings_limit",
                    f"{adult.name}: {name} of £{rate.value} a week stops: earnings of £{tested} a week (after tax, NI, "
                    f"half of pension contributions and care costs) are £{pence(tested - limit.value)} over the "
                    f"£{limit.value} limit. The UC carer element continues.",
                )
            )
            return ProgrammeResult(
                programme,
                ZERO,
                "week",
                tuple(lines),
                tuple(warnings),
                (("lost", rate.value), ("taxable", ZERO), ("unearned_for_uc", ZERO)),
            )
        lines.append(
            Line(
                "earnings_test",
                f"Earnings of £{tested} a week are within the £{limit.value} limit",
                ZERO,
                "week",
                cite(limit),
            )
        )
    amount = rate.value
    overlap = _overlapping(adult, e, all_rules)
    if overlap > 0:
        payable = positive(rate.value - overlap)
        lines.append(
            Line(
                "overlapping_benefit",
                f"Less New Style ESA/JSA of £{pence(overlap)} a week paid in preference (overlapping benefits)",
                payable - rate.value,
                "week",
            )
        )
        warnings.append(
            Warning(
                "carer_overlapping_benefit",
                f"{adult.name}: {name} overlaps with New Style ESA/JSA, which is paid first: "
                + (
                    f"{name} tops it up by £{pence(payable)} a week."
                    if payable > 0
                    else f"no {name} is paid (an underlying entitlement only)."
                ),
            )
        )
        if payable <= 0:
            lines.append(
                Line("award", f"No {name} paid: underlying entitlement only (overlapping benefits)", ZERO, "week")
            )
            return ProgrammeResult(
                programme,
                ZERO,
                "week",
                tuple(lines),
                tuple(warnings),
                (("taxable", ZERO), ("unearned_for_uc", ZERO), ("underlying_entitlement", True)),
            )
        amount = payable
    allowance = amount  # the allowance paid, without the Scottish supplements: taxable and UC income
    if rules.supplements is not None:
        amount = _with_supplements(rules.supplements, amount, lines)
    lines.append(Line("award", f"{name} a week", amount, "week"))
    facts: tuple[tuple[str, object], ...] = (("taxable", allowance), ("unearned_for_uc", allowance))
    return ProgrammeResult(programme, amount, "week", tuple(lines), tuple(warnings), facts)


def weekly_taxable(result: ProgrammeResult) -> Decimal:
    """The taxable part a week: the allowance itself, not the Scottish supplements."""
    value = result.fact("taxable", ZERO)
    assert isinstance(value, Decimal)
    return value


def unearned_for_uc(result: ProgrammeResult) -> Decimal:
    """The part UC deducts as unearned income (reg 66(1)(b)): the allowance, not the supplements."""
    value = result.fact("unearned_for_uc", ZERO)
    assert isinstance(value, Decimal)
    return value
