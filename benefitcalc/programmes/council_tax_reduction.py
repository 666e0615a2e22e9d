"""Council tax reduction: national schemes and councils' own schemes, read from YAML (docs/council_tax_reduction.md).

Each scheme is one file, ``rules/local_authority/council_tax_reduction/<scheme_id>.yaml``, whose
parameters say which design it follows and every number it uses. Two designs are supported:

* ``means_tested`` -- the pattern of the Council Tax Reduction Schemes (Prescribed Requirements)
  (England) Regulations 2012 (SI 2012/2885) and the Welsh and Scottish national schemes: maximum
  reduction (a share of the weekly liability, perhaps capped at a band, less non-dependant
  deductions) less a taper of the weekly income above the applicable amount;
* ``banded`` -- a council's income-banded scheme: the household's weekly income falls in a band
  that gives a percentage discount, which depends on the household type.

The law works by the day (liability for the year / days in the year); the reduction is worked out
per week as councils show it and reported as a year's amount (a week's amount x days / 7), so a
full reduction leaves exactly nothing to pay. Python holds the structure only; every number is in
the scheme file, and :func:`validate_scheme` refuses a file whose structure is wrong, naming the
file and the key.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from benefitcalc.breakdown import Line, PersonEarnings, ProgrammeResult, Warning
from benefitcalc.errors import RulesError, ScenarioError
from benefitcalc.loader import Param, ParameterNode, RuleSet
from benefitcalc.periods import (
    ZERO,
    convert,
    monthly_to_weekly,
    pence,
    positive,
    round_up_to,
)
from benefitcalc.programmes.non_dependants import banded_deduction
from benefitcalc.programmes.weekly_earnings import net_weekly_earnings_lines
from benefitcalc.scenario import Adult, Scenario

PROGRAMME = "council_tax_reduction"
GROUP = "local_authority.council_tax_reduction"
NATIONAL_SCHEMES = {"scotland": "scotland", "wales": "wales"}
ENGLAND_PENSION_AGE = "england_pension_age"
PENSION_AGE_NOT_HELD = (
    ""  # Scotland's and Wales's pension-age schemes (SSI 2012/319; WSI 2013/3029 Sch 1-5) are not held
)

DESIGNS = ("means_tested", "banded")
NATIONS = ("england", "scotland", "wales")
APPLIES_TO = ("working_age", "pension_age")
UC_APPLICABLE_AMOUNT = ("uc_maximum_amount", "scheme_amounts")
# UC elements a scheme may leave out of the UC award it counts as income, and the UC breakdown
# lines that hold them (benefitcalc.programmes.universal_credit).
UC_ELEMENTS: dict[str, tuple[str, ...]] = {
    "housing": ("housing_element",),
    "lcw_lcwra": ("lcwra_element", "lcw_element"),
    "carer": ("carer_element",),
    "disabled_child": ("disabled_child_element",),
    "childcare": ("childcare_element",),
    "child": ("child_element",),
}
# Income a scheme may disregard in full. Child Benefit, PIP, ADP, DLA and Attendance Allowance are
# disregarded by every scheme held (Default Scheme Sch 8 pattern) and are never counted here.
BENEFITS = ("carers_allowance", "carer_support_payment", "new_style_esa", "new_style_jsa", "other_unearned_income")
BANDS = ("A", "B", "C", "D", "E", "F", "G", "H", "I")
# Conditions a council's "protected group" may be defined by: the household would have had this
# premium under the national (default) scheme. The severe disability premium cannot be told from
# the scenario (it depends on who lives there and who cares), so it is not among them.
PROTECTED_CONDITIONS = ("disability_premium", "enhanced_disability_premium", "disabled_child_premium", "carer_premium")

WORKING_AGE_ALLOWANCES = ("single_under_25", "single_25_or_over", "lone_parent", "couple")
PENSION_AGE_ALLOWANCES = (
    "single_before_april_2021",
    "single_from_april_2021",
    "couple_before_april_2021",
    "couple_from_april_2021",
)
PREMIUMS = (
    "disability_single",
    "disability_couple",
    "enhanced_disability_single",
    "enhanced_disability_couple",
    "enhanced_disability_child",
    "disabled_child",
    "carer",
)
# Born before this day: reached State Pension age (66) before 1 April 2021 (SI 2012/2885 Sch 2 para 1).
PENSION_AGE_2021_BIRTH_CUTOFF = date(1955, 4, 1)

LIMITS = (
    "Second adult rebate (alternative maximum council tax reduction) and Scotland's separate band E-H relief are not modelled.",
    "Passported awards for income support, income-based JSA and income-related ESA are not modelled (those benefits are not in the scenario).",
    "The severe disability premium, the ESA work-related activity and support components and transitional premiums are not in the applicable amounts.",
    "Protected groups with a higher maximum in a council's scheme are modelled only where the scheme file describes them.",
    "Income is taken as the same every week; self-employment and minimum income floors are not modelled.",
    "Childcare charges of applicants without UC (Scotland reg 77 and the default-scheme equivalents) are not deducted from income.",
)


# --- reading a scheme -----------------------------------------------------------------------


@dataclass(frozen=True)
class Scheme:
    """One scheme's parameters in force on one day, with the file each came from."""

    id: str
    node: ParameterNode
    files: dict[str, str]
    # Every parameter of the scheme by its dotted name below the scheme, built once: schemes are
    # checked and kept per rule set and day (load_scheme), so each point of a sweep only looks up.
    flat: dict[str, Param] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        flat: dict[str, Param] = {}

        def walk(node: ParameterNode, prefix: str) -> None:
            for name, child in node.children().items():
                if isinstance(child, ParameterNode):
                    walk(child, f"{prefix}{name}.")
                else:
                    flat[f"{prefix}{name}"] = child

        walk(self.node, "")
        object.__setattr__(self, "flat", flat)

    def where(self, param: Param | str, detail: str = "") -> str:
        path = param if isinstance(param, str) else param.path
        file = self.files.get(path) or next(iter(self.files.values()), "rules")
        suffix = ""
        if isinstance(param, Param):
            suffix = f".values.{param.effective_from.isoformat()}.value"
        return f"{file}: {path}{suffix}{detail}"

    def has(self, dotted: str) -> bool:
        return dotted in self.flat

    def param(self, dotted: str) -> Param:
        found = self.flat.get(dotted)
        if found is None:
            path = f"{GROUP}.{self.id}.{dotted}"
            raise RulesError(
                f"the scheme has no `{dotted}`, which a {self.design_text()} scheme needs (see docs/council_tax_reduction.md)",
                f"{self.where(path)}",
            )
        return found

    def design_text(self) -> str:
        if self.has("design") and isinstance(self.node.get("design").value, str):  # type: ignore[union-attr]
            return str(self.node.get("design").value)  # type: ignore[union-attr]
        return "council tax reduction"


