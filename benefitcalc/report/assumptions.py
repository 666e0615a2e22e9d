"""What the figures rest on: the legal judgements, the figures the client gave, and what is not covered."""

from __future__ import annotations

from typing import Any

from benefitcalc import registry
from benefitcalc.report.adviser import client_safe, for_client
from benefitcalc.report.topics import ASSUMED_CODES
from benefitcalc.report.words import (
    amount_given,
    d,
    hours_text,
    long_date,
    money,
    name_of,
    pension_words,
    plain,
    warnings_by_code,
)
from benefitcalc.scenario import Adult, Amount, Childcare, Scenario

# Things no calculation of this kind covers; said on every report.
GENERAL_LIMITS: tuple[str, ...] = (
    "Pay that changes from week to week, or paydays that fall unevenly in Universal Credit's monthly periods.",
    "Money taken off benefits to pay back a debt, an advance or an overpayment.",
    "Changes in your circumstances, or in benefit and tax rates, after the date of the rules used.",
    "Grants, discounts and other help that is not a benefit.",
)

_HEALTH = {
    "lcw": "limited capability for work (LCW)",
    "lcwra": "limited capability for work and work-related activity (LCWRA)",
}
_ESA_GROUP = {
    "assessment": "in the assessment phase",
    "wrag": "in the work-related activity group",
    "support": "in the support group",
}
_TENURE = {
    "social_rent": "You rent from a council or housing association",
    "private_rent": "You rent privately",
    "owner": "You own your home",
    "none": "You do not pay rent",
}
_NATION = {"england": "England", "scotland": "Scotland", "wales": "Wales"}


def _award(label: str, parts: dict[str, str]) -> str | None:
    given = [f"{name.replace('_', ' ')} {rate} rate" for name, rate in parts.items() if rate != "none"]
    return f"{label}: {' and '.join(given)}." if given else None


def _judgements(adult: Adult, you: bool) -> list[str]:
    """The legal judgements behind one adult's figures (decisions for DWP or Social Security Scotland)."""
    who, has, get = ("You", "have", "get") if you else (adult.name, "has", "gets")
    out = []
    if adult.universal_credit_health != "none":
        since = ""
        if adult.health_element_protected:
            since = ", since before 6 April 2026"
        elif adult.health_element_protected is False:
            since = ", from 6 April 2026 or later"
        out.append(
            f"{who} {has} {_HEALTH[adult.universal_credit_health]} for Universal Credit{since}. "
            "This is a decision DWP makes."
        )
    if adult.new_style_esa != "none":
        out.append(f"{who} {get} New Style ESA {_ESA_GROUP[adult.new_style_esa]}.")
    if adult.supported_permitted_work:
        out.append(f"{who} would do supported permitted work, supervised by a support worker.")
    if adult.new_style_jsa:
        out.append(f"{who} {get} New Style JSA.")
    if adult.carer is not None:
        out.append(
            f"{who} care{'' if you else 's'} for {hours_text(adult.carer.hours_per_week)} hours a week "
            "for someone who gets a disability benefit that qualifies. "
            "Whether this counts is a decision for DWP or Social Security Scotland."
        )
    return out


def _figures(adult: Adult, you: bool) -> list[str]:
    """The figures one adult gave: disability awards, age, the job, earnings and other income."""
    who, has, get = ("You", "have", "get") if you else (adult.name, "has", "gets")
    awards = (
        _award(f"{who} {get} PIP", adult.pip.model_dump()) if adult.pip else None,
        _award(f"{who} {get} Adult Disability Payment", adult.adult_disability_payment.model_dump())
        if adult.adult_disability_payment
        else None,
        _award(f"{who} {get} Disability Living Allowance", adult.disability_living_allowance.model_dump())
        if adult.disability_living_allowance
        else None,
        f"{who} {get} Attendance Allowance at the {adult.attendance_allowance} rate."
        if adult.attendance_allowance != "none"
        else None,
    )
    out = [line for line in awards if line]
    out.append(f"{'Your' if you else adult.name + chr(39) + 's'} age: {adult.age}.")
    if adult.job is not None:
        out.append(f"The job pays {money(adult.job.hourly_pay)} an hour, with {pension_words(adult.job.pension)}.")
    if adult.earnings is not None:
        out.append(f"{who} {'earn' if you else 'earns'} {amount_given(adult.earnings)} before tax.")
    if adult.other_unearned_income is not None:
        out.append(f"{who} {has} other income of {amount_given(adult.other_unearned_income)}.")
    return out


def _household(scenario: Scenario) -> list[str]:
    """The figures given for the household: children, the home, costs, savings and where it is."""
    out = []
    if scenario.children:
        ages = [str(c.age) if c.age is not None else f"born {long_date(c.date_of_birth)}" for c in scenario.children]  # type: ignore[arg-type]  # a child has an age or a date of birth (scenario model)
        out.append(f"Children: {len(ages)} ({', '.join(ages)}).")
    housing = scenario.housing
    rent = f", rent {amount_given(housing.rent)}" if housing.rent else ""
    rooms = (
        f", {housing.bedrooms} bedroom{'s' if housing.bedrooms != 1 else ''}" if housing.bedrooms is not None else ""
    )
    out.append(f"{_TENURE[housing.tenure]}{rent}{rooms}.")
    if housing.service_charges:
        out.append(f"Service charges: {amount_given(housing.service_charges)}.")
    if housing.council_tax:
        out.append(f"Council tax: {amount_given(housing.council_tax)}.")
    if scenario.childcare:
        out.extend(_childcare_words(scenario.childcare))
    if scenario.work_costs:
        out.append(f"Costs of getting to work: {amount_given(scenario.work_costs)} when working.")
    out.append(f"Savings: {money(scenario.capital)}.")
    nation = _NATION.get(scenario.nation, scenario.nation)
    out.append(f"You live in {nation}{' (Greater London)' if scenario.in_greater_london else ''}.")
    return out


