"""The cliff edges the report marks on its chart, in a client's words.

The analysis's ``cliffs`` count only money; help given in kind (free prescriptions, school meals) is
marked from the engine's warnings, between the two hours options where it first appears. With no
``cliffs`` in the document at all, every stop is. The words and which causes to mark come from the
registry (:mod:`benefitcalc.registry`): each cause's ``client`` words, ``warning`` and ``mark_gain``.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal, InvalidOperation
from typing import Any

from benefitcalc import registry
from benefitcalc.analysis import PENSION_CAUSE, half_hours_down
from benefitcalc.report.model import Marker
from benefitcalc.report.words import d, hours_text, money, name_of, period_word, plain

MOST_NAMED = 3  # the changes named for each marker, largest first

# Causes the engine warns about at every point past them: help that stops as hours go up.
STOP_CAUSES: tuple[str, ...] = tuple(dict.fromkeys(c.code for _, c in registry.causes() if c.warning))
# Of those, help given in kind (passported), which the analysis's cliffs do not count.
IN_KIND_CAUSES: frozenset[str] = frozenset(
    c.code for s, c in registry.causes() if isinstance(s, registry.ProgrammeSpec) and s.kind == "in_kind"
)
# Steps up worth marking too: something stops or the cap lifts, but the household gains overall.
GAIN_CAUSES: frozenset[str] = frozenset(c.code for _, c in registry.causes() if c.mark_gain)


def _capital(words: str) -> str:
    return words[:1].upper() + words[1:]


def client_words(code: str, doc: dict[str, Any], gain: bool = False) -> str | None:
    """The client's words for a cause: those of the programme paid in this case where several share
    the code (Carer's Allowance or Carer Support Payment); None where the registry has none."""
    found = [(s, c) for s, c in registry.causes() if c.code == code]
    if not found:
        return None
    paid = [(s, c) for s, c in found if any(p.get("benefits", {}).get(s.key) for p in doc.get("points", []))]
    _, cause = paid[-1] if paid else found[0]
    return (cause.client_on_gain or cause.client) if gain else cause.client


def _number(value: Any) -> Decimal | None:
    try:
        return None if value is None else Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _moved(edge: dict[str, Any], period: str) -> str:
    """The largest changes across an edge in a client's words: 'Universal Credit goes up by £72.75 a week'."""
    key = "weekly" if period == "week" else "monthly"
    per = period_word(period)
    moved = [
        (part, d(value[key]))
        for part, value in (edge.get("changes") or {}).items()
        if part != "earnings" and isinstance(value, dict) and value.get(key)
    ]
    moved.sort(key=lambda item: (-abs(item[1]), item[1]))  # the larger first; of two the same size, the loss
    words = []
    for part, effect in moved[:MOST_NAMED]:
        component = registry.COMPONENT_BY_KEY.get(part)
        own = effect * (component.sign if component is not None else 1)  # tax paid, benefit received
        plural = component is not None and component.plural
        name = registry.title(part) if component is not None else name_of(part)
        verb = ("go" if plural else "goes") + (" up" if own > 0 else " down")
        words.append(f"{name} {verb} by {money(abs(own))} {per}")
    if len(words) > 1:
        return ", ".join(words[:-1]) + " and " + words[-1]
    return words[0] if words else ""


def _half_up(hours: Decimal) -> Decimal:
    return (hours * 2).to_integral_value(rounding=ROUND_CEILING) / 2


def edge_text(edge: dict[str, Any], doc: dict[str, Any], gain: bool) -> str:
    """What a cliff (or a marked step up) means for the client, in hours a client can work: where it
    falls (a whole or half hour), the hours and pay up to which it does not, the largest changes and
    the money it makes, each with its own figure (no direction taken for granted)."""
    period = doc["period"]
    words = client_words(str(edge.get("cause", "")), doc, gain)
    at = _number(edge.get("hours"))
    safe = _number(edge.get("safe_hours_rounded", edge.get("safe_hours")))
    safe = None if safe is None else half_hours_down(safe)  # hours a client can work, never past the edge
    safe_pay = _number(edge.get("safe_hours_rounded_gross_weekly_earnings"))
    amount = _number(edge.get(("weekly_" if period == "week" else "monthly_") + ("gain" if gain else "loss")))
    if words is None:
        summary = edge.get("summary") or edge.get("message") or edge.get("label") or "money changes"
        return plain(str(summary))
    if at is None or amount is None:
        return _capital(words)
    moved = _moved(edge, period)
    per = period_word(period)
    result = f"you would have {money(amount)} {per} {'more' if gain else 'less'}"
    if at == _half_up(at) or safe is None:  # at a whole or half hour: say it is from there
        start = f"{_capital(words)} from {hours_text(at)} hours a week"
        return f"{start}: {moved}, so {result}." if moved else f"{start}, so {result}."
    where = (
        f"{_capital(words)} between {hours_text(safe)} and {hours_text(_half_up(at))} hours a week. "
        f"Up to {hours_text(safe)} hours a week"
        + (f" ({money(safe_pay)} a week before tax)" if safe_pay is not None else "")
        + " it does not."
    )
    return f"{where} Past that, {moved}, so {result}." if moved else f"{where} Past that, {result}."


def _from_edges(doc: dict[str, Any], low: Decimal, high: Decimal) -> tuple[list[tuple[Decimal, str]], set[str]]:
    """(hours, text) for each cliff and marked step up within the hours shown, and their causes."""
    found: list[tuple[Decimal, str]] = []
    causes: set[str] = set()
    for kind, gain in (("cliffs", False), ("gains", True)):
        for edge in doc.get(kind) or []:
            if not isinstance(edge, dict):
                continue
            at = _number(edge.get("hours"))
            if at is None or not low < at <= high or (gain and edge.get("cause") not in GAIN_CAUSES):
                continue
            if edge.get("cause") == PENSION_CAUSE:
                continue  # the worker's own saving starting, not a loss: see "Your workplace pension"
            causes.add(str(edge.get("cause")))
            found.append((at, edge_text(edge, doc, gain)))
    return found, causes


def _from_warnings(doc: dict[str, Any], skip: set[str] | None) -> list[tuple[Decimal, Decimal, str]]:
    """(after, before, text) for each stop first warned about between two hours options.

    ``skip``: with the analysis's edges in the document, the causes they mark already (and every
    cause that is not help in kind); None without them.
    """
    found: list[tuple[Decimal, Decimal, str]] = []
    previous: set[str] = set()
    prev_hours: Decimal | None = None
    seen: set[str] = set()
    for point in doc["points"]:
        codes = {w["code"] for w in point.get("warnings", [])}
        for code in STOP_CAUSES:
            if skip is not None and (code not in IN_KIND_CAUSES or code in skip):
                continue
            if code in codes and code not in previous and code not in seen and prev_hours is not None:
                seen.add(code)
                found.append((prev_hours, d(point["hours"]), _capital(client_words(code, doc) or code)))
        previous = codes
        prev_hours = d(point["hours"])
    return found


def markers(doc: dict[str, Any]) -> tuple[Marker, ...]:
    """The numbered markers on the chart, in order of hours."""
    hours = [d(p["hours"]) for p in doc["points"]]
    low, high = (min(hours), max(hours)) if hours else (Decimal(0), Decimal(0))
    analysed = isinstance(doc.get("cliffs"), list)
    exact, causes = _from_edges(doc, low, high) if analysed else ([], set())
    found: list[tuple[Decimal, str, Decimal, Decimal | None]] = [(at, text, at, None) for at, text in exact]
    for after, until, words in _from_warnings(doc, causes if analysed else None):
        found.append(((after + until) / 2, words, after, until))
    out = []
    for number, (_, text, at, before) in enumerate(sorted(found, key=lambda f: f[0]), start=1):
        if before is None:
            out.append(Marker(number, text, hours=at))
        else:
            out.append(Marker(number, text, after=at, before=before))
    return tuple(out)


def marker_words(marker: Marker, baseline: Decimal) -> str:
    if marker.hours is not None:
        return marker.text  # it says its hours itself (edge_text)
    assert marker.after is not None and marker.before is not None
    if marker.after == baseline == 0:
        return f"Somewhere between not working and {hours_text(marker.before)} hours a week: {marker.text}."
    return f"Somewhere between {hours_text(marker.after)} and {hours_text(marker.before)} hours a week: {marker.text}."
