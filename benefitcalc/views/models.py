"""The JSON document as types: the embedding contract (docs/json.md), with a published JSON Schema.

The document (:class:`Document`) is built from these frozen dataclasses and turned into plain JSON
data by :func:`as_json`, field by field in the order declared here (the order the document has
always had). The two shapes a document holds thousands of (a breakdown line, a warning) are
typed dicts, built as plain dicts at no cost. :func:`output_schema` is the JSON Schema of the
whole document (``benefitcalc schema --output``, docs/output.schema.json), from the same types
through pydantic's ``TypeAdapter``; a test validates every regression document against it.

Amounts are floats in pounds, already rounded to pence; hours and rates are floats.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, ClassVar, Literal, NotRequired

from pydantic import ConfigDict, with_config
from typing_extensions import TypedDict

_CONFIG = ConfigDict(extra="forbid")
_OMIT_IF_NONE = {"omit_if_none": True}  # field metadata: the key is left out rather than given as null


@with_config(_CONFIG)
class BreakdownLine(TypedDict):
    """One line of a programme's working, in the programme's own period."""

    amount: float
    period: str
    label: str
    rules: list[str]  # the parameters behind the line: keys of the document's ``references``
    note: NotRequired[str]


@with_config(_CONFIG)
class WarningItem(TypedDict):
    """A warning: a cliff, an assumption or a reporting duty."""

    code: str
    message: str


@with_config(_CONFIG)
class StepLine(TypedDict):
    """One step of an adult's self-employment (a breakdown line with its key), in its own period."""

    key: str
    amount: float
    period: str
    label: str
    rules: list[str]
    note: NotRequired[str]


# A point's ``breakdown``: ``earnings`` and ``income_tax`` map each adult's name to their lines by
# key; every other key is a programme (or a passport) mapping line keys to lines, with its
# ``facts`` (plain values the programme states apart) under the key ``facts``.
Breakdown = dict[str, dict[str, BreakdownLine | dict[str, Any]]]


@dataclass(frozen=True, slots=True, kw_only=True)
class SelfEmployment:
    """One adult's self-employment in the document's period (``hours``: a week; ``lines`` in their own)."""

    __pydantic_config__: ClassVar[ConfigDict] = _CONFIG

    hours: float
    receipts: float | None  # null where only the profit was given
    expenses: float
    profit: float  # negative for a loss
    taxable_profit: float
    class_2: float
    class_4: float
    personal_pension: float
    lines: list[StepLine]


@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    """One adult's pay and deductions in the document's period (``adjusted_net_income``: a year)."""

    __pydantic_config__: ClassVar[ConfigDict] = _CONFIG

    name: str
    hours: float
    gross_earnings: float
    income_tax: float
    national_insurance: float
    pension_contributions: float
    # the least the employer must add where the adult pays into a pension (Pensions Act 2008 s.20(1))
    employer_pension_contributions: float = 0.0
    net_earnings: float
    adjusted_net_income: float
    # only for an adult with self-employment: left out of the JSON otherwise
    self_employment: SelfEmployment | None = field(default=None, metadata=_OMIT_IF_NONE)


@dataclass(frozen=True, slots=True, kw_only=True)
class Passport:
    """Passported help (free school meals, Healthy Start, NHS charges) at one point."""

    __pydantic_config__: ClassVar[ConfigDict] = _CONFIG

    entitled: bool
    estimated_value: float
    value_if_entitled: float
    included_in_disposable_income: bool
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ChildcareSupport:
    """Universal Credit's childcare element against Tax-Free Childcare at one point (a month)."""

    __pydantic_config__: ClassVar[ConfigDict] = _CONFIG

    universal_credit: float
    universal_credit_childcare_element: float
    tax_free_childcare: float
    better: Literal["universal_credit", "tax_free_childcare", "neither"]
    message: str


@dataclass(frozen=True, slots=True, kw_only=True)
class MarginalEdge:
    """An edge inside the step a marginal rate is measured over (see ``cliffs`` and ``gains``)."""

    __pydantic_config__: ClassVar[ConfigDict] = _CONFIG

    hours: float
    kind: Literal["cliff", "step up", "pension starts"]
    cause: str
    profit: float | None = field(default=None, metadata=_OMIT_IF_NONE)  # the profit axis only, as in a cliff


