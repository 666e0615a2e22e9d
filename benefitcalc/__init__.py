"""benefitcalc: an open, exact "better-off in work" calculator for UK benefits advice.

The library is the product; the CLI and the JSON are views of it::

    import benefitcalc
    scenario = benefitcalc.load_scenario("sam.yaml")
    result = benefitcalc.calculate(scenario, hours=16)
    points = benefitcalc.sweep(scenario, hours=[0, 8, 16, 30])
    doc = benefitcalc.to_json(scenario, hours=[0, 8, 16, 30], period="week")
"""
from __future__ import annotations

__version__ = "0.1.0"

from benefitcalc.api import calculate, sweep, to_json  # noqa: E402
from benefitcalc.errors import BenefitcalcError, CoverageError, RulesError, ScenarioError  # noqa: E402
from benefitcalc.loader import RuleSet, load_rules  # noqa: E402
from benefitcalc.scenario import Scenario, load_scenario, scenario_from_data  # noqa: E402

__all__ = [
    "BenefitcalcError",
    "CoverageError",
    "RuleSet",
    "RulesError",
    "Scenario",
    "ScenarioError",
    "__version__",
    "calculate",
    "load_rules",
    "load_scenario",
    "scenario_from_data",
    "sweep",
    "to_json",
]
