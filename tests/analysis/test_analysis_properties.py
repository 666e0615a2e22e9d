"""Properties of the better-off analysis over generated households.

* better-off is exactly the difference of disposable incomes (as the document rounds them);
* every reported cliff is a real fall in disposable income across one penny of weekly pay;
* wherever disposable income falls between two amounts of pay (past the first penny of work), a
  cliff is reported between them;
* every cliff, step up and crossing carries ``changes`` that add up exactly to its change in
  disposable income (a week and a month), and every edge's message names its largest loss and its
  largest gain, each with its own figure.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import benefitcalc
from benefitcalc import registry
from benefitcalc.analysis import TOLERANCE, Change, Sampler, run
from benefitcalc.engine import make_context
from benefitcalc.scenario import scenario_from_data
from benefitcalc.summary import disposable_change
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

D = Decimal


@st.composite
def households(draw: st.DrawFn) -> dict[str, Any]:
    pay = draw(st.integers(min_value=800, max_value=3000)).__truediv__(100)
    job: dict[str, Any] = {"hourly_pay": f"{pay:.2f}", "hours": 0}
    job["pension"] = draw(st.sampled_from(["none", "auto_enrolment", {"employee_rate": "0.05"}]))
    adult: dict[str, Any] = {"name": "A", "age": draw(st.integers(min_value=18, max_value=60)), "job": job}
    adult["new_style_esa"] = draw(st.sampled_from(["none", "none", "support", "assessment"]))
    adult["universal_credit_health"] = draw(st.sampled_from(["none", "lcwra"]))
    if adult["universal_credit_health"] == "lcwra":
        adult["health_element_protected"] = draw(st.booleans())
    if draw(st.booleans()):
        adult["carer"] = {
            "hours_per_week": draw(st.integers(min_value=35, max_value=50)),
            "claims_carers_allowance": True,
        }
    nation = draw(st.sampled_from(["england", "scotland", "wales"]))
    children = [{"age": a} for a in draw(st.lists(st.integers(min_value=0, max_value=15), max_size=2))]
    data: dict[str, Any] = {"tax_year": "2026-27", "nation": nation, "adults": [adult], "children": children}
    if draw(st.booleans()):
        rent = draw(st.integers(min_value=300, max_value=900))
        data["housing"] = {
            "tenure": "social_rent",
            "rent": {"amount": rent, "period": "month"},
            "bedrooms": 1 + (len(children) + 1) // 2,
        }
    else:
        data["housing"] = {"tenure": "owner"}
    if draw(st.booleans()):
        data["housing"]["council_tax"] = {"amount": draw(st.integers(min_value=1000, max_value=2500)), "period": "year"}
    data["capital"] = draw(st.sampled_from([0, 0, 7000, 20000]))
    if children and draw(st.booleans()):
        data["childcare"] = {"amount": draw(st.integers(min_value=100, max_value=900)), "period": "month"}
    if draw(st.booleans()):
        data["work_costs"] = {"amount": draw(st.integers(min_value=1, max_value=30)), "period": "week"}
    if draw(st.booleans()):
        data["include_passport_values"] = True
        data["prescription_items_per_month"] = draw(st.integers(min_value=0, max_value=4))
    return data


HOURS = st.lists(st.integers(min_value=0, max_value=80).map(lambda h: D(h) / 2), min_size=1, max_size=5, unique=True)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=households(), hours=HOURS)
def test_better_off_is_the_difference_of_disposable_incomes(ruleset, data, hours):
    doc = benefitcalc.to_json(data, hours, period="week", rules=ruleset)
    scenario = scenario_from_data(data)
    base = benefitcalc.to_json(scenario, [0], period="week", rules=ruleset)["points"][0]["disposable_income"]
    for point in doc["points"]:
        assert point["better_off"] == round(point["disposable_income"] - base, 2)
        assert point["better_off_weekly"] == point["better_off"]
        passports = sum(p["estimated_value"] for p in point["passports"].values() if p["included_in_disposable_income"])
        money = (
            point["net_income"]
            + passports
            + point["tax_free_childcare"]
            - point["housing_costs"]
            - point["council_tax"]
            - point["childcare_costs"]
            - point["work_costs"]
        )
        assert round(money, 2) == point["disposable_income"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=households(),
    top=st.integers(min_value=2, max_value=80).map(lambda h: D(h) / 2),
    probes=st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1)), min_size=1, max_size=4),
)
def test_cliffs_are_exactly_where_disposable_income_falls(ruleset, data, top, probes):
    scenario = scenario_from_data(data)
    ctx = make_context(scenario, ruleset)
    analysis = run(scenario, [D(0), top], ctx)
    sampler = Sampler(scenario, ctx)
    value = lambda pennies: sampler.disposable(sampler.pay(pennies))  # noqa: E731
    edges = []
    for cliff in analysis.cliffs:
        safe, edge = int(cliff.safe_gross_weekly_earnings * 100), int(cliff.gross_weekly_earnings * 100)
        assert edge == safe + 1
        assert value(edge) < value(safe) - TOLERANCE  # a real fall, across one penny
        edges.append(edge)
    # Anywhere past the first penny of work, a fall between two amounts of pay has a cliff between them.
    highest = sampler.pennies(top, "ROUND_FLOOR")
    for a, b in probes:
        low, high = sorted((1 + int(a * (highest - 1)), 1 + int(b * (highest - 1))))
        if high > low and value(high) < value(low) - TOLERANCE:
            assert any(low < edge <= high for edge in edges), (low, high, value(low), value(high))


def _own(change: Change) -> D:
    """The part's own change (tax paid, benefit received), not its effect on disposable income."""
    component = registry.COMPONENT_BY_KEY.get(change.part)
    return change.weekly * (component.sign if component is not None else 1)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=households(), top=st.integers(min_value=2, max_value=80).map(lambda h: D(h) / 2))
def test_changes_add_up_and_messages_name_the_largest(ruleset, data, top):
    scenario = scenario_from_data(data)
    ctx = make_context(scenario, ruleset)
    analysis = run(scenario, [D(0), top], ctx)
    for edge in (*analysis.cliffs, *analysis.gains):
        assert sum((c.weekly for c in edge.changes), D(0)) == edge.weekly_change
        assert sum((c.monthly for c in edge.changes), D(0)) == edge.monthly_change
        moved = [c for c in edge.changes if c.part != "earnings" and c.weekly != 0]
        for side in ([c for c in moved if c.weekly < 0], [c for c in moved if c.weekly > 0]):
            if side:
                biggest = max(side, key=lambda c: abs(c.weekly))
                assert registry.title(biggest.part) in edge.message, (biggest, edge.message)
                assert f"£{abs(_own(biggest)):,.2f} a week" in edge.message, (biggest, edge.message)
        assert "by more" not in edge.message
    sampler = Sampler(scenario, ctx)
    for crossing in (analysis.break_even, analysis.universal_credit_ends):
        if crossing is None or crossing.hours == 0:
            continue
        first = int(crossing.gross_weekly_earnings * 100)
        before, after = sampler.pay(first - 1), sampler.pay(first)
        assert sum((c.weekly for c in crossing.changes), D(0)) == disposable_change(before, after, "week")
        assert sum((c.monthly for c in crossing.changes), D(0)) == disposable_change(before, after, "month")
