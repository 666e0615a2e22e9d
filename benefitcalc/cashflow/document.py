"""The JSON of `benefitcalc cashflow --json` (docs/json.md, "Cash flow"): a view of the timeline.

Money is given as strings to the penny, dates as ISO dates.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from benefitcalc.cashflow.tight import tight_periods
from benefitcalc.cashflow.timeline import Timeline
from benefitcalc.periods import pence


def _m(amount: Decimal) -> str:
    return str(pence(amount))


def document(t: Timeline) -> dict[str, Any]:
    o = t.options
    return {
        "start_date": o.start_date.isoformat(),
        "pay_frequency": o.pay_frequency,
        "first_payday": o.first_payday.isoformat(),
        "assessment_period_start_day": o.assessment_period_start_day,
        "assumptions": list(o.assumed),
        "assessment_periods": [
            {
                "start": p.start.isoformat(),
                "end": p.end.isoformat(),
                "paydays": [
                    {
                        "date": s.payday.date.isoformat(),
                        "for": [s.payday.period_start.isoformat(), s.payday.period_end.isoformat()],
                        "gross": _m(s.gross),
                        "income_tax": _m(s.income_tax),
                        "national_insurance": _m(s.national_insurance),
                        "pension": _m(s.pension),
                        "net": _m(s.net),
                    }
                    for s in p.payslips
                ],
                "earnings": _m(p.gross),
                "universal_credit": _m(p.award.amount),
                "status": p.award.status,
                "surplus_earnings": _m(p.award.surplus_earnings),
                "transitional_element": _m(p.award.transitional_element),
                "payment_date": p.payment_date.isoformat(),
                "notes": list(p.award.notes),
            }
            for p in t.periods
        ],
        "weeks": [
            {
                "start": w.start.isoformat(),
                "wages": _m(w.wages),
                "benefits": {k: _m(v) for k, v in w.benefits.items()},
                "total": _m(w.total),
            }
            for w in t.weeks
        ],
        "payments": [
            {
                "date": p.date.isoformat(),
                "programme": p.programme,
                "amount": _m(p.amount),
                "for": [p.covers[0].isoformat(), p.covers[1].isoformat()],
            }
            for p in t.payments
            if p.amount > 0
        ],
        "benefits_ending": [
            {
                "programme": e.programme,
                "person": e.person,
                "weekly_amount": _m(e.weekly_amount),
                "ends_from": e.ends_from.isoformat(),
                "last_payment_date": e.last_payment_date.isoformat() if e.last_payment_date else None,
                "last_payment": _m(e.last_payment),
            }
            for e in t.endings
        ],
        "tight_periods": [
            {
                "start": tp.start.isoformat(),
                "end": tp.end.isoformat(),
                "money_in": _m(tp.money_in),
                "outgoings": _m(tp.outgoings),
                "shortfall": _m(tp.shortfall),
                "explanation": tp.explanation,
                "help": list(tp.help),
            }
            for tp in tight_periods(t)
        ],
    }
