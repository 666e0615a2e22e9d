"""What a calculation should say about rules not yet checked for its date (docs/rules.md, "Review").

:meth:`RuleSet.provisional` lists the values in force on a day that are carried forward unreviewed
(``carried_forward``) or read after their file's ``reviewed_to`` date; :func:`review_warnings` turns
that list into the two warnings the engine adds to every point: ``rules_carried_forward`` naming each
such parameter, and ``rules_past_review`` naming each file read past its review date.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from benefitcalc.loader.ruleset import RuleSet
from benefitcalc.loader.tree import LATE_START_PREFIXES, Provisional
from benefitcalc.periods import tax_year_of

SCHEMES = LATE_START_PREFIXES[0]  # "local_authority.council_tax_reduction."


def module_of(item: Provisional) -> str:
    """The dotted name of the file that holds the parameter, e.g. ``dbt.national_minimum_wage``."""
    parts = item.file.rsplit(".", 1)[0].split("/")
    names = item.path.split(".")
    for size in range(len(names) - 1, 0, -1):
        if parts[-size:] == names[:size]:
            return ".".join(names[:size])
    return names[0]


def _relevant(item: Provisional, schemes: Collection[str]) -> bool:
    """Every parameter, except the council tax reduction schemes other than ``schemes``."""
    if not item.path.startswith(SCHEMES):
        return True
    return item.path[len(SCHEMES) :].split(".", 1)[0] in schemes


def review_warnings(rules: RuleSet, day: date, schemes: Collection[str] = ()) -> tuple[tuple[str, str], ...]:
    """(code, message) for the values in force on ``day`` that are not yet checked; none when all are.

    ``schemes`` are the council tax reduction schemes the calculation may use: the others' files are
    not named. Worked out once per rules set, day and schemes.
    """
    key = ("review_warnings", day, frozenset(schemes))
    return rules.derived(key, lambda: _review_warnings(rules, day, frozenset(schemes)))


def _review_warnings(rules: RuleSet, day: date, schemes: frozenset[str]) -> tuple[tuple[str, str], ...]:
    # the other councils' schemes are neither named nor read (loader.parameters reads a scheme on first use)
    items = [item for item in rules.provisional(day, schemes) if _relevant(item, schemes)]
    out = []
    carried: dict[str, list[str]] = {}
    for item in items:
        if item.carried_forward is not None:
            module = module_of(item)
            carried.setdefault(module, []).append(item.path[len(module) + 1 :])
    if carried:
        named = "; ".join(f"{module}: {', '.join(names)}" for module, names in carried.items())
        out.append(
            (
                "rules_carried_forward",
                f"Provisional: on {day.isoformat()} these rates are last year's, carried forward until the "
                f"{tax_year_of(day)} figures are checked: {named}. The real figures may differ.",
            )
        )
    past: dict[str, tuple[date, int]] = {}
    for item in items:
        if item.past_review is not None:
            module = module_of(item)
            count = past.get(module, (item.past_review, 0))[1]
            past[module] = (item.past_review, count + 1)
    if past:
        named = "; ".join(
            f"{module} (reviewed to {reviewed.isoformat()}, {count} value{'s' if count != 1 else ''})"
            for module, (reviewed, count) in past.items()
        )
        out.append(
            (
                "rules_past_review",
                f"{day.isoformat()} is after the date to which these rules were checked, so they may be out of date: "
                f"{named}.",
            )
        )
    return tuple(out)
