"""docs/samples/ holds the sample reports as the code makes them now (regenerate: python -m benefitcalc.report.samples)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from benefitcalc.report import render_html, render_pdf
from benefitcalc.report.samples import CASHFLOW, SAMPLES, first_months_pages, sample_report
from pypdf import PdfReader

DOCS = Path(__file__).resolve().parents[2] / "docs" / "samples"
REGENERATE = "docs/samples is out of date: run `python -m benefitcalc.report.samples`"


def _text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.mark.parametrize("name", SAMPLES)
def test_samples_are_current(name: str) -> None:
    report = sample_report(name)
    assert (DOCS / f"{name}.html").read_text(encoding="utf-8") == render_html(report), REGENERATE
    assert _text((DOCS / f"{name}.pdf").read_bytes()) == _text(render_pdf(report)), REGENERATE
    assert (DOCS / f"{name}-page1.png").exists()
    if name in CASHFLOW:  # a picture of each page the first-months page runs over, and no stale extra one
        pages = first_months_pages((DOCS / f"{name}.pdf").read_bytes())
        assert pages, "the sample has no first-months page"
        pictures = sorted(p.name for p in DOCS.glob(f"{name}-first-months-*.png"))
        assert pictures == sorted(f"{name}-first-months-{i + 1}.png" for i in range(len(pages))), REGENERATE
