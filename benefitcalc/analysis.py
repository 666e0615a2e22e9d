"""The better-off analysis: at which hours is the household better off, by how much, and where are the traps.

Built on the engine and nothing else: every figure here is a difference between two
:class:`PointResult` s that the engine worked out, so it is as exact as they are.

* **Better off** is disposable income (after rent, council tax net of any reduction, childcare and
  work costs) at a point minus the same at the baseline: 0 hours, or the client's present hours.
* **Marginal effective tax rate** (between neighbouring points) and **participation tax rate**
  (against the baseline): the share of the extra gross pay lost to income tax, NI, pension
  contributions and withdrawn benefits, i.e. ``1 - change in net resources / change in gross pay``,
  where net resources are net income plus Tax-Free Childcare and any passported help counted in
  disposable income. Work costs and childcare are not part of the rates (they are in better-off).
* **Cliff edges**: every place where more work leaves the household with less. The engine is
  pure and cheap, so the analysis samples a half-hour grid over the hours asked for, spots each
  change of state between neighbours (a benefit stopping, a warning appearing, a passport lost) and
  bisects on whole pennies of weekly pay to the exact threshold. A fall in disposable income between
  neighbours with no change of state is bisected too. The cause is named from the programme whose
  loss is largest across the edge. Changes at the very start of work (work costs from the first
  hour) are not cliffs: ``break_even_hours`` covers them.
* **Tax-Free Childcare** is not part of the engine's point (it depends on Universal Credit being
  nil); :func:`with_tax_free_childcare` adds it to each point the analysis uses, so the top-up is in
  disposable income wherever the household is not on UC and qualifies.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from benefitcalc.breakdown import PointResult, Warning
from benefitcalc.engine import Context, calculate_point
from benefitcalc.errors import ScenarioError
from benefitcalc.periods import ZERO, pence
from benefitcalc.programmes import tax_free_childcare
from benefitcalc.scenario import Scenario

GRID_STEP = Decimal("0.5")  # hours between the analysis's own sample points
MAX_GRID_STEPS = 80  # beyond 40 hours the grid widens so it never has more than this many steps
TOLERANCE = Decimal("0.01")  # a change in weekly disposable income smaller than a penny is not an edge
HOURS_QUANTUM = Decimal("1E-12")
CENT = Decimal("0.01")
RATE_QUANTUM = Decimal("0.0001")
MAX_HOURS = Decimal(168)

BASELINES = ("zero", "current")

# Plain names of the programmes, for messages and explanations.
TITLES = {
    "new_style_esa": "New Style Employment and Support Allowance",
    "new_style_jsa": "New Style Jobseeker's Allowance",
    "carers_allowance": "Carer's Allowance",
    "carer_support_payment": "Carer Support Payment",
    "child_benefit": "Child Benefit",
    "pip": "Personal Independence Payment",
    "adult_disability_payment": "Adult Disability Payment",
    "disability_living_allowance": "Disability Living Allowance",
    "attendance_allowance": "Attendance Allowance",
    "universal_credit": "Universal Credit",
    "scottish_child_payment": "Scottish Child Payment",
    "council_tax_reduction": "Council tax reduction",
    "housing_benefit": "Housing Benefit",
    "tax_free_childcare": "Tax-Free Childcare",
    "free_school_meals": "Free school meals",
    "healthy_start": "Healthy Start",
    "nhs_charges": "Help with NHS charges",
}


# --- Tax-Free Childcare on a point -------------------------------------------------------------


def with_tax_free_childcare(scenario: Scenario, ctx: Context, point: PointResult) -> PointResult:
    """The point with Tax-Free Childcare added as ``programmes["tax_free_childcare"]`` (if the household pays for childcare)."""
    if "tax_free_childcare" in point.programmes:
        return point
    result = tax_free_childcare.calculate(
        scenario,
        ctx.views.tax_free_childcare,
        ctx.day,
        point.earnings,
        point.tax,
        point.programmes.get("universal_credit"),
        point.childcare_costs,
    )
    if result is None:
        return point
    warnings = list(point.warnings) + list(result.warnings)
    uc = point.programmes.get("universal_credit")
    value = result.fact("value_if_eligible", ZERO)
    assert isinstance(value, Decimal)
    if result.fact("blocked_by_universal_credit") and uc is not None:
        uc_year = uc.amount * 12
        if value > uc_year:
            warnings.append(
                Warning(
                    "tax_free_childcare_better",
                    f"Tax-Free Childcare (£{pence(value / 12):,.2f} a month) would be worth more than the Universal Credit award "
                    f"(£{pence(uc.amount):,.2f} a month) here; the two cannot be had together (Childcare Payments Act 2014 s.11). "
                    "Check the help that goes with UC (council tax reduction, free school meals, Scottish Child Payment) before choosing.",
                )
            )
    programmes = dict(point.programmes)
    programmes["tax_free_childcare"] = result
    return replace(point, programmes=programmes, warnings=tuple(dict.fromkeys(warnings)))


# --- Results -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Edge:
    """A step in disposable income between two neighbouring pennies of weekly pay.

    ``gross_weekly_earnings`` is the first penny of weekly pay on the far side of the edge and
    ``hours`` the fewest hours (to 0.01, rounded up) that earn it; ``safe_gross_weekly_earnings`` and
    ``safe_hours`` (rounded down) are the most just before it. ``weekly_change`` and
    ``monthly_change`` are the change in disposable income across the edge (negative: a cliff).
    """

    hours: Decimal
    gross_weekly_earnings: Decimal
    safe_hours: Decimal
    safe_gross_weekly_earnings: Decimal
    cause: str
    programme: str
    weekly_change: Decimal
    monthly_change: Decimal
    message: str
    detail: str = ""
    label: str = ""
    recovered: Crossing | None = None  # for a cliff: the fewest hours past it that make up the loss

    @property
    def monthly_loss(self) -> Decimal:
        return -self.monthly_change

    @property
    def summary(self) -> str:
        """One short line: what happens and what it costs (or brings) a month."""
        head = self.label[:1].upper() + self.label[1:]
        if self.monthly_change < 0:
            return f"{head}: £{-self.monthly_change:,.2f} a month less from {self.hours:g} hours (£{self.gross_weekly_earnings:,.2f} a week)"
        return f"{head}: £{self.monthly_change:,.2f} a month more from {self.hours:g} hours (£{self.gross_weekly_earnings:,.2f} a week)"

    @property
    def weekly_loss(self) -> Decimal:
        return -self.weekly_change


@dataclass(frozen=True)
class PassportEnd:
    """Passported help that ends as pay rises, where its value is not counted in disposable income."""

    passport: str
    hours: Decimal
    gross_weekly_earnings: Decimal
    safe_hours: Decimal
    safe_gross_weekly_earnings: Decimal
    monthly_value: Decimal  # the estimated value lost, a month
    message: str


@dataclass(frozen=True)
class Crossing:
    """Where something starts or stops: the fewest hours (to 0.01, rounded up) and the weekly pay."""

    hours: Decimal
    gross_weekly_earnings: Decimal


@dataclass(frozen=True)
class ChildcareChoice:
    """Universal Credit's childcare costs element against Tax-Free Childcare at one point (a month)."""

    hours: Decimal
    universal_credit: Decimal
    universal_credit_childcare_element: Decimal
    tax_free_childcare: Decimal  # the top-up the household would get if not on UC (0 if it does not qualify)
    better: str  # universal_credit | tax_free_childcare | neither
    message: str


