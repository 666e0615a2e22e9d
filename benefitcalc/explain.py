"""`benefitcalc explain`: the whole calculation for one number of hours, step by step, in plain words.

A view of the engine's breakdown and nothing more: every step is a :class:`Line` the engine wrote,
with its figure (in the period the law works in) and the parameters behind it, each with its
value and its source (the regulation or the rates page). The closing summary is the same money
as the JSON document's point. This is what an adviser reads to check the tool, and what a tribunal
would ask for.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from msgspec import Struct

from benefitcalc import __version__, registry
from benefitcalc.analysis import Sampler, baseline_hours
from benefitcalc.breakdown import Line, PointResult
from benefitcalc.engine import Context
from benefitcalc.loader import Param
from benefitcalc.periods import pence
from benefitcalc.scenario import Scenario
from benefitcalc.summary import benefit_amounts, summary
from benefitcalc.views import value_json

# The order the engine works in (benefitcalc.registry.STAGES): what each programme reads comes first.
ORDER: tuple[str, ...] = tuple(spec.key for spec in registry.engine_order())


def _title(key: str) -> str:
    return registry.BY_KEY[key].title if key in registry.BY_KEY else key.replace("_", " ").capitalize()


PERIOD_WORDS = {
    "week": "a week",
    "month": "a month",
    "year": "a year",
    "fortnight": "a fortnight",
    "four_weeks": "every four weeks",
}


class Step(Struct, frozen=True):
    key: str
    text: str
    amount: Decimal
    period: str
    params: tuple[Param, ...]
    note: str = ""


class Section(Struct, frozen=True):
    key: str  # the breakdown key: "earnings.Sam", "income_tax.Sam", "universal_credit", ...
    title: str
    steps: tuple[Step, ...]


class Explanation(Struct, frozen=True):
    scenario: Scenario
    ctx: Context
    point: PointResult
    baseline: PointResult
    sections: tuple[Section, ...]
    period: str


def _steps(lines: tuple[Line, ...]) -> tuple[Step, ...]:
    return tuple(Step(line.key, line.label, line.amount, line.period, line.params, line.note) for line in lines)


def explain(
    scenario: Scenario, ctx: Context, hours: Decimal, baseline: str = "zero", period: str = "week"
) -> Explanation:
    """The calculation at ``hours``, section by section in the order the engine works (for a worker
    with only a business, 0 hours is the household without it)."""
    sampler = Sampler(scenario, ctx)
    point = sampler.at(hours)
    base = sampler.at(baseline_hours(scenario, baseline))
    sections: list[Section] = []
    for e in point.earnings:
        if e.lines:
            sections.append(Section(f"earnings.{e.name}", f"Pay: {e.name}", _steps(e.lines)))
    for t in point.tax:
        if t.lines:
            sections.append(Section(f"income_tax.{t.name}", f"Income tax: {t.name}", _steps(t.lines)))
    names = [n for n in ORDER if n in point.programmes] + [n for n in point.programmes if n not in ORDER]
    for name in names:
        sections.append(Section(name, _title(name), _steps(point.programmes[name].lines)))
    for name, result in point.passports.items():
        title = _title(name)
        counted = (
            "counted in disposable income"
            if point.include_passport_values
            else "an estimate, not counted in disposable income"
        )
        sections.append(Section(name, f"{title} ({counted})", _steps(result.lines)))
    return Explanation(scenario, ctx, point, base, tuple(sections), period)


# --- views -------------------------------------------------------------------------------------


def _param_json(param: Param) -> dict[str, Any]:
    return {
        "parameter": param.path,
        "value": value_json(param.value),
        "unit": param.unit,
        "period": param.period,
        "effective_from": param.effective_from.isoformat(),
        "sources": [{"title": r.title, "href": r.href} for r in param.reference],
    }


def _summary_rows(explanation: Explanation) -> list[tuple[str, str, Decimal]]:
    """(key, words, amount) for the closing summary, in the explanation's period, rounded as in the JSON."""
    period = explanation.period
    money = summary(explanation.point, period)
    base = summary(explanation.baseline, period)
    rows = [
        ("gross_earnings", "Gross pay", money["gross_earnings"]),
        ("income_tax", "less income tax (on pay and taxable benefits)", -money["income_tax"]),
        ("national_insurance", "less National Insurance", -money["national_insurance"]),
        ("pension_contributions", "less pension contributions", -money["pension_contributions"]),
        ("net_earnings", "Net pay", money["net_earnings"]),
    ]
    for name, amount in benefit_amounts(explanation.point, period).items():
        if amount:
            rows.append((f"benefits.{name}", f"plus {registry.title(name)}", amount))
    if money["high_income_child_benefit_charge"]:
        rows.append(
            (
                "high_income_child_benefit_charge",
                "less the High Income Child Benefit Charge",
                -money["high_income_child_benefit_charge"],
            )
        )
    rows.append(("net_income", "Net income", money["net_income"]))
    if money["passported_help_value"]:
        rows.append(("passported_help_value", "plus passported help (estimated value)", money["passported_help_value"]))
    if money["tax_free_childcare"]:
        rows.append(("tax_free_childcare", "plus the Tax-Free Childcare top-up", money["tax_free_childcare"]))
    for key, words in (
        ("housing_costs", "less rent and service charges"),
        ("council_tax", "less council tax"),
        ("childcare_costs", "less childcare"),
        ("work_costs", "less work costs"),
    ):
        if money[key]:
            rows.append((key, words, -money[key]))
    rows.append(("disposable_income", "Left to live on (disposable income)", money["disposable_income"]))
    than = "not working" if explanation.baseline.hours == 0 else f"working {explanation.baseline.hours:g} hours now"
    if explanation.scenario.worker.job is None and explanation.baseline.hours == 0:
        than = "without the business"
    when = than if than == "without the business" else f"when {than}"
    rows.append(("baseline_disposable_income", f"Left to live on {when}", base["disposable_income"]))
    rows.append(("better_off", f"Better off than {than}", money["disposable_income"] - base["disposable_income"]))
    return rows


