"""Which council tax reduction schemes the rules hold, loading one for a day, and choosing the one
that applies to a household."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from benefitcalc.breakdown import Warning
from benefitcalc.errors import RulesError, ScenarioError
from benefitcalc.loader import Param, ParameterNode, RuleSet
from benefitcalc.programmes.council_tax_reduction.validation import GROUP, Scheme, build_scheme, flatten
from benefitcalc.scenario import Scenario

NATIONAL_SCHEMES = {"scotland": "scotland", "wales": "wales"}
ENGLAND_PENSION_AGE = "england_pension_age"
# Scotland's and Wales's pension-age schemes (SSI 2012/319; WSI 2013/3029 Sch 1-5) are not held
PENSION_AGE_NOT_HELD = ""


def scheme_files(rules: RuleSet, scheme_id: str) -> dict[str, str]:
    """Each parameter path of the scheme and the file it comes from."""
    prefix = f"{GROUP}.{scheme_id}."
    return {path: spec.file for path, spec in rules.parameters.items() if path.startswith(prefix)}


def scheme_ids(rules: RuleSet) -> list[str]:
    """Every scheme id in the rules (shipped and laid over with --rules)."""
    prefix = GROUP + "."
    return sorted({path[len(prefix) :].split(".", 1)[0] for path in rules.parameters if path.startswith(prefix)})


def load_scheme(rules: RuleSet, scheme_id: str, day: date) -> Scheme | None:
    """The scheme in force on ``day``, checked; None if its rules start later or are not held (null design).

    Checked once per rule set, scheme and day (``RuleSet.derived``), so every point of a sweep shares it.
    """
    scheme: Scheme | None = rules.derived(
        ("council_tax_reduction", "scheme", scheme_id, day), lambda: _load_scheme(rules, scheme_id, day)
    )
    return scheme


def _load_scheme(rules: RuleSet, scheme_id: str, day: date) -> Scheme | None:
    files = scheme_files(rules, scheme_id)
    if not files:
        known = ", ".join(scheme_ids(rules)) or "none"
        raise ScenarioError(
            f"{scheme_id!r} is not a council tax reduction scheme in the rules. Known schemes: {known}. "
            "Run `benefitcalc rules schemes`, or add your council's scheme file with --rules DIR "
            "(docs/council_tax_reduction.md)",
            "housing.council_tax_reduction_scheme",
        )
    group = rules.at(day).get(GROUP)
    assert isinstance(group, ParameterNode)
    if scheme_id not in group:
        return None
    node = getattr(group, scheme_id)
    if not isinstance(node, ParameterNode):
        raise RulesError(
            "a scheme must be a group of parameters (a file), not one parameter", next(iter(files.values()))
        )
    params = flatten(node)
    design = params.get("design")
    if design is None:
        raise RulesError(
            "the scheme has no `design` (means_tested or banded)",
            f"{next(iter(files.values()))}: {GROUP}.{scheme_id}.design",
        )
    if design.value is None:
        return None
    return build_scheme(scheme_id, params, files)


def validate_all(rules: RuleSet) -> int:
    """Check every scheme on every date one of its values starts; return how many schemes."""
    ids = scheme_ids(rules)
    for scheme_id in ids:
        prefix = f"{GROUP}.{scheme_id}."
        starts = sorted(
            {v.start for path, spec in rules.parameters.items() if path.startswith(prefix) for v in spec.values}
        )
        for start in starts:
            day = max(start, rules.covers_from)
            if day > rules.covers_to:
                continue
            try:
                load_scheme(rules, scheme_id, day)
            except ScenarioError as exc:  # pragma: no cover - ids come from the rules
                raise RulesError(exc.message, scheme_id) from None
    return len(ids)


@dataclass(frozen=True)
class SchemeSummary:
    id: str
    name: str
    nation: str
    applies_to: str
    file: str
    years: tuple[tuple[date, str | None], ...]  # (from, design or None where not held)


def list_schemes(rules: RuleSet) -> list[SchemeSummary]:
    """Every scheme with the dates its design changes (None: no rules held from that date)."""
    out = []
    for scheme_id in scheme_ids(rules):
        base = f"{GROUP}.{scheme_id}"
        specs = rules.parameters
        design = specs.get(f"{base}.design")
        name = specs.get(f"{base}.name")
        nation = specs.get(f"{base}.nation")
        applies = specs.get(f"{base}.applies_to")
        file = next(iter(scheme_files(rules, scheme_id).values()))
        years = tuple((v.start, v.value) for v in design.values) if design else ()
        out.append(
            SchemeSummary(
                scheme_id,
                str(name.values[-1].value) if name else scheme_id,
                str(nation.values[-1].value) if nation else "?",
                str(applies.values[-1].value) if applies else "?",
                file,
                years,
            )
        )
    return out


# --- choosing the scheme for a household -----------------------------------------------------------


def is_pension_age(scenario: Scenario, qualifying_age: int) -> bool:
    """Every adult at the qualifying age for state pension credit (a single person, or a couple both over it)."""
    return all(adult.age >= qualifying_age for adult in scenario.adults)


def _latest(rules: RuleSet, scheme_id: str, key: str) -> object:
    spec = rules.parameters.get(f"{GROUP}.{scheme_id}.{key}")
    return spec.values[-1].value if spec is not None else None


def _national(scenario: Scenario, rules: RuleSet, day: date, uc_award: Decimal) -> str:
    """Scotland or Wales: the national working-age scheme, or the not-held pension-age scheme."""
    given = scenario.housing.council_tax_reduction_scheme
    national = NATIONAL_SCHEMES[scenario.nation]
    pension_age = rules.at(day).get("dwp.housing_benefit.qualifying_age_for_pension_credit")
    assert isinstance(pension_age, Param)
    if is_pension_age(scenario, int(pension_age.value)) and uc_award <= 0:
        return PENSION_AGE_NOT_HELD
    if given and given != national:
        if not scheme_files(rules, given):
            load_scheme(rules, given, day)  # raises the unknown-scheme error
        if _latest(rules, given, "nation") != scenario.nation:
            raise ScenarioError(
                f"{given!r} is not a scheme for {scenario.nation.title()}; {scenario.nation.title()} has one "
                f"national scheme ({national!r}). "
                "Leave council_tax_reduction_scheme out to use it",
                "housing.council_tax_reduction_scheme",
            )
        return given
    return national


def _england_pension_age(rules: RuleSet, day: date) -> int | None:
    """The qualifying age of England's pension-age scheme on ``day``, if held then."""
    spec = rules.parameters.get(f"{GROUP}.{ENGLAND_PENSION_AGE}.qualifying_age")
    if spec is None or spec.values[0].start > day or spec.value_on(day).value is None:
        return None
    return int(spec.value_on(day).value)