@dataclass(frozen=True)
class Analysis:
    """The whole better-off analysis of a set of points (in the order asked for)."""

    scenario: Scenario
    points: tuple[PointResult, ...]
    baseline: PointResult
    baseline_kind: str  # zero | current
    marginal_rates: tuple[Decimal | None, ...]
    participation_rates: tuple[Decimal | None, ...]
    cliffs: tuple[Edge, ...]
    gains: tuple[Edge, ...]
    passports_end: tuple[PassportEnd, ...]
    break_even: Crossing | None
    universal_credit_ends: Crossing | None
    childcare: tuple[ChildcareChoice | None, ...]
    searched_to_hours: Decimal


# --- Sampling ----------------------------------------------------------------------------------


class Sampler:
    """Points of one household by hours or by whole pennies of weekly pay, each worked out once.

    All share one :class:`Context` (the rules resolved once), so a bisection step costs one engine
    point. Points are held only for the life of one analysis.
    """

    def __init__(self, scenario: Scenario, ctx: Context, seed: Iterable[PointResult] = ()) -> None:
        job = scenario.worker.job
        if job is None:  # pragma: no cover - the scenario model requires a job
            raise ScenarioError("the analysis needs an adult with a `job`", "adults")
        self.scenario = scenario
        self.ctx = ctx
        self.rate: Decimal = job.hourly_pay
        self._points: dict[Decimal, PointResult] = {}
        self._weekly: dict[Decimal, dict[str, Decimal]] = {}
        for point in seed:
            self._points.setdefault(point.hours, with_tax_free_childcare(scenario, ctx, point))

    def at(self, hours: Decimal) -> PointResult:
        point = self._points.get(hours)
        if point is None:
            point = with_tax_free_childcare(
                self.scenario, self.ctx, calculate_point(self.scenario.with_hours(hours), self.ctx)
            )
            self._points[hours] = point
        return point

    def hours_for(self, pennies: int) -> Decimal:
        """Hours that earn ``pennies`` a week, rounded down at 1e-12 so pay never passes the penny."""
        return (Decimal(pennies) / 100 / self.rate).quantize(HOURS_QUANTUM, rounding=ROUND_FLOOR)

    def pay(self, pennies: int) -> PointResult:
        return self.at(self.hours_for(pennies))

    def pennies(self, hours: Decimal, rounding: str) -> int:
        return int((hours * self.rate * 100).quantize(Decimal(1), rounding=rounding))

    def weekly(self, point: PointResult) -> dict[str, Decimal]:
        """Exact (unrounded) weekly money for a point; cached for the sampler's own points."""
        from benefitcalc.views import summary

        mine = self._points.get(point.hours) is point
        cached = self._weekly.get(point.hours) if mine else None
        if cached is None:
            cached = summary(point, "week", exact=True)
            if mine:
                self._weekly[point.hours] = cached
        return cached

    def disposable(self, point: PointResult) -> Decimal:
        return self.weekly(point)["disposable_income"]


