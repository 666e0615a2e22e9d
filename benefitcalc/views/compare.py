"""Compare jobs, or households, side by side: one better-off document per option, cut to a comparison.

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
from benefitcalc.scenario import Scenario
from benefitcalc.views.json_document import document


def with_job(scenario: Scenario, pay: Decimal, hours: Decimal) -> Scenario:
    """The same household with the worker's job at ``pay`` an hour for ``hours`` a week."""
    index = scenario.worker_index
    worker = scenario.adults[index]
    assert worker.job is not None  # a valid scenario has exactly one adult with a job
    job = worker.job.model_copy(update={"hourly_pay": pay, "hours": hours})
    adults = list(scenario.adults)
    adults[index] = worker.model_copy(update={"job": job})
    return scenario.model_copy(update={"adults": tuple(adults)})


def compare(
    households: Sequence[tuple[str, Scenario]],
    jobs: Sequence[tuple[Decimal, Decimal]],
    rules: RuleSet,
    period: str = "month",
    baseline: str = "zero",
) -> dict[str, Any]:
    """Every household with every job offer (or with its own job when no offers are given).

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
    version = ""
    for source, scenario in households:
        job = scenario.worker.job
        assert job is not None
        for pay, hours in list(jobs) or [(job.hourly_pay, job.hours)]:
            chosen = with_job(scenario, pay, hours)
            ctx = make_context(chosen, rules)
            analysis = run(chosen, [hours], ctx, baseline)
            doc = document(chosen, ctx, list(analysis.points), analysis.baseline, period, analysis)
            version = doc["benefitcalc"]
            label = f"£{pay}/h x {hours:g}h"
            if len(households) > 1:
                label = f"{scenario.worker.name} ({basename(source)}): {label}"
            options.append(
                {
                    "label": label,
                    "source": source,
                    "hourly_pay": float(pay),
                    "hours": float(hours),
                    "rules": doc["rules"],
                    "person": doc["person"],
                    "baseline_hours": doc["baseline_hours"],
                    "point": doc["points"][0],
                    "summary": doc["summary"],
                    "cliffs": doc["cliffs"],
                    "break_even_hours": doc["break_even_hours"],
                    "universal_credit_ends_at_hours": doc["universal_credit_ends_at_hours"],
                }
            )
    return {"benefitcalc": version, "period": period, "options": options}
