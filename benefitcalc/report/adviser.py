"""What is for the adviser, not the client: the client-safety test for words, the engine's notes that
cannot be put in a client's words, the sources of the figures and the stamp of the rules and code.

The client's pages never show a field name, a command, a tool's name or a developer's term; a
warning whose words would (:func:`client_safe`) is translated by its code where the report knows
how (:data:`CLIENT_WORDS`), and is always printed in full on the adviser's page at the end.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from benefitcalc.report.words import plain

# Words that give away a developer's view: field names, commands, tools, code.
_UNSAFE = re.compile(
    r"`|--|\brules schemes\b|PolicyEngine|\bbenefitcalc\b|Decimal\(|\bYAML\b|\byaml\b|\bscenario\b|"
    r"\b[a-z]+(?:_[a-z0-9]+)+\b"
)


def client_safe(text: str) -> bool:
    """Whether ``text`` can go on a client's page: no field names (snake_case), backticks, command
    options, tool names or code."""
    return _UNSAFE.search(text) is None


def _band(_: str) -> str:
    return (
        "Your council limits Council Tax Reduction to the bill for a band D home. We did not know your home's "
        "council tax band, so no limit was used: if your home is in band E or higher, you would get less."
    )


# Warnings whose words are for an adviser, said for the client instead (the message is the engine's).
CLIENT_WORDS: dict[str, Callable[[str], str]] = {
    "council_tax_band_not_given": _band,
    "health_element_status_assumed": lambda _: (
        "We did not know when your limited capability for work and work-related activity (LCWRA) was decided, "
        "so the lower amount for a new claim from 6 April 2026 is used. If it was decided before then, your "
        "Universal Credit would be higher."
    ),
    "child_birth_date_assumed": lambda _: (
        "Each child is taken as born on or after 6 April 2017. If a child was born before then, Universal "
        "Credit may be higher."
    ),
    "size_criteria_assumed": lambda _: (
        "Children aged 10 to 15 are taken as having a bedroom each. If two children of the same sex share, "
        "Universal Credit allows fewer bedrooms and takes more off the help with rent for a spare bedroom."
    ),
    "free_school_meals_2026_assumed": lambda _: (
        "In England, free school meals are taken as given to every child in a family on Universal Credit from "
        "September 2026, as the government has announced."
    ),
    "bedrooms_not_given": lambda _: (
        "We did not know how many bedrooms your home has, so nothing is taken off the help with rent for a "
        "spare bedroom (the 'bedroom tax'). If you have a spare bedroom, Universal Credit would be less."
    ),
    "lha_not_given": lambda _: (
        "We did not know the local housing allowance rate for your area, so your whole rent is counted. "
        "Universal Credit pays no more than that rate towards a private rent, so it may be less."
    ),
    "ctr_scheme_caveat": lambda _: (
        "Council Tax Reduction is worked out from a summary of your council's scheme: the council decides what you get."
    ),
}


def adviser_text(message: str) -> str:
    """An engine message for the adviser's page: legal references kept, backticks dropped."""
    return re.sub(r"\s{2,}", " ", message.replace("`", "")).strip()


def for_client(code: str, message: str) -> str | None:
    """The client's words for a warning: its translation, else its plain words if safe, else None."""
    if code in CLIENT_WORDS:
        return CLIENT_WORDS[code](message)
    text = plain(message)
    return text if client_safe(text) else None


def sources(doc: dict[str, Any]) -> tuple[str, ...]:
    """The law and the published sources behind the figures: each parameter's first reference (the
    law first, as the rules hold them), once each, in order."""
    titles = {ref["reference"][0]["title"] for ref in doc.get("references", {}).values() if ref.get("reference")}
    return tuple(sorted(titles))