def resources(money: dict[str, Decimal]) -> Decimal:
    """Net resources for the tax rates: net income plus Tax-Free Childcare and counted passported help."""
    return money["net_income"] + money["tax_free_childcare"] + money["passported_help_value"]


# Warnings that only inform (a reporting duty, an assumption, a kink in a taper): a change in them
# is no step in money, so the search does not bisect for them.
INFORMATIONAL_WARNINGS = frozenset(
    {
        "administrative_earnings_threshold",
        "wca_earnings_threshold",
        "esa_permitted_work",
        "jsa_earnings",
        "childcare_reporting",
        "tax_free_childcare_assumed",
        "tax_free_childcare_better",
        "high_income_child_benefit_charge",
    }
)


def signature(point: PointResult) -> tuple[object, ...]:
    """What can change in steps: benefits in payment, warnings, passports, pension, work costs."""
    return (
        frozenset(w.code for w in point.warnings if w.code not in INFORMATIONAL_WARNINGS),
        frozenset(name for name, r in point.programmes.items() if r.amount > 0),
        frozenset(name for name, r in point.passports.items() if r.fact("entitled")),
        tuple(e.pension > 0 for e in point.earnings),
        point.work_costs > 0,
    )


def _ceil2(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_CEILING)


def _floor2(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_FLOOR)


def _crossing(sampler: Sampler, pennies: int) -> Crossing:
    return Crossing(_ceil2(Decimal(pennies) / 100 / sampler.rate), Decimal(pennies) / 100)


# --- Edges -------------------------------------------------------------------------------------

_INCOME_ITEMS = ("tax_free_childcare",)
_COST_ITEMS = (
    "income_tax",
    "national_insurance",
    "pension_contributions",
    "high_income_child_benefit_charge",
    "work_costs",
    "council_tax",
    "childcare_costs",
    "housing_costs",
)


def _components(point: PointResult, money: dict[str, Decimal]) -> dict[str, Decimal]:
    """Each part of disposable income, weekly and exact, signed so that more is better."""
    from benefitcalc.periods import convert

    out: dict[str, Decimal] = {}
    for name, result in point.programmes.items():
        if name == "tax_free_childcare":
            continue
        out[name] = convert(result.amount, result.period, "week")
    if point.include_passport_values:
        for name, result in point.passports.items():
            out[name] = convert(result.amount, result.period, "week")
    for key in _INCOME_ITEMS:
        out[key] = money[key]
    for key in _COST_ITEMS:
        out[key] = -money[key]
    return out


