"""The printed report's content: plain-English words and figures taken from the JSON document.

This module decides *what* the report says; :mod:`benefitcalc.report.pdf` and
:mod:`benefitcalc.report.html` decide how it looks, so the two formats always say the same thing.

Nothing here works out money. Every amount comes from the engine's JSON document
(:func:`benefitcalc.views.document`); the scenario is read only for what the client told us (their
name, hourly pay, rent, the legal judgements behind the figures). The few sums below add up
figures the document already holds, for a chart bar or a table group, the way the CLI table does.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from benefitcalc.errors import ScenarioError
from benefitcalc.scenario import Amount, Scenario

MAX_OPTIONS = 10  # hours options one printed report can show legibly (a chart bar and a table each)

# Plain names for the programmes under "benefits" in the JSON document.
BENEFIT_NAMES: dict[str, str] = {
    "universal_credit": "Universal Credit",
    "new_style_esa": "New Style ESA",
    "new_style_jsa": "New Style JSA",
    "carers_allowance": "Carer's Allowance",
    "carer_support_payment": "Carer Support Payment",
    "child_benefit": "Child Benefit",
    "pip": "PIP",
    "adult_disability_payment": "Adult Disability Payment",
    "disability_living_allowance": "Disability Living Allowance",
    "attendance_allowance": "Attendance Allowance",
    "scottish_child_payment": "Scottish Child Payment",
    "council_tax_reduction": "Council Tax Reduction",
    "housing_benefit": "Housing Benefit",
}

PASSPORT_NAMES: dict[str, str] = {
    "nhs_charges": "Free prescriptions, dental treatment and sight tests",
    "free_school_meals": "Free school meals",
    "healthy_start": "Healthy Start",
}

NOT_MODELLED_TEXT: dict[str, str] = {
    "council_tax_reduction": "Council Tax Reduction (help from your council with council tax) is not worked out here and is "
    "shown as £0. You may get it, in or out of work: ask your council.",
    "housing_benefit": "Housing Benefit is not worked out here and is shown as £0. Most people of working age get help "
    "with rent through Universal Credit instead.",
}

# Things no calculation of this kind covers; said on every report.
GENERAL_LIMITS: tuple[str, ...] = (
    "Pay that changes from week to week, or paydays that fall unevenly in Universal Credit's monthly periods.",
    "Money taken off benefits to pay back a debt, an advance or an overpayment.",
    "Changes in your circumstances, or in benefit and tax rates, after the date of the rules used.",
    "Grants, discounts and other help that is not a benefit.",
)


class Series:
    """The four sources the chart stacks, bottom to top."""

    PAY = "pay"
    UC = "universal_credit"
    ESA = "new_style_esa"
    OTHER = "other"
    ORDER = (PAY, UC, ESA, OTHER)
    LABELS = {PAY: "Pay after tax", UC: "Universal Credit", ESA: "New Style ESA", OTHER: "Other benefits"}


@dataclass(frozen=True)
class Row:
    label: str
    amount: Decimal | None  # None: a heading row
    kind: str = "item"  # heading | item | total | result


@dataclass(frozen=True)
class Option:
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


@dataclass(frozen=True)
class Marker:
    """A cliff edge: where money drops, at ``hours`` (exact) or between ``after`` and ``before``."""

    number: int
    text: str
    hours: Decimal | None = None
    after: Decimal | None = None
    before: Decimal | None = None


@dataclass(frozen=True)
class Topic:
    heading: str
    paragraphs: tuple[str, ...]
    points: tuple[str, ...] = ()


@dataclass(frozen=True)
class Report:
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
    series_present: tuple[str, ...] = field(default=Series.ORDER)


# ----------------------------------------------------------------------------------- formatting


def money(value: Decimal | float, sign: bool = False) -> str:
    """£1,234.56; with ``sign``, -£12.00 for a negative amount."""
    amount = Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    text = f"£{abs(amount):,.2f}"
    return f"-{text}" if amount < 0 and sign else text


def pounds(value: Decimal | float) -> str:
    """£126: to the nearest pound, for the headline and the chart (the tables show pence)."""
    amount = Decimal(str(value)).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    return f"£{abs(amount):,.0f}"


def hours_text(value: Decimal | float) -> str:
    number = Decimal(str(value)).normalize()
    text = f"{number:f}"
    return text


def hours_phrase(values: Sequence[Decimal], baseline: Decimal) -> str:
    """'At 16, 24 and 30 hours a week' / 'Now (not working)' / 'Now, and at 8 hours a week'."""
    now = [v for v in values if v == baseline]
    rest = [hours_text(v) for v in values if v != baseline]
    parts = []
    if rest:
        listed = rest[0] if len(rest) == 1 else ", ".join(rest[:-1]) + " and " + rest[-1]
        parts.append(f"at {listed} hour{'' if rest == ['1'] else 's'} a week")
    if now:
        label = "now (not working)" if baseline == 0 else f"now ({hours_text(baseline)} hours)"
        parts.insert(0, label)
    text = ", and ".join(parts)
    return text[0].upper() + text[1:]


def where(values: Sequence[Decimal], baseline: Decimal) -> str:
    """'now and at 8 and 16 hours a week' / 'at 24 and 30 hours a week' / 'now'."""
    now = any(v == baseline for v in values)
    rest = [hours_text(v) for v in values if v != baseline]
    listed = ""
    if rest:
        listed = rest[0] if len(rest) == 1 else ", ".join(rest[:-1]) + " and " + rest[-1]
        listed = f"at {listed} hour{'' if rest == ['1'] else 's'} a week"
    if now and listed:
        return f"now and {listed}"
    return "now" if now else listed


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def period_word(period: str) -> str:
    return {"week": "a week", "month": "a month", "year": "a year"}[period]


_LEGAL_REF = re.compile(
    r"\s*\((?:reg|regs|Sch|s\.|Pensions Act|Universal Credit Act|Welfare Reform Act)\b[^()]*(?:\([^()]*\)[^()]*)*\)"
)
_TRAILING_REF = re.compile(r",\s*regs? [0-9A-Za-z().\-]+(?=\))")


def plain(message: str) -> str:
    """An engine message without its legal references, for a client to read.

    The references stay in the JSON document and `benefitcalc sweep --json` for the adviser.
    """
    text = _TRAILING_REF.sub("", message).replace("`", "")
    text = _LEGAL_REF.sub("", text)
    return re.sub(r"\s{2,}", " ", text).strip()


# ----------------------------------------------------------------------------------- reading the document


def _d(value: Any) -> Decimal:
    return Decimal(str(value))


def _sum(values: Iterable[Any]) -> Decimal:
    return sum((_d(v) for v in values), Decimal("0.00"))


def _reference_value(doc: dict[str, Any], path: str) -> Any:
    ref = doc.get("references", {}).get(path)
    return None if ref is None else ref.get("value")


def _amount_given(amount: Amount | None) -> str | None:
    if amount is None:
        return None
    period = {
        "week": "a week",
        "fortnight": "a fortnight",
        "four_weeks": "every four weeks",
        "month": "a month",
        "year": "a year",
    }[amount.period]
    return f"{money(amount.amount)} {period}"


def _stack(point: dict[str, Any]) -> dict[str, Decimal]:
    benefits = point["benefits"]
    others = [v for k, v in benefits.items() if k not in (Series.UC, Series.ESA)]
    return {
        Series.PAY: _d(point["net_earnings"]),
        Series.UC: _d(benefits.get(Series.UC, 0)),
        Series.ESA: _d(benefits.get(Series.ESA, 0)),
        Series.OTHER: _sum(others),
    }


def _pension_words(pension: Any) -> str:
    if pension == "none":
        return "no workplace pension"
    if pension == "auto_enrolment":
        return "a workplace pension at the legal minimum (automatic enrolment)"
    rate = Decimal(str(pension.employee_rate)) * 100
    return f"a workplace pension that takes {rate.normalize():f}% of your pay"


def _headline_hours(doc: dict[str, Any], scenario: Scenario, chosen: Decimal | None) -> Decimal | None:
    hours = [_d(p["hours"]) for p in doc["points"]]
    baseline = _d(doc["baseline_hours"])
    working = [h for h in hours if h != baseline]
    if chosen is not None:
        if chosen not in hours:
            raise ScenarioError(
                f"{hours_text(chosen)} is not one of the hours given; choose one of {', '.join(hours_text(h) for h in hours)}",
                "--headline",
            )
        return chosen
    job = scenario.worker.job
    if job is not None and job.hours in working:
        return job.hours
    return max(working) if working else None


def now_means(baseline: Decimal) -> str:
    return (
        "'Now' means not working."
        if baseline == 0
        else f"'Now' means working {hours_text(baseline)} hours a week, as you do now."
    )


def _headline(option: Option | None, scenario: Scenario, period: str, baseline: Decimal) -> tuple[str, str]:
    per = period_word(period)
    if option is None:
        return (
            f"This shows the money you have now, {per}.",
            "Give more than one number of hours to compare work with now.",
        )
    job = scenario.worker.job
    rate = f" at {money(job.hourly_pay)} an hour" if job is not None else ""
    lead = f"If you work {hours_text(option.hours)} hours a week{rate}, you would have"
    change = option.better_off
    if change.copy_abs() < Decimal("0.50"):
        text = f"{lead} about the same money as now."
    elif change > 0:
        text = f"{lead} about {pounds(change)} {per} more than now."
    else:
        text = f"{lead} about {pounds(change)} {per} less than now."
    note = (
        f"That is after paying for housing, council tax, childcare and the costs of getting to work. "
        f"{now_means(baseline)} The exact figure is {money(change, sign=True)} {per}: see the tables."
    )
    return text, note


def _rows(
    point: dict[str, Any], doc: dict[str, Any], present: dict[str, bool], is_baseline: bool, scenario: Scenario
) -> tuple[Row, ...]:
    person = doc["person"]
    rows: list[Row] = [Row("Money coming in", None, "heading")]
    for p in point.get("people", []):
        if not present.get(f"pay:{p['name']}"):
            continue
        who = "Your" if p["name"] == person else f"{p['name']}'s"
        rows.append(Row(f"{who} pay after tax", _d(p["net_earnings"])))
    for name, amount in point["benefits"].items():
        if present.get(f"benefit:{name}"):
            rows.append(Row(BENEFIT_NAMES.get(name, name.replace("_", " ").capitalize()), _d(amount)))
    if present.get("hicbc"):
        rows.append(Row("Less the High Income Child Benefit Charge", -_d(point["high_income_child_benefit_charge"])))
    rows.append(Row("Total coming in", _d(point["net_income"]), "total"))
    passports = [
        (k, v)
        for k, v in point.get("passports", {}).items()
        if v.get("included_in_disposable_income") and present.get(f"passport:{k}")
    ]
    if passports:
        rows.append(Row("Help you get instead of money (estimated value)", None, "heading"))
        for name, item in passports:
            rows.append(Row(PASSPORT_NAMES.get(name, name.replace("_", " ").capitalize()), _d(item["estimated_value"])))
    costs = [
        ("housing_costs", "Rent" if scenario.housing.tenure in ("social_rent", "private_rent") else "Housing costs"),
        ("council_tax", "Council tax"),
        ("childcare_costs", "Childcare"),
        ("work_costs", "Costs of getting to work"),
    ]
    shown = [(key, label) for key, label in costs if present.get(key)]
    if shown or present.get("tax_free_childcare"):
        rows.append(Row("Money going out", None, "heading"))
        for key, label in shown:
            rows.append(Row(label, _d(point[key])))
            if key == "childcare_costs" and present.get("tax_free_childcare"):
                rows.append(Row("Less the Tax-Free Childcare top-up", -_d(point.get("tax_free_childcare", 0))))
    rows.append(Row("Money left", _d(point["disposable_income"]), "total"))
    if is_baseline:
        rows.append(Row("This is now: the other tables compare with it", None, "note"))
    else:
        change = _d(point["better_off"])
        label = "Better off than now by" if change >= 0 else "Worse off than now by"
        rows.append(Row(label, change.copy_abs(), "result"))
    return tuple(rows)


def _present(points: Sequence[dict[str, Any]]) -> dict[str, bool]:
    """Which table rows to show: a source or cost that is not zero at some number of hours."""
    present: dict[str, bool] = {}
    for point in points:
        for p in point.get("people", []):
            key = f"pay:{p['name']}"
            present[key] = present.get(key, False) or _d(p["net_earnings"]) != 0 or _d(p.get("hours", 0)) != 0
        for name, amount in point["benefits"].items():
            present[f"benefit:{name}"] = present.get(f"benefit:{name}", False) or _d(amount) != 0
        present["hicbc"] = present.get("hicbc", False) or _d(point.get("high_income_child_benefit_charge", 0)) != 0
        for key in ("housing_costs", "council_tax", "childcare_costs", "work_costs", "tax_free_childcare"):
            present[key] = present.get(key, False) or _d(point.get(key, 0)) != 0
        for name, item in point.get("passports", {}).items():
            key = f"passport:{name}"
            present[key] = present.get(key, False) or _d(item.get("estimated_value", 0)) != 0
    return present


def _options(doc: dict[str, Any], scenario: Scenario, headline: Decimal | None) -> tuple[Option, ...]:
    baseline = _d(doc["baseline_hours"])
    per = period_word(doc["period"])
    present = _present(doc["points"])
    job = scenario.worker.job
    tag = "the job's hours" if job is not None and job.hours == headline else "the headline"
    out = []
    for point in doc["points"]:
        hours = _d(point["hours"])
        is_baseline = hours == baseline
        worker = next((p for p in point.get("people", []) if p["name"] == doc["person"]), None)
        gross = _d(worker["gross_earnings"]) if worker else _d(point["gross_earnings"])
        if is_baseline and baseline == 0:
            title, subtitle = "Now: not working", "No pay from the job"
        elif is_baseline:
            title = f"Now: {hours_text(hours)} hours a week"
            subtitle = f"Pay before tax: {money(gross)} {per}"
        else:
            title = f"{hours_text(hours)} hours a week"
            subtitle = f"Pay before tax: {money(gross)} {per}"
        out.append(
            Option(
                hours=hours,
                title=title,
                subtitle=subtitle,
                is_baseline=is_baseline,
                is_headline=headline is not None and hours == headline,
                stack=_stack(point),
                total_in=_sum(_stack(point).values()),
                rows=_rows(point, doc, present, is_baseline, scenario),
                better_off=_d(point["better_off"]),
                disposable_income=_d(point["disposable_income"]),
                tag=tag if headline is not None and hours == headline else "",
            )
        )
    return tuple(out)


# ----------------------------------------------------------------------------------- cliff edges

# Warnings that mean help stops as hours go up. The analysis's "cliffs" count only money; help
# given in kind (free prescriptions, school meals) is marked from these warnings, between the two
# hours options where it first appears. With no "cliffs" in the document at all, every stop is.
_STOPS: dict[str, str] = {
    "esa_permitted_work_limit": "New Style ESA stops",
    "jsa_remunerative_work": "New Style JSA stops",
    "carer_earnings_limit": "{carer} stops",
    "scottish_child_payment_ends": "Scottish Child Payment stops",
    "nhs_charges_lost": "free prescriptions and dental treatment stop",
    "free_school_meals_lost": "free school meals stop",
    "healthy_start_lost": "Healthy Start stops",
}
_IN_KIND = ("nhs_charges_lost", "free_school_meals_lost", "healthy_start_lost")

# The analysis's causes (benefitcalc.analysis) in a client's words.
_CAUSE_WORDS: dict[str, str] = {
    **_STOPS,
    "pension_auto_enrolment": "pension contributions start (automatic enrolment)",
    "tax_free_childcare_ends": "Tax-Free Childcare stops",
    "council_tax_reduction_falls": "Council Tax Reduction goes down",
    "housing_benefit_falls": "Housing Benefit goes down",
    "universal_credit_ends": "Universal Credit stops",
    "universal_credit_falls": "Universal Credit goes down",
    "benefit_cap": "the benefit cap changes",
}
# Steps up worth marking too: something stops or the cap lifts, but the household gains overall.
_GAIN_CAUSES = (
    "esa_permitted_work_limit",
    "jsa_remunerative_work",
    "carer_earnings_limit",
    "scottish_child_payment_ends",
    "universal_credit_ends",
    "benefit_cap",
)


def _number(value: Any) -> Decimal | None:
    try:
        return None if value is None else Decimal(str(value))
    except Exception:
        return None


def _edge_text(edge: dict[str, Any], period: str, carer: str, gain: bool) -> str:
    cause = str(edge.get("cause", ""))
    per = period_word(period)
    words = _CAUSE_WORDS.get(cause)
    if cause == "benefit_cap":
        words = "the benefit cap stops" if gain else "the benefit cap starts"
    safe = _number(edge.get("safe_hours"))
    than = f" than at {hours_text(safe)} hours" if safe is not None else ""
    amount = _number(edge.get(("weekly_" if period == "week" else "monthly_") + ("gain" if gain else "loss")))
    if words is None:
        summary = edge.get("summary") or edge.get("message") or edge.get("label") or "money changes"
        return plain(str(summary))
    words = words.format(carer=carer)
    if amount is None:
        return words[:1].upper() + words[1:]
    if gain:
        return f"{words[:1].upper() + words[1:]}, but other money goes up by more: you would have {money(amount)} {per} more{than}"
    return f"{words[:1].upper() + words[1:]}: you would have {money(amount)} {per} less{than}"


def _markers(doc: dict[str, Any]) -> tuple[Marker, ...]:
    hours = [_d(p["hours"]) for p in doc["points"]]
    low, high = (min(hours), max(hours)) if hours else (Decimal(0), Decimal(0))
    period = doc["period"]
    carer = (
        "Carer Support Payment"
        if any(p["benefits"].get("carer_support_payment") for p in doc["points"])
        else "Carer's Allowance"
    )
    found: list[tuple[Decimal, str, Decimal | None, Decimal | None]] = []  # (sort key, text, hours, before)
    analysed = isinstance(doc.get("cliffs"), list)
    causes: set[str] = set()
    if analysed:
        for kind, gain in (("cliffs", False), ("gains", True)):
            for edge in doc.get(kind) or []:
                if not isinstance(edge, dict):
                    continue
                at = _number(edge.get("hours"))
                if at is None or not low < at <= high or (gain and edge.get("cause") not in _GAIN_CAUSES):
                    continue
                causes.add(str(edge.get("cause")))
                found.append((at, _edge_text(edge, period, carer, gain), at, None))
    previous: set[str] = set()
    prev_hours: Decimal | None = None
    seen: set[str] = set()
    for point in doc["points"]:
        codes = {w["code"] for w in point.get("warnings", [])}
        for code in _STOPS:
            if analysed and (code not in _IN_KIND or code in causes):
                continue
            if code in codes and code not in previous and code not in seen and prev_hours is not None:
                seen.add(code)
                text = _STOPS[code].format(carer=carer)
                found.append(
                    ((prev_hours + _d(point["hours"])) / 2, text[:1].upper() + text[1:], prev_hours, _d(point["hours"]))
                )
        previous = codes
        prev_hours = _d(point["hours"])
    out = []
    for number, (_, text, at, before) in enumerate(sorted(found, key=lambda f: f[0]), start=1):
        if before is None:
            out.append(Marker(number, text, hours=at))
        else:
            out.append(Marker(number, text, after=at, before=before))
    return tuple(out)


def marker_words(marker: Marker, baseline: Decimal) -> str:
    if marker.hours is not None:
        return f"At {hours_text(marker.hours)} hours a week: {marker.text}."
    start = "now" if marker.after == baseline == 0 else f"{hours_text(marker.after)}"  # type: ignore[arg-type]
    if start == "now":
        return f"Somewhere between not working and {hours_text(marker.before)} hours a week: {marker.text}."  # type: ignore[arg-type]
    return f"Somewhere between {start} and {hours_text(marker.before)} hours a week: {marker.text}."  # type: ignore[arg-type]


# ----------------------------------------------------------------------------------- what changes


def _warnings_by_code(doc: dict[str, Any]) -> dict[str, list[tuple[Decimal, str]]]:
    out: dict[str, list[tuple[Decimal, str]]] = {}
    for point in doc["points"]:
        for warning in point.get("warnings", []):
            out.setdefault(warning["code"], []).append((_d(point["hours"]), warning["message"]))
    return out


def _grouped(items: list[tuple[Decimal, str]], baseline: Decimal, every: int = 0) -> tuple[str, ...]:
    """Each distinct message once, with the hours it applies to: 'At 8 and 16 hours a week: ...'.

    ``every`` is the number of hours options: a message at all of them says so instead.
    """
    by_message: dict[str, list[Decimal]] = {}
    for hours, message in items:
        by_message.setdefault(plain(message), []).append(hours)
    out = []
    for message, hours in by_message.items():
        where = (
            "At every number of hours shown"
            if every > 1 and len(set(hours)) == every
            else hours_phrase(hours, baseline)
        )
        out.append(f"{where}: {message}")
    return tuple(out)


def _hours_where(doc: dict[str, Any], test: Any) -> list[Decimal]:
    return [_d(p["hours"]) for p in doc["points"] if test(p)]


_ASSUMED_CODES = (
    "carer_hours_assumed",
    "health_element_status_assumed",
    "child_birth_date_assumed",
    "size_criteria_assumed",
    "free_school_meals_2026_assumed",
    "bedrooms_not_given",
    "lha_not_given",
)


def _topics(doc: dict[str, Any], scenario: Scenario) -> tuple[Topic, ...]:
    baseline = _d(doc["baseline_hours"])
    per = period_word(doc["period"])
    points = doc["points"]
    base = next((p for p in points if _d(p["hours"]) == baseline), None)
    warnings = _warnings_by_code(doc)
    used: set[str] = set(_ASSUMED_CODES)
    topics: list[Topic] = []

    def benefit_at_base(name: str) -> Decimal:
        return _d(base["benefits"].get(name, 0)) if base else Decimal(0)

    def any_benefit(name: str) -> bool:
        return any(_d(p["benefits"].get(name, 0)) != 0 for p in points)

    # New Style ESA and permitted work.
    esa_codes = ("esa_permitted_work", "esa_permitted_work_limit", "esa_wrag_component")
    if any_benefit("new_style_esa") or any(c in warnings for c in esa_codes):
        used.update(esa_codes)
        paragraphs = [
            "You can do some work and keep your New Style ESA if it counts as 'permitted work'. Before you start "
            "any work, fill in form PW1 and send it to the office that pays your ESA. They will tell you if the work "
            "counts. If you have already started, send the form straight away."
        ]
        hours_limit = _reference_value(doc, "dwp.new_style_esa.permitted_work.hours_limit")
        higher = _reference_value(doc, "dwp.new_style_esa.permitted_work.higher_limit")
        if hours_limit is not None and higher is not None:
            paragraphs.append(
                f"Permitted work means working under {hours_text(_d(hours_limit))} hours a week and earning no more than "
                f"{money(higher)} a week after tax and National Insurance."
            )
        bullets = []
        keeps = [h for h, _ in warnings.get("esa_permitted_work", [])]
        stops = [h for h, _ in warnings.get("esa_permitted_work_limit", [])]
        now = benefit_at_base("new_style_esa")
        if keeps:
            bullets.append(f"{hours_phrase(keeps, baseline)}: the work can be permitted work, so your ESA carries on.")
        if stops:
            amount = f" ({money(now)} {per} now)" if now else ""
            bullets.append(f"{hours_phrase(stops, baseline)}: your New Style ESA{amount} would stop.")
            if any(_d(p["benefits"].get("universal_credit", 0)) for p in points):
                bullets.append(
                    "When ESA stops, your Universal Credit goes up, because UC no longer takes your ESA off."
                )
        bullets.extend(_grouped(warnings.get("esa_wrag_component", []), baseline))
        topics.append(Topic("Your New Style ESA", tuple(paragraphs), tuple(bullets)))

    # Universal Credit.
    uc_codes = ("administrative_earnings_threshold", "wca_earnings_threshold", "childcare_reporting")
    working_uc = _hours_where(
        doc, lambda p: _d(p["hours"]) != baseline and _d(p["benefits"].get("universal_credit", 0)) != 0
    )
    if any_benefit("universal_credit"):
        used.update(uc_codes)
        paragraphs = [
            "Tell Universal Credit when you start work, through your online journal. Your employer tells HMRC what you "
            "are paid each payday, and UC uses that to work out your next monthly payment. So your UC will go up and "
            "down as your pay changes."
        ]
        bullets = []
        if working_uc:
            bullets.append(f"{hours_phrase(working_uc, baseline)}: you would still get some Universal Credit.")
        ends = _hours_where(
            doc, lambda p: _d(p["hours"]) != baseline and _d(p["benefits"].get("universal_credit", 0)) == 0
        )
        if ends and benefit_at_base("universal_credit"):
            bullets.append(
                f"{hours_phrase(ends, baseline)}: Universal Credit would stop, and so could help that comes with it."
            )
        aet = [h for h, _ in warnings.get("administrative_earnings_threshold", [])]
        if aet:
            bullets.append(
                f"{hours_phrase(aet, baseline)}: your pay would be below the level at which the Jobcentre stops asking "
                "you to look for more work, so your work coach may ask you to look for more hours or better pay."
            )
        bullets.extend(_grouped(warnings.get("wca_earnings_threshold", []), baseline))
        bullets.extend(_grouped(warnings.get("childcare_reporting", []), baseline))
        topics.append(Topic("Your Universal Credit", tuple(paragraphs), tuple(bullets)))

    # Carer's Allowance / Carer Support Payment.
    for name, limit_path, office in (
        ("carers_allowance", "dwp.carers_allowance.earnings_limit", "the Carer's Allowance Unit"),
        (
            "carer_support_payment",
            "social_security_scotland.carer_support_payment.earnings_limit",
            "Social Security Scotland",
        ),
    ):
        if not any_benefit(name) and not benefit_at_base(name):
            continue
        used.add("carer_earnings_limit")
        label = BENEFIT_NAMES[name]
        limit = _reference_value(doc, limit_path)
        over = f"over {money(limit)} a week" if limit is not None else "over the earnings limit"
        paragraphs = [
            f"{label} stops in any week when your earnings are {over}, counted after tax, National Insurance, half of what "
            f"you pay into a pension, and some care costs. It is all or nothing: go over the limit by even a penny and "
            f"you get no {label} for that week.",
            f"Tell {office} about your job before you start, and whenever your pay changes.",
        ]
        stops = [h for h, m in warnings.get("carer_earnings_limit", []) if label in m]
        keeps = _hours_where(doc, lambda p, n=name: _d(p["hours"]) != baseline and _d(p["benefits"].get(n, 0)) != 0)
        bullets = []
        now = benefit_at_base(name)
        if keeps:
            bullets.append(
                f"{hours_phrase(keeps, baseline)}: your earnings stay under the limit, so {label} carries on."
            )
        if stops:
            amount = f" ({money(now)} {per} now)" if now else ""
            bullets.append(
                f"{hours_phrase(stops, baseline)}: your earnings would be over the limit, so {label}{amount} would stop."
            )
            if any("carer element continues" in m for _, m in warnings.get("carer_earnings_limit", [])):
                bullets.append("The extra amount for caring in your Universal Credit (the carer element) carries on.")
        topics.append(Topic(f"Your {label}", tuple(paragraphs), tuple(bullets)))

    # Help that comes with benefits (passported help).
    passport_codes = ("nhs_charges_lost", "free_school_meals_lost", "healthy_start_lost")
    passport_names = sorted({k for p in points for k in p.get("passports", {})})
    if passport_names:
        used.update(passport_codes)
        bullets = []
        for name in passport_names:
            label = PASSPORT_NAMES.get(name, name.replace("_", " ").capitalize())
            entitled = [_d(p["hours"]) for p in points if p.get("passports", {}).get(name, {}).get("entitled")]
            lost = [
                _d(p["hours"])
                for p in points
                if name in p.get("passports", {}) and not p["passports"][name].get("entitled")
            ]
            if entitled and lost:
                bullets.append(f"{label}: you get this {where(entitled, baseline)}. It stops {where(lost, baseline)}.")
            elif entitled:
                bullets.append(f"{label}: you get this at every number of hours shown.")
            elif lost:
                bullets.append(f"{label}: you would not get this at the hours shown.")
        if any(c in warnings for c in ("nhs_charges_lost",)):
            bullets.append(
                "If free prescriptions and dental treatment stop, the NHS Low Income Scheme (form HC1) may still help with health costs."
            )
        topics.append(
            Topic(
                "Help that comes with your benefits",
                ("Some help comes with Universal Credit or other benefits, and can stop when your earnings go up.",),
                tuple(bullets),
            )
        )

    # The benefit cap.
    cap_codes = ("benefit_cap_applies", "benefit_cap_earnings_exemption")
    if any(c in warnings for c in cap_codes):
        used.update(cap_codes)
        capped = [h for h, _ in warnings.get("benefit_cap_applies", [])]
        free = _hours_where(
            doc, lambda p: _d(p["hours"]) not in capped and _d(p["benefits"].get("universal_credit", 0)) != 0
        )
        bullets = list(_grouped(warnings.get("benefit_cap_applies", []), baseline))
        if capped and free:
            bullets.append(f"{hours_phrase(free, baseline)}: the benefit cap does not apply.")
        bullets.extend(_grouped(warnings.get("benefit_cap_earnings_exemption", []), baseline))
        topics.append(
            Topic(
                "The benefit cap",
                ("The benefit cap limits the total benefits some households get. Earning enough each month lifts it.",),
                tuple(bullets),
            )
        )

    # Anything else the engine said, each message once with its hours.
    rest = [code for code in warnings if code not in used]
    if rest:
        bullets = []
        for code in rest:
            bullets.extend(_grouped(warnings[code], baseline, len(points)))
        topics.append(Topic("Other things to know", (), tuple(bullets)))
    return tuple(topics)


# ----------------------------------------------------------------------------------- assumptions


_HEALTH = {
    "lcw": "limited capability for work (LCW)",
    "lcwra": "limited capability for work and work-related activity (LCWRA)",
}
_ESA_GROUP = {
    "assessment": "in the assessment phase",
    "wrag": "in the work-related activity group",
    "support": "in the support group",
}


def _award(label: str, parts: dict[str, str]) -> str | None:
    given = [f"{name.replace('_', ' ')} {rate} rate" for name, rate in parts.items() if rate != "none"]
    return f"{label}: {' and '.join(given)}." if given else None


def _assumptions(doc: dict[str, Any], scenario: Scenario) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(legal judgements the figures rest on, figures the client gave)."""
    judgements: list[str] = []
    figures: list[str] = []
    baseline = _d(doc["baseline_hours"])
    for adult in scenario.adults:
        you = adult.name == doc["person"]
        who, has, get = ("You", "have", "get") if you else (adult.name, "has", "gets")
        if adult.universal_credit_health != "none":
            since = ""
            if adult.health_element_protected:
                since = ", since before 6 April 2026"
            elif adult.health_element_protected is False:
                since = ", from 6 April 2026 or later"
            judgements.append(
                f"{who} {has} {_HEALTH[adult.universal_credit_health]} for Universal Credit{since}. This is a decision DWP makes."
            )
        if adult.new_style_esa != "none":
            judgements.append(f"{who} {get} New Style ESA {_ESA_GROUP[adult.new_style_esa]}.")
        if adult.supported_permitted_work:
            judgements.append(f"{who} would do supported permitted work, supervised by a support worker.")
        if adult.new_style_jsa:
            judgements.append(f"{who} {get} New Style JSA.")
        if adult.carer is not None:
            judgements.append(
                f"{who} care{'' if you else 's'} for {hours_text(adult.carer.hours_per_week)} hours a week for someone who gets a disability "
                "benefit that qualifies. Whether this counts is a decision for DWP or Social Security Scotland."
            )
        for line in (
            _award(f"{who} {get} PIP", adult.pip.model_dump()) if adult.pip else None,
            _award(f"{who} {get} Adult Disability Payment", adult.adult_disability_payment.model_dump())
            if adult.adult_disability_payment
            else None,
            _award(f"{who} {get} Disability Living Allowance", adult.disability_living_allowance.model_dump())
            if adult.disability_living_allowance
            else None,
            f"{who} {get} Attendance Allowance at the {adult.attendance_allowance} rate."
            if adult.attendance_allowance != "none"
            else None,
        ):
            if line:
                figures.append(line)
        figures.append(f"{'Your' if you else adult.name + chr(39) + 's'} age: {adult.age}.")
        if adult.job is not None:
            figures.append(
                f"The job pays {money(adult.job.hourly_pay)} an hour, with {_pension_words(adult.job.pension)}."
            )
        if adult.earnings is not None:
            figures.append(f"{who} {'earn' if you else 'earns'} {_amount_given(adult.earnings)} before tax.")
        if adult.other_unearned_income is not None:
            figures.append(f"{who} {has} other income of {_amount_given(adult.other_unearned_income)}.")
    for code in _ASSUMED_CODES:
        items = _warnings_by_code(doc).get(code, [])
        for message in dict.fromkeys(plain(m) for _, m in items):
            if code != "carer_hours_assumed":  # said above in plainer words
                judgements.append(message)
    if scenario.children:
        ages = [str(c.age) if c.age is not None else f"born {long_date(c.date_of_birth)}" for c in scenario.children]  # type: ignore[arg-type]
        figures.append(f"Children: {len(ages)} ({', '.join(ages)}).")
    housing = scenario.housing
    tenure = {
        "social_rent": "You rent from a council or housing association",
        "private_rent": "You rent privately",
        "owner": "You own your home",
        "none": "You do not pay rent",
    }[housing.tenure]
    rent = f", rent {_amount_given(housing.rent)}" if housing.rent else ""
    rooms = (
        f", {housing.bedrooms} bedroom{'s' if housing.bedrooms != 1 else ''}" if housing.bedrooms is not None else ""
    )
    figures.append(f"{tenure}{rent}{rooms}.")
    if housing.service_charges:
        figures.append(f"Service charges: {_amount_given(housing.service_charges)}.")
    if housing.council_tax:
        figures.append(f"Council tax: {_amount_given(housing.council_tax)}.")
    if scenario.childcare:
        figures.append(f"Childcare: {_amount_given(scenario.childcare)} when working.")
    if scenario.work_costs:
        figures.append(f"Costs of getting to work: {_amount_given(scenario.work_costs)} when working.")
    figures.append(f"Savings: {money(scenario.capital)}.")
    nation = {"england": "England", "scotland": "Scotland", "wales": "Wales"}.get(scenario.nation, scenario.nation)
    figures.append(f"You live in {nation}{' (Greater London)' if scenario.in_greater_london else ''}.")
    if baseline:
        judgements.append(f"'Now' means working {hours_text(baseline)} hours a week.")
    return tuple(judgements), tuple(figures)


