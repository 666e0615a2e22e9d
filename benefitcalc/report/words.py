"""The report's words: money and hours as a client reads them, names from the registry, plain messages.

Shared by every part of the report (:mod:`benefitcalc.report`); reads the JSON document, never
works out money.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from benefitcalc import registry
from benefitcalc.cashflow.words import long_date as long_date  # the one long date, shared with the timeline
from benefitcalc.scenario import Amount


def name_of(key: str) -> str:
    """The client's name for a programme or passport (registry ``client_name``): 'PIP', 'Free school meals'."""
    spec = registry.BY_KEY.get(key)
    return spec.client_name if spec is not None else key.replace("_", " ").capitalize()


def money(value: Decimal | float, sign: bool = False) -> str:
    """£1,234.56; with ``sign``, -£12.00 for a negative amount."""
    amount = Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    text = f"£{abs(amount):,.2f}"
    return f"-{text}" if amount < 0 and sign else text


def pounds(value: Decimal | float) -> str:
    """£126: to the nearest pound, for the headline and the chart (the tables show pence)."""
    amount = Decimal(str(value)).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    return f"£{abs(amount):,.0f}"


def hours_text(value: Decimal | float) -> str:
    number = Decimal(str(value)).normalize()
    text = f"{number:f}"
    return text


def hours_phrase(values: Sequence[Decimal], baseline: Decimal) -> str:
    """'At 16, 24 and 30 hours a week' / 'Now (not working)' / 'Now, and at 8 hours a week'."""
    now = [v for v in values if v == baseline]
    rest = [hours_text(v) for v in values if v != baseline]
    parts = []
    if rest:
        listed = rest[0] if len(rest) == 1 else ", ".join(rest[:-1]) + " and " + rest[-1]
        parts.append(f"at {listed} hour{'' if rest == ['1'] else 's'} a week")
    if now:
        label = "now (not working)" if baseline == 0 else f"now ({hours_text(baseline)} hours)"
        parts.insert(0, label)
    text = ", and ".join(parts)
    return text[0].upper() + text[1:]


def where(values: Sequence[Decimal], baseline: Decimal) -> str:
    """'now and at 8 and 16 hours a week' / 'at 24 and 30 hours a week' / 'now'."""
    now = any(v == baseline for v in values)
    rest = [hours_text(v) for v in values if v != baseline]
    listed = ""
    if rest:
        listed = rest[0] if len(rest) == 1 else ", ".join(rest[:-1]) + " and " + rest[-1]
        listed = f"at {listed} hour{'' if rest == ['1'] else 's'} a week"
    if now and listed:
        return f"now and {listed}"
    return "now" if now else listed


def period_word(period: str) -> str:
    return {"week": "a week", "month": "a month", "year": "a year"}[period]


_LEGAL_REF = re.compile(
    r"\s*\((?:reg|regs|Sch|s\.|Pensions Act|Universal Credit Act|Welfare Reform Act)\b[^()]*(?:\([^()]*\)[^()]*)*\)"
)
_TRAILING_REF = re.compile(r",\s*regs? [0-9A-Za-z().\-]+(?=\))")


def plain(message: str) -> str:
    """An engine message without its legal references, for a client to read.

    The references stay in the JSON document and `benefitcalc sweep --json` for the adviser.
    """
    text = _TRAILING_REF.sub("", message).replace("`", "")
    text = _LEGAL_REF.sub("", text)
    return re.sub(r"\s{2,}", " ", text).strip()


def d(value: Any) -> Decimal:
    return Decimal(str(value))


def total(values: Iterable[Any]) -> Decimal:
    return sum((d(v) for v in values), Decimal("0.00"))


def reference_value(doc: dict[str, Any], path: str) -> Any:
    ref = doc.get("references", {}).get(path)
    return None if ref is None else ref.get("value")


def amount_given(amount: Amount | None) -> str | None:
    if amount is None:
        return None
    period = {
        "week": "a week",
        "fortnight": "a fortnight",
        "four_weeks": "every four weeks",
        "month": "a month",
        "year": "a year",
    }[amount.period]
    return f"{money(amount.amount)} {period}"


def pension_words(pension: Any) -> str:
    if pension == "none":
        return "no workplace pension"
    if pension == "auto_enrolment":
        return "a workplace pension at the legal minimum (automatic enrolment)"
    rate = Decimal(str(pension.employee_rate)) * 100
    return f"a workplace pension that takes {rate.normalize():f}% of your pay"


def now_means(baseline: Decimal) -> str:
    return (
        "'Now' means not working."
        if baseline == 0
        else f"'Now' means working {hours_text(baseline)} hours a week, as you do now."
    )


def warnings_by_code(doc: dict[str, Any]) -> dict[str, list[tuple[Decimal, str]]]:
    out: dict[str, list[tuple[Decimal, str]]] = {}
    for point in doc["points"]:
        for warning in point.get("warnings", []):
            out.setdefault(warning["code"], []).append((d(point["hours"]), warning["message"]))
    return out


def grouped(items: list[tuple[Decimal, str]], baseline: Decimal, every: int = 0) -> tuple[str, ...]:
    """Each distinct message once, with the hours it applies to: 'At 8 and 16 hours a week: ...'.

    ``every`` is the number of hours options: a message at all of them says so instead.
    """
    by_message: dict[str, list[Decimal]] = {}
    for hours, message in items:
        by_message.setdefault(plain(message), []).append(hours)
    out = []
    for message, at in by_message.items():
        place = "At every number of hours shown" if every > 1 and len(set(at)) == every else hours_phrase(at, baseline)
        out.append(f"{place}: {message}")
    return tuple(out)


def hours_where(doc: dict[str, Any], test: Callable[[dict[str, Any]], bool]) -> list[Decimal]:
    """The hours of the points for which ``test`` holds."""
    return [d(p["hours"]) for p in doc["points"] if test(p)]
