"""Shared by the HTTP tests: the shipped rules, a household worked by hand, and an app on a fresh database."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`benefitcalc serve` on a free loopback port, as a person would start it; its URL."""
    port = free_port()
    database = tmp_path_factory.mktemp("live") / "cases.sqlite3"
    env = {k: v for k, v in os.environ.items() if k != "BENEFITCALC_API_TOKEN"}
    log = (database.parent / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "benefitcalc", "serve", "--port", str(port), "--database", str(database)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url + "/v1/health", timeout=2):
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError("the server did not start: " + (database.parent / "serve.log").read_text()) from None
            time.sleep(0.2)
    yield url
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()