_CAUSES: dict[str, tuple[str, str]] = {
    "carers_allowance": ("carer_earnings_limit", "Carer's Allowance earnings limit"),
    "carer_support_payment": ("carer_earnings_limit", "Carer Support Payment earnings limit"),
    "new_style_jsa": (
        "jsa_remunerative_work",
        "the 16-hour rule: no New Style JSA in a week of 16 hours' work or more",
    ),
    "scottish_child_payment": ("scottish_child_payment_ends", "Scottish Child Payment ends when Universal Credit ends"),
    "free_school_meals": (
        "free_school_meals_lost",
        "free school meals end with Universal Credit (or its earnings limit)",
    ),
    "healthy_start": ("healthy_start_lost", "Healthy Start ends (Universal Credit earnings limit)"),
    "nhs_charges": (
        "nhs_charges_lost",
        "free NHS prescriptions and dental treatment end (Universal Credit earnings limit)",
    ),
    "pension_contributions": (
        "pension_auto_enrolment",
        "automatic enrolment: pension contributions start at the earnings trigger",
    ),
    "work_costs": ("work_costs", "work costs"),
    "tax_free_childcare": ("tax_free_childcare_ends", "Tax-Free Childcare stops"),
    "council_tax_reduction": (
        "council_tax_reduction_falls",
        "council tax reduction falls (a step in the council's scheme)",
    ),
    "housing_benefit": ("housing_benefit_falls", "Housing Benefit falls"),
}


def _cause(
    sampler: Sampler, before: PointResult, after: PointResult, programme: str, loss: bool
) -> tuple[str, str, str]:
    """(cause code, plain label, the engine's own warning text) for an edge led by ``programme``."""
    new = {w.code: w.message for w in after.warnings if w.code not in {x.code for x in before.warnings}}
    gone = {w.code: w.message for w in before.warnings if w.code not in {x.code for x in after.warnings}}
    p = sampler.ctx.params
    if programme == "new_style_esa":
        pw = p.dwp.new_style_esa.permitted_work
        limit = pw.hours_limit.value
        if before.hours < limit <= after.hours:
            label = f"the 16-hour rule: permitted work on New Style ESA must be under {limit} hours a week"
        elif before.hours >= limit and not sampler.scenario.worker.supported_permitted_work:
            label = f"the ESA permitted-work lower limit (£{pw.lower_limit.value} a week at {limit} hours or more)"
        else:
            label = f"the ESA permitted-work limit (£{pw.higher_limit.value} a week after tax, NI and half of pension contributions)"
        code = "esa_permitted_work_limit"
        return code, label, new.get(code, gone.get(code, ""))
    if programme == "universal_credit":
        if "benefit_cap_applies" in new or "benefit_cap_applies" in gone:
            code = "benefit_cap"
            return code, "the benefit cap", new.get("benefit_cap_applies", gone.get("benefit_cap_applies", ""))
        if after.programmes["universal_credit"].amount <= 0 < before.programmes["universal_credit"].amount:
            return "universal_credit_ends", "Universal Credit ends", ""
        return (
            ("universal_credit_falls", "Universal Credit falls", "")
            if loss
            else ("universal_credit_rises", "Universal Credit rises", "")
        )
    if programme == "tax_free_childcare" and not loss:
        return (
            "tax_free_childcare_starts",
            "Tax-Free Childcare starts (the minimum-income test is met, or Universal Credit has ended)",
            "",
        )
    if programme in _CAUSES:
        code, label = _CAUSES[programme]
        if programme == "carers_allowance" or programme == "carer_support_payment":
            limit = (
                p.social_security_scotland.carer_support_payment
                if programme == "carer_support_payment"
                else p.dwp.carers_allowance
            ).earnings_limit.value
            label = f"{label} (£{limit} a week after tax, NI, half of pension contributions and care costs)"
        return code, label, new.get(code, gone.get(code, ""))
    word = "falls" if loss else "rises"
    return f"{programme}_{word}", f"{programme.replace('_', ' ')} {word}", ""


