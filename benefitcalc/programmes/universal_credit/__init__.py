"""Universal Credit for one monthly assessment period (Universal Credit Regulations 2013, SI 2013/376).

Award = maximum amount (reg 23) - earnings deduction (reg 22) - unearned income (reg 66) - tariff
income from capital (reg 72), then the benefit cap (regs 78-83). Each amount calculated under the
Regulations is rounded to the nearest penny (reg 6(1)), so the award is exactly the maximum amount
less the lines shown.

One module per job: :mod:`.rules` (what UC reads from the rules), :mod:`.elements` (standard
allowance, health, carer and childcare elements), :mod:`.children`, :mod:`.housing`,
:mod:`.means_test` (earned income, capital, earnings thresholds), :mod:`.cap` (the benefit cap) and
:mod:`.award` (the assessment period's award).
Known limits are declared in the programme registry (benefitcalc.registry) and printed where they
touch a case.
"""

from __future__ import annotations

from benefitcalc.programmes.universal_credit.award import PROGRAMME, calculate
from benefitcalc.programmes.universal_credit.means_test import OtherIncome
from benefitcalc.programmes.universal_credit.rules import UniversalCreditRules

__all__ = ["PROGRAMME", "OtherIncome", "UniversalCreditRules", "calculate"]
