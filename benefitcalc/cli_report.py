"""`benefitcalc report`: the printed better-off calculation for a client, as PDF or HTML.

A thin layer: the engine's JSON document (the same as `sweep --json`) goes to
:mod:`benefitcalc.report`, which lays it out. The report library is imported only here, inside
the command, so the rest of the CLI starts as fast as before.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from benefitcalc.errors import CoverageError, ScenarioError

if TYPE_CHECKING:  # the scenario (pydantic) is imported when a report is made, not for --help
    from benefitcalc.scenario import Scenario

CASHFLOW_OPTIONS = {
    "start_date": "--start",
    "pay_frequency": "--pay-frequency",
    "first_payday": "--first-payday",
    "assessment_period_start_day": "--assessment-period-start-day",
    "living_costs": "--living-costs",
}
PAY_FREQUENCIES = ["weekly", "fortnightly", "four_weekly", "monthly", "last_working_day"]


def _living_costs(text: str | None) -> Decimal | None:
    if text is None:
        return None
    try:
        value = Decimal(text.replace("£", "").replace(",", ""))
    except InvalidOperation:
        value = Decimal(-1)
    if not value.is_finite() or value < 0:
        raise ScenarioError(f"{text!r} is not an amount of money", "--living-costs")
    return value


def _timeline(scenario: Scenario, rules: Any, given: dict[str, Any]) -> Any:
    """The cash-flow timeline of the job's start for the first-months page (docs/cashflow.md)."""
    from benefitcalc import cashflow

    if scenario.worker.job is None:
        raise ScenarioError("the first-months page needs a job: give the worker a `job`", "--cashflow")
    day = {k: v.date() if isinstance(v, datetime) else v for k, v in given.items()}
    try:
        return cashflow.timeline(scenario, rules, cashflow.options_for(scenario, **day))
    except CoverageError as exc:  # the last assessment periods run past the rules: say how to show fewer
        raise CoverageError(f"{exc.message}; or show fewer assessment periods with --months", "--months") from None


@click.command("report")
@click.argument("scenario", required=False)
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(dir_okay=False),
    help="Where to write it: a .pdf or .html file.",
)
@click.option(
    "--hours",
    "hours_text",
    default="0,8,16,24,30",
    show_default=True,
    help="Hours a week to compare (at most 10): 0,8,16 or 0:30:6; the job's hours and now are always added.",
)
@click.option(
    "--headline",
    "headline",
    default=None,
    help="The hours for page one's headline (default: the job's hours, if listed).",
)
@click.option("--adviser", default=None, help="The adviser's name, printed on every page.")
@click.option("--organisation", default=None, help="The adviser's organisation, printed on every page.")
@click.option(
    "--period", type=click.Choice(["week", "month"]), default="week", show_default=True, help="Period for every amount."
)
@click.option(
    "--baseline",
    type=click.Choice(["zero", "current"]),
    default="zero",
    show_default=True,
    help="'Now' is not working (zero) or the client's present hours (current).",
)
@click.option(
    "--date",
    "prepared",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="The date printed as the report's date (default: today).",
)
@click.option(
    "--cashflow",
    "with_cashflow",
    is_flag=True,
    help="Add the 'Your first months in work' page: money in week by week from the job's start (docs/cashflow.md).",
)
@click.option(
    "--start",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="With --cashflow: the first day of work (default: job.start_date).",
)
@click.option(
    "--months", type=click.IntRange(1, 24), default=6, show_default=True, help="With --cashflow: assessment periods."
)
@click.option(
    "--pay-frequency",
    type=click.Choice(PAY_FREQUENCIES),
    default=None,
    help="With --cashflow: how often wages are paid (default: job.pay_frequency, else monthly).",
)
@click.option(
    "--first-payday",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="With --cashflow: the first payday (default: job.first_payday, else one pay period on).",
)
@click.option(
    "--assessment-period-start-day",
    type=click.IntRange(1, 31),
    default=None,
    help="With --cashflow: the day UC assessment periods start (default: from the scenario's universal_credit).",
)
@click.option(
    "--living-costs", default=None, help="With --cashflow: living costs a month (default: the UC standard allowance)."
)
@click.option("--example", is_flag=True, help="Use the built-in example scenario.")
@click.option(
    "--rules",
    "rules_dir",
    type=click.Path(file_okay=False),
    help="A directory of YAML rules laid over the shipped ones.",
)
def report(
    scenario: str | None,
    output: str,
    hours_text: str,
    headline: str | None,
    adviser: str | None,
    organisation: str | None,
    period: str,
    baseline: str,
    prepared: object,
    with_cashflow: bool,
    start: datetime | None,
    months: int,
    pay_frequency: str | None,
    first_payday: datetime | None,
    assessment_period_start_day: int | None,
    living_costs: str | None,
    example: bool,
    rules_dir: str | None,
) -> None:
    """Write the better-off calculation for a client: a PDF, or a standalone HTML page.

    Page one gives the answer in plain English and a chart; then a table for each number of
    hours, what changes and what to do, and what the calculation assumed. With --cashflow, a page
    on the first months in work: money in week by week and assessment period by assessment period.
    """
    from benefitcalc.api import to_json
    from benefitcalc.cli_common import _load, _rules
    from benefitcalc.hours import parse_hours
    from benefitcalc.report import FORMATS, build, hours_to_show, write_report

    target = Path(output)
    if target.suffix.lower() not in FORMATS:
        raise ScenarioError(f"{target.name!r} must end in .pdf or .html", "--output")
    chosen = None
    if headline is not None:
        chosen_list = parse_hours(headline)
        if len(chosen_list) != 1:
            raise ScenarioError("give one number of hours for the headline", "--headline")
        chosen = chosen_list[0]
    given = {
        "start_date": start,
        "pay_frequency": pay_frequency,
        "first_payday": first_payday,
        "assessment_period_start_day": assessment_period_start_day,
        "living_costs": _living_costs(living_costs),
    }
    if not with_cashflow:
        for key, value in given.items():
            if value is not None:
                option = CASHFLOW_OPTIONS[key]
                raise ScenarioError(f"{option} is for the first-months page: add --cashflow", option)
    loaded = _load(scenario, example)
    rules = _rules(rules_dir)
    hours = hours_to_show(loaded, parse_hours(hours_text), baseline)
    doc = to_json(loaded, hours, period=period, rules=rules, baseline=baseline)
    timeline = _timeline(loaded, rules, {**given, "months": months}) if with_cashflow else None
    day = prepared.date() if prepared is not None else date.today()  # type: ignore[attr-defined]
    content = build(
        doc,
        loaded,
        prepared_on=day,
        adviser=(adviser or "").strip() or None,
        organisation=(organisation or "").strip() or None,
        headline_hours=Decimal(chosen) if chosen is not None else None,
        timeline=timeline,
    )
    written = write_report(content, target)
    click.echo(f"wrote {written} ({FORMATS[written.suffix.lower()].upper()}, {len(content.options)} options)")
