"""The report's "Your first months in work" page: what comes in, and when, once the job starts.

A view of the cash-flow timeline (:mod:`benefitcalc.cashflow`): the figures are the timeline's (UC for
each assessment period, wages and each benefit by the date it is paid); this module only words them
for the client. Sentences are computed from the figures: a change is called more or less by comparing
the two amounts, never assumed. Legal references and the timeline's own notes go to the adviser's page.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from msgspec import Struct

from benefitcalc import cashflow, registry
from benefitcalc.cashflow.timeline import AssessmentPeriod, Timeline
from benefitcalc.periods import ZERO
from benefitcalc.report.model import Series
from benefitcalc.report.words import long_date, money, name_of

TITLE = "Your first months in work"
LAST_HEADING = "What these figures assume"  # the page's last section
_FREQUENCY = {
    "weekly": "every week",
    "fortnightly": "every two weeks",
    "four_weekly": "every four weeks",
    "monthly": "once a month",
    "last_working_day": "on the last working day of each month",
}
_OUTGOING_NAMES = {
    "rent": "rent",
    "council_tax": "council tax",
    "childcare": "childcare",
    "work_costs": "work costs",
    "living_costs": "living costs",
}
JOBCENTRE_BENEFITS = ("universal_credit", "new_style_esa", "new_style_jsa")


class MonthLine(Struct, frozen=True):
    """One assessment period: the wages paid in it, UC for it and when that is paid, the other benefits
    paid in it, and whether the money in covers the usual outgoings."""

    start: dt.date
    end: dt.date
    before_job: bool  # the period before the one the job starts in
    paydays: tuple[dt.date, ...]
    wages: Decimal  # after tax, National Insurance and pension
    universal_credit: Decimal | None  # None: no claim
    universal_credit_paid_on: dt.date
    other: tuple[tuple[str, Decimal], ...]  # (client name, amount paid in the period)
    money_in: Decimal  # everything paid in the period: wages, UC (for the period before) and the rest
    outgoings: Decimal
    tight: bool

    @property
    def shortfall(self) -> Decimal:
        return self.outgoings - self.money_in if self.tight else ZERO


class WeekBar(Struct, frozen=True):
    start: dt.date  # a Monday
    stack: tuple[tuple[str, Decimal], ...]  # (Series key: pay or a programme, amount) bottom to top
    total: Decimal
    tight: bool


class FirstMonths(Struct, frozen=True):
    title: str
    intro: str
    summary: tuple[str, ...]
    lines: tuple[MonthLine, ...]
    table_note: str
    start_date: dt.date
    weeks: tuple[WeekBar, ...]
    series: tuple[str, ...]  # what the weekly chart stacks, bottom to top
    chart_caption: str
    chart_description: str  # the chart in words (its text alternative)
    tight: tuple[str, ...]  # a sentence for each tight period
    help_intro: str
    help: tuple[str, ...]
    assumptions: tuple[str, ...]
    adviser_notes: tuple[str, ...]  # for the adviser's page: the timeline's notes and the law


def span(start: dt.date, end: dt.date) -> str:
    """'1 to 31 December 2026', '12 November to 11 December 2026', '12 December 2026 to 11 January 2027'."""
    if start.year != end.year:
        return f"{long_date(start)} to {long_date(end)}"
    if start.month != end.month:
        return f"{start.day} {start:%B} to {long_date(end)}"
    return f"{start.day} to {long_date(end)}"


def short_date(day: dt.date) -> str:
    """'6 Nov', for a table cell."""
    return f"{day.day} {day:%b}"


def short_span(start: dt.date, end: dt.date) -> str:
    """'1 to 31 Oct 2026', '12 Nov to 11 Dec 2026', '12 Dec 2026 to 11 Jan 2027', for a table cell."""
    if start.year != end.year:
        return f"{short_date(start)} {start.year} to {short_date(end)} {end.year}"
    if start.month != end.month:
        return f"{short_date(start)} to {short_date(end)} {end.year}"
    return f"{start.day} to {short_date(end)} {end.year}"


def weekday_date(day: dt.date) -> str:
    return f"{day:%A} {long_date(day)}"


HEADERS = ("Assessment period", "Wages paid in it", "Universal Credit for it", "Other benefits paid in it",
           "Enough for usual outgoings?")  # fmt: skip


def cells(line: MonthLine) -> tuple[str, ...]:
    """The table's words for one assessment period (the HTML table uses them too)."""
    period = short_span(line.start, line.end) + ("\n(before the job)" if line.before_job else "")
    wages = f"{money(line.wages)}\npaid {', '.join(short_date(d) for d in line.paydays)}" if line.paydays else "None"
    uc = (
        f"{money(line.universal_credit)}\npaid {short_date(line.universal_credit_paid_on)}"
        if line.universal_credit is not None
        else "Not claimed"
    )
    other = "\n".join(f"{name} {money(amount)}" for name, amount in line.other) or "None"
    if line.before_job:
        enough = "Not worked out"
    elif line.tight:
        enough = f"No: tight, {money(line.shortfall)} short"
    else:
        enough = "Yes"
    return period, wages, uc, other, enough


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _paid_in(t: Timeline, start: dt.date, end: dt.date) -> dict[str, Decimal]:
    """Wages and each benefit paid between ``start`` and ``end`` (the timeline's payments and payslips)."""
    out: dict[str, Decimal] = {Series.PAY: sum((s.net for s in t.payslips if start <= s.payday.date <= end), ZERO)}
    for p in t.payments:
        if start <= p.date <= end and p.amount > 0:
            out[p.programme] = out.get(p.programme, ZERO) + p.amount
    return {k: v for k, v in out.items() if v > 0}


