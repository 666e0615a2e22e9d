"""``--resume``: how many rows an interrupted batch answered, its output trimmed to whole rows.

A batch writes its answers in input order, so the output of an interrupted run is the answers of
its first rows, perhaps with a last line cut short. Resuming drops that cut line, counts the rows
answered, and the run goes on from the next input row: no row repeated, none lost.

- JSON Lines: one line per row, so the rows answered are the complete lines.
- CSV: a row's results are several lines (one per hours point) and its error a line in
  FILE.errors.csv. The results file is flushed before an error is written, so the last row seen
  in either file is the last row begun; if it is in the results file it may lack some of its
  points, so its lines are dropped and it is done again.
- XLSX is written whole at the end (a workbook is a zip archive), so it cannot be resumed.

The files are read in pieces, never whole, so resuming a run of a million rows takes little memory.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path

from benefitcalc.batch.headline import ERROR_KEYS, HEADLINE_KEYS
from benefitcalc.batch.writers import errors_path
from benefitcalc.errors import ScenarioError

_PIECE = 1 << 20


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """(offset, line) for every complete line (ending in a newline) of the file."""
    with open(path, "rb") as file:
        offset, carry = 0, b""
        while piece := file.read(_PIECE):
            carry += piece
            start = 0
            while (end := carry.find(b"\n", start)) >= 0:
                yield offset + start, carry[start : end + 1]
                start = end + 1
            offset += start
            carry = carry[start:]


def _cut(path: Path, size: int) -> None:
    with open(path, "r+b") as file:
        file.truncate(size)


def jsonl_done(path: Path) -> tuple[int, int]:
    """Rows answered in a JSON Lines output (its complete lines; a cut last line is removed), and
    how many of them failed (``"ok": false``, which only the line's own key can spell unescaped)."""
    if not path.exists():
        return 0, 0
    count = failed = end = 0
    for offset, line in _lines(path):
        count, end = count + 1, offset + len(line)
        failed += b', "ok": false, "error": ' in line
    _cut(path, end)
    return count, failed


def _csv_rows(path: Path, header: tuple[str, ...]) -> tuple[list[tuple[int, int]], int]:
    """(row number, offset of its first line) for each row in a CSV output, and where its complete
    lines end; a file holding no complete header is emptied (and gets its header again)."""
    rows: list[tuple[int, int]] = []
    end = 0
    for offset, line in _lines(path):
        if offset == 0:
            found = tuple(line.removeprefix(codecs.BOM_UTF8).decode("utf-8", "replace").strip().split(","))
            if found != header:
                raise ScenarioError(
                    "this file was not written by `benefitcalc batch --format csv` (its header differs); "
                    "resume needs the output of the interrupted run",
                    str(path),
                )
        else:
            number = int(line.split(b",", 1)[0])
            if not rows or rows[-1][0] != number:
                rows.append((number, offset))
        end = offset + len(line)
    return rows, end


def csv_done(path: Path) -> tuple[int, int]:
    """Rows answered in a CSV output (results and FILE.errors.csv), and how many failed; both files
    trimmed to whole rows."""
    errors = errors_path(path)
    if not path.exists() and not errors.exists():
        return 0, 0
    for file in (path, errors):
        file.touch()
    try:
        results, results_end = _csv_rows(path, HEADLINE_KEYS)
        failed, errors_end = _csv_rows(errors, ERROR_KEYS)
    except ValueError:
        raise ScenarioError(
            "cannot resume: a line does not start with its row number; was this file edited?", str(path)
        ) from None
    if results and (not failed or results[-1][0] > failed[-1][0]):
        results_end = results.pop()[1]  # the last row begun may lack points: done again
    _cut(path, results_end)
    _cut(errors, errors_end)
    return len(results) + len(failed), len(failed)
