"""The rules Housing Benefit reads (HB Regs 2006, SI 2006/213), checked and typed once per rules set and day."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Self

from msgspec import Struct

from benefitcalc import ruleview as rv
from benefitcalc.ruleview import RuleReader, Typed

PERSONAL_ALLOWANCES = ("single_under_25", "single_25_or_over", "lone_parent", "couple")
PREMIUMS = (
    "disability_single",
    "disability_couple",
    "enhanced_disability_single",
    "enhanced_disability_couple",
    "enhanced_disability_child",
    "disabled_child",
    "carer",
)
EARNINGS_DISREGARDS = ("single", "couple", "lone_parent", "disability_or_carer", "additional")
SPECIFIED_OR_TEMPORARY_DISREGARDS = (
    "single_or_lone_parent_under_25",
    "single_or_lone_parent_25_or_over",
    "couple_both_under_25",
    "couple_one_25_or_over",
)
NON_DEPENDANT_COLUMNS = ("gross_income_from", "deduction")

Weekly = Mapping[str, Typed[Decimal]]


def _weekly(r: RuleReader, group: str, names: tuple[str, ...]) -> Weekly:
    g = r.group(group)
    return MappingProxyType({name: rv.amount(g, name, period="week") for name in names})


class CapitalRules(Struct, frozen=True):
    """Regs 43 and 52: the capital limits and the weekly tariff income between them."""

    upper_limit: Typed[Decimal]
    lower_limit: Typed[Decimal]
    tariff_income_step: Typed[Decimal]
    tariff_income_per_step: Typed[Decimal]


class HousingBenefitRules(Struct, frozen=True):
    """Everything Housing Benefit reads from the rules, weekly amounts keyed by their names in the rules."""

    personal_allowance: Weekly  # Sch 3 Part 1
    child_allowance: Typed[Decimal]
    premiums: Weekly  # Sch 3 Part 3
    earnings_disregard: Weekly  # Sch 4
    # Sch 4 para 18 (from 5 October 2026): ``None`` before it applies
    specified_or_temporary_disregard: Mapping[str, Typed[Decimal | None]]
    pension_contributions_deducted: Typed[Decimal]
    qualifying_age_for_pension_credit: Typed[Decimal]
    taper: Typed[Decimal]
    minimum_award: Typed[Decimal]
    capital: CapitalRules
    non_dependant_deductions: Typed[tuple[rv.Row, ...] | None]  # reg 74; ``None`` where not held

    @classmethod
    def from_params(cls, r: RuleReader) -> Self:
        hb = r.group("dwp.housing_benefit")
        sta = hb.group("specified_or_temporary_accommodation_earnings_disregard")
        return cls(
            personal_allowance=_weekly(hb, "personal_allowance", PERSONAL_ALLOWANCES),
            child_allowance=rv.amount(hb, "child_allowance", period="week"),
            premiums=_weekly(hb, "premiums", PREMIUMS),
            earnings_disregard=_weekly(hb, "earnings_disregard", EARNINGS_DISREGARDS),
            specified_or_temporary_disregard=MappingProxyType(
                {name: rv.optional_amount(sta, name, period="week") for name in SPECIFIED_OR_TEMPORARY_DISREGARDS}
            ),
            pension_contributions_deducted=rv.rate(hb, "pension_contributions_deducted"),
            qualifying_age_for_pension_credit=rv.amount(
                hb, "qualifying_age_for_pension_credit", unit="year", period="none"
            ),
            taper=rv.rate(hb, "taper"),
            minimum_award=rv.amount(hb, "minimum_award", period="week"),
            capital=CapitalRules(
                rv.amount(hb, "capital.upper_limit", period="none"),
                rv.amount(hb, "capital.lower_limit", period="none"),
                rv.amount(hb, "capital.tariff_income_step", period="none"),
                rv.amount(hb, "capital.tariff_income_per_step", period="week"),
            ),
            non_dependant_deductions=rv.optional_table(
                hb, "non_dependant_deductions", columns=NON_DEPENDANT_COLUMNS, unit="currency-GBP", period="week"
            ),
        )