def _lines(t: Timeline, tight_starts: set[dt.date]) -> tuple[MonthLine, ...]:
    out = []
    for i, (p, items) in enumerate(zip(t.periods, t.outgoings, strict=True)):
        paid = _paid_in(t, p.start, p.end)
        other = tuple((name_of(k), v) for k, v in paid.items() if k not in (Series.PAY, "universal_credit"))
        out.append(
            MonthLine(
                start=p.start,
                end=p.end,
                before_job=i == 0,
                paydays=tuple(s.payday.date for s in p.payslips),
                wages=p.net_pay,
                universal_credit=None if p.award.status == "no_claim" else p.award.amount,
                universal_credit_paid_on=p.payment_date,
                other=other,
                money_in=sum(paid.values(), ZERO),
                outgoings=sum(items.values(), ZERO),
                tight=p.start in tight_starts,
            )
        )
    return tuple(out)


def _deductions(t: Timeline) -> str:
    first = t.payslips[0]
    taken = [
        name
        for name, amount in (
            ("tax", first.income_tax),
            ("National Insurance", first.national_insurance),
            ("pension", first.pension),
        )
        if amount > 0
    ]
    return f"after {_listed(taken)}" if taken else "with nothing taken off"


def _first_wage(t: Timeline) -> list[str]:
    start = t.options.start_date
    text = f"Your job starts on {weekday_date(start)}."
    if t.payslips:
        first = t.payslips[0]
        days = (first.payday.date - start).days
        text += (
            f" Your first wage, {money(first.net)} {_deductions(t)}, is paid on {weekday_date(first.payday.date)}, "
            f"{days} day{'s' if days != 1 else ''} after you start. It pays for "
            f"{span(first.payday.period_start, first.payday.period_end)}."
        )
    return [text]


def _endings(t: Timeline) -> list[str]:
    out = []
    for e in t.endings:
        last = (
            f"The last payment, {money(e.last_payment)}, is on {long_date(e.last_payment_date)}."
            if e.last_payment_date is not None
            else "Nothing more of it is paid."
        )
        out.append(
            f"{name_of(e.programme)} of {money(e.weekly_amount)} a week stops from the week starting "
            f"{long_date(e.ends_from)}, because of the work. {last}"
        )
    return out


def _universal_credit(lines: tuple[MonthLine, ...]) -> list[str]:
    """UC for the period before the job, then each period where it changes, compared with the one before."""
    if all(line.universal_credit is None for line in lines):
        return [
            "These figures have no Universal Credit in them: you would not get it out of work, so no claim is shown."
        ]
    out = [
        "Universal Credit for each assessment period counts the wages paid in that period, and is paid 7 days "
        "after the period ends."
    ]
    first = lines[0]
    out.append(
        f"Universal Credit for {span(first.start, first.end)}, before the job starts, is "
        f"{money(first.universal_credit or ZERO)}, paid on {long_date(first.universal_credit_paid_on)}."
    )
    for before, line in zip(lines, lines[1:]):
        now, was = line.universal_credit or ZERO, before.universal_credit or ZERO
        if now == was:
            continue
        change = f"{money(abs(now - was))} {'more' if now > was else 'less'} than for the period before"
        wages = f"wages paid in that period: {money(line.wages)}" if line.wages > 0 else "no wages are paid in it"
        paydays = f" ({len(line.paydays)} paydays)" if len(line.paydays) > 1 else ""
        amount = money(now) if now > 0 else "nothing"
        out.append(f"Universal Credit for {span(line.start, line.end)} is {amount}, {change}; {wages}{paydays}.")
    return out


