"""The claim from one assessment period to the next (benefitcalc.cashflow.universal_credit), on a
simple award worked by hand: maximum amount M, no work allowance, taper 55%, so
award = M - 55% x earned income (to the penny) and the nil threshold is M / 0.55."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from benefitcalc.breakdown import Line, ProgrammeResult
from benefitcalc.cashflow.universal_credit import AwardFor, universal_credit_by_period
from benefitcalc.periods import pence, positive

D = Decimal
TAPER = D("0.55")
MARGIN = D(2500)


def _awards(earnings: Sequence[Decimal], standard: Sequence[Decimal], housing: Decimal = Decimal(0)) -> AwardFor:
    def award(i: int, extra: Decimal, transitional: Decimal) -> ProgrammeResult:
        maximum = standard[i] + housing + transitional
        earned = earnings[i] + extra
        amount = pence(positive(maximum - pence(earned * TAPER)))
        lines = (Line("standard_allowance", "", standard[i], "month"), Line("housing_element", "", housing, "month"))
        facts = (("maximum_amount", maximum), ("work_allowance", D(0)), ("earned_income", earned))
        return ProgrammeResult("universal_credit", amount, "month", lines, (), facts)

    return award


def test_claim_ends_and_the_reclaim_carries_surplus_earnings() -> None:
    # M = 1,100 (nil threshold 1,100 / 0.55 = 2,000; relevant threshold 2,000 + 2,500 = 4,500).
    earnings = [D(1000), D(5200), D(1800), D(1000), D(1000)]
    result = universal_credit_by_period(5, _awards(earnings, [D(1100)] * 5), TAPER, [MARGIN] * 5, D(0))
    # 1: 1,100 - 550 = 550.
    # 2: 5,200 >= 2,000: nil, the award ends; surplus 5,200 - 4,500 = 700 (reg 54A).
    # 3: first claim treated as made (reg 32A): 1,800 + 700 = 2,500 -> nil (1,100 - 1,375 < 0).
    # 4: second claim: surplus 700 + 1,800 - 4,500 < 0 -> none left; 1,100 - 550 = 550: UC again.
    # 5: 550.
    assert [r.amount for r in result] == [D(550), D(0), D(0), D(550), D(550)]
    assert [r.status for r in result] == ["award", "nil", "nil", "award", "award"]
    assert [r.surplus_earnings for r in result] == [D(0), D(0), D(700), D(0), D(0)]


def test_surplus_that_lasts_two_claims() -> None:
    # M = 1,100; earnings 7,000 then 1,000 a month. Original surplus 7,000 - 4,500 = 2,500.
    # Claim 1 (period 2): 1,000 + 2,500 = 3,500 -> nil. Claim 2 (period 3): 2,500 + 1,000 - 4,500 < 0
    # -> no surplus: 1,100 - 550 = 550.
    earnings = [D(1000), D(7000), D(1000), D(1000)]
    result = universal_credit_by_period(4, _awards(earnings, [D(1100)] * 4), TAPER, [MARGIN] * 4, D(0))
    assert [r.amount for r in result] == [D(550), D(0), D(0), D(550)]
    assert result[2].surplus_earnings == D(2500)


def test_transitional_element_kept_on_a_new_award_within_three_months() -> None:
    # M = 1,000 + transitional element 200. Earnings 1,000, then 2,500 (1,200 / 0.55 = 2,181.82: nil,
    # no surplus as 2,500 < 4,681.82), then 1,000: a new award in the next month, within three months,
    # keeps the element (TP Regs 2014 reg 57): 1,200 - 550 = 650 each time.
    earnings = [D(1000), D(2500), D(1000)]
    result = universal_credit_by_period(3, _awards(earnings, [D(1000)] * 3), TAPER, [MARGIN] * 3, D(200))
    assert [r.amount for r in result] == [D(650), D(0), D(650)]
    assert [r.transitional_element for r in result] == [D(200), D(0), D(200)]


def test_transitional_element_lost_when_no_award_for_four_months() -> None:
    # As above, but earnings stay at 2,500 for four months: the next award (period 6, four months after
    # the award ended in period 2) is more than three months on, so without the element (regs 56, 57):
    # 1,000 - 550 = 450.
    earnings = [D(1000), D(2500), D(2500), D(2500), D(2500), D(1000)]
    result = universal_credit_by_period(6, _awards(earnings, [D(1000)] * 6), TAPER, [MARGIN] * 6, D(200))
    assert [r.amount for r in result] == [D(650), D(0), D(0), D(0), D(0), D(450)]
    assert result[5].transitional_element == D(0)


def test_transitional_element_eroded_by_an_increase_in_another_element() -> None:
    # Standard allowance 1,000 then 1,030 (an up-rating): a relevant increase of 30 (reg 55(4)) takes the
    # element from 200 to 170 (reg 55(2)(b)); the award stays 1,200 - 550 = 650.
    earnings = [D(1000), D(1000)]
    result = universal_credit_by_period(2, _awards(earnings, [D(1000), D(1030)]), TAPER, [MARGIN] * 2, D(200))
    assert [r.transitional_element for r in result] == [D(200), D(170)]
    assert [r.amount for r in result] == [D(650), D(650)]


def test_claim_closes_after_six_months_without_an_award() -> None:
    earnings = [D(1000)] + [D(3000)] * 7
    result = universal_credit_by_period(8, _awards(earnings, [D(1100)] * 8), TAPER, [MARGIN] * 8, D(0))
    # Period 2 ends the award; periods 3-7 are the five treated claims (reg 32A); period 8: closed.
    assert [r.status for r in result] == ["award", "nil", "nil", "nil", "nil", "nil", "nil", "closed"]
