"""Universal Credit: the child element, the two-child limit and the disabled child addition (regs 24, 24A)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from benefitcalc.breakdown import Line, Warning
from benefitcalc.periods import ZERO
from benefitcalc.programmes.universal_credit.rules import ChildRules
from benefitcalc.ruleview import cite
from benefitcalc.scenario import Child, Scenario

TWO_CHILD_LIMIT_DATE = date(2017, 4, 6)  # reg 24A(1)(b): children born on or after this day
HIGHER_FIRST_CHILD_DATE = date(2017, 4, 6)  # reg 24(1)(a) as amended by SI 2017/376


def _birth_range(child: Child, day: date) -> tuple[date, date]:
    if child.date_of_birth is not None:
        return child.date_of_birth, child.date_of_birth
    assert child.age is not None
    latest = _years_before(day, child.age)
    earliest = date.fromordinal(_years_before(day, child.age + 1).toordinal() + 1)
    return earliest, latest


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def born_before(child: Child, cutoff: date, day: date) -> tuple[bool, bool]:
    """(born before cutoff?, was that an assumption?). Where age alone cannot tell, assume born on
    or after the cutoff: the lower amount, so the estimate is never too high."""
    earliest, latest = _birth_range(child, day)
    if latest < cutoff:
        return True, False
    if earliest >= cutoff:
        return False, False
    return False, True


def _child_order(children: Sequence[Child], day: date) -> list[tuple[int, Child]]:
    """Eldest first (reg 24A counts children in order of birth)."""
    return sorted(enumerate(children), key=lambda item: _birth_range(item[1], day)[0])


def child_elements(
    scenario: Scenario, rules: ChildRules, day: date
) -> tuple[Decimal, Decimal, list[Line], list[Warning]]:
    higher, lower = rules.first_child_higher_rate, rules.child_amount
    limit = rules.child_limit
    child_total = ZERO
    disabled_total = ZERO
    lines: list[Line] = []
    warnings: list[Warning] = []
    counted = 0
    assumed = False
    for position, (index, child) in enumerate(_child_order(scenario.children, day)):
        before, guess = born_before(child, TWO_CHILD_LIMIT_DATE, day)
        assumed = assumed or guess
        label = f"child {index + 1}"
        if limit.value is not None and not before and counted >= limit.value and not child.two_child_limit_exception:
            lines.append(
                Line(
                    f"child_element_{index + 1}",
                    f"No child element for {label}: two-child limit (reg 24A)",
                    ZERO,
                    "month",
                    cite(limit),
                )
            )
        else:
            # Higher rate only for a first child born before 6 April 2017 (reg 24(1)(a) as amended)
            param = higher if position == 0 and before else lower
            child_total += param.value
            counted += 1
            lines.append(
                Line(f"child_element_{index + 1}", f"Child element for {label}", param.value, "month", cite(param))
            )
        if child.disability != "none":
            # Disabled child addition is paid for every disabled child, limit or not (reg 24(2))
            rate = rules.disabled_child_higher_rate if child.disability == "higher" else rules.disabled_child_lower_rate
            disabled_total += rate.value
            lines.append(
                Line(
                    f"disabled_child_{index + 1}",
                    f"Disabled child addition ({child.disability} rate) for {label}",
                    rate.value,
                    "month",
                    cite(rate),
                )
            )
    if assumed:
        warnings.append(
            Warning(
                "child_birth_date_assumed",
                "A child's age alone cannot tell whether they were born before 6 April 2017; the calculation assumes "
                "on or after that date (the lower child element and, before April 2026, inside the two-child limit). "
                "Give `date_of_birth` for an exact answer.",
            )
        )
    return child_total, disabled_total, lines, warnings
