"""The report's "Your first months in work" page (`report --cashflow`, issue #14): its figures are the
cash-flow timeline's, its sentences are computed from them, and both formats show it accessibly.

Rates (rules/, 2026-27) as in tests/cashflow/test_timelines.py: UC standard allowance, single 25 or
over, £424.90 a month; taper 55%; personal allowance £12,570 (monthly 1,047.50); Class 1 primary
threshold £1,048 a month, 8%; Child Benefit £27.05 (eldest) and £17.90 a week.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from benefitcalc.cli import main
from benefitcalc.report import render_html, render_pdf
from benefitcalc.report.model import ADVISER_HEADING
from click.testing import CliRunner
from pypdf import PdfReader

D = Decimal
HOURS = [D(h) for h in (0, 8, 16, 24, 30)]


def test_the_page_numbers_are_the_timelines(mid_period: Any) -> None:
    report, timeline = mid_period
    page = report.first_months
    assert page is not None
    # From the cashflow tests' worked case: out of work the maximum amount is 424.90 + 400 rent = 824.90.
    # 10 June - 9 July holds the first pay, £1,375.66 gross (9/30 of a month for 18-26 May, then a whole
    # month of 20 x 12.21 x 52 / 12 = 1,058.20): tax (1,375.66 - 1,047.50) x 20% = 65.63, NI
    # (1,375.66 - 1,048) x 8% = 26.21, net 1,283.82; UC 824.90 - 55% x 1,283.82 (706.10) = 118.80,
    # paid 9 July + 7 = 16 July. The next month: net 1,055.24, UC 824.90 - 580.38 = 244.52.
    assert [line.universal_credit for line in page.lines] == [D("824.90"), D("824.90"), D("118.80"), D("244.52")]
    assert [line.wages for line in page.lines][2] == D("1283.82")
    assert page.lines[2].paydays == (dt.date(2026, 6, 26),)
    assert page.lines[2].universal_credit_paid_on == dt.date(2026, 7, 16)
    # and each figure is the timeline's own
    for line, period in zip(page.lines, timeline.periods, strict=True):
        assert (line.start, line.end, line.wages, line.universal_credit) == (
            period.start,
            period.end,
            period.net_pay,
            period.award.amount,
        )
    assert sum(w.total for w in page.weeks) == sum(w.total for w in timeline.weeks)
    assert "Universal Credit for 10 June to 9 July 2026 is £118.80, £706.10 less than for the period before; wages " \
        "paid in that period: £1,283.82." in page.summary  # fmt: skip
    # 10 May - 9 June: UC £824.90 paid 15 May against rent 400 + living costs 424.90: not short.
    assert page.tight == ()
    assert page.summary[-1] == "In every assessment period shown, the money coming in covers your usual outgoings."


def test_the_tight_period_sentence(jo: Any) -> None:
    report, _ = jo
    page = report.first_months
    # November and December 2026 hold no payday (the first is 29 January). Usual outgoings a month: rent
    # 650, council tax 1,650 / 12 = 137.50, childcare 300, work costs 12 x 52 / 12 = 52, living costs 1,000:
    # 2,139.50 (the job's childcare and work costs from the period in which work starts).
    # November: paid in it, UC for October, before the job: 424.90 + two child elements 2 x 303.94 + rent
    # 650 = 1,682.78, less the benefit cap (1,682.78 + Child Benefit 44.95 x 52 / 12 = 194.78, 1,877.56,
    # over 1,835.00 by 42.56): £1,640.22 (no childcare element: no childcare is paid before the job);
    # Child Benefit twice, 2 x (27.05 + 17.90) x 4 = £359.60. In: 1,999.82; short by 139.68.
    # December: UC for November, with the childcare element 85% x 300 = 255.00 (the cap's reduction is
    # less the childcare element, reg 81, so it stays 42.56): £1,895.22; Child Benefit £179.80. In:
    # 2,075.02; short by 64.48. Together 204.16.
    assert page.tight == (
        "1 to 30 November 2026: £1,999.82 comes in (Child Benefit £359.60 and Universal Credit £1,640.22), "
        "£139.68 less than your usual outgoings of £2,139.50 (rent £650.00, council tax £137.50, childcare "
        "£300.00, work costs £52.00 and living costs £1,000.00). No wages are paid in this period.",
        "1 to 31 December 2026: £2,075.02 comes in (Universal Credit £1,895.22 and Child Benefit £179.80), "
        "£64.48 less than your usual outgoings of £2,139.50 (rent £650.00, council tax £137.50, childcare "
        "£300.00, work costs £52.00 and living costs £1,000.00). No wages are paid in this period.",
    )
    assert page.summary[-1] == (
        "2 of the 4 assessment periods from the job's start are tight: less comes in than your usual "
        "outgoings, £204.16 less in all."
    )
    assert [line.tight for line in page.lines] == [False, True, True, False, False]
    tight_weeks = [w.start for w in page.weeks if w.tight]
    assert tight_weeks == [dt.date(2026, 11, d) for d in (2, 9, 16, 23, 30)] + [
        dt.date(2026, 12, d) for d in (7, 14, 21, 28)
    ]
    assert page.help[0] == (
        "Ask your employer whether your first wage, due on 29 January 2027, can be paid early, or part of it "
        "(an advance of pay)."
    )
    assert any("budgeting advance" in h for h in page.help) and any("Flexible Support Fund" in h for h in page.help)


def test_the_pdf_holds_the_page(jo: Any, client_text: Any) -> None:
    report, _ = jo
    client_pdf, client_html = client_text(report)
    for text in (client_pdf, client_html):
        flat = " ".join(text.split())
        assert "Your first months in work" in flat
        assert "Money coming in, week by week" in flat
        assert "Money coming in, assessment period by assessment period" in flat
        assert "The tight periods" in flat
        assert "1 to 31 December 2026: £2,075.02 comes in" in flat
        assert "Your job starts on Monday 30 November 2026." in flat
        assert "Job starts" in flat and "Tight" in flat  # the chart's marks, in words
    # the timeline's notes and the law behind the help are on the adviser's page, not the client's
    pdf = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(render_pdf(report))).pages)
    adviser = " ".join(pdf.split(ADVISER_HEADING)[1].split())
    assert "The first months in work" in adviser and "reg 12(2)" in adviser
    assert "reg 12(2)" not in client_pdf


def test_the_html_page_is_accessible(jo: Any) -> None:
    report, _ = jo
    html = render_html(report)
    section = html.split('<section class="first-months" aria-labelledby="first-months">')[1].split("</section>")[0]
    headings = re.findall(r"<(h[23])[^>]*>([^<]+)</h[23]>", section)
    assert headings == [
        ("h2", "Your first months in work"),
        ("h3", "Money coming in, week by week"),
        ("h3", "Money coming in, assessment period by assessment period"),
        ("h3", "The tight periods"),
        ("h3", "What can help"),
        ("h3", "What these figures assume"),
    ]
    # the chart: an image with a title and a description in words naming each week's money and the tight weeks
    assert 'role="img" aria-labelledby="weeks-title weeks-desc"' in section
    desc = re.search(r'<desc id="weeks-desc">([^<]+)</desc>', section)
    assert desc is not None
    assert "Week starting 7 December 2026 (a tight period): £1,895.22 (Universal Credit £1,895.22)." in desc.group(1)
    assert "9 weeks are in a tight period" in desc.group(1)
    # the table: a caption, column headers, a row header for each assessment period
    table = section.split('<table class="first-months">')[1].split("</table>")[0]
    assert "<caption>" in table
    assert re.findall(r'<th scope="col">([^<]+)</th>', table) == [
        "Assessment period",
        "Wages paid in it",
        "Universal Credit for it",
        "Other benefits paid in it",
        "Enough for usual outgoings?",
    ]
    assert len(re.findall(r'<th scope="row">', table)) == 5
    assert 'id="weeks-title"' in html and html.count('id="weeks-title"') == 1


def test_report_cli_cashflow(tmp_path: Path) -> None:
    runner = CliRunner()
    scenario = Path(__file__).resolve().parents[2] / "benefitcalc" / "examples" / "lone_parent.yaml"
    out = tmp_path / "jo.pdf"
    args = ["report", str(scenario), "-o", str(out), "--cashflow", "--start", "2026-11-30", "--months", "4",
            "--pay-frequency", "last_working_day", "--first-payday", "2027-01-29", "--living-costs", "1000"]  # fmt: skip
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    text = " ".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Your first months in work" in text and "£64.48" in text
    result = runner.invoke(main, ["report", str(scenario), "-o", str(out), "--start", "2026-11-30"])
    assert result.exit_code == 2
    assert result.output == "benefitcalc: error: --start: --start is for the first-months page: add --cashflow\n"
    result = runner.invoke(main, ["report", str(scenario), "-o", str(out), "--cashflow"])
    assert result.exit_code == 2
    assert "the job's start date is needed" in result.output


def test_the_pages_lay_out_cleanly(jo: Any) -> None:
    """On the first-months pages: no two pieces of text overlap, text stays inside the margins and is
    12 pt at least (the footer 10 pt), as tests/report/test_report_pdf.py checks for page one."""
    import pypdfium2
    import pypdfium2.raw as pdfium_c
    from benefitcalc.report.samples import first_months_pages

    mm = 72 / 25.4
    pdf = render_pdf(jo[0])
    document = pypdfium2.PdfDocument(pdf)
    pages = first_months_pages(pdf)
    assert len(pages) >= 2
    for index in pages:
        page = document[index]
        width, _ = page.get_size()
        textpage = page.get_textpage()
        boxes = [textpage.get_rect(i) for i in range(textpage.count_rects())]
        for i, a in enumerate(boxes):
            assert a[0] >= 15 * mm and a[2] <= width - 15 * mm, (index, a)
            for b in boxes[i + 1 :]:
                overlap = min(a[2], b[2]) - max(a[0], b[0]), min(a[3], b[3]) - max(a[1], b[1])
                assert not (overlap[0] > 0.5 and overlap[1] > 0.5), (index, textpage.get_text_bounded(*a))
        for i in range(textpage.count_chars()):
            if not textpage.get_text_range(i, 1).strip():
                continue
            in_footer = textpage.get_charbox(i)[3] < 27 * mm
            assert pdfium_c.FPDFText_GetFontSize(textpage.raw, i) >= (10 if in_footer else 12), index
