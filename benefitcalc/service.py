"""Embedding: batch calculation, a thin view of :func:`benefitcalc.api.to_json`.

In a batch every input item gets exactly one output item: a result or an error in the documented
shape (``{"kind", "where", "message"}``). The HTTP service is :mod:`benefitcalc.web`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from benefitcalc.errors import BenefitcalcError, ScenarioError
from benefitcalc.hours import parse_hours
from benefitcalc.loader import RuleSet

MAX_BODY = 2 * 1024 * 1024  # bytes
MAX_BATCH = 1000
DEFAULT_HOURS = ("0", "8", "16", "24", "30", "37.5")


def _hours(value: Any) -> list[Any]:
    if value is None:
        return list(DEFAULT_HOURS)
    if isinstance(value, str):
        return list(parse_hours(value))
    if (
        isinstance(value, list)
        and value
        and all(isinstance(v, (int, float, str, Decimal)) and not isinstance(v, bool) for v in value)
    ):
        return value
    raise ScenarioError("must be a list of numbers of hours, or a string such as 0:40:2", "hours")


def calculate_item(item: Any, rules: RuleSet) -> dict[str, Any]:
    """One request item -> one JSON document. Raises BenefitcalcError for bad input."""
    from benefitcalc.api import to_json

    if not isinstance(item, dict) or "scenario" not in item:
        raise ScenarioError(
            "each item must be an object with `scenario` (and optionally `hours`, `period`, `id`)", "item"
        )
    extra = set(item) - {"id", "scenario", "hours", "period"}
    if extra:
        raise ScenarioError(f"unknown key(s) {sorted(extra)}; allowed: id, scenario, hours, period", "item")
    period = item.get("period", "month")
    return to_json(item["scenario"], _hours(item.get("hours")), period=period, rules=rules)


def batch(items: Iterable[Any], rules: RuleSet) -> Iterator[dict[str, Any]]:
    """A result or an error for every item, in order; ``id`` is echoed (or the item's index)."""
    for index, item in enumerate(items):
        ident = item.get("id", index) if isinstance(item, dict) else index
        try:
            yield {"id": ident, "ok": True, "result": calculate_item(item, rules)}
        except BenefitcalcError as exc:
            yield {"id": ident, "ok": False, "error": exc.to_dict()}


def batch_lines(lines: Iterable[str], rules: RuleSet) -> Iterator[dict[str, Any]]:
    """JSON Lines in, one result or error per non-blank line out.

    A line may be a bare scenario or ``{id, scenario, hours, period}``; the id defaults to
    ``line N``. A line that is not JSON gets an error row, like any other bad item.
    """
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        ident = f"line {number}"
        try:
            item = json.loads(line, parse_float=Decimal)
        except json.JSONDecodeError as exc:
            yield {"id": ident, "ok": False, "error": ScenarioError(f"not valid JSON: {exc}", ident).to_dict()}
            continue
        if isinstance(item, dict) and "scenario" not in item:
            item = {"id": ident, "scenario": item}  # a bare scenario
        elif isinstance(item, dict) and "id" not in item:
            item = {**item, "id": ident}
        yield from batch([item], rules)


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(f"cannot encode {type(value).__name__}")
