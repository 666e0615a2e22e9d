"""The JSON document as types: the embedding contract (docs/json.md), with a published JSON Schema.

The document (:class:`Document`) and every part of it are typed dicts: the builder
(:mod:`~benefitcalc.views.json_document`) writes each as a dict in the order declared here (the
order the document has always had), checked by mypy, and the result is the JSON data itself, with
no conversion step. (Frozen dataclasses turned into JSON field by field cost several times as much
to build, and 15 of them took about 6 ms to define at import.) :func:`output_schema` is the JSON
Schema of the whole document (``benefitcalc schema --output``, docs/output.schema.json), from the
same types through pydantic's ``TypeAdapter``; a test validates every regression document against
it.

A key with a default (``Field(default=...)``) may be left out of what is validated; the schema gives
its default. A key marked :data:`OMIT_IF_NONE` is left out of the document rather than given as
null (``profit`` off the profit axis, ``self_employment`` for an employee).

Amounts are floats in pounds, already rounded to pence; hours and rates are floats.
"""

# No ``from __future__ import annotations`` here: with it every annotation is a string, and the
# TypedDicts compile each into a ForwardRef at import (about 3 ms for the document's 150 keys).
# Every type below is defined before it is used.
from types import UnionType
from typing import Annotated, Any, Literal, NotRequired, Union, get_args, get_origin, get_type_hints

from pydantic import ConfigDict, Field, with_config
from typing_extensions import TypedDict, is_typeddict

_CONFIG = ConfigDict(extra="forbid")


class _OmitIfNone:
    """Marks a key (in ``Annotated``) that is left out of the document rather than given as null."""

    def __repr__(self) -> str:
        return "OMIT_IF_NONE"


OMIT_IF_NONE = _OmitIfNone()

# A figure given on the profit axis only, left out of the JSON elsewhere. One alias for all of them,
# not one ``Field`` each: a ``Field`` is not free to make at import.
ProfitAxisOnly = Annotated[float | None, Field(default=None), OMIT_IF_NONE]


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


@with_config(_CONFIG)
class SelfEmployment(TypedDict):
    """One adult's self-employment in the document's period (``hours``: a week; ``lines`` in their own)."""

    hours: float
    receipts: float | None  # null where only the profit was given
    expenses: float
    profit: float  # negative for a loss
    taxable_profit: float
    class_2: float
    class_4: float
    personal_pension: float
    lines: list[StepLine]


@with_config(_CONFIG)
class Person(TypedDict):
    """One adult's pay and deductions in the document's period (``adjusted_net_income``: a year)."""

    name: str
    hours: float
    gross_earnings: float
    income_tax: float
    national_insurance: float
    pension_contributions: float
    # the least the employer must add where the adult pays into a pension (Pensions Act 2008 s.20(1))
    employer_pension_contributions: NotRequired[Annotated[float, Field(default=0.0)]]
    net_earnings: float
    adjusted_net_income: float
    # only for an adult with self-employment: left out of the JSON otherwise
    self_employment: NotRequired[Annotated[SelfEmployment | None, Field(default=None), OMIT_IF_NONE]]


@with_config(_CONFIG)
class Passport(TypedDict):
    """Passported help (free school meals, Healthy Start, NHS charges) at one point."""

    entitled: bool
    estimated_value: float
    value_if_entitled: float
    included_in_disposable_income: bool
    reason: str


@with_config(_CONFIG)
class ChildcareSupport(TypedDict):
    """Universal Credit's childcare element against Tax-Free Childcare at one point (a month)."""

    universal_credit: float
    universal_credit_childcare_element: float
    tax_free_childcare: float
    better: Literal["universal_credit", "tax_free_childcare", "neither"]
    message: str


@with_config(_CONFIG)
class MarginalEdge(TypedDict):
    """An edge inside the step a marginal rate is measured over (see ``cliffs`` and ``gains``)."""

    hours: float
    kind: Literal["cliff", "step up", "pension starts"]
    cause: str
    profit: NotRequired[ProfitAxisOnly]  # the profit axis only, as in a cliff


@with_config(_CONFIG)
class Point(TypedDict):
    """The household's money at one number of hours (or of monthly profit), in the document's period."""

    hours: float
    # on the profit axis only: the self-employed adult's profit a month at this point
    profit: NotRequired[ProfitAxisOnly]
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
    marginal_rate_note: NotRequired[Annotated[str | None, Field(default=None)]]
    marginal_rate_edges: NotRequired[Annotated[list[MarginalEdge], Field(default_factory=list)]]
    participation_tax_rate: float | None
    # only where the household pays for childcare: left out of the JSON otherwise
    childcare_support: NotRequired[Annotated[ChildcareSupport | None, Field(default=None), OMIT_IF_NONE]]
    passports: dict[str, Passport]
    people: list[Person]
    breakdown: Breakdown
    warnings: list[WarningItem]


@with_config(_CONFIG)
class PartChange(TypedDict):
    """How one part of disposable income changes across an edge or a crossing: its effect on
    disposable income (money out negative), a week and a month, rounded as the points are."""

    weekly: float
    monthly: float


