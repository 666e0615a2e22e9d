"""benefitcalc: an open, exact "better-off in work" calculator for UK benefits advice.

The library is the product; the CLI and the JSON are views of it::

    import benefitcalc
    scenario = benefitcalc.load_scenario("sam.yaml")
    result = benefitcalc.calculate(scenario, hours=16)
    points = benefitcalc.sweep(scenario, hours=[0, 8, 16, 30])
    doc = benefitcalc.to_json(scenario, hours=[0, 8, 16, 30], period="week")

The public names below are imported on first use (PEP 562), so ``benefitcalc --version`` and
``--help`` do not pay for loading pydantic and the engine.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_PUBLIC = {
    "calculate": "benefitcalc.api",
    "sweep": "benefitcalc.api",
    "to_json": "benefitcalc.api",
    "BenefitcalcError": "benefitcalc.errors",
    "CoverageError": "benefitcalc.errors",
    "RulesError": "benefitcalc.errors",
    "ScenarioError": "benefitcalc.errors",
    "RuleSet": "benefitcalc.loader",
    "load_rules": "benefitcalc.loader",
    "Scenario": "benefitcalc.scenario",
    "load_scenario": "benefitcalc.scenario",
    "scenario_from_data": "benefitcalc.scenario",
}

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

if TYPE_CHECKING:  # pragma: no cover
    from benefitcalc.api import calculate, sweep, to_json
    from benefitcalc.errors import BenefitcalcError, CoverageError, RulesError, ScenarioError
    from benefitcalc.loader import RuleSet, load_rules
    from benefitcalc.scenario import Scenario, load_scenario, scenario_from_data


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'benefitcalc' has no attribute {name!r}")
    return getattr(import_module(module), name)