def choose_scheme(scenario: Scenario, rules: RuleSet, day: date, uc_award: Decimal) -> tuple[str | None, list[Warning]]:
    """The scheme id that applies, or None (England, working age, none given)."""
    given = scenario.housing.council_tax_reduction_scheme
    warnings: list[Warning] = []
    if scenario.nation in NATIONAL_SCHEMES:
        return _national(scenario, rules, day, uc_award), warnings
    # England: pension-age households are on the national scheme (SI 2012/2885) unless on UC.
    qualifying = _england_pension_age(rules, day)
    if qualifying is not None and is_pension_age(scenario, qualifying) and uc_award <= 0:
        if given and given != ENGLAND_PENSION_AGE:
            warnings.append(
                Warning(
                    "ctr_pension_age_scheme",
                    "Every adult is of pension age and not on UC, so England's national pension-age scheme "
                    f"applies, not {given!r} (SI 2012/2885 reg 14).",
                )
            )
        return ENGLAND_PENSION_AGE, warnings
    if given:
        nation = _latest(rules, given, "nation")
        if nation is not None and nation != "england":
            raise ScenarioError(
                f"{given!r} is a scheme for {nation}, but the household is in England",
                "housing.council_tax_reduction_scheme",
            )
        if _latest(rules, given, "applies_to") == "pension_age":
            raise ScenarioError(
                f"{given!r} is for pension-age households not on UC; this household is of working age or on "
                "UC. Give the council's working-age scheme",
                "housing.council_tax_reduction_scheme",
            )
        return given, warnings
    return None, warnings


def missing_scheme_reason(scenario: Scenario) -> str | None:
    """Why council tax reduction was not worked out for want of a scheme (for `not_modelled`)."""
    if (
        scenario.nation != "england"
        or scenario.housing.council_tax is None
        or scenario.housing.council_tax_reduction_scheme
    ):
        return None
    if all(adult.age >= 66 for adult in scenario.adults):
        return None
    return (
        "England: each council sets its own working-age council tax reduction scheme and the scenario names none "
        "(housing.council_tax_reduction_scheme). None is guessed: see `benefitcalc rules schemes`, or add "
        "the council's scheme with --rules DIR"
    )