# The parts that change, by name: ``earnings`` (pay), ``income_tax``, ``national_insurance``,
# ``pension_contributions``, each benefit, each counted passport, ``tax_free_childcare``,
# ``high_income_child_benefit_charge``, ``housing_costs``, ``council_tax``, ``childcare_costs``,
# ``work_costs``. They add up exactly to the edge's change in disposable income.
Changes = dict[str, PartChange]


@with_config(_CONFIG)
class Cliff(TypedDict):
    """Working more leaves the household with less: a fall in disposable income at one penny of weekly pay."""

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
    profit: NotRequired[ProfitAxisOnly]
    safe_profit: NotRequired[ProfitAxisOnly]
    recovered_at_profit: NotRequired[ProfitAxisOnly]


@with_config(_CONFIG)
class Gain(TypedDict):
    """A step up in disposable income at one penny of weekly pay (the fields of a cliff, with gains)."""

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
    profit: NotRequired[ProfitAxisOnly]
    safe_profit: NotRequired[ProfitAxisOnly]
    recovered_at_profit: NotRequired[ProfitAxisOnly]


@with_config(_CONFIG)
class PassportEnd(TypedDict):
    """Passported help, not counted in disposable income, that ends as pay rises."""

    passport: str
    hours: float
    gross_weekly_earnings: float
    safe_hours: float
    safe_gross_weekly_earnings: float
    estimated_monthly_value: float
    message: str
    profit: NotRequired[ProfitAxisOnly]  # the profit axis only, as in a cliff
    safe_profit: NotRequired[ProfitAxisOnly]


@with_config(_CONFIG)
class RulesStamp(TypedDict):
    """The rules every figure comes from: version, digest of the files, the day and its tax year."""

    version: str
    digest: str
    date: str
    tax_year: str


@with_config(_CONFIG)
class NotModelled(TypedDict):
    """A fact of the scenario the engine cannot turn into money (shown as 0)."""

    item: str
    reason: str


@with_config(_CONFIG)
class Source(TypedDict):
    """A reference: the law or the published rate it comes from."""

    title: str
    href: str


@with_config(_CONFIG)
class Reference(TypedDict):
    """A parameter a line used: its value on the day, unit, period, start date, description and sources."""

    value: Any  # a number, text, a scale (rows of threshold and rate) or a table (rows)
    unit: str
    period: str
    effective_from: str
    description: str
    reference: list[Source]


@with_config(_CONFIG)
class Document(TypedDict):
    """The JSON document of a sweep (or one point) with its better-off analysis: docs/json.md."""

    benefitcalc: str
    rules: RulesStamp
    period: Literal["week", "month", "year"]
    person: str
    # what the points move along: the worker's hours, or the self-employed adult's profit a month
    axis: NotRequired[Annotated[Literal["hours", "profit"], Field(default="hours")]]
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
    baseline_profit: NotRequired[ProfitAxisOnly]
    searched_to_profit: NotRequired[ProfitAxisOnly]
    break_even_profit: NotRequired[ProfitAxisOnly]
    universal_credit_ends_at_profit: NotRequired[ProfitAxisOnly]
    minimum_income_floor_profit: NotRequired[ProfitAxisOnly]
    summary: str | None
    not_modelled: list[NotModelled]
    references: dict[str, Reference]


def _strip(annotation: Any) -> tuple[Any, bool]:
    """The type under ``NotRequired``/``Annotated``, and whether it is marked :data:`OMIT_IF_NONE`."""
    omit = False
    while True:
        origin = get_origin(annotation)
        if origin is NotRequired:
            annotation = get_args(annotation)[0]
        elif origin is Annotated:
            omit = omit or any(isinstance(m, _OmitIfNone) for m in annotation.__metadata__)
            annotation = get_args(annotation)[0]
        else:
            return annotation, omit


def _plain(value: Any, annotation: Any) -> Any:
    origin = get_origin(annotation)
    if value is None or annotation is Any:
        return value
    if is_typeddict(annotation):
        return as_json(value, annotation)
    if origin is list:
        (item,) = get_args(annotation)
        return [_plain(v, item) for v in value]
    if origin is dict:
        item = get_args(annotation)[1]
        return {k: _plain(v, item) for k, v in value.items()}
    if origin is Union or origin is UnionType:  # a model or None (a value that is None is returned above)
        arms = [a for a in get_args(annotation) if a is not type(None)]
        return as_json(value, arms[0]) if len(arms) == 1 and is_typeddict(arms[0]) else value
    return value


def as_json(value: dict[str, Any], kind: type = Document) -> dict[str, Any]:
    """The document (or the part of it of type ``kind``) as it is printed, from data validated against
    the types (``TypeAdapter(Document).validate_python``): validation fills in every key's default,
    and the keys marked :data:`OMIT_IF_NONE` that are null are left out again, in declared order.

    The builder writes documents in this form already; this is for data read back in."""
    hints = get_type_hints(kind, include_extras=True)
    out: dict[str, Any] = {}
    for name, hint in hints.items():
        if name not in value:
            continue
        annotation, omit = _strip(hint)
        item = value[name]
        if item is None and omit:
            continue
        out[name] = _plain(item, annotation)
    return out


def output_schema() -> dict[str, Any]:
    """The JSON Schema of the document (draft 2020-12), as pydantic writes it for :class:`Document`."""
    from pydantic import TypeAdapter

    schema = TypeAdapter(Document).json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
