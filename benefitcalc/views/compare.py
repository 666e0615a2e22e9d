"""Compare jobs, self-employment, or households, side by side: one better-off document per option, cut to a comparison.

The library behind `benefitcalc compare` and ``POST /v1/compare``. Each option is a household
with one job (hourly pay x hours a week); better-off is against the same household not working
(or at its present hours with baseline ``current``), and cliff edges are searched from 0 to the
option's hours.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from benefitcalc.analysis import run
from benefitcalc.engine import make_context
from benefitcalc.errors import ScenarioError
from benefitcalc.loader import RuleSet
from benefitcalc.scenario import Job, Scenario
from benefitcalc.views.json_document import document


def with_job(scenario: Scenario, pay: Decimal, hours: Decimal) -> Scenario:
    """The same household with the worker in the job at ``pay`` an hour for ``hours`` a week; a worker
    with only a business takes the job instead of the business."""
    index = scenario.worker_index
    worker = scenario.adults[index]
    update: dict[str, Any]
    if worker.job is not None:
        update = {"job": worker.job.model_copy(update={"hourly_pay": pay, "hours": hours})}
    else:
        update = {"job": Job(hourly_pay=pay, hours=hours), "self_employment": None}
    adults = list(scenario.adults)
    adults[index] = worker.model_copy(update=update)
    return scenario.model_copy(update={"adults": tuple(adults)})


def _monthly_profit(analysis: Any) -> Decimal | None:
    """The worker's profit a month at the analysis's one point, if the worker has a business."""
    index = analysis.scenario.worker_index
    business = analysis.points[0].earnings[index].self_employment
    return None if business is None else business.profit / 12


def _option(
    source: str, scenario: Scenario, pay: Decimal | None, rules: RuleSet, baseline: str, period: str
) -> dict[str, Any]:
    """One option: the household with the job (``pay`` an hour, at the job's hours), or with the worker's
    business as the scenario gives it (``pay`` None)."""
    hours = scenario.worker_hours
    ctx = make_context(scenario, rules)
    analysis = run(scenario, [hours], ctx, baseline)
    doc = document(scenario, ctx, list(analysis.points), analysis.baseline, period, analysis)
    profit = _monthly_profit(analysis) if pay is None else None
    label = (
        f"£{pay}/h x {hours:g}h" if pay is not None else f"self-employed, £{profit or 0:,.2f}/month profit x {hours:g}h"
    )
    return {
        "label": label,
        "source": source,
        "kind": "job" if pay is not None else "self_employment",
        "hourly_pay": None if pay is None else float(pay),
        "profit": None if profit is None else float(round(profit, 2)),
        "hours": float(hours),
        "rules": doc["rules"],
        "person": doc["person"],
        "baseline_hours": doc["baseline_hours"],
        "point": doc["points"][0],
        "summary": doc["summary"],
        "cliffs": doc["cliffs"],
        "break_even_hours": doc["break_even_hours"],
        "universal_credit_ends_at_hours": doc["universal_credit_ends_at_hours"],
        "_version": doc["benefitcalc"],
    }


def compare(
    households: Sequence[tuple[str, Scenario]],
    jobs: Sequence[tuple[Decimal, Decimal]],
    rules: RuleSet,
    period: str = "month",
    baseline: str = "zero",
) -> dict[str, Any]:
    """Every household with every job offer (or with its own job when no offers are given); a
    self-employed worker's business is an option of its own, set against each job offer.

    ``households``: (source, scenario) pairs; the source names the option when there are several.
    ``jobs``: (hourly pay, hours a week) offers. Returns ``{"benefitcalc", "period", "options"}``.
    """
    from os.path import basename

    if not households:
        raise ScenarioError("give one scenario with job offers, or several scenarios", "scenarios")
    if len(households) == 1 and not jobs:
        raise ScenarioError(
            "nothing to compare: add job offers (hourly pay x hours) or give more scenarios",
            "jobs",
        )
    options: list[dict[str, Any]] = []
    for source, scenario in households:
        job = scenario.worker.job
        # a self-employed worker: the business as given, then each job offer instead of it
        variants: list[tuple[Decimal, Decimal] | None] = (
            [None, *jobs] if job is None else [*jobs] or [(job.hourly_pay, job.hours)]
        )
        for variant in variants:
            chosen = scenario if variant is None else with_job(scenario, *variant)
            option = _option(source, chosen, None if variant is None else variant[0], rules, baseline, period)
            if len(households) > 1:
                option["label"] = f"{scenario.worker.name} ({basename(source)}): {option['label']}"
            options.append(option)
    version = options[0].pop("_version")
    for option in options[1:]:
        option.pop("_version")
    return {"benefitcalc": version, "period": period, "options": options}