def assumptions(doc: dict[str, Any], scenario: Scenario) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(legal judgements the figures rest on, figures the client gave)."""
    judgements: list[str] = []
    figures: list[str] = []
    for adult in scenario.adults:
        you = adult.name == doc["person"]
        judgements.extend(_judgements(adult, you))
        figures.extend(_figures(adult, you))
    warned = warnings_by_code(doc)
    for code in ASSUMED_CODES:
        if code in ("carer_hours_assumed", "universal_credit_tax_on_benefits"):
            continue  # said above, or below, in plainer words
        said = (for_client(code, m) for _, m in warned.get(code, []))
        judgements.extend(dict.fromkeys(text for text in said if text))
    judgements.extend(paye_words(doc))
    figures.extend(_household(scenario))
    baseline = d(doc["baseline_hours"])
    if baseline:
        judgements.append(f"'Now' means working {hours_text(baseline)} hours a week.")
    return tuple(judgements), tuple(figures)


def limit_applies(limit: registry.Limit, scenario: Scenario) -> bool:
    """Whether a programme's limit touches this household (registry.Condition, one answer each)."""
    housing = scenario.housing
    facts: dict[str, bool] = {
        "always": True,
        "self_employed": any(adult.self_employment is not None for adult in scenario.adults),
        "private_rent": housing.tenure == "private_rent",
        "esa_work_related_activity_group": any(adult.new_style_esa == "wrag" for adult in scenario.adults),
        "under_18": any(adult.age < 18 for adult in scenario.adults),
        "scotland": scenario.nation == "scotland",
        "supported_or_temporary_accommodation": housing.accommodation != "general",
    }
    return facts[limit.when]


def _limits(doc: dict[str, Any], scenario: Scenario) -> list[registry.Limit]:
    """The limits of the programmes paid at any of the hours shown, where they touch this household."""
    paid = {name for p in doc["points"] for name, amount in p["benefits"].items() if amount}
    return [
        limit
        for spec in registry.PROGRAMMES
        if spec.key in paid
        for limit in spec.limits
        if limit_applies(limit, scenario)
    ]


def limits(doc: dict[str, Any], scenario: Scenario) -> tuple[str, ...]:
    """What is not modelled that touches this case, in the client's words (where there are any)."""
    return tuple(plain(limit.client) for limit in _limits(doc, scenario) if limit.client)


def paye_words(doc: dict[str, Any]) -> list[str]:
    """The PAYE assumption in plain words, where tax on a taxable benefit is collected through the job
    (UC Regs 2013 reg 55(5): UC counts pay after the tax actually deducted)."""
    if not any(w["code"] == "universal_credit_tax_on_benefits" for p in doc["points"] for w in p["warnings"]):
        return []
    taxed = [
        name_of(key)
        for key in registry.taxable()
        if any(d(p["benefits"].get(key, 0)) and d(p["hours"]) for p in doc["points"])
    ]
    names = " and ".join(taxed) if taxed else "your taxable benefits"
    return [
        f"Income tax on your {names} is taken through the tax code of your job, so it comes out of your pay. "
        "Universal Credit counts your pay after that tax, so it makes up part of the tax."
    ]


def not_covered(doc: dict[str, Any], scenario: Scenario) -> tuple[str, ...]:
    """What the figures leave out: what could not be worked out here, the programmes' limits, the rest."""
    out = []
    for item in doc.get("not_modelled", []):
        name = item.get("item", "")
        spec = registry.BY_KEY.get(name)
        if spec is not None and spec.not_modelled_client:
            out.append(spec.not_modelled_client)
        else:
            out.append(f"{name_of(name)}: {item.get('reason', 'not worked out here')}.")
    out.extend(limits(doc, scenario))
    out.extend(GENERAL_LIMITS)
    return tuple(text for text in out if client_safe(text))


def adviser_limits(doc: dict[str, Any], scenario: Scenario) -> tuple[str, ...]:
    """What is not covered that touches this case, in an adviser's words (kept off the client's pages)."""
    out = [f"{item.get('item', '')}: {item.get('reason', '')}" for item in doc.get("not_modelled", [])]
    out.extend(limit.adviser for limit in _limits(doc, scenario))
    return tuple(out)


def _childcare_words(care: Amount | Childcare) -> list[str]:
    """The childcare the client gave, in the form they gave it."""
    if isinstance(care, Amount):
        return [f"Childcare: {amount_given(care)} when working."]
    out = []
    if care.existing is not None:
        out.append(f"Childcare you pay now, for work already done: {amount_given(care.existing)}.")
    if care.for_the_job is not None:
        out.append(f"Childcare for the job: {amount_given(care.for_the_job)} when working.")
    if care.per_hour_worked is not None:
        out.append(f"Childcare for the job: {money(care.per_hour_worked)} for each hour worked.")
    if care.by_hours:
        steps = ", ".join(
            f"{amount_given(Amount(amount=step.amount, period=step.period))} for up to "
            f"{hours_text(step.up_to_hours)} hours"
            for step in care.by_hours
        )
        out.append(f"Childcare for the job: {steps} a week of work.")
    return out
