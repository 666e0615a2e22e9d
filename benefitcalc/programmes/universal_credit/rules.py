"""The rules Universal Credit reads, checked and typed once per rules set and day (UC Regs 2013, SI 2013/376)."""

from __future__ import annotations

from decimal import Decimal
from typing import Self

from msgspec import Struct

from benefitcalc import ruleview as rv
from benefitcalc.loader import Bracket
from benefitcalc.programmes.universal_credit.self_employed import MinimumIncomeFloorRules
from benefitcalc.ruleview import RuleReader, Typed


class StandardAllowanceRules(Struct, frozen=True):
    """Reg 36: the standard allowance by age and whether the claim is joint, a month."""

    single_under_25: Typed[Decimal]
    single_25_or_over: Typed[Decimal]
    joint_both_under_25: Typed[Decimal]
    joint_25_or_over: Typed[Decimal]


class ChildRules(Struct, frozen=True):
    """Regs 24, 24A: the child element, the two-child limit (``None`` once abolished) and the disabled child
    addition."""

    first_child_higher_rate: Typed[Decimal]
    child_amount: Typed[Decimal]
    child_limit: Typed[int | None]
    disabled_child_lower_rate: Typed[Decimal]
    disabled_child_higher_rate: Typed[Decimal]


class ElementRules(Struct, frozen=True):
    """Regs 27-29: the LCW and LCWRA elements and the carer element, a month; with the 35 hours of
    caring (reg 30, as for Carer's Allowance)."""

    lcw_element: Typed[Decimal]
    lcwra_element_protected: Typed[Decimal]
    lcwra_element_new_claimant: Typed[Decimal]
    carer_element: Typed[Decimal]
    minimum_care_hours: Typed[Decimal]


class ChildcareRules(Struct, frozen=True):
    """Regs 31-36: the share of childcare costs met and the monthly caps."""

    rate: Typed[Decimal]
    maximum_one_child: Typed[Decimal]
    maximum_two_or_more_children: Typed[Decimal]


class CapitalRules(Struct, frozen=True):
    """Regs 18 and 72: the capital limits and the tariff income on capital between them."""

    lower_limit: Typed[Decimal]
    upper_limit: Typed[Decimal]
    tariff_income_step: Typed[Decimal]
    tariff_income_per_step: Typed[Decimal]


class HousingRules(Struct, frozen=True):
    """Sch 4: the housing cost contribution of a non-dependant and the under-occupancy deductions."""

    non_dependant_deduction: Typed[Decimal]
    under_occupancy_one_bedroom: Typed[Decimal]
    under_occupancy_two_or_more: Typed[Decimal]


class BenefitCapRules(Struct, frozen=True):
    """Regs 78-83: the yearly cap by area and household, and the earnings that exempt from it."""

    greater_london_single: Typed[Decimal]
    greater_london_couple_or_with_children: Typed[Decimal]
    outside_greater_london_single: Typed[Decimal]
    outside_greater_london_couple_or_with_children: Typed[Decimal]
    earnings_exemption_hours: Typed[Decimal]

    def cap(self, in_greater_london: bool, single: bool) -> Typed[Decimal]:
        if in_greater_london:
            return self.greater_london_single if single else self.greater_london_couple_or_with_children
        return self.outside_greater_london_single if single else self.outside_greater_london_couple_or_with_children


