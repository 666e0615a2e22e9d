"""The PDF report: it renders for every example, says what the engine computed, and lays out cleanly.

Expected figures are read from the engine's JSON document at test time (the report is a view of
it and must not recompute money); the hand-worked checks say their arithmetic.
"""

from __future__ import annotations

import io
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest
from benefitcalc.report.chart import BENEFIT_STYLES, OTHER_STYLE, PAY_STYLE, styles
from pypdf import PdfReader

MM = 72 / 25.4  # points per millimetre


def page_texts(pdf: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in reader.pages]


def whole_text(pdf: bytes) -> str:
    return " ".join(page_texts(pdf))


def pounds(value: float) -> str:
    return f"£{abs(Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP)):,.0f}"


def pence(value: float) -> str:
    return f"£{abs(Decimal(str(value))):,.2f}"


def headline_point(made: Any) -> dict[str, Any]:
    job_hours = float(made.scenario.worker_hours)
    hours = [p["hours"] for p in made.doc["points"] if p["hours"] != made.doc["baseline_hours"]]
    chosen = job_hours if job_hours in hours else max(hours)
    return next(p for p in made.doc["points"] if p["hours"] == chosen)


def test_pdf_is_a_pdf_with_a_title(made: Any) -> None:
    assert made.pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(made.pdf))
    assert reader.metadata.title == f"Your better-off in work calculation: {made.doc['person']}"
    assert 2 <= len(reader.pages) <= 11  # the client's pages and the adviser's (notes and sources)


def test_headline_holds_the_engines_better_off_figure(made: Any) -> None:
    point = headline_point(made)
    first = page_texts(made.pdf)[0]
    hours = f"{point['hours']:g}"
    more_or_less = "more" if point["better_off"] > 0 else "less"
    who = "you work" if len(made.scenario.adults) == 1 else f"{made.doc['person']} works"  # a couple: whose hours
    work = "at £12.71 an hour" if made.scenario.worker.job is not None else "in the business"
    expected = f"If {who} {hours} hours a week {work}, you would have about {pounds(point['better_off'])} a week {more_or_less} than now."
    assert expected in first
    assert f"The exact figure is {pence(point['better_off'])} a week" in first


def test_tables_hold_the_engines_figures(made: Any) -> None:
    text = whole_text(made.pdf)
    for point in made.doc["points"]:
        wanted = [point["net_income"], point["disposable_income"], point["housing_costs"], point["council_tax"]]
        wanted += [amount for amount in point["benefits"].values() if amount]
        wanted += [person["net_earnings"] for person in point["people"] if person["net_earnings"]]
        if point["hours"] != made.doc["baseline_hours"]:
            wanted.append(point["better_off"])
            wanted.append(next(p for p in point["people"] if p["name"] == made.doc["person"])["gross_earnings"])
        for amount in wanted:
            assert pence(amount) in text, (point["hours"], amount)


def test_sam_by_hand(make_report: Any) -> None:
    """Sam's job: £12.71 an hour. 8 h x £12.71 = £101.68; 16 h x £12.71 = £203.36; 30 h x £12.71 = £381.30 a week."""
    text = whole_text(make_report("sam").pdf)
    for hours, pay in ((8, "£101.68"), (16, "£203.36"), (30, "£381.30")):
        assert f"{hours} hours a week" in text
        assert f"Pay before tax: {pay} a week" in text
    assert "If you work 16 hours a week at £12.71 an hour" in text


@pytest.mark.parametrize(
    ("name", "present", "absent"),
    [
        (
            "sam",
            ["Your New Style ESA", "form PW1", "Your Universal Credit", "NHS Low Income Scheme"],
            ["Carer's Allowance", "The benefit cap"],
        ),
        (
            "carer",
            ["Your Carer's Allowance", "all or nothing", "Carer's Allowance Unit"],
            ["form PW1", "The benefit cap"],
        ),
        ("lone_parent", ["The benefit cap", "Your Universal Credit", "Childcare"], ["form PW1", "Carer's Allowance"]),
        (
            "scotland_family",
            ["Social Security Scotland", "Adult Disability Payment", "Scottish Child Payment"],
            ["form PW1", "Carer's Allowance"],
        ),
    ],
)
def test_what_changes_only_what_touches_this_client(
    name: str, present: list[str], absent: list[str], make_report: Any
) -> None:
    text = whole_text(make_report(name).pdf)
    for words in present:
        assert words in text, words
    for words in absent:
        assert words not in text, words


