"""Universal Credit: earned income in an assessment period with self-employment (regs 55, 57, 62).

Each adult's earned income is their employed earnings (reg 55) plus their self-employed earnings
(reg 57: profit less the income tax and NI paid on it, less pension payments; nil, not below, for a
loss); then the minimum income floor lifts it where it applies (reg 62, :mod:`.self_employed`). The
breakdown always carries four lines, 0 when not used: ``self_employed_earnings``,
``minimum_income_floor``, ``losses_brought_forward`` and ``surplus_earnings``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from benefitcalc.breakdown import Line, PersonEarnings, Warning
from benefitcalc.loader import Param
from benefitcalc.periods import MONTHS_IN_YEAR, ZERO, pence, positive
from benefitcalc.programmes.universal_credit.means_test import relievable_pension
from benefitcalc.programmes.universal_credit.rules import UniversalCreditRules
from benefitcalc.programmes.universal_credit.self_employed import (
    FloorStatus,
    MinimumIncomeFloorRules,
    Threshold,
    floor_status,
    individual_threshold,
)
from benefitcalc.scenario import Adult, Scenario, add_months


def _trade_share_of_tax(e: PersonEarnings, uc: UniversalCreditRules) -> Decimal:
    """The income tax on earnings that is "in respect of the trade" (reg 57(2) step 3): the tax shared
    between pay and taxable profit in proportion to each (a model: the tax is one computation)."""
    se = e.self_employment
    assert se is not None
    employee_pension = e.pension - se.personal_pension
    pay = e.employed_gross - (employee_pension if e.pension_relief == "net_pay" else ZERO)
    taxed = pay + se.taxable_profit
    return e.income_tax_on_earnings * se.taxable_profit / taxed if taxed > 0 else ZERO


def person_earned_income(e: PersonEarnings, uc: UniversalCreditRules) -> tuple[Decimal, Decimal]:
    """(earned income, of which self-employed) a month for one adult, before the minimum income floor."""
    se = e.self_employment
    if se is None:
        relievable = relievable_pension(e, uc)
        return (e.gross - e.income_tax_on_earnings - e.national_insurance - relievable) / MONTHS_IN_YEAR, ZERO
    trade_tax = _trade_share_of_tax(e, uc)
    # Steps 1-4: profit less tax and NI paid on it, less personal pension payments; nil for a loss
    self_employed = positive(max(se.profit, ZERO) - trade_tax - se.national_insurance - se.personal_pension_gross)
    employee_pension = e.pension - se.personal_pension
    if e.pension_relief == "relief_at_source":
        employee_pension = employee_pension / (1 - uc.basic_rate)
    class_1 = e.national_insurance - se.national_insurance
    employed = e.employed_gross - (e.income_tax_on_earnings - trade_tax) - class_1 - employee_pension
    return (employed + self_employed) / MONTHS_IN_YEAR, self_employed / MONTHS_IN_YEAR


def _person_line(e: PersonEarnings, net: Decimal) -> Line:
    if e.self_employment is None:
        gross_up = " (relief at source: the gross contribution)" if e.pension_relief == "relief_at_source" else ""
        label = f"{e.name}: pay less income tax, NI and pension{gross_up}, monthly (reg 55(5))"
    elif e.employed_gross > 0:
        label = f"{e.name}: pay and self-employed profit less income tax, NI and pension, monthly (regs 55(5), 57)"
    else:
        label = f"{e.name}: self-employed profit less income tax, NI and pension, monthly (reg 57)"
    return Line(f"earned_income_{e.name}", label, net, "month")


def _floor_amounts(
    scenario: Scenario, nets: Sequence[Decimal], statuses: Sequence[FloorStatus], thresholds: Sequence[Threshold]
) -> list[Decimal]:
    """Reg 62(2) (single) and 62(3) (couple): each adult's earned income after the floor."""
    treated = list(nets)
    couple_threshold = sum((t.net for t in thresholds), ZERO)  # reg 90(3)(a), net (reg 62(4))
    for i, status in enumerate(statuses):
        if not status.applies or nets[i] >= thresholds[i].net:
            continue
        if not scenario.is_couple:
            treated[i] = thresholds[i].net
            continue
        other = nets[1 - i]
        if nets[i] + other < couple_threshold:
            treated[i] = thresholds[i].net - positive(thresholds[i].net + other - couple_threshold)
    return treated


def _floor_line(
    adults: Sequence[Adult], statuses: Sequence[FloorStatus], thresholds: Sequence[Threshold], lift: Decimal
) -> Line:
    parts = []
    params: tuple[Param, ...] = ()
    for adult, status, t in zip(adults, statuses, thresholds, strict=True):
        if adult.self_employment is None:
            continue
        if status.applies:
            parts.append(
                f"{adult.name} at least £{t.net:,.2f} ({t.hours} hours x £{t.wage.value} x 52 / 12 = "
                f"£{t.gross:,.2f}, less £{t.deduction:,.2f} notional tax and NI)"
            )
            params += t.params
        else:
            parts.append(f"{adult.name}: not applied, {status.why}")
    if not parts:
        return Line("minimum_income_floor", "Minimum income floor: no one is self-employed (reg 62)", ZERO, "month")
    label = "Minimum income floor (reg 62): " + "; ".join(parts)
    if lift > 0:
        label += f"; earned income raised by £{lift:,.2f}"
    return Line("minimum_income_floor", label, lift, "month", tuple(dict.fromkeys(params)))


