"""The printed report's content as types: what :func:`benefitcalc.report.build` returns.

This package decides *what* the report says; :mod:`benefitcalc.report.pdf` and
:mod:`benefitcalc.report.html` decide how it looks, so the two formats always say the same thing.
The words are built in :mod:`~benefitcalc.report.words` (formatting, names from the registry),
:mod:`~benefitcalc.report.options` (a chart bar and a table for each number of hours),
:mod:`~benefitcalc.report.edges` (the cliff edges marked on the chart),
:mod:`~benefitcalc.report.topics` (what changes and what to do),
:mod:`~benefitcalc.report.assumptions` (what the figures rest on and do not cover) and
:mod:`~benefitcalc.report.assemble` (the whole report).

Nothing here works out money. Every amount comes from the engine's JSON document
(:func:`benefitcalc.views.document`); the scenario is read only for what the client told us (their
name, hourly pay, rent, the legal judgements behind the figures). The few sums add up figures the
document already holds, for a chart bar or a table group, the way the CLI table does.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from msgspec import Struct
from msgspec import field as msgspec_field

from benefitcalc import registry

if TYPE_CHECKING:  # first_months reads Series from here
    from benefitcalc.report.first_months import FirstMonths


class Series:
    """What the chart stacks, bottom to top: pay after tax, each main benefit (registry ``chart``), the rest."""

    PAY = "pay"
    OTHER = "other"
    # pay, each programme the registry marks for the chart (in display order), then the rest
    ORDER = (PAY, *(key for key in registry.BENEFIT_KEYS if registry.BY_KEY[key].chart), OTHER)

    @staticmethod
    def label(key: str) -> str:
        """The legend's words: 'Pay after tax', the programme's client name, 'Other benefits'."""
        if key == Series.PAY:
            return "Pay after tax"
        if key == Series.OTHER:
            return "Other benefits"
        return registry.BY_KEY[key].client_name


class Row(Struct, frozen=True):
    label: str
    amount: Decimal | None  # None: a heading row
    kind: str = "item"  # heading | item | total | result


class Option(Struct, frozen=True):
    """One number of hours: its chart bar and its table."""

    hours: Decimal
    title: str  # "16 hours a week" / "Now: not working"
    subtitle: str  # "Pay before tax: £203.36 a week"
    is_baseline: bool
    is_headline: bool
    stack: dict[str, Decimal]  # Series -> amount
    total_in: Decimal
    rows: tuple[Row, ...]
    better_off: Decimal
    disposable_income: Decimal
    tag: str = ""  # "the job's hours" on the headline option


class Marker(Struct, frozen=True):
    """A cliff edge: where money drops, at ``hours`` (exact) or between ``after`` and ``before``."""

    number: int
    text: str
    hours: Decimal | None = None
    after: Decimal | None = None
    before: Decimal | None = None


class Topic(Struct, frozen=True):
    heading: str
    paragraphs: tuple[str, ...]
    points: tuple[str, ...] = ()


class Report(Struct, frozen=True):
    title: str
    person: str
    prepared_on: dt.date
    rules_date: dt.date
    facts: tuple[tuple[str, str], ...]  # label, value (page one's "who, when, what")
    headline: str
    headline_note: str
    other_options: tuple[str, ...]
    period: str  # "week" | "month"
    options: tuple[Option, ...]
    markers: tuple[Marker, ...]
    chart_caption: str
    chart_description: str  # the chart in words (alt text)
    topics: tuple[Topic, ...]
    assumptions: tuple[str, ...]
    figures_given: tuple[str, ...]
    not_covered: tuple[str, ...]
    footer_lines: tuple[str, ...]
    tables_intro: str = ""
    about: str = ""
    deciders: str = "DWP or HMRC"
    adviser: str | None = None
    organisation: str | None = None
    series_present: tuple[str, ...] = msgspec_field(default=Series.ORDER)
    # The adviser's page, at the end: every note of the engine with its hours, what is not covered
    # in an adviser's words, the stamp of the rules and code, and the sources of the figures.
    adviser_notes: tuple[str, ...] = ()
    adviser_limits: tuple[str, ...] = ()
    stamp: str = ""
    sources: tuple[str, ...] = ()
    first_months: FirstMonths | None = None  # the "Your first months in work" page (report --cashflow)


ADVISER_HEADING = "For your adviser"
ADVISER_INTRO = (
    "This page is for your adviser: the calculation's notes in full, with the hours each applies at, what is "
    "not covered, the version of the rules used and the law and sources behind the figures."
)


def adviser_sections(report: Report) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The adviser's page as (heading, items), the sections that have something to say."""
    sections = (
        ("Notes from the calculation", report.adviser_notes),
        ("The first months in work", report.first_months.adviser_notes if report.first_months else ()),
        ("Not covered, in an adviser's terms", report.adviser_limits),
        ("Rules and version", (report.stamp,) if report.stamp else ()),
        ("Sources of the figures", report.sources),
    )
    return tuple((title, items) for title, items in sections if items)
