"""One batch item in, one answer out: ``{"id", "ok": true, "result"}`` or ``{"id", "ok": false, "error"}``.

An item is ``{"id", "scenario", "hours", "period"}``; every error is a
:class:`~benefitcalc.errors.BenefitcalcError` in the documented shape (``{"kind", "where",
"message"}``), and ``where`` names the item's own field (``hours``, ``period``, ``scenario``), never
a command-line option.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from benefitcalc.errors import BenefitcalcError, ScenarioError
from benefitcalc.hours import parse_hours
from benefitcalc.loader import RuleSet

DEFAULT_HOURS = ("0", "8", "16", "24", "30", "37.5")
ITEM_KEYS = ("id", "scenario", "hours", "period")


def item_hours(value: Any, default: Iterable[Any] = DEFAULT_HOURS) -> list[Any]:
    """The hours of an item: a list of numbers, or text such as ``0:40:2`` (the item's ``hours`` field)."""
    if value is None:
        return list(default)
    if isinstance(value, str):
        return list(parse_hours(value, "hours"))
    if (
        isinstance(value, list)
        and value
        and all(isinstance(v, (int, float, str, Decimal)) and not isinstance(v, bool) for v in value)
    ):
        return value
    raise ScenarioError("must be a list of numbers of hours, or a string such as 0:40:2", "hours")


def calculate_item(
    item: Any, rules: RuleSet, default_hours: Iterable[Any] = DEFAULT_HOURS, default_period: str = "month"
) -> dict[str, Any]:
    """One request item -> one JSON document (docs/json.md). Raises BenefitcalcError for bad input."""
    from benefitcalc.api import to_json

    if not isinstance(item, dict) or "scenario" not in item:
        raise ScenarioError(
            "each item must be an object with `scenario` (and optionally `hours`, `period`, `id`)", "item"
        )
    extra = set(item) - set(ITEM_KEYS)
    if extra:
        raise ScenarioError(f"unknown key(s) {sorted(extra)}; allowed: id, scenario, hours, period", "item")
    period = item.get("period", default_period)
    return to_json(item["scenario"], item_hours(item.get("hours"), default_hours), period=period, rules=rules)


def error_row(ident: Any, error: BenefitcalcError) -> dict[str, Any]:
    return {"id": ident, "ok": False, "error": error.to_dict()}


def batch(items: Iterable[Any], rules: RuleSet) -> Iterator[dict[str, Any]]:
    """A result or an error for every item, in order; ``id`` is echoed (or the item's index)."""
    for index, item in enumerate(items):
        ident = item.get("id", index) if isinstance(item, dict) else index
        try:
            yield {"id": ident, "ok": True, "result": calculate_item(item, rules)}
        except BenefitcalcError as exc:
            yield error_row(ident, exc)
