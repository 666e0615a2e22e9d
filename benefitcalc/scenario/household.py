"""The household: its home, childcare and the whole scenario."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    Discriminator,
    Field,
    Tag,
    field_validator,
    model_validator,
)

from benefitcalc.periods import Period, convert, parse_tax_year, tax_year_date
from benefitcalc.scenario.people import Adult, Child
from benefitcalc.scenario.values import (
    Amount,
    Date,
    Hours,
    Money,
    _Model,
)
from benefitcalc.scenario.work import (
    UniversalCreditClaim,
)


class ChildcareStep(_Model):
    """What childcare costs for work of up to ``up_to_hours`` a week (childcare is bought in sessions)."""

    up_to_hours: Hours
    amount: Money
    period: Period


class Childcare(_Model):
    """Childcare costs, in the forms advisers are given them.

    The cost of care for the job being considered is one of: ``for_the_job`` (one amount, whatever
    the hours), ``per_hour_worked`` (a cost for each hour of the job, a week) or ``by_hours`` (a
    table: the cost at the first row whose ``up_to_hours`` covers the hours, the last row above).
    It is paid only at points with hours above 0. ``existing`` is childcare paid now for work
    already done (a partner's job): it is paid at every point, 0 hours included, and the UC
    childcare element is paid for it where the work condition is met (UC Regs 2013 reg 32).
    """

    existing: Amount | None = None
    for_the_job: Amount | None = None
    per_hour_worked: Money | None = None
    by_hours: Annotated[tuple[ChildcareStep, ...], Field(max_length=48)] = ()

    @model_validator(mode="after")
    def _one_form(self) -> Childcare:
        given = [name for name in ("for_the_job", "per_hour_worked") if getattr(self, name) is not None]
        if self.by_hours:
            given.append("by_hours")
        if len(given) > 1:
            raise ValueError(
                f"give the job's childcare in one form, not {' and '.join(given)}: "
                "for_the_job, per_hour_worked or by_hours"
            )
        steps = [step.up_to_hours for step in self.by_hours]
        if steps != sorted(set(steps)):
            raise ValueError("by_hours rows must be in increasing order of up_to_hours, each once")
        return self

    def for_hours(self, hours: Decimal) -> Decimal:
        """The job's childcare a month at ``hours`` a week (0 at 0 hours), by the period factors."""
        if hours <= 0:
            return Decimal(0)
        if self.for_the_job is not None:
            return convert(self.for_the_job.amount, self.for_the_job.period, "month")
        if self.per_hour_worked is not None:
            return convert(self.per_hour_worked * hours, "week", "month")
        for step in self.by_hours:
            if hours <= step.up_to_hours:
                return convert(step.amount, step.period, "month")
        if self.by_hours:
            last = self.by_hours[-1]
            return convert(last.amount, last.period, "month")
        return Decimal(0)

    def existing_monthly(self) -> Decimal:
        return convert(self.existing.amount, self.existing.period, "month") if self.existing else Decimal(0)


def _childcare_form(value: Any) -> str:
    """Which form of childcare a mapping is: the short ``{amount, period}`` or the fuller one."""
    if isinstance(value, Amount) or (isinstance(value, dict) and ("amount" in value or "period" in value)):
        return "amount-form"
    return "childcare-form"


ChildcareGiven = Annotated[
    Annotated[Amount, Tag("amount-form")] | Annotated[Childcare, Tag("childcare-form")],
    Discriminator(_childcare_form),
]


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
                f"`accommodation: {self.accommodation}` is rented accommodation: "
                "give tenure social_rent or private_rent and `rent`"
            )
        return self


