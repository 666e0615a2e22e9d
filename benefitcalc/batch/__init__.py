"""Caseload batches: many households in, one answer each out, in input order (docs/batch.md).

One module per job:

- :mod:`~benefitcalc.batch.items`: one item (``{id, scenario, hours, period}``) -> its answer;
- :mod:`~benefitcalc.batch.reader`: JSON Lines in, as numbered rows (a line that cannot be read is
  a row with its error);
- :mod:`~benefitcalc.batch.csv_in`: a spreadsheet (CSV) in, one household a row, and its template;
- :mod:`~benefitcalc.batch.workers`: answering rows here or in worker processes, in order;
- :mod:`~benefitcalc.batch.headline`: the spreadsheet's headline columns;
- :mod:`~benefitcalc.batch.writers`: JSON Lines, CSV and XLSX out;
- :mod:`~benefitcalc.batch.resume`: continuing an interrupted run from its output;
- :mod:`~benefitcalc.batch.run`: a whole run, with its progress bar.

``batch``, ``batch_lines`` and ``calculate_item`` are also importable from
:mod:`benefitcalc.service` (the HTTP service's ``/v1/batch`` answers with ``batch``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from benefitcalc.batch.items import DEFAULT_HOURS, batch, calculate_item, item_hours
from benefitcalc.batch.reader import Row, jsonl_rows
from benefitcalc.batch.workers import rows_answered
from benefitcalc.loader import RuleSet


def batch_lines(lines: Iterable[str | bytes], rules: RuleSet) -> Iterator[dict[str, Any]]:
    """JSON Lines in, one result or error per non-blank line out, in order.

    A line may be a bare scenario or ``{id, scenario, hours, period}``; the id defaults to
    ``line N``. A line that cannot be read (not UTF-8, not JSON, beyond a limit of
    :mod:`benefitcalc.inputs`, not an object) gets an error row with ``id`` ``line N``.
    """
    return rows_answered(jsonl_rows(lines), rules)


__all__ = ["DEFAULT_HOURS", "Row", "batch", "batch_lines", "calculate_item", "item_hours"]