def _edge(sampler: Sampler, lo: int, hi: int) -> Edge | None:
    """The step between weekly pay of ``lo`` and ``hi`` (= lo + 1) pennies, if it is more than a penny a week."""
    from benefitcalc.views import summary

    before, after = sampler.pay(lo), sampler.pay(hi)
    exact_before, exact_after = sampler.weekly(before), sampler.weekly(after)
    jump = exact_after["disposable_income"] - exact_before["disposable_income"]
    if abs(jump) <= TOLERANCE:
        return None
    loss = jump < 0
    parts_before, parts_after = _components(before, exact_before), _components(after, exact_after)
    changes = {
        name: parts_after.get(name, ZERO) - parts_before.get(name, ZERO) for name in {*parts_before, *parts_after}
    }
    programme = min(changes, key=lambda n: changes[n]) if loss else max(changes, key=lambda n: changes[n])
    code, label, detail = _cause(sampler, before, after, programme, loss)
    if not loss:
        # A payment that stops at a step up is still the rule the adviser needs to see named
        stopped = [
            n
            for n in sorted(before.programmes)
            if before.programmes[n].amount > 0 and n in after.programmes and after.programmes[n].amount <= 0
        ]
        if stopped:
            rises = label
            programme = stopped[0]
            code, label, detail = _cause(sampler, before, after, programme, True)
            label = f"{label}; but {rises} by more"
    weekly = summary(after, "week")["disposable_income"] - summary(before, "week")["disposable_income"]
    monthly = summary(after, "month")["disposable_income"] - summary(before, "month")["disposable_income"]
    hours = _ceil2(Decimal(hi) / 100 / sampler.rate)
    safe = _floor2(Decimal(lo) / 100 / sampler.rate)
    pay, safe_pay = Decimal(hi) / 100, Decimal(lo) / 100
    name = sampler.scenario.worker.name
    also = _stops_and_starts(before, after)
    recovered = None
    if loss:
        recovered = _recovery(sampler, lo, hi)
        if recovered is not None:
            advice = f"Stay at or below {safe:g} hours, or work at least {recovered.hours:g} hours (£{recovered.gross_weekly_earnings:,.2f} a week) to make up the loss."
        else:
            advice = f"Stay at or below {safe:g} hours: no more hours (up to {MAX_HOURS:g} a week) make up the loss."
        message = (
            f"Cliff edge at {hours:g} hours (£{pay:,.2f} a week): {label}. {name}'s household has £{-monthly:,.2f} a month "
            f"(£{-weekly:,.2f} a week) less than at {safe:g} hours (£{safe_pay:,.2f} a week).{also} {advice}"
        )
    else:
        message = f"From {hours:g} hours (£{pay:,.2f} a week): {label}; {name}'s household has £{monthly:,.2f} a month (£{weekly:,.2f} a week) more.{also}"
    return Edge(hours, pay, safe, safe_pay, code, programme, weekly, monthly, message, detail, label, recovered)


def _recovery(sampler: Sampler, lo: int, hi: int) -> Crossing | None:
    """The first penny of weekly pay past a cliff at which disposable income is back to the safe side's."""
    target = sampler.disposable(sampler.pay(lo))
    back = lambda pennies: sampler.disposable(sampler.pay(pennies)) >= target  # noqa: E731
    highest = sampler.pennies(MAX_HOURS, ROUND_FLOOR)
    previous, step = hi, 64
    while previous < highest:
        probe = min(previous + step, highest)
        if back(probe):
            _, first = _bisect(previous, probe, lambda pennies: not back(pennies))
            return _crossing(sampler, first)
        previous, step = probe, step * 2
    return None


def _stops_and_starts(before: PointResult, after: PointResult) -> str:
    """' New Style ESA (£145.90 a week) stops; ...' for every payment that stops or starts across an edge."""
    from benefitcalc.periods import convert

    words = []
    for name in sorted({*before.programmes, *after.programmes}):
        was = before.programmes.get(name)
        now = after.programmes.get(name)
        was_amount = convert(was.amount, was.period, "week") if was is not None else ZERO
        now_amount = convert(now.amount, now.period, "week") if now is not None else ZERO
        title = TITLES.get(name, name.replace("_", " ").capitalize())
        if was_amount > 0 and now_amount <= 0:
            words.append(f"{title} of £{pence(was_amount):,.2f} a week stops")
        elif was_amount <= 0 < now_amount:
            words.append(f"{title} of £{pence(now_amount):,.2f} a week starts")
    if before.include_passport_values:
        for name in sorted(before.passports):
            was_ok = bool(before.passports[name].fact("entitled"))
            now_ok = bool(after.passports[name].fact("entitled")) if name in after.passports else False
            if was_ok and not now_ok:
                words.append(f"{name.replace('_', ' ').capitalize()} end")
    return (" " + "; ".join(words) + ".") if words else ""


def _bisect(lo: int, hi: int, same: Callable[[int], bool]) -> tuple[int, int]:
    """Narrow (lo, hi] to the first penny where ``same`` turns false; ``same(lo)`` is assumed true and ``same(hi)`` false."""
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if same(mid):
            lo = mid
        else:
            hi = mid
    return lo, hi


