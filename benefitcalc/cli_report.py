"""`benefitcalc report`: the printed better-off calculation for a client, as PDF or HTML.

A thin layer: the engine's JSON document (the same as `sweep --json`) goes to
:mod:`benefitcalc.report`, which lays it out. The report library is imported only here, inside
the command, so the rest of the CLI starts as fast as before.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import click

from benefitcalc.errors import ScenarioError


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
    example: bool,
    rules_dir: str | None,
) -> None:
    """Write the better-off calculation for a client: a PDF, or a standalone HTML page.

    Page one gives the answer in plain English and a chart; then a table for each number of
    hours, what changes and what to do, and what the calculation assumed.
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
    loaded = _load(scenario, example)
    hours = hours_to_show(loaded, parse_hours(hours_text), baseline)
    doc = to_json(loaded, hours, period=period, rules=_rules(rules_dir), baseline=baseline)
    day = prepared.date() if prepared is not None else date.today()  # type: ignore[attr-defined]
    content = build(
        doc,
        loaded,
        prepared_on=day,
        adviser=(adviser or "").strip() or None,
        organisation=(organisation or "").strip() or None,
        headline_hours=Decimal(chosen) if chosen is not None else None,
    )
    written = write_report(content, target)
    click.echo(f"wrote {written} ({FORMATS[written.suffix.lower()].upper()}, {len(content.options)} options)")