def test_footer_on_every_page(made: Any) -> None:
    texts = page_texts(made.pdf)
    rules = made.doc["rules"]
    first = next(i for i, text in enumerate(texts) if "For your adviser" in text)  # the adviser's pages
    assert f"Rules {rules['version']} (digest {rules['digest']})" in "".join(texts[first:])
    for number, text in enumerate(texts, start=1):
        assert "An estimate, not a decision by DWP" in text
        assert "Worked out with the benefit and tax rules in force on" in text
        assert "Prepared by Rhiannon Adviser, Test IPS Service." in text
        assert f"Page {number} of {len(texts)}" in text


# --------------------------------------------------------------------------- layout, from page images


def text_boxes(page: Any) -> list[tuple[tuple[float, float, float, float], str]]:
    textpage = page.get_textpage()
    boxes = []
    for i in range(textpage.count_rects()):
        rect = textpage.get_rect(i)
        boxes.append((rect, textpage.get_text_bounded(*rect)))
    return boxes


def overlaps(boxes: list[tuple[tuple[float, float, float, float], str]]) -> list[tuple[str, str]]:
    found = []
    for i, (a, ta) in enumerate(boxes):
        for b, tb in boxes[i + 1 :]:
            width = min(a[2], b[2]) - max(a[0], b[0])
            height = min(a[3], b[3]) - max(a[1], b[1])
            if width > 0.5 and height > 0.5:
                found.append((ta, tb))
    return found


def test_the_overlap_check_catches_overlapping_text() -> None:
    """The layout check itself: two strings printed on top of each other must be found."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.text(30, 40, "Universal Credit £254.38")
    pdf.text(45, 41, "Council tax £35.00")
    document = pypdfium2.PdfDocument(bytes(pdf.output()))
    assert overlaps(text_boxes(document[0]))


def test_no_text_overlaps_and_all_inside_the_margins(made: Any) -> None:
    document = pypdfium2.PdfDocument(made.pdf)
    for index in range(len(document)):
        page = document[index]
        width, height = page.get_size()
        boxes = text_boxes(page)
        assert boxes, f"page {index + 1} has no text"
        assert overlaps(boxes) == [], f"page {index + 1}"
        for (left, bottom, right, top), text in boxes:
            assert left >= 15 * MM and right <= width - 15 * MM, (index + 1, text)
            assert bottom >= 5 * MM and top <= height - 10 * MM, (index + 1, text)


def test_text_is_large_enough(made: Any) -> None:
    """Body text 12 pt at least; the footer 10 pt; chart amounts may shrink to 10 pt to fit a bar."""
    document = pypdfium2.PdfDocument(made.pdf)
    for index in range(len(document)):
        textpage = document[index].get_textpage()
        for i in range(textpage.count_chars()):
            char = textpage.get_text_range(i, 1)
            if not char.strip():
                continue
            size = pdfium_c.FPDFText_GetFontSize(textpage.raw, i)
            left, bottom, right, top = textpage.get_charbox(i)
            in_footer = top < 27 * MM
            chart_figure = index == 0 and char in "£0123456789,"
            assert size >= (10 if in_footer or chart_figure else 12), (index + 1, char, size)


def test_pages_render_with_clear_margins(made: Any) -> None:
    """Rendered pages: ink inside the text area, nothing in the outer 12 mm at either side."""
    document = pypdfium2.PdfDocument(made.pdf)
    scale = 100 / 72
    for index in range(len(document)):
        image = document[index].render(scale=scale, grayscale=True).to_pil().convert("L")
        width, height = image.size
        strip = int(12 * MM * scale)
        for box in ((0, 0, strip, height), (width - strip, 0, width, height)):
            assert image.crop(box).getextrema()[0] > 250, f"page {index + 1}: something is drawn in the margin {box}"
        inner = image.crop((strip, strip, width - strip, height - strip))
        dark = sum(inner.histogram()[:128])
        assert dark > 2000, f"page {index + 1} is nearly blank"


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_chart_series_stay_apart_in_greyscale() -> None:
    """Each pair of series differs by at least 0.15 in relative luminance (WCAG's formula) or by its
    hatching; the solid fills step apart in lightness."""
    every = [PAY_STYLE, *BENEFIT_STYLES, OTHER_STYLE]
    for i, a in enumerate(every):
        for b in every[i + 1 :]:
            assert a.hatch != b.hatch or abs(luminance(a.fill) - luminance(b.fill)) >= 0.15, (a, b)


def test_chart_is_drawn_with_each_source_on_page_one(made: Any) -> None:
    document = pypdfium2.PdfDocument(made.pdf)
    image = document[0].render(scale=100 / 72).to_pil().convert("RGB")
    counts = {colour: count for count, colour in image.getcolors(maxcolors=1 << 24)}
    for key, look in styles(made.report.series_present).items():
        if look.fill == (255, 255, 255):
            continue  # white with hatching: not a colour of its own
        assert counts.get(look.fill, 0) > 100, key