def _state_changes(sampler: Sampler, a: Decimal, b: Decimal) -> list[tuple[int, int]]:
    """Every change of :func:`signature` between hours ``a`` and ``b``, each narrowed to one penny of weekly pay."""
    target = signature(sampler.at(b))
    current = signature(sampler.at(a))
    lo = sampler.pennies(a, ROUND_FLOOR)
    hi = sampler.pennies(b, ROUND_CEILING)
    out: list[tuple[int, int]] = []
    for _ in range(32):  # each pass finds the next change; far more than any real interval has
        if current == target or hi - lo < 1:
            break
        state = current
        left, right = _bisect(lo, hi, lambda pennies: signature(sampler.pay(pennies)) == state)
        out.append((left, right))
        current = signature(sampler.pay(right))
        lo = right
    return out


def _find_drop(sampler: Sampler, lo: int, hi: int) -> tuple[int, int] | None:
    """A penny step down in disposable income inside (lo, hi], where the value at hi is below lo's."""
    value = lambda pennies: sampler.disposable(sampler.pay(pennies))  # noqa: E731
    for _ in range(64):
        if hi - lo <= 1:
            return (lo, hi) if value(hi) < value(lo) - TOLERANCE else None
        mid = (lo + hi) // 2
        if value(mid) < value(lo) - TOLERANCE:
            hi = mid
        elif value(hi) < value(mid) - TOLERANCE:
            lo = mid
        else:
            return None  # the fall is spread out, not a step
    return None


PASSPORT_TITLES = {
    "free_school_meals": "Free school meals",
    "healthy_start": "Healthy Start",
    "nhs_charges": "Help with NHS charges (free prescriptions, dental treatment, sight tests)",
}


def _passports_ending(sampler: Sampler, lo: int, hi: int) -> list[PassportEnd]:
    """Passported help not counted in disposable income that stops between two pennies of pay."""
    from benefitcalc.periods import convert

    before, after = sampler.pay(lo), sampler.pay(hi)
    if before.include_passport_values:
        return []  # counted in disposable income: a loss there is a cliff
    out = []
    for name, result in before.passports.items():
        if not result.fact("entitled") or (name in after.passports and after.passports[name].fact("entitled")):
            continue
        worth = result.fact("value_if_entitled", result.amount)
        assert isinstance(worth, Decimal)
        value = pence(convert(worth, result.period, "month"))
        hours, safe = _ceil2(Decimal(hi) / 100 / sampler.rate), _floor2(Decimal(lo) / 100 / sampler.rate)
        title = PASSPORT_TITLES.get(name, name.replace("_", " ").capitalize())
        worth_text = (
            f"worth about £{value:,.2f} a month (an estimate, not counted in disposable income)"
            if value
            else "not given a cash value here"
        )
        message = (
            f"{title} ends at {hours:g} hours (£{Decimal(hi) / 100:,.2f} a week), {worth_text}; "
            f"it continues up to {safe:g} hours (£{Decimal(lo) / 100:,.2f} a week)."
        )
        out.append(PassportEnd(name, hours, Decimal(hi) / 100, safe, Decimal(lo) / 100, value, message))
    return out


def edges(sampler: Sampler, grid: Sequence[Decimal]) -> tuple[list[Edge], list[Edge], list[PassportEnd]]:
    """Cliffs (falls) and gains (rises) in disposable income over the grid of hours, each to the penny,
    and passported help (not counted in disposable income) that ends."""
    found: dict[int, Edge] = {}
    ending: list[PassportEnd] = []
    for a, b in zip(grid, grid[1:]):
        steps = _state_changes(sampler, a, b)
        for lo, hi in steps:
            ending.extend(_passports_ending(sampler, lo, hi))
            if lo <= 0:
                continue  # starting work (work costs, childcare conditions): see break-even instead
            edge = _edge(sampler, lo, hi)
            if edge is not None:
                found.setdefault(hi, edge)
        da, db = sampler.disposable(sampler.at(a)), sampler.disposable(sampler.at(b))
        if (
            db < da - TOLERANCE
            and a > 0
            and not any(
                found[k].weekly_change < 0
                for k in found
                if sampler.pennies(a, ROUND_FLOOR) < k <= sampler.pennies(b, ROUND_CEILING)
            )
        ):
            drop = _find_drop(sampler, sampler.pennies(a, ROUND_FLOOR), sampler.pennies(b, ROUND_CEILING))
            if drop is not None:
                edge = _edge(sampler, *drop)
                if edge is not None:
                    found.setdefault(drop[1], edge)
    ordered = [found[k] for k in sorted(found)]
    falls = [e for e in ordered if e.weekly_change < 0 or (e.weekly_change == 0 and e.monthly_change < 0)]
    return falls, [e for e in ordered if e not in falls], ending


