"""Views of results: the JSON document (the embedding contract, docs/json.md), a table and CSV.

Each amount is converted from the period its programme works in to the requested period, then
rounded to pence; totals are sums of the rounded parts, so the parts always add up.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from benefitcalc import __version__
from benefitcalc.breakdown import Line, PointResult, ProgrammeResult
from benefitcalc.engine import PROGRAMMES, Context, not_modelled
from benefitcalc.loader import Bracket, Param
from benefitcalc.periods import ZERO, convert, pence
from benefitcalc.scenario import Scenario

SUMMARY_KEYS = (
    "gross_earnings",
    "income_tax",
    "national_insurance",
    "pension_contributions",
    "net_earnings",
    "total_benefits",
    "high_income_child_benefit_charge",
    "net_income",
    "housing_costs",
    "council_tax",
    "childcare_costs",
    "work_costs",
    "disposable_income",
)


def _in(amount: Decimal, source: str, period: str) -> Decimal:
    return pence(convert(amount, source, period))


_rounded = _in


def _exact(amount: Decimal, source: str, period: str) -> Decimal:
    return convert(amount, source, period)


def benefit_amounts(point: PointResult, period: str) -> dict[str, Decimal]:
    out = {}
    for name in PROGRAMMES:
        result = point.programmes.get(name)
        out[name] = _in(result.amount, result.period, period) if result is not None else Decimal("0.00")
    return out


def summary(point: PointResult, period: str, exact: bool = False) -> dict[str, Decimal]:
    """Household money for one point in ``period``, each figure in pence; totals add up exactly.

    ``exact=True`` skips the rounding to pence (the better-off analysis compares neighbouring
    pennies of pay, where display rounding would hide or invent a step).
    """
    cached = point.summaries.get((period, exact))
    if cached is None:
        cached = point.summaries[(period, exact)] = _summary(point, period, exact)
    return dict(cached)


def _summary(point: PointResult, period: str, exact: bool) -> dict[str, Decimal]:
    _in = _exact if exact else _rounded
    gross = sum((_in(e.gross, "year", period) for e in point.earnings), ZERO)
    tax = sum((_in(t.income_tax, "year", period) for t in point.tax), ZERO)
    ni = sum((_in(e.national_insurance, "year", period) for e in point.earnings), ZERO)
    pension = sum((_in(e.pension, "year", period) for e in point.earnings), ZERO)
    net_earnings = gross - tax - ni - pension
    total_benefits = ZERO
    for name in PROGRAMMES:
        result = point.programmes.get(name)
        if result is not None:
            total_benefits += _in(result.amount, result.period, period)
    hicbc = _in(point.high_income_child_benefit_charge, "year", period)
    net_income = net_earnings + total_benefits - hicbc
    passport_value = ZERO
    if point.include_passport_values:
        passport_value = sum((_in(r.amount, r.period, period) for r in point.passports.values()), ZERO)
    tfc = point.programmes.get("tax_free_childcare")
    tax_free_childcare = _in(tfc.amount, tfc.period, period) if tfc is not None else ZERO
    housing = _in(point.housing_costs, "month", period)
    council_tax = _in(point.council_tax, "month", period)
    childcare = _in(point.childcare_costs, "month", period)
    work = _in(point.work_costs, "month", period)
    return {
        "gross_earnings": gross,
        "income_tax": tax,
        "national_insurance": ni,
        "pension_contributions": pension,
        "net_earnings": net_earnings,
        "total_benefits": total_benefits,
        "high_income_child_benefit_charge": hicbc,
        "net_income": net_income,
        "housing_costs": housing,
        "council_tax": council_tax,
        "childcare_costs": childcare,
        "work_costs": work,
        "passported_help_value": passport_value,
        "tax_free_childcare": tax_free_childcare,
        "disposable_income": net_income
        + passport_value
        + tax_free_childcare
        - housing
        - council_tax
        - childcare
        - work,
    }


def _money(value: Decimal) -> float:
    """JSON number for an amount already rounded to pence."""
    return float(value)


def _line_json(line: Line) -> dict[str, Any]:
    out: dict[str, Any] = {
        "amount": _money(pence(line.amount)),
        "period": line.period,
        "label": line.label,
        "rules": [param.path for param in line.params],
    }
    if line.note:
        out["note"] = line.note
    return out


def _programme_json(result: ProgrammeResult) -> dict[str, Any]:
    out: dict[str, Any] = {line.key: _line_json(line) for line in result.lines}
    for key, value in result.facts:
        out.setdefault("facts", {})[key] = _plain(value)
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def value_json(value: Any) -> Any:
    """A parameter value as plain JSON (scales as threshold/rate rows, tables as rows)."""
    if isinstance(value, tuple):
        return [
            {"threshold": float(row.threshold), "rate": float(row.rate)}
            if isinstance(row, Bracket)
            else _plain(dict(row))
            for row in value
        ]
    return _plain(value)


def _params_used(points: Sequence[PointResult]) -> dict[str, Param]:
    used: dict[str, Param] = {}
    for point in points:
        lines: list[Line] = []
        for e in point.earnings:
            lines.extend(e.lines)
        for t in point.tax:
            lines.extend(t.lines)
        for result in (*point.programmes.values(), *point.passports.values()):
            lines.extend(result.lines)
        for line in lines:
            for param in line.params:
                used.setdefault(param.path, param)
    return dict(sorted(used.items()))


def point_json(
    point: PointResult,
    baseline: PointResult,
    period: str,
    marginal_rate: Decimal | None = None,
    participation_rate: Decimal | None = None,
    childcare: Any = None,
) -> dict[str, Any]:
    """One point of the document; the rates and the childcare choice come from :mod:`benefitcalc.analysis`."""
    money = summary(point, period)
    base = summary(baseline, period)
    benefits = benefit_amounts(point, period)
    people = []
    for e, t in zip(point.earnings, point.tax):
        gross = _in(e.gross, "year", period)
        tax = _in(t.income_tax, "year", period)
        ni = _in(e.national_insurance, "year", period)
        pension = _in(e.pension, "year", period)
        people.append(
            {
                "name": e.name,
                "hours": float(e.hours),
                "gross_earnings": _money(gross),
                "income_tax": _money(tax),
                "national_insurance": _money(ni),
                "pension_contributions": _money(pension),
                "net_earnings": _money(gross - tax - ni - pension),
                "adjusted_net_income": _money(pence(t.adjusted_net_income)),
            }
        )
    breakdown: dict[str, Any] = {
        "earnings": {e.name: {line.key: _line_json(line) for line in e.lines} for e in point.earnings},
        "income_tax": {t.name: {line.key: _line_json(line) for line in t.lines} for t in point.tax},
    }
    for name, result in point.programmes.items():
        breakdown[name] = _programme_json(result)
    for name, result in point.passports.items():
        breakdown[name] = _programme_json(result)
    out: dict[str, Any] = {"hours": float(point.hours)}
    for key in ("gross_earnings", "income_tax", "national_insurance", "pension_contributions", "net_earnings"):
        out[key] = _money(money[key])
    out["benefits"] = {k: _money(v) for k, v in benefits.items()}
    for key in (
        "high_income_child_benefit_charge",
        "total_benefits",
        "net_income",
        "housing_costs",
        "council_tax",
        "childcare_costs",
        "tax_free_childcare",
        "work_costs",
        "disposable_income",
    ):
        out[key] = _money(money[key])
    out["better_off"] = _money(money["disposable_income"] - base["disposable_income"])
    weekly = summary(point, "week")["disposable_income"] - summary(baseline, "week")["disposable_income"]
    monthly = summary(point, "month")["disposable_income"] - summary(baseline, "month")["disposable_income"]
    out["better_off_weekly"] = _money(weekly)
    out["better_off_monthly"] = _money(monthly)
    extra_hours = point.hours - baseline.hours
    out["better_off_per_hour"] = _money(pence(weekly / extra_hours)) if extra_hours else None
    out["marginal_effective_tax_rate"] = float(marginal_rate) if marginal_rate is not None else None
    out["participation_tax_rate"] = float(participation_rate) if participation_rate is not None else None
    if childcare is not None:
        out["childcare_support"] = {
            "universal_credit": _money(childcare.universal_credit),
            "universal_credit_childcare_element": _money(childcare.universal_credit_childcare_element),
            "tax_free_childcare": _money(childcare.tax_free_childcare),
            "better": childcare.better,
            "message": childcare.message,
        }
    out["passports"] = {
        name: {
            "entitled": bool(result.fact("entitled")),
            "estimated_value": _money(_in(result.amount, result.period, period)),
            "value_if_entitled": _money(_in(result.fact("value_if_entitled", ZERO), result.period, period)),  # type: ignore[arg-type]
            "included_in_disposable_income": point.include_passport_values,
            "reason": result.lines[0].label,
        }
        for name, result in point.passports.items()
    }
    out["people"] = people
    out["breakdown"] = breakdown
    out["warnings"] = [{"code": w.code, "message": w.message} for w in point.warnings]
    return out


def edge_json(edge: Any) -> dict[str, Any]:
    """A cliff edge (or a gain) as JSON: see docs/json.md, "The better-off analysis"."""
    return {
        "hours": float(edge.hours),
        "gross_weekly_earnings": _money(edge.gross_weekly_earnings),
        "cause": edge.cause,
        "programme": edge.programme,
        "monthly_loss" if edge.monthly_change < 0 else "monthly_gain": _money(abs(edge.monthly_change)),
        "weekly_loss" if edge.monthly_change < 0 else "weekly_gain": _money(abs(edge.weekly_change)),
        "safe_hours": float(edge.safe_hours),
        "safe_gross_weekly_earnings": _money(edge.safe_gross_weekly_earnings),
        "recovered_at_hours": None if edge.recovered is None else float(edge.recovered.hours),
        "recovered_at_gross_weekly_earnings": None
        if edge.recovered is None
        else _money(edge.recovered.gross_weekly_earnings),
        "summary": edge.summary,
        "message": edge.message,
        "detail": edge.detail,
    }


def document(
    scenario: Scenario,
    ctx: Context,
    points: Sequence[PointResult],
    baseline: PointResult,
    period: str,
    analysis: Any = None,
) -> dict[str, Any]:
    """The JSON document for a sweep (or one point): see docs/json.md.

    ``analysis`` is a :class:`benefitcalc.analysis.Analysis` of these points; it is worked out here
    when not given (the analysis adds Tax-Free Childcare, the tax rates, cliffs and crossings).
    """
    from benefitcalc.analysis import analyse, headline

    if analysis is None:
        analysis = analyse(scenario, ctx, points, baseline)
    points, baseline = analysis.points, analysis.baseline
    used = _params_used([*points, baseline])
    crossing = lambda c: None if c is None else float(c.hours)  # noqa: E731
    return {
        "benefitcalc": __version__,
        "rules": {
            "version": ctx.rules.version,
            "digest": ctx.rules.digest,
            "date": ctx.day.isoformat(),
            "tax_year": ctx.tax_year,
        },
        "period": period,
        "person": scenario.worker.name,
        "baseline_hours": float(baseline.hours),
        "baseline": "current" if analysis.baseline_kind == "current" else "zero",
        "points": [
            point_json(
                point,
                baseline,
                period,
                analysis.marginal_rates[i],
                analysis.participation_rates[i],
                analysis.childcare[i],
            )
            for i, point in enumerate(points)
        ],
        "cliffs": [edge_json(edge) for edge in analysis.cliffs],
        "gains": [edge_json(edge) for edge in analysis.gains],
        "passports_end": [
            {
                "passport": end.passport,
                "hours": float(end.hours),
                "gross_weekly_earnings": _money(end.gross_weekly_earnings),
                "safe_hours": float(end.safe_hours),
                "safe_gross_weekly_earnings": _money(end.safe_gross_weekly_earnings),
                "estimated_monthly_value": _money(end.monthly_value),
                "message": end.message,
            }
            for end in analysis.passports_end
        ],
        "break_even_hours": crossing(analysis.break_even),
        "break_even_gross_weekly_earnings": None
        if analysis.break_even is None
        else _money(analysis.break_even.gross_weekly_earnings),
        "universal_credit_ends_at_hours": crossing(analysis.universal_credit_ends),
        "universal_credit_ends_at_gross_weekly_earnings": None
        if analysis.universal_credit_ends is None
        else _money(analysis.universal_credit_ends.gross_weekly_earnings),
        "searched_to_hours": float(analysis.searched_to_hours),
        "summary": headline(analysis),
        "not_modelled": not_modelled(scenario),
        "references": {
            path: {
                "value": value_json(param.value),
                "unit": param.unit,
                "period": param.period,
                "effective_from": param.effective_from.isoformat(),
                "description": param.description,
                "reference": [{"title": r.title, "href": r.href} for r in param.reference],
            }
            for path, param in used.items()
        },
    }


TABLE_COLUMNS = (
    ("hours", "Hours"),
    ("gross_earnings", "Gross pay"),
    ("deductions", "Tax+NI+pension"),
    ("universal_credit", "UC"),
    ("other_benefits", "Other benefits"),
    ("net_income", "Net income"),
    ("costs", "Housing+CT+care+work"),
    ("tax_free_childcare", "Tax-Free Childcare"),
    ("disposable_income", "Left to live on"),
    ("better_off", "Better off"),
    ("marginal_effective_tax_rate", "Marginal rate"),
)


def table_rows(doc: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for point in doc["points"]:
        uc = point["benefits"]["universal_credit"]
        rows.append(
            {
                "hours": point["hours"],
                "gross_earnings": point["gross_earnings"],
                "deductions": round(
                    point["income_tax"] + point["national_insurance"] + point["pension_contributions"], 2
                ),
                "universal_credit": uc,
                "other_benefits": round(point["total_benefits"] - uc, 2),
                "net_income": point["net_income"],
                "costs": round(
                    point["housing_costs"] + point["council_tax"] + point["childcare_costs"] + point["work_costs"], 2
                ),
                "tax_free_childcare": point.get("tax_free_childcare", 0.0),
                "disposable_income": point["disposable_income"],
                "better_off": point["better_off"],
                "marginal_effective_tax_rate": point.get("marginal_effective_tax_rate"),
            }
        )
    return rows


# ANSI styles for the terminal table; click strips them when the output is not a terminal.
_STYLE = {"bold": "\x1b[1m", "red": "\x1b[31m", "green": "\x1b[32m", "yellow": "\x1b[33m", "dim": "\x1b[2m"}
_RESET = "\x1b[0m"


def _paint(text: str, style: str | None, color: bool) -> str:
    if not color or not style:
        return text
    return "".join(_STYLE[s] for s in style.split("+")) + text + _RESET


def _money_text(value: float | None) -> str:
    return "-" if value is None else f"£{value:,.2f}"


def render_table(doc: dict[str, Any], color: bool = False) -> str:
    """The terminal view: a table, the summary line, then cliff edges, steps up and warnings.

    With ``color`` the text carries ANSI styles (the CLI lets click strip them when piped).
    """
    rows = table_rows(doc)
    columns = [
        (key, title)
        for key, title in TABLE_COLUMNS
        if key != "tax_free_childcare" or any(row["tax_free_childcare"] for row in rows)
    ]
    headers = [title for _, title in columns]
    cells = [[_cell(key, row[key]) for key, _ in columns] for row in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) if cells else len(h) for i, h in enumerate(headers)]
    baseline = doc.get("baseline_hours", 0.0)
    out = [
        _paint(
            f"{doc['person']}: £ a {doc['period']}, rules {doc['rules']['version']} in force on {doc['rules']['date']} (tax year {doc['rules']['tax_year']})",
            "bold",
            color,
        ),
        _paint("  ".join(h.rjust(w) for h, w in zip(headers, widths)), "bold", color),
        "  ".join("-" * w for w in widths),
    ]
    for row, texts in zip(rows, cells):
        parts = []
        for (key, _), text, width in zip(columns, texts, widths):
            style = None
            if key == "better_off" and row["hours"] != baseline:
                style = "green" if row[key] > 0 else ("red" if row[key] < 0 else None)
            elif key == "marginal_effective_tax_rate" and row[key] is not None and row[key] > 1:
                style = "red"
            parts.append(_paint(text.rjust(width), style, color))
        out.append("  ".join(parts))
    if doc.get("summary"):
        out.extend(["", _paint(doc["summary"], "bold", color)])
    facts = []
    searched = doc.get("searched_to_hours", 0) > 0
    if "break_even_hours" in doc and searched:
        if doc["break_even_hours"] is None:
            facts.append(f"Never as well off as at the baseline up to {doc['searched_to_hours']:g} hours.")
        elif doc["break_even_hours"] > 0:
            facts.append(
                f"Breaks even at {doc['break_even_hours']:g} hours ({_money_text(doc['break_even_gross_weekly_earnings'])} a week)."
            )
    if doc.get("universal_credit_ends_at_hours") is not None:
        facts.append(
            f"Universal Credit ends at {doc['universal_credit_ends_at_hours']:g} hours ({_money_text(doc['universal_credit_ends_at_gross_weekly_earnings'])} a week)."
        )
    if facts:
        out.append(" ".join(facts))
    if doc.get("cliffs"):
        out.extend(
            [
                "",
                _paint(
                    f"Cliff edges (found to the penny of weekly pay, 0 to {doc['searched_to_hours']:g} hours):",
                    "bold+red",
                    color,
                ),
            ]
        )
        for cliff in doc["cliffs"]:
            out.append(_paint(f"  ! {cliff['message']}", "red", color))
    elif "cliffs" in doc and searched:
        out.extend(["", f"No cliff edges found between 0 and {doc['searched_to_hours']:g} hours."])
    if doc.get("passports_end"):
        out.extend(["", _paint("Passported help that ends (not counted above):", "bold+yellow", color)])
        out.extend(_paint(f"  - {end['message']}", "yellow", color) for end in doc["passports_end"])
    if doc.get("gains"):
        out.extend(["", _paint("Steps up:", "bold+green", color)])
        out.extend(_paint(f"  + {gain['message']}", "green", color) for gain in doc["gains"])
    runs: list[list[dict[str, Any]]] = []
    for point in sorted((p for p in doc["points"] if p.get("childcare_support")), key=lambda p: p["hours"]):
        if runs and runs[-1][-1]["childcare_support"]["better"] == point["childcare_support"]["better"]:
            runs[-1].append(point)
        else:
            runs.append([point])
    if runs:
        out.extend(
            ["", _paint("Help with childcare (Universal Credit or Tax-Free Childcare, not both):", "bold", color)]
        )
        for run in runs:
            first, last = run[0]["hours"], run[-1]["hours"]
            where = f"{first:g} hours" if first == last else f"{first:g} to {last:g} hours"
            figures = f" (figures at {last:g} hours)" if first != last else ""
            out.append(f"  {where}{figures}: {run[-1]['childcare_support']['message']}")
    warnings: dict[str, str] = {}
    for point in doc["points"]:
        for warning in point["warnings"]:
            warnings.setdefault(warning["code"], warning["message"])
    if warnings:
        out.append("")
        out.append(_paint("Warnings:", "bold+yellow", color))
        out.extend(_paint(f"  - {message}", "yellow", color) for message in warnings.values())
    if doc["not_modelled"]:
        out.append("")
        out.append("Not modelled (shown as 0): " + ", ".join(item["item"] for item in doc["not_modelled"]))
    return "\n".join(out)


def _cell(key: str, value: Any) -> str:
    if key == "hours":
        return f"{value:g}"
    if key == "better_off":
        return f"{value:+,.2f}"
    if key == "marginal_effective_tax_rate":
        return "" if value is None else f"{value:.0%}"
    return f"{value:,.2f}"


CSV_FIELDS = (
    "hours",
    "gross_earnings",
    "income_tax",
    "national_insurance",
    "pension_contributions",
    "net_earnings",
    *(f"benefits.{name}" for name in PROGRAMMES),
    "high_income_child_benefit_charge",
    "total_benefits",
    "net_income",
    "housing_costs",
    "council_tax",
    "childcare_costs",
    "tax_free_childcare",
    "work_costs",
    "marginal_effective_tax_rate",
    "participation_tax_rate",
    "disposable_income",
    "better_off",
    "warnings",
)


def render_csv(doc: dict[str, Any]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for point in doc["points"]:
        row = []
        for field in CSV_FIELDS:
            if field.startswith("benefits."):
                row.append(f"{point['benefits'][field.split('.', 1)[1]]:.2f}")
            elif field == "warnings":
                row.append("; ".join(w["code"] for w in point["warnings"]))
            elif field == "hours":
                row.append(f"{point['hours']:g}")
            elif field in ("marginal_effective_tax_rate", "participation_tax_rate"):
                row.append("" if point.get(field) is None else f"{point[field]:.4f}")
            else:
                row.append(f"{point[field]:.2f}")
        writer.writerow(row)
    return buffer.getvalue()
