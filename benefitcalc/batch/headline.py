"""The headline columns of a batch spreadsheet: one row per household and number of hours.

The same columns, in the same order, in CSV (keys as the header, plain numbers) and in XLSX (titles
as the header, money as numbers formatted £#,##0.00). Money is in the row's period (``period``);
"better off" is given both a week and a month. Documented in docs/batch.md.
"""

from __future__ import annotations

from typing import Any, Literal

from msgspec import Struct

from benefitcalc.registry import BENEFIT_KEYS, title

Kind = Literal["text", "number", "hours", "money"]


class Heading(Struct, frozen=True):
    key: str
    title: str
    kind: Kind
    width: int  # characters, for the spreadsheet's column
    meaning: str


HEADLINE: tuple[Heading, ...] = (
    Heading("row", "Row", "number", 7, "The household's row (CSV) or line (JSON Lines) in the input"),
    Heading("id", "ID", "text", 14, "The household's id (the id column, or row N / line N)"),
    Heading("period", "Period", "text", 8, "The period every amount is in: week, month or year"),
    Heading("hours", "Hours a week", "hours", 8, "The worker's hours a week at this point"),
    Heading("gross_pay", "Gross pay", "money", 12, "Pay before tax, National Insurance and pension"),
    Heading("income_tax", "Income tax", "money", 11, "Income tax (on pay and taxable benefits)"),
    Heading("national_insurance", "National Insurance", "money", 12, "Class 1 National Insurance on pay"),
    Heading("pension", "Pension contributions", "money", 12, "The employee's pension contributions"),
    Heading("net_pay", "Net pay", "money", 12, "Take-home pay: gross pay less tax, National Insurance and pension"),
    *(
        Heading(key, title(key), "money", 14 if key == "universal_credit" else 12, f"{title(key)} (nil if none)")
        for key in BENEFIT_KEYS
    ),
    Heading("total_benefits", "Total benefits", "money", 12, "Every benefit above"),
    Heading("net_income", "Net income", "money", 12, "Net pay, other income and benefits"),
    Heading("housing_costs", "Housing costs", "money", 12, "Rent and service charges"),
    Heading("council_tax", "Council tax", "money", 11, "Council tax before any reduction"),
    Heading("childcare_costs", "Childcare", "money", 11, "Childcare paid at these hours"),
    Heading("work_costs", "Work costs", "money", 11, "Costs of going to work"),
    Heading(
        "disposable_income",
        "Disposable income",
        "money",
        13,
        "Net income less housing, council tax, childcare, work costs",
    ),
    Heading(
        "better_off_week", "Better off a week", "money", 12, "Disposable income above the baseline (0 hours), a week"
    ),
    Heading("better_off_month", "Better off a month", "money", 12, "The same a month"),
    Heading("cliff_edges", "Cliff edges", "text", 60, "Cliff edges between the previous hours and these, in words"),
    Heading("warnings", "Warnings", "text", 30, "The codes of the warnings at this point (docs/json.md)"),
)
HEADLINE_KEYS = tuple(heading.key for heading in HEADLINE)

ERROR_HEADINGS: tuple[Heading, ...] = (
    Heading("row", "Row", "number", 7, "The household's row (CSV) or line (JSON Lines) in the input"),
    Heading("id", "ID", "text", 14, "The household's id"),
    Heading("kind", "Kind", "text", 10, "scenario, coverage, rules or internal"),
    Heading("where", "Where", "text", 24, "The field or column"),
    Heading("message", "Message", "text", 100, "What is wrong and what to do"),
)
ERROR_KEYS = tuple(heading.key for heading in ERROR_HEADINGS)

_FROM_POINT = {
    "gross_pay": "gross_earnings",
    "pension": "pension_contributions",
    "net_pay": "net_earnings",
    "better_off_week": "better_off_weekly",
    "better_off_month": "better_off_monthly",
}


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def headline_rows(doc: dict[str, Any], number: int, ident: Any) -> list[tuple[Any, ...]]:
    """The household's rows: one per point, the values in HEADLINE order (numbers as numbers)."""
    rows = []
    previous = -1.0
    for point in doc["points"]:
        hours = point["hours"]
        crossed = [cliff["summary"] for cliff in doc["cliffs"] if previous < cliff["hours"] <= hours]
        values: dict[str, Any] = {
            "row": number,
            "id": _one_line(ident),
            "period": doc["period"],
            "hours": hours,
            **{key: point["benefits"][key] for key in BENEFIT_KEYS},
            "cliff_edges": "; ".join(_one_line(text) for text in crossed),
            "warnings": ", ".join(warning["code"] for warning in point["warnings"]),
        }
        for key in HEADLINE_KEYS:
            if key not in values:
                values[key] = point[_FROM_POINT.get(key, key)]
        rows.append(tuple(values[key] for key in HEADLINE_KEYS))
        previous = hours
    return rows


def error_values(number: int, ident: Any, error: dict[str, Any]) -> tuple[Any, ...]:
    return (number, _one_line(ident), error.get("kind"), error.get("where") or "", _one_line(error.get("message", "")))
