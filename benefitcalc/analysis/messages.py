"""The adviser's sentences about an edge, built from what changes across it.

No sentence assumes a direction: each part that changes is named with its own figure and the verb
its sign gives ("stops", "starts", "rises", "falls"), largest losses first, then largest gains, so a
message always says which parts moved the household's money and by how much.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from benefitcalc import registry
from benefitcalc.analysis.results import Change

MOST_NAMED = 3  # losses, and gains, named in a message; the rest are summed as "other changes"


def title(part: str) -> str:
    """The plain name of a part of disposable income: a programme's title or a component's."""
    return registry.title(part)


def _verb(part: str, singular: str, plural: str) -> str:
    component = registry.COMPONENT_BY_KEY.get(part)
    return plural if component is not None and component.plural else singular


def phrase(change: Change) -> str:
    """'New Style ESA of £145.90 a week stops', 'income tax falls by £20.75 a week', ...

    The amounts are the part's own (tax paid, benefit received), a week; the verb follows the figures.
    """
    component = registry.COMPONENT_BY_KEY.get(change.part)
    sign = component.sign if component is not None else 1
    before, after = change.before * sign, change.after * sign  # the part's own amounts, not their effect
    name = title(change.part)
    if before > 0 and after == 0 and component is not None:
        return f"{name} {_verb(change.part, 'falls', 'fall')} from £{before:,.2f} a week to nothing"
    if before > 0 and after == 0:
        return f"{name} of £{before:,.2f} a week {_verb(change.part, 'stops', 'stop')}"
    if before == 0 and after > 0:
        return f"{name} of £{after:,.2f} a week {_verb(change.part, 'starts', 'start')}"
    raw = after - before
    verb = _verb(change.part, "rises", "rise") if raw > 0 else _verb(change.part, "falls", "fall")
    return f"{name} {verb} by £{abs(raw):,.2f} a week"


def largest(changes: Sequence[Change]) -> tuple[list[Change], list[Change]]:
    """The largest losses (most first) and the largest gains (most first) to disposable income a
    week, pay apart (it is the penny that moves), at most :data:`MOST_NAMED` of each."""
    moved = [c for c in changes if c.part != "earnings" and c.weekly != 0]
    losses = sorted((c for c in moved if c.weekly < 0), key=lambda c: c.weekly)
    gains = sorted((c for c in moved if c.weekly > 0), key=lambda c: -c.weekly)
    return losses[:MOST_NAMED], gains[:MOST_NAMED]


def what_changes(changes: Sequence[Change]) -> str:
    """The parts that move, largest losses then largest gains, with any smaller ones summed."""
    losses, gains = largest(changes)
    named = [*losses, *gains]
    if not named:
        pay = sum((c.weekly for c in changes if c.part == "earnings"), Decimal(0))
        return f"only pay changes (£{abs(pay):,.2f} a week)" if pay else "no part of it changes by a penny a week"
    text = "; ".join(phrase(c) for c in named)
    rest = sum((c.weekly for c in changes if c.part != "earnings" and c not in named), Decimal(0))
    if rest:
        text += f"; smaller changes {'add' if rest > 0 else 'take away'} £{abs(rest):,.2f} a week"
    return text


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def edge_message(
    *,
    name: str,
    at: str,
    safe_at: str,
    label: str,
    weekly: Decimal,
    monthly: Decimal,
    changes: Sequence[Change],
    advice: str = "",
    saving: bool = False,
) -> str:
    """The full sentence for an edge: where it is, the rule, what the household has, what moves.

    ``at`` and ``safe_at`` say where the edge and the last safe penny are ("16.47 hours (£203.51 a
    week)", or on the profit axis "£850.01 a month profit"). ``saving``: the fall is pension
    contributions starting, the worker's own saving: not called a cliff.
    """
    fall = weekly < 0 or (weekly == 0 and monthly < 0)
    head = f"Cliff edge at {at}" if fall and not saving else f"From {at}"
    less = "less to spend" if saving else "less"
    text = (
        f"{head}: {label}. {name}'s household has £{abs(monthly):,.2f} a month "
        f"(£{abs(weekly):,.2f} a week) {less if fall else 'more'} than at {safe_at}: {what_changes(changes)}."
    )
    return f"{text} {advice}" if advice else text


__all__ = ["MOST_NAMED", "edge_message", "largest", "phrase", "title", "what_changes"]
