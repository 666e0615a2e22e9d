"""The whole report: page one's answer, the chart, the tables, the topics and the assumptions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from benefitcalc.cashflow import Timeline
from benefitcalc.errors import ScenarioError
from benefitcalc.report import options as hours_options
from benefitcalc.report.adviser import adviser_text, sources
from benefitcalc.report.assumptions import adviser_limits, assumptions, not_covered
from benefitcalc.report.edges import marker_words
from benefitcalc.report.edges import markers as chart_markers
from benefitcalc.report.first_months import first_months
from benefitcalc.report.model import Marker, Option, Report, Series
from benefitcalc.report.topics import topics
from benefitcalc.report.words import (
    d,
    hours_phrase,
    hours_text,
    long_date,
    money,
    pension_words,
    period_word,
    pounds,
    warnings_by_code,
)
from benefitcalc.scenario import Scenario

MAX_OPTIONS = 10  # hours options one printed report can show legibly (a chart bar and a table each)


def _lower(label: str) -> str:
    """'Pay after tax' -> 'pay after tax'; a programme's name stays as it is ('PIP', 'Universal Credit')."""
    return label[:1].lower() + label[1:] if label in ("Pay after tax", "Other benefits") else label


def _chart_words(options: Sequence[Option], period: str, markers: Sequence[Marker], baseline: Decimal) -> str:
    per = period_word(period)
    shown = [_lower(Series.label(s)) for s in Series.ORDER if any(o.stack.get(s) for o in options)]
    listed = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]
    parts = [f"A bar chart of money coming in {per} at each number of hours, made up of {listed}."]
    for option in options:
        pieces = [f"{_lower(Series.label(s))} {pounds(v)}" for s, v in option.stack.items() if v]
        name = "Not working" if option.is_baseline and baseline == 0 else f"{hours_text(option.hours)} hours"
        parts.append(f"{name}: {pounds(option.total_in)} in all ({', '.join(pieces) if pieces else 'nothing'}).")
    parts.extend(marker_words(m, baseline) for m in markers)
    return " ".join(parts)


def _others(options: Sequence[Option], per: str) -> tuple[str, ...]:
    """One line for each number of hours other than now and the headline's."""
    out = []
    for option in options:
        if option.is_baseline or option.is_headline:
            continue
        change = option.better_off
        if change.copy_abs() < Decimal("0.50"):
            words = "about the same as now"
        else:
            words = f"about {pounds(change)} {per} {'more' if change > 0 else 'less'} than now"
        out.append(f"{hours_text(option.hours)} hours a week: {words}.")
    return tuple(out)


def _facts(
    doc: dict[str, Any], scenario: Scenario, options: Sequence[Option], prepared_on: dt.date
) -> tuple[tuple[str, str], ...]:
    """Page one's who, when and what."""
    job = scenario.worker.job
    names = [adult.name for adult in scenario.adults]
    facts = [("For", " and ".join(names)), ("Date", long_date(prepared_on))]
    if job is not None:
        facts.append(("The job", f"{money(job.hourly_pay)} an hour, with {pension_words(job.pension)}"))
    hours = ", ".join(hours_text(o.hours) for o in options) + " hours a week"
    if len(names) > 1:
        others = [a for a in scenario.adults if a.name != doc["person"]]
        stay = " and ".join(
            f"{a.name}'s {'pay' if a.earnings is not None or a.job is not None else 'income'}" for a in others
        )
        listed = ", ".join(hours_text(o.hours) for o in options)
        facts.append(("Hours looked at", f"{doc['person']}'s hours: {listed} a week. {stay} stays the same."))
    else:
        facts.append(("Hours looked at", hours))
    return tuple(facts)