class Scenario(_Model):
    date: Date | None = None
    tax_year: str | None = None
    nation: Literal["england", "scotland", "wales"] = "england"
    in_greater_london: bool = False
    marriage_allowance: bool = False
    adults: Annotated[tuple[Adult, ...], Field(min_length=1, max_length=2)]
    children: tuple[Child, ...] = ()
    housing: Housing = Housing()
    # {amount, period}: the job's childcare (as `for_the_job`); or the fuller form, `Childcare`
    childcare: ChildcareGiven | None = None
    capital: Money = Decimal(0)
    work_costs: Amount | None = None
    claims_child_benefit: bool = True
    prescription_items_per_month: Annotated[int, Field(ge=0, le=100)] = 0
    include_passport_values: bool = False
    # What UC deducts as income tax from pay (UC Regs 2013 reg 55(5)(a)-(b)): ``paye``, the tax
    # actually deducted through the job's tax code, which also collects the tax due on Carer's
    # Allowance, New Style ESA and JSA (DWP reads it from RTI, reg 61); or ``earnings_only``, the
    # tax on the earnings alone (the reading of the published worked examples).
    universal_credit_tax_deduction: Literal["paye", "earnings_only"] = "paye"
    # An existing UC claim, for `benefitcalc cashflow` (docs/cashflow.md)
    universal_credit: UniversalCreditClaim | None = None

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
        self_employed = [i for i, adult in enumerate(self.adults) if adult.self_employment is not None]
        if len(jobs) > 1 or (not jobs and not self_employed):
            raise ValueError(
                f"exactly one adult must have a `job` (the work being considered); found {len(jobs)}. "
                "Give other adults' pay as fixed `earnings`, or the work being considered as `self_employment`"
            )
        carers = [adult.name for adult in self.adults if adult.responsible_carer]
        if len(carers) > 1:
            raise ValueError("only one adult can be the `responsible_carer` of the children (UC Regs 2013 reg 4(6))")
        if carers and not self.children:
            raise ValueError("`responsible_carer` is for a household with children")
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
                        f"children[{i}].date_of_birth {child.date_of_birth} gives an age of "
                        f"{child.age_on(day)} on {day}; "
                        "allowed: born on or before that day and aged 19 or under"
                    )
        return self

    @property
    def worker_index(self) -> int:
        """The adult doing the work being considered: the one with the `job`, or with no job the
        first with `self_employment`."""
        jobs = [i for i, adult in enumerate(self.adults) if adult.job is not None]
        if jobs:
            return jobs[0]
        return next(i for i, adult in enumerate(self.adults) if adult.self_employment is not None)

    @property
    def worker(self) -> Adult:
        return self.adults[self.worker_index]

    @property
    def is_couple(self) -> bool:
        return len(self.adults) == 2

    @property
    def worker_hours(self) -> Decimal:
        """The hours a week of the work being considered: the job's, or the business's."""
        worker = self.worker
        if worker.job is not None:
            return worker.job.hours
        assert worker.self_employment is not None
        return worker.self_employment.hours_per_week

    @property
    def self_employed_index(self) -> int:
        """The adult whose profit a profit sweep sets: the worker if self-employed, else the one
        self-employed adult; a :class:`ValueError` if there is none, or two with no worker among them."""
        if self.worker.self_employment is not None:
            return self.worker_index
        found = [i for i, adult in enumerate(self.adults) if adult.self_employment is not None]
        if len(found) != 1:
            raise ValueError("no adult has `self_employment`: a profit can only be set for a self-employed adult")
        return found[0]

    def childcare_monthly(self) -> Decimal:
        """The household's childcare a month at the worker's hours as given: care for existing work at
        every point, and care for the job being considered at hours above 0."""
        care = self.childcare
        if care is None:
            return Decimal(0)
        hours = self.worker_hours
        if isinstance(care, Amount):
            return convert(care.amount, care.period, "month") if hours > 0 else Decimal(0)
        return care.existing_monthly() + care.for_hours(hours)

    def with_hours(self, hours: Decimal) -> Scenario:
        """The same household with the worker's hours set to ``hours``."""
        index = self.worker_index
        worker = self.adults[index]
        adults = list(self.adults)
        if worker.job is not None:
            job = worker.job.model_copy(update={"hours": hours})
            adults[index] = worker.model_copy(update={"job": job})
        else:
            assert worker.self_employment is not None
            business = worker.self_employment.model_copy(update={"hours_per_week": hours})
            adults[index] = worker.model_copy(update={"self_employment": business})
        return self.model_copy(update={"adults": tuple(adults)})

    def with_profit(self, amount: Decimal, period: Period = "month") -> Scenario:
        """The same household with the self-employed adult's profit set to ``amount`` a ``period``
        (:attr:`self_employed_index`): given as `profit`, so any turnover, expenses, flat-rate
        expenses and trading-allowance choice are replaced by it."""
        index = self.self_employed_index
        adult = self.adults[index]
        assert adult.self_employment is not None
        business = adult.self_employment.model_copy(
            update={
                "profit": Amount(amount=amount, period=period),
                "turnover": None,
                "expenses": None,
                "flat_rate_expenses": None,
                "trading_allowance": None,
            }
        )
        adults = list(self.adults)
        adults[index] = adult.model_copy(update={"self_employment": business})
        return self.model_copy(update={"adults": tuple(adults)})
