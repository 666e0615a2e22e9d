"""Hours a week as people and programs give them: ``0,8,16``, ``0:40:2`` or a number; and monthly
profits for a profit sweep, in the same forms (``0:1500:100``).

Low in the package (it needs only the errors), so the CLI, the HTTP service and the library's
front door (:mod:`benefitcalc.api`) read hours the same way.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from benefitcalc.errors import ScenarioError

MAX_HOURS = Decimal(168)  # the hours in a week
MAX_RANGE_POINTS = 2000
MAX_MONTHLY_PROFIT = Decimal(100000)  # benefitcalc.analysis.axis.MAX_MONTHLY_PROFIT: the top of a profit sweep


def _range(part: str, where: str) -> list[Decimal]:
    """``start:stop:step`` with the stop included."""
    bits = part.split(":")
    if len(bits) != 3:
        raise ScenarioError(f"range {part!r} must be start:stop:step, e.g. 0:40:2", where)
    start, stop, step = (Decimal(b) for b in bits)
    if step <= 0:
        raise ScenarioError(f"the step in {part!r} must be more than 0", where)
    if stop < start:
        raise ScenarioError(f"the range {part!r} runs backwards", where)
    if (stop - start) / step > MAX_RANGE_POINTS:
        raise ScenarioError(f"the range {part!r} has more than 2,000 points", where)
    values = []
    current = start
    while current <= stop:
        values.append(current)
        current += step
    return values


def parse_hours(text: str, where: str = "--hours") -> list[Decimal]:
    """``0,8,16`` or ``0:40:2`` (start:stop:step, stop included) or a mix: ``0:16:4,30,37.5``.

    Repeats are dropped (the first kept); every value is from 0 to 168.
    """
    values: list[Decimal] = []
    try:
        for part in text.split(","):
            part = part.strip()
            if not part:
                continue
            if ":" in part:
                values.extend(_range(part, where))
            else:
                values.append(Decimal(part))
    except InvalidOperation:
        raise ScenarioError(f"{text!r} is not a list of hours: use 0,8,16 or 0:40:2", where) from None
    if not values:
        raise ScenarioError("no hours given: use 0,8,16 or 0:40:2", where)
    for value in values:
        if not value.is_finite() or value < 0 or value > MAX_HOURS:
            raise ScenarioError(f"{value} is not a number of hours a week from 0 to 168", where)
    return list(dict.fromkeys(values))


def hours_value(value: int | float | str | Decimal, where: str = "hours") -> Decimal:
    """One number of hours a week (a number or its text), checked to be from 0 to 168."""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise ScenarioError(f"{value!r} is not a number of hours", where) from None
    if not number.is_finite():
        raise ScenarioError(f"{value!r} is not a number of hours", where)
    if number < 0 or number > MAX_HOURS:
        raise ScenarioError(f"{number} is not a number of hours a week from 0 to 168", where)
    return number


def _profit(number: Decimal, shown: object, where: str) -> Decimal:
    if not number.is_finite() or number < 0 or number > MAX_MONTHLY_PROFIT:
        raise ScenarioError(f"{shown} is not a profit a month from 0 to 100000", where)
    if number != number.quantize(Decimal("0.01")):
        raise ScenarioError(f"{shown} is not a whole number of pence", where)
    return number


def parse_profits(text: str, where: str = "--profits") -> list[Decimal]:
    """Monthly profits: ``0,500,1000`` or ``0:1500:100`` (start:stop:step, stop included) or a mix;
    each from 0 to 100,000 and to the penny, repeats dropped."""
    values: list[Decimal] = []
    try:
        for part in text.split(","):
            part = part.strip()
            if part:
                values.extend(_range(part, where) if ":" in part else [Decimal(part)])
    except InvalidOperation:
        raise ScenarioError(f"{text!r} is not a list of profits: use 0,500,1000 or 0:1500:100", where) from None
    if not values:
        raise ScenarioError("no profits given: use 0,500,1000 or 0:1500:100", where)
    return list(dict.fromkeys(_profit(value, value, where) for value in values))


def profit_value(value: int | float | str | Decimal, where: str = "profits") -> Decimal:
    """One profit a month (a number or its text), from 0 to 100,000, to the penny."""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise ScenarioError(f"{value!r} is not a profit", where) from None
    return _profit(number, repr(value) if not number.is_finite() else number, where)
