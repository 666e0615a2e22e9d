"""The printed better-off report: a PDF or a standalone HTML page, a view of the JSON document.

    from benefitcalc.api import to_json
    from benefitcalc.report import build, render_pdf, render_html

    doc = to_json(scenario, [0, 8, 16, 24, 30], period="week")
    report = build(doc, scenario, adviser="A. Adviser", organisation="IPS service")
    Path("sam.pdf").write_bytes(render_pdf(report))

:func:`build` turns the document into words and figures (nothing is recalculated); the renderers
only lay them out. fpdf2 is imported when a PDF is drawn, not when benefitcalc is imported.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from benefitcalc.analysis import baseline_hours
from benefitcalc.errors import ScenarioError
from benefitcalc.report.assemble import build
from benefitcalc.report.model import Report
from benefitcalc.scenario import Scenario

__all__ = ["Report", "build", "hours_to_show", "render_pdf", "render_html", "write_report", "FORMATS"]

FORMATS = {".pdf": "pdf", ".html": "html", ".htm": "html"}


def hours_to_show(scenario: Scenario, hours: Iterable[Decimal], baseline: str = "zero") -> list[Decimal]:
    """The hours a report shows: those asked for, with the work being considered (the job's or the
    business's hours) and "now" (the baseline's hours) always among them, in order. For a worker with
    only a business, just without it (0 hours) and with it: its profit does not move with its hours."""
    if scenario.worker.job is None:
        return sorted({Decimal(0), scenario.worker_hours})
    extra = [baseline_hours(scenario, baseline), scenario.worker_hours]
    return sorted({Decimal(h) for h in [*hours, *extra]})


def render_pdf(report: Report) -> bytes:
    """The report as PDF bytes (fpdf2)."""
    from benefitcalc.report.pdf import render_pdf as _render

    return _render(report)


def render_html(report: Report) -> str:
    """The report as one standalone HTML page."""
    from benefitcalc.report.html import render_html as _render

    return _render(report)


def write_report(report: Report, path: str | Path) -> Path:
    """Write ``report`` to ``path``; the suffix (.pdf, .html) chooses the format."""
    target = Path(path)
    kind = FORMATS.get(target.suffix.lower())
    if kind is None:
        raise ScenarioError(f"{target.name!r} must end in .pdf or .html", "--output")
    data: Any = render_pdf(report) if kind == "pdf" else render_html(report).encode("utf-8")
    try:
        target.write_bytes(data)
    except OSError as exc:
        raise ScenarioError(f"cannot write {target}: {exc.strerror or exc}", "--output") from None
    return target