def _tight_words(t: Timeline, lines: tuple[MonthLine, ...]) -> tuple[str, ...]:
    out = []
    for line, items in zip(lines, t.outgoings, strict=True):
        if not line.tight:
            continue
        paid = _paid_in(t, line.start, line.end)
        got = _listed(
            [f"{Series.label(k).lower() if k == Series.PAY else name_of(k)} {money(v)}" for k, v in paid.items()]
        )
        costs = _listed([f"{_OUTGOING_NAMES.get(k, k)} {money(v)}" for k, v in items.items()])
        wages = "" if line.wages > 0 else " No wages are paid in this period."
        out.append(
            f"{span(line.start, line.end)}: {money(line.money_in)} comes in ({got or 'nothing'}), "
            f"{money(line.shortfall)} less than your usual outgoings of {money(line.outgoings)} ({costs}).{wages}"
        )
    return tuple(out)


def _help(t: Timeline, lines: tuple[MonthLine, ...], periods: tuple[AssessmentPeriod, ...]) -> tuple[str, ...]:
    out = []
    first = t.payslips[0].payday.date if t.payslips else t.options.first_payday
    if first > t.options.start_date:
        out.append(
            f"Ask your employer whether your first wage, due on {long_date(first)}, can be paid early, or part of "
            "it (an advance of pay)."
        )
    on_uc = any(line.universal_credit is not None for line in lines)
    if on_uc:
        out.append(
            "Ask Universal Credit, through your online journal or your work coach, for a budgeting advance towards "
            "the costs of starting work. When it is for starting work you do not need to have been on Universal "
            "Credit for six months. It is paid back out of later Universal Credit payments."
        )
    if any(p.award.status == "closed" for p in periods):
        out.append(
            "If your Universal Credit claim closes and you claim again, you can ask for an advance of your first "
            "payment on the new claim. It is paid back out of later payments."
        )
    jobcentre = on_uc or any(e.programme in JOBCENTRE_BENEFITS for e in t.endings)
    if jobcentre:
        out.append(
            "Ask your work coach, before the job starts, about the Flexible Support Fund. It can pay some costs of "
            "starting work, such as travel, work clothes or tools, or childcare until your first wage."
        )
    return tuple(out)


def _assumptions(t: Timeline, lines: tuple[MonthLine, ...]) -> tuple[str, ...]:
    o = t.options
    assumed = " ".join(o.assumed)
    often = _FREQUENCY.get(o.pay_frequency, o.pay_frequency)
    pay = f"Your wages are paid {often}, the first on {long_date(o.first_payday)}"
    guessed = "job.pay_frequency" in assumed or "job.first_payday" in assumed
    out = [
        pay + (": we assumed this. Ask your employer, and tell your adviser if it is different." if guessed else ".")
    ]
    if any(line.universal_credit is not None for line in lines):
        day = o.assessment_period_start_day
        words = f"Your Universal Credit assessment periods start on day {day} of each month"
        if "assessment_period_start_day" in assumed:
            words += ": we assumed this. Your online statement shows the real dates"
        out.append(words + ".")
    living = [items.get("living_costs", ZERO) for items in t.outgoings[1:]]
    amount = money(living[-1]) if living else money(ZERO)
    if o.living_costs is None:
        out.append(
            f"Usual outgoings are rent, council tax less any reduction, childcare, work costs, and living costs of "
            f"{amount} a month: the amount Universal Credit allows for living costs. Real living costs are often "
            "higher, so a month can be tighter than it shows here."
        )
    else:
        out.append(
            f"Usual outgoings are rent, council tax less any reduction, childcare, work costs, and living costs of "
            f"{amount} a month, as you told us."
        )
    out.append(
        "Benefits paid every two or four weeks are shown on the days their payments would fall from the start of "
        "these figures; your real payment days depend on your claims. Bank holidays are not allowed for."
    )
    return tuple(out)


def _weeks(t: Timeline, tight: tuple[cashflow.TightPeriod, ...]) -> tuple[tuple[WeekBar, ...], tuple[str, ...]]:
    present = {k for w in t.weeks for k, v in w.benefits.items() if v > 0}
    keys = tuple(k for k in registry.BENEFIT_KEYS if k in present)
    series = ((Series.PAY,) if any(w.wages > 0 for w in t.weeks) else ()) + keys
    bars = []
    for w in t.weeks:
        stack = ((Series.PAY, w.wages),) + tuple((k, w.benefits.get(k, ZERO)) for k in keys)
        in_tight = any(tp.start <= w.start <= tp.end for tp in tight)
        bars.append(WeekBar(w.start, tuple((k, v) for k, v in stack if v > 0), w.total, in_tight))
    return tuple(bars), series or (Series.PAY,)


