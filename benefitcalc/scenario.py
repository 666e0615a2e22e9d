"""The scenario: a household and the work being considered (docs/scenario.md).

Pydantic models, frozen, with unknown keys refused. :func:`load_scenario` turns YAML or JSON into a
:class:`Scenario` and every validation problem into one :class:`ScenarioError` naming the field.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from benefitcalc.errors import ScenarioError
from benefitcalc.periods import Period, parse_tax_year, tax_year_date

Money = Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=4)]
Rate = Annotated[Decimal, Field(ge=0, le=1)]
Hours = Annotated[Decimal, Field(ge=0, le=168)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Amount(_Model):
    """An amount of money and the period it is paid or charged for."""

    amount: Money
    period: Period


class PensionContribution(_Model):
    """An employee pension contribution as a share of pay."""

    employee_rate: Rate
    basis: Literal["gross", "qualifying_earnings"] = "gross"
    relief: Literal["net_pay", "relief_at_source"] = "net_pay"


PensionChoice = Union[Literal["none", "auto_enrolment"], PensionContribution]


class Job(_Model):
    """The work being considered; a sweep varies ``hours``."""

    hourly_pay: Annotated[Decimal, Field(gt=0, le=10000)]
    hours: Hours = Decimal(0)
    pension: PensionChoice = "none"
    current_hours: Hours | None = None  # hours worked now, for `--baseline current` (default: `hours`)


class PersonalIndependencePayment(_Model):
    daily_living: Literal["none", "standard", "enhanced"] = "none"
    mobility: Literal["none", "standard", "enhanced"] = "none"


class DisabilityLivingAllowance(_Model):
    care: Literal["none", "lowest", "middle", "highest"] = "none"
    mobility: Literal["none", "lower", "higher"] = "none"


class Carer(_Model):
    """Caring for a disabled person; 35 hours or more is the legal test (a judgement shown back)."""

    hours_per_week: Hours
    claims_carers_allowance: bool = True
    care_costs: Amount | None = None


class Adult(_Model):
    name: Annotated[str, Field(min_length=1, max_length=80)] = "Client"
    age: Annotated[int, Field(ge=16, le=120)]
    job: Job | None = None
    earnings: Amount | None = None
    pension: PensionChoice = "none"
    universal_credit_health: Literal["none", "lcw", "lcwra"] = "none"
    lcw_element_protected: bool = False
    health_element_protected: bool | None = None
    pip: PersonalIndependencePayment | None = None
    adult_disability_payment: PersonalIndependencePayment | None = None
    disability_living_allowance: DisabilityLivingAllowance | None = None
    attendance_allowance: Literal["none", "lower", "higher"] = "none"
    new_style_esa: Literal["none", "assessment", "wrag", "support"] = "none"
    supported_permitted_work: bool = False
    new_style_jsa: bool = False
    carer: Carer | None = None
    other_unearned_income: Amount | None = None

    @model_validator(mode="after")
    def _job_or_earnings(self) -> Adult:
        if self.job is not None and self.earnings is not None:
            raise ValueError("give either `job` (the work being considered) or `earnings` (fixed earnings), not both")
        if self.pension != "none" and self.earnings is None:
            raise ValueError(
                "`pension` at adult level applies to fixed `earnings`; for a job put `pension` under `job`"
            )
        return self


class Child(_Model):
    age: Annotated[int, Field(ge=0, le=19)] | None = None
    date_of_birth: dt.date | None = None
    disability: Literal["none", "lower", "higher"] = "none"
    two_child_limit_exception: bool = False

    def age_on(self, day: dt.date) -> int:
        """Age in whole years on ``day`` (the given age, or from the date of birth)."""
        if self.age is not None:
            return self.age
        assert self.date_of_birth is not None
        dob = self.date_of_birth
        return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))

    @model_validator(mode="after")
    def _age_or_birth(self) -> Child:
        if (self.age is None) == (self.date_of_birth is None):
            raise ValueError("give exactly one of `age` or `date_of_birth`")
        return self


class NonDependant(_Model):
    age: Annotated[int, Field(ge=16, le=120)]
    exempt_from_deduction: bool = False
    # For Housing Benefit and council tax reduction deductions, which depend on the non-dependant's
    # gross income when they are in remunerative work (16 hours or more a week).
    remunerative_work: bool | None = None
    gross_income: Amount | None = None


class Housing(_Model):
    tenure: Literal["social_rent", "private_rent", "owner", "none"] = "none"
    rent: Amount | None = None
    service_charges: Amount | None = None
    local_housing_allowance: Amount | None = None
    bedrooms: Annotated[int, Field(ge=0, le=20)] | None = None
    council_tax: Amount | None = None
    council_tax_band: Literal["A", "B", "C", "D", "E", "F", "G", "H", "I"] | None = None
    council_tax_reduction_scheme: Annotated[str, Field(max_length=80)] | None = None
    # Where Housing Benefit, not UC, meets the rent (UC (Transitional Provisions) Regs 2014 reg 5(2)(a))
    accommodation: Literal["general", "supported_exempt", "temporary"] = "general"
    non_dependants: tuple[NonDependant, ...] = ()

    @model_validator(mode="after")
    def _rent_matches_tenure(self) -> Housing:
        renting = self.tenure in ("social_rent", "private_rent")
        if renting and self.rent is None:
            raise ValueError(f"tenure {self.tenure!r} needs `rent`")
        if not renting and self.rent is not None:
            raise ValueError(f"`rent` is only for tenure social_rent or private_rent, not {self.tenure!r}")
        # `local_housing_allowance` given with another tenure is accepted (tools fill it in for every
        # household) and reported as not used: see universal_credit.housing_element.
        if self.accommodation != "general" and not renting:
            raise ValueError(
                f"`accommodation: {self.accommodation}` is rented accommodation: give tenure social_rent or private_rent and `rent`"
            )
        return self


class Scenario(_Model):
    date: dt.date | None = None
    tax_year: str | None = None
    nation: Literal["england", "scotland", "wales"] = "england"
    in_greater_london: bool = False
    marriage_allowance: bool = False
    adults: Annotated[tuple[Adult, ...], Field(min_length=1, max_length=2)]
    children: tuple[Child, ...] = ()
    housing: Housing = Housing()
    childcare: Amount | None = None
    capital: Money = Decimal(0)
    work_costs: Amount | None = None
    claims_child_benefit: bool = True
    prescription_items_per_month: Annotated[int, Field(ge=0, le=100)] = 0
    include_passport_values: bool = False

    @field_validator("tax_year")
    @classmethod
    def _tax_year_shape(cls, value: str | None) -> str | None:
        if value is not None:
            parse_tax_year(value)  # ValueError: must look like 2026-27 (periods.TAX_YEAR_SHAPE)
        return value

    @field_validator("nation", mode="before")
    @classmethod
    def _not_northern_ireland(cls, value: Any) -> Any:
        if value == "northern_ireland":
            raise ValueError(
                "Northern Ireland is not supported yet: its benefits are run under separate legislation "
                "(Social Security (NI) Order 1995 onwards) and its rates and mitigation payments are not in the rules. "
                "Allowed: england, scotland, wales"
            )
        return value

    @model_validator(mode="after")
    def _shape(self) -> Scenario:
        if self.date is not None and self.tax_year is not None:
            raise ValueError("give `date` or `tax_year`, not both")
        jobs = [i for i, adult in enumerate(self.adults) if adult.job is not None]
        if len(jobs) != 1:
            raise ValueError(
                f"exactly one adult must have a `job` (the work being considered); found {len(jobs)}. "
                "Give other adults' pay as fixed `earnings`"
            )
        names = [adult.name for adult in self.adults]
        if len(set(names)) != len(names):
            raise ValueError("the adults need different `name`s")
        day = (
            self.date if self.date is not None else tax_year_date(self.tax_year) if self.tax_year is not None else None
        )
        if day is not None:
            # A child given by date of birth must be born by the day worked and still a child or
            # qualifying young person (under 20, as `age` allows)
            for i, child in enumerate(self.children):
                if child.date_of_birth is not None and not 0 <= child.age_on(day) <= 19:
                    raise ValueError(
                        f"children[{i}].date_of_birth {child.date_of_birth} gives an age of {child.age_on(day)} on {day}; "
                        "allowed: born on or before that day and aged 19 or under"
                    )
        return self

    @property
    def worker_index(self) -> int:
        return next(i for i, adult in enumerate(self.adults) if adult.job is not None)

    @property
    def worker(self) -> Adult:
        return self.adults[self.worker_index]

    @property
    def is_couple(self) -> bool:
        return len(self.adults) == 2

    def with_hours(self, hours: Decimal) -> Scenario:
        """The same household with the worker's hours set to ``hours``."""
        index = self.worker_index
        worker = self.adults[index]
        assert worker.job is not None
        job = worker.job.model_copy(update={"hours": hours})
        adults = list(self.adults)
        adults[index] = worker.model_copy(update={"job": job})
        return self.model_copy(update={"adults": tuple(adults)})


