"""Writing a batch's answers: JSON Lines, CSV (with FILE.errors.csv) or XLSX (with an Errors sheet).

Every writer streams: a row is written when it is answered and nothing is kept. The CSV files are
written so that what is on disk is always the answers of the first rows in order (the results file
is flushed before an error is written, the errors file after it), which is what ``--resume``
relies on. The CSV files start with a UTF-8 byte-order mark so that Excel reads "£" right.
"""

from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path
from typing import IO, Any, Protocol

from benefitcalc.batch.headline import ERROR_HEADINGS, ERROR_KEYS, HEADLINE, HEADLINE_KEYS, Heading, error_values
from benefitcalc.batch.workers import Answer
from benefitcalc.errors import ScenarioError

XLSX_MAX_ROWS = 1_048_576  # rows in one Excel sheet, the header included
MONEY_FORMAT = "£#,##0.00"
HOURS_FORMAT = "0.##"


class Writer(Protocol):
    def write(self, answer: Answer) -> None: ...

    def close(self) -> None: ...


class JsonlWriter:
    """One JSON line per row (a result or an error), to ``out``."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def write(self, answer: Answer) -> None:
        assert answer.line is not None
        self.out.write(answer.line + "\n")

    def close(self) -> None:
        self.out.flush()


def errors_path(path: Path) -> Path:
    """FILE.csv -> FILE.errors.csv: the errors that go with a CSV of results."""
    return path.with_suffix(".errors.csv")


def _cell(heading: Heading, value: Any) -> str:
    if value is None:
        return ""
    if heading.kind == "money":
        return f"{value:.2f}"
    if heading.kind == "hours":
        return f"{value:g}"
    return str(value)


class CsvWriter:
    """Results to ``path``, one row per household and hours point; errors to FILE.errors.csv.

    ``append`` continues files that ``--resume`` has checked and trimmed to whole rows.
    """

    def __init__(self, path: Path, append: bool = False) -> None:
        self._files: list[IO[str]] = []
        self.results = self._open(path, append, HEADLINE_KEYS)
        self.errors = self._open(errors_path(path), append, ERROR_KEYS)
        self._results_csv = csv.writer(self.results, lineterminator="\n")
        self._errors_csv = csv.writer(self.errors, lineterminator="\n")

    def _open(self, path: Path, append: bool, header: tuple[str, ...]) -> IO[str]:
        fresh = not append or not path.exists() or path.stat().st_size == 0
        file = open(path, "w" if fresh else "a", encoding="utf-8-sig", newline="")  # noqa: SIM115 - closed in close()
        self._files.append(file)
        if fresh:
            csv.writer(file, lineterminator="\n").writerow(header)
        return file

    def write(self, answer: Answer) -> None:
        if answer.ok:
            self._results_csv.writerows(
                [_cell(heading, value) for heading, value in zip(HEADLINE, row)] for row in answer.rows
            )
            return
        assert answer.error is not None
        self.results.flush()  # every result before this error is on disk before the error is
        self._errors_csv.writerow(error_values(answer.number, answer.ident, answer.error))
        self.errors.flush()

    def close(self) -> None:
        for file in self._files:
            file.close()


class XlsxWriter:
    """A workbook with a Results sheet and an Errors sheet, for reading in a spreadsheet: header row
    bold and frozen, columns sized, money as numbers formatted £#,##0.00. Written to a temporary
    file beside ``path`` and moved into place when complete."""

    def __init__(self, path: Path) -> None:
        from openpyxl import Workbook

        self.path = path
        self.book = Workbook(write_only=True)
        self.results = self._sheet("Results", HEADLINE)
        self.errors = self._sheet("Errors", ERROR_HEADINGS)
        self.rows = 1

    def _sheet(self, name: str, headings: tuple[Heading, ...]) -> Any:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Font
        from openpyxl.utils import get_column_letter

        sheet = self.book.create_sheet(name)
        sheet.freeze_panes = "A2"
        for index, heading in enumerate(headings, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = max(heading.width, 8)
        cells = []
        for heading in headings:
            cell = WriteOnlyCell(sheet, value=heading.title)
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cells.append(cell)
        sheet.append(cells)
        return sheet

    def _cells(self, row: tuple[Any, ...]) -> list[Any]:
        from openpyxl.cell import WriteOnlyCell

        out: list[Any] = []
        for heading, value in zip(HEADLINE, row):
            if heading.kind in ("money", "hours") and value is not None:
                cell = WriteOnlyCell(self.results, value=value)
                cell.number_format = MONEY_FORMAT if heading.kind == "money" else HOURS_FORMAT
                out.append(cell)
            else:
                out.append(value)
        return out

    def write(self, answer: Answer) -> None:
        if not answer.ok:
            assert answer.error is not None
            self.errors.append(list(error_values(answer.number, answer.ident, answer.error)))
            return
        self.rows += len(answer.rows)
        if self.rows > XLSX_MAX_ROWS:
            raise ScenarioError(
                f"an XLSX sheet holds at most {XLSX_MAX_ROWS:,} rows; write this batch with --format csv", "--format"
            )
        for row in answer.rows:
            self.results.append(self._cells(row))

    def close(self) -> None:
        handle, temporary = tempfile.mkstemp(dir=self.path.parent or Path("."), prefix=".batch-", suffix=".xlsx")
        os.close(handle)
        try:
            self.book.save(temporary)
            os.replace(temporary, self.path)
        finally:
            Path(temporary).unlink(missing_ok=True)
