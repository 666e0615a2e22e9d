"""What changes and what to do: one topic for each benefit that changes with work, then the rest.

Each topic reads the document's figures and the engine's warnings; a warning a topic explains is
not repeated under "Other things to know".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from benefitcalc.report.adviser import for_client
from benefitcalc.report.edges import IN_KIND_CAUSES
from benefitcalc.report.model import Topic
from benefitcalc.report.words import (
    d,
    grouped,
    hours_phrase,
    hours_text,
    hours_where,
    money,
    name_of,
    period_word,
    reference_value,
    warnings_by_code,
    where,
)

# Warnings said in the assumptions instead (benefitcalc.report.assumptions).
ASSUMED_CODES = (
    "carer_hours_assumed",
    "health_element_status_assumed",
    "child_birth_date_assumed",
    "size_criteria_assumed",
    "free_school_meals_2026_assumed",
    "bedrooms_not_given",
    "lha_not_given",
    "universal_credit_tax_on_benefits",  # said in plain words (how PAYE collects the tax)
)

# The carer benefits: the earnings limit's parameter and the office to tell about work.
_CARERS = (
    ("carers_allowance", "dwp.carers_allowance.earnings_limit", "the Carer's Allowance Unit"),
    (
        "carer_support_payment",
        "social_security_scotland.carer_support_payment.earnings_limit",
        "Social Security Scotland",
    ),
)


@dataclass
class _Case:
    """The document as the topics read it, and the warning codes explained so far."""

    doc: dict[str, Any]
    used: set[str] = field(default_factory=lambda: set(ASSUMED_CODES))

    def __post_init__(self) -> None:
        self.baseline = d(self.doc["baseline_hours"])
        self.per = period_word(self.doc["period"])
        self.points: list[dict[str, Any]] = self.doc["points"]
        self.base = next((p for p in self.points if d(p["hours"]) == self.baseline), None)
        self.warnings = warnings_by_code(self.doc)
        # the adult the report speaks to as "you": a single adult (a couple's report names each)
        people = self.points[0].get("people", []) if self.points else []
        self.you: str | None = self.doc["person"] if len(people) == 1 else None
        self.self_employed = any(
            "self_employment" in p
            for point in self.points
            for p in point.get("people", [])
            if p["name"] == self.doc["person"]
        )

    def at_base(self, name: str) -> Decimal:
        return d(self.base["benefits"].get(name, 0)) if self.base else Decimal(0)

    def paid(self, name: str) -> bool:
        return any(d(p["benefits"].get(name, 0)) != 0 for p in self.points)

    def working(self, name: str, paid: bool = True) -> list[Decimal]:
        """The hours above the baseline at which ``name`` is paid (or, with ``paid=False``, is not)."""
        return hours_where(
            self.doc,
            lambda p: d(p["hours"]) != self.baseline and (d(p["benefits"].get(name, 0)) != 0) == paid,
        )

    def warned(self, code: str) -> list[Decimal]:
        return [h for h, _ in self.warnings.get(code, [])]


def _esa(case: _Case) -> Topic | None:
    """New Style ESA and permitted work (ESA Regs 2013 reg 39)."""
    codes = ("esa_permitted_work", "esa_permitted_work_limit", "esa_wrag_component")
    if not case.paid("new_style_esa") and not any(c in case.warnings for c in codes):
        return None
    case.used.update(codes)
    paragraphs = [
        "You can do some work and keep your New Style ESA if it counts as 'permitted work'. Before you start "
        "any work, fill in form PW1 and send it to the office that pays your ESA. They will tell you if the work "
        "counts. If you have already started, send the form straight away."
    ]
    hours_limit = reference_value(case.doc, "dwp.new_style_esa.permitted_work.hours_limit")
    higher = reference_value(case.doc, "dwp.new_style_esa.permitted_work.higher_limit")
    if hours_limit is not None and higher is not None:
        paragraphs.append(
            f"Permitted work means working under {hours_text(d(hours_limit))} hours a week and earning no more than "
            f"{money(higher)} a week after tax and National Insurance."
        )
    bullets = []
    keeps, stops = case.warned("esa_permitted_work"), case.warned("esa_permitted_work_limit")
    now = case.at_base("new_style_esa")
    if keeps:
        bullets.append(f"{hours_phrase(keeps, case.baseline)}: the work can be permitted work, so your ESA carries on.")
    if stops:
        amount = f" ({money(now)} {case.per} now)" if now else ""
        bullets.append(f"{hours_phrase(stops, case.baseline)}: your New Style ESA{amount} would stop.")
        if any(d(p["benefits"].get("universal_credit", 0)) for p in case.points):
            bullets.append("When ESA stops, your Universal Credit goes up, because UC no longer takes your ESA off.")
    bullets.extend(grouped(case.warnings.get("esa_wrag_component", []), case.baseline))
    return Topic("Your New Style ESA", tuple(paragraphs), tuple(bullets))


def _universal_credit(case: _Case) -> Topic | None:
    if not case.paid("universal_credit"):
        return None
    case.used.update(("administrative_earnings_threshold", "wca_earnings_threshold", "childcare_reporting"))
    paragraphs = [
        "Tell Universal Credit when you start work, through your online journal. Your employer tells HMRC what you "
        "are paid each payday, and UC uses that to work out your next monthly payment. So your UC will go up and "
        "down as your pay changes."
    ]
    if case.self_employed:  # no employer reports a business's profit: the claimant does, each month
        case.used.add("self_employed_reporting")
        reporting = case.warnings.get("self_employed_reporting", [])
        paragraphs = [
            "Tell Universal Credit when you start working for yourself, through your online journal. UC works out "
            "each monthly payment from what the business made that month, so your UC will go up and down as your "
            "profit changes.",
            *dict.fromkeys(for_client("self_employed_reporting", m, case.you) or "" for _, m in reporting),
        ]
    bullets = []
    working_uc = case.working("universal_credit")
    if working_uc:
        bullets.append(f"{hours_phrase(working_uc, case.baseline)}: you would still get some Universal Credit.")
    ends = case.working("universal_credit", paid=False)
    if ends and case.at_base("universal_credit"):
        bullets.append(
            f"{hours_phrase(ends, case.baseline)}: Universal Credit would stop, and so could help that comes with it."
        )
    aet = case.warned("administrative_earnings_threshold")
    if aet:
        bullets.append(
            f"{hours_phrase(aet, case.baseline)}: your pay would be below the level at which the Jobcentre "
            "stops asking you to look for more work, so your work coach may ask you to look for more hours "
            "or better pay."
        )
    bullets.extend(grouped(case.warnings.get("wca_earnings_threshold", []), case.baseline))
    bullets.extend(grouped(case.warnings.get("childcare_reporting", []), case.baseline))
    return Topic("Your Universal Credit", tuple(paragraphs), tuple(bullets))


def _carer(case: _Case, name: str, limit_path: str, office: str) -> Topic | None:
    """Carer's Allowance or Carer Support Payment: all or nothing each week at the earnings limit."""
    if not case.paid(name) and not case.at_base(name):
        return None
    case.used.add("carer_earnings_limit")
    label = name_of(name)
    limit = reference_value(case.doc, limit_path)
    over = f"over {money(limit)} a week" if limit is not None else "over the earnings limit"
    paragraphs = [
        f"{label} stops in any week when your earnings are {over}, counted after tax, National Insurance, half of what "
        f"you pay into a pension, and some care costs. It is all or nothing: go over the limit by even a penny and "
        f"you get no {label} for that week.",
        f"Tell {office} about your job before you start, and whenever your pay changes.",
    ]
    limit_warnings = case.warnings.get("carer_earnings_limit", [])
    stops = [h for h, m in limit_warnings if label in m]
    keeps = case.working(name)
    bullets = []
    now = case.at_base(name)
    if keeps:
        bullets.append(
            f"{hours_phrase(keeps, case.baseline)}: your earnings stay under the limit, so {label} carries on."
        )
    if stops:
        amount = f" ({money(now)} {case.per} now)" if now else ""
        bullets.append(
            f"{hours_phrase(stops, case.baseline)}: your earnings would be over the limit, "
            f"so {label}{amount} would stop."
        )
        if any("carer element continues" in m for _, m in limit_warnings):
            bullets.append("The extra amount for caring in your Universal Credit (the carer element) carries on.")
    return Topic(f"Your {label}", tuple(paragraphs), tuple(bullets))


