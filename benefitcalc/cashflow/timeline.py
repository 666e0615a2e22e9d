"""The timeline: assessment periods, benefit weeks, payments and the money in, week by week."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from msgspec import Struct
from msgspec.structs import replace

from benefitcalc import registry
from benefitcalc.breakdown import PersonEarnings, PointResult, ProgrammeResult
from benefitcalc.cashflow import paydays, payroll, weekly
from benefitcalc.cashflow.rules import SurplusEarningsRules
from benefitcalc.cashflow.universal_credit import AwardFor, PeriodAward, payment_date, universal_credit_by_period
from benefitcalc.engine import Context, calculate_point, universal_credit_for_assessment_period
from benefitcalc.errors import ScenarioError
from benefitcalc.loader import RuleSet
from benefitcalc.periods import MONTHS_IN_YEAR, ZERO, assessment_periods, convert
from benefitcalc.programmes.rule_views import RuleViews, views_for
from benefitcalc.scenario import Scenario, check_pay_dates

ONE_DAY = dt.timedelta(days=1)
# Benefits that do not depend on pay: taken from the steady-state calculation, paid every four weeks
# (Child Benefit: Child Benefit and Guardian's Allowance (Administration) Regs 2003 reg 19; PIP, DLA,
# Attendance Allowance and the Scottish benefits likewise every four weeks).
STEADY_WEEKLY: tuple[str, ...] = tuple(
    key
    for key in registry.BENEFIT_KEYS
    if key not in (*weekly.EARNINGS_TESTED, "universal_credit", "council_tax_reduction")
)


class Options(Struct, frozen=True):
    """What the timeline needs beyond the scenario (each may come from the scenario or the CLI)."""

    start_date: dt.date
    pay_frequency: str
    first_payday: dt.date
    assessment_period_start_day: int
    months: int = 6
    benefit_payday: int = 0  # weekday the weekly benefits are paid on (0 = Monday): ends each benefit week
    carers_allowance_weeks: int = 4  # Carer's Allowance paid every 4 weeks in arrears, or weekly (1)
    living_costs: Decimal | None = None  # a month; None: the household's UC standard allowance
    assumed: tuple[str, ...] = ()


class AssessmentPeriod(Struct, frozen=True):
    start: dt.date
    end: dt.date
    payslips: tuple[payroll.Payslip, ...]
    award: PeriodAward
    payment_date: dt.date

    @property
    def gross(self) -> Decimal:
        return sum((p.gross for p in self.payslips), ZERO)

    @property
    def net_pay(self) -> Decimal:
        return sum((p.net for p in self.payslips), ZERO)


class Week(Struct, frozen=True):
    """Money in during one calendar week (Monday to Sunday), by what paid it."""

    start: dt.date
    wages: Decimal
    benefits: dict[str, Decimal]

    @property
    def total(self) -> Decimal:
        return self.wages + sum(self.benefits.values(), ZERO)


class Timeline(Struct, frozen=True):
    scenario: Scenario
    options: Options
    periods: tuple[AssessmentPeriod, ...]
    benefit_weeks: tuple[weekly.BenefitWeek, ...]
    payments: tuple[weekly.Payment, ...]
    payslips: tuple[payroll.Payslip, ...]
    weeks: tuple[Week, ...]
    endings: tuple[weekly.Ending, ...]
    outgoings: tuple[dict[str, Decimal], ...]  # per assessment period, a month, by item
    steady_in_work: PointResult
    steady_out_of_work: PointResult


def options_for(scenario: Scenario, **given: object) -> Options:
    """The timeline's options: each given value, else the scenario's, else a stated default."""
    job = scenario.worker.job
    if job is None:
        raise ScenarioError(
            "the first months in work are worked out for a job (its start date, pay and paydays); "
            "this household's worker has a business only",
            "adults",
        )
    start = given.get("start_date") or job.start_date
    if not isinstance(start, dt.date):
        raise ScenarioError("the job's start date is needed: give `job.start_date` or --start", "job.start_date")
    frequency = str(given.get("pay_frequency") or job.pay_frequency or "monthly")
    assumed: list[str] = []
    if not (given.get("pay_frequency") or job.pay_frequency):
        assumed.append("Paid monthly (no `job.pay_frequency` given).")
    first = given.get("first_payday") or (job.first_payday if not given.get("start_date") else None)
    if not isinstance(first, dt.date):
        first = paydays.default_first_payday(start, frequency)
        assumed.append(f"First payday {first.isoformat()}, one pay period after starting (no `job.first_payday`).")
    try:
        check_pay_dates(start, frequency, first)
    except ValueError as exc:
        raise ScenarioError(str(exc), "job.first_payday") from None
    claim = scenario.universal_credit
    day = given.get("assessment_period_start_day") or (claim.assessment_period_start_day if claim else None)
    if not isinstance(day, int):
        day = 1
        assumed.append("Assessment periods start on the 1st (no `universal_credit.assessment_period_start_day`).")
    if job.hours <= 0:
        raise ScenarioError("the job needs `hours` above 0 for a cash-flow timeline", "job.hours")
    return Options(
        start_date=start,
        pay_frequency=frequency,
        first_payday=first,
        assessment_period_start_day=day,
        months=_int(given.get("months"), 6),
        benefit_payday=_int(given.get("benefit_payday"), 0),
        carers_allowance_weeks=_int(given.get("carers_allowance_weeks"), 4),
        living_costs=_money(given.get("living_costs")),
        assumed=tuple(assumed),
    )


def _int(value: object, default: int) -> int:
    return value if isinstance(value, int) else default


def _money(value: object) -> Decimal | None:
    return value if isinstance(value, Decimal) else None


class _Contexts:
    """One context a day, made once (the rules cache their views by day too)."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        self.cache: dict[dt.date, Context] = {}

    def on(self, day: dt.date) -> Context:
        if day not in self.cache:
            self.cache[day] = Context(self.rules, day, self.rules.at(day), views_for(self.rules, day))
        return self.cache[day]

    def views(self, day: dt.date) -> RuleViews:
        return self.on(day).views


