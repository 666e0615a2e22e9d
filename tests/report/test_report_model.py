"""The report's words and tables: plain English, figures that add up, cliffs wired from the document."""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from benefitcalc.errors import ScenarioError
from benefitcalc.report import build
from benefitcalc.report.words import hours_phrase, money, plain, pounds


def test_money_and_pounds() -> None:
    assert money(Decimal("1234.5")) == "£1,234.50"
    assert money(-12, sign=True) == "-£12.00"
    # The headline rounds to the pound, half up: £125.50 -> £126, £125.49 -> £125.
    assert pounds(Decimal("125.50")) == "£126"
    assert pounds(Decimal("125.49")) == "£125"
    assert pounds(Decimal("-20.40")) == "£20"


def test_hours_phrase() -> None:
    d = [Decimal(x) for x in ("0", "8", "16")]
    assert hours_phrase(d, Decimal(0)) == "Now (not working), and at 8 and 16 hours a week"
    assert hours_phrase(d[1:], Decimal(0)) == "At 8 and 16 hours a week"
    assert hours_phrase([Decimal("37.5")], Decimal(0)) == "At 37.5 hours a week"


def test_plain_drops_legal_references() -> None:
    assert (
        plain("The benefit cap reduces Universal Credit by £42.56 a month (reg 82).")
        == "The benefit cap reduces Universal Credit by £42.56 a month."
    )
    assert (
        plain(
            "Gross earnings of £440.61 a month are below the threshold of about £991 (18 hours at the national living wage, reg 99(6)): more."
        )
        == "Gross earnings of £440.61 a month are below the threshold of about £991 (18 hours at the national living wage): more."
    )
    assert plain("paid in time (regs 33-35), usually in arrears.") == "paid in time, usually in arrears."
    assert plain("trigger of £10,000 (Pensions Act 2008 s.3): the employer") == "trigger of £10,000: the employer"


def test_every_table_adds_up(made: Any) -> None:
    """Money in by source adds to the total; total plus help in kind less costs is the money left.

    Each figure is the document's; this checks no row is missing and none is counted twice.
    """
    for option in made.report.options:
        sums: dict[str, Decimal] = {}
        section, total, left = "", None, None
        for row in option.rows:
            if row.kind == "heading":
                section = row.label
            elif row.kind == "total" and row.label == "Total coming in":
                total = row.amount
            elif row.kind == "total" and row.label == "Money left":
                left = row.amount
            elif row.kind == "item":
                sums[section] = sums.get(section, Decimal(0)) + row.amount
        point = next(p for p in made.doc["points"] if Decimal(str(p["hours"])) == option.hours)
        assert total == Decimal(str(point["net_income"])) == sums["Money coming in"]
        assert left == Decimal(str(point["disposable_income"]))
        in_kind = sum((v for k, v in sums.items() if k.startswith("Help you get")), Decimal(0))
        assert total + in_kind - sums.get("Money going out", Decimal(0)) == left


def _sam_doc(make_report: Any) -> tuple[dict[str, Any], Any]:
    made = make_report("sam")
    return copy.deepcopy(made.doc), made.scenario


def test_worse_off_is_said_plainly(make_report: Any) -> None:
    doc, scenario = _sam_doc(make_report)
    point = next(p for p in doc["points"] if p["hours"] == 16)
    point["better_off"] = -20.4
    report = build(doc, scenario, prepared_on=dt.date(2026, 11, 24))
    assert (
        report.headline
        == "If you work 16 hours a week at £12.71 an hour, you would have about £20 a week less than now."
    )
    option = next(o for o in report.options if o.hours == 16)
    assert option.rows[-1].label == "Worse off than now by" and option.rows[-1].amount == Decimal("20.4")


def test_about_the_same(make_report: Any) -> None:
    doc, scenario = _sam_doc(make_report)
    next(p for p in doc["points"] if p["hours"] == 16)["better_off"] = 0.49
    report = build(doc, scenario, prepared_on=dt.date(2026, 11, 24))
    assert report.headline.endswith("you would have about the same money as now.")


def test_cliffs_from_the_document_are_marked_at_their_hours(make_report: Any) -> None:
    doc, scenario = _sam_doc(make_report)
    doc["cliffs"] = [
        {
            "hours": 21.3,
            "cause": "universal_credit_ends",
            "weekly_loss": 3.2,
            "monthly_loss": 13.87,
            "safe_hours": 21.29,
        }
    ]
    doc["gains"] = []
    report = build(doc, scenario, prepared_on=dt.date(2026, 11, 24))
    texts = [(m.hours, m.text) for m in report.markers]
    assert (
        Decimal("21.3"),
        "Universal Credit stops between 21 and 21.5 hours a week. Up to 21 hours a week it does not. "
        "Past that, you would have £3.20 a week less.",
    ) in texts


def test_without_an_analysis_stops_are_marked_between_hours(make_report: Any) -> None:
    doc, scenario = _sam_doc(make_report)
    for key in ("cliffs", "gains"):
        doc.pop(key, None)
    report = build(doc, scenario, prepared_on=dt.date(2026, 11, 24))
    esa = next(m for m in report.markers if "New Style ESA" in m.text)
    assert (esa.after, esa.before) == (Decimal("8.0"), Decimal("16.0"))


def test_headline_hours_can_be_chosen(make_report: Any) -> None:
    doc, scenario = _sam_doc(make_report)
    report = build(doc, scenario, prepared_on=dt.date(2026, 11, 24), headline_hours=Decimal(24))
    assert report.headline.startswith("If you work 24 hours a week")
    with pytest.raises(ScenarioError, match="not one of the hours given"):
        build(doc, scenario, headline_hours=Decimal(7))


def test_too_many_hours_and_wrong_period_are_refused(make_report: Any) -> None:
    doc, scenario = _sam_doc(make_report)
    many = copy.deepcopy(doc)
    many["points"] = many["points"] * 3
    with pytest.raises(ScenarioError, match="at most 10"):
        build(many, scenario)
    doc["period"] = "year"
    with pytest.raises(ScenarioError, match="allowed: week, month"):
        build(doc, scenario)


def test_assumptions_show_the_legal_judgements(make_report: Any) -> None:
    sam = make_report("sam").report
    assert any("LCWRA" in a and "decision DWP makes" in a for a in sam.assumptions)
    assert "You get New Style ESA in the support group." in sam.assumptions
    assert "Council tax: £1,820.00 a year." in sam.figures_given
    pat = make_report("carer").report
    assert any(a.startswith("You care for 40 hours a week") for a in pat.assumptions)
