"""Households from a spreadsheet: CSV in, one household a row, the common fields as columns (docs/batch.md).

The columns cover what employment services and councils usually screen on: the worker (and a
partner's fixed earnings), where and when, health and disability benefits, caring, children,
housing, council tax, the job, childcare and work costs. A household needing more than these is
given as a scenario in JSON Lines. A blank cell is "not given" (the scenario format's default).
Column names are read case-blind, with spaces as underscores ("Hourly pay" is ``hourly_pay``).

A row's errors name its columns (``hourly_pay: ...``), not the scenario fields behind them.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from typing import IO, Any

from msgspec import Struct

from benefitcalc.batch.reader import Row, physical_lines
from benefitcalc.errors import BenefitcalcError, ScenarioError
from benefitcalc.inputs import MAX_STRING, decode_text


class Column(Struct, frozen=True):
    name: str
    field: str  # the scenario field it fills ("" for id and hours, which are the item's)
    meaning: str
    example: str


COLUMNS: tuple[Column, ...] = (
    Column("id", "", "Your reference for the household, echoed in the output (default: row N)", "SAM-001"),
    Column("name", "adults[0].name", "The worker's name (default Client)", "Sam"),
    Column("age", "adults[0].age", "The worker's age (required)", "34"),
    Column("partner_name", "adults[1].name", "A partner's name (leave the partner columns blank if single)", ""),
    Column("partner_age", "adults[1].age", "A partner's age: gives the household a partner", ""),
    Column("partner_earnings", "adults[1].earnings.amount", "The partner's fixed earnings from work", ""),
    Column("partner_earnings_period", "adults[1].earnings.period", "week, month or year (default month)", ""),
    Column("date", "date", "The day to work out: 2026-11-23 or 23/11/2026 (or give tax_year)", "23/11/2026"),
    Column("tax_year", "tax_year", "A tax year such as 2026-27 (its first Monday from 6 April), instead of date", ""),
    Column("nation", "nation", "england, scotland or wales (default england)", "england"),
    Column("health", "adults[0].universal_credit_health", "UC health: none, lcw or lcwra", "lcwra"),
    Column(
        "health_element_protected",
        "adults[0].health_element_protected",
        "yes if the UC health element was awarded before 6 April 2026 (the protected rate)",
        "yes",
    ),
    Column("esa_group", "adults[0].new_style_esa", "New Style ESA: none, assessment, wrag or support", "support"),
    Column(
        "pip_daily_living", "adults[0].pip.daily_living", "PIP daily living: none, standard or enhanced", "standard"
    ),
    Column("pip_mobility", "adults[0].pip.mobility", "PIP mobility: none, standard or enhanced", "none"),
    Column(
        "adp_daily_living",
        "adults[0].adult_disability_payment.daily_living",
        "Adult Disability Payment (Scotland) daily living: none, standard or enhanced",
        "",
    ),
    Column(
        "adp_mobility", "adults[0].adult_disability_payment.mobility", "ADP mobility: none, standard or enhanced", ""
    ),
    Column("carer_hours", "adults[0].carer.hours_per_week", "Hours a week caring for a disabled person", ""),
    Column("children_ages", "children", "The children's ages, separated by ; (e.g. 7;4)", ""),
    Column("tenure", "housing.tenure", "social_rent, private_rent, owner or none", "social_rent"),
    Column("rent", "housing.rent.amount", "Rent (eligible rent, before any help)", "112.50"),
    Column("rent_period", "housing.rent.period", "week, month or year (default month)", "week"),
    Column("council_tax", "housing.council_tax.amount", "Council tax before any reduction", "1820"),
    Column("council_tax_period", "housing.council_tax.period", "week, month or year (default year)", "year"),
    Column(
        "council_tax_scheme",
        "housing.council_tax_reduction_scheme",
        "The council's reduction scheme (benefitcalc rules schemes)",
        "cheshire_west_and_chester",
    ),
    Column("hourly_pay", "adults[0].job.hourly_pay", "The job's pay an hour (required)", "12.71"),
    Column("hours", "", "Hours a week to work out: 0;8;16 or 0:40:2 (default 0;8;16;24;30;37.5)", "0;8;16;24;30"),
    Column("pension", "adults[0].job.pension", "The job's pension: none or auto_enrolment", "auto_enrolment"),
    Column("childcare", "childcare.amount", "Childcare paid when working (for the job)", ""),
    Column("childcare_period", "childcare.period", "week, month or year (default month)", ""),
    Column("work_costs", "work_costs.amount", "Costs of going to work (travel)", "18"),
    Column("work_costs_period", "work_costs.period", "week, month or year (default week)", "week"),
    Column("capital", "capital", "Savings and other capital", "1500"),
)
COLUMN_NAMES = tuple(column.name for column in COLUMNS)
_BY_NAME = {column.name: column for column in COLUMNS}
_PERIOD_DEFAULTS = {
    "partner_earnings": "month",
    "rent": "month",
    "council_tax": "year",
    "childcare": "month",
    "work_costs": "week",
}
_YES = {"yes": True, "y": True, "true": True, "1": True, "no": False, "n": False, "false": False, "0": False}


def template() -> str:
    """The CSV header and one example household (``benefitcalc batch --template csv``)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMN_NAMES)
    writer.writerow(column.example for column in COLUMNS)
    return buffer.getvalue()