@dataclass(frozen=True, slots=True, kw_only=True)
class Point:
    """The household's money at one number of hours (or of monthly profit), in the document's period."""

    __pydantic_config__: ClassVar[ConfigDict] = _CONFIG

    hours: float
    # on the profit axis only: the self-employed adult's profit a month at this point
    profit: float | None = field(default=None, metadata=_OMIT_IF_NONE)
    gross_earnings: float
    income_tax: float
    national_insurance: float
    pension_contributions: float
    net_earnings: float
    benefits: dict[str, float]
    high_income_child_benefit_charge: float
    total_benefits: float
    net_income: float
    housing_costs: float
    council_tax: float
    childcare_costs: float
    tax_free_childcare: float
    work_costs: float
    disposable_income: float
    better_off: float
    better_off_weekly: float
    better_off_monthly: float
    better_off_per_hour: float | None
    marginal_effective_tax_rate: float | None
    # where the step from the point with the next fewer hours holds a cliff, a step up or pension
    # contributions starting: what (``cliff``, ``step up``, ``pension starts``, joined by "and") and where
    marginal_rate_note: str | None = None
    marginal_rate_edges: list[MarginalEdge] = field(default_factory=list)
    participation_tax_rate: float | None
    # only where the household pays for childcare: left out of the JSON otherwise
    childcare_support: ChildcareSupport | None = field(default=None, metadata=_OMIT_IF_NONE)
    passports: dict[str, Passport]
    people: list[Person]
    breakdown: Breakdown
    warnings: list[WarningItem]


@dataclass(frozen=True, slots=True, kw_only=True)
class PartChange:
    """How one part of disposable income changes across an edge or a crossing: its effect on
    disposable income (money out negative), a week and a month, rounded as the points are."""

    __pydantic_config__: ClassVar[ConfigDict] = _CONFIG

    weekly: float
    monthly: float


# The parts that change, by name: ``earnings`` (pay), ``income_tax``, ``national_insurance``,
# ``pension_contributions``, each benefit, each counted passport, ``tax_free_childcare``,
# ``high_income_child_benefit_charge``, ``housing_costs``, ``council_tax``, ``childcare_costs``,
# ``work_costs``. They add up exactly to the edge's change in disposable income.
Changes = dict[str, PartChange]


@dataclass(frozen=True, slots=True, kw_only=True)
class Cliff:
    """Working more leaves the household with less: a fall in disposable income at one penny of weekly pay."""

    __pydantic_config__: ClassVar[ConfigDict] = _CONFIG

    hours: float
    gross_weekly_earnings: float
    cause: str
    programme: str
    monthly_loss: float
    weekly_loss: float
    changes: Changes
    safe_hours: float
    safe_gross_weekly_earnings: float
    safe_hours_rounded: float  # safe_hours rounded down to a whole or half hour a client can work
    safe_hours_rounded_gross_weekly_earnings: float
    recovered_at_hours: float | None
    recovered_at_gross_weekly_earnings: float | None
    summary: str
    message: str
    detail: str
    # on the profit axis only: the first penny of monthly profit across the edge, the most just
    # before it, and the least past it that makes up the loss
    profit: float | None = field(default=None, metadata=_OMIT_IF_NONE)
    safe_profit: float | None = field(default=None, metadata=_OMIT_IF_NONE)
    recovered_at_profit: float | None = field(default=None, metadata=_OMIT_IF_NONE)


@dataclass(frozen=True, slots=True, kw_only=True)
class Gain:
    """A step up in disposable income at one penny of weekly pay (the fields of a cliff, with gains)."""

    __pydantic_config__: ClassVar[ConfigDict] = _CONFIG

    hours: float
    gross_weekly_earnings: float
    cause: str
    programme: str
    monthly_gain: float
    weekly_gain: float
    changes: Changes
    safe_hours: float
    safe_gross_weekly_earnings: float
    safe_hours_rounded: float  # safe_hours rounded down to a whole or half hour a client can work
    safe_hours_rounded_gross_weekly_earnings: float
    recovered_at_hours: float | None
    recovered_at_gross_weekly_earnings: float | None
    summary: str
    message: str
    detail: str
    # on the profit axis only: the first penny of monthly profit across the edge, the most just
    # before it, and the least past it that makes up the loss
    profit: float | None = field(default=None, metadata=_OMIT_IF_NONE)
    safe_profit: float | None = field(default=None, metadata=_OMIT_IF_NONE)
    recovered_at_profit: float | None = field(default=None, metadata=_OMIT_IF_NONE)


@dataclass(frozen=True, slots=True, kw_only=True)
class PassportEnd:
    """Passported help, not counted in disposable income, that ends as pay rises."""

    __pydantic_config__: ClassVar[ConfigDict] = _CONFIG

    passport: str
    hours: float
    gross_weekly_earnings: float
    safe_hours: float
    safe_gross_weekly_earnings: float
    estimated_monthly_value: float
    message: str
    profit: float | None = field(default=None, metadata=_OMIT_IF_NONE)  # the profit axis only, as in a cliff
    safe_profit: float | None = field(default=None, metadata=_OMIT_IF_NONE)


