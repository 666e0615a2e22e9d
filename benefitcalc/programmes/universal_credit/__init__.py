"""Universal Credit for one monthly assessment period (Universal Credit Regulations 2013, SI 2013/376).

Award = maximum amount (reg 23) - earnings deduction (reg 22) - unearned income (reg 66) - tariff
income from capital (reg 72), then the benefit cap (regs 78-83). Each amount calculated under the
Regulations is rounded to the nearest penny (reg 6(1)), so the award is exactly the maximum amount
less the lines shown.

One module per job: :mod:`.rules` (what UC reads from the rules), :mod:`.elements` (standard
allowance, health, carer and childcare elements), :mod:`.children`, :mod:`.housing`,
:mod:`.means_test` (earned income, capital, earnings thresholds), :mod:`.cap` (the benefit cap) and
:mod:`.award` (the assessment period's award).
Known limits are listed in :data:`LIMITS` and printed where they touch a case.
"""

from __future__ import annotations

from benefitcalc.programmes.universal_credit.award import PROGRAMME, calculate
from benefitcalc.programmes.universal_credit.means_test import OtherIncome
from benefitcalc.programmes.universal_credit.rules import UniversalCreditRules

__all__ = ["LIMITS", "PROGRAMME", "OtherIncome", "UniversalCreditRules", "calculate"]

LIMITS = (
    "Surplus earnings and the 'two paydays in one assessment period' effect are not modelled: every month is taken "
    "as the same.",
    "Self-employment: every month is taken as the same, so losses carried forward (reg 57A) and surplus "
    "earnings (reg 54A) do not change these figures (see universal_credit.sequence); the start-up period is counted "
    "from the day the business started.",
    "Local housing allowance rates are not held: give the rate that applies (private renters).",
    "Mortgage interest is a loan (Support for Mortgage Interest), outside UC: owner-occupiers get no housing element "
    "here.",
    "Size criteria assume children under 10 share a room and children of 10-15 share only if the scenario gives their "
    "sex; rooms for a carer, a disabled child or foster care are not modelled.",
    "Students, people over State Pension age and mixed-age couples are not modelled.",
)
