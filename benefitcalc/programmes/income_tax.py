"""Income tax for the year on earnings and taxable benefits (Income Tax Act 2007; ITEPA 2003).

rUK rates apply in England and Wales (Welsh rates of income tax are 10p in each band, so equal to
rUK); Scottish rates apply to Scottish taxpayers' non-savings income (ITA 2007 s.6A).
"""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal
from typing import Self

from msgspec import Struct

from benefitcalc import ruleview as rv
from benefitcalc.breakdown import Line
from benefitcalc.loader import Bracket
from benefitcalc.periods import ZERO, positive
from benefitcalc.ruleview import RuleReader, Typed, cite


class IncomeTaxRules(Struct, frozen=True):
    """The personal allowance and its taper (ITA 2007 ss.35, 58), the rUK and Scottish bands (ss.6, 6A, 10)
    and the Marriage Allowance share (s.55B)."""

    personal_allowance: Typed[Decimal]
    income_limit: Typed[Decimal]
    personal_allowance_reduction_rate: Typed[Decimal]
    uk_rates: Typed[tuple[Bracket, ...]]
    scotland_rates: Typed[tuple[Bracket, ...]]
    marriage_allowance_share: Typed[Decimal]

    @classmethod
    def from_params(cls, r: RuleReader) -> Self:
        it = r.group("hmrc.income_tax")
        return cls(
            personal_allowance=rv.amount(it, "personal_allowance", period="year"),
            income_limit=rv.amount(it, "income_limit", period="year"),
            personal_allowance_reduction_rate=rv.rate(it, "personal_allowance_reduction_rate"),
            uk_rates=rv.scale(it, "rates.uk"),
            scotland_rates=rv.scale(it, "rates.scotland"),
            marriage_allowance_share=rv.rate(it, "marriage_allowance.transferable_share"),
        )

    @property
    def basic_rate(self) -> Decimal:
        """The UK basic rate: the rate of the first band (the rate of relief at source, FA 2004 s.192)."""
        return self.uk_rates.value[0].rate

    def rates_for(self, nation: str) -> Typed[tuple[Bracket, ...]]:
        return self.scotland_rates if nation == "scotland" else self.uk_rates


class TaxResult(Struct, frozen=True):
    total_income: Decimal
    adjusted_net_income: Decimal
    personal_allowance: Decimal
    tax: Decimal
    lines: tuple[Line, ...]


def apply_scale(brackets: tuple[Bracket, ...], base: Decimal) -> Decimal:
    """Sum of each band's rate on the part of ``base`` inside that band."""
    total = ZERO
    for i, band in enumerate(brackets):
        top = brackets[i + 1].threshold if i + 1 < len(brackets) else None
        if base <= band.threshold:
            break
        width = (min(base, top) if top is not None else base) - band.threshold
        total += width * band.rate
    return total


def extend_bands(brackets: tuple[Bracket, ...], contributions: Decimal, basic_rate: Decimal) -> tuple[Bracket, ...]:
    """The bands with the basic rate limit and every limit above it raised by relief-at-source contributions.

    FA 2004 s.192(4) (and (4B) for Welsh taxpayers) raises the basic and higher rate limits by the gross
    contribution where tax above the basic rate is due; s.192(4A) raises the Scottish basic rate limit and
    the limits above it where tax at a Scottish rate above the basic rate is due. Raising limits that the
    income does not reach changes nothing, so the condition needs no test. The bands raised are those
    taxed above the basic (relief-at-source) rate; the Scottish starter band is left as it is.
    """
    if contributions <= ZERO:
        return brackets
    return tuple(
        Bracket(b.threshold + contributions, b.rate) if b.threshold > ZERO and b.rate > basic_rate else b
        for b in brackets
    )


def marriage_allowance_amount(rules: IncomeTaxRules) -> Decimal:
    """10% of the personal allowance rounded up to the next £10 (ITA 2007 s.55B(5)): £1,260."""
    raw = rules.personal_allowance.value * rules.marriage_allowance_share.value
    return (raw / 10).quantize(Decimal(1), rounding=ROUND_CEILING) * 10


def income_tax(
    rules: IncomeTaxRules,
    nation: str,
    employment_income: Decimal,
    taxable_benefits: Decimal = ZERO,
    other_deductions: Decimal = ZERO,
    allowance_transferred_out: Decimal = ZERO,
    allowance_received: Decimal = ZERO,
    trading_profits: Decimal = ZERO,
) -> TaxResult:
    """Tax for a year.

    ``employment_income`` is pay after pension contributions under a net pay arrangement (ITEPA 2003
    s.11 and FA 2004 s.193); ``other_deductions`` are grossed-up relief-at-source contributions, which
    lower adjusted net income (ITA 2007 s.58) but not the income taxed, and extend the bands above the
    basic rate (FA 2004 s.192(4), (4A)). ``trading_profits`` are the profits of a trade after the
    trading allowance where used (ITTOIA 2005 Part 2 and Part 7A), non-savings income taxed with pay.
    """
    total = employment_income + taxable_benefits + trading_profits
    ani = positive(total - other_deductions)
    pa = rules.personal_allowance
    limit, reduction = rules.income_limit, rules.personal_allowance_reduction_rate
    allowance = positive(pa.value - positive(ani - limit.value) * reduction.value) - allowance_transferred_out
    allowance = positive(allowance)
    taxable = positive(total - allowance)
    scale = rules.rates_for(nation)
    tax = apply_scale(extend_bands(scale.value, other_deductions, rules.basic_rate), taxable)
    lines = [
        Line(
            "taxable_income",
            "Income taxed: pay after pension (net pay) plus taxable benefits"
            + (" plus trading profits" if trading_profits else ""),
            total,
            "year",
        ),
        Line(
            "personal_allowance",
            "Personal allowance (reduced by £1 for each £2 of adjusted net income over the limit)",
            allowance,
            "year",
            cite(pa, limit, reduction),
        ),
        Line(
            "tax_on_bands",
            f"Tax on £{taxable:,.2f} at the {'Scottish' if nation == 'scotland' else 'UK'} rates",
            tax,
            "year",
            cite(scale),
        ),
    ]
    if allowance_transferred_out:
        lines.append(
            Line(
                "marriage_allowance_transferred",
                "Marriage Allowance transferred to partner",
                allowance_transferred_out,
                "year",
                cite(rules.marriage_allowance_share),
            )
        )
    if allowance_received:
        # s.55B(3): the basic rate, or for a Scottish (Welsh) taxpayer the Scottish (Welsh) basic rate. Both are
        # 20% in every year the rules cover, so the UK basic rate is used; a named Scottish basic rate
        # parameter would be needed if they ever differ.
        basic = rules.basic_rate
        relief = min(tax, allowance_received * basic)
        tax -= relief
        lines.append(
            Line(
                "marriage_allowance_reduction",
                f"Marriage Allowance: tax reduced by {basic:.0%} of £{allowance_received:,}",
                -relief,
                "year",
                cite(rules.marriage_allowance_share, rules.uk_rates),
            )
        )
    return TaxResult(total, ani, allowance, tax, tuple(lines))


def basic_rate_limit_for(rules: IncomeTaxRules, nation: str) -> Decimal:
    """Taxable income above which the recipient of the Marriage Allowance may not be (s.55B(2)): the first
    band above basic."""
    higher = next(b for b in rules.rates_for(nation).value if b.rate >= Decimal("0.40"))
    return higher.threshold