def assumptions(explanation: Explanation) -> list[str]:
    """What the figures at this point assume that the steps do not show, in plain words."""
    point = explanation.point
    taxed = [registry.title(k) for k in registry.taxable() if k in point.programmes and point.programmes[k].amount > 0]
    working = any(e.gross > 0 for e in point.earnings)
    if "universal_credit" not in point.programmes or not (taxed and working):
        return []
    names = " and ".join(taxed)
    if explanation.scenario.universal_credit_tax_deduction == "earnings_only":
        return [
            f"Tax on benefits: Universal Credit counts pay after the income tax on pay alone; the tax on {names} is "
            "left out (universal_credit_tax_deduction: earnings_only)."
        ]
    return [
        f"Tax on benefits: income tax on {names} is collected through the tax code of the job (PAYE), so it is "
        "taken from pay, and Universal Credit counts pay after all the tax taken (UC Regs 2013 reg 55(5); "
        "earnings from RTI). To count only the tax on pay, set universal_credit_tax_deduction: earnings_only."
    ]


# The engine's words on self-employment (UC Regs 2013 regs 57, 62-64), in the order an adviser reads them.
SELF_EMPLOYMENT_CODES = (
    "minimum_income_floor",
    "minimum_income_floor_after_start_up",
    "start_up_period_ends",
    "not_gainfully_self_employed",
    "self_employed_loss",
    "self_employed_reporting",
)


def self_employment(explanation: Explanation) -> list[str]:
    """Each business in plain words: its profit a month, then the minimum income floor (what UC treats
    the adult as earning, and whether it lifts earnings here), the end of the start-up period, and
    what to record and report each month."""
    point = explanation.point
    out: list[str] = []
    for e in point.earnings:
        business = e.self_employment
        if business is None:
            continue
        profit = pence(business.profit / 12)
        taken = ""
        if business.receipts is not None:
            taken = (
                f" (£{pence(business.receipts / 12):,.2f} taken in less £{pence(business.expenses / 12):,.2f} costs)"
            )
        word = "profit" if profit >= 0 else "a loss of"
        out.append(f"{e.name}'s business: {word} £{abs(profit):,.2f} a month{taken}, {business.hours:g} hours a week.")
    uc = point.programmes.get("universal_credit")
    lift = next((line.amount for line in uc.lines if line.key == "minimum_income_floor"), None) if uc else None
    if lift:
        out.append(
            f"The minimum income floor lifts the earnings Universal Credit counts by £{pence(lift):,.2f} a month "
            "here: below the floor, more profit does not raise Universal Credit."
        )
    for code in SELF_EMPLOYMENT_CODES:
        out.extend(w.message for w in point.warnings if w.code == code)
    return out


