"""The calculation endpoints under ``/v1/``: thin views of the library, one JSON document each.

Every body is read by :func:`benefitcalc.web.body.parse_json` (numbers exact, duplicate keys and
deep nesting refused), its envelope checked by a model of :mod:`benefitcalc.web.models`, and the
scenario by :func:`benefitcalc.scenario.scenario_from_data`. The work runs in a thread of the
server's pool (the routes are plain functions), so a long sweep does not hold up other requests.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response

from benefitcalc import __version__
from benefitcalc.errors import ScenarioError
from benefitcalc.hours import parse_hours, parse_profits, profit_value
from benefitcalc.loader import RuleSet
from benefitcalc.scenario import Scenario, parse_text, scenario_from_data
from benefitcalc.service import DEFAULT_HOURS, MAX_BATCH
from benefitcalc.web.body import JSON, check_shape, parse_json
from benefitcalc.web.errors import ERROR_RESPONSES
from benefitcalc.web.models import (
    BatchRequest,
    CalcRequest,
    CompareRequest,
    ExplainRequest,
    Health,
    ReportRequest,
    ScenarioText,
    Scheme,
    SweepRequest,
    envelope,
)

router = APIRouter(prefix="/v1", responses=ERROR_RESPONSES)

REPORT_HOURS = ("0", "8", "16", "24", "30")


async def json_body(request: Request) -> Any:
    """The request's body as JSON data (the body limit is enforced before it gets here)."""
    return parse_json(await request.body())


Body = Annotated[Any, Depends(json_body)]


def takes(model: type) -> dict[str, Any]:
    """The OpenAPI request body of a route whose body is read by :func:`json_body`."""
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{model.__name__}"}}},
        }
    }


def _rules(request: Request) -> RuleSet:
    rules: RuleSet = request.app.state.rules
    return rules


def _scenario(data: dict[str, Any], where: str = "scenario") -> Scenario:
    return scenario_from_data(data, where)


def _hours(value: list[Decimal] | str | None, default: tuple[str, ...]) -> list[Decimal]:
    if value is None:
        return [Decimal(h) for h in default]
    if isinstance(value, str):
        return parse_hours(value, "hours")
    return list(dict.fromkeys(value))


def _profits(value: list[Decimal] | str) -> list[Decimal]:
    """Profits a month as `sweep --profits` reads them: each to the penny, from 0 to 100,000."""
    if isinstance(value, str):
        return parse_profits(value, "profits")
    return list(dict.fromkeys(profit_value(p, "profits") for p in value))


@router.get("/health", response_model=Health, summary="Is it up, and which rules does it hold")
def health(request: Request) -> dict[str, Any]:
    rules = _rules(request)
    return {"status": "ok", "benefitcalc": __version__, "rules": {"version": rules.version, "digest": rules.digest}}


@router.get("/schema", summary="The scenario format as JSON Schema")
def schema() -> dict[str, Any]:
    return Scenario.model_json_schema()


@router.get("/schema/output", summary="The JSON document's schema (docs/output.schema.json)")
def output_schema() -> dict[str, Any]:
    from benefitcalc.views import output_schema as build

    return build()


@router.post("/sweep", summary="The household at several numbers of hours", openapi_extra=takes(SweepRequest))
def sweep(request: Request, body: Body) -> JSON:
    from benefitcalc.api import to_json

    given: SweepRequest = envelope(SweepRequest, body)
    scenario = _scenario(given.scenario)
    if given.profits is not None:
        if given.hours is not None:
            raise ScenarioError("give hours or profits, not both", "profits")
        profits = _profits(given.profits)
        return JSON(
            to_json(scenario, period=given.period, rules=_rules(request), baseline=given.baseline, profits=profits)
        )
    hours = _hours(given.hours, DEFAULT_HOURS)
    return JSON(to_json(scenario, hours, period=given.period, rules=_rules(request), baseline=given.baseline))


@router.post("/calc", summary="The household at one number of hours", openapi_extra=takes(CalcRequest))
def calc(request: Request, body: Body) -> JSON:
    from benefitcalc.api import to_json

    given: CalcRequest = envelope(CalcRequest, body)
    scenario = _scenario(given.scenario)
    hours = [given.hours] if given.hours is not None else None
    return JSON(to_json(scenario, hours, period=given.period, rules=_rules(request), baseline=given.baseline))


@router.post("/explain", summary="The calculation step by step", openapi_extra=takes(ExplainRequest))
def explain(request: Request, body: Body) -> JSON:
    from benefitcalc.engine import make_context
    from benefitcalc.explain import explain as build
    from benefitcalc.explain import to_json

    given: ExplainRequest = envelope(ExplainRequest, body)
    scenario = _scenario(given.scenario)
    job = scenario.worker.job
    hours = given.hours if given.hours is not None else (job.hours if job else Decimal(0))
    ctx = make_context(scenario, _rules(request))
    return JSON(to_json(build(scenario, ctx, hours, given.baseline, given.period)))