def _passport_line(case: _Case, name: str) -> str | None:
    label = name_of(name)
    entitled = [d(p["hours"]) for p in case.points if p.get("passports", {}).get(name, {}).get("entitled")]
    lost = [
        d(p["hours"])
        for p in case.points
        if name in p.get("passports", {}) and not p["passports"][name].get("entitled")
    ]
    if entitled and lost:
        return f"{label}: you get this {where(entitled, case.baseline)}. It stops {where(lost, case.baseline)}."
    if entitled:
        return f"{label}: you get this at every number of hours shown."
    if lost:
        return f"{label}: you would not get this at the hours shown."
    return None


def _passports(case: _Case) -> Topic | None:
    """Help that comes with benefits (passported help)."""
    names = sorted({k for p in case.points for k in p.get("passports", {})})
    if not names:
        return None
    case.used.update(IN_KIND_CAUSES)
    bullets = [line for line in (_passport_line(case, name) for name in names) if line is not None]
    if "nhs_charges_lost" in case.warnings:
        bullets.append(
            "If free prescriptions and dental treatment stop, the NHS Low Income Scheme (form HC1) "
            "may still help with health costs."
        )
    return Topic(
        "Help that comes with your benefits",
        ("Some help comes with Universal Credit or other benefits, and can stop when your earnings go up.",),
        tuple(bullets),
    )


