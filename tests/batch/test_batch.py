"""`benefitcalc batch`: every row answered once and in order, with one or two workers; errors name
the row and its field; CSV and XLSX out; a CSV of households in."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from benefitcalc.batch import batch_lines
from benefitcalc.batch.csv_in import COLUMN_NAMES, template
from benefitcalc.batch.headline import ERROR_KEYS, HEADLINE, HEADLINE_KEYS
from benefitcalc.cli import main
from click.testing import CliRunner, Result

# 16 hours at £12.21 in 2025-26, single, 30, no housing costs and no children: no tax or NI
# (£10,158.72 a year is under £12,570) and no UC element but the standard allowance.
# Gross a week = 16 x 12.21 = 195.36. UC a month = 400.14 - 55% x (195.36 x 52 / 12 = 846.56)
# = 400.14 - 465.608 = nil. So net income a week is exactly the pay, 195.36.
# At 0 hours UC is the standard allowance, 400.14 a month = 400.14 x 12 / 52 = 92.34 a week, so
# better off at 16 hours = 195.36 - 92.34 = 103.02 a week, and 846.56 - 400.14 = 446.42 a month.
SINGLE: dict[str, Any] = {
    "date": "2025-06-01",
    "adults": [{"name": "Ann", "age": 30, "job": {"hourly_pay": 12.21, "hours": 16}}],
}
SINGLE_CSV = "id,name,age,date,hourly_pay,hours\nann,Ann,30,2025-06-01,12.21,0;16\n"


def item(ident: str, **extra: Any) -> str:
    return json.dumps({"id": ident, "scenario": SINGLE, "hours": [0, 16], "period": "week", **extra})


def run(*args: str, input: str | bytes | None = None) -> Result:  # noqa: A002 - click's name
    return CliRunner().invoke(main, list(args), input=input)


def rows_of(text: str) -> list[dict[str, Any]]:
    return [json.loads(out) for out in text.splitlines()]


# --- rows that cannot be read are answered, with their line and field -------------------------


def test_a_line_that_is_not_an_object_is_answered_with_its_line_number(ruleset: Any) -> None:
    rows = list(batch_lines([item("a"), "", "[1, 2]", '"text"'], ruleset))
    assert [row["id"] for row in rows] == ["a", "line 3", "line 4"]
    assert rows[1] == {
        "id": "line 3",
        "ok": False,
        "error": {
            "kind": "scenario",
            "where": "line 3",
            "message": "each line must be a JSON object: a scenario, or {id, scenario, hours, period}",
        },
    }


def test_an_error_in_a_rows_hours_names_the_rows_field(ruleset: Any) -> None:
    rows = list(batch_lines([json.dumps({"scenario": SINGLE, "hours": "0:9999:1"})], ruleset))
    assert rows[0]["error"] == {
        "kind": "scenario",
        "where": "hours",
        "message": "the range '0:9999:1' has more than 2,000 points",
    }
    rows = list(batch_lines([json.dumps({"scenario": SINGLE, "hours": [0, 200]})], ruleset))
    assert rows[0]["error"]["where"] == "hours"
    assert rows[0]["error"]["message"] == "200 is not a number of hours a week from 0 to 168"


def test_lines_beyond_the_input_limits_are_answered_each_once() -> None:
    lines = [
        item("ok").encode(),
        '{"id": "x", "scenario": {"adults": []}, "note": "£"}'.encode("cp1252"),
        b"[" * 3000 + b"]" * 3000,
        b'{"scenario": {"adults": [{"age": NaN}]}}',
        b'{"id": 1, "id": 2}',
    ]
    result = run("batch", "-", input=b"\n".join(lines) + b"\n")
    assert result.exit_code == 1
    rows = rows_of(result.stdout)
    assert [row["id"] for row in rows] == ["ok", "line 2", "line 3", "line 4", "line 5"]
    assert [row["ok"] for row in rows] == [True, False, False, False, False]
    assert [row["error"]["message"] for row in rows[1:]] == [
        "not UTF-8 text: byte 0xA3 at column 50 is not UTF-8; the line looks like Windows-1252 (where 0xA3 is "
        "'£'), which Notepad and Excel write by default: save the file again as UTF-8 (Notepad: Save as, "
        "Encoding UTF-8; Excel: Save as, CSV UTF-8)",
        "nested more than 32 levels deep at line 1, column 33 (lists and objects inside each other); "
        "at most 32 are read",
        "not valid JSON: scenario.adults[0].age: NaN is not a number benefitcalc can use; give a finite number",
        "not valid JSON: duplicate key 'id' in the document (the last one would silently win)",
    ]
    assert {row["error"]["where"] for row in rows[1:]} == {"line 2", "line 3", "line 4", "line 5"}


# --- order and completeness with two workers -------------------------------------------------


def test_two_workers_answer_every_row_once_in_input_order(tmp_path: Path) -> None:
    lines = []
    for n in range(24):
        if n % 5 == 3:
            lines.append(json.dumps({"id": f"bad{n}", "scenario": {"adults": []}}))
        elif n % 7 == 6:
            lines.append("not json")
        else:
            lines.append(item(f"h{n}", hours=[0, 16] if n % 2 else [16]))
    source = tmp_path / "caseload.jsonl"
    source.write_text("\n".join(lines) + "\n")
    one = run("batch", str(source), "--jobs", "1")
    two = run("batch", str(source), "--jobs", "2")
    assert one.exit_code == two.exit_code == 1
    assert two.stdout == one.stdout  # the same answers, in the same order
    rows = rows_of(two.stdout)
    expected_ids = [f"bad{n}" if n % 5 == 3 else f"line {n + 1}" if n % 7 == 6 else f"h{n}" for n in range(24)]
    assert [row["id"] for row in rows] == expected_ids
    last = rows[1]["result"]["points"][-1]  # h1: 0 and 16 hours, a week
    assert (last["hours"], last["gross_earnings"], last["net_income"], last["better_off"]) == (
        16.0,
        195.36,
        195.36,
        103.02,
    )


# --- CSV in and out ----------------------------------------------------------------------------


def _csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def test_a_csv_household_gives_the_same_figures_as_its_scenario(tmp_path: Path) -> None:
    households = tmp_path / "households.csv"
    households.write_text(SINGLE_CSV)
    out = tmp_path / "results.csv"
    result = run("batch", str(households), "--output", str(out), "--period", "week")
    assert result.exit_code == 0, result.output
    rows = _csv(out)
    assert list(rows[0]) == list(HEADLINE_KEYS)
    assert [(r["row"], r["id"], r["period"], r["hours"]) for r in rows] == [
        ("2", "ann", "week", "0"),
        ("2", "ann", "week", "16"),
    ]
    at_16 = rows[1]
    assert (at_16["gross_pay"], at_16["net_pay"], at_16["universal_credit"], at_16["net_income"]) == (
        "195.36",
        "195.36",
        "0.00",
        "195.36",
    )
    assert (rows[0]["universal_credit"], at_16["better_off_week"], at_16["better_off_month"]) == (
        "92.34",
        "103.02",
        "446.42",
    )
    assert _csv(tmp_path / "results.errors.csv") == []
    # The same household as a JSON line, written as CSV: the same figures (the id aside).
    source = tmp_path / "households.jsonl"
    source.write_text(item("ann") + "\n")
    again = tmp_path / "again.csv"
    assert run("batch", str(source), "-o", str(again)).exit_code == 0
    assert [{**r, "row": "2"} for r in _csv(again)] == rows


def test_csv_rows_with_errors_name_the_row_and_column(tmp_path: Path) -> None:
    households = tmp_path / "households.csv"
    households.write_bytes(
        b"id,age,hourly_pay,date,children_ages\n"
        b"A,30,,2025-06-01,\n"
        b"\n"
        b"B,x,12.21,2025-06-01,7;x\n"
        b"C,30,12.21,2025-06-01,\n" + "D,30,£12.21,2025-06-01,\n".encode("cp1252")
    )
    out = tmp_path / "results.csv"
    result = run("batch", str(households), "-o", str(out))
    assert result.exit_code == 1
    assert {r["row"] for r in _csv(out)} == {"5"}
    errors = _csv(tmp_path / "results.errors.csv")
    assert list(errors[0]) == list(ERROR_KEYS)
    assert [(e["row"], e["id"], e["where"], e["message"]) for e in errors] == [
        ("2", "A", "hourly_pay", "hourly_pay: is required"),
        (
            "4",
            "B",
            "age, children_ages",
            "age: Input should be a valid integer, unable to parse string as an integer (got 'x'); "
            "children_ages (child 2): Input should be a valid integer, unable to parse string as an integer (got 'x')",
        ),
        (
            "6",
            "row 6",
            "row 6",
            "not UTF-8 text: byte 0xA3 at column 6 is not UTF-8; the line looks like Windows-1252 (where 0xA3 is "
            "'£'), which Notepad and Excel write by default: save the file again as UTF-8 (Notepad: Save as, "
            "Encoding UTF-8; Excel: Save as, CSV UTF-8)",
        ),
    ]


def test_a_spreadsheet_with_an_unknown_column_is_refused(tmp_path: Path) -> None:
    households = tmp_path / "households.csv"
    households.write_text("id,age,hourly_pay,rent_perod\nA,30,12,1\n")
    out = tmp_path / "results.csv"
    result = run("batch", str(households), "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr == (
        f"benefitcalc: error: {households}: 'rent_perod' is not a column of the batch spreadsheet (did you mean "
        "rent_period?); the columns are listed in docs/batch.md and `benefitcalc batch --template csv` prints them\n"
    )
    assert not out.exists()  # refused before anything was written


def test_the_template_is_every_column_and_an_example_that_runs(tmp_path: Path) -> None:
    printed = run("batch", "--template", "csv")
    assert printed.exit_code == 0
    assert printed.stdout == template()
    header, example = list(csv.reader(printed.stdout.splitlines()))
    assert tuple(header) == COLUMN_NAMES
    households = tmp_path / "template.csv"
    households.write_text(printed.stdout)
    out = tmp_path / "out.csv"
    assert run("batch", str(households), "-o", str(out)).exit_code == 0
    rows = _csv(out)
    assert [r["hours"] for r in rows] == ["0", "8", "16", "24", "30"]
    assert {r["id"] for r in rows} == {"SAM-001"}
    # The template is the built-in example Sam (benefitcalc/examples/sam.yaml) in columns: the
    # same figures as `sweep --example`.
    swept = run("sweep", "--example", "--hours", "0,8,16,24,30", "--json")
    points = json.loads(swept.stdout)["points"]
    assert [r["disposable_income"] for r in rows] == [f"{p['disposable_income']:.2f}" for p in points]


def test_csv_and_xlsx_need_an_output_file() -> None:
    result = run("batch", "-", "--format", "csv", input=item("a") + "\n")
    assert result.exit_code == 2
    assert result.stderr == "benefitcalc: error: --output: --format csv writes files: give --output FILE.csv\n"


# --- XLSX ----------------------------------------------------------------------------------------


def test_the_xlsx_has_the_stated_columns_readable_in_a_spreadsheet(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    source = tmp_path / "caseload.jsonl"
    source.write_text(item("ann") + "\nnot json\n")
    out = tmp_path / "caseload.xlsx"
    result = run("batch", str(source), "-o", str(out))
    assert result.exit_code == 1, result.output
    book = load_workbook(out)
    assert book.sheetnames == ["Results", "Errors"]
    sheet = book["Results"]
    header = [cell.value for cell in sheet[1]]
    assert header == [heading.title for heading in HEADLINE]
    assert header[:9] == [
        "Row",
        "ID",
        "Period",
        "Hours a week",
        "Gross pay",
        "Income tax",
        "National Insurance",
        "Pension contributions",
        "Net pay",
    ]
    assert "Universal Credit" in header and "Better off a week" in header and "Cliff edges" in header
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["B"].width == 14
    values = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    assert [(v[0], v[1], v[3], v[4]) for v in values] == [(1, "ann", 0, 0), (1, "ann", 16, 195.36)]
    gross = sheet.cell(row=3, column=header.index("Gross pay") + 1)
    assert gross.number_format == "£#,##0.00"
    better_week = values[1][header.index("Better off a week")]
    assert better_week == 103.02
    errors = book["Errors"]
    assert [cell.value for cell in errors[1]] == ["Row", "ID", "Kind", "Where", "Message"]
    assert [cell.value for cell in errors[2]][:4] == [2, "line 2", "scenario", "line 2"]


def test_an_xlsx_cannot_be_resumed(tmp_path: Path) -> None:
    result = run("batch", "-", "-o", str(tmp_path / "x.xlsx"), "--resume", input=item("a") + "\n")
    assert result.exit_code == 2
    assert result.stderr == (
        "benefitcalc: error: --resume: an XLSX workbook is written whole at the end, so it cannot be resumed; "
        "use --format csv or jsonl for a run you may need to resume\n"
    )


# --- progress ------------------------------------------------------------------------------------


def test_progress_on_request_and_silent_when_piped(tmp_path: Path) -> None:
    source = tmp_path / "caseload.jsonl"
    source.write_text(item("a") + "\n")
    quiet = run("batch", str(source))
    assert quiet.exit_code == 0 and quiet.stderr == ""  # not a terminal: no bar
    shown = run("batch", str(source), "--progress")
    assert shown.exit_code == 0
    assert "1/1" in shown.stderr and "households" in shown.stderr
    assert rows_of(shown.stdout)[0]["id"] == "a"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_rules_that_do_not_load_refuse_the_run(tmp_path: Path, jobs: str) -> None:
    overlay = tmp_path / "rules"
    overlay.mkdir()
    (overlay / "bad.yaml").write_bytes(b"x: \xa3\n")
    result = run("batch", "-", "--rules", str(overlay), "--jobs", jobs, input=item("a") + "\n")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(
        f"benefitcalc: error: {overlay}/bad.yaml: not UTF-8 text: byte 0xA3 at line 1, column 4"
    )


def test_docs_batch_md_lists_every_column() -> None:
    from benefitcalc.batch.csv_in import COLUMNS
    from benefitcalc.batch.headline import ERROR_HEADINGS

    text = (Path(__file__).parents[2] / "docs" / "batch.md").read_text(encoding="utf-8")
    for column in COLUMNS:
        assert f"| `{column.name}` | " in text, column.name
    for heading in (*HEADLINE, *ERROR_HEADINGS):
        assert f"| `{heading.key}` | {heading.title} | {heading.meaning} |" in text, heading.key


def test_an_answer_is_one_line_even_with_unicode_line_separators() -> None:
    # U+0085, U+2028 and U+2029 are line breaks to str.splitlines: written as escapes, the answer stays
    # one JSON Lines line and still decodes to the same text
    from benefitcalc.batch.workers import _dumps

    text = _dumps({"message": "a\x85b\u2028c\u2029d"})
    assert len(text.splitlines()) == 1
    assert json.loads(text) == {"message": "a\x85b\u2028c\u2029d"}
