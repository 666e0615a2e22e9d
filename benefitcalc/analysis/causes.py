"""What changes across an edge, and what the rule behind it is called.

The parts of disposable income (:func:`components`) are each programme of the point, the passported
help where it is counted, and the registry's components (pay's deductions, housing and council tax,
childcare, work costs), each signed so that more is better. The cause of an edge is named from the
registry (:mod:`benefitcalc.registry`): the code and label of the programme or component whose
change leads it, with the rule's own figures where the label needs them.
"""

from __future__ import annotations

from decimal import Decimal

from benefitcalc import registry
from benefitcalc.analysis.results import Change
from benefitcalc.analysis.sampling import Sampler
from benefitcalc.breakdown import PointResult
from benefitcalc.loader import Param
from benefitcalc.periods import ZERO, convert
from benefitcalc.summary import parts

# The parts of the exact weekly summary that are not programmes, with their sign: Tax-Free
# Childcare (worked out by the analysis) and every component but pay, which is what moves.
_MONEY_ITEMS: tuple[tuple[str, int], ...] = (("tax_free_childcare", 1),) + tuple(
    (c.key, c.sign) for c in registry.COMPONENTS if c.key != "earnings"
)


def components(point: PointResult, money: dict[str, Decimal]) -> dict[str, Decimal]:
    """Each part of disposable income, weekly and exact, signed so that more is better."""
    out: dict[str, Decimal] = {}
    for name, result in point.programmes.items():
        if name == "tax_free_childcare":
            continue
        out[name] = convert(result.amount, result.period, "week")
    if point.include_passport_values:
        for name, result in point.passports.items():
            out[name] = convert(result.amount, result.period, "week")
    for key, sign in _MONEY_ITEMS:
        out[key] = money[key] if sign > 0 else -money[key]
    return out


def changes(before: PointResult, after: PointResult) -> tuple[Change, ...]:
    """Every part of disposable income that changes from ``before`` to ``after``, a week and a month,
    rounded as the points are: they add up exactly to the change in disposable income."""
    week_before, week_after = parts(before, "week"), parts(after, "week")
    month_before, month_after = parts(before, "month"), parts(after, "month")
    out = []
    for key in dict.fromkeys([*week_before, *week_after]):
        was, now = week_before.get(key, ZERO), week_after.get(key, ZERO)
        monthly = month_after.get(key, ZERO) - month_before.get(key, ZERO)
        if now != was or monthly:
            out.append(Change(key, now - was, monthly, was, now))
    return tuple(out)


def _value(sampler: Sampler, path: str) -> object:
    param = sampler.ctx.params.get(path)
    assert isinstance(param, Param), path
    return param.value


def _esa_label(sampler: Sampler, before: PointResult, after: PointResult) -> str:
    """Which of the permitted-work limits an ESA edge is (ESA Regs 2013 reg 39)."""
    limit = _value(sampler, "dwp.new_style_esa.permitted_work.hours_limit")
    assert isinstance(limit, Decimal | int)
    if before.hours < limit <= after.hours:
        return f"the 16-hour rule: permitted work on New Style ESA must be under {limit} hours a week"
    if before.hours >= limit and not sampler.scenario.worker.supported_permitted_work:
        lower = _value(sampler, "dwp.new_style_esa.permitted_work.lower_limit")
        return f"the ESA permitted-work lower limit (£{lower} a week at {limit} hours or more)"
    higher = _value(sampler, "dwp.new_style_esa.permitted_work.higher_limit")
    return f"the ESA permitted-work limit (£{higher} a week after tax, NI and half of pension contributions)"


_CARER_LIMITS = {
    "carers_allowance": "dwp.carers_allowance.earnings_limit",
    "carer_support_payment": "social_security_scotland.carer_support_payment.earnings_limit",
}


def _universal_credit_cause(
    before: PointResult, after: PointResult, new: dict[str, str], gone: dict[str, str], loss: bool
) -> tuple[str, str, str]:
    """UC's edges: the benefit cap (regs 78-83), UC ending, or UC falling or rising."""
    spec = registry.spec("universal_credit")
    other = {c.code: c for c in spec.other_causes}
    if "benefit_cap_applies" in new or "benefit_cap_applies" in gone:
        cap = other["benefit_cap"]
        return cap.code, cap.adviser, new.get("benefit_cap_applies", gone.get("benefit_cap_applies", ""))
    if after.programmes["universal_credit"].amount <= 0 < before.programmes["universal_credit"].amount:
        ends = other["universal_credit_ends"]
        return ends.code, ends.adviser, ""
    cause = spec.cause if loss or spec.gain_cause is None else spec.gain_cause
    assert cause is not None
    return cause.code, cause.adviser, ""


def cause(
    sampler: Sampler, before: PointResult, after: PointResult, programme: str, loss: bool
) -> tuple[str, str, str]:
    """(cause code, plain label, the engine's own warning text) for an edge led by ``programme``."""
    new = {w.code: w.message for w in after.warnings if w.code not in {x.code for x in before.warnings}}
    gone = {w.code: w.message for w in before.warnings if w.code not in {x.code for x in after.warnings}}
    if programme == "universal_credit":
        return _universal_credit_cause(before, after, new, gone, loss)
    spec = registry.BY_KEY.get(programme) or registry.COMPONENT_BY_KEY.get(programme)
    found = spec.cause if spec is not None else None
    if isinstance(spec, registry.ProgrammeSpec) and not loss and spec.gain_cause is not None:
        return spec.gain_cause.code, spec.gain_cause.adviser, ""
    if found is None:
        word = "falls" if loss else "rises"
        name = registry.title(programme) if programme == "earnings" else programme.replace("_", " ")
        return f"{programme}_{word}", f"{name} {word}", ""
    label = found.adviser
    if programme == "new_style_esa":
        label = _esa_label(sampler, before, after)
    elif programme in _CARER_LIMITS:
        limit = _value(sampler, _CARER_LIMITS[programme])
        label = f"{label} (£{limit} a week after tax, NI, half of pension contributions and care costs)"
    return found.code, label, new.get(found.code, gone.get(found.code, ""))
