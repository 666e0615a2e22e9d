"""The scenario: a household and the work being considered (docs/scenario.md).

Pydantic models, frozen, with unknown keys refused. :func:`load_scenario` turns YAML or JSON into a
:class:`Scenario` and every validation problem into one :class:`ScenarioError` naming the field.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
import types
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    ValidationError,
    field_validator,
    model_validator,
)

from benefitcalc.errors import ScenarioError
from benefitcalc.inputs import check_yaml, parse_json, read_file
from benefitcalc.periods import Period, convert, parse_tax_year, tax_year_date

# Money as people write it: "£1,500", "1,500.50" or 1500.5 (commas only between groups of three).
_MONEY_TEXT = re.compile(r"^-?£?\s*(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")


def _money_text(value: Any) -> Any:
    if isinstance(value, str):
        text = value.strip()
        if _MONEY_TEXT.match(text):
            return text.replace("£", "").replace(",", "").replace(" ", "")
        if text.startswith("£"):
            raise ValueError(f"{value!r} is not an amount of money; write it as 1500, 1,500.50 or £1,500")
    return value


# Dates as ISO (2026-11-23) or as people in the UK write them (23/11/2026, day first).
_UK_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def _uk_date(value: Any) -> Any:
    if isinstance(value, str):
        match = _UK_DATE.match(value.strip())
        if match:
            day, month, year = (int(part) for part in match.groups())
            try:
                return dt.date(year, month, day)
            except ValueError:
                raise ValueError(f"{value!r} is not a date (day/month/year)") from None
    return value


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day where it has fewer days): the end of a
    period counted in months, such as the self-employed start-up period."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


Money = Annotated[Decimal, BeforeValidator(_money_text), Field(ge=0, max_digits=14, decimal_places=4)]
Date = Annotated[dt.date, BeforeValidator(_uk_date)]
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


PensionChoice = Literal["none", "auto_enrolment"] | PensionContribution


PayFrequency = Literal["weekly", "fortnightly", "four_weekly", "monthly", "last_working_day"]
# The longest gap from the start of work to the first payday that is accepted: two pay periods
# (payrolls close some days before payday, so a first wage can hold more than one period's pay).
_FIRST_PAYDAY_WITHIN_DAYS: dict[str, int] = {
    "weekly": 14,
    "fortnightly": 28,
    "four_weekly": 56,
    "monthly": 62,
    "last_working_day": 62,
}


class Job(_Model):
    """The work being considered; a sweep varies ``hours``. ``start_date``, ``pay_frequency`` and
    ``first_payday`` place it in time for `benefitcalc cashflow` (docs/cashflow.md)."""

    hourly_pay: Annotated[Decimal, BeforeValidator(_money_text), Field(gt=0, le=10000)]
    hours: Hours = Decimal(0)
    pension: PensionChoice = "none"
    current_hours: Hours | None = None  # hours worked now, for `--baseline current` (default: 0, not working)
    start_date: Date | None = None
    pay_frequency: PayFrequency | None = None
    first_payday: Date | None = None

    @model_validator(mode="after")
    def _dates_agree(self) -> Job:
        check_pay_dates(self.start_date, self.pay_frequency, self.first_payday)
        return self


def check_pay_dates(start: dt.date | None, frequency: str | None, first_payday: dt.date | None) -> None:
    """``ValueError`` naming the contradiction, if the job's dates do not fit together."""
    if first_payday is None:
        return
    if start is None:
        raise ValueError("`first_payday` needs the job's `start_date`")
    if first_payday < start:
        raise ValueError(
            f"`first_payday` {first_payday} is before `start_date` {start}: wages are paid for work done, "
            "so the first payday is on or after the first day of work"
        )
    if frequency is None:
        return
    if frequency == "last_working_day" and (
        first_payday.weekday() > 4
        or any((first_payday + dt.timedelta(days=n)).month == first_payday.month
               and (first_payday + dt.timedelta(days=n)).weekday() <= 4 for n in range(1, 4))
    ):  # fmt: skip
        raise ValueError(
            f"`first_payday` {first_payday} is not the last working day (Monday to Friday) of its month, "
            "as `pay_frequency: last_working_day` says"
        )
    limit = _FIRST_PAYDAY_WITHIN_DAYS[frequency]
    if (first_payday - start).days > limit:
        raise ValueError(
            f"`first_payday` {first_payday} is {(first_payday - start).days} days after `start_date` {start}: "
            f"more than two {frequency.replace('_', ' ')} pay periods ({limit} days); check the dates"
        )


class UniversalCreditClaim(_Model):
    """An existing Universal Credit claim: the day its assessment periods start (UC Regs 2013 reg 21)
    and any transitional element from a move from legacy benefits (UC (Transitional Provisions)
    Regulations 2014 Part 4, reg 55)."""

    assessment_period_start_day: Annotated[int, Field(ge=1, le=31)]
    transitional_element: Amount | None = None


