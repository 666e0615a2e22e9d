"""Commands for the better-off analysis: `compare` and `explain` (registered in cli.py; `quick` is in cli_quick).

Thin views of :mod:`benefitcalc.analysis` and :mod:`benefitcalc.explain`; every error is a
:class:`ScenarioError` that the CLI prints as one plain message with exit code 2.
"""

from __future__ import annotations

import os
import re
from decimal import Decimal
from typing import Any

import click

from benefitcalc.cli_common import _analysis_options, _common, _load, _rules, echo_json
from benefitcalc.errors import ScenarioError
from benefitcalc.hours import parse_hours

_JOB = re.compile(r"^\s*£?(?P<pay>[0-9]+(?:\.[0-9]+)?)\s*[x×X@]\s*(?P<hours>[0-9]+(?:\.[0-9]+)?)\s*h?\s*$")


def parse_job(text: str) -> tuple[Decimal, Decimal]:
    """``"12.71x16"`` -> (hourly pay 12.71, 16 hours a week)."""
    match = _JOB.match(text)
    if not match:
        raise ScenarioError(f"{text!r} is not a job: write hourly pay x hours a week, e.g. 12.71x16", "--job")
    pay, hours = Decimal(match["pay"]), Decimal(match["hours"])
    if pay <= 0 or pay > 10000:
        raise ScenarioError(f"hourly pay {pay} must be more than 0 and at most 10000", "--job")
    if hours > 168:
        raise ScenarioError(f"{hours} is not a number of hours a week from 0 to 168", "--job")
    return pay, hours


# --- compare ---------------------------------------------------------------------------------


@click.command()
@click.argument("scenarios", nargs=-1)
@click.option(
    "--job",
    "jobs",
    multiple=True,
    help='A job offer as hourly pay x hours a week, e.g. "12.71x16"; repeat for each job.',
)
@click.option("--json", "as_json", is_flag=True, help="Print the comparison as JSON.")
@_analysis_options
@_common
def compare(
    scenarios: tuple[str, ...],
    jobs: tuple[str, ...],
    as_json: bool,
    baseline: str,
    no_color: bool,
    example: bool,
    period: str,
    rules_dir: str | None,
) -> None:
    """Compare jobs (--job PAYxHOURS, repeated) or several scenario files side by side.

    Each option is the household with that job; better-off is against the same household not
    working (or at its present hours with --baseline current). Cliff edges are searched from 0 to
    each option's hours. A scenario whose worker has a business (`self_employment`, no `job`) is an
    option as it is, and each --job is set against it: the job instead of the business, better off
    than the household without either.
    """
    from benefitcalc.views.compare import compare as build

    loaded = [("example", _load(None, True))] if example else []
    if example and scenarios:
        raise ScenarioError("give scenario files or --example, not both", "SCENARIO")
    loaded += [(path, _load(path, False)) for path in scenarios]
    if not loaded:
        raise ScenarioError(
            "give one scenario with --job options, or several scenario files (or --example)", "SCENARIO"
        )
    parsed = [parse_job(text) for text in jobs]
    if len(loaded) == 1 and not parsed:
        raise ScenarioError(
            "nothing to compare: add --job PAYxHOURS (e.g. --job 12.71x16 --job 14x24) or give more scenario files",
            "--job",
        )
    result = build(loaded, parsed, _rules(rules_dir), period, baseline)
    if as_json:
        echo_json(result)
        return
    plain = no_color or bool(os.environ.get("NO_COLOR"))
    click.echo(render_comparison(result, color=not plain), color=False if plain else None)


COMPARE_ROWS = (
    ("hours", "Hours a week"),
    ("hourly_pay", "Hourly pay"),
    ("profit", "Profit a month"),
    ("gross_earnings", "Gross pay"),
    ("deductions", "Tax+NI+pension"),
    ("universal_credit", "Universal Credit"),
    ("other_benefits", "Other benefits"),
    ("net_income", "Net income"),
    ("costs", "Housing+CT+care+work"),
    ("tax_free_childcare", "Tax-Free Childcare"),
    ("disposable_income", "Left to live on"),
    ("better_off", "Better off"),
    ("better_off_per_hour", "Better off per hour (a week)"),
    ("participation_tax_rate", "Participation tax rate"),
    ("cliffs", "Cliff edges on the way"),
)


