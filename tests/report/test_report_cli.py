"""`benefitcalc report`: writes PDF or HTML; bad input is one plain message and exit code 2."""

from __future__ import annotations

from pathlib import Path

from benefitcalc.cli import main
from click.testing import CliRunner


def test_report_writes_pdf_and_html(tmp_path: Path) -> None:
    runner = CliRunner()
    pdf = tmp_path / "sam.pdf"
    result = runner.invoke(
        main,
        [
            "report",
            "--example",
            "--hours",
            "0,8,16,24,30",
            "-o",
            str(pdf),
            "--adviser",
            "A. Adviser",
            "--organisation",
            "IPS",
        ],
    )
    assert result.exit_code == 0, result.output
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert result.output == f"wrote {pdf} (PDF, 5 options)\n"
    page = tmp_path / "sam.html"
    result = runner.invoke(main, ["report", "--example", "-o", str(page), "--period", "month", "--date", "2026-11-24"])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert "24 November 2026" in html and "a month more than now" in html


def test_report_refuses_other_suffixes(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["report", "--example", "-o", str(tmp_path / "sam.docx")])
    assert result.exit_code == 2
    assert result.output == "benefitcalc: error: --output: 'sam.docx' must end in .pdf or .html\n"
    assert not (tmp_path / "sam.docx").exists()


def test_report_refuses_too_many_hours(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["report", "--example", "--hours", "0:40:2", "-o", str(tmp_path / "x.pdf")])
    assert result.exit_code == 2
    assert "give at most 10" in result.output and "Traceback" not in result.output


def test_report_needs_an_output() -> None:
    result = CliRunner().invoke(main, ["report", "--example"])
    assert result.exit_code == 2
    assert "Missing option '-o' / '--output'" in result.output


def test_cli_start_up_does_not_import_the_pdf_library() -> None:
    import subprocess
    import sys

    code = "import sys, benefitcalc.cli; print('fpdf' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