class UniversalCreditRules(Struct, frozen=True):
    """Everything Universal Credit reads from the rules."""

    standard_allowance: StandardAllowanceRules
    children: ChildRules
    elements: ElementRules
    childcare: ChildcareRules
    work_allowance_higher: Typed[Decimal]
    work_allowance_lower: Typed[Decimal]
    taper_rate: Typed[Decimal]
    capital: CapitalRules
    housing: HousingRules
    benefit_cap: BenefitCapRules
    # Hours at the national living wage that set the earnings thresholds (regs 41(3), 82(1)(a), 99(6))
    national_living_wage: Typed[Decimal]
    wca_earnings_threshold_hours: Typed[Decimal]
    aet_hours_single: Typed[Decimal]
    aet_hours_couple: Typed[Decimal]
    # The UK income tax bands: the basic rate grosses up relief-at-source contributions (reg 55(5)(a))
    uk_income_tax_rates: Typed[tuple[Bracket, ...]]
    # Self-employment: the minimum income floor and the start-up period (regs 62-64, 88, 90)
    self_employment: MinimumIncomeFloorRules

    @property
    def basic_rate(self) -> Decimal:
        return self.uk_income_tax_rates.value[0].rate

    @classmethod
    def from_params(cls, r: RuleReader) -> Self:
        uc = r.group("dwp.universal_credit")
        return cls(
            standard_allowance=_standard_allowance(uc.group("standard_allowance")),
            children=ChildRules(
                rv.amount(uc, "child_element.first_child_higher_rate", period="month"),
                rv.amount(uc, "child_element.child_amount", period="month"),
                rv.optional_count(uc, "two_child_limit.child_limit"),
                rv.amount(uc, "disabled_child_addition.lower_rate", period="month"),
                rv.amount(uc, "disabled_child_addition.higher_rate", period="month"),
            ),
            elements=ElementRules(
                rv.amount(uc, "lcw_element", period="month"),
                rv.amount(uc, "lcwra_element_protected", period="month"),
                rv.amount(uc, "lcwra_element_new_claimant", period="month"),
                rv.amount(uc, "carer_element", period="month"),
                rv.amount(r, "dwp.carers_allowance.minimum_care_hours", unit="hour", period="week"),
            ),
            childcare=ChildcareRules(
                rv.rate(uc, "childcare_costs_element.rate"),
                rv.amount(uc, "childcare_costs_element.maximum_one_child", period="month"),
                rv.amount(uc, "childcare_costs_element.maximum_two_or_more_children", period="month"),
            ),
            work_allowance_higher=rv.amount(uc, "work_allowance.higher", period="month"),
            work_allowance_lower=rv.amount(uc, "work_allowance.lower", period="month"),
            taper_rate=rv.rate(uc, "taper_rate"),
            capital=CapitalRules(
                rv.amount(uc, "capital.lower_limit", period="none"),
                rv.amount(uc, "capital.upper_limit", period="none"),
                rv.amount(uc, "capital.tariff_income_step", period="none"),
                rv.amount(uc, "capital.tariff_income_per_step", period="month"),
            ),
            housing=HousingRules(
                rv.amount(uc, "housing.non_dependant_deduction", period="month"),
                rv.rate(uc, "housing.under_occupancy_one_bedroom"),
                rv.rate(uc, "housing.under_occupancy_two_or_more"),
            ),
            benefit_cap=_benefit_cap(r),
            national_living_wage=rv.amount(r, "dbt.national_minimum_wage.national_living_wage", period="none"),
            wca_earnings_threshold_hours=rv.amount(uc, "wca_earnings_threshold_hours", unit="hour", period="week"),
            aet_hours_single=rv.amount(
                uc, "administrative_earnings_threshold_hours.single", unit="hour", period="week"
            ),
            aet_hours_couple=rv.amount(
                uc, "administrative_earnings_threshold_hours.couple", unit="hour", period="week"
            ),
            uk_income_tax_rates=rv.scale(r, "hmrc.income_tax.rates.uk"),
            self_employment=MinimumIncomeFloorRules.from_params(r),
        )


def _standard_allowance(sa: RuleReader) -> StandardAllowanceRules:
    return StandardAllowanceRules(
        rv.amount(sa, "single_under_25", period="month"),
        rv.amount(sa, "single_25_or_over", period="month"),
        rv.amount(sa, "joint_both_under_25", period="month"),
        rv.amount(sa, "joint_25_or_over", period="month"),
    )


def _benefit_cap(r: RuleReader) -> BenefitCapRules:
    cap = r.group("dwp.benefit_cap")
    return BenefitCapRules(
        rv.amount(cap, "greater_london.single", period="year"),
        rv.amount(cap, "greater_london.couple_or_with_children", period="year"),
        rv.amount(cap, "outside_greater_london.single", period="year"),
        rv.amount(cap, "outside_greater_london.couple_or_with_children", period="year"),
        rv.amount(r, "dwp.universal_credit.benefit_cap_earnings_exemption_hours", unit="hour", period="week"),
    )