def render_comparison(result: dict[str, Any], color: bool = False) -> str:
    from benefitcalc.views import paint as _paint

    options = result["options"]
    values: dict[str, list[str]] = {key: [] for key, _ in COMPARE_ROWS}
    for option in options:
        point = option["point"]
        uc = point["benefits"]["universal_credit"]
        raw = {
            "hours": f"{option['hours']:g}",
            "hourly_pay": "-" if option.get("hourly_pay") is None else f"£{option['hourly_pay']:,.2f}",
            "profit": "-" if option.get("profit") is None else f"£{option['profit']:,.2f}",
            "gross_earnings": f"{point['gross_earnings']:,.2f}",
            "deductions": f"{point['income_tax'] + point['national_insurance'] + point['pension_contributions']:,.2f}",
            "universal_credit": f"{uc:,.2f}",
            "other_benefits": f"{point['total_benefits'] - uc:,.2f}",
            "net_income": f"{point['net_income']:,.2f}",
            "costs": f"{sum(point[k] for k in ('housing_costs', 'council_tax', 'childcare_costs', 'work_costs')):,.2f}",
            "tax_free_childcare": f"{point.get('tax_free_childcare', 0.0):,.2f}",
            "disposable_income": f"{point['disposable_income']:,.2f}",
            "better_off": f"{point['better_off']:+,.2f}",
            "better_off_per_hour": "-"
            if point["better_off_per_hour"] is None
            else f"{point['better_off_per_hour']:+,.2f}",
            "participation_tax_rate": "-"
            if point["participation_tax_rate"] is None
            else f"{point['participation_tax_rate']:.0%}",
            "cliffs": str(len(option["cliffs"])),
        }
        for key, _ in COMPARE_ROWS:
            values[key].append(raw[key])
    rows = [
        (title, values[key])
        for key, title in COMPARE_ROWS
        if (key != "tax_free_childcare" or any(o["point"].get("tax_free_childcare") for o in options))
        and (key != "profit" or any(o.get("profit") is not None for o in options))
    ]
    labels = [o["label"] for o in options]
    first = max(len(title) for title, _ in rows)
    widths = [max(len(label), *(len(cells[i]) for _, cells in rows)) for i, label in enumerate(labels)]
    best = max(range(len(options)), key=lambda i: options[i]["point"]["disposable_income"])
    head = options[0]
    out = [
        _paint(
            f"Compare: £ a {result['period']}, rules {head['rules']['version']} in force on {head['rules']['date']}",
            "bold",
            color,
        ),
        _paint(" " * first + "  " + "  ".join(label.rjust(w) for label, w in zip(labels, widths)), "bold", color),
        " " * first + "  " + "  ".join("-" * w for w in widths),
    ]
    for title, cells in rows:
        parts = []
        for i, (cell, width) in enumerate(zip(cells, widths)):
            style = "green" if title == "Left to live on" and i == best and len(options) > 1 else None
            parts.append(_paint(cell.rjust(width), style, color))
        out.append(title.ljust(first) + "  " + "  ".join(parts))
    out.append("")
    for option in options:
        if option["summary"]:
            out.append(_paint(f"{option['label']}: {option['summary']}", "bold", color))
        for cliff in option["cliffs"]:
            out.append(_paint(f"  ! {cliff['message']}", "red", color))
    if len(options) > 1:
        out.append("")
        out.append(_paint(f"Most left to live on: {options[best]['label']}.", "bold+green", color))
    return "\n".join(out)


# --- explain ---------------------------------------------------------------------------------


@click.command()
@click.argument("scenario", required=False)
@click.option(
    "--hours",
    "hours_value",
    default=None,
    help="Hours a week (default: the job's or business's hours in the scenario).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the steps as structured data.")
@click.option(
    "--baseline",
    type=click.Choice(["zero", "current"]),
    default="zero",
    show_default=True,
    help="Better off than not working (zero) or than the client's present hours (current).",
)
@click.option(
    "--period",
    type=click.Choice(["week", "month", "year"]),
    default="week",
    show_default=True,
    help="Period of the closing summary.",
)
@click.option(
    "--rules",
    "rules_dir",
    type=click.Path(file_okay=False),
    help="A directory of YAML rules laid over the shipped ones.",
)
@click.option("--example", is_flag=True, help="Use the built-in example scenario.")
def explain(
    scenario: str | None,
    hours_value: str | None,
    as_json: bool,
    baseline: str,
    period: str,
    rules_dir: str | None,
    example: bool,
) -> None:
    """The whole calculation at one number of hours, step by step, each step with its source."""
    from benefitcalc.engine import make_context
    from benefitcalc.explain import explain as build
    from benefitcalc.explain import render, to_json

    loaded = _load(scenario, example)
    if hours_value is None:
        hours = loaded.worker_hours
    else:
        values = parse_hours(hours_value)
        if len(values) != 1:
            raise ScenarioError("explain takes one number of hours", "--hours")
        hours = values[0]
    ctx = make_context(loaded, _rules(rules_dir))
    explanation = build(loaded, ctx, hours, baseline, period)
    if as_json:
        echo_json(to_json(explanation))
    else:
        click.echo(render(explanation))