def _floor_warnings(
    adult: Adult, status: FloorStatus, threshold: Threshold, day: date, rules: MinimumIncomeFloorRules
) -> list[Warning]:
    """The floor in plain words, the end of the start-up period, and what to report."""
    business = adult.self_employment
    assert business is not None
    out = [
        Warning(
            "self_employed_reporting",
            f"{adult.name}: each month, report to Universal Credit the money the business received and paid out in "
            "the assessment period (cash in and out, not invoices), and any income tax, NI and pension payments made "
            "(UC Regs 2013 reg 57). Keep receipts, invoices and bank statements. This calculation treats every month "
            "alike; real months differ.",
        )
    ]
    floor = f"£{threshold.net:,.2f} a month"
    how = f"{threshold.hours} hours a week at £{threshold.wage.value} an hour, less notional tax and NI"
    if status.applies:
        out.append(
            Warning(
                "minimum_income_floor",
                f"{adult.name}: UC treats {adult.name} as earning at least {floor} once the business is past its first "
                f"year (the minimum income floor: {how}; UC Regs 2013 reg 62). Profit below that does not raise "
                "Universal Credit.",
            )
        )
    start = status.start_up
    if start is not None and start.applies and start.ends is not None and threshold.net > 0:
        out.append(
            Warning(
                "minimum_income_floor_after_start_up",
                f"{adult.name}: UC treats {adult.name} as earning at least {floor} once the business is past its first "
                f"year, from {start.ends.isoformat()} when the start-up period ends (the minimum income floor: {how}; "
                "UC Regs 2013 regs 62, 63).",
            )
        )
        if start.ends <= add_months(day, 12):
            out.append(
                Warning(
                    "start_up_period_ends",
                    f"{adult.name}'s start-up period ends on {start.ends.isoformat()}, inside the year shown: from "
                    f"then Universal Credit counts earnings of at least {floor}, so if profits stay below that the "
                    "award falls (UC Regs 2013 reg 63).",
                )
            )
    if not business.gainfully_self_employed:
        out.append(
            Warning(
                "not_gainfully_self_employed",
                f"{adult.name}: not in gainful self-employment (UC Regs 2013 reg 64), so no minimum income floor; the "
                "work coach may instead ask for work search for other work.",
            )
        )
    return out


# The lines that are the same at every point (every month is taken as the same): built once.
_LOSSES_BROUGHT_FORWARD = Line(
    "losses_brought_forward",
    "Losses brought forward: none used (every month is taken as the same, so no month's loss is carried "
    "to a month with profit; reg 57A)",
    ZERO,
    "month",
)
_SURPLUS_EARNINGS = Line(
    "surplus_earnings",
    "Surplus earnings: none (every month is taken as the same, so there is no earlier month of high "
    "earnings to carry forward; reg 54A)",
    ZERO,
    "month",
)
_NO_SELF_EMPLOYED_EARNINGS = Line("self_employed_earnings", "Self-employed earnings: none (reg 57)", ZERO, "month")
_NO_FLOOR = Line("minimum_income_floor", "Minimum income floor: no one is self-employed (reg 62)", ZERO, "month")


def earned_income_with_floor(
    scenario: Scenario, earnings: Sequence[PersonEarnings], uc: UniversalCreditRules, day: date
) -> tuple[Decimal, list[Line], list[Warning]]:
    """Earned income for the assessment period (reg 22), joint claimants' combined, with the lines."""
    rules = uc.self_employment
    lines: list[Line] = []
    nets: list[Decimal] = []
    self_employed = ZERO
    for e in earnings:
        net, part = person_earned_income(e, uc) if e.gross > 0 or e.self_employment is not None else (ZERO, ZERO)
        nets.append(net)
        self_employed += part
        if e.gross > 0:
            lines.append(_person_line(e, net))
    if not any(adult.self_employment is not None for adult in scenario.adults):
        # No one is self-employed: no self-employed earnings, and no floor (reg 62(1)) to work out
        # thresholds for, so the four lines are the constant ones.
        lines.extend((_NO_SELF_EMPLOYED_EARNINGS, _NO_FLOOR, _LOSSES_BROUGHT_FORWARD, _SURPLUS_EARNINGS))
        earned = sum(nets, ZERO)
        lines.append(Line("earned_income", "Earned income (reg 22)", earned, "month"))
        return earned, lines, []
    label = "Self-employed earnings: profit less tax and NI paid and pension payments (reg 57)"
    if not any(e.self_employment is not None for e in earnings):
        label = "Self-employed earnings: none (reg 57)"
    lines.append(Line("self_employed_earnings", label, self_employed, "month"))

    statuses = [floor_status(adult, scenario, rules, day) for adult in scenario.adults]
    thresholds = [individual_threshold(adult, scenario, rules, day) for adult in scenario.adults]
    treated = _floor_amounts(scenario, nets, statuses, thresholds) if any(s.applies for s in statuses) else nets
    lift = sum(treated, ZERO) - sum(nets, ZERO)
    lift = pence(lift) if lift else ZERO
    lines.append(_floor_line(scenario.adults, statuses, thresholds, lift))
    lines.extend((_LOSSES_BROUGHT_FORWARD, _SURPLUS_EARNINGS))
    earned = sum(nets, ZERO) + lift
    lines.append(Line("earned_income", "Earned income (reg 22)", earned, "month"))
    warnings: list[Warning] = []
    for adult, status, threshold in zip(scenario.adults, statuses, thresholds, strict=True):
        if adult.self_employment is not None:
            warnings.extend(_floor_warnings(adult, status, threshold, day, rules))
    return earned, lines, warnings
