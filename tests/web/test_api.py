"""The JSON API: every endpoint, and every error in the one shape (docs/service.md)."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import SINGLE


def error(response: Any) -> dict[str, Any]:
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"kind", "where", "message"}, body
    return body["error"]


# --- the endpoints ------------------------------------------------------------------------------


def test_health_names_the_rules(client: TestClient, rules: Any) -> None:
    body = client.get("/v1/health").json()
    assert body == {
        "status": "ok",
        "benefitcalc": body["benefitcalc"],
        "rules": {"version": rules.version, "digest": rules.digest},
    }


def test_schemas(client: TestClient) -> None:
    assert "adults" in client.get("/v1/schema").json()["properties"]
    assert "points" in client.get("/v1/schema/output").json()["properties"]


def test_sweep_returns_the_document(client: TestClient) -> None:
    response = client.post("/v1/sweep", json={"scenario": SINGLE, "hours": [0, 16], "period": "week"})
    assert response.status_code == 200
    body = response.json()
    assert [p["hours"] for p in body["points"]] == [0.0, 16.0]
    assert body["points"][0]["benefits"]["universal_credit"] == 92.34  # 400.14 x 12 / 52
    assert body["points"][1]["net_income"] == 195.36
    assert body["points"][1]["better_off"] == 103.02


def test_sweep_takes_hours_as_text_and_defaults(client: TestClient) -> None:
    body = client.post("/v1/sweep", json={"scenario": SINGLE, "hours": "0:16:8", "period": "week"}).json()
    assert [p["hours"] for p in body["points"]] == [0.0, 8.0, 16.0]
    body = client.post("/v1/sweep", json={"scenario": SINGLE}).json()
    assert [p["hours"] for p in body["points"]] == [0.0, 8.0, 16.0, 24.0, 30.0, 37.5]
    assert body["period"] == "month"


def test_calc_is_the_jobs_hours_by_default(client: TestClient) -> None:
    body = client.post("/v1/calc", json={"scenario": SINGLE, "period": "month"}).json()
    assert [p["hours"] for p in body["points"]] == [16.0]
    assert body["points"][0]["better_off"] == 446.42  # 846.56 - 400.14
    body = client.post("/v1/calc", json={"scenario": SINGLE, "hours": 0, "period": "week"}).json()
    assert body["points"][0]["benefits"]["universal_credit"] == 92.34


def test_explain_shows_the_steps(client: TestClient) -> None:
    body = client.post("/v1/explain", json={"scenario": SINGLE}).json()
    assert body["hours"] == 16.0 and body["period"] == "week"
    pay = body["sections"][0]
    assert pay["title"] == "Pay: Ann"
    assert pay["steps"][0]["amount"] == 10158.72  # 16 x 12.21 x 52


def test_compare_job_offers(client: TestClient) -> None:
    body = client.post(
        "/v1/compare",
        json={"scenarios": [SINGLE], "jobs": [{"hourly_pay": 12.21, "hours": 16}, {"hourly_pay": 12.21, "hours": 0}]},
    ).json()
    assert [o["label"] for o in body["options"]] == ["£12.21/h x 16h", "£12.21/h x 0h"]
    assert [o["point"]["better_off"] for o in body["options"]] == [446.42, 0.0]


def test_compare_needs_something_to_compare(client: TestClient) -> None:
    response = client.post("/v1/compare", json={"scenarios": [SINGLE]})
    assert response.status_code == 422
    assert error(response)["where"] == "jobs"


def test_report_as_pdf_html_and_chart(client: TestClient) -> None:
    pdf = client.post("/v1/report", json={"scenario": SINGLE, "hours": [0, 16]})
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    assert pdf.headers["content-disposition"] == 'attachment; filename="better-off-Ann.pdf"'
    html = client.post("/v1/report", json={"scenario": SINGLE, "format": "html", "adviser": "A. Adviser"})
    assert html.headers["content-type"].startswith("text/html")
    assert html.text.startswith("<!DOCTYPE html>") and "A. Adviser" in html.text
    chart = client.post("/v1/report", json={"scenario": SINGLE, "format": "chart", "hours": "0,16"})
    assert chart.text.startswith("<figure>") and "<svg" in chart.text and 'class="legend"' in chart.text


def test_report_refuses_too_many_hours(client: TestClient) -> None:
    response = client.post("/v1/report", json={"scenario": SINGLE, "hours": "0:22:2"})
    assert response.status_code == 422
    assert "10" in error(response)["message"]


def test_schemes_lists_the_councils(client: TestClient) -> None:
    schemes = {s["id"]: s for s in client.get("/v1/schemes").json()}
    cheshire = schemes["cheshire_west_and_chester"]
    assert cheshire["nation"] == "england" and cheshire["applies_to"] == "working_age"
    assert {"start": "2026-04-01", "design": "means_tested"} in cheshire["years"]


def test_batch_answers_every_item(client: TestClient) -> None:
    body = client.post("/v1/batch", json={"items": [{"id": 7, "scenario": SINGLE}, {"id": 8, "scenario": {}}]}).json()
    assert [(r["id"], r["ok"]) for r in body["results"]] == [(7, True), (8, False)]
    assert body["results"][0]["result"]["points"][-1]["hours"] == 37.5
    assert body["results"][1]["error"]["kind"] == "scenario"


def test_batch_has_a_limit(client: TestClient) -> None:
    response = client.post("/v1/batch", json={"items": [{"scenario": {}}] * 1001})
    assert response.status_code == 422
    assert error(response) == {
        "kind": "scenario",
        "where": "items",
        "message": "at most 1000 items in one batch; got 1001",
    }


def test_scenario_text_is_read_and_checked(client: TestClient) -> None:
    text = "date: 2025-06-01\nadults:\n  - name: Ann\n    age: 30\n    job: {hourly_pay: 12.21, hours: 16}\n"
    assert client.post("/v1/scenario/parse", json={"text": text}).json() == SINGLE
    response = client.post("/v1/scenario/parse", json={"text": "adults:\n  - age: 12\n"})
    assert response.status_code == 422
    assert "adults[0].age" in error(response)["message"]
    bomb = "a: &a [1, 2]\nb: &b [*a, *a]\nc: [*b, *b]\n"
    response = client.post("/v1/scenario/parse", json={"text": bomb})
    assert response.status_code == 400
    assert error(response)["message"] == "anchors and aliases (&name, *name) are not allowed in a scenario"


# --- errors: one shape, never a 500 for bad input -----------------------------------------------


def test_a_body_that_is_not_json_is_400(client: TestClient) -> None:
    response = client.post("/v1/sweep", content=b"{oops")
    assert response.status_code == 400
    assert error(response)["where"] == "body"
    assert error(response)["message"].startswith("not valid JSON")
    assert error(client.post("/v1/sweep", content=b"\xff\xfe"))["message"] == "the body is not UTF-8 text"
    assert client.post("/v1/sweep", content=b"").status_code == 400


def test_duplicate_keys_are_refused(client: TestClient) -> None:
    response = client.post("/v1/sweep", content=b'{"scenario": {}, "scenario": {}}')
    assert response.status_code == 400
    assert error(response)["message"] == (
        "not valid JSON: duplicate key 'scenario' in the document (the last one would silently win)"
    )


def test_a_huge_number_or_nan_in_the_body_is_400_not_500(client: TestClient) -> None:
    # read by benefitcalc.inputs.parse_json, which checks a number before converting it
    huge = client.post("/v1/sweep", content=b'{"scenario": {}, "hours": [' + b"9" * 5000 + b"]}")
    assert huge.status_code == 400
    assert error(huge)["message"] == (
        "not valid JSON: hours[0]: the number 99999999999999999999... (5,000 characters) is too large to read "
        "(at most 24 digits and an exponent from -24 to 24)"
    )
    nan = client.post("/v1/sweep", content=b'{"scenario": {}, "hours": [NaN]}')
    assert nan.status_code == 400
    assert (
        error(nan)["message"]
        == "not valid JSON: hours[0]: NaN is not a number benefitcalc can use; give a finite number"
    )


@pytest.mark.parametrize("depth", [33, 5000, 200_000])
def test_deep_nesting_is_400(client: TestClient, depth: int) -> None:
    response = client.post("/v1/sweep", content=b"[" * depth + b"]" * depth)
    assert response.status_code == 400
    assert error(response)["message"] == (
        "nested more than 32 levels deep at line 1, column 33 (lists and objects inside each other); at most 32 are read"
    )


def test_a_body_over_the_limit_is_413_by_its_length(make_client: Callable[..., TestClient]) -> None:
    client = make_client(max_body=1000)
    response = client.post("/v1/sweep", content=b" " * 1001)
    assert response.status_code == 413
    assert error(response) == {
        "kind": "too_large",
        "where": "body",
        "message": "the body is over the limit of 1,000 bytes; send less",
    }


def test_a_body_over_the_limit_is_413_when_counted(make_client: Callable[..., TestClient]) -> None:
    """A chunked body has no length: the bytes are counted as they come."""
    client = make_client(max_body=1000)

    def chunks() -> Iterator[bytes]:
        for _ in range(5):
            yield b" " * 300

    response = client.post("/v1/sweep", content=chunks())
    assert response.status_code == 413
    assert error(response)["kind"] == "too_large"


def test_an_invalid_scenario_is_422(client: TestClient) -> None:
    response = client.post("/v1/sweep", json={"scenario": {"adults": [{"age": 30, "job": {"hourly_pay": -1}}]}})
    assert response.status_code == 422
    assert error(response)["kind"] == "scenario"
    assert "hourly_pay" in error(response)["message"]


def test_an_uncovered_date_is_422(client: TestClient, rules: Any) -> None:
    scenario = {**SINGLE, "date": "2015-06-01"}
    response = client.post("/v1/sweep", json={"scenario": scenario})
    assert response.status_code == 422
    assert error(response)["kind"] == "coverage"
    assert error(response)["where"] == "date"


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ({"scenario": SINGLE, "hour": [16]}, "hour"),
        ({"scenario": SINGLE, "period": "fortnight"}, "period"),
        ({"scenario": SINGLE, "hours": [-1]}, "hours"),
        ({"scenario": SINGLE, "hours": "0:x"}, "hours"),
        ({"scenario": "Ann"}, "scenario"),
        ([1, 2], "body"),
    ],
)
def test_the_wrong_envelope_is_422_naming_the_key(client: TestClient, body: Any, where: str) -> None:
    response = client.post("/v1/sweep", json=body)
    assert response.status_code == 422
    assert error(response)["where"] == where


def test_unknown_paths_and_methods(client: TestClient) -> None:
    response = client.post("/v1/nothing", json={})
    assert response.status_code == 404
    assert error(response) == {
        "kind": "not_found",
        "where": "/v1/nothing",
        "message": "no such endpoint; see /docs or docs/service.md",
    }
    response = client.get("/v1/sweep")
    assert response.status_code == 405
    assert error(response)["kind"] == "method_not_allowed"
    assert client.get("/static/secrets.txt").status_code == 404


@pytest.mark.parametrize(
    "body",
    [
        b"null",
        b"0",
        b'"x"',
        b"{}",
        b'{"scenario": null}',
        b'{"scenario": {"adults": [null]}}',
        b'{"scenario": {"adults": "x"}}',
        b'{"scenario": {"adults": [{"age": 1e400}]}}',
        b'{"scenario": {"adults": [{"age": NaN}]}}',
        b'{"items": "x"}',
    ],
)
def test_odd_bodies_never_give_a_500(client: TestClient, body: bytes) -> None:
    for path in ("/v1/sweep", "/v1/calc", "/v1/explain", "/v1/compare", "/v1/report", "/v1/batch"):
        response = client.post(path, content=body)
        assert 400 <= response.status_code < 500, (path, body, response.text)
        error(response)


# --- the token ------------------------------------------------------------------------------------

TOKEN = "s3cret-token-for-tests-only"


def test_a_token_is_required_on_every_api_request(make_client: Callable[..., TestClient]) -> None:
    client = make_client(token=TOKEN)
    response = client.get("/v1/health")
    assert response.status_code == 401
    assert error(response)["kind"] == "unauthorised"
    assert response.headers["www-authenticate"].startswith("Bearer")
    wrong = client.post("/v1/sweep", json={"scenario": SINGLE}, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    assert error(wrong)["message"].startswith("the token is not right")
    assert client.get("/v1/health", headers={"Authorization": f"Basic {TOKEN}"}).status_code == 401


def test_the_right_token_is_accepted(make_client: Callable[..., TestClient]) -> None:
    client = make_client(token=TOKEN)
    headers = {"Authorization": f"Bearer {TOKEN}"}
    assert client.get("/v1/health", headers=headers).status_code == 200
    assert client.post("/v1/sweep", json={"scenario": SINGLE}, headers=headers).status_code == 200


def test_the_page_and_the_description_need_no_token(make_client: Callable[..., TestClient]) -> None:
    """They hold no client data; the page asks for the token before it calls the API."""
    client = make_client(token=TOKEN)
    assert client.get("/").status_code == 200
    assert client.get("/openapi.json").status_code == 200


# --- the description and the docs ------------------------------------------------------------------


def test_openapi_describes_the_bodies_from_the_models(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.1")
    schemas = spec["components"]["schemas"]
    sweep = spec["paths"]["/v1/sweep"]["post"]
    assert sweep["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/SweepRequest"
    }
    assert schemas["SweepRequest"]["properties"]["scenario"]["$ref"] == "#/components/schemas/Scenario"
    assert "adults" in schemas["Scenario"]["properties"] and "Adult" in schemas
    assert sweep["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Document"
    }
    assert sweep["responses"]["422"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ErrorBody"
    }
    assert "points" in schemas["Document"]["properties"]
    for path in (
        "/v1/health",
        "/v1/calc",
        "/v1/explain",
        "/v1/compare",
        "/v1/report",
        "/v1/schemes",
        "/v1/batch",
        "/v1/cases",
    ):
        assert path in spec["paths"]
    refs = set()
    text = json.dumps(spec)
    for part in text.split('"$ref": "#/components/schemas/')[1:]:
        refs.add(part.split('"')[0])
    assert refs <= set(schemas), refs - set(schemas)


def test_docs_work_offline(client: TestClient) -> None:
    page = client.get("/docs").text
    assert "/docs/assets/swagger-ui-bundle.js" in page and "/docs/assets/swagger-ui.css" in page
    assert "https://" not in page and "http://" not in page
    assert client.get("/docs/assets/swagger-ui-bundle.js").status_code == 200


# --- the access log ----------------------------------------------------------------------------------


def test_the_access_log_holds_no_client_data(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="benefitcalc.web.access"):
        client.post("/v1/sweep?name=Ann", json={"scenario": SINGLE})
        client.post("/v1/sweep", content=b"{oops")
    lines = [record.getMessage() for record in caplog.records if record.name == "benefitcalc.web.access"]
    assert [line.rsplit(" ", 1)[0] for line in lines] == ["POST /v1/sweep 200", "POST /v1/sweep 400"]
    logged = caplog.text
    assert "Ann" not in logged and "12.21" not in logged and "oops" not in logged and "testclient" not in logged
