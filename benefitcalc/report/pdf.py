"""The report as a PDF, drawn with fpdf2 (pure Python: no system libraries, no browser).

Helvetica, one of the PDF standard fonts every reader has, so nothing is embedded and the text
extracts cleanly. Body text is 12 pt, headings 14-22 pt, the footer 10 pt; text is black or
near-black on white or pale fills.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from benefitcalc.report import first_months_pdf
from benefitcalc.report.chart import BLACK, PT_MM, Badge, Line, Rect, Style, Text, hatch_lines, layout
from benefitcalc.report.edges import marker_words
from benefitcalc.report.model import ADVISER_HEADING, ADVISER_INTRO, Option, Report, Row, adviser_sections
from benefitcalc.report.pdf_look import (
    BAD,
    BODY,
    BOTTOM,
    CONTENT_W,
    FONT,
    GOOD,
    GREY_FILL,
    INK,
    LINE,
    MARGIN,
    NAVY,
    PAGE_H,
    PAGE_W,
    PALE,
    RULE,
    TOP,
    latin1,
)
from benefitcalc.report.words import money, period_word

HEADING_SIZES = {1: 22.0, 2: 17.0, 3: 14.0}  # points, by heading level


def _fpdf_class() -> Any:
    from fpdf import FPDF

    class ReportPDF(FPDF):
        footer_lines: tuple[str, ...] = ()

        def footer(self) -> None:
            self.set_y(PAGE_H - BOTTOM + 3)
            self.set_draw_color(*RULE)
            self.set_line_width(0.3)
            self.line(MARGIN, self.get_y(), PAGE_W - MARGIN, self.get_y())
            self.ln(1.2)
            self.set_font(FONT, "", 10)
            self.set_text_color(*INK)
            for i, line in enumerate(self.footer_lines):
                y = self.get_y()
                self.multi_cell(
                    CONTENT_W - (32 if i == 0 else 0), 4.4, latin1(line), align="L", new_x="LMARGIN", new_y="NEXT"
                )
                if i == 0:
                    after = self.get_y()
                    self.set_xy(PAGE_W - MARGIN - 32, y)
                    self.cell(32, 4.4, f"Page {self.page_no()} of {{nb}}", align="R")
                    self.set_xy(MARGIN, after)

    return ReportPDF


class _Writer:
    def __init__(self, report: Report) -> None:
        self.report = report
        pdf = _fpdf_class()(orientation="portrait", unit="mm", format="A4")
        pdf.footer_lines = report.footer_lines
        pdf.set_margins(MARGIN, TOP, MARGIN)
        pdf.set_auto_page_break(True, BOTTOM)
        pdf.set_title(latin1(f"{report.title}: {report.person}"))
        pdf.set_subject("An estimate of income in and out of work, not a decision by DWP or HMRC")
        pdf.set_author(latin1(", ".join(x for x in (report.adviser, report.organisation) if x) or "benefitcalc"))
        pdf.set_creator("benefitcalc")
        pdf.set_lang("en-GB")
        pdf.set_creation_date(dt.datetime.combine(report.prepared_on, dt.time(0, 0), tzinfo=dt.UTC))
        from fpdf import ViewerPreferences

        pdf.viewer_preferences = ViewerPreferences(display_doc_title=True)
        pdf.set_text_color(*INK)
        self.pdf = pdf

    # ------------------------------------------------------------------ text helpers

    def font(self, size: float = BODY, style: str = "") -> None:
        self.pdf.set_font(FONT, style, size)

    def space_left(self) -> float:
        return PAGE_H - BOTTOM - self.pdf.get_y()

    def need(self, height: float) -> None:
        if self.space_left() < height:
            self.pdf.add_page()

    def para(
        self,
        text: str,
        size: float = BODY,
        style: str = "",
        after: float = 2.5,
        width: float = CONTENT_W,
        x: float | None = None,
    ) -> None:
        self.font(size, style)
        if x is not None:
            self.pdf.set_x(x)
        self.pdf.multi_cell(width, size * PT_MM * 1.45, latin1(text), align="L", new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(after)

    def text_height(self, text: str, width: float, size: float = BODY, style: str = "") -> float:
        self.font(size, style)
        lines = self.pdf.multi_cell(width, size * PT_MM * 1.45, latin1(text), dry_run=True, output="LINES")
        return len(lines) * size * PT_MM * 1.45

    def heading(self, text: str, level: int = 2, then: int | None = None) -> None:
        """A heading; ``then``: the level of a heading that comes straight after it, which must fit on
        the same page too (a heading is never left alone at the foot of a page)."""
        size = HEADING_SIZES[level]
        # the heading, a few lines of what follows (22 mm) and, with `then`, the next heading too
        self.need(size * PT_MM * 1.4 + 22 + (HEADING_SIZES[then] * PT_MM * 1.4 if then is not None else 0))
        if level > 1:
            self.pdf.ln(3 if level == 2 else 1.5)
        if level <= 2:
            self.pdf.start_section(latin1(text), level=level - 1)
        self.font(size, "B")
        self.pdf.set_text_color(*NAVY if level == 1 else INK)
        self.pdf.multi_cell(CONTENT_W, size * PT_MM * 1.3, latin1(text), align="L", new_x="LMARGIN", new_y="NEXT")
        self.pdf.set_text_color(*INK)
        self.pdf.ln(1.5 if level == 3 else 2)

    def bullet(self, text: str) -> None:
        height = self.text_height(text, CONTENT_W - 7)
        self.need(min(height, 20))
        y = self.pdf.get_y()
        self.pdf.set_fill_color(*INK)
        self.pdf.rect(MARGIN + 1.2, y + 2.3, 1.7, 1.7, style="F")
        self.para(text, after=1.2, width=CONTENT_W - 7, x=MARGIN + 7)

    # ------------------------------------------------------------------ page one

    def first_page(self) -> None:
        r = self.report
        pdf = self.pdf
        pdf.add_page()
        pdf.start_section(latin1(r.title), level=0)
        self.font(22, "B")
        pdf.set_text_color(*NAVY)
        pdf.multi_cell(CONTENT_W, 10, latin1(r.title), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(*INK)
        pdf.ln(1)
        label_w = 40.0
        for label, value in r.facts:
            y = pdf.get_y()
            self.font(BODY, "B")
            pdf.cell(label_w, LINE, latin1(label), new_x="RIGHT", new_y="TOP")
            self.font(BODY)
            pdf.multi_cell(CONTENT_W - label_w, LINE, latin1(value), align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.set_y(max(pdf.get_y(), y + LINE))
        pdf.ln(3)
        self.headline_box()
        self.chart_section()
        if r.other_options:
            self.need(LINE + 2 + sum(self.text_height(line, CONTENT_W - 7) + 1.2 for line in r.other_options))
            pdf.ln(2)
            self.font(BODY, "B")
            pdf.cell(CONTENT_W, LINE, "At the other hours looked at:", new_x="LMARGIN", new_y="NEXT")
            for line in r.other_options:
                self.bullet(line)

    def headline_box(self) -> None:
        r = self.report
        pdf = self.pdf
        inner = CONTENT_W - 12
        h1 = self.text_height(r.headline, inner, 16, "B")
        h2 = self.text_height(r.headline_note, inner)
        height = h1 + h2 + 8.5
        self.need(height)
        y = pdf.get_y()
        pdf.set_fill_color(*PALE)
        pdf.rect(MARGIN, y, CONTENT_W, height, style="F")
        pdf.set_fill_color(*NAVY)
        pdf.rect(MARGIN, y, 2.8, height, style="F")
        pdf.set_xy(MARGIN + 8, y + 3.2)
        self.font(16, "B")
        pdf.multi_cell(inner, 16 * PT_MM * 1.45, latin1(r.headline), align="L", new_x="LEFT", new_y="NEXT")
        pdf.ln(1.5)
        pdf.set_x(MARGIN + 8)
        self.font(BODY)
        pdf.multi_cell(inner, BODY * PT_MM * 1.45, latin1(r.headline_note), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(y + height + 4)

    def chart_section(self) -> None:
        r = self.report
        pdf = self.pdf
        chart = layout(r.options, r.markers, r.series_present, width=CONTENT_W, height=90.0)
        legend_rows = (len(chart.legend) + 1) // 2
        self.need(10 + chart.height + legend_rows * 8 + 14)
        self.heading(f"Money coming in {period_word(r.period)}", 2)
        self.para(r.chart_caption, after=2)
        self.draw_chart(chart, MARGIN, pdf.get_y())
        pdf.set_y(pdf.get_y() + chart.height + 2)
        self.legend(chart.legend, chart.styles)
        if r.markers:
            base = next((o.hours for o in r.options if o.is_baseline), Decimal(0))
            self.need(LINE + self.text_height(marker_words(r.markers[0], base), CONTENT_W - 11) + 1)
            self.font(BODY, "B")
            pdf.cell(
                CONTENT_W, LINE, "What changes as your hours go up (the numbered lines):", new_x="LMARGIN", new_y="NEXT"
            )
            for marker in r.markers:
                text = marker_words(marker, base)
                height = self.text_height(text, CONTENT_W - 11)
                self.need(height)
                y = pdf.get_y()
                self.badge(MARGIN + 3.6, y + 3.1, 3.4, str(marker.number))
                self.para(text, after=1.2, width=CONTENT_W - 11, x=MARGIN + 10)

    def legend(self, items: tuple[tuple[str, str], ...], look: dict[str, Style]) -> None:
        """Swatches and names in a row, wrapping when the row is full."""
        pdf = self.pdf
        self.font(BODY)
        x, y = MARGIN, pdf.get_y()
        for key, label in items:
            width = 9 + 2 + pdf.get_string_width(latin1(label))
            if x > MARGIN and x + width > PAGE_W - MARGIN:
                x, y = MARGIN, y + 8
            self.rect(Rect(x, y + 0.6, 9, 6, look[key].fill, look[key].hatch))
            self.font(BODY)
            pdf.set_xy(x + 11, y)
            pdf.cell(width - 11, 7, latin1(label), new_x="RIGHT", new_y="TOP")
            x += width + 5.5
        pdf.set_xy(MARGIN, y + 9)

    # ------------------------------------------------------------------ drawing

    def rect(self, shape: Rect) -> None:
        pdf = self.pdf
        pdf.set_fill_color(*shape.fill)
        pdf.rect(shape.x, shape.y, shape.w, shape.h, style="F")
        if shape.hatch:
            pdf.set_draw_color(90, 90, 90)
            pdf.set_line_width(0.25)
            for x1, y1, x2, y2 in hatch_lines(shape.x, shape.y, shape.w, shape.h, shape.hatch):
                pdf.line(x1, y1, x2, y2)
        if shape.stroke is not None:
            pdf.set_draw_color(*shape.stroke)
            pdf.set_line_width(shape.stroke_width)
            pdf.rect(shape.x, shape.y, shape.w, shape.h, style="D")

    def badge(self, cx: float, cy: float, r: float, label: str) -> None:
        pdf = self.pdf
        pdf.set_fill_color(255, 255, 255)
        pdf.set_draw_color(*BLACK)
        pdf.set_line_width(0.5)
        pdf.rect(cx - r, cy - r, 2 * r, 2 * r, style="DF", round_corners=True, corner_radius=r)
        self.font(BODY, "B")
        pdf.set_text_color(*BLACK)
        pdf.text(cx - pdf.get_string_width(latin1(label)) / 2, cy + BODY * PT_MM * 0.35, latin1(label))
        pdf.set_text_color(*INK)

    def draw_chart(self, chart: Any, ox: float, oy: float) -> None:
        pdf = self.pdf
        for shape in chart.shapes:
            if isinstance(shape, Rect):
                self.rect(
                    Rect(
                        ox + shape.x,
                        oy + shape.y,
                        shape.w,
                        shape.h,
                        shape.fill,
                        shape.hatch,
                        shape.stroke,
                        shape.stroke_width,
                    )
                )
            elif isinstance(shape, Line):
                pdf.set_draw_color(*shape.color)
                pdf.set_line_width(shape.width)
                if shape.dash:
                    pdf.set_dash_pattern(dash=shape.dash[0], gap=shape.dash[1])
                pdf.line(ox + shape.x1, oy + shape.y1, ox + shape.x2, oy + shape.y2)
                if shape.dash:
                    pdf.set_dash_pattern()
            elif isinstance(shape, Text):
                self.font(shape.size, "B" if shape.bold else "")
                pdf.set_text_color(*shape.color)
                text = latin1(shape.text)
                width = pdf.get_string_width(text)
                x = ox + shape.x - {"L": 0, "C": width / 2, "R": width}[shape.align]
                pdf.text(x, oy + shape.y, text)
                pdf.set_text_color(*INK)
            elif isinstance(shape, Badge):
                self.badge(ox + shape.cx, oy + shape.cy, shape.r, shape.label)

    # ------------------------------------------------------------------ tables

    def tables(self) -> None:
        r = self.report
        pdf = self.pdf
        gap = 6.0
        width = (CONTENT_W - gap) / 2
        first = max(self.card_height(o, width) for o in r.options[:2])
        self.need(first + 40)  # the heading, the note and the first row of tables together
        self.heading("Your money at each number of hours", 2)
        self.para(r.tables_intro, after=3)
        for i in range(0, len(r.options), 2):
            pair = r.options[i : i + 2]
            heights = [self.card_height(o, width) for o in pair]
            self.need(max(heights) + 2)
            y = pdf.get_y()
            for j, option in enumerate(pair):
                self.card(option, MARGIN + j * (width + gap), y, width)
            pdf.set_y(y + max(heights) + 6)

    def _row_lines(self, row: Row, label_w: float) -> float:
        style = "" if row.kind == "item" else "B"
        return self.text_height(row.label, label_w, BODY, style)

    def card_height(self, option: Option, width: float) -> float:
        label_w = width - 30
        head = (
            self.text_height(option.title + (f" ({option.tag})" if option.tag else ""), width - 4, 13, "B")
            + 2
            + LINE
            + 2
        )
        rows = sum(self._row_height(row, label_w, width) for row in option.rows)
        return head + rows

    def _row_height(self, row: Row, label_w: float, width: float) -> float:
        if row.amount is None:
            return self.text_height(row.label, width - 4, BODY, "B" if row.kind == "heading" else "") + 1.6
        return self._row_lines(row, label_w) + 1.6

    def card(self, option: Option, x: float, y: float, width: float) -> None:
        pdf = self.pdf
        label_w = width - 30
        title = option.title + (f" ({option.tag})" if option.tag else "")
        head_h = self.text_height(title, width - 4, 13, "B") + 2
        pdf.set_fill_color(*NAVY)
        pdf.rect(x, y, width, head_h, style="F")
        pdf.set_text_color(255, 255, 255)
        self.font(13, "B")
        pdf.set_xy(x + 2, y + 1)
        pdf.multi_cell(width - 4, 13 * PT_MM * 1.45, latin1(title), align="L", new_x="LEFT", new_y="NEXT")
        pdf.set_text_color(*INK)
        cy = y + head_h
        self.font(BODY)
        pdf.set_xy(x + 2, cy + 1)
        pdf.cell(width - 4, LINE, latin1(option.subtitle), new_x="LEFT", new_y="NEXT")
        cy += LINE + 2
        for row in option.rows:
            h = self._row_height(row, label_w, width)
            fill = None
            if row.kind == "heading":
                fill = GREY_FILL
            elif row.kind == "result":
                fill = GOOD if option.better_off >= 0 else BAD
            if fill:
                pdf.set_fill_color(*fill)
                pdf.rect(x, cy, width, h, style="F")
            if row.kind == "total":
                pdf.set_draw_color(*BLACK)
                pdf.set_line_width(0.4)
                pdf.line(x, cy, x + width, cy)
            elif row.kind == "item":
                pdf.set_draw_color(*RULE)
                pdf.set_line_width(0.2)
                pdf.line(x, cy + h, x + width, cy + h)
            style = "" if row.kind in ("item", "note") else "B"
            self.font(BODY, style)
            if row.amount is None:
                pdf.set_xy(x + 2, cy + 0.8)
                pdf.multi_cell(width - 4, BODY * PT_MM * 1.45, latin1(row.label), align="L", new_x="LEFT", new_y="NEXT")
            else:
                pdf.set_xy(x + 2, cy + 0.8)
                pdf.multi_cell(label_w, BODY * PT_MM * 1.45, latin1(row.label), align="L", new_x="RIGHT", new_y="TOP")
                pdf.set_xy(x + width - 28, cy + 0.8)
                pdf.cell(26, BODY * PT_MM * 1.45, latin1(money(row.amount, sign=True)), align="R")
            cy += h
        pdf.set_draw_color(*BLACK)
        pdf.set_line_width(0.5 if option.is_headline else 0.3)
        pdf.rect(x, y, width, cy - y, style="D")

    # ------------------------------------------------------------------ words

    def words(self) -> None:
        r = self.report
        if r.topics:
            self.heading("What changes if you work, and what to do", 2, then=3)
            for topic in r.topics:
                self.heading(topic.heading, 3)
                for paragraph in topic.paragraphs:
                    self.para(paragraph)
                for point in topic.points:
                    self.bullet(point)
                self.pdf.ln(1)
        self.heading("What this calculation assumed", 2, then=3)
        if r.assumptions:
            self.heading("Decisions the figures depend on", 3)
            for item in r.assumptions:
                self.bullet(item)
        self.heading("What you told us", 3)
        for item in r.figures_given:
            self.bullet(item)
        self.heading("What it does not cover", 2)
        for item in r.not_covered:
            self.bullet(item)
        self.heading("About this estimate", 2)
        self.para(r.about)
        self.adviser_page()

    def adviser_page(self) -> None:
        """The last page, for the adviser only (the client's pages never show its words)."""
        r = self.report
        self.pdf.add_page()
        self.heading(ADVISER_HEADING, 2)
        self.para(ADVISER_INTRO)
        for title, items in adviser_sections(r):
            self.heading(title, 3)
            for item in items:
                self.bullet(item)

    def output(self) -> bytes:
        self.first_page()
        self.tables()
        if self.report.first_months is not None:  # report --cashflow: after the tables, before the words
            first_months_pdf.draw(self, self.report.first_months)
        self.words()
        return bytes(self.pdf.output())


def render_pdf(report: Report) -> bytes:
    """The report as PDF bytes."""
    return _Writer(report).output()
