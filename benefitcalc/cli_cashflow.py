"""`benefitcalc cashflow`: the first months in work, week by week and assessment period by
assessment period (docs/cashflow.md). A thin view of :mod:`benefitcalc.cashflow`: `--json` prints
:func:`benefitcalc.cashflow.document` exactly."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal, InvalidOperation
from typing import Any

import click

from benefitcalc.errors import ScenarioError
from benefitcalc.periods import WEEKDAYS

# One character per source of money in the chart, in stacking order.
_MARKS: dict[str, str] = {
    "wages": "#",
    "universal_credit": "U",
    "new_style_esa": "E",
    "new_style_jsa": "J",
    "carers_allowance": "C",
    "carer_support_payment": "C",
    "child_benefit": "B",
}
_OTHER = "o"
_WIDTH = 50


def _date(text: str | None, option: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ScenarioError(f"{text!r} is not a date: use YYYY-MM-DD", option) from None


def _money(text: str | None) -> Decimal | None:
    if text is None:
        return None
    try:
        value = Decimal(text.replace("£", "").replace(",", ""))
    except InvalidOperation:
        raise ScenarioError(f"{text!r} is not an amount of money", "--living-costs") from None
    if not value.is_finite() or value < 0:
        raise ScenarioError(f"{text!r} is not an amount of money", "--living-costs")
    return value


def _m(amount: Decimal) -> str:
    return f"£{amount:,.2f}"


def chart(doc: dict[str, Any]) -> list[str]:
    """Money in by week as stacked text bars, weeks in tight periods marked with `!`."""
    tight = [(t["start"], t["end"]) for t in doc["tight_periods"]]
    top = max((Decimal(w["total"]) for w in doc["weeks"]), default=Decimal(0))
    lines = []
    for w in doc["weeks"]:
        parts = [("wages", Decimal(w["wages"]))] + [(k, Decimal(v)) for k, v in w["benefits"].items()]
        bar = ""
        for key, amount in parts:
            if amount > 0 and top > 0:
                bar += _MARKS.get(key, _OTHER) * max(1, int(amount * _WIDTH / top))
        mark = "!" if any(a <= w["start"] <= b for a, b in tight) else " "
        lines.append(f"{w['start']} {mark} {bar:<{_WIDTH + 4}} {_m(Decimal(w['total'])):>11}")
    legend = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in _MARKS.items() if k != "carer_support_payment")
    lines.append(f"Key: {legend}, {_OTHER} other benefits; ! a week in a tight period.")
    return lines


def text(doc: dict[str, Any]) -> str:
    out = ["Assessment periods (Universal Credit on the wages received in each, paid 7 days after it ends):", ""]
    out.append(f"{'Assessment period':<25} {'Paydays':<24} {'Gross pay':>10} {'UC':>10} {'UC paid':>11}  ")
    tight = {t["start"] for t in doc["tight_periods"]}
    for p in doc["assessment_periods"]:
        days = ", ".join(d["date"][5:] for d in p["paydays"]) or "none"
        flag = "tight" if p["start"] in tight else ""
        out.append(
            f"{p['start']} to {p['end']:<11} {days:<24} {_m(Decimal(p['earnings'])):>10} "
            f"{_m(Decimal(p['universal_credit'])):>10} {p['payment_date']:>11}  {flag}"
        )
        out.extend(f"    {note}" for note in p["notes"])
    out += ["", "Money in by week (after tax, NI and pension):", ""] + chart(doc)
    for e in doc["benefits_ending"]:
        last = (
            f"last paid {e['last_payment_date']} ({_m(Decimal(e['last_payment']))})" if e["last_payment_date"] else ""
        )
        out.append(
            f"{e['programme'].replace('_', ' ')} ({e['person']}): £{e['weekly_amount']} a week stops from the benefit "
            f"week starting {e['ends_from']}; {last}"
        )
    for t in doc["tight_periods"]:
        out += ["", "Tight: " + t["explanation"]] + [f"  - {h}" for h in t["help"]]
    if doc["assumptions"]:
        out += ["", "Assumed: " + " ".join(doc["assumptions"])]
    return "\n".join(out) + "\n"


@click.command("cashflow")
@click.argument("scenario", required=False)
@click.option("--start", "start", default=None, help="The first day of work, YYYY-MM-DD (default: job.start_date).")
@click.option("--months", default=6, show_default=True, type=click.IntRange(1, 24), help="Assessment periods shown.")
@click.option(
    "--pay-frequency",
    type=click.Choice(["weekly", "fortnightly", "four_weekly", "monthly", "last_working_day"]),
    default=None,
    help="How often wages are paid (default: job.pay_frequency, else monthly).",
)
@click.option("--first-payday", default=None, help="YYYY-MM-DD (default: job.first_payday, else one pay period on).")
@click.option(
    "--assessment-period-start-day",
    type=click.IntRange(1, 31),
    default=None,
    help="Day of the month UC assessment periods start (default: universal_credit.assessment_period_start_day).",
)
@click.option(
    "--benefit-payday",
    type=click.Choice(list(WEEKDAYS)),
    default="monday",
    show_default=True,
    help="The day ESA, JSA and Carer's Allowance are paid (it ends each benefit week).",
)
@click.option(
    "--carers-allowance-paid",
    type=click.Choice(["four_weekly", "weekly"]),
    default="four_weekly",
    show_default=True,
    help="How Carer's Allowance is paid (in arrears).",
)
@click.option("--living-costs", default=None, help="Living costs a month (default: the UC standard allowance).")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON document (docs/json.md, 'Cash flow').")
@click.option("--rules", "rules_dir", type=click.Path(file_okay=False), help="YAML rules laid over the shipped ones.")
@click.option("--example", is_flag=True, help="Use the built-in example scenario.")
def cashflow(
    scenario: str | None,
    start: str | None,
    months: int,
    pay_frequency: str | None,
    first_payday: str | None,
    assessment_period_start_day: int | None,
    benefit_payday: str,
    carers_allowance_paid: str,
    living_costs: str | None,
    as_json: bool,
    rules_dir: str | None,
    example: bool,
) -> None:
    """Money in over the first months of the job: wages on each payday, each benefit on its payment
    dates, UC for each assessment period on the wages received in it; tight periods marked."""
    from benefitcalc import cashflow as library
    from benefitcalc.cli_common import _load, _rules

    household = _load(scenario, example)
    options = library.options_for(
        household,
        start_date=_date(start, "--start"),
        pay_frequency=pay_frequency,
        first_payday=_date(first_payday, "--first-payday"),
        assessment_period_start_day=assessment_period_start_day,
        months=months,
        benefit_payday=WEEKDAYS.index(benefit_payday),
        carers_allowance_weeks=4 if carers_allowance_paid == "four_weekly" else 1,
        living_costs=_money(living_costs),
    )
    doc = library.document(library.timeline(household, _rules(rules_dir), options))
    if as_json:
        click.echo(json.dumps(doc, indent=2))
    else:
        click.echo(text(doc), nl=False)
