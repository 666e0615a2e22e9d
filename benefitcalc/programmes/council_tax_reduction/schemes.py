"""Which council tax reduction schemes the rules hold, loading one for a day, and choosing the one
that applies to a household."""

from __future__ import annotations

import difflib
from datetime import date
from decimal import Decimal

from benefitcalc.breakdown import Warning
from benefitcalc.errors import RulesError, ScenarioError
from benefitcalc.loader import Param, ParameterNode, RuleSet
from benefitcalc.programmes.council_tax_reduction.validation import (
    DESIGNS_GROUP,
    GROUP,
    Scheme,
    build_scheme,
    flatten,
)
from benefitcalc.scenario import Scenario

NATIONAL_SCHEMES = {"scotland": "scotland", "wales": "wales"}
ENGLAND_PENSION_AGE = "england_pension_age"
# Scotland's and Wales's pension-age schemes (SSI 2012/319; WSI 2013/3029 Sch 1-5) are not held
PENSION_AGE_NOT_HELD = ""


def scheme_files(rules: RuleSet, scheme_id: str) -> dict[str, str]:
    """Each parameter path of the scheme and the file it comes from."""
    # under(): reads this scheme's files only, not every council's (loader.parameters)
    return {path: spec.file for path, spec in rules.parameters.under(f"{GROUP}.{scheme_id}").items()}


def scheme_ids(rules: RuleSet) -> list[str]:
    """Every scheme id in the rules (shipped and laid over with --rules); not the base designs."""
    prefix = GROUP + "."
    ids = {path[len(prefix) :].split(".", 1)[0] for path in rules.parameters if path.startswith(prefix)}
    return sorted(ids - {DESIGNS_GROUP})