def _benefit_cap(case: _Case) -> Topic | None:
    """The benefit cap (UC Regs 2013 regs 78-83)."""
    codes = ("benefit_cap_applies", "benefit_cap_earnings_exemption")
    if not any(c in case.warnings for c in codes):
        return None
    case.used.update(codes)
    capped = case.warned("benefit_cap_applies")
    free = hours_where(
        case.doc, lambda p: d(p["hours"]) not in capped and d(p["benefits"].get("universal_credit", 0)) != 0
    )
    bullets = list(grouped(case.warnings.get("benefit_cap_applies", []), case.baseline))
    if capped and free:
        bullets.append(f"{hours_phrase(free, case.baseline)}: the benefit cap does not apply.")
    bullets.extend(grouped(case.warnings.get("benefit_cap_earnings_exemption", []), case.baseline))
    return Topic(
        "The benefit cap",
        ("The benefit cap limits the total benefits some households get. Earning enough each month lifts it.",),
        tuple(bullets),
    )


def _others(case: _Case) -> Topic | None:
    """Anything else the engine said, each message once with its hours, in the client's words; a
    message that cannot be put in them is on the adviser's page only."""
    bullets: list[str] = []
    for code in (c for c in case.warnings if c not in case.used):
        items = [(h, words) for h, m in case.warnings[code] if (words := for_client(code, m, case.you)) is not None]
        bullets.extend(grouped(items, case.baseline, len(case.points)))
    return Topic("Other things to know", (), tuple(dict.fromkeys(bullets))) if bullets else None


def _person(point: dict[str, Any], name: str) -> dict[str, Any] | None:
    return next((p for p in point.get("people", []) if p["name"] == name), None)


def _pension(case: _Case) -> Topic | None:
    """A workplace pension: the worker's own saving, with what the employer adds (Pensions Act 2008 s.20(1))."""
    codes = ("pension_below_trigger", "pension_under_age")
    person = case.doc["person"]
    paying = [
        (d(p["hours"]), who)
        for p in case.points
        if (who := _person(p, person)) is not None and d(who["pension_contributions"]) > 0
    ]
    if not paying and not any(c in case.warnings for c in codes):
        return None
    case.used.update(codes)
    bullets = []
    for hours, who in paying:
        employer = d(who.get("employer_pension_contributions", 0))
        adds = f", and your employer adds at least {money(employer)}" if employer else ""
        bullets.append(
            f"At {hours_text(hours)} hours a week: {money(who['pension_contributions'])} {case.per} goes into your "
            f"pension{adds}."
        )
    trigger = reference_value(case.doc, "dwp.automatic_enrolment.earnings_trigger")
    below = case.warned("pension_below_trigger")
    if below:
        under = f"under £{d(trigger):,.0f} a year" if trigger is not None else "under the earnings trigger"
        bullets.append(
            f"{hours_phrase(below, case.baseline)}: your pay would be {under}, so your employer does not have to put "
            "you in the pension. You can ask to join."
        )
    young = case.warned("pension_under_age")
    if young:
        bullets.append(
            f"{hours_phrase(young, case.baseline)}: you are under 22, so your employer does not have to put you in "
            "the pension. You can ask to join."
        )
    return Topic(
        "Your workplace pension",
        (
            "Money paid into a workplace pension is your own saving, not money lost. It comes out of your pay "
            "before you get it, and your employer adds to it. The tables count it as money going out, so the "
            "money you have to spend each week is a little less.",
        ),
        tuple(bullets),
    )


_BEDROOMS = re.compile(
    r"(?P<have>\d+) bedrooms where (?P<allowed>\d+) (?:is|are) allowed, so (?P<share>\d+%) of the eligible rent, "
    r"(?P<amount>£[\d,.]+) a month"
)


def _rent(case: _Case) -> Topic | None:
    """The bedroom tax: UC's under-occupancy deduction (UC Regs 2013 Sch 4 paras 36-37)."""
    items = case.warnings.get("under_occupancy_deduction", [])
    found = next((m for _, m in items if _BEDROOMS.search(m)), None)
    if found is None:
        return None
    case.used.add("under_occupancy_deduction")
    match = _BEDROOMS.search(found)
    assert match is not None
    allowed = int(match["allowed"])
    at = [h for h, _ in items]
    where = "at every number of hours shown" if len(set(at)) == len(case.points) else where_words(at, case.baseline)
    return Topic(
        "Your rent and the bedroom tax",
        (
            f"Your home has {match['have']} bedrooms and Universal Credit allows {allowed} "
            f"bedroom{'' if allowed == 1 else 's'} for your household. So {match['share']} of your rent "
            f"({match['amount']} a month) is taken off the help with rent in your Universal Credit, "
            f"{where}. This is the 'bedroom tax' (the under-occupancy deduction).",
            "A Discretionary Housing Payment from your council may help with the difference: ask your council.",
        ),
    )


def where_words(at: list[Decimal], baseline: Decimal) -> str:
    return where(sorted(set(at)), baseline)


def topics(doc: dict[str, Any]) -> tuple[Topic, ...]:
    """The topics of the report for the JSON document ``doc``, in the order they are printed."""
    case = _Case(doc)
    found = [_esa(case), _universal_credit(case)]
    found.extend(_carer(case, name, path, office) for name, path, office in _CARERS)
    found.extend([_passports(case), _benefit_cap(case), _rent(case), _pension(case)])
    found.append(_others(case))  # last: after every topic has taken the warnings it explains
    return tuple(topic for topic in found if topic is not None)
