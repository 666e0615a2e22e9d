"""Commands for the better-off analysis: `compare`, `explain` and `quick` (registered in cli.py).

Thin views of :mod:`benefitcalc.analysis` and :mod:`benefitcalc.explain`; every error is a
:class:`ScenarioError` that the CLI prints as one plain message with exit code 2.
"""

from __future__ import annotations

import json
import os
import re
import sys
from decimal import Decimal, InvalidOperation
from typing import Any

import click

from benefitcalc import cli as base
from benefitcalc.cli import _analysis_options, _common, _emit, _load, parse_hours
from benefitcalc.errors import ScenarioError

PERIOD_NAMES = ("week", "fortnight", "four_weeks", "month", "year")
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


def parse_amount(text: str, option: str) -> dict[str, str]:
    """``"112.50/week"`` -> {"amount": "112.50", "period": "week"}."""
    amount, _, period = text.partition("/")
    period = period.strip().lower().replace("-", "_").replace(" ", "_") or ""
    try:
        value = Decimal(amount.strip().lstrip("£").replace(",", ""))
    except InvalidOperation:
        raise ScenarioError(f"{text!r} is not an amount: write e.g. 112.50/week", option) from None
    if not value.is_finite() or value < 0:
        raise ScenarioError(f"{text!r} is not an amount of money", option)
    if period not in PERIOD_NAMES:
        raise ScenarioError(
            f"{text!r} needs a period after '/': one of {', '.join(PERIOD_NAMES)} (e.g. 112.50/week)", option
        )
    return {"amount": str(value), "period": period}


