"""Saved cases: one SQLite file (standard library sqlite3), in the user's data directory by default.

A case is a name, the scenario as given (JSON), and the result it was last worked out to with
the rules version and digest of that working. The file's tables are made and changed by
versioned migrations (:data:`MIGRATIONS`, applied in order, the number reached kept in
``schema_version``). A deleted case is really deleted (the right to erasure, UK GDPR art. 17):
``secure_delete`` overwrites its bytes, the rollback journal (never a write-ahead log, which
would keep old pages) is removed after each change, and the file is vacuumed.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from msgspec import Struct

from benefitcalc.errors import BenefitcalcError, ScenarioError
from benefitcalc.web.errors import NotFound

FILE_NAME = "cases.sqlite3"
MAX_NAME = 120


class DatabaseError(BenefitcalcError):
    """The saved-cases file cannot be opened or is from a newer benefitcalc."""

    kind = "database"


def default_database() -> Path:
    """``cases.sqlite3`` in the user's data directory (platformdirs: ``$XDG_DATA_HOME/benefitcalc`` on Linux)."""
    from platformdirs import user_data_path

    return user_data_path("benefitcalc", appauthor=False) / FILE_NAME


# --- migrations: each takes the database from the version before it to its own number ------------


def _create_cases(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE cases (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            scenario TEXT NOT NULL,         -- the scenario as given, JSON
            created TEXT NOT NULL,          -- UTC, ISO 8601
            updated TEXT NOT NULL,
            result TEXT,                    -- the last result worked out, JSON
            rules_version TEXT,             -- the rules that result was worked with
            rules_digest TEXT,
            worked_at TEXT
        )"""
    )
    db.execute("CREATE INDEX cases_by_update ON cases (updated DESC)")


Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: tuple[Migration, ...] = (_create_cases,)


def schema_version(db: sqlite3.Connection) -> int:
    db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    row = db.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(db: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Apply the migrations the file has not had, each in its own transaction; the version reached."""
    current = schema_version(db)
    db.commit()
    if current > len(migrations):
        raise DatabaseError(
            f"the saved cases are at schema version {current}, newer than this benefitcalc knows "
            f"({len(migrations)}); upgrade benefitcalc",
            "database",
        )
    for number, step in enumerate(migrations[current:], start=current + 1):
        # One transaction: the step and its number, or neither. BEGIN by hand: sqlite3 does not
        # open a transaction for CREATE or ALTER on its own.
        db.execute("BEGIN")
        try:
            step(db)
            db.execute("INSERT INTO schema_version (version) VALUES (?)", (number,))
        except BaseException:
            db.rollback()
            raise
        db.commit()
    return len(migrations)


# --- the store ---------------------------------------------------------------------------------


class Case(Struct, frozen=True):
    id: int
    name: str
    scenario: dict[str, Any]
    created: str
    updated: str
    result: dict[str, Any] | None
    rules_version: str | None
    rules_digest: str | None
    worked_at: str | None

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "created": self.created,
            "updated": self.updated,
            "rules": {"version": self.rules_version, "digest": self.rules_digest},
        }


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def _name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ScenarioError("give the case a name", "name")
    if len(name) > MAX_NAME:
        raise ScenarioError(f"a case name is at most {MAX_NAME} characters", "name")
    return name


def _encode(value: Any) -> str:
    def plain(item: Any) -> Any:
        if isinstance(item, (dt.date, dt.datetime)):
            return item.isoformat()
        return float(item)  # Decimal: its shortest float reads back to the same decimal

    return json.dumps(value, ensure_ascii=False, default=plain)


_COLUMNS = "id, name, scenario, created, updated, result, rules_version, rules_digest, worked_at"


def _case(row: tuple[Any, ...]) -> Case:
    return Case(
        id=row[0],
        name=row[1],
        scenario=json.loads(row[2]),
        created=row[3],
        updated=row[4],
        result=json.loads(row[5]) if row[5] else None,
        rules_version=row[6],
        rules_digest=row[7],
        worked_at=row[8],
    )


