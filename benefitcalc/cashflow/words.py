"""Dates as a client reads them in the timeline's sentences: "1 December 2026", not "01 December"."""

from __future__ import annotations

import datetime as dt


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def day_month(day: dt.date) -> str:
    return f"{day.day} {day:%B}"
