"""Hours a week as people and programs give them: ``0,8,16``, ``0:40:2`` or a number.

Low in the package (it needs only the errors), so the CLI, the HTTP service and the library's
front door (:mod:`benefitcalc.api`) read hours the same way.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from benefitcalc.errors import ScenarioError

MAX_HOURS = Decimal(168)  # the hours in a week
MAX_RANGE_POINTS = 2000


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
