"""``POST /v1/cashflow``: the first months in work (docs/cashflow.md), a thin view of
:mod:`benefitcalc.cashflow`. It takes the options of `benefitcalc cashflow` (benefitcalc.cli_cashflow)
under their JSON names, checks them with the same messages, and answers with
:func:`benefitcalc.cashflow.document` exactly (docs/json.md, "Cash flow")."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from fastapi import APIRouter, Request

from benefitcalc.errors import CoverageError, ScenarioError
from benefitcalc.loader import RuleSet
from benefitcalc.periods import WEEKDAYS
from benefitcalc.scenario import scenario_from_data
from benefitcalc.web.api_routes import Body, takes
from benefitcalc.web.body import JSON
from benefitcalc.web.errors import ERROR_RESPONSES
from benefitcalc.web.models import CashflowRequest, envelope

router = APIRouter(prefix="/v1", responses=ERROR_RESPONSES)


def _date(text: str | None, where: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ScenarioError(f"{text!r} is not a date: use YYYY-MM-DD", where) from None


def _money(value: Decimal | str | None) -> Decimal | None:
    """Living costs a month: a number, or text as the command line takes it (``£1,200``)."""
    if value is None or isinstance(value, Decimal):
        return value
    try:
        amount = Decimal(value.replace("£", "").replace(",", "").strip())
    except InvalidOperation:
        raise ScenarioError(f"{value!r} is not an amount of money", "living_costs") from None
    if not amount.is_finite() or amount < 0:
        raise ScenarioError(f"{value!r} is not an amount of money", "living_costs")
    return amount


@router.post(
    "/cashflow",
    summary="The first months in work: money in week by week and assessment period by assessment period",
    openapi_extra=takes(CashflowRequest),
    responses={200: {"description": "The cash-flow document (docs/json.md, 'Cash flow')"}},
)
def cashflow(request: Request, body: Body) -> JSON:
    from benefitcalc import cashflow as library

    given: CashflowRequest = envelope(CashflowRequest, body)
    scenario = scenario_from_data(given.scenario, "scenario")
    job = scenario.worker.job
    if job is None:
        raise ScenarioError("the cash-flow timeline needs a job: give the worker a `job`", "scenario.adults")
    start = _date(given.start, "start")
    if start is None and job.start_date is None:
        raise ScenarioError("the job's start date is needed: give `job.start_date` or `start`", "start")
    options = library.options_for(
        scenario,
        start_date=start,
        pay_frequency=given.pay_frequency,
        first_payday=_date(given.first_payday, "first_payday"),
        assessment_period_start_day=given.assessment_period_start_day,
        months=given.months,
        benefit_payday=WEEKDAYS.index(given.benefit_payday),
        carers_allowance_weeks=4 if given.carers_allowance_paid == "four_weekly" else 1,
        living_costs=_money(given.living_costs),
    )
    rules: RuleSet = request.app.state.rules
    try:
        timeline = library.timeline(scenario, rules, options)
    except CoverageError as exc:  # the last assessment periods run past the rules: say how to show fewer
        raise CoverageError(f"{exc.message}; or show fewer assessment periods with `months`", "months") from None
    return JSON(library.document(timeline))