def _not_covered(doc: dict[str, Any]) -> tuple[str, ...]:
    out = []
    for item in doc.get("not_modelled", []):
        name = item.get("item", "")
        out.append(
            NOT_MODELLED_TEXT.get(
                name,
                f"{BENEFIT_NAMES.get(name, name.replace('_', ' ').capitalize())}: {item.get('reason', 'not worked out here')}.",
            )
        )
    for item in doc.get("limits", []) if isinstance(doc.get("limits"), list) else []:
        if isinstance(item, dict) and item.get("text"):
            out.append(plain(str(item["text"])))
        elif isinstance(item, str):
            out.append(plain(item))
    out.extend(GENERAL_LIMITS)
    return tuple(out)


# ----------------------------------------------------------------------------------- the whole report


def _chart_words(options: Sequence[Option], period: str, markers: Sequence[Marker], baseline: Decimal) -> str:
    per = period_word(period)
    parts = [
        f"A bar chart of money coming in {per} at each number of hours, made up of pay after tax, Universal Credit, New Style ESA and other benefits."
    ]
    for option in options:
        pieces = [f"{Series.LABELS[s].lower()} {pounds(v)}" for s, v in option.stack.items() if v]
        name = "Not working" if option.is_baseline and baseline == 0 else f"{hours_text(option.hours)} hours"
        parts.append(f"{name}: {pounds(option.total_in)} in all ({', '.join(pieces) if pieces else 'nothing'}).")
    parts.extend(marker_words(m, baseline) for m in markers)
    return " ".join(parts)