def _period_earnings(steady: PersonEarnings, slips: Sequence[payroll.Payslip]) -> PersonEarnings:
    """The worker's pay received in an assessment period, as yearly figures (x 12) for UC's means test."""
    gross = sum((s.gross for s in slips), ZERO)
    tax = sum((s.income_tax for s in slips), ZERO)
    ni = sum((s.national_insurance for s in slips), ZERO)
    pension = sum((s.pension for s in slips), ZERO)
    m = MONTHS_IN_YEAR
    return replace(steady, gross=gross * m, weekly_gross=gross * m / 52, pension=pension * m,
                   national_insurance=ni * m, income_tax_on_earnings=tax * m, lines=(), warnings=())  # fmt: skip


def _steady(scenario: Scenario, ctx: Context, hours: Decimal) -> PointResult:
    return calculate_point(scenario.with_hours(hours), ctx)


def _payslips(
    scenario: Scenario, options: Options, ctx: Context, steady: PersonEarnings, until: dt.date
) -> tuple[payroll.Payslip, ...]:
    job = scenario.worker.job
    assert job is not None
    days = paydays.schedule(job, options.start_date, options.pay_frequency, options.first_payday, until)
    share = steady.pension / steady.gross if steady.gross > 0 else ZERO
    v = ctx.views
    return tuple(
        payroll.payslip(
            day,
            options.pay_frequency,
            v.income_tax,
            v.earnings.national_insurance,
            scenario.nation,
            share,
            steady.pension_relief == "net_pay",
        )  # fmt: skip
        for day in days
    )


def _award_for(
    scenario: Scenario,
    contexts: _Contexts,
    spans: Sequence[tuple[dt.date, dt.date]],
    slips: Sequence[payroll.Payslip],
    steady: Sequence[PersonEarnings],
    weeks: Sequence[weekly.BenefitWeek],
    work_starts: dt.date,
) -> AwardFor:
    worker = scenario.worker_index
    # Before the job starts there is no childcare for it to pay (the UC childcare element is for
    # charges paid, UC Regs 2013 regs 33-34): an assessment period that ends before the first day
    # of work sees the household at 0 hours (childcare for existing work still counts).
    not_yet = scenario.with_hours(ZERO)

    def award(i: int, extra: Decimal, transitional: Decimal) -> ProgrammeResult:
        start, end = spans[i]
        household = not_yet if end < work_starts else scenario
        received = [s for s in slips if start <= s.payday.date <= end]
        earnings = [_period_earnings(e, received) if n == worker else e for n, e in enumerate(steady)]
        if extra:
            earnings[worker] = replace(earnings[worker], gross=earnings[worker].gross + extra * MONTHS_IN_YEAR)
        week = next(w for w in weeks if w.start <= end <= w.end)
        return universal_credit_for_assessment_period(
            household, contexts.on(start), earnings, dict(week.results), transitional
        )

    return award


def _steady_payments(
    point_on: dict[dt.date, PointResult], spans: Sequence[tuple[dt.date, dt.date]], first: dt.date, last: dt.date
) -> list[weekly.Payment]:
    """The benefits that do not depend on pay, paid every four weeks in arrears on a Monday."""
    out: list[weekly.Payment] = []
    day = first + dt.timedelta(days=(7 - first.weekday()) % 7) + 27 * ONE_DAY  # the first block's last day
    while day <= last:
        covers = (day - 27 * ONE_DAY, day)
        span = next((s for s in spans if s[0] <= covers[0] <= s[1]), spans[-1])
        point = point_on[span[0]]
        for key in STEADY_WEEKLY:
            result = point.programmes.get(key)
            if result is not None and result.amount > 0:
                amount = convert(result.amount, result.period, "week") * 4
                out.append(weekly.Payment(day + ONE_DAY, key, amount, covers))
        day += 28 * ONE_DAY
    return out


def _outgoings(point: PointResult, living: Decimal) -> dict[str, Decimal]:
    """A month's usual outgoings: rent and service charges, council tax less its reduction, childcare,
    work costs and living costs."""
    ctr = point.programmes.get("council_tax_reduction")
    reduction = convert(ctr.amount, ctr.period, "month") if ctr is not None else ZERO
    items = {
        "rent": point.housing_costs,
        "council_tax": positive_or_zero(point.council_tax - reduction),
        "childcare": point.childcare_costs,
        "work_costs": point.work_costs,
        "living_costs": living,
    }
    return {key: value for key, value in items.items() if value > 0}