# --- Break-even and the end of Universal Credit ------------------------------------------------


def break_even(sampler: Sampler, grid: Sequence[Decimal], baseline: PointResult) -> Crossing | None:
    """The fewest hours above 0 at which disposable income is at least the baseline's (``None`` if never in range)."""
    target = sampler.disposable(baseline) - Decimal("1E-9")
    ok = lambda pennies: sampler.disposable(sampler.pay(pennies)) >= target  # noqa: E731
    if ok(1):
        return Crossing(ZERO, ZERO) if baseline.hours == 0 else _crossing(sampler, 1)
    previous = ZERO
    for h in grid:
        if h <= 0:
            continue
        if sampler.disposable(sampler.at(h)) >= target:
            low = max(1, sampler.pennies(previous, ROUND_FLOOR))
            _, first = _bisect(low, sampler.pennies(h, ROUND_CEILING), lambda pennies: not ok(pennies))
            return _crossing(sampler, first)
        previous = h
    return None


def universal_credit_ends(sampler: Sampler, grid: Sequence[Decimal]) -> Crossing | None:
    """The fewest hours at which Universal Credit stops (searching past the grid, up to 168 hours)."""
    paid = lambda point: point.programmes["universal_credit"].amount > 0  # noqa: E731
    if not paid(sampler.at(ZERO)):
        return None
    hours = sorted(h for h in grid if h > 0)
    top = hours[-1] if hours else Decimal(8)
    while top < MAX_HOURS:
        top = min(top * 2, MAX_HOURS)
        hours.append(top)
    previous = ZERO
    for h in hours:
        if not paid(sampler.at(h)):
            low, high = sampler.pennies(previous, ROUND_FLOOR), sampler.pennies(h, ROUND_CEILING)
            _, first = _bisect(low, high, lambda pennies: paid(sampler.pay(pennies)))
            return _crossing(sampler, first)
        previous = h
    return None


# --- Childcare: UC's element or Tax-Free Childcare ---------------------------------------------


def childcare_choice(point: PointResult) -> ChildcareChoice | None:
    """Which help with childcare is worth more at this point (monthly), where the household pays for childcare."""
    tfc = point.programmes.get("tax_free_childcare")
    if tfc is None:
        return None
    uc = point.programmes.get("universal_credit")
    award = uc.amount if uc is not None else ZERO
    element = ZERO
    if uc is not None:
        element = next((line.amount for line in uc.lines if line.key == "childcare_element"), ZERO)
    value = tfc.fact("value_if_eligible", ZERO)
    assert isinstance(value, Decimal)
    monthly_tfc = pence(value / 12)
    if award > 0 and monthly_tfc > award:
        better = "tax_free_childcare"
        message = (
            f"Tax-Free Childcare (£{monthly_tfc:,.2f} a month) is worth more than the whole Universal Credit award (£{award:,.2f}), "
            "but choosing it ends UC and the help that comes with UC."
        )
    elif award > 0:
        better = "universal_credit"
        message = f"Universal Credit (£{award:,.2f} a month, with a childcare element of £{pence(element):,.2f}) is worth more than Tax-Free Childcare (£{monthly_tfc:,.2f})."
    elif monthly_tfc > 0:
        better = "tax_free_childcare"
        message = (
            f"Not on Universal Credit here: Tax-Free Childcare pays £{monthly_tfc:,.2f} a month towards childcare."
        )
    else:
        better = "neither"
        message = "Neither Universal Credit nor Tax-Free Childcare helps with childcare here."
    return ChildcareChoice(point.hours, award, pence(element), monthly_tfc, better, message)


# --- Putting it together -----------------------------------------------------------------------


def current_hours(scenario: Scenario) -> Decimal:
    """The client's present hours: ``job.current_hours`` if given, otherwise the job's hours as given."""
    job = scenario.worker.job
    assert job is not None
    return job.current_hours if job.current_hours is not None else job.hours


def baseline_hours(scenario: Scenario, baseline: str) -> Decimal:
    if baseline not in BASELINES:
        raise ScenarioError(
            f"{baseline!r} is not allowed; allowed: zero (0 hours), current (the client's present hours)", "baseline"
        )
    return current_hours(scenario) if baseline == "current" else ZERO


