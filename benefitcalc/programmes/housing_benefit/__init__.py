"""Housing Benefit where UC cannot meet the rent (Housing Benefit Regulations 2006, SI 2006/213).

A UC claimant can still get Housing Benefit for supported "specified" (exempt) accommodation and
for temporary accommodation arranged by a council (UC (Transitional Provisions) Regulations 2014,
SI 2014/1230, reg 5(2)(a)); UC then has no housing costs element. Working age only.

* While UC is in payment the whole of the claimant's earnings, other income and capital is
  disregarded (HB Regs Sch 4 para 14, Sch 5 para 4, Sch 6 para 5 -- the capital paragraph was read,
  with UC inserted by SI 2013/2070 reg 7(9); the income paragraphs are the same pattern, not re-read),
  so Housing Benefit is the maximum: eligible rent less non-dependant deductions (regs 70, 74), still
  subject to the 50p minimum (reg 75).
* Without UC (for instance when earnings end the UC award) the full means test applies: income
  above the applicable amount (reg 22, Sch 3) reduces the maximum by 65% (reg 71), after the
  earnings disregards of Sch 4; awards under 50p a week are not paid (reg 75).

Amounts are weekly, as the Regulations work (reg 80 converts monthly rent by x 12 / 52).

One module per job: :mod:`.rules` (what Housing Benefit reads from the rules), :mod:`.non_dependants`
(reg 74), :mod:`.applicable_amount` (reg 22, Sch 3), :mod:`.income` (earnings disregards and
income) and :mod:`.award`.
"""

from __future__ import annotations

from benefitcalc.programmes.housing_benefit.award import PROGRAMME, applies, calculate
from benefitcalc.programmes.housing_benefit.rules import HousingBenefitRules

__all__ = ["PROGRAMME", "HousingBenefitRules", "applies", "calculate"]
