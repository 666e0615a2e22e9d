"""Shared fixtures: the shipped rules loaded once, and the rules in force in each tax year."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from benefitcalc.loader import ParameterNode, RuleSet, load_rules
from benefitcalc.programmes.rule_views import RuleViews, views_for
from benefitcalc.scenario import tax_year_date

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def ruleset() -> RuleSet:
    """The shipped rules, loaded and validated once for the whole run."""
    return load_rules()


@pytest.fixture(scope="session")
def params_for(ruleset: RuleSet) -> Callable[[str], ParameterNode]:
    """The rules in force on the day a scenario with ``tax_year: YYYY-YY`` is worked (first Monday from 6 April)."""

    def at(tax_year: str) -> ParameterNode:
        return ruleset.at(tax_year_date(tax_year))

    return at


@pytest.fixture(scope="session", name="views_for")
def views_for_fixture(ruleset: RuleSet) -> Callable[[str], RuleViews]:
    """Each programme's typed view of the rules in force in a tax year (as :func:`params_for`)."""

    def at(tax_year: str) -> RuleViews:
        return views_for(ruleset, tax_year_date(tax_year))

    return at
