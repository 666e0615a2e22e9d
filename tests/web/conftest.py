"""Shared by the HTTP tests: the shipped rules, a household worked by hand, and an app on a fresh database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from benefitcalc.loader import RuleSet, load_rules
from benefitcalc.web.app import create_app
from fastapi.testclient import TestClient

# 16 hours at £12.21 in 2025-26, single, 30, no housing costs and no children: no tax or NI
# (£10,158.72 a year is under £12,570) and no UC element but the standard allowance.
# Gross a week = 16 x 12.21 = 195.36. UC a month = 400.14 - 55% x (195.36 x 52 / 12 = 846.56)
# = 400.14 - 465.608 = nil. So net income a week is exactly the pay, 195.36.
# At 0 hours UC is the standard allowance, 400.14 a month = 400.14 x 12 / 52 = 92.34 a week;
# better off at 16 hours = 195.36 - 92.34 = 103.02 a week; a month 846.56 - 400.14 = 446.42.
SINGLE: dict[str, Any] = {
    "date": "2025-06-01",
    "adults": [{"name": "Ann", "age": 30, "job": {"hourly_pay": 12.21, "hours": 16}}],
}


@pytest.fixture(scope="session")
def rules() -> RuleSet:
    return load_rules()


@pytest.fixture
def make_client(rules: RuleSet, tmp_path: Path) -> Callable[..., TestClient]:
    def make(**options: Any) -> TestClient:
        options.setdefault("database", tmp_path / "cases.sqlite3")
        options.setdefault("rules", rules)
        return TestClient(create_app(**options), raise_server_exceptions=False)

    return make


@pytest.fixture
def client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()
