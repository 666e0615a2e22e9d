"""The JSON document as CSV: one row per point, every benefit in its own column."""

from __future__ import annotations

import csv
import io
from typing import Any

from benefitcalc.registry import BENEFIT_KEYS

CSV_FIELDS = (
    "hours",
    "gross_earnings",
    "income_tax",
    "national_insurance",
    "pension_contributions",
    "net_earnings",
    *(f"benefits.{name}" for name in BENEFIT_KEYS),
    "high_income_child_benefit_charge",
    "total_benefits",
    "net_income",
    "housing_costs",
    "council_tax",
    "childcare_costs",
    "tax_free_childcare",
    "work_costs",
    "marginal_effective_tax_rate",
    "marginal_rate_note",
    "participation_tax_rate",
    "disposable_income",
    "better_off",
    "warnings",
)


def render_csv(doc: dict[str, Any]) -> str:
    """One row per point; on the profit axis (``axis: profit``) a ``profit`` column (a month) comes first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    fields = ("profit", *CSV_FIELDS) if doc.get("axis") == "profit" else CSV_FIELDS
    writer.writerow(fields)
    for point in doc["points"]:
        row = []
        for field in fields:
            if field.startswith("benefits."):
                row.append(f"{point['benefits'][field.split('.', 1)[1]]:.2f}")
            elif field == "warnings":
                row.append("; ".join(w["code"] for w in point["warnings"]))
            elif field == "marginal_rate_note":
                edges = point.get("marginal_rate_edges") or []
                row.append("; ".join(f"{e['kind']} at {e['hours']:g}h ({e['cause']})" for e in edges))
            elif field == "hours":
                row.append(f"{point['hours']:g}")
            elif field in ("marginal_effective_tax_rate", "participation_tax_rate"):
                row.append("" if point.get(field) is None else f"{point[field]:.4f}")
            else:
                row.append(f"{point[field]:.2f}")
        writer.writerow(row)
    return buffer.getvalue()