def _field(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in ("function-after[_job_or_earnings()]", "literal['none','auto_enrolment']", "PensionContribution"):
            continue
        elif isinstance(part, str) and (
            part.startswith("function-") or part.startswith("literal[") or part in ("Amount", "int", "str")
        ):
            continue
        else:
            out += f".{part}" if out else str(part)
    return out or "scenario"


def _other_branch(err: dict[str, Any]) -> bool:
    """An error from the branch of ``PensionChoice`` that the input was plainly not meant for."""
    loc, given = tuple(err["loc"]), err.get("input")
    if "PensionContribution" in loc and err.get("type") in ("model_type", "dict_type") and isinstance(given, str):
        return True
    return any(isinstance(part, str) and part.startswith("literal[") for part in loc) and isinstance(given, dict)


def _message(err: dict[str, Any]) -> str:
    kind, msg = err.get("type", ""), err.get("msg", "")
    given = err.get("input")
    if kind == "extra_forbidden":
        return "is not a field of the scenario format (check the spelling; see docs/scenario.md)"
    if kind == "missing":
        return "is required"
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        return f"{given!r} is not allowed; allowed: {expected}"
    if kind in ("too_short", "too_long"):
        ctx = err.get("ctx", {})
        bound = f"at least {ctx.get('min_length')}" if kind == "too_short" else f"at most {ctx.get('max_length')}"
        return f"must have {bound} item(s), got {ctx.get('actual_length')}"
    msg = msg.removeprefix("Value error, ")
    if given is not None and not isinstance(given, (dict, list)):
        return f"{msg} (got {given!r})"
    return msg


def scenario_from_data(data: Any, source: str = "scenario") -> Scenario:
    """Validate parsed data into a :class:`Scenario`; raise one :class:`ScenarioError` listing each problem."""
    if not isinstance(data, dict):
        raise ScenarioError("the scenario must be a mapping (YAML or JSON object) with at least `adults`", source)
    try:
        return Scenario.model_validate(data)
    except ValidationError as exc:
        seen: list[str] = []
        errors = exc.errors()
        for err in errors:
            loc = tuple(err["loc"])
            if _other_branch(err):
                continue  # a pension given as text failing the mapping branch of the union, or the reverse
            if err.get("type") == "too_short" and any(
                tuple(other["loc"])[: len(loc)] == loc and len(other["loc"]) > len(loc) for other in errors
            ):
                continue  # a list whose items all failed is also "too short": the item errors say why
            field = _field(tuple(err["loc"]))
            line = _message(err) if field == "scenario" else f"{field}: {_message(err)}"
            if line not in seen:
                seen.append(line)
        raise ScenarioError(
            "; ".join(seen[:8]) + (f" (and {len(seen) - 8} more)" if len(seen) > 8 else ""), source
        ) from None


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"duplicate key {key!r} (the last one would silently win)")
        out[key] = value
    return out


def parse_text(text: str, source: str) -> Any:
    """Parse YAML or JSON text safely (a safe YAML loader; numbers read exactly; duplicate keys refused)."""
    from benefitcalc.errors import RulesError
    from benefitcalc.loader import read_yaml

    if source.endswith(".json"):
        try:
            return json.loads(text, parse_float=Decimal, object_pairs_hook=_no_duplicate_keys)
        except ValueError as exc:  # json.JSONDecodeError is a ValueError
            raise ScenarioError(f"not valid JSON: {exc}", source) from None
    try:
        return read_yaml(text, source)
    except RulesError as exc:
        raise ScenarioError(exc.message, source) from None


def load_scenario(path: str | Path) -> Scenario:
    """Read a scenario file (YAML or JSON)."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ScenarioError("no such file", str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ScenarioError(f"cannot read the file: {exc}", str(path)) from None
    return scenario_from_data(parse_text(text, str(path)), str(path))
