"""The "Your first months in work" page in the PDF: drawn with the report writer's own helpers
(:mod:`benefitcalc.report.pdf`, which calls :func:`draw`), so it has the same type, margins and footer as
every other page."""

from __future__ import annotations

from typing import Any, Protocol

from benefitcalc.report import first_months_chart
from benefitcalc.report.chart import BLACK, PT_MM
from benefitcalc.report.first_months import HEADERS, LAST_HEADING, FirstMonths, cells
from benefitcalc.report.pdf_look import BAD, BODY, CONTENT_W, GREY_FILL, MARGIN, NAVY, RULE, latin1


class Writer(Protocol):
    """What the page uses of the report's PDF writer (benefitcalc.report.pdf)."""

    pdf: Any  # the fpdf2 document

    def font(self, size: float = ..., style: str = ...) -> None: ...
    def space_left(self) -> float: ...
    def need(self, height: float) -> None: ...
    def para(self, text: str, size: float = ..., style: str = ..., after: float = ...) -> None: ...
    def text_height(self, text: str, width: float, size: float = ..., style: str = ...) -> float: ...
    def heading(self, text: str, level: int = ...) -> None: ...
    def bullet(self, text: str) -> None: ...
    def legend(self, items: tuple[tuple[str, str], ...], look: dict[str, Any]) -> None: ...
    def draw_chart(self, chart: Any, ox: float, oy: float) -> None: ...


WIDTHS = (38.0, 31.0, 33.0, 38.0, 34.0)  # mm, adding up to the content width
PAD = 1.6


class FirstMonthsPage:
    def __init__(self, writer: Writer, page: FirstMonths) -> None:
        self.w = writer
        self.page = page

    def _height(self, texts: tuple[str, ...], style: str = "") -> float:
        return max(self.w.text_height(t, width - 2 * PAD, BODY, style) for t, width in zip(texts, WIDTHS, strict=True))

    def _row(
        self, texts: tuple[str, ...], fill: tuple[int, int, int] | None, style: str = "", white: bool = False
    ) -> None:
        pdf = self.w.pdf
        height = self._height(texts, style) + 2 * PAD
        self.w.need(height)
        y = pdf.get_y()
        if fill is not None:
            pdf.set_fill_color(*fill)
            pdf.rect(MARGIN, y, CONTENT_W, height, style="F")
        x = MARGIN
        if white:
            pdf.set_text_color(255, 255, 255)
        for i, (text, width) in enumerate(zip(texts, WIDTHS, strict=True)):
            self.w.font(BODY, "B" if style or (i == 0) else "")
            pdf.set_xy(x + PAD, y + PAD)
            pdf.multi_cell(width - 2 * PAD, BODY * PT_MM * 1.45, latin1(text), align="L", new_x="RIGHT", new_y="TOP")
            x += width
        pdf.set_text_color(20, 20, 20)
        pdf.set_draw_color(*RULE)
        pdf.set_line_width(0.2)
        pdf.line(MARGIN, y + height, MARGIN + CONTENT_W, y + height)
        pdf.set_y(y + height)

    def table_height(self) -> float:
        rows = [HEADERS, *(cells(line) for line in self.page.lines)]
        return sum(self._height(r, "B" if r is HEADERS else "") + 2 * PAD for r in rows)

    def table(self) -> None:
        """The rows, the header again at the top of a page the table runs on to, a frame round each part."""
        pdf = self.w.pdf
        top = pdf.get_y()
        self._row(HEADERS, NAVY, "B", white=True)
        for line in self.page.lines:
            texts = cells(line)
            if self.w.space_left() < self._height(texts) + 2 * PAD:
                self._frame(top)
                pdf.add_page()
                top = pdf.get_y()
                self._row(HEADERS, NAVY, "B", white=True)
            self._row(texts, BAD if line.tight else (GREY_FILL if line.before_job else None))
        self._frame(top)
        pdf.ln(4)

    def _frame(self, top: float) -> None:
        pdf = self.w.pdf
        pdf.set_draw_color(*BLACK)
        pdf.set_line_width(0.3)
        pdf.rect(MARGIN, top, CONTENT_W, pdf.get_y() - top, style="D")

    def chart(self) -> None:
        w = self.w
        chart = first_months_chart.layout(self.page, width=CONTENT_W)
        w.need(chart.height + 40)
        w.heading("Money coming in, week by week", 3)
        w.para(self.page.chart_caption, after=2)
        w.draw_chart(chart, MARGIN, w.pdf.get_y())
        w.pdf.set_y(w.pdf.get_y() + chart.height + 2)
        w.legend(chart.legend, chart.styles)

    def draw(self) -> None:
        w, page = self.w, self.page
        w.pdf.add_page()
        w.heading(page.title, 2)
        w.para(page.intro)
        for sentence in page.summary:
            w.bullet(sentence)
        w.pdf.ln(2)
        self.chart()
        w.need(min(self.table_height(), 150) + 30)  # the heading with the table, if it fits on a page
        w.heading("Money coming in, assessment period by assessment period", 3)
        w.para(page.table_note, after=2)
        self.table()
        if page.tight:
            w.heading("The tight periods", 3)
            for sentence in page.tight:
                w.bullet(sentence)
        w.heading("What can help", 3)
        w.para(page.help_intro, after=1.5)
        for item in page.help:
            w.bullet(item)
        w.heading(LAST_HEADING, 3)
        for item in page.assumptions:
            w.bullet(item)


def draw(writer: Writer, page: FirstMonths) -> None:
    FirstMonthsPage(writer, page).draw()