@router.post("/compare", summary="Job offers, or households, side by side", openapi_extra=takes(CompareRequest))
def compare(request: Request, body: Body) -> JSON:
    from benefitcalc.views.compare import compare as build

    given: CompareRequest = envelope(CompareRequest, body)
    households = [(f"scenario {i + 1}", _scenario(data, f"scenarios[{i}]")) for i, data in enumerate(given.scenarios)]
    jobs = [(job.hourly_pay, job.hours) for job in given.jobs]
    return JSON(build(households, jobs, _rules(request), given.period, given.baseline))


def report_bytes(given: ReportRequest, rules: RuleSet) -> tuple[bytes, str]:
    """The report (or its chart) for the request, and its media type."""
    from benefitcalc.api import to_json
    from benefitcalc.report import build, render_html, render_pdf
    from benefitcalc.report.html import chart_figure, marker_list

    scenario = _scenario(given.scenario)
    hours = _hours(given.hours, REPORT_HOURS)
    doc = to_json(scenario, hours, period=given.period, rules=rules, baseline=given.baseline)
    try:
        day = dt.date.fromisoformat(given.date) if given.date else dt.date.today()
    except ValueError:
        raise ScenarioError(f"{given.date!r} is not a date: write YYYY-MM-DD", "date") from None
    content = build(
        doc,
        scenario,
        prepared_on=day,
        adviser=(given.adviser or "").strip() or None,
        organisation=(given.organisation or "").strip() or None,
        headline_hours=given.headline,
    )
    if given.format == "pdf":
        return render_pdf(content), "application/pdf"
    if given.format == "html":
        return render_html(content).encode("utf-8"), "text/html; charset=utf-8"
    markers = marker_list(content)
    if markers:
        markers = "<p>What changes as the hours go up (the numbered lines):</p>\n" + markers
    return (chart_figure(content) + markers).encode("utf-8"), "text/html; charset=utf-8"


@router.post(
    "/report",
    summary="The printed report: PDF, a standalone HTML page, or its chart",
    openapi_extra=takes(ReportRequest),
    responses={
        200: {
            "description": "format pdf: the PDF; html: the page; chart: the chart and its key as an HTML figure",
            "content": {"application/pdf": {}, "text/html": {}},
        }
    },
    response_class=Response,
)
def report(request: Request, body: Body) -> Response:
    if isinstance(body, dict) and "profits" in body:
        raise ScenarioError(
            "the report is worked by hours (a business alone: without it and with it); "
            "sweep a profit with /v1/sweep and `profits`",
            "profits",
        )
    given: ReportRequest = envelope(ReportRequest, body)
    data, media = report_bytes(given, _rules(request))
    headers = {}
    if given.format == "pdf":
        person = "".join(c for c in _scenario(given.scenario).worker.name if c.isalnum()) or "client"
        headers["Content-Disposition"] = f'attachment; filename="better-off-{person}.pdf"'
    return Response(data, media_type=media, headers=headers)


@router.get("/schemes", response_model=list[Scheme], summary="The council tax reduction schemes in the rules")
def schemes(request: Request) -> list[dict[str, Any]]:
    from benefitcalc.programmes.council_tax_reduction import list_schemes

    return [
        {
            "id": s.id,
            "name": s.name,
            "nation": s.nation,
            "applies_to": s.applies_to,
            "years": [{"start": start.isoformat(), "design": design} for start, design in s.years],
        }
        for s in list_schemes(_rules(request))
    ]


@router.post("/batch", summary="Many households: a result or an error for each", openapi_extra=takes(BatchRequest))
def batch(request: Request, body: Body) -> JSON:
    from benefitcalc.service import batch as run_batch

    if isinstance(body, dict) and isinstance(body.get("items"), list) and len(body["items"]) > MAX_BATCH:
        raise ScenarioError(f"at most {MAX_BATCH} items in one batch; got {len(body['items'])}", "items")
    given: BatchRequest = envelope(BatchRequest, body)
    return JSON({"results": list(run_batch(given.items, _rules(request)))})


@router.post(
    "/scenario/parse",
    summary="Check a scenario file's text (YAML or JSON) and read it",
    openapi_extra=takes(ScenarioText),
    responses={200: {"description": "The scenario as JSON data"}},
)
def read_scenario(body: Body) -> JSON:
    given: ScenarioText = envelope(ScenarioText, body)
    data = check_shape(parse_text(given.text, "scenario." + given.format), "text")
    scenario_from_data(data, "scenario")  # a ScenarioError (422) names each problem
    return JSON(data)
