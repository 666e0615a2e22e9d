"""Built-in example scenarios (YAML files beside this module)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from benefitcalc.scenario import Scenario

NAMES = ("sam", "lone_parent", "carer", "scotland_family", "self_employed")


def example_text(name: str = "sam") -> str:
    if name not in NAMES:
        raise ValueError(f"no example {name!r}; examples: {', '.join(NAMES)}")
    # Imported here: importlib.resources costs a fifth of `benefitcalc --version`, which lists NAMES.
    from importlib import resources

    return resources.files(__name__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")


def example_scenario(name: str = "sam") -> Scenario:
    # Imported here so that listing the examples (e.g. for --help) does not load pydantic.
    from benefitcalc.scenario import parse_text, scenario_from_data

    return scenario_from_data(parse_text(example_text(name), f"example {name}"), f"example {name}")
