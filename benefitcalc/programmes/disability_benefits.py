"""PIP, Adult Disability Payment (Scotland), DLA and Attendance Allowance: weekly rates by
component. Not means-tested, not affected by work or earnings, not taxable, and ignored as income
by Universal Credit (UC Regs 2013 reg 66 does not list them)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Self

from msgspec import Struct

from benefitcalc import ruleview as rv
from benefitcalc.breakdown import Line, ProgrammeResult, Warning
from benefitcalc.periods import ZERO
from benefitcalc.ruleview import RuleReader, Typed, cite
from benefitcalc.scenario import Adult

Rates = Mapping[str, Typed[Decimal]]  # weekly rates by the name in the rules, e.g. "daily_living_standard"

PIP_RATES = ("daily_living_standard", "daily_living_enhanced", "mobility_standard", "mobility_enhanced")
DLA_RATES = ("care_lowest", "care_middle", "care_highest", "mobility_lower", "mobility_higher")
AA_RATES = ("lower", "higher")


def _rates(r: RuleReader, group: str, names: tuple[str, ...]) -> Rates:
    g = r.group(group)
    return MappingProxyType({name: rv.amount(g, name, period="week") for name in names})


class DisabilityBenefitsRules(Struct, frozen=True):
    """The weekly rate of each component of PIP, ADP (the same rates), DLA and Attendance Allowance."""

    pip: Rates
    adult_disability_payment: Rates
    dla: Rates
    attendance_allowance: Rates

    @classmethod
    def from_params(cls, r: RuleReader) -> Self:
        return cls(
            pip=_rates(r, "dwp.disability_benefits.pip", PIP_RATES),
            adult_disability_payment=_rates(
                r, "social_security_scotland.disability_payments.adult_disability_payment", PIP_RATES
            ),
            dla=_rates(r, "dwp.disability_benefits.dla", DLA_RATES),
            attendance_allowance=_rates(r, "dwp.disability_benefits.attendance_allowance", AA_RATES),
        )


Part = tuple[str, str, Typed[Decimal]]  # line key, label, the weekly rate


def _result(programme: str, name: str, parts: list[Part]) -> ProgrammeResult | None:
    lines = []
    total = ZERO
    for key, label, rate in parts:
        total += rate.value
        lines.append(Line(key, label, rate.value, "week", cite(rate)))
    if not lines:
        return None
    lines.append(Line("award", f"{name} a week (not affected by work)", total, "week"))
    return ProgrammeResult(programme, total, "week", tuple(lines))


def _components(rates: Rates, components: tuple[tuple[str, str, str], ...]) -> list[Part]:
    """A part for each (line key, component name, rate awarded) whose rate is not ``none``."""
    return [
        (key, f"{label} component, {level} rate", rates[f"{key}_{level}"])
        for key, label, level in components
        if level != "none"
    ]


def pip_like(adult: Adult, rules: DisabilityBenefitsRules, nation: str) -> list[ProgrammeResult]:
    results: list[ProgrammeResult | None] = []
    for programme, name, award, rates in (
        ("pip", "Personal Independence Payment", adult.pip, rules.pip),
        (
            "adult_disability_payment",
            "Adult Disability Payment",
            adult.adult_disability_payment,
            rules.adult_disability_payment,
        ),
    ):
        if award is not None:
            parts = _components(
                rates, (("daily_living", "Daily living", award.daily_living), ("mobility", "Mobility", award.mobility))
            )
            results.append(_result(programme, name, parts))
    dla = adult.disability_living_allowance
    if dla is not None:
        parts = _components(rules.dla, (("care", "Care", dla.care), ("mobility", "Mobility", dla.mobility)))
        results.append(_result("disability_living_allowance", "Disability Living Allowance", parts))
    if adult.attendance_allowance != "none":
        rate = rules.attendance_allowance[adult.attendance_allowance]
        part = ("rate", f"{adult.attendance_allowance.capitalize()} rate", rate)
        results.append(_result("attendance_allowance", "Attendance Allowance", [part]))
    out = [r for r in results if r is not None]
    if adult.pip is not None and nation == "scotland":
        warning = Warning(
            "pip_in_scotland",
            f"{adult.name}: PIP is being replaced by Adult Disability Payment in Scotland; the rates are the same.",
        )
        out = [
            r if r.programme != "pip" else ProgrammeResult(r.programme, r.amount, r.period, r.lines, (warning,))
            for r in out
        ]
    return out