class FlatRateExpenses(_Model):
    """Flat-rate deductions chosen instead of the actual costs (UC Regs 2013 reg 59): business miles
    driven by car, and hours the home is used for the business, in a month."""

    business_miles_per_month: Annotated[Decimal, Field(ge=0, le=100000)] = Decimal(0)
    home_working_hours_per_month: Annotated[Decimal, Field(ge=0, le=744)] = Decimal(0)


class SelfEmployment(_Model):
    """A trade, profession or vocation carried on by the adult (docs/scenario.md, "Self-employment").

    The profit is given as ``profit`` or as ``turnover`` with ``expenses`` (receipts and costs on the
    cash basis, UC Regs 2013 reg 57). ``start_up_period`` left null is worked out from ``started``
    (reg 63); true or false states DWP's decision.
    """

    profit: Amount | None = None
    turnover: Amount | None = None
    expenses: Amount | None = None
    flat_rate_expenses: FlatRateExpenses | None = None
    hours_per_week: Hours = Decimal(0)
    started: Date | None = None
    gainfully_self_employed: bool = True
    start_up_period: bool | None = None
    previous_start_up_period: Date | None = None  # the start of an earlier start-up period, any trade (reg 63(2))
    personal_pension: Amount | None = None  # paid into a personal pension, net of basic-rate relief
    voluntary_class_2: bool = False  # pay Class 2 voluntarily where profits are below the small profits threshold
    trading_allowance: bool | None = None  # null: used where better (ITTOIA 2005 Part 7A)

    @model_validator(mode="after")
    def _consistent(self) -> SelfEmployment:
        if self.profit is not None and (self.turnover is not None or self.expenses is not None):
            raise ValueError(
                "give the profit either as `profit` or as `turnover` and `expenses`, not both "
                "(the profit is the turnover less the expenses)"
            )
        if self.profit is None and self.turnover is None:
            raise ValueError("give `profit` ({amount, period}) or `turnover` (and `expenses`)")
        if self.profit is not None and self.flat_rate_expenses is not None:
            raise ValueError("`flat_rate_expenses` are deducted from `turnover`: give `turnover`, not `profit`")
        if self.profit is not None and self.trading_allowance:
            raise ValueError("the trading allowance is deducted from `turnover`: give `turnover`, not `profit`")
        if self.start_up_period and not self.gainfully_self_employed:
            raise ValueError(
                "`start_up_period: true` is only for gainful self-employment (UC Regs 2013 reg 63): "
                "`gainfully_self_employed` is false"
            )
        if self.start_up_period is None and self.gainfully_self_employed and self.started is None:
            raise ValueError(
                "give `started` (the date the business began), or `start_up_period: true` or `false` "
                "(DWP's decision), so the start-up period (UC Regs 2013 reg 63) can be worked out"
            )
        if self.previous_start_up_period is not None and self.started is not None:
            if self.previous_start_up_period > self.started:
                raise ValueError("`previous_start_up_period` must be before `started`")
        return self


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
    self_employment: SelfEmployment | None = None
    # UC Regs 2013 reg 88: null, worked out (35, or fewer for the responsible carer of a child under
    # 13); a number, the hours agreed with the work coach
    expected_hours_per_week: Hours | None = None
    # The responsible carer of the children (UC Regs 2013 reg 4(6)): null, a single adult with children
    # is; in a couple nobody is unless one adult says true
    responsible_carer: bool | None = None

    # --- household facts: each benefit test answered once, named after what it tests. An entry
    # whose components are all `none` (e.g. `pip: {daily_living: none, mobility: none}`) is not
    # receiving that benefit.

    @property
    def receives_disability_benefit(self) -> bool:
        """PIP or ADP (either component), DLA (either component) or Attendance Allowance in payment.

        The benefit test of the disability premium (HB Regs 2006 Sch 3 paras 12-13(1)(a)(i); the same
        in the council tax reduction schemes' premiums, e.g. SI 2012/2885 Sch 2 Part 3) and of the
        benefit cap exemption (UC Regs 2013 reg 83(1)(j)-(m), which also counts a disabled child).
        """
        pip, adp, dla = self.pip, self.adult_disability_payment, self.disability_living_allowance
        return (
            (pip is not None and (pip.daily_living != "none" or pip.mobility != "none"))
            or (adp is not None and (adp.daily_living != "none" or adp.mobility != "none"))
            or (dla is not None and (dla.care != "none" or dla.mobility != "none"))
            or self.attendance_allowance != "none"
        )

    @property
    def receives_care_or_daily_living(self) -> bool:
        """Attendance Allowance, the DLA care component at any rate, or the PIP / ADP daily living component.

        HB Regs 2006 reg 74(6)(b): no non-dependant deduction where the claimant or partner gets one of
        these; council tax reduction schemes hold the same rule (`non_dependant_exempt_if_disability_benefit`).
        """
        pip, adp, dla = self.pip, self.adult_disability_payment, self.disability_living_allowance
        return (
            (pip is not None and pip.daily_living != "none")
            or (adp is not None and adp.daily_living != "none")
            or (dla is not None and dla.care != "none")
            or self.attendance_allowance != "none"
        )

    @property
    def receives_middle_or_highest_care_or_daily_living(self) -> bool:
        """Attendance Allowance, the DLA care component at the middle or highest rate, or the PIP / ADP
        daily living component.

        UC Regs 2013 Sch 4 para 15(2): no housing cost contribution for a renter who gets one of these
        (the same list as for a non-dependant, para 16(2)(c)-(e)); also the qualifying benefits of the
        severe disability premium (HB Regs 2006 Sch 3 para 14(2)(a)(i)).
        """
        pip, adp, dla = self.pip, self.adult_disability_payment, self.disability_living_allowance
        return (
            (pip is not None and pip.daily_living != "none")
            or (adp is not None and adp.daily_living != "none")
            or (dla is not None and dla.care in ("middle", "highest"))
            or self.attendance_allowance != "none"
        )

    @property
    def receives_highest_care_or_enhanced_daily_living(self) -> bool:
        """The DLA care component at the highest rate, or the PIP / ADP daily living component at the enhanced rate.

        The enhanced disability premium for an adult (HB Regs 2006 Sch 3 para 15(1); the same in the
        council tax reduction schemes).
        """
        pip, adp, dla = self.pip, self.adult_disability_payment, self.disability_living_allowance
        return (
            (pip is not None and pip.daily_living == "enhanced")
            or (adp is not None and adp.daily_living == "enhanced")
            or (dla is not None and dla.care == "highest")
        )

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
    date_of_birth: Date | None = None
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