def build(
    doc: dict[str, Any],
    scenario: Scenario,
    *,
    prepared_on: dt.date | None = None,
    adviser: str | None = None,
    organisation: str | None = None,
    headline_hours: Decimal | None = None,
    timeline: Timeline | None = None,
) -> Report:
    """The report's content for the JSON document ``doc`` of ``scenario``; with the cash-flow ``timeline``
    of the job's start (:func:`benefitcalc.cashflow.timeline`), the "Your first months in work" page too."""
    if doc.get("period") not in ("week", "month"):
        raise ScenarioError(
            f"{doc.get('period')!r} is not allowed for a printed report; allowed: week, month", "--period"
        )
    if not doc.get("points"):
        raise ScenarioError("no hours to show", "--hours")
    if len(doc["points"]) > MAX_OPTIONS:
        raise ScenarioError(
            f"{len(doc['points'])} numbers of hours are too many for a printed report; "
            f"give at most {MAX_OPTIONS}, e.g. 0,8,16,24,30",
            "--hours",
        )
    period = doc["period"]
    per = period_word(period)
    rules = doc["rules"]
    rules_date = dt.date.fromisoformat(rules["date"])
    prepared_on = prepared_on or dt.date.today()
    baseline = d(doc["baseline_hours"])
    headline = hours_options.headline_hours(doc, scenario, headline_hours)
    options = hours_options.options(doc, scenario, headline)
    chosen = next((o for o in options if o.is_headline), None)
    headline_text, headline_note = hours_options.headline(chosen, scenario, period, baseline)
    markers = chart_markers(doc)
    judgements, figures = assumptions(doc, scenario)
    deciders = "DWP or HMRC" if scenario.nation != "scotland" else "DWP, HMRC or Social Security Scotland"
    by = ", ".join(x for x in (adviser, organisation) if x)
    footer = (
        f"An estimate, not a decision by {deciders}.",
        *((f"Prepared by {by}.",) if by else ()),
        f"Worked out with the benefit and tax rules in force on {long_date(rules_date)}.",
    )
    stamp = (
        f"Rules {rules['version']} (digest {rules['digest']}), in force on {long_date(rules_date)}; "
        f"benefitcalc {doc.get('benefitcalc', '')}; tax year {rules.get('tax_year', '')}."
    )
    series_present = tuple(s for s in Series.ORDER if any(o.stack[s] for o in options)) or (Series.PAY,)
    return Report(
        title="Your better-off in work calculation",
        person=doc["person"],
        prepared_on=prepared_on,
        rules_date=rules_date,
        facts=_facts(doc, scenario, options, prepared_on),
        headline=headline_text,
        headline_note=headline_note,
        other_options=_others(options, per),
        period=period,
        options=options,
        markers=markers,
        chart_caption="Before paying rent, council tax and other costs: the tables take those off.",
        chart_description=_chart_words(options, period, markers, baseline),
        topics=topics(doc),
        assumptions=judgements,
        figures_given=figures,
        not_covered=not_covered(doc, scenario),
        footer_lines=footer,
        tables_intro=(
            f"Each table shows one number of hours. Amounts are {per}, to the penny. "
            "'Pay after tax' is pay after income tax, National Insurance and pension contributions. "
            "'Better off' compares the money left with what you have now."
        ),
        about=(
            f"This is an estimate, worked out with the benefit and tax rules in force on {long_date(rules_date)}. "
            f"It is not a decision by {deciders}: only they can decide what you get. "
            "If your circumstances or the job change, ask your adviser to work it out again."
        ),
        deciders=deciders,
        adviser=adviser,
        organisation=organisation,
        series_present=series_present,
        adviser_notes=_adviser_notes(doc, baseline),
        adviser_limits=adviser_limits(doc, scenario),
        stamp=stamp,
        sources=sources(doc),
        first_months=first_months(timeline) if timeline is not None else None,
    )


def _adviser_notes(doc: dict[str, Any], baseline: Decimal) -> tuple[str, ...]:
    """Every warning of the engine, once per message, with the hours it applies at (as the CLI lists them)."""
    out: list[str] = []
    for code, items in warnings_by_code(doc).items():
        by_message: dict[str, list[Decimal]] = {}
        for hours, message in items:
            by_message.setdefault(adviser_text(message), []).append(hours)
        every = len(doc["points"])
        for message, at in by_message.items():
            where = (
                "At every number of hours shown" if every > 1 and len(set(at)) == every else hours_phrase(at, baseline)
            )
            out.append(f"{where} ({code}): {message}")
    return tuple(out)
