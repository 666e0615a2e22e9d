"""Dates and money as a client reads them in the timeline's sentences: "1 December 2026", not
"01 December"; "£1,234.50"."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from benefitcalc.periods import pence


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def day_month(day: dt.date) -> str:
    return f"{day.day} {day:%B}"


def money(amount: Decimal) -> str:
    return f"£{pence(amount):,.2f}"
