"""What is for the adviser, not the client: the client-safety test for words, the engine's notes that
cannot be put in a client's words, the sources of the figures and the stamp of the rules and code.

The client's pages never show a field name, a command, a tool's name or a developer's term; a
warning whose words would (:func:`client_safe`) is translated by its code where the report knows
how (:data:`CLIENT_WORDS`), and is always printed in full on the adviser's page at the end.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from benefitcalc.report.words import long_date, plain

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


# --- self-employment (UC Regs 2013 regs 57, 62-64): the engine's messages name the adult first ------

_NAME = re.compile(r"^(?P<name>.+?)(?::\s|'s start-up period)")
_FLOOR = re.compile(r"at least £(?P<floor>[0-9,]+\.[0-9]{2}) a month")
_DAY = re.compile(r"(?P<day>[0-9]{4}-[0-9]{2}-[0-9]{2})")
_LOSS = re.compile(r"a loss of £(?P<loss>[0-9,]+\.[0-9]{2}) a year")


class _Words:
    """Who an engine message about a business is about, said to the client: "you" and "your business"
    for the client the report speaks to (``you``), otherwise by name ("Dani", "Dani's business")."""

    def __init__(self, message: str, you: str | None) -> None:
        match = _NAME.match(message)
        name = match["name"].strip() if match else None
        self.is_you = name is None or name == you
        self.who = "you" if self.is_you else str(name)
        self.whose = "your" if self.is_you else f"{name}'s"
        floor, day = _FLOOR.search(message), _DAY.search(message)
        self.floor = f"£{floor['floor']}" if floor else "a set amount"
        self.day = long_date(dt.date.fromisoformat(day["day"])) if day else "the end of its first year"


def _reporting(message: str, you: str | None) -> str:
    w = _Words(message, you)
    must = "you must" if w.is_you else f"{w.who} must"
    return (
        f"Each month, {must} tell Universal Credit the money {w.whose} business took in and paid out in that month "
        "(the cash that came in and went out, not invoices sent), and any income tax, National Insurance and "
        "pension payments made. Keep receipts, invoices and bank statements. These figures take every month as "
        "the same; real months differ, and so will Universal Credit."
    )


def _floor(message: str, you: str | None) -> str:
    w = _Words(message, you)
    return (
        f"Universal Credit treats {w.who} as earning at least {w.floor} a month once {w.whose} business is past "
        "its first year (the 'minimum income floor'). If the business makes less, Universal Credit is worked out "
        "as if it made that much, so more profit below that level does not raise Universal Credit."
    )


def _floor_later(message: str, you: str | None) -> str:
    w = _Words(message, you)
    return (
        f"{w.whose.capitalize()} business is in its first year (the 'start-up period'), so Universal Credit counts "
        f"the profit it really makes. From {w.day}, Universal Credit will treat {w.who} as earning at least "
        f"{w.floor} a month (the 'minimum income floor'), whatever the business makes."
    )


def _start_up_ends(message: str, you: str | None) -> str:
    w = _Words(message, you)
    return (
        f"{w.whose.capitalize()} business's first year ends on {w.day}. From then, if it makes less than "
        f"{w.floor} a month, Universal Credit will be lower than these figures show. Talk to your adviser about "
        "this before then."
    )


def _not_gainful(message: str, you: str | None) -> str:
    w = _Words(message, you)
    return (
        f"Universal Credit does not count {w.whose} work for {'yourself' if w.is_you else 'themselves'} as a "
        "business run to make a profit, so the minimum income floor does not apply. The work coach may ask "
        f"{w.who} to look for other work."
    )


def _loss(message: str, you: str | None) -> str:
    w = _Words(message, you)
    found = _LOSS.search(message)
    amount = f" of about £{found['loss']} a year" if found else ""
    return (
        f"{w.whose.capitalize()} business makes a loss{amount}. No income tax or National Insurance is due on it, "
        "and Universal Credit counts no earnings from it. Universal Credit can carry a loss forward to later "
        "months, which these figures (every month the same) do not show."
    )


# Self-employment warnings, in the client's words ("you" for the client the report speaks to).
SELF_EMPLOYMENT_WORDS: dict[str, Callable[[str, str | None], str]] = {
    "self_employed_reporting": _reporting,
    "minimum_income_floor": _floor,
    "minimum_income_floor_after_start_up": _floor_later,
    "start_up_period_ends": _start_up_ends,
    "not_gainfully_self_employed": _not_gainful,
    "self_employed_loss": _loss,
}


def adviser_text(message: str) -> str:
    """An engine message for the adviser's page: legal references kept, backticks dropped."""
    return re.sub(r"\s{2,}", " ", message.replace("`", "")).strip()


def for_client(code: str, message: str, you: str | None = None) -> str | None:
    """The client's words for a warning: its translation, else its plain words if safe, else None.

    ``you``: the name of the adult the report speaks to as "you" (a single adult), for the warnings
    that name an adult."""
    if code in CLIENT_WORDS:
        return CLIENT_WORDS[code](message)
    if code in SELF_EMPLOYMENT_WORDS:
        return SELF_EMPLOYMENT_WORDS[code](message, you)
    text = plain(message)
    return text if client_safe(text) else None


def sources(doc: dict[str, Any]) -> tuple[str, ...]:
    """The law and the published sources behind the figures: each parameter's first reference (the
    law first, as the rules hold them), once each, in order."""
    titles = {ref["reference"][0]["title"] for ref in doc.get("references", {}).values() if ref.get("reference")}
    return tuple(sorted(titles))
