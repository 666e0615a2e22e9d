"""Answering rows, in this process or spread over worker processes, always in input order.

``--jobs 1`` answers each row here. ``--jobs N`` starts N worker processes (``spawn``: each imports
benefitcalc afresh, so nothing of this process's state is shared by accident), each loading the
rules once when it starts; rows go to them in small chunks, at most a few chunks per worker in
flight, so memory stays flat however long the input, and the answers come back in input order.

A worker returns what the writer needs, already made (the JSON line, or the spreadsheet rows), so
the big JSON document never crosses between processes.
"""

from __future__ import annotations

import json
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from decimal import Decimal
from functools import lru_cache
from typing import Any, Literal

from msgspec import Struct

from benefitcalc.batch.csv_in import in_columns
from benefitcalc.batch.headline import headline_rows
from benefitcalc.batch.items import DEFAULT_HOURS, calculate_item, error_row
from benefitcalc.batch.reader import Row
from benefitcalc.errors import BenefitcalcError, ScenarioError
from benefitcalc.loader import RuleSet

Shape = Literal["jsonl", "table"]  # what a writer takes: JSON lines, or spreadsheet rows

CHUNK = 8  # rows sent to a worker at once: enough to make the hand-over cheap, few enough to keep order moving
IN_FLIGHT_PER_WORKER = 4  # chunks queued per worker


class Settings(Struct, frozen=True):
    """What every row of one batch is answered with (sent to each worker)."""

    shape: Shape = "jsonl"
    hours: tuple[str, ...] = DEFAULT_HOURS
    period: str = "month"
    rules_dir: str | None = None


class Answer(Struct, frozen=True):
    """One row answered: ``line`` (JSON Lines) or ``rows`` (the spreadsheet), or ``error``."""

    number: int
    ident: Any
    ok: bool
    line: str | None = None
    rows: tuple[tuple[Any, ...], ...] = ()
    error: dict[str, Any] | None = None


def json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(f"cannot encode {type(value).__name__}")


# Characters that some readers take as a line break inside a JSON Lines line (Python's
# str.splitlines, JavaScript before ES2019): written as escapes, so one answer is one line.
_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def _dumps(row: dict[str, Any]) -> str:
    return json.dumps(row, default=json_default, ensure_ascii=False).translate(_LINE_BREAKS)


def _failed(row: Row, error: dict[str, Any], settings: Settings) -> Answer:
    line = _dumps({"id": row.ident, "ok": False, "error": error}) if settings.shape == "jsonl" else None
    return Answer(row.number, row.ident, False, line=line, error=error)


def answer(row: Row, rules: RuleSet, settings: Settings) -> Answer:
    """The answer to one row. An error that is not a BenefitcalcError is a bug: it is answered as
    ``kind: internal`` (so one household cannot stop a caseload) and should be reported."""
    if row.error is not None or row.item is None:
        return _failed(row, row.error or ScenarioError("no item", "row").to_dict(), settings)
    try:
        doc = calculate_item(row.item, rules, settings.hours, settings.period)
    except BenefitcalcError as exc:
        error = exc.to_dict()
        if row.source == "csv" and exc.where == "scenario":
            error["message"], columns = in_columns(exc.message)
            error["where"] = columns or exc.where
        return _failed(row, error, settings)
    except Exception as exc:  # noqa: BLE001 - see the docstring: one row's bug must not stop the batch
        error = {
            "kind": "internal",
            "where": None,
            "message": f"unexpected error ({type(exc).__name__}: {exc}); please report it",
        }
        return _failed(row, error, settings)
    if settings.shape == "jsonl":
        return Answer(row.number, row.ident, True, line=_dumps({"id": row.ident, "ok": True, "result": doc}))
    return Answer(row.number, row.ident, True, rows=tuple(headline_rows(doc, row.number, row.ident)))


@lru_cache(maxsize=1)
def _worker_rules(rules_dir: str | None) -> RuleSet:
    """The rules in a worker process, loaded once (the worker's initializer loads them at start)."""
    from benefitcalc.loader import load_rules

    return load_rules(rules_dir)


def _start_worker(rules_dir: str | None) -> None:
    _worker_rules(rules_dir)


def _answer_chunk(rows: list[Row], settings: Settings) -> list[Answer]:
    rules = _worker_rules(settings.rules_dir)
    return [answer(row, rules, settings) for row in rows]


def _chunks(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    chunk: list[Row] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def answers(rows: Iterable[Row], settings: Settings, jobs: int = 1, rules: RuleSet | None = None) -> Iterator[Answer]:
    """An answer for every row, in input order; ``jobs`` worker processes when more than 1."""
    if jobs <= 1:
        ruleset = rules if rules is not None else _worker_rules(settings.rules_dir)
        for row in rows:
            yield answer(row, ruleset, settings)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(jobs, context, initializer=_start_worker, initargs=(settings.rules_dir,)) as pool:
        pending: deque[Future[list[Answer]]] = deque()
        try:
            for chunk in _chunks(rows, CHUNK):
                pending.append(pool.submit(_answer_chunk, chunk, settings))
                if len(pending) >= jobs * IN_FLIGHT_PER_WORKER:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


def rows_answered(rows: Iterable[Row], rules: RuleSet) -> Iterator[dict[str, Any]]:
    """The library's form: each row's answer as ``{"id", "ok", "result" | "error"}``, in order."""
    for row in rows:
        if row.error is not None or row.item is None:
            yield {"id": row.ident, "ok": False, "error": row.error}
            continue
        try:
            yield {"id": row.ident, "ok": True, "result": calculate_item(row.item, rules)}
        except BenefitcalcError as exc:
            yield error_row(row.ident, exc)