def _chart_words(weeks: tuple[WeekBar, ...], series: tuple[str, ...], start: dt.date) -> str:
    if not weeks:
        return "A bar chart of money coming in each week: there are no weeks to show."
    names = [Series.label(s).lower() if s == Series.PAY else Series.label(s) for s in series]
    parts = [
        f"A bar chart of money coming in each week, from the week starting {long_date(weeks[0].start)} to the week "
        f"starting {long_date(weeks[-1].start)}, made up of {_listed(names)}. The job starts on {long_date(start)}."
    ]
    for w in weeks:
        if w.total <= 0:
            continue
        pieces = ", ".join(
            f"{Series.label(k).lower() if k == Series.PAY else Series.label(k)} {money(v)}" for k, v in w.stack
        )
        mark = " (a tight period)" if w.tight else ""
        parts.append(f"Week starting {long_date(w.start)}{mark}: {money(w.total)} ({pieces}).")
    if any(w.total <= 0 for w in weeks):
        parts.append("Nothing comes in during the other weeks.")
    tight = [w for w in weeks if w.tight]
    if tight:
        parts.append(
            f"{len(tight)} week{'s are' if len(tight) != 1 else ' is'} in a tight period, where money in is less than "
            "the usual outgoings; they are shaded and marked Tight."
        )
    return " ".join(parts)


def first_months(t: Timeline) -> FirstMonths:
    """The page for timeline ``t``."""
    page = cashflow.first_months_page(t)
    lines = _lines(t, {tp.start for tp in page.tight})
    summary = _first_wage(t) + _endings(t) + _universal_credit(lines)
    after = [line for line in lines if not line.before_job]
    tight_lines = [line for line in after if line.tight]
    if len(tight_lines) == 1:
        line = tight_lines[0]
        summary.append(
            f"One assessment period is tight, {span(line.start, line.end)}: less comes in than your usual "
            f"outgoings, by {money(line.shortfall)}."
        )
    elif tight_lines:
        summary.append(
            f"{len(tight_lines)} of the {len(after)} assessment periods from the job's start are tight: less comes "
            f"in than your usual outgoings, {money(sum((line.shortfall for line in tight_lines), ZERO))} less in all."
        )
    else:
        summary.append("In every assessment period shown, the money coming in covers your usual outgoings.")
    weeks, series = _weeks(t, page.tight)
    notes = [f"Assumed: {a}" for a in page.assumptions]
    for p in t.periods:
        notes.extend(f"{span(p.start, p.end)}: {n}" for n in p.award.notes)
    notes += [
        "Help named for the client: an advance of pay from the employer; a budgeting advance (Social Security "
        "(Payments on Account of Benefit) Regulations 2013 regs 12-16; reg 12(2): no six-month condition when the "
        "expense is for obtaining or retaining employment); a new claim advance (regs 5, 7-8); the Flexible "
        "Support Fund (Jobcentre Plus discretion).",
        "UC on the earnings received in each assessment period (UC Regs 2013 regs 54, 61), paid 7 days after it "
        "ends (UC etc. Claims and Payments Regs 2013 reg 47). Method: docs/cashflow.md.",
    ]
    return FirstMonths(
        title=TITLE,
        intro=(
            "Wages and benefits are paid on different days, so the first months in work are not like a settled "
            "month. This page shows what comes in, and when, for each Universal Credit assessment period and "
            "each week."
        ),
        summary=tuple(summary),
        lines=lines,
        table_note=(
            "Each row is one assessment period. Wages are after deductions, on the day they are paid. Universal "
            "Credit for a period is paid after it ends, so it arrives in the next period."
        ),
        start_date=t.options.start_date,
        weeks=weeks,
        series=series,
        chart_caption="Money coming in each week, by the day it is paid."
        + (" Weeks in a tight period are shaded and marked Tight." if tight_lines else ""),
        chart_description=_chart_words(weeks, series, t.options.start_date),
        tight=_tight_words(t, lines),
        help_intro=(
            "If money is short in these months, this can help:"
            if tight_lines
            else "If money does run short in these months, this can help:"
        ),
        help=_help(t, lines, t.periods),
        assumptions=_assumptions(t, lines),
        adviser_notes=tuple(notes),
    )