class CaseStore:
    """The saved cases in one SQLite file. A connection per call: safe from any thread or worker."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not path.exists():
                path.touch(mode=0o600)  # client data: readable by its owner only
        except OSError as exc:
            raise DatabaseError(f"cannot create {path}: {exc.strerror or exc}", "--database") from None
        with self._connect() as db:
            migrate(db)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            db = sqlite3.connect(self.path, timeout=10)
        except sqlite3.Error as exc:
            raise DatabaseError(f"cannot open {self.path}: {exc}", "--database") from None
        try:
            db.execute("PRAGMA journal_mode = DELETE")
            db.execute("PRAGMA secure_delete = ON")
            yield db
        except sqlite3.DatabaseError as exc:
            raise DatabaseError(f"the saved cases file {self.path} cannot be used: {exc}", "--database") from None
        finally:
            db.close()

    def list(self) -> list[Case]:
        with self._connect() as db:
            rows = db.execute(f"SELECT {_COLUMNS} FROM cases ORDER BY updated DESC, id DESC").fetchall()
        return [_case(row) for row in rows]

    def get(self, case_id: int) -> Case:
        with self._connect() as db:
            row = db.execute(f"SELECT {_COLUMNS} FROM cases WHERE id = ?", (case_id,)).fetchone()
        if row is None:
            raise NotFound(f"no saved case {case_id}", "case")
        return _case(row)

    def add(self, name: str, scenario: dict[str, Any], result: dict[str, Any], version: str, digest: str) -> Case:
        now = _now()
        with self._connect() as db, db:
            cursor = db.execute(
                "INSERT INTO cases (name, scenario, created, updated, result, rules_version, rules_digest, worked_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (_name(name), _encode(scenario), now, now, _encode(result), version, digest, now),
            )
            case_id = int(cursor.lastrowid or 0)
        return self.get(case_id)

    def rename(self, case_id: int, name: str) -> Case:
        self._change(case_id, "name = ?", (_name(name),))
        return self.get(case_id)

    def replace(
        self, case_id: int, scenario: dict[str, Any], result: dict[str, Any], version: str, digest: str
    ) -> Case:
        """A new scenario for the case, and the result it works out to."""
        self._change(
            case_id,
            "scenario = ?, result = ?, rules_version = ?, rules_digest = ?, worked_at = ?",
            (_encode(scenario), _encode(result), version, digest, _now()),
        )
        return self.get(case_id)

    def set_result(self, case_id: int, result: dict[str, Any], version: str, digest: str) -> Case:
        """The case worked out again (with newer rules)."""
        self._change(
            case_id,
            "result = ?, rules_version = ?, rules_digest = ?, worked_at = ?",
            (_encode(result), version, digest, _now()),
        )
        return self.get(case_id)

    def duplicate(self, case_id: int, name: str | None = None) -> Case:
        case = self.get(case_id)
        copy = self.add(
            name or f"Copy of {case.name}"[:MAX_NAME],
            case.scenario,
            case.result or {},
            case.rules_version or "",
            case.rules_digest or "",
        )
        with self._connect() as db, db:  # keep the original's working stamp, not now
            db.execute("UPDATE cases SET worked_at = ? WHERE id = ?", (case.worked_at, copy.id))
        return self.get(copy.id)

    def delete(self, case_id: int) -> None:
        """Delete the case for good: its row's bytes are overwritten, then the file is rebuilt."""
        with self._connect() as db:
            with db:
                gone = db.execute("DELETE FROM cases WHERE id = ?", (case_id,)).rowcount
            if not gone:
                raise NotFound(f"no saved case {case_id}", "case")
            db.execute("VACUUM")

    def _change(self, case_id: int, assignments: str, values: tuple[Any, ...]) -> None:
        with self._connect() as db, db:
            changed = db.execute(
                f"UPDATE cases SET {assignments}, updated = ? WHERE id = ?", (*values, _now(), case_id)
            ).rowcount
        if not changed:
            raise NotFound(f"no saved case {case_id}", "case")