def design_ids(rules: RuleSet) -> list[str]:
    """Every base design a scheme may name in its `base` (rules/local_authority/council_tax_reduction/designs/)."""
    prefix = f"{GROUP}.{DESIGNS_GROUP}."
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
        close = difflib.get_close_matches(scheme_id, scheme_ids(rules), n=3, cutoff=0.5)
        raise ScenarioError(
            f"{scheme_id!r} is not a council tax reduction scheme in the rules. Closest held: "
            f"{', '.join(close) or 'none'}. Find a council's scheme by its name with "
            "`benefitcalc rules schemes --council NAME`; to add one, `benefitcalc rules new-scheme ID --design "
            "banded|means_tested --out DIR` writes a file to fill in, used with --rules DIR "
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
    own_file = files.get(f"{GROUP}.{scheme_id}.name") or next(iter(files.values()))
    params = flatten(node)
    base = params.pop("base", None)
    if base is not None:
        if base.value is None:
            return None  # not held from this date
        base_params, base_files = _base_design(rules, scheme_id, base, day, own_file)
        params = {**base_params, **params}
        files = {**base_files, **files}
    design = params.get("design")
    if design is None:
        raise RulesError(
            "the scheme has no `design` (means_tested or banded) and no `base` design to take it from",
            f"{own_file}: {GROUP}.{scheme_id}",
        )
    if design.value is None:
        return None
    return build_scheme(scheme_id, params, files, rules.key_lines, own_file)


def _base_design(
    rules: RuleSet, scheme_id: str, base: Param, day: date, own_file: str, seen: tuple[str, ...] = ()
) -> tuple[dict[str, Param], dict[str, str]]:
    """The parameters of the base design a scheme names, in force on ``day`` (the scheme's own win), and
    their files. A base design may itself name a base (england_hybrid on england_default_means_tested):
    its own values come first and win."""
    group = rules.at(day).get(GROUP)
    assert isinstance(group, ParameterNode)
    designs = getattr(group, DESIGNS_GROUP) if DESIGNS_GROUP in group else None
    if not isinstance(designs, ParameterNode) or base.value not in designs or base.value in seen:
        known = ", ".join(design_ids(rules)) or "none"
        line = rules.key_lines(own_file).get("base")
        raise RulesError(
            f"`base` is {base.value!r}, which is not a base design in force on {day.isoformat()}; "
            f"the base designs are: {known} (rules/local_authority/council_tax_reduction/designs/)",
            f"{own_file}{'' if line is None else f':{line}'}: {GROUP}.{scheme_id}.base",
        )
    node = getattr(designs, base.value)
    assert isinstance(node, ParameterNode)
    params = flatten(node)
    files = scheme_files(rules, f"{DESIGNS_GROUP}.{base.value}")
    deeper = params.pop("base", None)
    if deeper is not None and deeper.value is not None:
        design_file = files.get(deeper.path, own_file)
        more, more_files = _base_design(rules, scheme_id, deeper, day, design_file, (*seen, str(base.value)))
        params = {**params, **{key: param for key, param in more.items() if key not in params}}
        files = {**more_files, **files}
    return params, files


def _bases_named(rules: RuleSet, scheme_id: str) -> list[str]:
    """The base designs a scheme's `base` names on any date, and the bases they name (as design group names)."""
    names: set[str] = set()
    todo = [f"{GROUP}.{scheme_id}.base"]
    while todo:
        spec = rules.parameters.get(todo.pop())
        for value in spec.values if spec is not None else ():
            if value.value is not None and value.value not in names:
                names.add(str(value.value))
                todo.append(f"{GROUP}.{DESIGNS_GROUP}.{value.value}.base")
    return [f"{DESIGNS_GROUP}.{name}" for name in sorted(names)]


def scheme_value(rules: RuleSet, scheme_id: str, key: str, day: date | None = None) -> object:
    """A scheme's value of ``key`` on ``day`` (default: its latest), from its own file or else its base
    design (the base named on that day, or the latest one named); None if neither holds it."""
    own = rules.parameters.get(f"{GROUP}.{scheme_id}.{key}")
    if own is not None and (day is None or own.values[0].start <= day):
        return own.value_on(day).value if day is not None else own.values[-1].value
    base_spec = rules.parameters.get(f"{GROUP}.{scheme_id}.base")
    if base_spec is None or (day is not None and base_spec.values[0].start > day):
        return None
    named = [v.value for v in base_spec.values if v.value is not None and (day is None or v.start <= day)]
    base = base_spec.value_on(day).value if day is not None else (named[-1] if named else None)
    if not base or f"{DESIGNS_GROUP}.{base}" == scheme_id:
        return None
    # the base design's value (or its own base's: a base design may name a base)
    return scheme_value(rules, f"{DESIGNS_GROUP}.{base}", key, day)


def validate_all(rules: RuleSet) -> int:
    """Check every scheme on every date one of its values starts; return how many schemes."""
    ids = scheme_ids(rules)
    for scheme_id in ids:
        prefixes = tuple(f"{GROUP}.{name}." for name in (scheme_id, *_bases_named(rules, scheme_id)))
        starts = sorted(
            {v.start for path, spec in rules.parameters.items() if path.startswith(prefixes) for v in spec.values}
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


# --- choosing the scheme for a household -----------------------------------------------------------


def is_pension_age(scenario: Scenario, qualifying_age: int) -> bool:
    """A "pensioner" household, the UC test apart: the applicant has reached the qualifying age for
    state pension credit, and a couple may apply as its older partner -- so one adult at that age is
    enough (SI 2012/2885 reg 3(1)(a)(i); SSI 2012/303 reg 12; WSI 2013/3029 reg 3). The caller adds
    the other half of the test: neither partner has an award of UC (reg 3(1)(a)(ii)(bb)); IS, income-
    based JSA and income-related ESA are not in the scenario."""
    return any(adult.age >= qualifying_age for adult in scenario.adults)


def is_mixed_age(scenario: Scenario, qualifying_age: int) -> bool:
    """A couple of whom one has reached the qualifying age for state pension credit and one has not."""
    ages = [adult.age >= qualifying_age for adult in scenario.adults]
    return any(ages) and not all(ages)


def _latest(rules: RuleSet, scheme_id: str, key: str) -> object:
    return scheme_value(rules, scheme_id, key)


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
        if is_mixed_age(scenario, qualifying):
            warnings.append(
                Warning(
                    "ctr_mixed_age_couple",
                    f"One partner has reached the qualifying age for state pension credit ({qualifying}) and neither "
                    "has an award of Universal Credit, so the couple is assessed under England's pension-age scheme, "
                    "with the older partner as the applicant (SI 2012/2885 reg 3(1)(a)). With an award of UC the "
                    "council's working-age scheme would apply instead (reg 3(1)(b)(ii)).",
                )
            )
        if given and given != ENGLAND_PENSION_AGE:
            warnings.append(
                Warning(
                    "ctr_pension_age_scheme",
                    "The household is of pension age and not on UC, so England's national pension-age scheme "
                    f"applies, not {given!r} (SI 2012/2885 regs 3 and 14).",
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
    if any(adult.age >= 66 for adult in scenario.adults):
        return None  # the pension-age scheme applies unless on UC (reg 3), which is not known here
    return (
        "England: each council sets its own working-age council tax reduction scheme and the scenario names none "
        "(housing.council_tax_reduction_scheme). None is guessed: find the council's with `benefitcalc rules "
        "schemes --council NAME`, or add it with `benefitcalc rules new-scheme` and --rules DIR"
    )
