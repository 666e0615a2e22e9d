"""The terminal view of the JSON document: a table, the summary line, cliff edges, steps up and warnings."""

from __future__ import annotations

from typing import Any

PENSION_CAUSE = "pension_auto_enrolment"  # benefitcalc.analysis.PENSION_CAUSE: a saving, listed apart

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


def on_profit(doc: dict[str, Any]) -> bool:
    """Whether the document's points move along the self-employed adult's profit (``axis: profit``)."""
    return doc.get("axis") == "profit"


def position(doc: dict[str, Any], item: dict[str, Any]) -> float:
    """Where a point or an edge is on the document's axis: its monthly profit, or its hours."""
    return float(item["profit"]) if on_profit(doc) else float(item["hours"])


def place(doc: dict[str, Any], value: float) -> str:
    """A place on the axis in words: '16 hours' or '£850.00 profit'."""
    return f"£{value:,.2f} profit" if on_profit(doc) else f"{value:g} hours"


def table_rows(doc: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for point in doc["points"]:
        uc = point["benefits"]["universal_credit"]
        rows.append(
            {
                "hours": point["hours"],
                "profit": point.get("profit"),
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
                "marginal_rate_edges": point.get("marginal_rate_edges") or [],
            }
        )
    return rows


# ANSI styles for the terminal table; click strips them when the output is not a terminal.
_STYLE = {"bold": "\x1b[1m", "red": "\x1b[31m", "green": "\x1b[32m", "yellow": "\x1b[33m", "dim": "\x1b[2m"}
_RESET = "\x1b[0m"


def paint(text: str, style: str | None, color: bool) -> str:
    if not color or not style:
        return text
    return "".join(_STYLE[s] for s in style.split("+")) + text + _RESET


def _money_text(value: float | None) -> str:
    return "-" if value is None else f"£{value:,.2f}"


def _grid(doc: dict[str, Any], color: bool) -> list[str]:
    """The title line and the table: one row for each point."""
    rows = table_rows(doc)
    first = [("profit", "Profit a month")] if on_profit(doc) else []
    columns = first + [
        (key, title)
        for key, title in TABLE_COLUMNS
        if (key != "tax_free_childcare" or any(row["tax_free_childcare"] for row in rows))
        and (key != "hours" or not first)
    ]
    headers = [title for _, title in columns]
    cells = [
        [_marginal_cell(row, doc) if key == MARGINAL else _cell(key, row[key]) for key, _ in columns] for row in rows
    ]
    widths = [max(len(h), *(len(c[i]) for c in cells)) if cells else len(h) for i, h in enumerate(headers)]
    baseline = doc.get("baseline_profit") if on_profit(doc) else doc.get("baseline_hours", 0.0)
    rules = doc["rules"]
    out = [
        paint(
            f"{doc['person']}: £ a {doc['period']}, rules {rules['version']} in force on {rules['date']} "
            f"(tax year {rules['tax_year']})",
            "bold",
            color,
        ),
        paint("  ".join(h.rjust(w) for h, w in zip(headers, widths)), "bold", color),
        "  ".join("-" * w for w in widths),
    ]
    for row, texts in zip(rows, cells):
        parts = []
        for (key, _), text, width in zip(columns, texts, widths):
            style = None
            if key == "better_off" and row["profit" if first else "hours"] != baseline:
                style = "green" if row[key] > 0 else ("red" if row[key] < 0 else None)
            elif key == MARGINAL and row[key] is not None and row[key] > 1 and not row["marginal_rate_edges"]:
                style = "red"
            parts.append(paint(text.rjust(width), style, color))
        out.append("  ".join(parts))
    out.extend(_marginal_notes(doc))
    return out


def _short(doc: dict[str, Any], value: float) -> str:
    return f"£{value:,.0f}" if on_profit(doc) else f"{value:g}h"


MARGINAL = "marginal_effective_tax_rate"
_SHORT = {"cliff": "cliff", "step up": "step", "pension starts": "pension"}
_LONG = {"cliff": "a cliff edge", "step up": "a step up", "pension starts": "pension contributions starting"}


def _marginal_cell(row: dict[str, Any], doc: dict[str, Any]) -> str:
    """The marginal rate, or, where its step holds an edge, the edge instead (a rate across a jump misleads)."""
    edges = row["marginal_rate_edges"]
    if not edges:
        return _cell(MARGINAL, row[MARGINAL])
    if len(edges) == 1:
        return f"{_SHORT[edges[0]['kind']]} {_short(doc, position(doc, edges[0]))}"
    return f"{len(edges)} edges"


def _marginal_notes(doc: dict[str, Any]) -> list[str]:
    """Under the table: which edges stand in for a marginal rate, and where."""
    out = []
    points = doc["points"]
    ordered = sorted(position(doc, p) for p in points)
    for point in points:
        edges = point.get("marginal_rate_edges") or []
        if not edges:
            continue
        here = position(doc, point)
        below = [h for h in ordered if h < here]
        named = [f"{_LONG[e['kind']]} at {place(doc, position(doc, e))} ({e['cause']})" for e in edges]
        listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
        out.append(
            f"Marginal rate at {place(doc, here)}: the step from {place(doc, below[-1])} holds {listed}, "
            "so the edge is shown instead of a rate (see below)."
        )
    return out


def _profit_crossings(doc: dict[str, Any]) -> list[str]:
    """On the profit axis: break-even, the minimum income floor's edge and the end of Universal Credit."""
    facts = []
    than = "without the business" if doc.get("baseline_profit") is None else "now"
    if doc.get("break_even_profit") is not None:
        facts.append(f"Breaks even ({than}) at £{doc['break_even_profit']:,.2f} a month profit.")
    elif doc.get("searched_to_profit"):
        facts.append(f"Never as well off as {than} up to £{doc['searched_to_profit']:,.2f} a month profit.")
    if doc.get("minimum_income_floor_profit") is not None:
        facts.append(
            f"Minimum income floor: below £{doc['minimum_income_floor_profit']:,.2f} a month profit, more profit "
            "does not raise Universal Credit."
        )
    if doc.get("universal_credit_ends_at_profit") is not None:
        facts.append(f"Universal Credit ends at £{doc['universal_credit_ends_at_profit']:,.2f} a month profit.")
    return [" ".join(facts)] if facts else []


def _crossings(doc: dict[str, Any]) -> list[str]:
    """Break-even and the end of Universal Credit, in one line."""
    if on_profit(doc):
        return _profit_crossings(doc)
    facts = []
    if "break_even_hours" in doc and doc.get("searched_to_hours", 0) > 0:
        if doc["break_even_hours"] is None:
            facts.append(f"Never as well off as at the baseline up to {doc['searched_to_hours']:g} hours.")
        elif doc["break_even_hours"] > 0:
            pay = _money_text(doc["break_even_gross_weekly_earnings"])
            facts.append(f"Breaks even at {doc['break_even_hours']:g} hours ({pay} a week).")
    if doc.get("universal_credit_ends_at_hours") is not None:
        pay = _money_text(doc["universal_credit_ends_at_gross_weekly_earnings"])
        facts.append(f"Universal Credit ends at {doc['universal_credit_ends_at_hours']:g} hours ({pay} a week).")
    return [" ".join(facts)] if facts else []


def _edges(doc: dict[str, Any], color: bool) -> list[str]:
    """Cliff edges, passported help that ends, and steps up."""
    out = []
    cliffs = [c for c in doc.get("cliffs") or [] if c["cause"] != PENSION_CAUSE]
    saving = [c for c in doc.get("cliffs") or [] if c["cause"] == PENSION_CAUSE]
    if on_profit(doc):
        searched, top = "monthly profit", doc.get("searched_to_profit") or 0.0
        span = f"£0 to £{top:,.2f} a month"
    else:
        searched, top = "weekly pay", doc.get("searched_to_hours", 0)
        span = f"0 to {top:g} hours"
    if cliffs:
        heading = f"Cliff edges (found to the penny of {searched}, {span}):"
        out.extend(["", paint(heading, "bold+red", color)])
        out.extend(paint(f"  ! {cliff['message']}", "red", color) for cliff in cliffs)
    elif "cliffs" in doc and top > 0:
        out.extend(["", f"No cliff edges found between {span.replace(' to ', ' and ')}."])
    if saving:
        out.extend(["", paint("Workplace pension (saving, not a loss):", "bold", color)])
        out.extend(f"  = {item['message']}" for item in saving)
    if doc.get("passports_end"):
        out.extend(["", paint("Passported help that ends (not counted above):", "bold+yellow", color)])
        out.extend(paint(f"  - {end['message']}", "yellow", color) for end in doc["passports_end"])
    if doc.get("gains"):
        out.extend(["", paint("Steps up:", "bold+green", color)])
        out.extend(paint(f"  + {gain['message']}", "green", color) for gain in doc["gains"])
    return out


def _childcare(doc: dict[str, Any], color: bool) -> list[str]:
    """Which help with childcare is better, over each run of hours where the answer is the same."""
    runs: list[list[dict[str, Any]]] = []
    for point in sorted((p for p in doc["points"] if p.get("childcare_support")), key=lambda p: position(doc, p)):
        if runs and runs[-1][-1]["childcare_support"]["better"] == point["childcare_support"]["better"]:
            runs[-1].append(point)
        else:
            runs.append([point])
    if not runs:
        return []
    out = ["", paint("Help with childcare (Universal Credit or Tax-Free Childcare, not both):", "bold", color)]
    for run in runs:
        first, last = position(doc, run[0]), position(doc, run[-1])
        where = place(doc, first) if first == last else f"{place(doc, first).split(' ')[0]} to {place(doc, last)}"
        figures = f" (figures at {place(doc, last)})" if first != last else ""
        out.append(f"  {where}{figures}: {run[-1]['childcare_support']['message']}")
    return out


def where_hours(at: list[float], every: list[float], profit: bool = False) -> str:
    """Where a warning applies among the points' hours ``every``: 'at every number of hours',
    'from 24 hours', 'up to 16 hours', 'from 8 to 16 hours', 'at 8 hours' or 'at 8 and 24 hours'
    (``profit``: among monthly profits, 'from £800.00 profit', 'at every profit shown', ...)."""
    hours = sorted(set(at))
    ordered = sorted(set(every))
    if hours == ordered and len(ordered) > 1:
        return "at every profit shown" if profit else "at every number of hours"
    show = (lambda v: f"£{v:,.2f}") if profit else (lambda v: f"{v:g}")
    unit = " profit" if profit else " hours"
    start = ordered.index(hours[0])
    if len(hours) > 1 and ordered[start : start + len(hours)] == hours:  # one run of neighbouring points
        if start + len(hours) == len(ordered):
            return f"from {show(hours[0])}{unit}"
        if start == 0:
            return f"up to {show(hours[-1])}{unit}"
        return f"from {show(hours[0])} to {show(hours[-1])}{unit}"
    listed = [show(h) for h in hours]
    text = listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]
    if profit:
        return f"at {text} profit"
    return f"at {text} hour{'' if hours == [1] else 's'}"