def _scheme_files(rules: RuleSet, scheme_id: str) -> dict[str, str]:
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
    return rules.derived(
        ("council_tax_reduction", "scheme", scheme_id, day), lambda: _load_scheme(rules, scheme_id, day)
    )  # type: ignore[no-any-return]


def _load_scheme(rules: RuleSet, scheme_id: str, day: date) -> Scheme | None:
    files = _scheme_files(rules, scheme_id)
    if not files:
        known = ", ".join(scheme_ids(rules)) or "none"
        raise ScenarioError(
            f"{scheme_id!r} is not a council tax reduction scheme in the rules. Known schemes: {known}. "
            "Run `benefitcalc rules schemes`, or add your council's scheme file with --rules DIR (docs/council_tax_reduction.md)",
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
    scheme = Scheme(scheme_id, node, files)
    if not scheme.has("design"):
        raise RulesError(
            "the scheme has no `design` (means_tested or banded)", scheme.where(f"{GROUP}.{scheme_id}.design")
        )
    if scheme.param("design").value is None:
        return None
    validate_scheme(scheme)
    return scheme


# --- validation: structure a scheme must have, with messages naming file and key --------------


def _expect(
    scheme: Scheme, dotted: str, unit: str | tuple[str, ...], *, nullable: bool = False, period: str | None = None
) -> Param:
    param = scheme.param(dotted)
    units = (unit,) if isinstance(unit, str) else unit
    if param.unit not in units:
        raise RulesError(f"`{dotted}` must have unit {' or '.join(units)}, not {param.unit}", scheme.where(param.path))
    if period is not None and param.period != period:
        raise RulesError(f"`{dotted}` must have period {period}, not {param.period}", scheme.where(param.path))
    if param.value is None and not nullable:
        raise RulesError(
            f"`{dotted}` is null on this date; it must have a value while the scheme is in force", scheme.where(param)
        )
    return param


def _choice(scheme: Scheme, dotted: str, allowed: Sequence[str]) -> str:
    param = _expect(scheme, dotted, "text")
    if param.value not in allowed:
        raise RulesError(f"`{dotted}` is {param.value!r}; allowed: {', '.join(allowed)}", scheme.where(param))
    return str(param.value)


def _table(scheme: Scheme, dotted: str, columns: Sequence[str], period: str | None = None) -> Param:
    param = scheme.param(dotted)
    rows = param.value
    if not isinstance(rows, tuple) or not all(hasattr(r, "keys") for r in rows):
        raise RulesError(
            f"`{dotted}` must be a table (type: table) with columns {list(columns)}", scheme.where(param.path)
        )
    for i, row in enumerate(rows):
        if set(row.keys()) != set(columns):
            raise RulesError(
                f"each row of `{dotted}` must have exactly the columns {list(columns)}", scheme.where(param, f"[{i}]")
            )
    if period is not None and param.period != period:
        raise RulesError(f"`{dotted}` must have period {period}, not {param.period}", scheme.where(param.path))
    return param


def _number(
    scheme: Scheme, param: Param, i: int, column: str, value: Any, *, share: bool = False, nullable: bool = False
) -> Decimal | None:
    here = f"[{i}].{column}"
    if value is None and nullable:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise RulesError(f"must be a number, got {value!r}", scheme.where(param, here))
    number = Decimal(value)
    if number < 0:
        raise RulesError(f"must not be negative, got {value}", scheme.where(param, here))
    if share and number > 1:
        raise RulesError(f"is a share of the bill, from 0 to 1 (0.63 for 63%), got {value}", scheme.where(param, here))
    return number


def validate_scheme(scheme: Scheme) -> None:
    """Check a scheme's structure on one day: every key its design needs, of the right kind."""
    design = _choice(scheme, "design", DESIGNS)
    _expect(scheme, "name", "text")
    _choice(scheme, "nation", NATIONS)
    applies_to = _choice(scheme, "applies_to", APPLIES_TO)
    _expect(scheme, "capital_limit", "currency-GBP", nullable=True)
    _expect(scheme, "minimum_award", "currency-GBP", period="week")
    if scheme.has("caveat"):
        _expect(scheme, "caveat", "text", nullable=True)
    if scheme.has("band_cap"):
        band = scheme.param("band_cap")
        if band.value is not None and band.value not in BANDS:
            raise RulesError(
                f"`band_cap` is {band.value!r}; allowed: one of {', '.join(BANDS)} or null", scheme.where(band)
            )
    if scheme.has("non_dependant_exempt_if_disability_benefit"):
        _expect(scheme, "non_dependant_exempt_if_disability_benefit", "bool")
    nondeps = _table(scheme, "non_dependant_deductions", ("gross_income_from", "deduction"), period="week")
    previous = None
    for i, row in enumerate(nondeps.value):
        start = _number(scheme, nondeps, i, "gross_income_from", row["gross_income_from"])
        _number(scheme, nondeps, i, "deduction", row["deduction"])
        if i == 0 and start != 0:
            raise RulesError(
                "the first row must start at gross_income_from: 0 (it is also the deduction for a non-dependant not in remunerative work)",
                scheme.where(nondeps, "[0]"),
            )
        if previous is not None and start is not None and start <= previous:
            raise RulesError("rows must be in ascending order of gross_income_from", scheme.where(nondeps, f"[{i}]"))
        previous = start
    if not nondeps.value:
        raise RulesError(
            "needs at least one row (gross_income_from: 0, deduction: 0 for a scheme with no deductions)",
            scheme.where(nondeps),
        )
    # income rules
    for key in ("single", "couple", "lone_parent"):
        _expect(scheme, f"income.earnings_disregard.{key}", "currency-GBP", period="week")
    for key in ("disability_or_carer", "additional"):
        if scheme.has(f"income.earnings_disregard.{key}"):
            _expect(scheme, f"income.earnings_disregard.{key}", "currency-GBP", nullable=True, period="week")
    _expect(scheme, "income.pension_contributions_deducted", "/1")
    _expect(scheme, "income.universal_credit_counts", "bool")
    elements = _table(scheme, "income.universal_credit_disregarded_elements", ("element",))
    for i, row in enumerate(elements.value):
        if row["element"] not in UC_ELEMENTS:
            raise RulesError(
                f"{row['element']!r} is not a UC element this calculator knows; allowed: {', '.join(UC_ELEMENTS)}",
                scheme.where(elements, f"[{i}].element"),
            )
    if scheme.has("income.universal_credit_counted_elements"):
        counted = _table(scheme, "income.universal_credit_counted_elements", ("element",))
        for i, row in enumerate(counted.value):
            if row["element"] not in UC_ELEMENTS:
                raise RulesError(
                    f"{row['element']!r} is not a UC element this calculator knows; allowed: {', '.join(UC_ELEMENTS)}",
                    scheme.where(counted, f"[{i}].element"),
                )
        if counted.value and elements.value:
            raise RulesError(
                "give either `universal_credit_counted_elements` (only these elements count) or `universal_credit_disregarded_elements` (the award less these), not both",
                scheme.where(counted),
            )
    if scheme.has("capital_excluded_at_limit"):
        _expect(scheme, "capital_excluded_at_limit", "bool")
    if scheme.has("protected_group.conditions"):
        _validate_protected_group(scheme, design)
    benefits = _table(scheme, "income.disregarded_benefits", ("benefit",))
    for i, row in enumerate(benefits.value):
        if row["benefit"] not in BENEFITS:
            raise RulesError(
                f"{row['benefit']!r} is not an income this calculator knows; allowed: {', '.join(BENEFITS)}",
                scheme.where(benefits, f"[{i}].benefit"),
            )
    if scheme.has("income.uc_childcare_deduction"):
        _expect(scheme, "income.uc_childcare_deduction", "bool")
        if scheme.param("income.uc_childcare_deduction").value:
            _expect(scheme, "income.childcare_charge_cap.one_child", "currency-GBP", period="week")
            _expect(scheme, "income.childcare_charge_cap.two_or_more_children", "currency-GBP", period="week")
    if design == "means_tested":
        _validate_means_tested(scheme, applies_to)
    else:
        _validate_banded(scheme)


def _validate_protected_group(scheme: Scheme, design: str) -> None:
    conditions = _table(scheme, "protected_group.conditions", ("condition",))
    for i, row in enumerate(conditions.value):
        if row["condition"] not in PROTECTED_CONDITIONS:
            raise RulesError(
                f"{row['condition']!r} is not a protected-group condition this calculator knows; allowed: {', '.join(PROTECTED_CONDITIONS)}",
                scheme.where(conditions, f"[{i}].condition"),
            )
    if not conditions.value:
        return
    if design == "banded":
        household = _expect(scheme, "protected_group.household", "text")
        names = (
            [row["household"] for row in scheme.param("household_types").value] if scheme.has("household_types") else []
        )
        if household.value not in names:
            raise RulesError(
                f"`protected_group.household` is {household.value!r}, which is not in `household_types` ({', '.join(names)})",
                scheme.where(household),
            )
    else:
        _expect(scheme, "protected_group.maximum_share", "/1")
        if scheme.has("protected_group.band_cap"):
            band = scheme.param("protected_group.band_cap")
            if band.value is not None and band.value not in BANDS:
                raise RulesError(
                    f"`protected_group.band_cap` is {band.value!r}; allowed: one of {', '.join(BANDS)} or null",
                    scheme.where(band),
                )
        if scheme.has("protected_group.capital_limit"):
            _expect(scheme, "protected_group.capital_limit", "currency-GBP", nullable=True)


def _validate_means_tested(scheme: Scheme, applies_to: str) -> None:
    _expect(scheme, "taper", "/1")
    _expect(scheme, "maximum_share", "/1")
    _choice(scheme, "uc_applicable_amount", UC_APPLICABLE_AMOUNT)
    for key in ("lower_limit", "step"):
        _expect(scheme, f"capital_tariff.{key}", "currency-GBP")
    _expect(scheme, "capital_tariff.per_step", "currency-GBP", period="week")
    allowances = PENSION_AGE_ALLOWANCES if applies_to == "pension_age" else WORKING_AGE_ALLOWANCES
    for key in allowances:
        _expect(scheme, f"applicable_amount.personal_allowance.{key}", "currency-GBP", period="week")
    _expect(scheme, "applicable_amount.child", "currency-GBP", period="week")
    _expect(scheme, "applicable_amount.family_premium", "currency-GBP", nullable=True, period="week")
    for key in PREMIUMS:
        _expect(scheme, f"applicable_amount.premiums.{key}", "currency-GBP", period="week")
    if applies_to == "pension_age":
        _expect(scheme, "qualifying_age", "year")


def _validate_banded(scheme: Scheme) -> None:
    types = _table(scheme, "household_types", ("household", "adults", "children_from", "children_to"))
    names: list[str] = []
    for i, row in enumerate(types.value):
        if not isinstance(row["household"], str) or not row["household"]:
            raise RulesError(
                "`household` must be a name such as single or couple_1_child", scheme.where(types, f"[{i}].household")
            )
        if row["household"] in names:
            raise RulesError(f"household {row['household']!r} is listed twice", scheme.where(types, f"[{i}].household"))
        if row["adults"] not in ("single", "couple", "any"):
            raise RulesError(
                f"`adults` is {row['adults']!r}; allowed: single, couple, any", scheme.where(types, f"[{i}].adults")
            )
        low = _number(scheme, types, i, "children_from", row["children_from"])
        high = _number(scheme, types, i, "children_to", row["children_to"], nullable=True)
        if high is not None and low is not None and high < low:
            raise RulesError("children_to is less than children_from", scheme.where(types, f"[{i}]"))
        names.append(row["household"])
    bands = _table(scheme, "bands", ("household", "income_up_to", "discount"), period="week")
    by_household: dict[str, list[tuple[Decimal | None, Decimal]]] = {name: [] for name in names}
    for i, row in enumerate(bands.value):
        if row["household"] not in by_household:
            raise RulesError(
                f"household {row['household']!r} is not in `household_types` ({', '.join(names)})",
                scheme.where(bands, f"[{i}].household"),
            )
        up_to = _number(scheme, bands, i, "income_up_to", row["income_up_to"], nullable=True)
        discount = _number(scheme, bands, i, "discount", row["discount"], share=True)
        assert discount is not None
        rows = by_household[row["household"]]
        if rows and (rows[-1][0] is None or (up_to is not None and up_to <= rows[-1][0])):
            raise RulesError(
                f"bands for {row['household']!r} must be in ascending order of income_up_to, with null (no upper limit) only in the last",
                scheme.where(bands, f"[{i}].income_up_to"),
            )
        rows.append((up_to, discount))
    for name, rows in by_household.items():
        if not rows:
            raise RulesError(
                f"household type {name!r} has no bands; every household type in `household_types` needs its bands",
                scheme.where(bands),
            )
        if rows[-1][0] is not None:
            raise RulesError(
                f"the last band for {name!r} must have income_up_to: null (the discount above the highest limit, usually 0)",
                scheme.where(bands),
            )


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
        file = next(iter(_scheme_files(rules, scheme_id).values()))
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


# --- the household ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Resources:
    """What the other programmes give council tax reduction to read."""

    earnings: tuple[PersonEarnings, ...]
    benefits: tuple[tuple[str, str, Decimal], ...] = ()  # (programme, adult name, weekly amount paid)
    universal_credit: ProgrammeResult | None = None


def gets_disability_benefit(adult: Adult) -> bool:
    return bool(
        (adult.pip and (adult.pip.daily_living != "none" or adult.pip.mobility != "none"))
        or (
            adult.adult_disability_payment
            and (
                adult.adult_disability_payment.daily_living != "none"
                or adult.adult_disability_payment.mobility != "none"
            )
        )
        or (
            adult.disability_living_allowance
            and (
                adult.disability_living_allowance.care != "none" or adult.disability_living_allowance.mobility != "none"
            )
        )
        or adult.attendance_allowance != "none"
    )


def gets_care_benefit(adult: Adult) -> bool:
    """AA, DLA care (any rate) or the PIP / ADP daily living component."""
    return bool(
        (adult.pip and adult.pip.daily_living != "none")
        or (adult.adult_disability_payment and adult.adult_disability_payment.daily_living != "none")
        or (adult.disability_living_allowance and adult.disability_living_allowance.care != "none")
        or adult.attendance_allowance != "none"
    )


def gets_enhanced_rate(adult: Adult) -> bool:
    return bool(
        (adult.pip and adult.pip.daily_living == "enhanced")
        or (adult.adult_disability_payment and adult.adult_disability_payment.daily_living == "enhanced")
        or (adult.disability_living_allowance and adult.disability_living_allowance.care == "highest")
    )


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def is_pension_age(scenario: Scenario, qualifying_age: int) -> bool:
    """Every adult at the qualifying age for state pension credit (a single person, or a couple both over it)."""
    return all(adult.age >= qualifying_age for adult in scenario.adults)


def ctr_year(day: date) -> tuple[date, int]:
    """The council tax year (1 April to 31 March) containing ``day``, and its number of days."""
    start = date(day.year if day.month >= 4 else day.year - 1, 4, 1)
    end = date(start.year + 1, 4, 1)
    return start, (end - start).days


# --- the calculation ----------------------------------------------------------------------------


def choose_scheme(scenario: Scenario, rules: RuleSet, day: date, uc_award: Decimal) -> tuple[str | None, list[Warning]]:
    """The scheme id that applies, or None (England, working age, none given)."""
    given = scenario.housing.council_tax_reduction_scheme
    warnings: list[Warning] = []
    if scenario.nation in NATIONAL_SCHEMES:
        national = NATIONAL_SCHEMES[scenario.nation]
        pension_age = rules.at(day).get("dwp.housing_benefit.qualifying_age_for_pension_credit")
        assert isinstance(pension_age, Param)
        if is_pension_age(scenario, int(pension_age.value)) and uc_award <= 0:
            return PENSION_AGE_NOT_HELD, warnings
        if given and given != national:
            files = _scheme_files(rules, given)
            if not files:
                load_scheme(rules, given, day)  # raises the unknown-scheme error
            nation = rules.parameters.get(f"{GROUP}.{given}.nation")
            if nation is None or nation.values[-1].value != scenario.nation:
                raise ScenarioError(
                    f"{given!r} is not a scheme for {scenario.nation.title()}; {scenario.nation.title()} has one national scheme ({national!r}). "
                    "Leave council_tax_reduction_scheme out to use it",
                    "housing.council_tax_reduction_scheme",
                )
            return given, warnings
        return national, warnings
    # England: pension-age households are on the national scheme (SI 2012/2885) unless on UC.
    pension = rules.parameters.get(f"{GROUP}.{ENGLAND_PENSION_AGE}.qualifying_age")
    qualifying = None
    if pension is not None and pension.values[0].start <= day and pension.value_on(day).value is not None:
        qualifying = int(pension.value_on(day).value)
    if qualifying is not None and is_pension_age(scenario, qualifying) and uc_award <= 0:
        if given and given != ENGLAND_PENSION_AGE:
            warnings.append(
                Warning(
                    "ctr_pension_age_scheme",
                    f"Every adult is of pension age and not on UC, so England's national pension-age scheme applies, not {given!r} (SI 2012/2885 reg 14).",
                )
            )
        return ENGLAND_PENSION_AGE, warnings
    if given:
        nation = rules.parameters.get(f"{GROUP}.{given}.nation")
        if nation is not None and nation.values[-1].value != "england":
            raise ScenarioError(
                f"{given!r} is a scheme for {nation.values[-1].value}, but the household is in England",
                "housing.council_tax_reduction_scheme",
            )
        applies = rules.parameters.get(f"{GROUP}.{given}.applies_to")
        if applies is not None and applies.values[-1].value == "pension_age":
            raise ScenarioError(
                f"{given!r} is for pension-age households not on UC; this household is of working age or on UC. Give the council's working-age scheme",
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
        "(housing.council_tax_reduction_scheme). None is guessed: see `benefitcalc rules schemes`, or add the council's scheme with --rules DIR"
    )


def calculate(scenario: Scenario, p: ParameterNode, day: date, rules: RuleSet, resources: Resources) -> ProgrammeResult:
    housing = scenario.housing
    uc = resources.universal_credit
    uc_award = uc.amount if uc is not None else ZERO
    if housing.council_tax is None:
        reason = "No council tax bill given (housing.council_tax): no reduction worked out"
        return ProgrammeResult(PROGRAMME, ZERO, "year", (Line("not_entitled", reason, ZERO, "year"),))
    scheme_id, warnings = choose_scheme(scenario, rules, day, uc_award)
    if scheme_id == PENSION_AGE_NOT_HELD:
        message = f"Council tax reduction for pension-age households in {scenario.nation.title()} is not modelled (only the working-age national scheme is held): it is NOT included."
        return ProgrammeResult(
            PROGRAMME,
            ZERO,
            "year",
            (Line("not_calculated", "Pension-age scheme not held for this nation", ZERO, "year"),),
            (Warning("ctr_pension_age_not_modelled", message),),
        )
    if scheme_id is None:
        message = (
            "No council tax reduction scheme given for this English council (housing.council_tax_reduction_scheme): "
            "council tax reduction is NOT included. Each English council runs its own working-age scheme; none is guessed. "
            "See `benefitcalc rules schemes`, or add your council's scheme as a YAML file with --rules DIR."
        )
        return ProgrammeResult(
            PROGRAMME,
            ZERO,
            "year",
            (Line("not_calculated", "No scheme given: council tax reduction not worked out", ZERO, "year"),),
            (Warning("ctr_no_scheme", message),),
        )
    scheme = load_scheme(rules, scheme_id, day)
    if scheme is None:
        message = f"The rules hold no {scheme_id!r} council tax reduction scheme for {day.isoformat()}: council tax reduction is NOT included. Add that year's scheme with --rules DIR."
        return ProgrammeResult(
            PROGRAMME,
            ZERO,
            "year",
            (Line("not_calculated", f"Scheme {scheme_id!r} has no rules for this date", ZERO, "year"),),
            (*warnings, Warning("ctr_scheme_not_held", message)),
        )
    return _calculate(scenario, p, day, scheme, resources, warnings)


def _calculate(
    scenario: Scenario, p: ParameterNode, day: date, scheme: Scheme, resources: Resources, warnings: list[Warning]
) -> ProgrammeResult:
    s = scheme.param
    design = str(s("design").value)
    lines: list[Line] = [
        Line("scheme", f"{s('name').value} ({design.replace('_', '-')})", ZERO, "year", (s("name"), s("design")))
    ]
    if scheme.has("caveat") and s("caveat").value:
        warnings.append(Warning("ctr_scheme_caveat", f"{s('name').value}: {s('caveat').value}"))
    uc = resources.universal_credit
    on_uc = uc is not None and uc.amount > 0

    # A council's protected group (e.g. those who would have had a disability premium)
    protected, protected_lines = protected_group(scenario, scheme, resources)
    lines.extend(protected_lines)

    # Capital (the scheme's limit, or the protected group's)
    limit = (
        s("protected_group.capital_limit")
        if protected and scheme.has("protected_group.capital_limit")
        else s("capital_limit")
    )
    at_limit = scheme.has("capital_excluded_at_limit") and bool(s("capital_excluded_at_limit").value)
    if limit.value is not None and (scenario.capital > limit.value or (at_limit and scenario.capital >= limit.value)):
        where = "at or above" if at_limit else "above"
        params = (limit, s("capital_excluded_at_limit")) if at_limit else (limit,)
        lines.append(
            Line(
                "capital",
                f"Capital of £{scenario.capital:,.2f} is {where} the scheme's limit of £{limit.value:,}: no reduction",
                ZERO,
                "year",
                params,
            )
        )
        lines.append(Line("award", "Council tax reduction: none", ZERO, "year"))
        return ProgrammeResult(PROGRAMME, ZERO, "year", tuple(lines), tuple(warnings), (("scheme", scheme.id),))

    # Liability: the year's bill after discounts, as a weekly amount (daily amount x 7)
    assert scenario.housing.council_tax is not None
    _, days = ctr_year(day)
    annual = convert(scenario.housing.council_tax.amount, scenario.housing.council_tax.period, "year")
    weekly = annual * 7 / days
    lines.append(Line("liability", "Council tax for the year after discounts (housing.council_tax)", annual, "year"))
    lines.append(Line("weekly_liability", f"Weekly liability: the year's bill / {days} days x 7", weekly, "week"))
    weekly, cap_lines, cap_warnings = _band_cap(scenario, p, scheme, weekly, protected)
    lines.extend(cap_lines)
    warnings.extend(cap_warnings)

    nondep, nondep_lines, nondep_warnings = non_dependant_deductions(scenario, scheme)
    lines.extend(nondep_lines)
    warnings.extend(nondep_warnings)

    income, income_lines, income_warnings = weekly_income(scenario, p, scheme, resources, on_uc, day)
    lines.extend(income_lines)
    warnings.extend(income_warnings)

    if design == "banded":
        reduction, band_lines = _banded(scenario, scheme, weekly, income, nondep, protected)
    else:
        reduction, band_lines, mt_warnings = _means_tested(
            scenario, scheme, weekly, income, nondep, uc, on_uc, day, resources, protected
        )
        warnings.extend(mt_warnings)
    lines.extend(band_lines)

    minimum = s("minimum_award")
    if ZERO < reduction < minimum.value:
        lines.append(
            Line(
                "minimum_award",
                f"Below the scheme's minimum award of £{minimum.value:,.2f} a week: none",
                -reduction,
                "week",
                (minimum,),
            )
        )
        reduction = ZERO
    annual_award = reduction * days / 7
    lines.append(Line("weekly_reduction", "Council tax reduction a week", reduction, "week"))
    lines.append(
        Line("award", f"Council tax reduction for the year (a week's reduction x {days} / 7)", annual_award, "year")
    )
    facts = (("scheme", scheme.id), ("weekly_income", income), ("weekly_reduction", reduction))
    return ProgrammeResult(PROGRAMME, annual_award, "year", tuple(lines), tuple(dict.fromkeys(warnings)), facts)


def protected_group(scenario: Scenario, scheme: Scheme, resources: Resources) -> tuple[bool, list[Line]]:
    """Whether the household is in the scheme's protected group, and the line that says why."""
    if not scheme.has("protected_group.conditions") or not scheme.param("protected_group.conditions").value:
        return False, []
    conditions = scheme.param("protected_group.conditions")
    wanted = {row["condition"] for row in conditions.value}
    carer = any(
        programme in ("carers_allowance", "carer_support_payment") and weekly > 0
        for programme, _, weekly in resources.benefits
    )
    met = {
        "disability_premium": any(gets_disability_benefit(a) for a in scenario.adults),
        "enhanced_disability_premium": any(gets_enhanced_rate(a) for a in scenario.adults)
        or any(c.disability == "higher" for c in scenario.children),
        "disabled_child_premium": any(c.disability != "none" for c in scenario.children),
        "carer_premium": carer,
    }
    reasons = [name.replace("_", " ") for name in PROTECTED_CONDITIONS if name in wanted and met[name]]
    if not reasons:
        return False, [
            Line(
                "protected_group",
                "Not in the scheme's protected group (as far as the scenario shows)",
                ZERO,
                "year",
                (conditions,),
            )
        ]
    return True, [
        Line(
            "protected_group",
            f"In the scheme's protected group: would have a {', '.join(reasons)}",
            ZERO,
            "year",
            (conditions,),
        )
    ]


def _band_cap(
    scenario: Scenario, p: ParameterNode, scheme: Scheme, weekly: Decimal, protected: bool = False
) -> tuple[Decimal, list[Line], list[Warning]]:
    key = "protected_group.band_cap" if protected and scheme.has("protected_group.band_cap") else "band_cap"
    if not scheme.has(key) or scheme.param(key).value is None:
        if key == "protected_group.band_cap" and scheme.has("band_cap") and scheme.param("band_cap").value is not None:
            return (
                weekly,
                [Line("band_cap", "No band limit for the protected group", ZERO, "week", (scheme.param(key),))],
                [],
            )
        return weekly, [], []
    cap = scheme.param(key)
    band = scenario.housing.council_tax_band
    if band is None:
        return (
            weekly,
            [],
            [
                Warning(
                    "council_tax_band_not_given",
                    f"This scheme limits the reduction to a band {cap.value} home's bill; no `housing.council_tax_band` was given, so no limit was applied. "
                    f"If the home is above band {cap.value} the reduction is less.",
                )
            ],
        )
    proportions = p.local_authority.council_tax.band_proportions.england
    table = {row["band"]: Decimal(row["numerator"]) / Decimal(row["denominator"]) for row in proportions.value}
    if band not in table:
        raise ScenarioError(f"band {band} does not exist in England (bands A to H)", "housing.council_tax_band")
    if table[band] <= table[str(cap.value)]:
        return weekly, [Line("band_cap", f"Band {band}: within the band {cap.value} limit", ZERO, "week", (cap,))], []
    capped = weekly * table[str(cap.value)] / table[band]
    line = Line(
        "band_cap",
        f"Limited to the band {cap.value} equivalent: x {cap.value}/{band} proportion (LGFA 1992 s.5)",
        capped - weekly,
        "week",
        (cap, proportions),
    )
    return capped, [line], []


def non_dependant_deductions(scenario: Scenario, scheme: Scheme) -> tuple[Decimal, list[Line], list[Warning]]:
    table = scheme.param("non_dependant_deductions")
    rows = [(Decimal(r["gross_income_from"]), Decimal(r["deduction"])) for r in table.value]
    exempt_flag = (
        scheme.param("non_dependant_exempt_if_disability_benefit")
        if scheme.has("non_dependant_exempt_if_disability_benefit")
        else None
    )
    exempt_by = (
        next((a.name for a in scenario.adults if gets_care_benefit(a)), None)
        if exempt_flag is not None and exempt_flag.value
        else None
    )
    total = ZERO
    lines: list[Line] = []
    warnings: list[Warning] = []
    for i, nd in enumerate(scenario.housing.non_dependants):
        label = f"Non-dependant {i + 1}"
        if exempt_by is not None:
            assert exempt_flag is not None
            lines.append(
                Line(
                    f"non_dependant_{i + 1}",
                    f"{label}: no deduction ({exempt_by} gets AA, DLA care or PIP/ADP daily living)",
                    ZERO,
                    "week",
                    (exempt_flag,),
                )
            )
            continue
        if nd.exempt_from_deduction or nd.age < 18:
            lines.append(
                Line(f"non_dependant_{i + 1}", f"{label}: no deduction (under 18 or exempt)", ZERO, "week", (table,))
            )
            continue
        amount, why, assumed = banded_deduction(nd, label, rows)
        warnings.extend(assumed)
        total += amount
        lines.append(Line(f"non_dependant_{i + 1}", f"{label}: deduction ({why})", -amount, "week", (table,)))
    return total, lines, warnings


def _disregarded(scheme: Scheme) -> tuple[set[str], set[str]]:
    elements = {row["element"] for row in scheme.param("income.universal_credit_disregarded_elements").value}
    benefits = {row["benefit"] for row in scheme.param("income.disregarded_benefits").value}
    return elements, benefits


def _counted_elements(scheme: Scheme) -> Param | None:
    """The scheme's `universal_credit_counted_elements`, where it counts only some UC elements."""
    if not scheme.has("income.universal_credit_counted_elements"):
        return None
    param = scheme.param("income.universal_credit_counted_elements")
    return param if param.value else None


def _element_total(uc: ProgrammeResult, elements: set[str]) -> Decimal:
    total = ZERO
    for element in sorted(elements):
        for key in UC_ELEMENTS[element]:
            try:
                total += uc.line(key).amount
            except KeyError:
                continue
    return total


def weekly_income(
    scenario: Scenario, p: ParameterNode, scheme: Scheme, resources: Resources, on_uc: bool, day: date
) -> tuple[Decimal, list[Line], list[Warning]]:
    """The household's weekly income as the scheme counts it (before applicable amount or bands)."""
    s = scheme.param
    lines: list[Line] = []
    warnings: list[Warning] = []
    elements, benefits = _disregarded(scheme)
    uc = resources.universal_credit

    # Earnings: on UC, the earned income in the UC assessment (reg 55 net pay), monthly x 12 / 52;
    # otherwise pay less tax, NI and the scheme's share of pension contributions, a year / 52.
    share = s("income.pension_contributions_deducted")
    if on_uc and uc is not None:
        earned = monthly_to_weekly(Decimal(str(uc.fact("earned_income", ZERO))))
        lines.append(
            Line(
                "earnings",
                "Earnings as assessed for UC (net of tax, NI and pension), monthly x 12 / 52",
                earned,
                "week",
            )
        )
    else:
        earned, earnings_lines = net_weekly_earnings_lines(resources.earnings, share)
        lines.extend(earnings_lines)
    disregard, why, params = _earnings_disregard(scenario, scheme, resources, on_uc)
    used = min(disregard, earned)
    if earned > 0 and used > 0:
        lines.append(Line("earnings_disregard", f"Earnings disregard ({why})", -used, "week", params))
    income = earned - used

    # Universal Credit award, monthly x 12 / 52: the award less any elements the scheme ignores, or
    # (a scheme with `universal_credit_counted_elements`, e.g. Scotland, SSI 2021/249 reg 57(2)(d))
    # only the listed elements, up to the award (so a benefit-cap cut below them counts as cut).
    if uc is not None and uc.amount > 0:
        counts = s("income.universal_credit_counts")
        counted_param = _counted_elements(scheme)
        if counts.value and counted_param is not None:
            wanted = {row["element"] for row in counted_param.value}
            value = _element_total(uc, wanted)
            counted = min(uc.amount, value)
            weekly = monthly_to_weekly(counted)
            label = f"Universal Credit: only the {', '.join(sorted(wanted))} element(s) count, up to the award, monthly x 12 / 52"
            lines.append(Line("universal_credit", label, weekly, "week", (counts, counted_param)))
            income += weekly
        elif counts.value:
            award = uc.amount
            ignored = _element_total(uc, elements)
            counted = positive(award - ignored)
            weekly = monthly_to_weekly(counted)
            label = "Universal Credit award, monthly x 12 / 52"
            if ignored > 0:
                label += f", less the {', '.join(sorted(elements))} element(s) the scheme ignores (not below 0)"
            lines.append(
                Line(
                    "universal_credit",
                    label,
                    weekly,
                    "week",
                    (counts, s("income.universal_credit_disregarded_elements")),
                )
            )
            income += weekly
        else:
            lines.append(
                Line("universal_credit", "Universal Credit is not counted by this scheme", ZERO, "week", (counts,))
            )

    # Other benefits and unearned income
    for programme, name, amount in resources.benefits:
        if amount <= 0:
            continue
        if programme in benefits:
            lines.append(
                Line(
                    f"{programme}_{name}",
                    f"{name}: {programme.replace('_', ' ')} disregarded by the scheme",
                    ZERO,
                    "week",
                    (s("income.disregarded_benefits"),),
                )
            )
            continue
        lines.append(Line(f"{programme}_{name}", f"{name}: {programme.replace('_', ' ')}", amount, "week"))
        income += amount
    for adult in scenario.adults:
        other = adult.other_unearned_income
        if other is None or other.amount <= 0:
            continue
        if "other_unearned_income" in benefits:
            lines.append(
                Line(
                    f"other_unearned_income_{adult.name}",
                    f"{adult.name}: other unearned income disregarded by the scheme",
                    ZERO,
                    "week",
                    (s("income.disregarded_benefits"),),
                )
            )
            continue
        amount = convert(other.amount, other.period, "week")
        lines.append(
            Line(f"other_unearned_income_{adult.name}", f"{adult.name}: other unearned income", amount, "week")
        )
        income += amount

    # Childcare charges deducted where the scheme says so (Scotland reg 78: UC childcare element / 0.85 x 12 / 52, capped)
    if (
        scheme.has("income.uc_childcare_deduction")
        and s("income.uc_childcare_deduction").value
        and on_uc
        and uc is not None
    ):
        try:
            element = uc.line("childcare_element").amount
        except KeyError:
            element = ZERO
        if element > 0:
            rate = p.dwp.universal_credit.childcare_costs_element.rate
            # Reg 78(3) steps 1-4: element / 85 x 100 x 12 / 52, rounded to the nearest penny.
            charges = pence(monthly_to_weekly(element / rate.value))
            children = sum(1 for c in scenario.children if c.age_on(day) < 16)
            cap = (
                s("income.childcare_charge_cap.one_child")
                if children <= 1
                else s("income.childcare_charge_cap.two_or_more_children")
            )
            charges = min(charges, cap.value, income)
            lines.append(
                Line(
                    "childcare_charges",
                    f"Childcare charges: UC childcare element / {rate.value} x 12 / 52, up to £{cap.value} a week",
                    -charges,
                    "week",
                    (s("income.uc_childcare_deduction"), cap, rate),
                )
            )
            income -= charges
    lines.append(Line("income", "Weekly income as the scheme counts it", income, "week"))
    return income, lines, warnings


def _earnings_disregard(
    scenario: Scenario, scheme: Scheme, resources: Resources, on_uc: bool
) -> tuple[Decimal, str, tuple[Param, ...]]:
    s = scheme.param
    single, couple, lone = (
        s("income.earnings_disregard.single"),
        s("income.earnings_disregard.couple"),
        s("income.earnings_disregard.lone_parent"),
    )
    higher = (
        s("income.earnings_disregard.disability_or_carer")
        if scheme.has("income.earnings_disregard.disability_or_carer")
        else None
    )
    if scenario.is_couple:
        param, why = couple, "couple"
    elif scenario.children:
        param, why = lone, "lone parent"
    else:
        param, why = single, "single person"
    amount = param.value
    params: tuple[Param, ...] = (param,)
    carer = any(
        programme in ("carers_allowance", "carer_support_payment") and weekly > 0
        for programme, _, weekly in resources.benefits
    )
    disabled = any(gets_disability_benefit(a) or a.universal_credit_health != "none" for a in scenario.adults)
    if higher is not None and higher.value is not None and (carer or disabled) and higher.value > amount:
        amount, why, params = higher.value, "disability or carer", (higher,)
    additional = (
        s("income.earnings_disregard.additional") if scheme.has("income.earnings_disregard.additional") else None
    )
    if (
        additional is not None
        and additional.value is not None
        and not on_uc
        and additional_disregard_applies(scenario, resources)
    ):
        amount += additional.value
        why += f", plus the additional £{additional.value} for 30 hours' work (16 for a parent or disabled worker)"
        params = (*params, additional)
    return amount, why, params


def additional_disregard_applies(scenario: Scenario, resources: Resources) -> bool:
    """Additional earnings disregard: 30 hours a week and aged 25+, or 16 hours for a lone parent, a
    couple with a child or a disabled worker (Default Scheme Sch 5 para 15 pattern; HB Regs Sch 4 para 17)."""
    hours = {e.name: e.hours for e in resources.earnings}
    for adult in scenario.adults:
        worked = hours.get(adult.name, ZERO)
        if worked >= 30 and adult.age >= 25:
            return True
        if worked >= 16 and (scenario.children or gets_disability_benefit(adult)):
            return True
    return False


def applicable_amount(
    scenario: Scenario, scheme: Scheme, day: date, resources: Resources
) -> tuple[Decimal, list[Line], list[Warning]]:
    """Personal allowance, child amounts and premiums from the scheme's own tables."""
    s = scheme.param
    lines: list[Line] = []
    warnings: list[Warning] = []
    pa = "applicable_amount.personal_allowance."
    if str(s("applies_to").value) == "pension_age":
        before = (
            all(_born_before(adult, PENSION_AGE_2021_BIRTH_CUTOFF, day) for adult in scenario.adults)
            if not scenario.is_couple
            else any(_born_before(a, PENSION_AGE_2021_BIRTH_CUTOFF, day) for a in scenario.adults)
        )
        kind = "couple" if scenario.is_couple else "single"
        param = s(f"{pa}{kind}_{'before' if before else 'from'}_april_2021")
        label = f"Personal allowance ({kind}, {'reached' if before else 'reaching'} pension age {'before' if before else 'on or after'} 1 April 2021)"
    else:
        ages = [a.age for a in scenario.adults]
        # The UC LCW/LCWRA row (Scotland Sch 1 para 1, inserted by SSI 2022/161) needs an award of UC.
        uc = resources.universal_credit
        on_uc = uc is not None and uc.amount > 0
        main_phase = any(
            a.new_style_esa in ("wrag", "support") or (on_uc and a.universal_credit_health != "none")
            for a in scenario.adults
        )
        if scenario.is_couple:
            param, label = s(f"{pa}couple"), "Personal allowance (couple)"
        elif scenario.children:
            param, label = s(f"{pa}lone_parent"), "Personal allowance (lone parent)"
        elif ages[0] >= 25 or main_phase:
            param, label = (
                s(f"{pa}single_25_or_over"),
                "Personal allowance (single, 25 or over, or main-phase ESA / UC LCW or LCWRA)",
            )
        else:
            param, label = s(f"{pa}single_under_25"), "Personal allowance (single, under 25)"
    total = param.value
    lines.append(Line("personal_allowance", label, param.value, "week", (param,)))
    if scenario.children:
        child = s("applicable_amount.child")
        amount = child.value * len(scenario.children)
        total += amount
        lines.append(
            Line("child_amounts", f"Child amounts: {len(scenario.children)} x £{child.value}", amount, "week", (child,))
        )
        family = s("applicable_amount.family_premium")
        if family.value is not None:
            total += family.value
            lines.append(Line("family_premium", "Family premium", family.value, "week", (family,)))
    prem = "applicable_amount.premiums."
    disabled = [a for a in scenario.adults if gets_disability_benefit(a)]
    if disabled:
        param = s(f"{prem}disability_couple") if scenario.is_couple else s(f"{prem}disability_single")
        total += param.value
        lines.append(
            Line(
                "disability_premium",
                "Disability premium (PIP, ADP, DLA or AA in payment)",
                param.value,
                "week",
                (param,),
            )
        )
    if any(gets_enhanced_rate(a) for a in scenario.adults):
        param = s(f"{prem}enhanced_disability_couple") if scenario.is_couple else s(f"{prem}enhanced_disability_single")
        total += param.value
        lines.append(
            Line(
                "enhanced_disability_premium",
                "Enhanced disability premium (enhanced daily living or DLA highest care)",
                param.value,
                "week",
                (param,),
            )
        )
    for i, child in enumerate(scenario.children):
        if child.disability == "none":
            continue
        param = s(f"{prem}disabled_child")
        total += param.value
        lines.append(
            Line(
                f"disabled_child_premium_{i + 1}",
                f"Disabled child premium, child {i + 1}",
                param.value,
                "week",
                (param,),
            )
        )
        if child.disability == "higher":
            param = s(f"{prem}enhanced_disability_child")
            total += param.value
            lines.append(
                Line(
                    f"enhanced_disability_child_{i + 1}",
                    f"Enhanced disability premium, child {i + 1}",
                    param.value,
                    "week",
                    (param,),
                )
            )
    for programme, name, weekly in resources.benefits:
        if programme in ("carers_allowance", "carer_support_payment") and weekly > 0:
            param = s(f"{prem}carer")
            total += param.value
            lines.append(Line(f"carer_premium_{name}", f"Carer premium ({name})", param.value, "week", (param,)))
    if any(gets_care_benefit(a) for a in scenario.adults):
        warnings.append(
            Warning(
                "ctr_severe_disability_premium",
                "The severe disability premium is not modelled: someone who gets AA, DLA middle/highest care or PIP/ADP daily living and has no non-dependant or carer may be due more council tax reduction.",
            )
        )
    if any(a.new_style_esa in ("wrag", "support") for a in scenario.adults):
        warnings.append(
            Warning(
                "ctr_esa_component",
                "The ESA work-related activity or support component in the council tax reduction applicable amount is not modelled.",
            )
        )
    lines.append(Line("applicable_amount", "Applicable amount", total, "week"))
    return total, lines, warnings


def _born_before(adult: Adult, cutoff: date, day: date) -> bool:
    """Whether the adult was certainly born before ``cutoff`` (latest birth date possible for the age)."""
    return _years_before(day, adult.age) < cutoff


def _means_tested(
    scenario: Scenario,
    scheme: Scheme,
    weekly: Decimal,
    income: Decimal,
    nondep: Decimal,
    uc: ProgrammeResult | None,
    on_uc: bool,
    day: date,
    resources: Resources,
    protected: bool = False,
) -> tuple[Decimal, list[Line], list[Warning]]:
    s = scheme.param
    lines: list[Line] = []
    warnings: list[Warning] = []
    share = s("protected_group.maximum_share") if protected else s("maximum_share")
    maximum = positive(weekly * share.value - nondep)
    lines.append(
        Line(
            "maximum_reduction",
            f"Maximum reduction: {share.value:.0%} of the weekly liability, less non-dependant deductions",
            maximum,
            "week",
            (share,),
        )
    )
    route = s("uc_applicable_amount")
    if on_uc and uc is not None and route.value == "uc_maximum_amount":
        uc_max = Decimal(str(uc.fact("maximum_amount", ZERO)))
        amount = monthly_to_weekly(uc_max)
        lines.append(
            Line(
                "applicable_amount",
                "Applicable amount: the UC maximum amount, monthly x 12 / 52",
                amount,
                "week",
                (route,),
            )
        )
    else:
        amount, aa_lines, aa_warnings = applicable_amount(scenario, scheme, day, resources)
        lines.extend(aa_lines)
        warnings.extend(aa_warnings)
    # Tariff income from capital (£1 a week for each step, or part, above the lower limit)
    tariff = s("capital_tariff.per_step")
    lower, step = s("capital_tariff.lower_limit"), s("capital_tariff.step")
    excess_capital = positive(scenario.capital - lower.value)
    if excess_capital > 0:
        steps = round_up_to(excess_capital, step.value) / step.value
        income = income + steps * tariff.value
        lines.append(
            Line(
                "tariff_income",
                f"Tariff income on capital: {steps} x £{tariff.value} a week",
                steps * tariff.value,
                "week",
                (lower, step, tariff),
            )
        )
    excess = positive(income - amount)
    taper = s("taper")
    cut = excess * taper.value
    lines.append(Line("excess_income", "Income above the applicable amount", excess, "week"))
    lines.append(Line("taper", f"{taper.value:.0%} of income above the applicable amount", -cut, "week", (taper,)))
    return positive(maximum - cut), lines, warnings


def household_type(scenario: Scenario, scheme: Scheme, protected: bool = False) -> tuple[str, Param]:
    types = scheme.param("household_types")
    protected_household = (
        str(scheme.param("protected_group.household").value) if scheme.has("protected_group.household") else None
    )
    if protected and protected_household is not None:
        return protected_household, types
    adults = "couple" if scenario.is_couple else "single"
    children = len(scenario.children)
    for row in types.value:
        if row["household"] == protected_household:
            continue
        if row["adults"] not in (adults, "any"):
            continue
        low, high = Decimal(row["children_from"]), row["children_to"]
        if children >= low and (high is None or children <= Decimal(high)):
            return str(row["household"]), types
    raise RulesError(
        f"no household type fits a {adults} household with {children} children; `household_types` must cover every household",
        scheme.where(types),
    )


def _banded(
    scenario: Scenario, scheme: Scheme, weekly: Decimal, income: Decimal, nondep: Decimal, protected: bool = False
) -> tuple[Decimal, list[Line]]:
    household, types = household_type(scenario, scheme, protected)
    bands = scheme.param("bands")
    rows = [(r["income_up_to"], Decimal(r["discount"])) for r in bands.value if r["household"] == household]
    position = 0
    for position, (up_to, discount) in enumerate(rows):
        if up_to is None or income <= Decimal(up_to):
            break
    up_to, discount = rows[position]
    where = f"up to £{Decimal(up_to):,.2f}" if up_to is not None else "above the highest band"
    reduction = weekly * discount
    label = f"Household type {household!r}: weekly income £{income:,.2f} is in band {position + 1} ({where}): {discount:.0%} of the weekly liability"
    lines = [Line("band", label, reduction, "week", (types, bands))]
    if nondep > 0 and reduction > 0:
        lines.append(Line("non_dependant_deductions", "Less non-dependant deductions", -min(nondep, reduction), "week"))
    return positive(reduction - nondep), lines
