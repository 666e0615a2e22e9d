"""Scenario values as people write them: money, dates, hours and rates (docs/scenario.md)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
)

from benefitcalc.periods import Period

# Money as people write it: "£1,500", "1,500.50" or 1500.5 (commas only between groups of three).
_MONEY_TEXT = re.compile(r"^-?£?\s*(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")


def _money_text(value: Any) -> Any:
    if isinstance(value, str):
        text = value.strip()
        if _MONEY_TEXT.match(text):
            return text.replace("£", "").replace(",", "").replace(" ", "")
        if text.startswith("£"):
            raise ValueError(f"{value!r} is not an amount of money; write it as 1500, 1,500.50 or £1,500")
    return value


# Dates as ISO (2026-11-23) or as people in the UK write them (23/11/2026, day first).
_UK_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def _uk_date(value: Any) -> Any:
    if isinstance(value, str):
        match = _UK_DATE.match(value.strip())
        if match:
            day, month, year = (int(part) for part in match.groups())
            try:
                return dt.date(year, month, day)
            except ValueError:
                raise ValueError(f"{value!r} is not a date (day/month/year)") from None
    return value


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day where it has fewer days): the end of a
    period counted in months, such as the self-employed start-up period."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


Money = Annotated[Decimal, BeforeValidator(_money_text), Field(ge=0, max_digits=14, decimal_places=4)]
Date = Annotated[dt.date, BeforeValidator(_uk_date)]
Rate = Annotated[Decimal, Field(ge=0, le=1)]
Hours = Annotated[Decimal, Field(ge=0, le=168)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


class Amount(_Model):
    """An amount of money and the period it is paid or charged for."""

    amount: Money
    period: Period
