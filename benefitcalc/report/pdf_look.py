"""What every page of the PDF shares: the page geometry, type sizes, colours and the text the standard
fonts can show. :mod:`benefitcalc.report.pdf` draws the report with these, and so does
:mod:`benefitcalc.report.first_months_pdf`."""

from __future__ import annotations

import unicodedata

PAGE_W, PAGE_H = 210.0, 297.0
MARGIN = 18.0
TOP = 16.0
BOTTOM = 27.0  # the footer lives below this
CONTENT_W = PAGE_W - 2 * MARGIN
FONT = "helvetica"
BODY = 12.0
LINE = 6.2  # mm per 12 pt line
NAVY = (27, 47, 90)
PALE = (234, 241, 250)
GREY_FILL = (238, 238, 238)
GOOD = (222, 240, 214)
BAD = (252, 228, 222)
INK = (20, 20, 20)
RULE = (170, 170, 170)

_REPLACE = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2212": "-",
    "\u2022": "-",
    "\u2026": "...",
    "\u00a0": " ",
}


def latin1(text: str) -> str:
    """Text the standard PDF fonts can show: accents kept where Latin-1 has them, others dropped.

    Names outside Latin-1 (for example Welsh ŵ and ŷ) lose their accent in the PDF only; the HTML
    version shows every character.
    """
    out = []
    for ch in text:
        ch = _REPLACE.get(ch, ch)
        try:
            ch.encode("latin-1")
            out.append(ch)
        except UnicodeEncodeError:
            base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
            try:
                base.encode("latin-1")
                out.append(base or "?")
            except UnicodeEncodeError:
                out.append("?")
    return "".join(out)