def headline(analysis: Analysis) -> str | None:
    """The summary line: 'Working 16 hours leaves Sam £74.20 a week (£321.53 a month) better off than not working: ...'."""
    from benefitcalc.views import summary

    base = analysis.baseline
    job = analysis.scenario.worker.job
    assert job is not None
    candidates = [p for p in analysis.points if p.hours != base.hours]
    if not candidates:
        return None
    point = next((p for p in candidates if p.hours == job.hours), max(candidates, key=lambda p: p.hours))
    weekly = summary(point, "week")["disposable_income"] - summary(base, "week")["disposable_income"]
    monthly = summary(point, "month")["disposable_income"] - summary(base, "month")["disposable_income"]
    name = analysis.scenario.worker.name
    than = "not working" if base.hours == 0 else f"working {base.hours:g} hours now"
    if weekly == 0:
        text = f"Working {point.hours:g} hours leaves {name} no better and no worse off a week than {than}"
    else:
        word = "better" if weekly > 0 else "worse"
        text = f"Working {point.hours:g} hours leaves {name} £{abs(weekly):,.2f} a week (£{abs(monthly):,.2f} a month) {word} off than {than}"
    extra = point.hours - base.hours
    each = "each hour worked" if base.hours == 0 else ("each extra hour" if extra > 0 else "each hour less")
    return f"{text}: £{pence(weekly / extra):,.2f} for {each}."


def _rate(change: Decimal, gross: Decimal) -> Decimal | None:
    if gross == 0:
        return None
    return (1 - change / gross).quantize(RATE_QUANTUM, rounding=ROUND_HALF_UP)


def analyse(scenario: Scenario, ctx: Context, points: Sequence[PointResult], baseline: PointResult) -> Analysis:
    """Better-off figures, tax rates, cliffs, break-even, the end of UC and the childcare choice for ``points``."""
    sampler = Sampler(scenario, ctx, [*points, baseline])
    chosen = tuple(sampler.at(p.hours) for p in points)
    base = sampler.at(baseline.hours)
    kind = "zero" if base.hours == 0 else "current"

    base_money = sampler.weekly(base)
    order = sorted(range(len(chosen)), key=lambda i: chosen[i].hours)
    marginal: list[Decimal | None] = [None] * len(chosen)
    for before, after in zip(order, order[1:]):
        a, b = sampler.weekly(chosen[before]), sampler.weekly(chosen[after])
        marginal[after] = _rate(resources(b) - resources(a), b["gross_earnings"] - a["gross_earnings"])
    participation: list[Decimal | None] = []
    for point in chosen:
        money = sampler.weekly(point)
        participation.append(
            _rate(resources(money) - resources(base_money), money["gross_earnings"] - base_money["gross_earnings"])
        )

    top = max([p.hours for p in chosen] + [base.hours])
    step = GRID_STEP * max(
        1, (top / (GRID_STEP * MAX_GRID_STEPS)).to_integral_value(rounding=ROUND_CEILING)
    )  # coarser past 40 hours
    grid = sorted({*(p.hours for p in chosen), base.hours, *(step * i for i in range(int(top / step) + 1))})
    cliffs, gains, ending = edges(sampler, grid) if top > 0 else ([], [], [])
    return Analysis(
        scenario=scenario,
        points=chosen,
        baseline=base,
        baseline_kind=kind,
        marginal_rates=tuple(marginal),
        participation_rates=tuple(participation),
        cliffs=tuple(cliffs),
        gains=tuple(gains),
        passports_end=tuple(ending),
        break_even=break_even(sampler, grid, base) if top > 0 else None,
        universal_credit_ends=universal_credit_ends(sampler, grid),
        childcare=tuple(childcare_choice(p) for p in chosen),
        searched_to_hours=top,
    )


def run(scenario: Scenario, hours: Iterable[Decimal], ctx: Context, baseline: str = "zero") -> Analysis:
    """Work out the points and analyse them: the library's one call for a better-off analysis."""
    base_hours = baseline_hours(scenario, baseline)
    sampler_points = [calculate_point(scenario.with_hours(h), ctx) for h in hours]
    base = next((p for p in sampler_points if p.hours == base_hours), None) or calculate_point(
        scenario.with_hours(base_hours), ctx
    )
    return analyse(scenario, ctx, sampler_points, base)