def build(
    doc: dict[str, Any],
    scenario: Scenario,
    *,
    prepared_on: dt.date | None = None,
    adviser: str | None = None,
    organisation: str | None = None,
    headline_hours: Decimal | None = None,
) -> Report:
    """The report's content for the JSON document ``doc`` of ``scenario``."""
    if doc.get("period") not in ("week", "month"):
        raise ScenarioError(
            f"{doc.get('period')!r} is not allowed for a printed report; allowed: week, month", "--period"
        )
    if not doc.get("points"):
        raise ScenarioError("no hours to show", "--hours")
    if len(doc["points"]) > MAX_OPTIONS:
        raise ScenarioError(
            f"{len(doc['points'])} numbers of hours are too many for a printed report; give at most {MAX_OPTIONS}, e.g. 0,8,16,24,30",
            "--hours",
        )
    period = doc["period"]
    per = period_word(period)
    rules = doc["rules"]
    rules_date = dt.date.fromisoformat(rules["date"])
    prepared_on = prepared_on or dt.date.today()
    baseline = _d(doc["baseline_hours"])
    headline = _headline_hours(doc, scenario, headline_hours)
    options = _options(doc, scenario, headline)
    chosen = next((o for o in options if o.is_headline), None)
    headline_text, headline_note = _headline(chosen, scenario, period, baseline)
    others = []
    for option in options:
        if option.is_baseline or option.is_headline:
            continue
        change = option.better_off
        if change.copy_abs() < Decimal("0.50"):
            words = "about the same as now"
        else:
            words = f"about {pounds(change)} {per} {'more' if change > 0 else 'less'} than now"
        others.append(f"{hours_text(option.hours)} hours a week: {words}.")
    job = scenario.worker.job
    facts = [("For", doc["person"]), ("Date", long_date(prepared_on))]
    if job is not None:
        facts.append(("The job", f"{money(job.hourly_pay)} an hour, with {_pension_words(job.pension)}"))
    facts.append(("Hours looked at", ", ".join(hours_text(o.hours) for o in options) + " hours a week"))
    markers = _markers(doc)
    judgements, figures = _assumptions(doc, scenario)
    deciders = "DWP or HMRC" if scenario.nation != "scotland" else "DWP, HMRC or Social Security Scotland"
    by = ", ".join(x for x in (adviser, organisation) if x)
    footer = (
        f"An estimate, not a decision by {deciders}.",
        *((f"Prepared by {by}.",) if by else ()),
        f"Rules {rules['version']} (digest {rules['digest']}), in force on {long_date(rules_date)}. benefitcalc {doc.get('benefitcalc', '')}".rstrip(),
    )
    series_present = tuple(s for s in Series.ORDER if any(o.stack[s] for o in options)) or (Series.PAY,)
    return Report(
        title="Your better-off in work calculation",
        person=doc["person"],
        prepared_on=prepared_on,
        rules_date=rules_date,
        facts=tuple(facts),
        headline=headline_text,
        headline_note=headline_note,
        other_options=tuple(others),
        period=period,
        options=options,
        markers=markers,
        chart_caption="Before paying rent, council tax and other costs: the tables take those off.",
        chart_description=_chart_words(options, period, markers, baseline),
        topics=_topics(doc, scenario),
        assumptions=judgements,
        figures_given=figures,
        not_covered=_not_covered(doc),
        footer_lines=footer,
        tables_intro=(
            f"Each table shows one number of hours. Amounts are {per}, to the penny. 'Pay after tax' is pay after income tax, "
            "National Insurance and pension contributions. 'Better off' compares the money left with what you have now."
        ),
        about=(
            f"This is an estimate, worked out with the benefit and tax rules in force on {long_date(rules_date)}. It is not a "
            f"decision by {deciders}: only they can decide what you get. If your circumstances or the job change, ask your "
            "adviser to work it out again."
        ),
        deciders=deciders,
        adviser=adviser,
        organisation=organisation,
        series_present=series_present,
    )
