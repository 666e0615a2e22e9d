"""A whole batch run: read the rows, answer them (here or in workers), write them, show progress.

:func:`run_batch` is what ``benefitcalc batch`` calls; it streams from input to output, so memory
stays flat however many households there are. The progress bar (``tqdm``) is shown only when asked
(the command asks when standard error is a terminal): rows done, rate and time left.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Literal

from msgspec import Struct

from benefitcalc.batch.csv_in import csv_rows
from benefitcalc.batch.reader import Row, Source, jsonl_rows, physical_lines
from benefitcalc.batch.resume import csv_done, jsonl_done
from benefitcalc.batch.workers import Settings, answers
from benefitcalc.batch.writers import CsvWriter, JsonlWriter, Writer, XlsxWriter
from benefitcalc.errors import ScenarioError
from benefitcalc.loader import RuleSet

Format = Literal["jsonl", "csv", "xlsx"]


class Outcome(Struct, frozen=True):
    """What a run did: rows answered in this run and how many failed, and (``--resume``) the rows
    answered before and how many of those failed."""

    answered: int
    failed: int
    resumed_after: int = 0
    failed_before: int = 0

    @property
    def any_failed(self) -> bool:
        return bool(self.failed or self.failed_before)


def read_rows(source: IO[bytes], source_format: Source, where: str, skip: int = 0) -> Iterator[Row]:
    """The input's rows after the first ``skip`` (answered by an earlier run)."""
    if source_format == "csv":
        return csv_rows(source, where, skip)
    return jsonl_rows(physical_lines(source), skip)


def rows_done(output_format: Format, output: Path) -> tuple[int, int]:
    """``--resume``: the rows an interrupted run answered and how many failed (its output trimmed to
    whole rows)."""
    if output_format == "xlsx":
        raise ScenarioError(
            "an XLSX workbook is written whole at the end, so it cannot be resumed; "
            "use --format csv or jsonl for a run you may need to resume",
            "--resume",
        )
    return csv_done(output) if output_format == "csv" else jsonl_done(output)


def open_writer(
    output_format: Format, output: Path | None, out: IO[str], append: bool
) -> tuple[Writer, IO[str] | None]:
    """The writer, and the file it owns (to close) when JSON Lines go to a file."""
    if output_format == "jsonl":
        if output is None:
            return JsonlWriter(out), None
        file = open(output, "a" if append else "w", encoding="utf-8")  # noqa: SIM115 - closed by the caller
        return JsonlWriter(file), file
    if output is None:
        raise ScenarioError(f"--format {output_format} writes files: give --output FILE.{output_format}", "--output")
    if output_format == "csv":
        return CsvWriter(output, append), None
    return XlsxWriter(output), None


def count_rows(path: Path, source_format: Source) -> int | None:
    """How many rows a file holds (for the progress bar's time left): non-blank lines, less a CSV's header."""
    try:
        with open(path, "rb") as file:
            count = sum(1 for line in file if line.strip())
    except OSError:
        return None
    return max(count - 1, 0) if source_format == "csv" else count


def run_batch(
    rows: Iterator[Row],
    writer: Writer,
    settings: Settings,
    *,
    jobs: int = 1,
    rules: RuleSet | None = None,
    progress: bool = False,
    total: int | None = None,
    resumed_after: int = 0,
    failed_before: int = 0,
) -> Outcome:
    """Answer every row in order and write it; the writer is closed at the end, however the run ends."""
    from tqdm import tqdm

    answered = failed = 0
    bar = tqdm(
        total=total,
        initial=resumed_after,
        unit=" households",
        file=sys.stderr,
        disable=not progress,
        dynamic_ncols=True,
        smoothing=0.1,
    )
    try:
        for answer in answers(rows, settings, jobs, rules):
            writer.write(answer)
            answered += 1
            failed += not answer.ok
            bar.update(1)
    finally:
        bar.close()
        writer.close()
    return Outcome(answered, failed, resumed_after, failed_before)
