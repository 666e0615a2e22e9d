"""The better-off analysis: at which hours is the household better off, by how much, and where are the traps.

Built on the engine and nothing else: every figure here is a difference between two
:class:`PointResult` s that the engine worked out, so it is as exact as they are.

* **Better off** is disposable income (after rent, council tax net of any reduction, childcare and
  work costs) at a point minus the same at the baseline: 0 hours, or the client's present hours.
* **Marginal effective tax rate** (between neighbouring points) and **participation tax rate**
  (against the baseline): the share of the extra gross pay lost to income tax, NI, pension
  contributions and withdrawn benefits, i.e. ``1 - change in net resources / change in gross pay``,
  where net resources are net income plus Tax-Free Childcare and any passported help counted in
  disposable income. Work costs and childcare are not part of the rates (they are in better-off).
* **Cliff edges**: every place where more work leaves the household with less. The engine is
  pure and cheap, so the analysis samples a half-hour grid over the hours asked for, spots each
  change of state between neighbours (a benefit stopping, a warning appearing, a passport lost) and
  bisects on whole pennies of weekly pay to the exact threshold. A fall in disposable income between
  neighbours with no change of state is bisected too. The cause is named from the programme whose
  loss is largest across the edge. Changes at the very start of work (work costs from the first
  hour) are not cliffs: ``break_even_hours`` covers them.
* **The profit axis** (:func:`run_profit`, :mod:`~benefitcalc.analysis.axis`): the same search along
  the self-employed adult's monthly profit, bisected on pennies of profit, with the minimum income
  floor's edge (:func:`minimum_income_floor_ends`: the profit below which more profit does not raise
  UC) and "not working" taken as the household without the business.
* **Tax-Free Childcare** is not part of the engine's point (it depends on Universal Credit being
  nil); :func:`with_tax_free_childcare` adds it to each point the analysis uses, so the top-up is in
  disposable income wherever the household is not on UC and qualifies.

One module per job: :mod:`~benefitcalc.analysis.sampling` (points by hours or pennies of pay),
:mod:`~benefitcalc.analysis.causes` (what changes across an edge and what it is called),
:mod:`~benefitcalc.analysis.edges` (cliffs and steps up), :mod:`~benefitcalc.analysis.crossings`
(break-even, the end of UC), :mod:`~benefitcalc.analysis.childcare` and
:mod:`~benefitcalc.analysis.better_off` (the rates, the headline and :func:`run`).
"""

from __future__ import annotations

from benefitcalc.analysis.axis import MAX_HOURS, MAX_MONTHLY_PROFIT, Axis, hours_axis, profit_axis, without_business
from benefitcalc.analysis.better_off import (
    BASELINES,
    analyse,
    baseline_hours,
    current_hours,
    headline,
    profit_baseline,
    run,
    run_profit,
)
from benefitcalc.analysis.childcare import childcare_choice
from benefitcalc.analysis.crossings import break_even, minimum_income_floor_ends, universal_credit_ends
from benefitcalc.analysis.edges import find_edges, half_hours_down
from benefitcalc.analysis.pension import employer_minimum
from benefitcalc.analysis.results import PENSION_CAUSE, Analysis, Change, ChildcareChoice, Crossing, Edge, PassportEnd
from benefitcalc.analysis.sampling import (
    GRID_STEP,
    INFORMATIONAL_WARNINGS,
    MAX_GRID_STEPS,
    TOLERANCE,
    Sampler,
    resources,
    signature,
    with_tax_free_childcare,
)

__all__ = [
    "BASELINES",
    "PENSION_CAUSE",
    "GRID_STEP",
    "INFORMATIONAL_WARNINGS",
    "MAX_GRID_STEPS",
    "MAX_HOURS",
    "TOLERANCE",
    "MAX_MONTHLY_PROFIT",
    "Analysis",
    "Axis",
    "Change",
    "ChildcareChoice",
    "Crossing",
    "Edge",
    "PassportEnd",
    "Sampler",
    "analyse",
    "baseline_hours",
    "break_even",
    "childcare_choice",
    "employer_minimum",
    "current_hours",
    "find_edges",
    "half_hours_down",
    "headline",
    "hours_axis",
    "minimum_income_floor_ends",
    "profit_axis",
    "profit_baseline",
    "run_profit",
    "without_business",
    "resources",
    "run",
    "signature",
    "universal_credit_ends",
    "with_tax_free_childcare",
]
