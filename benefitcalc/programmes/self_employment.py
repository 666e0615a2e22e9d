"""Self-employment: the year's profit, the trading allowance, and Class 2 and Class 4 NI on it.

The profit is receipts less expenses on the cash basis (UC Regs 2013 reg 57(2) step 1; ITTOIA 2005
s.25A), with the flat-rate deductions of UC Regs 2013 reg 59 where chosen. Income tax is charged on
the profit after the trading allowance where that is better (ITTOIA 2005 Part 7A): receipts up to
£1,000 are not taxed at all, and above that the trader may deduct £1,000 instead of the expenses.
Class 4 NI is charged on the same profit (SSCBA 1992 s.15); from 6 April 2024 nobody is liable to
Class 2 (profits at or above the small profits threshold are treated as paying it), and below the
threshold it may be paid voluntarily (SSCBA 1992 s.11).

The income tax itself is worked with the adult's other income in :mod:`.income_tax`. UC counts the
profit without the trading allowance (reg 57 has no such deduction) and less the tax and NI paid.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Self

from msgspec import Struct

from benefitcalc import ruleview as rv
from benefitcalc.breakdown import Line, SelfEmployedEarnings, Warning
from benefitcalc.loader import Bracket
from benefitcalc.periods import MONTHS_IN_YEAR, WEEKS_IN_YEAR, ZERO, convert, positive
from benefitcalc.ruleview import Row, RuleReader, Typed, cite
from benefitcalc.scenario import Adult, FlatRateExpenses, SelfEmployment


class Class2Rules(Struct, frozen=True):
    """SSCBA 1992 s.11: the small profits threshold and the weekly rate (voluntary from 6 April 2024)."""

    small_profits_threshold: Typed[Decimal]
    weekly_rate: Typed[Decimal]


class Class4Rules(Struct, frozen=True):
    """SSCBA 1992 s.15: the lower and upper profits limits and the main and additional percentages."""

    lower_profits_limit: Typed[Decimal]
    upper_profits_limit: Typed[Decimal]
    main_percentage: Typed[Decimal]
    additional_percentage: Typed[Decimal]


class FlatRateRules(Struct, frozen=True):
    """UC Regs 2013 reg 59: flat-rate deductions for business miles by car and for use of the home."""

    mileage_rate_first_miles: Typed[Decimal]
    mileage_rate_after: Typed[Decimal]
    mileage_first_miles: Typed[int]
    use_of_home: Typed[tuple[Row, ...]]


class SelfEmploymentRules(Struct, frozen=True):
    """What a year's self-employment reads: Class 2 and 4, the trading allowance, the flat rates and
    the UK basic rate (relief at source on personal pension payments, FA 2004 s.192)."""

    class_2: Class2Rules
    class_4: Class4Rules
    trading_allowance: Typed[Decimal]
    flat_rate: FlatRateRules
    uk_rates: Typed[tuple[Bracket, ...]]

    @classmethod
    def from_params(cls, r: RuleReader) -> Self:
        c2 = r.group("hmrc.national_insurance.class_2")
        c4 = r.group("hmrc.national_insurance.class_4")
        se = r.group("dwp.universal_credit.self_employment")
        return cls(
            class_2=Class2Rules(
                rv.amount(c2, "small_profits_threshold", period="year"),
                rv.amount(c2, "weekly_rate", period="week"),
            ),
            class_4=Class4Rules(
                rv.amount(c4, "lower_profits_limit", period="year"),
                rv.amount(c4, "upper_profits_limit", period="year"),
                rv.rate(c4, "main_percentage"),
                rv.rate(c4, "additional_percentage"),
            ),
            trading_allowance=rv.amount(r, "hmrc.income_tax.trading_allowance", period="year"),
            flat_rate=FlatRateRules(
                rv.amount(se, "mileage_rate_first_miles", period="none"),
                rv.amount(se, "mileage_rate_after", period="none"),
                rv.count(se, "mileage_first_miles"),
                rv.table(se, "use_of_home", columns=("hours_from", "amount"), unit="currency-GBP", period="month"),
            ),
            uk_rates=rv.scale(r, "hmrc.income_tax.rates.uk"),
        )

    @property
    def basic_rate(self) -> Decimal:
        return self.uk_rates.value[0].rate


def flat_rate_expenses(chosen: FlatRateExpenses, rules: FlatRateRules) -> tuple[Decimal, list[Line]]:
    """The flat-rate deductions a month (reg 59(2), (3)): 45p a mile for the first 833 miles and 25p
    after, and the use-of-home amount for the hours of business use."""
    lines: list[Line] = []
    miles = chosen.business_miles_per_month
    first = min(miles, Decimal(rules.mileage_first_miles.value))
    mileage = first * rules.mileage_rate_first_miles.value + (miles - first) * rules.mileage_rate_after.value
    if miles > 0:
        lines.append(
            Line(
                "flat_rate_mileage",
                f"{miles} business miles a month by car: {rules.mileage_rate_first_miles.value * 100:.0f}p a mile for "
                f"the first {rules.mileage_first_miles.value}, {rules.mileage_rate_after.value * 100:.0f}p after "
                "(UC Regs 2013 reg 59(2))",
                mileage,
                "month",
                cite(rules.mileage_rate_first_miles, rules.mileage_rate_after, rules.mileage_first_miles),
            )
        )
    hours = chosen.home_working_hours_per_month
    home = ZERO
    for row in rules.use_of_home.value:
        if hours >= row["hours_from"]:
            home = Decimal(row["amount"])
    if hours > 0:
        lines.append(
            Line(
                "flat_rate_use_of_home",
                f"Use of the home for the business, {hours} hours a month (UC Regs 2013 reg 59(3))",
                home,
                "month",
                cite(rules.use_of_home),
            )
        )
    return mileage + home, lines


def _profit(
    business: SelfEmployment, rules: SelfEmploymentRules, lines: list[Line]
) -> tuple[Decimal | None, Decimal, Decimal]:
    """Receipts (None where only the profit is given), expenses and profit, a year."""
    if business.profit is not None:
        profit = convert(business.profit.amount, business.profit.period, "year")
        lines.append(
            Line(
                "profit",
                f"Profit given: £{business.profit.amount:,} a {business.profit.period.replace('_', ' ')}",
                profit,
                "year",
            )
        )
        return None, ZERO, profit
    assert business.turnover is not None
    receipts = convert(business.turnover.amount, business.turnover.period, "year")
    lines.append(Line("receipts", "Turnover: receipts in the year (cash basis)", receipts, "year"))
    expenses = ZERO
    if business.expenses is not None:
        expenses = convert(business.expenses.amount, business.expenses.period, "year")
        lines.append(Line("expenses", "Allowable expenses paid in the year", expenses, "year"))
    if business.flat_rate_expenses is not None:
        monthly, flat_lines = flat_rate_expenses(business.flat_rate_expenses, rules.flat_rate)
        lines.extend(flat_lines)
        expenses += monthly * MONTHS_IN_YEAR
    profit = receipts - expenses
    lines.append(Line("profit", "Profit: receipts less expenses (cash basis)", profit, "year"))
    return receipts, expenses, profit


def _taxable_profit(
    business: SelfEmployment, receipts: Decimal | None, profit: Decimal, rules: SelfEmploymentRules
) -> tuple[Decimal, Line | None]:
    """The profit charged to tax and Class 4: the trading allowance where better (or as chosen)."""
    if receipts is None:
        return positive(profit), None
    allowance = rules.trading_allowance
    if receipts <= allowance.value and business.trading_allowance is not False:
        label = (
            f"Receipts of £{receipts:,.2f} are within the £{allowance.value:,} trading allowance: "
            "not taxed (full relief)"
        )
        return ZERO, Line("trading_allowance", label, receipts, "year", cite(allowance))
    with_allowance = receipts - allowance.value
    use = business.trading_allowance if business.trading_allowance is not None else with_allowance < profit
    if not use:
        return positive(profit), None
    label = f"The £{allowance.value:,} trading allowance deducted instead of the expenses (partial relief)"
    return positive(with_allowance), Line("trading_allowance", label, allowance.value, "year", cite(allowance))


def class_4(taxable_profit: Decimal, rules: Class4Rules) -> tuple[Decimal, list[Line]]:
    """Class 4 NI on a year's profits (SSCBA 1992 s.15): the main percentage between the lower and upper
    profits limits, the additional percentage above."""
    lower, upper = rules.lower_profits_limit, rules.upper_profits_limit
    main, extra = rules.main_percentage, rules.additional_percentage
    main_band = positive(min(taxable_profit, upper.value) - lower.value)
    above = positive(taxable_profit - upper.value)
    lines = [
        Line(
            "class_4_main",
            f"Class 4 NI: {main.value:.0%} of profits between £{lower.value:,} and £{upper.value:,}",
            main_band * main.value,
            "year",
            cite(lower, upper, main),
        )
    ]
    if above > 0:
        lines.append(
            Line(
                "class_4_additional",
                f"Class 4 NI: {extra.value:.0%} of profits above £{upper.value:,}",
                above * extra.value,
                "year",
                cite(upper, extra),
            )
        )
    return sum((line.amount for line in lines), ZERO), lines


def class_2(taxable_profit: Decimal, voluntary: bool, rules: Class2Rules) -> tuple[Decimal, Line]:
    """Class 2 from 6 April 2024 (SSCBA 1992 s.11): none to pay; treated as paid at or above the small
    profits threshold; below it, paid only if chosen (52 weeks at the weekly rate)."""
    spt, rate = rules.small_profits_threshold, rules.weekly_rate
    if taxable_profit >= spt.value:
        label = f"Class 2 NI: none to pay; treated as paid on profits of at least £{spt.value:,} (s.11)"
        return ZERO, Line("class_2", label, ZERO, "year", cite(spt))
    if voluntary:
        amount = rate.value * WEEKS_IN_YEAR
        label = f"Class 2 NI paid voluntarily: £{rate.value} a week x 52 (profits below £{spt.value:,})"
        return amount, Line("class_2", label, amount, "year", cite(spt, rate))
    label = f"Class 2 NI: none (profits below £{spt.value:,}; may be paid voluntarily at £{rate.value} a week)"
    return ZERO, Line("class_2", label, ZERO, "year", cite(spt, rate))


def _pension(business: SelfEmployment, rules: SelfEmploymentRules, lines: list[Line]) -> tuple[Decimal, Decimal]:
    """Personal pension payments a year, as paid (net of basic-rate relief) and gross (FA 2004 s.192)."""
    if business.personal_pension is None or business.personal_pension.amount <= 0:
        return ZERO, ZERO
    paid = convert(business.personal_pension.amount, business.personal_pension.period, "year")
    gross = paid / (1 - rules.basic_rate)
    lines.append(
        Line(
            "personal_pension",
            f"Personal pension payments, paid net of {rules.basic_rate:.0%} relief; £{gross:,.2f} gross "
            "(relief at source: the basic rate band is extended by the gross amount, FA 2004 s.192)",
            paid,
            "year",
            cite(rules.uk_rates),
        )
    )
    return paid, gross


def self_employed_earnings(
    adult: Adult, rules: SelfEmploymentRules
) -> tuple[SelfEmployedEarnings | None, tuple[Warning, ...]]:
    """The adult's self-employment for the year, or None without one."""
    business = adult.self_employment
    if business is None:
        return None, ()
    lines: list[Line] = []
    warnings: list[Warning] = []
    receipts, expenses, profit = _profit(business, rules, lines)
    if profit < 0:
        warnings.append(
            Warning(
                "self_employed_loss",
                f"{adult.name}: the business makes a loss of £{-profit:,.2f} a year. No tax or NI is due on it and "
                "Universal Credit counts nil self-employed earnings; loss relief against other income is not "
                "modelled, and UC carries a loss forward to later months (UC Regs 2013 reg 57A), which identical "
                "months cannot show.",
            )
        )
    taxable, allowance_line = _taxable_profit(business, receipts, profit, rules)
    if allowance_line is not None:
        lines.append(allowance_line)
    lines.append(Line("taxable_profit", "Profit charged to income tax and Class 4 NI", taxable, "year"))
    class4, class4_lines = class_4(taxable, rules.class_4)
    lines.extend(class4_lines)
    class2, class2_line = class_2(taxable, business.voluntary_class_2, rules.class_2)
    lines.append(class2_line)
    paid, gross = _pension(business, rules, lines)
    earnings = SelfEmployedEarnings(
        hours=business.hours_per_week,
        receipts=receipts,
        expenses=expenses,
        profit=profit,
        taxable_profit=taxable,
        class_2=class2,
        class_4=class4,
        personal_pension=paid,
        personal_pension_gross=gross,
        lines=tuple(lines),
    )
    return earnings, tuple(warnings)