def _with_job(scenario: Any, pay: Decimal, hours: Decimal) -> Any:
    index = scenario.worker_index
    worker = scenario.adults[index]
    job = worker.job.model_copy(update={"hourly_pay": pay, "hours": hours})
    adults = list(scenario.adults)
    adults[index] = worker.model_copy(update={"job": job})
    return scenario.model_copy(update={"adults": tuple(adults)})


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
    each option's hours.
    """
    from benefitcalc.analysis import run
    from benefitcalc.engine import make_context
    from benefitcalc.views import document

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
    ruleset = base._rules(rules_dir)
    options = []
    for source, scenario in loaded:
        variants = [(pay, hours) for pay, hours in parsed] or [
            (scenario.worker.job.hourly_pay, scenario.worker.job.hours)
        ]
        for pay, hours in variants:
            chosen = _with_job(scenario, pay, hours)
            ctx = make_context(chosen, ruleset)
            analysis = run(chosen, [hours], ctx, baseline)
            doc = document(chosen, ctx, list(analysis.points), analysis.baseline, period, analysis)
            label = f"£{pay}/h x {hours:g}h"
            if len(loaded) > 1:
                label = f"{scenario.worker.name} ({os.path.basename(source)}): {label}"
            options.append(
                {"label": label, "source": source, "hourly_pay": float(pay), "hours": float(hours), "document": doc}
            )
    result = {
        "benefitcalc": options[0]["document"]["benefitcalc"],
        "period": period,
        "options": [
            {
                "label": o["label"],
                "source": o["source"],
                "hourly_pay": o["hourly_pay"],
                "hours": o["hours"],
                "rules": o["document"]["rules"],
                "person": o["document"]["person"],
                "baseline_hours": o["document"]["baseline_hours"],
                "point": o["document"]["points"][0],
                "summary": o["document"]["summary"],
                "cliffs": o["document"]["cliffs"],
                "break_even_hours": o["document"]["break_even_hours"],
                "universal_credit_ends_at_hours": o["document"]["universal_credit_ends_at_hours"],
            }
            for o in options
        ],
    }
    if as_json:
        click.echo(json.dumps(result, indent=2 if sys.stdout.isatty() else None, ensure_ascii=False))
        return
    plain = no_color or bool(os.environ.get("NO_COLOR"))
    click.echo(render_comparison(result, color=not plain), color=False if plain else None)


COMPARE_ROWS = (
    ("hours", "Hours a week"),
    ("hourly_pay", "Hourly pay"),
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
    from benefitcalc.views import _paint

    options = result["options"]
    values: dict[str, list[str]] = {key: [] for key, _ in COMPARE_ROWS}
    for option in options:
        point = option["point"]
        uc = point["benefits"]["universal_credit"]
        raw = {
            "hours": f"{option['hours']:g}",
            "hourly_pay": f"£{option['hourly_pay']:,.2f}",
            "gross_earnings": f"{point['gross_earnings']:,.2f}",
            "deductions": f"{point['income_tax'] + point['national_insurance'] + point['pension_contributions']:,.2f}",
            "universal_credit": f"{uc:,.2f}",
            "other_benefits": f"{point['total_benefits'] - uc:,.2f}",
            "net_income": f"{point['net_income']:,.2f}",
            "costs": f"{point['housing_costs'] + point['council_tax'] + point['childcare_costs'] + point['work_costs']:,.2f}",
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
        if key != "tax_free_childcare" or any(o["point"].get("tax_free_childcare") for o in options)
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
@click.option("--hours", "hours_value", default=None, help="Hours a week (default: the job's hours in the scenario).")
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
        hours = loaded.worker.job.hours
    else:
        values = parse_hours(hours_value)
        if len(values) != 1:
            raise ScenarioError("explain takes one number of hours", "--hours")
        hours = values[0]
    ctx = make_context(loaded, base._rules(rules_dir))
    explanation = build(loaded, ctx, hours, baseline, period)
    if as_json:
        click.echo(json.dumps(to_json(explanation), indent=2 if sys.stdout.isatty() else None, ensure_ascii=False))
    else:
        click.echo(render(explanation))


# --- quick -----------------------------------------------------------------------------------


def quick_scenario(
    *,
    name: str,
    age: int,
    pay: str,
    hours: Decimal,
    pension: str,
    lcw: bool,
    lcwra: bool,
    protected: bool | None,
    esa: str | None,
    jsa: bool,
    carer: str | None,
    pip_daily: str | None,
    pip_mobility: str | None,
    partner_age: int | None,
    partner_earnings: str | None,
    children: str | None,
    rent: str | None,
    tenure: str | None,
    lha: str | None,
    bedrooms: int | None,
    council_tax: str | None,
    childcare: str | None,
    work_costs: str | None,
    capital: str | None,
    nation: str,
    london: bool,
    date: str | None,
    tax_year: str | None,
    current_hours: str | None,
) -> dict[str, Any]:
    """The scenario (as data, before validation) that the `quick` options describe."""
    if lcw and lcwra:
        raise ScenarioError("choose --lcw or --lcwra, not both", "--lcwra")
    job: dict[str, Any] = {"hourly_pay": pay, "hours": str(hours)}
    if pension != "none":
        if pension == "auto_enrolment":
            job["pension"] = "auto_enrolment"
        else:
            try:
                rate = Decimal(pension.rstrip("%")) / (100 if pension.endswith("%") else 1)
            except InvalidOperation:
                raise ScenarioError(
                    f"{pension!r}: use none, auto_enrolment, or an employee rate such as 5% or 0.05", "--pension"
                ) from None
            job["pension"] = {"employee_rate": str(rate)}
    if current_hours is not None:
        job["current_hours"] = current_hours
    adult: dict[str, Any] = {"name": name, "age": age, "job": job}
    if lcw or lcwra:
        adult["universal_credit_health"] = "lcwra" if lcwra else "lcw"
        if protected is not None:
            adult["health_element_protected"] = protected
    if esa:
        adult["new_style_esa"] = esa
    if jsa:
        adult["new_style_jsa"] = True
    if carer is not None:
        adult["carer"] = {"hours_per_week": carer}
    if pip_daily or pip_mobility:
        key = "adult_disability_payment" if nation == "scotland" else "pip"
        adult[key] = {"daily_living": pip_daily or "none", "mobility": pip_mobility or "none"}
    adults = [adult]
    if partner_age is not None:
        partner: dict[str, Any] = {"name": "Partner", "age": partner_age}
        if partner_earnings:
            partner["earnings"] = parse_amount(partner_earnings, "--partner-earnings")
        adults.append(partner)
    elif partner_earnings:
        raise ScenarioError("--partner-earnings needs --partner-age", "--partner-earnings")
    data: dict[str, Any] = {"nation": nation, "adults": adults}
    if london:
        data["in_greater_london"] = True
    if date:
        data["date"] = date
    if tax_year:
        data["tax_year"] = tax_year
    if children:
        try:
            data["children"] = [{"age": int(part)} for part in children.split(",") if part.strip()]
        except ValueError:
            raise ScenarioError(
                f"{children!r}: give the children's ages separated by commas, e.g. 7,4", "--children"
            ) from None
    housing: dict[str, Any] = {}
    if rent:
        housing["tenure"] = tenure or "social_rent"
        housing["rent"] = parse_amount(rent, "--rent")
    elif tenure:
        housing["tenure"] = tenure
    if lha:
        housing["local_housing_allowance"] = parse_amount(lha, "--lha")
    if bedrooms is not None:
        housing["bedrooms"] = bedrooms
    if council_tax:
        housing["council_tax"] = parse_amount(council_tax, "--council-tax")
    if housing:
        data["housing"] = housing
    if childcare:
        data["childcare"] = parse_amount(childcare, "--childcare")
    if work_costs:
        data["work_costs"] = parse_amount(work_costs, "--work-costs")
    if capital:
        data["capital"] = capital
    return data


@click.command()
@click.option("--age", type=click.IntRange(16, 120), required=True, help="The client's age.")
@click.option("--name", default="Client", show_default=True, help="The client's name (shown in the output only).")
@click.option("--pay", required=True, help="Hourly pay of the job, e.g. 12.71.")
@click.option("--hours", "hours_text", default="0:40:2", show_default=True, help="Hours a week: 0,8,16 or 0:30:2.")
@click.option(
    "--pension", default="none", show_default=True, help="none, auto_enrolment, or an employee rate such as 5%."
)
@click.option("--lcw", is_flag=True, help="Limited capability for work (UC).")
@click.option("--lcwra", is_flag=True, help="Limited capability for work and work-related activity (UC).")
@click.option(
    "--protected/--new-claimant",
    "protected",
    default=None,
    help="LCWRA from before 6 April 2026 (protected rate) or a new claim.",
)
@click.option(
    "--esa", type=click.Choice(["assessment", "wrag", "support"]), default=None, help="New Style ESA and its group."
)
@click.option("--jsa", is_flag=True, help="Gets New Style JSA.")
@click.option(
    "--carer", "carer", default=None, metavar="HOURS", help="Cares this many hours a week and claims Carer's Allowance."
)
@click.option(
    "--pip-daily",
    type=click.Choice(["standard", "enhanced"]),
    default=None,
    help="PIP (ADP in Scotland) daily living rate.",
)
@click.option(
    "--pip-mobility",
    type=click.Choice(["standard", "enhanced"]),
    default=None,
    help="PIP (ADP in Scotland) mobility rate.",
)
@click.option("--partner-age", type=click.IntRange(16, 120), default=None, help="A partner's age (makes a couple).")
@click.option(
    "--partner-earnings", default=None, metavar="AMOUNT/PERIOD", help="The partner's earnings, e.g. 1450/month."
)
@click.option("--children", default=None, metavar="AGES", help="Children's ages, e.g. 7,4.")
@click.option("--rent", default=None, metavar="AMOUNT/PERIOD", help="Rent, e.g. 112.50/week.")
@click.option(
    "--tenure",
    type=click.Choice(["social_rent", "private_rent", "owner", "none"]),
    default=None,
    help="Default social_rent when --rent is given.",
)
@click.option("--lha", default=None, metavar="AMOUNT/PERIOD", help="Local housing allowance rate (private renters).")
@click.option("--bedrooms", type=click.IntRange(0, 20), default=None, help="Bedrooms in the home.")
@click.option(
    "--council-tax", "council_tax", default=None, metavar="AMOUNT/PERIOD", help="Council tax, e.g. 1820/year."
)
@click.option(
    "--council", "council", default=None, help="The council, by name: its council tax reduction scheme (rules schemes)."
)
@click.option(
    "--childcare", default=None, metavar="AMOUNT/PERIOD", help="Childcare costs when working, e.g. 300/month."
)
@click.option(
    "--work-costs",
    "work_costs",
    default=None,
    metavar="AMOUNT/PERIOD",
    help="Travel and other costs of working, e.g. 18/week.",
)
@click.option("--capital", default=None, help="Savings and capital, e.g. 1500.")
@click.option("--nation", type=click.Choice(["england", "scotland", "wales"]), default="england", show_default=True)
@click.option("--london", is_flag=True, help="Lives in Greater London (benefit cap).")
@click.option("--date", default=None, help="The day to work out (YYYY-MM-DD; default today).")
@click.option("--tax-year", "tax_year", default=None, help="Or a tax year, e.g. 2026-27.")
@click.option("--current-hours", "current_hours", default=None, help="Hours worked now (for --baseline current).")
@click.option(
    "--print-scenario",
    "print_scenario",
    is_flag=True,
    help="Print the scenario as YAML (to save and edit) instead of calculating.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the JSON document (docs/json.md).")
@click.option("--csv", "as_csv", is_flag=True, help="Print one CSV row per point.")
@_analysis_options
@click.option(
    "--rules",
    "rules_dir",
    type=click.Path(file_okay=False),
    help="A directory of YAML rules laid over the shipped ones.",
)
@click.option(
    "--period",
    type=click.Choice(["week", "month", "year"]),
    default="week",
    show_default=True,
    help="Period for every amount.",
)
def quick(
    hours_text: str,
    print_scenario: bool,
    as_json: bool,
    as_csv: bool,
    baseline: str,
    no_color: bool,
    rules_dir: str | None,
    period: str,
    **options: Any,
) -> None:
    """A sweep with no scenario file: the household from options.

    Example: benefitcalc quick --age 34 --lcwra --esa support --rent 112.50/week --pay 12.71 --hours 0:30:2
    """
    from benefitcalc.api import to_json
    from benefitcalc.scenario import scenario_from_data

    hours = parse_hours(hours_text)
    council = options.pop("council")
    data = quick_scenario(hours=hours[-1], **options)
    if council:  # the council's scheme, found by its name (forgiving spelling)
        from benefitcalc.programmes.council_tax_reduction import scheme_for_council

        scheme = scheme_for_council(base._rules(rules_dir), council)
        data.setdefault("housing", {})["council_tax_reduction_scheme"] = scheme
    if print_scenario:
        import yaml

        click.echo(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), nl=False)
        return
    scenario = scenario_from_data(data, "quick options")
    doc = to_json(scenario, hours, period=period, rules=base._rules(rules_dir), baseline=baseline)
    _emit(doc, as_json, as_csv, no_color)
