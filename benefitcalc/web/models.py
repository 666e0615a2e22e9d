"""What each endpoint takes: the envelopes around a scenario, as pydantic models.

They are the OpenAPI description of the request bodies, and they check each body's envelope
(unknown keys refused). The scenario inside is checked by
:func:`benefitcalc.scenario.scenario_from_data`, whose messages name each field as the command
line does; its schema in the description is :class:`benefitcalc.scenario.Scenario`'s.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, WithJsonSchema

from benefitcalc.errors import ScenarioError

# A scenario in a body is read as JSON data and checked by scenario_from_data; in the OpenAPI
# description its schema is Scenario's: the marker below is replaced by a reference to it
# (benefitcalc.web.app), since pydantic cannot refer to a schema it did not make itself.
SCENARIO_MARKER = "x-benefitcalc-scenario"

ScenarioData = Annotated[
    dict[str, Any],
    WithJsonSchema({"type": "object", SCENARIO_MARKER: True, "description": "A scenario (docs/scenario.md)"}),
]
HoursList = Annotated[
    Annotated[list[Annotated[Decimal, Field(ge=0, le=168)]], Field(min_length=1, max_length=2001)]
    | Annotated[str, Field(max_length=2000)],
    Field(description="Hours a week: a list of numbers, or a string such as 0,8,16 or 0:40:2"),
]
ProfitsList = Annotated[
    Annotated[list[Annotated[Decimal, Field(ge=0, le=100000)]], Field(min_length=1, max_length=2001)]
    | Annotated[str, Field(max_length=2000)],
    Field(description="Profit a month, to the penny: a list of numbers, or a string such as 0,500,1000 or 0:1500:100"),
]
Period = Literal["week", "month", "year"]
IsoDate = Annotated[str, Field(max_length=40, json_schema_extra={"format": "date"})]
Baseline = Annotated[
    Literal["zero", "current"],
    Field(description="Better off than not working (zero) or than the client's present hours (current)"),
]


class Envelope(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SweepRequest(Envelope):
    """The household at several numbers of hours, with cliff edges between them."""

    scenario: ScenarioData
    hours: HoursList | None = Field(None, description="Default: 0, 8, 16, 24, 30 and 37.5")
    profits: ProfitsList | None = Field(
        None,
        description="Instead of hours: sweep the self-employed adult's profit a month (the document's axis is "
        "then profit); not with hours",
    )
    period: Period = "month"
    baseline: Baseline = "zero"


class CalcRequest(Envelope):
    """The household at one number of hours (default: the job's hours in the scenario)."""

    scenario: ScenarioData
    hours: Annotated[Decimal, Field(ge=0, le=168)] | None = None
    period: Period = "month"
    baseline: Baseline = "zero"


class ExplainRequest(Envelope):
    """The whole calculation at one number of hours, step by step, each step with its source."""

    scenario: ScenarioData
    hours: Annotated[Decimal, Field(ge=0, le=168)] | None = None
    period: Period = "week"
    baseline: Baseline = "zero"


class JobOffer(Envelope):
    hourly_pay: Annotated[Decimal, Field(gt=0, le=10000)]
    hours: Annotated[Decimal, Field(ge=0, le=168)]


class CompareRequest(Envelope):
    """Job offers for one household, or several households each with its own job (or with the offers)."""

    scenarios: Annotated[list[ScenarioData], Field(min_length=1, max_length=10)]
    jobs: Annotated[list[JobOffer], Field(max_length=10)] = []
    period: Period = "month"
    baseline: Baseline = "zero"


class ReportRequest(Envelope):
    """The printed better-off report for a client."""

    scenario: ScenarioData
    format: Literal["pdf", "html", "chart"] = Field(
        "pdf", description="pdf or html: the whole report; chart: its chart and key as an HTML figure"
    )
    hours: HoursList | None = Field(None, description="At most 10; default 0, 8, 16, 24, 30")
    headline: Annotated[Decimal, Field(ge=0, le=168)] | None = Field(
        None, description="The hours for page one's headline (default: the job's hours, if listed)"
    )
    period: Literal["week", "month"] = "week"
    baseline: Baseline = "zero"
    adviser: Annotated[str, Field(max_length=120)] | None = None
    organisation: Annotated[str, Field(max_length=120)] | None = None
    date: Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")] | None = Field(
        None, description="The date printed on the report (default: today)"
    )


class CashflowRequest(Envelope):
    """The first months in work (docs/cashflow.md): wages on each payday, each benefit on its payment
    dates, Universal Credit for each assessment period; the options of `benefitcalc cashflow`."""

    scenario: ScenarioData
    start: IsoDate | None = Field(None, description="The first day of work, YYYY-MM-DD (default: job.start_date)")
    months: Annotated[int, Field(ge=1, le=24)] = Field(6, description="Assessment periods shown")
    pay_frequency: Literal["weekly", "fortnightly", "four_weekly", "monthly", "last_working_day"] | None = Field(
        None, description="How often wages are paid (default: job.pay_frequency, else monthly)"
    )
    first_payday: IsoDate | None = Field(
        None, description="YYYY-MM-DD (default: job.first_payday, else one pay period after starting)"
    )
    assessment_period_start_day: Annotated[int, Field(ge=1, le=31)] | None = Field(
        None, description="Day of the month UC assessment periods start (default: the scenario's, else the 1st)"
    )
    benefit_payday: Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] = Field(
        "monday", description="The day ESA, JSA and Carer's Allowance are paid (it ends each benefit week)"
    )
    carers_allowance_paid: Literal["four_weekly", "weekly"] = Field(
        "four_weekly", description="How Carer's Allowance is paid (in arrears)"
    )
    living_costs: Annotated[Decimal, Field(ge=0, le=1_000_000)] | Annotated[str, Field(max_length=40)] | None = Field(
        None, description="Living costs a month, a number or text such as £1,200 (default: the UC standard allowance)"
    )


class BatchRequest(Envelope):
    """Many households at once: one result or one error for each item, in order."""

    items: Annotated[list[dict[str, Any]], Field(description="Each {id, scenario, hours, period}; at most 1,000")]


class ScenarioText(Envelope):
    """A scenario file's text, YAML or JSON, to be checked and read."""

    text: Annotated[str, Field(max_length=1_000_000)]
    format: Literal["yaml", "json"] = "yaml"


class Health(BaseModel):
    status: Literal["ok"]
    benefitcalc: str
    rules: dict[str, str]


class SchemeYear(BaseModel):
    start: str
    design: str | None


class Scheme(BaseModel):
    """A council tax reduction scheme held in the rules (`housing.council_tax_reduction_scheme`)."""

    id: str
    name: str
    nation: str
    applies_to: str
    years: list[SchemeYear]


REQUEST_MODELS: tuple[type[Envelope], ...] = (
    SweepRequest,
    CalcRequest,
    ExplainRequest,
    CompareRequest,
    ReportRequest,
    CashflowRequest,
    BatchRequest,
    ScenarioText,
)


def envelope(model: type[Envelope], data: Any) -> Any:
    """``data`` checked against ``model``; one :class:`ScenarioError` (422) naming each problem."""
    if not isinstance(data, dict):
        raise ScenarioError(f"the body must be a JSON object: {', '.join(model.model_fields)}", "body")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = ".".join(str(part) for part in err["loc"] if not str(part).startswith(("function-", "list[")))
            problems.append(f"{loc}: {err['msg']}" if loc else err["msg"])
        first = str(exc.errors()[0]["loc"][0]) if exc.errors() and exc.errors()[0]["loc"] else "body"
        raise ScenarioError("; ".join(dict.fromkeys(problems)), first) from None