@dataclass(frozen=True, slots=True, kw_only=True)
class RulesStamp:
    """The rules every figure comes from: version, digest of the files, the day and its tax year."""

    __pydantic_config__: ClassVar[ConfigDict] = _CONFIG

    version: str
    digest: str
    date: str
    tax_year: str


@dataclass(frozen=True, slots=True, kw_only=True)
class NotModelled:
    """A fact of the scenario the engine cannot turn into money (shown as 0)."""

    __pydantic_config__: ClassVar[ConfigDict] = _CONFIG

    item: str
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """A reference: the law or the published rate it comes from."""

    __pydantic_config__: ClassVar[ConfigDict] = _CONFIG

    title: str
    href: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Reference:
    """A parameter a line used: its value on the day, unit, period, start date, description and sources."""

    __pydantic_config__: ClassVar[ConfigDict] = _CONFIG

    value: Any  # a number, text, a scale (rows of threshold and rate) or a table (rows)
    unit: str
    period: str
    effective_from: str
    description: str
    reference: list[Source]


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """The JSON document of a sweep (or one point) with its better-off analysis: docs/json.md."""

    __pydantic_config__: ClassVar[ConfigDict] = _CONFIG

    benefitcalc: str
    rules: RulesStamp
    period: Literal["week", "month", "year"]
    person: str
    # what the points move along: the worker's hours, or the self-employed adult's profit a month
    axis: Literal["hours", "profit"] = "hours"
    baseline_hours: float
    baseline: Literal["zero", "current"]
    points: list[Point]
    cliffs: list[Cliff]
    gains: list[Gain]
    passports_end: list[PassportEnd]
    break_even_hours: float | None
    break_even_gross_weekly_earnings: float | None
    break_even_changes: Changes | None
    universal_credit_ends_at_hours: float | None
    universal_credit_ends_at_gross_weekly_earnings: float | None
    universal_credit_ends_changes: Changes | None
    searched_to_hours: float
    # the profit axis only (a month): the profit of the baseline ("current"), the top of the search,
    # break-even, the end of UC, and the minimum income floor's edge (below it more profit does not
    # raise UC) with the weekly pay and profit there
    baseline_profit: float | None = field(default=None, metadata=_OMIT_IF_NONE)
    searched_to_profit: float | None = field(default=None, metadata=_OMIT_IF_NONE)
    break_even_profit: float | None = field(default=None, metadata=_OMIT_IF_NONE)
    universal_credit_ends_at_profit: float | None = field(default=None, metadata=_OMIT_IF_NONE)
    minimum_income_floor_profit: float | None = field(default=None, metadata=_OMIT_IF_NONE)
    summary: str | None
    not_modelled: list[NotModelled]
    references: dict[str, Reference]


Fields = tuple[tuple[str, bool], ...]  # (name, left out when None) for each field, in declared (JSON) order


def _fields(kind: type) -> Fields:
    return tuple((f.name, bool(f.metadata.get("omit_if_none"))) for f in dataclasses.fields(kind))


# The fields of every model above, worked out once (a document reads them thousands of times).
_FIELDS: Mapping[type, Fields] = MappingProxyType(
    {
        kind: _fields(kind)
        for kind in (
            SelfEmployment,
            Person,
            Passport,
            ChildcareSupport,
            MarginalEdge,
            Point,
            PartChange,
            Cliff,
            Gain,
            PassportEnd,
            RulesStamp,
            NotModelled,
            Source,
            Reference,
            Document,
        )
    }
)
_PLAIN = frozenset({float, int, str, bool})  # passed through as they are


def _is_model(value: Any) -> bool:
    return type(value) in _FIELDS or (dataclasses.is_dataclass(value) and not isinstance(value, type))


def as_json(value: Any) -> Any:
    """Plain JSON data from a model, field by field in declared order.

    Lists and dicts of models are converted; any other value (a number, text, a typed dict such as
    a breakdown line, a list of warnings) is plain already and is passed through as it is.
    """
    fields = _FIELDS.get(type(value))
    if fields is None:
        if isinstance(value, list):
            return [as_json(item) for item in value] if value and _is_model(value[0]) else value
        if isinstance(value, dict):
            models = value and _is_model(next(iter(value.values())))
            return {key: as_json(item) for key, item in value.items()} if models else value
        if type(value) in _PLAIN or not _is_model(value):
            return value
        fields = _fields(type(value))
    out: dict[str, Any] = {}
    for name, omit in fields:
        item = getattr(value, name)
        if item is None:
            if not omit:
                out[name] = None
        elif type(item) in _PLAIN:
            out[name] = item
        else:
            out[name] = as_json(item)
    return out


def output_schema() -> dict[str, Any]:
    """The JSON Schema of the document (draft 2020-12), as pydantic writes it for :class:`Document`."""
    from pydantic import TypeAdapter

    schema = TypeAdapter(Document).json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
