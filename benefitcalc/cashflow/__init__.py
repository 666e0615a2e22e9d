"""The first months in work: money in, week by week and assessment period by assessment period.

Pure functions (docs/cashflow.md): :func:`timeline` builds a :class:`Timeline` from a scenario, the
rules and :class:`Options`; :func:`document` turns it into the JSON of `benefitcalc cashflow --json`;
:func:`tight_periods` finds the assessment periods where money in falls short of the usual
outgoings; :func:`first_months_page` is the report's "your first months" page as a typed model.

One module per job: :mod:`.paydays` (the paydays and the pay each brings), :mod:`.payroll` (PAYE and
NI per pay period), :mod:`.weekly` (the weekly benefits by benefit week and when they are paid),
:mod:`.universal_credit` (UC per assessment period: nil awards, the claim closing, surplus earnings,
transitional protection), :mod:`.timeline` (putting it together), :mod:`.tight` (tight periods and
what can help), :mod:`.document` (JSON) and :mod:`.page` (the report page).
"""

from __future__ import annotations

from benefitcalc.cashflow.document import document
from benefitcalc.cashflow.page import FirstMonthsPage, first_months_page
from benefitcalc.cashflow.tight import TightPeriod, tight_periods
from benefitcalc.cashflow.timeline import Options, Timeline, options_for
from benefitcalc.cashflow.timeline import build as timeline

__all__ = [
    "FirstMonthsPage",
    "Options",
    "TightPeriod",
    "Timeline",
    "document",
    "first_months_page",
    "options_for",
    "tight_periods",
    "timeline",
]
