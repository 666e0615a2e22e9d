"""The people in a scenario, and the household facts the law asks about them, each answered once."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import (
    Field,
    model_validator,
)

from benefitcalc.scenario.values import (
    Amount,
    Date,
    Hours,
    _Model,
)
from benefitcalc.scenario.work import (
    Job,
    PensionChoice,
    SelfEmployment,
)


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