def positive_or_zero(amount: Decimal) -> Decimal:
    return amount if amount > 0 else ZERO


def _weeks(
    first: dt.date, last: dt.date, slips: Sequence[payroll.Payslip], payments: Sequence[weekly.Payment]
) -> tuple[Week, ...]:
    out = []
    day = first - dt.timedelta(days=first.weekday())
    while day <= last:
        end = day + 6 * ONE_DAY
        wages = sum((s.net for s in slips if day <= s.payday.date <= end), ZERO)
        benefits: dict[str, Decimal] = {}
        for p in payments:
            if day <= p.date <= end and p.amount > 0:
                benefits[p.programme] = benefits.get(p.programme, ZERO) + p.amount
        out.append(Week(day, wages, benefits))
        day += 7 * ONE_DAY
    return tuple(out)


def build(scenario: Scenario, rules: RuleSet, options: Options) -> Timeline:
    """The timeline for ``options.months`` assessment periods from the one that holds the first day of work."""
    contexts = _Contexts(rules)
    # The assessment period before work starts leads in: its UC, paid a week after it ends, is the
    # last payment made on out-of-work income.
    first = assessment_periods(options.start_date, 1, options.assessment_period_start_day)[0]
    spans = assessment_periods(first[0] - ONE_DAY, options.months + 1, options.assessment_period_start_day)
    ctx0 = contexts.on(spans[0][0])
    job = scenario.worker.job
    assert job is not None
    point_on = {s[0]: _steady(scenario, contexts.on(s[0]), job.hours) for s in spans}
    out_of_work = _steady(scenario, ctx0, ZERO)
    in_work = point_on[spans[0][0]]
    steady = list(in_work.earnings)
    last_day = payment_date(spans[-1][1])
    slips = _payslips(scenario, options, ctx0, steady[scenario.worker_index], last_day + 62 * ONE_DAY)
    weeks = weekly.benefit_weeks(
        scenario, contexts.views, steady, slips, options.start_date, (spans[0][0], last_day), options.benefit_payday
    )
    award_for = _award_for(scenario, contexts, spans, slips, steady, weeks, options.start_date)
    margins = [
        SurplusEarningsRules.from_params(contexts.on(s[0]).params).relevant_threshold_margin.value for s in spans
    ]
    claim = scenario.universal_credit
    transitional = ZERO
    if claim is not None and claim.transitional_element is not None:
        transitional = convert(claim.transitional_element.amount, claim.transitional_element.period, "month")
    out_of_work_uc = out_of_work.programmes["universal_credit"].amount
    if out_of_work_uc > 0 or transitional > 0:
        taper = ctx0.views.universal_credit.taper_rate.value
        awards = universal_credit_by_period(len(spans), award_for, taper, margins, transitional)
    else:
        awards = [PeriodAward(ZERO, "no_claim", None, notes=("No Universal Credit out of work: no claim is modelled",))
                  for _ in spans]  # fmt: skip
    periods = tuple(
        AssessmentPeriod(s[0], s[1], tuple(p for p in slips if s[0] <= p.payday.date <= s[1]), a, payment_date(s[1]))
        for s, a in zip(spans, awards, strict=True)
    )
    payments = _benefit_payments(weeks, options) + _steady_payments(point_on, spans, spans[0][0], last_day)
    payments = [p for p in payments if p.date >= spans[1][0]]
    payments += [weekly.Payment(p.payment_date, "universal_credit", p.award.amount, (p.start, p.end)) for p in periods]
    payments.sort(key=lambda p: (p.date, p.programme))
    paid_slips = tuple(s for s in slips if s.payday.date <= last_day)
    living = options.living_costs
    outgoings = []
    for s in spans:
        point = point_on[s[0]] if s[1] >= options.start_date else out_of_work
        standard = point.programmes["universal_credit"].line("standard_allowance").amount
        outgoings.append(_outgoings(point, living if living is not None else standard))
    return Timeline(
        scenario, options, periods, weeks, tuple(payments), paid_slips,
        _weeks(spans[1][0], last_day, paid_slips, payments), tuple(weekly.endings(weeks, payments)),
        tuple(outgoings), in_work, out_of_work,
    )  # fmt: skip


def _benefit_payments(weeks: Sequence[weekly.BenefitWeek], options: Options) -> list[weekly.Payment]:
    """ESA and JSA every two weeks in arrears; Carer's Allowance every four weeks (or every week) in arrears."""
    out: list[weekly.Payment] = []
    for programme in weekly.EARNINGS_TESTED:
        if not any(programme in w.results for w in weeks):
            continue
        every = options.carers_allowance_weeks if programme in ("carers_allowance", "carer_support_payment") else 2
        out.extend(weekly.paid_in_arrears(programme, [(w.start, w.end, w.amount(programme)) for w in weeks], every))
    return out
