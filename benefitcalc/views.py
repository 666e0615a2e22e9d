"""Views of results: the JSON document (the embedding contract, docs/json.md), a table and CSV.

Each amount is converted from the period its programme works in to the requested period, then
rounded to pence; totals are sums of the rounded parts, so the parts always add up.
"""
from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any, Sequence

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


def benefit_amounts(point: PointResult, period: str) -> dict[str, Decimal]:
    out = {}
    for name in PROGRAMMES:
        result = point.programmes.get(name)
        out[name] = _in(result.amount, result.period, period) if result is not None else Decimal("0.00")
    return out


def summary(point: PointResult, period: str) -> dict[str, Decimal]:
    """Household money for one point in ``period``, each figure in pence; totals add up exactly."""
    gross = sum((_in(e.gross, "year", period) for e in point.earnings), ZERO)
    tax = sum((_in(t.income_tax, "year", period) for t in point.tax), ZERO)
    ni = sum((_in(e.national_insurance, "year", period) for e in point.earnings), ZERO)
    pension = sum((_in(e.pension, "year", period) for e in point.earnings), ZERO)
    net_earnings = gross - tax - ni - pension
    benefits = benefit_amounts(point, period)
    total_benefits = sum(benefits.values(), ZERO)
    hicbc = _in(point.high_income_child_benefit_charge, "year", period)
    net_income = net_earnings + total_benefits - hicbc
    passport_value = ZERO
    if point.include_passport_values:
        passport_value = sum((_in(r.amount, r.period, period) for r in point.passports.values()), ZERO)
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
        "disposable_income": net_income + passport_value - housing - council_tax - childcare - work,
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
        return [{"threshold": float(row.threshold), "rate": float(row.rate)} if isinstance(row, Bracket) else _plain(dict(row)) for row in value]
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


def point_json(point: PointResult, baseline: PointResult, period: str) -> dict[str, Any]:
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
    for key in ("high_income_child_benefit_charge", "total_benefits", "net_income", "housing_costs", "council_tax", "childcare_costs", "work_costs", "disposable_income"):
        out[key] = _money(money[key])
    out["better_off"] = _money(money["disposable_income"] - base["disposable_income"])
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


def document(scenario: Scenario, ctx: Context, points: Sequence[PointResult], baseline: PointResult, period: str) -> dict[str, Any]:
    """The JSON document for a sweep (or one point): see docs/json.md."""
    used = _params_used([*points, baseline])
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
        "points": [point_json(point, baseline, period) for point in points],
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
    ("disposable_income", "Left to live on"),
    ("better_off", "Better off"),
)


def table_rows(doc: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for point in doc["points"]:
        uc = point["benefits"]["universal_credit"]
        rows.append(
            {
                "hours": point["hours"],
                "gross_earnings": point["gross_earnings"],
                "deductions": round(point["income_tax"] + point["national_insurance"] + point["pension_contributions"], 2),
                "universal_credit": uc,
                "other_benefits": round(point["total_benefits"] - uc, 2),
                "net_income": point["net_income"],
                "costs": round(point["housing_costs"] + point["council_tax"] + point["childcare_costs"] + point["work_costs"], 2),
                "disposable_income": point["disposable_income"],
                "better_off": point["better_off"],
            }
        )
    return rows


def render_table(doc: dict[str, Any]) -> str:
    rows = table_rows(doc)
    headers = [title for _, title in TABLE_COLUMNS]
    cells = [[_cell(key, row[key]) for key, _ in TABLE_COLUMNS] for row in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) if cells else len(h) for i, h in enumerate(headers)]
    out = [
        f"{doc['person']}: £ a {doc['period']}, rules {doc['rules']['version']} in force on {doc['rules']['date']} (tax year {doc['rules']['tax_year']})",
        "  ".join(h.rjust(w) for h, w in zip(headers, widths)),
        "  ".join("-" * w for w in widths),
    ]
    out.extend("  ".join(c.rjust(w) for c, w in zip(row, widths)) for row in cells)
    warnings: dict[str, str] = {}
    for point in doc["points"]:
        for warning in point["warnings"]:
            warnings.setdefault(warning["code"], warning["message"])
    if warnings:
        out.append("")
        out.append("Warnings:")
        out.extend(f"  - {message}" for message in warnings.values())
    if doc["not_modelled"]:
        out.append("")
        out.append("Not modelled (shown as 0): " + ", ".join(item["item"] for item in doc["not_modelled"]))
    return "\n".join(out)


def _cell(key: str, value: Any) -> str:
    if key == "hours":
        return f"{value:g}"
    if key == "better_off":
        return f"{value:+,.2f}"
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
    "work_costs",
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
            else:
                row.append(f"{point[field]:.2f}")
        writer.writerow(row)
    return buffer.getvalue()