def _field(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in ("function-after[_job_or_earnings()]", "literal['none','auto_enrolment']", "PensionContribution"):
            continue
        elif isinstance(part, str) and (
            part.startswith("function-")
            or part.startswith("literal[")
            or part.endswith("-form")  # a tagged union's branch (ChildcareGiven)
            or part in ("Amount", "int", "str")
        ):
            continue
        else:
            out += f".{part}" if out else str(part)
    return out or "scenario"


def _other_branch(err: Mapping[str, Any]) -> bool:
    """An error from the branch of ``PensionChoice`` that the input was plainly not meant for."""
    loc, given = tuple(err["loc"]), err.get("input")
    if "PensionContribution" in loc and err.get("type") in ("model_type", "dict_type") and isinstance(given, str):
        return True
    return any(isinstance(part, str) and part.startswith("literal[") for part in loc) and isinstance(given, dict)


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The scenario models an annotation holds (``Adult``, ``tuple[Child, ...]``, ``Job | None``)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    out: list[type[BaseModel]] = []
    for arg in get_args(annotation):
        if arg is not Ellipsis and not isinstance(arg, (str, int, types.NoneType)):
            out.extend(_models_in(arg))
    return out


def _fields_at(loc: tuple[Any, ...]) -> list[str]:
    """The field names allowed where ``loc`` (an unknown key's location) sits."""
    models: list[type[BaseModel]] = [Scenario]
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        nxt: list[type[BaseModel]] = []
        for model in models:
            if part in model.model_fields:
                nxt.extend(_models_in(model.model_fields[part].annotation))
        models = nxt or models
    return sorted({name for model in models for name in model.model_fields})


def _shown(value: Any) -> str:
    """A value as the user wrote it: 112.50, not Decimal('112.50')."""
    if isinstance(value, Decimal):
        return str(value)
    return repr(value)


def _message(err: Mapping[str, Any]) -> str:
    kind, msg = err.get("type", ""), err.get("msg", "")
    given = err.get("input")
    if kind == "extra_forbidden":
        loc = tuple(err["loc"])
        close = difflib.get_close_matches(str(loc[-1]), _fields_at(loc), n=1, cutoff=0.6) if loc else []
        hint = f"did you mean `{close[0]}`?" if close else "check the spelling; see docs/scenario.md"
        return f"is not a field of the scenario format ({hint})"
    if kind == "missing":
        return "is required"
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        close = difflib.get_close_matches(str(given), re.findall(r"'([^']*)'", expected), n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"{_shown(given)} is not allowed; allowed: {expected}{hint}"
    if kind in ("too_short", "too_long"):
        ctx = err.get("ctx", {})
        bound = f"at least {ctx.get('min_length')}" if kind == "too_short" else f"at most {ctx.get('max_length')}"
        return f"must have {bound} item(s), got {ctx.get('actual_length')}"
    msg = msg.removeprefix("Value error, ")
    if given is not None and not isinstance(given, (dict, list)):
        return f"{msg} (got {_shown(given)})"
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


def parse_text(text: str, source: str) -> Any:
    """Parse YAML or JSON text safely (see :mod:`benefitcalc.inputs`: a safe YAML loader, numbers read
    exactly, duplicate keys refused, nesting, text, numbers and YAML aliases within stated limits)."""
    from benefitcalc.errors import RulesError
    from benefitcalc.loader import read_yaml

    if source.endswith(".json"):
        return parse_json(text, source)
    check_yaml(text, source)
    try:
        return read_yaml(text, source)
    except RulesError as exc:
        raise ScenarioError(exc.message, source) from None


def load_scenario(path: str | Path) -> Scenario:
    """Read a scenario file (YAML or JSON; UTF-8, with or without a byte-order mark)."""
    return scenario_from_data(parse_text(read_file(path), str(path)), str(path))
