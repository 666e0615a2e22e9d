"""Each number of hours as the report shows it: a chart bar (:class:`Option` stack) and a table of rows."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from benefitcalc.errors import ScenarioError
from benefitcalc.report.model import Option, Row, Series
from benefitcalc.report.words import d, hours_text, money, name_of, now_means, period_word, pounds, total
from benefitcalc.scenario import Scenario


def _stack(point: dict[str, Any]) -> dict[str, Decimal]:
    """A chart bar: pay after tax, each main benefit on its own, and the rest together."""
    benefits = point["benefits"]
    out = {Series.PAY: d(point["net_earnings"])}
    for key in Series.ORDER[1:-1]:
        out[key] = d(benefits.get(key, 0))
    out[Series.OTHER] = total(v for k, v in benefits.items() if k not in out)
    return out


def headline_hours(doc: dict[str, Any], scenario: Scenario, chosen: Decimal | None) -> Decimal | None:
    hours = [d(p["hours"]) for p in doc["points"]]
    baseline = d(doc["baseline_hours"])
    working = [h for h in hours if h != baseline]
    if chosen is not None:
        if chosen not in hours:
            raise ScenarioError(
                f"{hours_text(chosen)} is not one of the hours given; "
                f"choose one of {', '.join(hours_text(h) for h in hours)}",
                "--headline",
            )
        return chosen
    job = scenario.worker.job
    if job is not None and job.hours in working:
        return job.hours
    return max(working) if working else None


def headline(option: Option | None, scenario: Scenario, period: str, baseline: Decimal) -> tuple[str, str]:
    per = period_word(period)
    if option is None:
        return (
            f"This shows the money you have now, {per}.",
            "Give more than one number of hours to compare work with now.",
        )
    job = scenario.worker.job
    rate = f" at {money(job.hourly_pay)} an hour" if job is not None else " in the business"
    if len(scenario.adults) > 1:  # a couple: say whose hours change; the money is the household's
        lead = f"If {scenario.worker.name} works {hours_text(option.hours)} hours a week{rate}, you would have"
    else:
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
        rows.append(Row(f"{who} pay after tax", d(p["net_earnings"])))
    for name, amount in point["benefits"].items():
        if present.get(f"benefit:{name}"):
            rows.append(Row(name_of(name), d(amount)))
    if present.get("hicbc"):
        rows.append(Row("Less the High Income Child Benefit Charge", -d(point["high_income_child_benefit_charge"])))
    rows.append(Row("Total coming in", d(point["net_income"]), "total"))
    passports = [
        (k, v)
        for k, v in point.get("passports", {}).items()
        if v.get("included_in_disposable_income") and present.get(f"passport:{k}")
    ]
    if passports:
        rows.append(Row("Help you get instead of money (estimated value)", None, "heading"))
        for name, item in passports:
            rows.append(Row(name_of(name), d(item["estimated_value"])))
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
            rows.append(Row(label, d(point[key])))
            if key == "childcare_costs" and present.get("tax_free_childcare"):
                rows.append(Row("Less the Tax-Free Childcare top-up", -d(point.get("tax_free_childcare", 0))))
    rows.append(Row("Money left", d(point["disposable_income"]), "total"))
    if is_baseline:
        rows.append(Row("This is now: the other tables compare with it", None, "note"))
    else:
        change = d(point["better_off"])
        label = "Better off than now by" if change >= 0 else "Worse off than now by"
        rows.append(Row(label, change.copy_abs(), "result"))
    return tuple(rows)


def _present(points: Sequence[dict[str, Any]]) -> dict[str, bool]:
    """Which table rows to show: a source or cost that is not zero at some number of hours."""
    present: dict[str, bool] = {}
    for point in points:
        for p in point.get("people", []):
            key = f"pay:{p['name']}"
            present[key] = present.get(key, False) or d(p["net_earnings"]) != 0 or d(p.get("hours", 0)) != 0
        for name, amount in point["benefits"].items():
            present[f"benefit:{name}"] = present.get(f"benefit:{name}", False) or d(amount) != 0
        present["hicbc"] = present.get("hicbc", False) or d(point.get("high_income_child_benefit_charge", 0)) != 0
        for key in ("housing_costs", "council_tax", "childcare_costs", "work_costs", "tax_free_childcare"):
            present[key] = present.get(key, False) or d(point.get(key, 0)) != 0
        for name, item in point.get("passports", {}).items():
            key = f"passport:{name}"
            present[key] = present.get(key, False) or d(item.get("estimated_value", 0)) != 0
    return present


def options(doc: dict[str, Any], scenario: Scenario, headline_at: Decimal | None) -> tuple[Option, ...]:
    baseline = d(doc["baseline_hours"])
    per = period_word(doc["period"])
    present = _present(doc["points"])
    job = scenario.worker.job
    tag = "the job's hours" if job is not None and job.hours == headline_at else "the headline"
    out = []
    for point in doc["points"]:
        hours = d(point["hours"])
        is_baseline = hours == baseline
        worker = next((p for p in point.get("people", []) if p["name"] == doc["person"]), None)
        gross = d(worker["gross_earnings"]) if worker else d(point["gross_earnings"])
        if is_baseline and baseline == 0:
            no_pay = "No pay from the job" if scenario.worker.job is not None else "Without the business"
            title, subtitle = "Now: not working", no_pay
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
                is_headline=headline_at is not None and hours == headline_at,
                stack=_stack(point),
                total_in=total(_stack(point).values()),
                rows=_rows(point, doc, present, is_baseline, scenario),
                better_off=d(point["better_off"]),
                disposable_income=d(point["disposable_income"]),
                tag=tag if headline_at is not None and hours == headline_at else "",
            )
        )
    return tuple(out)
