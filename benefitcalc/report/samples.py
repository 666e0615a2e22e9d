"""Write the sample reports in docs/samples/ from the built-in examples.

    python -m benefitcalc.report.samples [DIRECTORY]

Two clients: Sam (ESA, UC with LCWRA, PIP: the 16-hour rule) and Pat (a carer: the Carer's
Allowance earnings limit). Each as PDF and HTML, plus a picture of each PDF's first page when
pypdfium2 is installed (it is a test dependency). The date printed is the rules date, so the
files change only when the rules, the engine or the report change; a test checks they are
current.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

SAMPLES = ("sam", "carer")
HOURS = (0, 8, 16, 24, 30)
ADVISER = "Alex Morgan"
ORGANISATION = "Example IPS employment service"


def sample_report(name: str):  # type: ignore[no-untyped-def]
    """The report for built-in example ``name`` exactly as the samples are made."""
    import datetime as dt

    from benefitcalc.api import to_json
    from benefitcalc.examples import example_scenario
    from benefitcalc.report import build, hours_to_show

    scenario = example_scenario(name)
    doc = to_json(scenario, hours_to_show(scenario, [Decimal(h) for h in HOURS]), period="week")
    return build(
        doc,
        scenario,
        prepared_on=dt.date.fromisoformat(doc["rules"]["date"]),
        adviser=ADVISER,
        organisation=ORGANISATION,
    )


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
        image = document[0].render(scale=100 / 72).to_pil()
        image.convert("RGB").quantize(colors=64).save(directory / f"{name}-page1.png", optimize=True)
        written.append(directory / f"{name}-page1.png")
        document.close()
    return written


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else Path(__file__).resolve().parents[2] / "docs" / "samples"
    for path in write_samples(target):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
