"""Saved cases: the SQLite store, its migrations, and the endpoints (docs/web.md)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from benefitcalc.loader import load_rules
from benefitcalc.web.cases import MIGRATIONS, DatabaseError, migrate, schema_version
from fastapi.testclient import TestClient
from tests.web.conftest import SINGLE


def save(client: TestClient, name: str = "Ann, first visit", scenario: dict[str, Any] | None = None) -> dict[str, Any]:
    response = client.post("/v1/cases", json={"name": name, "scenario": scenario or SINGLE})
    assert response.status_code == 201, response.text
    return response.json()


# --- migrations ------------------------------------------------------------------------------------


def test_a_new_file_gets_every_migration_once(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / "c.sqlite3")
    assert migrate(db) == len(MIGRATIONS) == 1
    assert migrate(db) == 1  # nothing left to do
    assert db.execute("SELECT version FROM schema_version").fetchall() == [(1,)]


def test_migrations_run_in_order_from_where_the_file_is(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / "c.sqlite3")
    migrate(db)
    db.execute("INSERT INTO cases (name, scenario, created, updated) VALUES ('x', '{}', 'now', 'now')")
    db.commit()

    def add_notes(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE cases ADD COLUMN notes TEXT NOT NULL DEFAULT ''")

    assert migrate(db, (*MIGRATIONS, add_notes)) == 2
    assert db.execute("SELECT name, notes FROM cases").fetchall() == [("x", "")]
    assert schema_version(db) == 2


def test_a_file_from_a_newer_benefitcalc_is_refused(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / "c.sqlite3")
    migrate(db)
    db.execute("INSERT INTO schema_version (version) VALUES (7)")
    db.commit()
    with pytest.raises(DatabaseError) as caught:
        migrate(db)
    assert "schema version 7, newer than this benefitcalc knows (1)" in caught.value.message


def test_a_failed_migration_leaves_the_version_where_it_was(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / "c.sqlite3")
    migrate(db)

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half (x)")
        raise sqlite3.OperationalError("disk on fire")

    with pytest.raises(sqlite3.OperationalError):
        migrate(db, (*MIGRATIONS, broken))
    assert schema_version(db) == 1
    assert db.execute("SELECT name FROM sqlite_master WHERE name = 'half'").fetchall() == []


# --- the endpoints ---------------------------------------------------------------------------------


def test_save_list_and_open(client: TestClient, rules: Any) -> None:
    saved = save(client)
    assert saved["name"] == "Ann, first visit"
    assert saved["rules"] == {"version": rules.version, "digest": rules.digest}
    assert saved["outdated"] is False
    # The result kept is the job's 16 hours a week (hand-worked in conftest).
    assert saved["result"]["hours"] == 16.0
    assert saved["result"]["better_off"] == 103.02
    assert saved["result"]["net_income"] == 195.36
    listed = client.get("/v1/cases").json()["cases"]
    assert [(c["id"], c["name"]) for c in listed] == [(saved["id"], "Ann, first visit")]
    opened = client.get(f"/v1/cases/{saved['id']}").json()
    assert opened["scenario"] == SINGLE


def test_rename_duplicate_and_replace(client: TestClient) -> None:
    case = save(client)
    renamed = client.patch(f"/v1/cases/{case['id']}", json={"name": "  Ann   Smith "}).json()
    assert renamed["name"] == "Ann Smith"
    copy = client.post(f"/v1/cases/{case['id']}/duplicate", json={}).json()
    assert copy["name"] == "Copy of Ann Smith" and copy["id"] != case["id"]
    assert copy["scenario"] == SINGLE and copy["worked_at"] == case["worked_at"]
    at_zero = {**SINGLE, "adults": [{"name": "Ann", "age": 30, "job": {"hourly_pay": 12.21, "hours": 0}}]}
    changed = client.patch(f"/v1/cases/{copy['id']}", json={"scenario": at_zero}).json()
    assert changed["result"]["hours"] == 0.0 and changed["result"]["benefits"] == {"universal_credit": 92.34}
    assert len(client.get("/v1/cases").json()["cases"]) == 2


def test_a_bad_name_or_scenario_is_refused(client: TestClient) -> None:
    response = client.post("/v1/cases", json={"name": "   ", "scenario": SINGLE})
    assert response.status_code == 422 and response.json()["error"]["where"] == "name"
    response = client.post("/v1/cases", json={"name": "x", "scenario": {"adults": []}})
    assert response.status_code == 422 and response.json()["error"]["kind"] == "scenario"
    assert client.get("/v1/cases").json()["cases"] == []


def test_a_missing_case_is_404(client: TestClient) -> None:
    for response in (
        client.get("/v1/cases/99"),
        client.patch("/v1/cases/99", json={"name": "x"}),
        client.delete("/v1/cases/99"),
        client.post("/v1/cases/99/duplicate", json={}),
    ):
        assert response.status_code == 404
        assert response.json()["error"] == {"kind": "not_found", "where": "case", "message": "no saved case 99"}


def test_delete_really_deletes(client: TestClient, tmp_path: Path) -> None:
    """The right to erasure: the name is gone from the file itself, not only from the table."""
    keep = save(
        client, "Bob", {**SINGLE, "adults": [{"name": "Bob", "age": 40, "job": {"hourly_pay": 13, "hours": 20}}]}
    )
    gone = save(
        client,
        "Zebedee Quixote",
        {**SINGLE, "adults": [{"name": "Zebedee Quixote", "age": 30, "job": {"hourly_pay": 12.21, "hours": 16}}]},
    )
    database = tmp_path / "cases.sqlite3"
    assert b"Zebedee Quixote" in database.read_bytes()
    assert client.delete(f"/v1/cases/{gone['id']}").status_code == 204
    assert client.get(f"/v1/cases/{gone['id']}").status_code == 404
    assert [c["id"] for c in client.get("/v1/cases").json()["cases"]] == [keep["id"]]
    assert b"Zebedee" not in database.read_bytes()
    assert not list(tmp_path.glob("cases.sqlite3-*"))  # no journal or WAL left holding it
    assert database.stat().st_mode & 0o077 == 0  # readable by its owner only


def test_export_and_import_as_a_scenario_file(client: TestClient) -> None:
    case = save(client, "Ann / first visit")
    exported = client.get(f"/v1/cases/{case['id']}/export")
    assert exported.headers["content-type"].startswith("application/yaml")
    assert exported.headers["content-disposition"] == 'attachment; filename="Ann---first-visit.yaml"'
    assert yaml.safe_load(exported.text) == SINGLE
    as_json = client.get(f"/v1/cases/{case['id']}/export", params={"format": "json"})
    assert as_json.json() == SINGLE
    imported = client.post("/v1/cases/import", json={"text": exported.text})
    assert imported.status_code == 201
    assert imported.json()["name"] == "Ann" and imported.json()["scenario"] == SINGLE
    assert imported.json()["result"] == case["result"]
    bad = client.post("/v1/cases/import", json={"text": "adults: [{age: 200}]"})
    assert bad.status_code == 422


def test_newer_rules_offer_to_recalculate_and_show_what_changed(
    make_client: Callable[..., TestClient], tmp_path: Path
) -> None:
    old_client = make_client()
    case = save(old_client)
    # The same file opened by a server whose rules raise the standard allowance to 410.14 a month.
    overlay = tmp_path / "overlay"
    (overlay / "dwp").mkdir(parents=True)
    (overlay / "rules.yaml").write_text("version: test.uprated\n")
    (overlay / "dwp" / "universal_credit.yaml").write_text(
        "standard_allowance:\n  single_25_or_over:\n    description: Standard allowance, single, 25 or over (a test figure)\n"
        "    unit: currency-GBP\n    period: month\n    values:\n      2025-04-07:\n        value: 410.14\n"
        "        reference:\n          - title: Universal Credit Regulations 2013 (SI 2013/376), reg. 36\n"
        "            href: https://www.legislation.gov.uk/uksi/2013/376/regulation/36\n"
    )
    new_rules = load_rules(overlay)
    client = make_client(rules=new_rules)
    opened = client.get(f"/v1/cases/{case['id']}").json()
    assert opened["outdated"] is True
    assert opened["rules"]["version"] != opened["current_rules"]["version"] == new_rules.version
    assert client.get("/v1/cases").json()["cases"][0]["outdated"] is True
    # Only looking changes nothing.
    look = client.post(f"/v1/cases/{case['id']}/recalculate", json={"save": False}).json()
    assert look["case"]["outdated"] is True
    # At 16 hours UC is still nil (410.14 - 465.608); at 0 hours it is 410.14 x 12 / 52 = 94.65 a
    # week, so better off falls from 103.02 to 195.36 - 94.65 = 100.71.
    assert look["changes"] == [{"what": "better_off", "old": 103.02, "new": 100.71, "change": -2.31}]
    assert look["old"]["rules"]["version"] == case["rules"]["version"]
    assert look["new"]["rules"]["version"] == new_rules.version
    done = client.post(f"/v1/cases/{case['id']}/recalculate", json={}).json()
    assert done["case"]["outdated"] is False
    assert done["case"]["result"]["better_off"] == 100.71
    assert client.get(f"/v1/cases/{case['id']}").json()["rules"]["digest"] == new_rules.digest