def to_json(explanation: Explanation) -> dict[str, Any]:
    """``benefitcalc explain --json``: the same steps as structured data."""
    ctx = explanation.ctx
    return {
        "benefitcalc": __version__,
        "rules": {
            "version": ctx.rules.version,
            "digest": ctx.rules.digest,
            "date": ctx.day.isoformat(),
            "tax_year": ctx.tax_year,
        },
        "person": explanation.scenario.worker.name,
        "hours": float(explanation.point.hours),
        "baseline_hours": float(explanation.baseline.hours),
        "period": explanation.period,
        "sections": [
            {
                "key": section.key,
                "title": section.title,
                "steps": [
                    {
                        "key": step.key,
                        "text": step.text,
                        "amount": float(pence(step.amount)),
                        "period": step.period,
                        **({"note": step.note} if step.note else {}),
                        "rules": [_param_json(param) for param in step.params],
                    }
                    for step in section.steps
                ],
            }
            for section in explanation.sections
        ],
        "summary": [
            {"key": key, "text": words, "amount": float(amount)} for key, words, amount in _summary_rows(explanation)
        ],
        "assumptions": assumptions(explanation),
        "self_employment": self_employment(explanation),
        "warnings": [{"code": w.code, "message": w.message} for w in explanation.point.warnings],
    }


def _number(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _value_text(param: Param) -> str:
    value = param.value
    if value is None:
        return "none (abolished)"
    if isinstance(value, tuple):
        return "; ".join(
            f"{_number(row.rate * 100)}% above £{row.threshold:,}"
            if hasattr(row, "rate")
            else ", ".join(f"{k} {v}" for k, v in dict(row).items())
            for row in value
        )
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        return str(value)
    if param.unit == "currency-GBP":
        return f"£{value:,}" + (f" {PERIOD_WORDS.get(param.period, '')}" if param.period != "none" else "")
    if param.unit == "/1":
        return f"{_number(Decimal(value) * 100)}%"
    if param.unit in ("hour", "year"):
        return f"{_number(Decimal(value))} {param.unit}s"
    return _number(Decimal(value))


def render(explanation: Explanation) -> str:
    """Plain text: numbered sections and steps, each with its figure and its sources."""
    ctx = explanation.ctx
    name = explanation.scenario.worker.name
    point = explanation.point
    out = [
        f"How {name}'s money is worked out at {point.hours:g} hours a week",
        f"Rules {ctx.rules.version} (digest {ctx.rules.digest}) in force on {ctx.day.isoformat()}, "
        f"tax year {ctx.tax_year}.",
        "Each step shows its figure in the period the law works in; "
        f"the summary at the end is in £ {PERIOD_WORDS[explanation.period]}.",
        "",
    ]
    for number, section in enumerate(explanation.sections, 1):
        out.append(f"{number}. {section.title}")
        for index, step in enumerate(section.steps, 1):
            figure = f"£{pence(step.amount):,.2f} {PERIOD_WORDS.get(step.period, step.period)}"
            out.append(f"   {number}.{index} {step.text}: {figure}")
            if step.note:
                out.append(f"        note: {step.note}")
            for param in step.params:
                ref = param.reference[0] if param.reference else None
                source = f" - {ref.title} <{ref.href}>" if ref else ""
                out.append(
                    f"        {param.path} = {_value_text(param)} (from {param.effective_from.isoformat()}){source}"
                )
        out.append("")
    out.append(f"Summary, £ {PERIOD_WORDS[explanation.period]}:")
    rows = _summary_rows(explanation)
    width = max(len(words) for _, words, _ in rows)
    for _, words, amount in rows:
        out.append(f"   {words.ljust(width)}  {amount:>12,.2f}")
    assumed = assumptions(explanation)
    if assumed:
        out.extend(["", "Assumptions:"])
        out.extend(f"   - {text}" for text in assumed)
    business = self_employment(explanation)
    if business:
        out.extend(["", "Self-employment:"])
        out.extend(f"   - {text}" for text in business)
    others = [w for w in point.warnings if w.code not in SELF_EMPLOYMENT_CODES]
    if others:
        out.append("")
        out.append("Warnings:")
        out.extend(f"   - {w.message}" for w in others)
    return "\n".join(out)