def _header(cells: list[str], where: str) -> list[str]:
    import difflib

    names = [re.sub(r"\s+", "_", cell.strip().lstrip("\ufeff").lower()) for cell in cells]
    for name in names:
        if name not in _BY_NAME:
            close = difflib.get_close_matches(name, COLUMN_NAMES, n=1, cutoff=0.6)
            hint = f" (did you mean {close[0]}?)" if close else ""
            raise ScenarioError(
                f"{name!r} is not a column of the batch spreadsheet{hint}; the columns are listed in docs/batch.md "
                "and `benefitcalc batch --template csv` prints them",
                where,
            )
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise ScenarioError(f"the column(s) {', '.join(repeated)} are given twice", where)
    if "age" not in names or "hourly_pay" not in names:
        raise ScenarioError("the spreadsheet needs at least the columns age and hourly_pay", where)
    return names


def _amount(cells: dict[str, str], name: str) -> dict[str, str] | None:
    if not cells.get(name):
        return None
    return {"amount": cells[name], "period": cells.get(f"{name}_period") or _PERIOD_DEFAULTS[name]}


def _put(target: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for part in path[:-1]:
        target = target.setdefault(part, {})
    target[path[-1]] = value


def _yes_no(cells: dict[str, str], name: str) -> bool:
    value = _YES.get(cells[name].lower())
    if value is None:
        raise ScenarioError(f"{cells[name]!r} is not yes or no", name)
    return value


def scenario_of(cells: dict[str, str]) -> dict[str, Any]:
    """The scenario (as data, validated later) that a row's non-blank cells describe."""
    worker: dict[str, Any] = {"job": {}}
    scenario: dict[str, Any] = {"adults": [worker]}
    simple = {
        "name": ("name",),
        "age": ("age",),
        "health": ("universal_credit_health",),
        "esa_group": ("new_style_esa",),
        "pip_daily_living": ("pip", "daily_living"),
        "pip_mobility": ("pip", "mobility"),
        "adp_daily_living": ("adult_disability_payment", "daily_living"),
        "adp_mobility": ("adult_disability_payment", "mobility"),
        "hourly_pay": ("job", "hourly_pay"),
        "pension": ("job", "pension"),
    }
    for name, path in simple.items():
        if cells.get(name):
            _put(worker, path, cells[name])
    if cells.get("health_element_protected"):
        worker["health_element_protected"] = _yes_no(cells, "health_element_protected")
    if cells.get("carer_hours"):
        worker["carer"] = {"hours_per_week": cells["carer_hours"]}
    if cells.get("partner_age") or cells.get("partner_name") or cells.get("partner_earnings"):
        partner: dict[str, Any] = {"name": cells.get("partner_name") or "Partner"}
        if cells.get("partner_age"):
            partner["age"] = cells["partner_age"]
        if cells.get("partner_earnings"):
            partner["earnings"] = _amount(cells, "partner_earnings")
        scenario["adults"].append(partner)
    for name in ("date", "tax_year", "nation", "capital"):
        if cells.get(name):
            scenario[name] = cells[name]
    if cells.get("children_ages"):
        scenario["children"] = [{"age": age.strip()} for age in re.split(r"[;,]", cells["children_ages"])]
    housing = {
        key: value
        for key, value in (
            ("tenure", cells.get("tenure")),
            ("rent", _amount(cells, "rent")),
            ("council_tax", _amount(cells, "council_tax")),
            ("council_tax_reduction_scheme", cells.get("council_tax_scheme")),
        )
        if value
    }
    if housing:
        scenario["housing"] = housing
    for name in ("childcare", "work_costs"):
        amount = _amount(cells, name)
        if amount:
            scenario[name] = amount
    return scenario


_FIELD_TO_COLUMN = sorted(
    ((column.field, column.name) for column in COLUMNS if column.field and column.field != "children"),
    key=lambda pair: -len(pair[0]),
)


def in_columns(message: str) -> tuple[str, str | None]:
    """A scenario error's message told in the spreadsheet's column names (``hourly_pay: ...``), and
    the columns it names (for the error's ``where``; None when it names none)."""
    for field, name in _FIELD_TO_COLUMN:
        message = re.sub(rf"(^|; ){re.escape(field)}: ", rf"\g<1>{name}: ", message)
    message = re.sub(
        r"(^|; )children\[(\d+)\]\.age: ",
        lambda m: f"{m.group(1)}children_ages (child {int(m.group(2)) + 1}): ",
        message,
    )
    named = [name for name in re.findall(r"(?:^|; )(\w+)(?: \(child \d+\))?: ", message) if name in _BY_NAME]
    return message, ", ".join(dict.fromkeys(named)) or None


def _row(number: int, names: list[str], record: list[str]) -> Row:
    ident = f"row {number}"
    if len(record) > len(names):
        error = ScenarioError(f"{len(record)} cells but {len(names)} columns in the header", ident)
        return Row(number, ident, error=error.to_dict(), source="csv")
    cells = {name: value.strip() for name, value in zip(names, record) if value.strip()}
    ident = cells.get("id", ident)
    try:
        item: dict[str, Any] = {"id": ident, "scenario": scenario_of(cells)}
    except ScenarioError as exc:
        return Row(number, ident, error=exc.to_dict(), source="csv")
    if cells.get("hours"):
        item["hours"] = cells["hours"].replace(";", ",")
    return Row(number, ident, item, source="csv")


def csv_rows(stream: IO[bytes], where: str, skip: int = 0) -> Iterator[Row]:
    """Every household row of a CSV file (after the first ``skip``), numbered as a spreadsheet numbers
    them (the header is row 1). The header is read now: one that names an unknown column refuses the
    whole file (a BenefitcalcError) before any row is answered."""
    undecodable: dict[int, str] = {}

    def lines() -> Iterator[str]:
        for number, raw in enumerate(physical_lines(stream), start=1):
            try:
                yield decode_text(raw, f"line {number}", what="line")
            except BenefitcalcError as exc:
                undecodable[number] = exc.message
                yield raw[:MAX_STRING].decode("utf-8", "replace")

    reader = csv.reader(lines())
    try:
        header = next(reader)
    except StopIteration:
        raise ScenarioError("the spreadsheet is empty: give a header row and a row for each household", where) from None
    except csv.Error as exc:
        raise ScenarioError(f"the header row is not CSV: {exc}", where) from None
    if undecodable:
        raise ScenarioError(f"the header row: {undecodable[1]}", where)
    return _records(reader, _header(header, where), undecodable, skip)


def _records(reader: Any, names: list[str], undecodable: dict[int, str], skip: int) -> Iterator[Row]:
    number, seen, last_line = 1, 0, reader.line_num
    while True:
        try:
            record = next(reader)
            error = None
        except StopIteration:
            return
        except csv.Error as exc:
            record, error = [], f"not CSV: {exc}"
        number += 1
        bad = [undecodable.pop(line) for line in range(last_line + 1, reader.line_num + 1) if line in undecodable]
        last_line = reader.line_num
        if not error and not any(cell.strip() for cell in record):
            continue  # a blank row
        seen += 1
        if seen <= skip:
            continue
        if error or bad:
            ident = f"row {number}"
            yield Row(number, ident, error=ScenarioError(error or bad[0], ident).to_dict(), source="csv")
        else:
            yield _row(number, names, record)
