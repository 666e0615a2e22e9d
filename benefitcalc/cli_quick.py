"""`benefitcalc quick`: a sweep with no scenario file, the household described by options.

Registered in cli.py. Every error is a :class:`ScenarioError` naming the option, printed as one
plain message with exit code 2.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

import click

from benefitcalc.cli_common import _analysis_options, _emit, _rules
from benefitcalc.errors import ScenarioError
from benefitcalc.hours import parse_hours

PERIOD_NAMES = ("week", "fortnight", "four_weeks", "month", "year")


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


# --- quick -----------------------------------------------------------------------------------

# The scenario's fields as `quick` sets them, so its errors and warnings name its options, not
# YAML paths. Longest path first; `[N]` of children is dropped before matching.
QUICK_OPTIONS: tuple[tuple[str, str], ...] = (
    ("adults[0].job.hourly_pay", "--pay"),
    ("adults[0].job.current_hours", "--current-hours"),
    ("adults[0].job.hours", "--hours"),
    ("adults[0].job.pension", "--pension"),
    ("adults[0].carer", "--carer"),
    ("adults[0].universal_credit_health", "--lcw/--lcwra"),
    ("adults[0].health_element_protected", "--protected/--new-claimant"),
    ("adults[0].new_style_esa", "--esa"),
    ("adults[0].new_style_jsa", "--jsa"),
    ("adults[0].pip", "--pip-daily/--pip-mobility"),
    ("adults[0].adult_disability_payment", "--pip-daily/--pip-mobility"),
    ("adults[0].age", "--age"),
    ("adults[0].name", "--name"),
    ("adults[1].earnings", "--partner-earnings"),
    ("adults[1].age", "--partner-age"),
    ("children", "--children"),
    ("housing.local_housing_allowance", "--lha"),
    ("housing.council_tax_band", "council tax band"),  # no quick option: the words alone
    ("housing.council_tax_reduction_scheme", "the council's scheme"),
    ("housing.council_tax", "--council-tax"),
    ("housing.bedrooms", "--bedrooms"),
    ("housing.tenure", "--tenure"),
    ("housing.rent", "--rent"),
    ("childcare", "--childcare"),
    ("work_costs", "--work-costs"),
    ("capital", "--capital"),
    ("nation", "--nation"),
    ("in_greater_london", "--london"),
    ("tax_year", "--tax-year"),
    ("date", "--date"),
)
# Bare field names the engine's warnings quote in backticks, as `quick` sets them.
_QUICK_WORDS: dict[str, str] = {
    "bedrooms": "--bedrooms",
    "local_housing_allowance": "--lha",
    "health_element_protected": "--protected/--new-claimant",
    "date_of_birth": "--children (ages only: give a scenario file for dates of birth)",
}
_PATH = re.compile(
    r"\b(?:adults|children)\[\d+\](?:\.[a-z_]+)*"
    r"|\b(?:housing|childcare|work_costs|capital|nation|in_greater_london|tax_year|date)(?:\.[a-z_]+)+"
)


def quick_option(path: str) -> str | None:
    """The `quick` option that sets the scenario field ``path`` (None if no option does)."""
    plain = re.sub(r"^children\[\d+\].*", "children", path)
    return next((option for field, option in QUICK_OPTIONS if plain == field or plain.startswith(field + ".")), None)


def in_quick_words(text: str) -> str:
    """``text`` with each scenario field path (``housing.bedrooms``, `bedrooms`) put as the quick option."""

    def path(match: re.Match[str]) -> str:
        return quick_option(match[0]) or match[0]

    text = re.sub(r"`([a-z_]+)`", lambda m: _QUICK_WORDS.get(m[1], m[0]), text)
    text = re.sub(r"`([a-z_.\[\]0-9]+)`", lambda m: quick_option(m[1]) or m[0], text)
    return _PATH.sub(path, text)


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
    adult: dict[str, Any] = {"name": name, "age": age, "job": _quick_job(pay, hours, pension, current_hours)}
    adult.update(_quick_health(lcw, lcwra, protected, esa, jsa))
    if carer is not None:
        adult["carer"] = {"hours_per_week": carer}
    if pip_daily or pip_mobility:
        key = "adult_disability_payment" if nation == "scotland" else "pip"
        adult[key] = {"daily_living": pip_daily or "none", "mobility": pip_mobility or "none"}
    data: dict[str, Any] = {"nation": nation, "adults": [adult, *_quick_partner(partner_age, partner_earnings)]}
    if london:
        data["in_greater_london"] = True
    if date:
        data["date"] = date
    if tax_year:
        data["tax_year"] = tax_year
    if children:
        data["children"] = _quick_children(children)
    housing = _quick_housing(rent, tenure, lha, bedrooms, council_tax)
    if housing:
        data["housing"] = housing
    if childcare:
        data["childcare"] = parse_amount(childcare, "--childcare")
    if work_costs:
        data["work_costs"] = parse_amount(work_costs, "--work-costs")
    if capital:
        data["capital"] = capital
    return data


def _quick_health(lcw: bool, lcwra: bool, protected: bool | None, esa: str | None, jsa: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if lcw or lcwra:
        out["universal_credit_health"] = "lcwra" if lcwra else "lcw"
        if protected is not None:
            out["health_element_protected"] = protected
    if esa:
        out["new_style_esa"] = esa
    if jsa:
        out["new_style_jsa"] = True
    return out


def _quick_job(pay: str, hours: Decimal, pension: str, current_hours: str | None) -> dict[str, Any]:
    job: dict[str, Any] = {"hourly_pay": pay, "hours": str(hours)}
    if pension == "auto_enrolment":
        job["pension"] = "auto_enrolment"
    elif pension != "none":
        try:
            rate = Decimal(pension.rstrip("%")) / (100 if pension.endswith("%") else 1)
        except InvalidOperation:
            raise ScenarioError(
                f"{pension!r}: use none, auto_enrolment, or an employee rate such as 5% or 0.05", "--pension"
            ) from None
        job["pension"] = {"employee_rate": str(rate)}
    if current_hours is not None:
        job["current_hours"] = current_hours
    return job


def _quick_partner(partner_age: int | None, partner_earnings: str | None) -> list[dict[str, Any]]:
    if partner_age is None:
        if partner_earnings:
            raise ScenarioError("--partner-earnings needs --partner-age", "--partner-earnings")
        return []
    partner: dict[str, Any] = {"name": "Partner", "age": partner_age}
    if partner_earnings:
        partner["earnings"] = parse_amount(partner_earnings, "--partner-earnings")
    return [partner]


def _quick_children(children: str) -> list[dict[str, int]]:
    try:
        return [{"age": int(part)} for part in children.split(",") if part.strip()]
    except ValueError:
        raise ScenarioError(
            f"{children!r}: give the children's ages separated by commas, e.g. 7,4", "--children"
        ) from None


def _quick_housing(
    rent: str | None, tenure: str | None, lha: str | None, bedrooms: int | None, council_tax: str | None
) -> dict[str, Any]:
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
    return housing


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

        scheme = scheme_for_council(_rules(rules_dir), council)
        data.setdefault("housing", {})["council_tax_reduction_scheme"] = scheme
    if print_scenario:
        import yaml

        click.echo(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), nl=False)
        return
    try:
        scenario = scenario_from_data(data, "quick options")
        doc = to_json(scenario, hours, period=period, rules=_rules(rules_dir), baseline=baseline)
    except ScenarioError as exc:  # name the option, not the scenario field it set
        where, message = exc.where or "", exc.message
        field = re.match(r"([a-z_.\[\]0-9]+): ", message)
        if where == "quick options" and field and quick_option(field[1]):
            where, message = field[1], message[field.end() :]
        raise ScenarioError(in_quick_words(message), quick_option(where) or where or None) from None
    for point in doc["points"]:
        for warning in point["warnings"]:
            warning["message"] = in_quick_words(warning["message"])
    _emit(doc, as_json, as_csv, no_color)
