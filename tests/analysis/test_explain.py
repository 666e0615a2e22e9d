"""`explain` is a view of the breakdown: every step's figure is the breakdown's, every rule has a source."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import benefitcalc
from benefitcalc.engine import make_context
from benefitcalc.examples import example_scenario
from benefitcalc.explain import explain, render, to_json

D = Decimal


def _breakdown_section(point: dict[str, Any], key: str) -> dict[str, Any]:
    if "." in key:
        group, name = key.split(".", 1)
        return point["breakdown"][group][name]
    return point["breakdown"][key]


def test_explain_steps_are_the_breakdown(ruleset):
    for name in ("sam", "lone_parent", "carer", "scotland_family"):
        scenario = example_scenario(name)
        ctx = make_context(scenario, ruleset)
        hours = D(16)
        data = to_json(explain(scenario, ctx, hours, period="week"))
        doc = benefitcalc.to_json(scenario, [hours], period="week", rules=ruleset)
        point = doc["points"][0]
        seen = 0
        for section in data["sections"]:
            lines = _breakdown_section(point, section["key"])
            assert [s["key"] for s in section["steps"]] == list(k for k in lines if k != "facts"), (
                name,
                section["key"],
            )
            for step in section["steps"]:
                line = lines[step["key"]]
                assert step["amount"] == line["amount"], (name, section["key"], step["key"])
                assert step["period"] == line["period"]
                assert step["text"] == line["label"]
                assert [r["parameter"] for r in step["rules"]] == line["rules"]
                for rule in step["rules"]:
                    assert rule["parameter"] in doc["references"]
                    assert rule["sources"] and all(s["href"].startswith("https://") for s in rule["sources"])
                seen += 1
        assert seen > 10
        # The closing summary is the point's money.
        summary = {row["key"]: row["amount"] for row in data["summary"]}
        assert summary["disposable_income"] == point["disposable_income"]
        assert summary["better_off"] == point["better_off"]
        assert summary["net_income"] == point["net_income"]
        assert summary["gross_earnings"] == point["gross_earnings"]


def test_explain_text_names_the_law_and_the_figures(ruleset):
    scenario = example_scenario("sam")
    text = render(explain(scenario, make_context(scenario, ruleset), D(16), period="week"))
    doc = benefitcalc.to_json(scenario, [16], period="week", rules=ruleset)
    uc_award = doc["points"][0]["breakdown"]["universal_credit"]["award"]["amount"]
    assert f"£{uc_award:,.2f} a month" in text
    assert "Universal Credit Regulations 2013" in text or "reg 22" in text
    assert "https://www.legislation.gov.uk/" in text
    assert "Left to live on (disposable income)" in text
    assert f"{doc['points'][0]['disposable_income']:,.2f}" in text