def grouped_warnings(doc: dict[str, Any]) -> list[tuple[str, str, str, float]]:
    """(code, where, message, its hours): each warning code once, with the hours it applies at;
    the message is the one at the fewest hours (its figures are that point's)."""
    found: dict[str, list[tuple[float, str]]] = {}
    for point in doc["points"]:
        for warning in point["warnings"]:
            found.setdefault(warning["code"], []).append((position(doc, point), warning["message"]))
    every = [position(doc, p) for p in doc["points"]]
    out = []
    for code, items in found.items():
        first = min(items, key=lambda item: item[0])
        out.append((code, where_hours([h for h, _ in items], every, on_profit(doc)), first[1], first[0]))
    return out


def _warnings(doc: dict[str, Any], color: bool) -> list[str]:
    """Each warning once, with the hours it applies at, then what is not modelled."""
    warnings = grouped_warnings(doc)
    out = []
    if warnings:
        out.append("")
        out.append(paint("Warnings:", "bold+yellow", color))
        for _, where, message, first in warnings:
            text = where[:1].upper() + where[1:]
            figures = "" if where == f"at {place(doc, first)}" else f" (figures at {place(doc, first)})"
            out.append(paint(f"  - {text}{figures}: {message}", "yellow", color))
    if doc["not_modelled"]:
        out.append("")
        out.append("Not modelled (shown as 0): " + ", ".join(item["item"] for item in doc["not_modelled"]))
    return out


def render_table(doc: dict[str, Any], color: bool = False) -> str:
    """The terminal view: a table, the summary line, then cliff edges, steps up and warnings.

    With ``color`` the text carries ANSI styles (the CLI lets click strip them when piped).
    """
    out = _grid(doc, color)
    if doc.get("summary"):
        out.extend(["", paint(doc["summary"], "bold", color)])
    out.extend(_crossings(doc))
    out.extend(_edges(doc, color))
    out.extend(_childcare(doc, color))
    out.extend(_warnings(doc, color))
    return "\n".join(out)


def _cell(key: str, value: Any) -> str:
    if key == "profit":
        return f"{value:,.2f}"
    if key == "hours":
        return f"{value:g}"
    if key == "better_off":
        return f"{value:+,.2f}"
    if key == "marginal_effective_tax_rate":
        return "" if value is None else f"{value:.0%}"
    return f"{value:,.2f}"
