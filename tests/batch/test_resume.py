"""`--resume`: an interrupted run continued from its output gives exactly the clean run's output.

Interruptions are simulated by cutting the clean output at every kind of place (mid-line, between
rows, mid-household in a CSV, with errors in FILE.errors.csv), and once for real: a run killed
with SIGKILL part-way.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from benefitcalc.batch.resume import csv_done, jsonl_done
from benefitcalc.batch.writers import errors_path
from benefitcalc.cli import main
from click.testing import CliRunner, Result

HOUSEHOLD: dict[str, Any] = {
    "date": "2025-06-01",
    "adults": [{"name": "Ann", "age": 30, "job": {"hourly_pay": 12.21, "hours": 16}}],
}


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def caseload(path: Path, count: int) -> Path:
    lines = []
    for n in range(count):
        if n % 4 == 2:
            lines.append(json.dumps({"id": f"bad{n}", "scenario": {"adults": [{"age": 30}]}}))
        else:
            hours = [0, 8 + n % 3, 16] if n % 2 else [16]
            lines.append(json.dumps({"id": f"h{n}", "scenario": HOUSEHOLD, "hours": hours, "period": "week"}))
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("clean")
    source = caseload(folder / "caseload.jsonl", 9)
    outputs = {}
    for kind in ("jsonl", "csv"):
        out = folder / f"out.{kind}"
        assert run("batch", str(source), "-o", str(out)).exit_code == 1
        outputs[kind] = out.read_bytes()
    outputs["errors"] = errors_path(folder / "out.csv").read_bytes()
    return {"source": source, **outputs}


def test_a_jsonl_run_cut_anywhere_resumes_to_the_clean_output(clean: dict[str, Any], tmp_path: Path) -> None:
    whole: bytes = clean["jsonl"]
    ends = [i + 1 for i, byte in enumerate(whole) if byte == ord("\n")]
    cuts = [0, ends[0] - 7, ends[0], ends[3] + 1, ends[5] + 200, len(whole) - 1]
    for cut in cuts:
        out = tmp_path / "out.jsonl"
        out.write_bytes(whole[:cut])
        result = run("batch", str(clean["source"]), "-o", str(out), "--resume")
        assert result.exit_code == 1, result.output
        assert out.read_bytes() == whole, f"cut at {cut}"


def test_jsonl_done_counts_complete_lines_and_drops_a_cut_one(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"id": 1}\n{"id": 2}\n{"id"')
    assert jsonl_done(out) == (2, 0)
    assert out.read_bytes() == b'{"id": 1}\n{"id": 2}\n'
    assert jsonl_done(tmp_path / "none.jsonl") == (0, 0)


def test_a_csv_run_cut_anywhere_resumes_to_the_clean_output(clean: dict[str, Any], tmp_path: Path) -> None:
    results: bytes = clean["csv"]
    errors: bytes = clean["errors"]
    result_ends = [i + 1 for i, byte in enumerate(results) if byte == ord("\n")]
    error_ends = [i + 1 for i, byte in enumerate(errors) if byte == ord("\n")]
    # Rows 1-9: h0 (1 point), h1 (3), bad2, h3 (3), h4 (1), h5 (3), bad6, h7 (3), h8 (1).
    # Result lines: header, h0, h1 x3, h3 x3, h4, h5 x3, h7 x3, h8. Error lines: header, bad2, bad6.
    states = [
        (0, 0),  # nothing written
        (result_ends[0] - 3, 0),  # the header cut short
        (result_ends[1], error_ends[0]),  # h0 done
        (result_ends[3], error_ends[0]),  # h1 two points of three: h1 done again
        (result_ends[4], error_ends[1]),  # h1 done and bad2's error written
        (result_ends[6] + 10, error_ends[1]),  # h3 mid-way, its second point's line cut
        (result_ends[12] - 1, error_ends[2]),  # h5 and bad6 written, h7's first line cut short
        (len(results), len(errors)),  # finished: nothing to do
    ]
    for cut_results, cut_errors in states:
        out = tmp_path / "out.csv"
        out.write_bytes(results[:cut_results])
        errors_path(out).write_bytes(errors[:cut_errors])
        result = run("batch", str(clean["source"]), "-o", str(out), "--resume")
        assert result.exit_code == 1, result.output  # rows 3 and 7 failed, in this run or the one before
        assert out.read_bytes() == results, (cut_results, cut_errors)
        assert errors_path(out).read_bytes() == errors, (cut_results, cut_errors)


def test_csv_done_refuses_a_file_it_did_not_write(tmp_path: Path) -> None:
    out = tmp_path / "mine.csv"
    out.write_text("name,amount\nrent,100\n")
    with pytest.raises(Exception) as caught:
        csv_done(out)
    assert str(caught.value) == (
        f"{out}: this file was not written by `benefitcalc batch --format csv` (its header differs); "
        "resume needs the output of the interrupted run"
    )


def test_resume_after_a_real_kill(tmp_path: Path) -> None:
    """A run killed part-way (SIGKILL: no clean-up at all) and resumed gives the clean run's output."""
    source = caseload(tmp_path / "caseload.jsonl", 60)
    out = tmp_path / "killed.jsonl"
    command = [sys.executable, "-m", "benefitcalc", "batch", str(source), "-o", str(out)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if out.exists() and out.stat().st_size > 40_000:  # a few rows written (about 10 kB a row)
            break
        time.sleep(0.02)
    if process.poll() is not None:
        pytest.skip("the run finished before it could be killed (a very fast machine)")
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    written = out.read_bytes().count(b"\n")
    assert 0 < written < 60
    resumed = run("batch", str(source), "-o", str(out), "--resume")
    assert resumed.exit_code == 1, resumed.output
    clean = tmp_path / "clean.jsonl"
    assert run("batch", str(source), "-o", str(clean)).exit_code == 1
    assert out.read_bytes() == clean.read_bytes()
    ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert len(ids) == len(set(ids)) == 60
