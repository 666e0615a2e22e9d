"""Write the sample reports in docs/samples/ from the built-in examples.

    python -m benefitcalc.report.samples [DIRECTORY]

Two clients: Sam (ESA, UC with LCWRA, PIP: the 16-hour rule) and Pat (a carer: the Carer's
Allowance earnings limit); and Jo (a lone parent) with the "Your first months in work" page
(`report --cashflow`): a job from Monday 30 November 2026, paid on the last working day of the
month with the first pay on 29 January 2027 (the payroll has closed for December), assessment
periods from the 1st, living costs of £1,000 a month. Each as PDF and HTML, plus a picture of
each PDF's first page (and of the first-months pages) when pypdfium2 is installed (it is a test
dependency). The date printed is the rules date, so the files change only when the rules, the
engine or the report change; a test checks they are current.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

SAMPLES = ("sam", "carer", "jo-cashflow")
EXAMPLE = {"sam": "sam", "carer": "carer", "jo-cashflow": "lone_parent"}
# The cash-flow timeline's options for a sample with the first-months page (as `report --cashflow` takes them).
CASHFLOW: dict[str, dict[str, object]] = {
    "jo-cashflow": {
        "start_date": "2026-11-30",
        "pay_frequency": "last_working_day",
        "first_payday": "2027-01-29",
        "assessment_period_start_day": 1,
        "months": 4,
        "living_costs": "1000",
    }
}
HOURS = (0, 8, 16, 24, 30)
ADVISER = "Alex Morgan"
ORGANISATION = "Example IPS employment service"


def sample_report(name: str):  # type: ignore[no-untyped-def]
    """The report for built-in example ``name`` exactly as the samples are made."""
    import datetime as dt

    from benefitcalc import cashflow
    from benefitcalc.api import to_json
    from benefitcalc.examples import example_scenario
    from benefitcalc.loader import load_rules
    from benefitcalc.report import build, hours_to_show

    scenario = example_scenario(EXAMPLE[name])
    rules = load_rules()
    doc = to_json(scenario, hours_to_show(scenario, [Decimal(h) for h in HOURS]), period="week", rules=rules)
    timeline = None
    if name in CASHFLOW:
        given = CASHFLOW[name]
        options = cashflow.options_for(
            scenario,
            start_date=dt.date.fromisoformat(str(given["start_date"])),
            pay_frequency=given["pay_frequency"],
            first_payday=dt.date.fromisoformat(str(given["first_payday"])),
            assessment_period_start_day=given["assessment_period_start_day"],
            months=given["months"],
            living_costs=Decimal(str(given["living_costs"])),
        )
        timeline = cashflow.timeline(scenario, rules, options)
    return build(
        doc,
        scenario,
        prepared_on=dt.date.fromisoformat(doc["rules"]["date"]),
        adviser=ADVISER,
        organisation=ORGANISATION,
        timeline=timeline,
    )


def first_months_pages(pdf: bytes) -> list[int]:
    """The pages (from 0) the first-months page runs over in a PDF: from its title to its last section."""
    import io

    from pypdf import PdfReader

    from benefitcalc.report.first_months import LAST_HEADING, TITLE

    texts = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    first = next((i for i, text in enumerate(texts) if TITLE in text), None)
    if first is None:
        return []
    last = next((i for i in range(first, len(texts)) if LAST_HEADING in texts[i]), first)
    return list(range(first, last + 1))


def write_samples(directory: Path) -> list[Path]:
    from benefitcalc.report import render_html, render_pdf

    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SAMPLES:
        report = sample_report(name)
        pdf = render_pdf(report)
        (directory / f"{name}.pdf").write_bytes(pdf)
        (directory / f"{name}.html").write_text(render_html(report), encoding="utf-8")
        written += [directory / f"{name}.pdf", directory / f"{name}.html"]
        try:
            import pypdfium2  # type: ignore[import-untyped]  # ships no type information
        except ImportError:
            continue
        document = pypdfium2.PdfDocument(pdf)
        pictures = {0: f"{name}-page1.png"}
        if name in CASHFLOW:
            pictures.update({n: f"{name}-first-months-{i + 1}.png" for i, n in enumerate(first_months_pages(pdf))})
        for number, file_name in pictures.items():
            image = document[number].render(scale=100 / 72).to_pil()
            image.convert("RGB").quantize(colors=64).save(directory / file_name, optimize=True)
            written.append(directory / file_name)
        document.close()
    return written


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else Path(__file__).resolve().parents[2] / "docs" / "samples"
    for path in write_samples(target):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
