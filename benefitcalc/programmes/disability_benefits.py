"""PIP, Adult Disability Payment (Scotland), DLA and Attendance Allowance: weekly rates by
component. Not means-tested, not affected by work or earnings, not taxable, and ignored as income
by Universal Credit (UC Regs 2013 reg 66 does not list them)."""

from __future__ import annotations

from decimal import Decimal

from benefitcalc.breakdown import Line, ProgrammeResult, Warning
from benefitcalc.loader import ParameterNode
from benefitcalc.periods import ZERO
from benefitcalc.scenario import Adult


def _result(programme: str, name: str, parts: list[tuple[str, str, object]]) -> ProgrammeResult | None:
    lines = []
    total = ZERO
    for key, label, param in parts:
        value: Decimal = param.value  # type: ignore[attr-defined]
        total += value
        lines.append(Line(key, label, value, "week", (param,)))  # type: ignore[arg-type]
    if not lines:
        return None
    lines.append(Line("award", f"{name} a week (not affected by work)", total, "week"))
    return ProgrammeResult(programme, total, "week", tuple(lines))


def pip_like(adult: Adult, p: ParameterNode, nation: str) -> list[ProgrammeResult]:
    out = []
    dwp = p.dwp.disability_benefits
    scot = p.social_security_scotland.disability_payments
    for programme, name, award, node in (
        ("pip", "Personal Independence Payment", adult.pip, dwp.pip),
        (
            "adult_disability_payment",
            "Adult Disability Payment",
            adult.adult_disability_payment,
            scot.adult_disability_payment,
        ),
    ):
        if award is None:
            continue
        parts = []
        if award.daily_living != "none":
            parts.append(
                (
                    "daily_living",
                    f"Daily living component, {award.daily_living} rate",
                    getattr(node, f"daily_living_{award.daily_living}"),
                )
            )
        if award.mobility != "none":
            parts.append(
                ("mobility", f"Mobility component, {award.mobility} rate", getattr(node, f"mobility_{award.mobility}"))
            )
        result = _result(programme, name, parts)
        if result is not None:
            out.append(result)
    dla = adult.disability_living_allowance
    if dla is not None:
        parts = []
        if dla.care != "none":
            parts.append(
                ("care", f"Care component, {dla.care} rate", getattr(p.dwp.disability_benefits.dla, f"care_{dla.care}"))
            )
        if dla.mobility != "none":
            parts.append(
                (
                    "mobility",
                    f"Mobility component, {dla.mobility} rate",
                    getattr(p.dwp.disability_benefits.dla, f"mobility_{dla.mobility}"),
                )
            )
        result = _result("disability_living_allowance", "Disability Living Allowance", parts)
        if result is not None:
            out.append(result)
    if adult.attendance_allowance != "none":
        param = getattr(p.dwp.disability_benefits.attendance_allowance, adult.attendance_allowance)
        result = _result(
            "attendance_allowance",
            "Attendance Allowance",
            [("rate", f"{adult.attendance_allowance.capitalize()} rate", param)],
        )
        if result is not None:
            out.append(result)
    if adult.pip is not None and nation == "scotland":
        out = [
            r
            if r.programme != "pip"
            else ProgrammeResult(
                r.programme,
                r.amount,
                r.period,
                r.lines,
                (
                    Warning(
                        "pip_in_scotland",
                        f"{adult.name}: PIP is being replaced by Adult Disability Payment in Scotland; the rates are the same.",
                    ),
                ),
            )
            for r in out
        ]
    return out
