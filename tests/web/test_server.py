"""`benefitcalc serve` as started from the command line: the refusals, and what the issue saw go wrong."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator

import httpx
import pytest
from benefitcalc.cli import main
from benefitcalc.web.server import ServeError, check_binding
from click.testing import CliRunner
from tests.web.conftest import SINGLE

TOKEN = "a-token-long-enough-for-tests"


def test_loopback_needs_no_token() -> None:
    assert check_binding("127.0.0.1", None) is None
    assert check_binding("::1", None) is None
    assert check_binding("localhost", None) is None
    assert check_binding("127.0.0.1", TOKEN) == TOKEN  # a token that is set is checked everywhere


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.10", "::", "example.org"])
def test_any_other_address_needs_a_token(host: str) -> None:
    with pytest.raises(ServeError) as caught:
        check_binding(host, None)
    assert caught.value.where == "--host"
    assert check_binding(host, TOKEN) == TOKEN


def test_serve_refuses_to_start_without_a_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BENEFITCALC_API_TOKEN", raising=False)
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert result.output == (
        "benefitcalc: error: --host: listening on 0.0.0.0 lets other machines reach the API, so it needs a token: "
        "set BENEFITCALC_API_TOKEN to a secret of at least 16 characters "
        "(clients send it as Authorization: Bearer <token>), or listen on 127.0.0.1\n"
    )


def test_serve_refuses_a_short_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BENEFITCALC_API_TOKEN", "short")
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "BENEFITCALC_API_TOKEN must be at least 16 characters" in result.output


def test_a_3_mb_body_is_answered_not_dropped(live_server: str) -> None:
    """The stdlib server answered this with a broken pipe (issue #15)."""
    request = urllib.request.Request(live_server + "/v1/sweep", data=b" " * (3 * 1024 * 1024), method="POST")
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request, timeout=30)
    assert caught.value.code == 413
    assert json.loads(caught.value.read())["error"]["kind"] == "too_large"


def test_a_chunked_body_over_the_limit_is_counted_and_answered(live_server: str) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(30):
            yield b" " * 100_000

    response = httpx.post(live_server + "/v1/sweep", content=chunks(), timeout=30)
    assert response.status_code == 413
    assert response.json()["error"]["where"] == "body"


def test_64_clients_at_once_are_all_answered(live_server: str) -> None:
    """The stdlib server reset 5 of 80 connections from 32 clients (its listen backlog was 5)."""
    results: list[int | str] = []
    lock = threading.Lock()
    body = json.dumps({"scenario": SINGLE, "hours": [16], "period": "week"}).encode()

    def client() -> None:
        for _ in range(2):
            request = urllib.request.Request(live_server + "/v1/sweep", data=body, method="POST")
            try:
                with urllib.request.urlopen(request, timeout=60) as response:
                    outcome: int | str = response.status
                    assert json.loads(response.read())["points"][0]["better_off"] == 103.02
            except Exception as exc:  # every failure is counted, whatever it is
                outcome = repr(exc)
            with lock:
                results.append(outcome)

    threads = [threading.Thread(target=client) for _ in range(64)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert results == [200] * 128
