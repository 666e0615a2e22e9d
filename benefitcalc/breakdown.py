"""Typed results: lines that name their rules, per programme, per person and per point.

Every view (table, JSON, CSV, explain, report) reads these; none recomputes anything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from msgspec import Struct

from benefitcalc.loader import Param
from benefitcalc.periods import ZERO


class Line(Struct, frozen=True):
    """One step of a calculation: an amount in ``period`` and the parameters behind it."""

    key: str
    label: str
    amount: Decimal
    period: str
    params: tuple[Param, ...] = ()
    note: str = ""


class Warning(Struct, frozen=True):
    code: str
    message: str


class ProgrammeResult(Struct, frozen=True):
    """What one programme pays (``amount`` per ``period``), how, and what it warns about."""

    programme: str
    amount: Decimal
    period: str
    lines: tuple[Line, ...] = ()
    warnings: tuple[Warning, ...] = ()
    facts: tuple[tuple[str, object], ...] = ()

    def line(self, key: str) -> Line:
        for line in self.lines:
            if line.key == key:
                return line
        raise KeyError(f"{self.programme} has no line {key!r}")

    def fact(self, key: str, default: object = None) -> object:
        for name, value in self.facts:
            if name == key:
                return value
        return default


def nil(programme: str, period: str, reason: str, params: Iterable[Param] = ()) -> ProgrammeResult:
    """A programme that pays nothing, with the reason as its one line."""
    return ProgrammeResult(programme, ZERO, period, (Line("not_entitled", reason, ZERO, period, tuple(params)),))


class SelfEmployedEarnings(Struct, frozen=True):
    """One adult's self-employment for the year, from :mod:`benefitcalc.programmes.self_employment`.

    ``profit`` is receipts less expenses on the cash basis, as UC counts it (UC Regs 2013 reg 57(2)
    step 1; negative for a loss); ``taxable_profit`` is the profit charged to income tax and Class 4
    NI, after the trading allowance where it is better (ITTOIA 2005 Part 7A; nil for a loss).
    """

    hours: Decimal  # hours a week in the business
    receipts: Decimal | None  # a year; None where only the profit is given
    expenses: Decimal  # a year, actual and flat-rate
    profit: Decimal  # a year
    taxable_profit: Decimal  # a year
    class_2: Decimal  # voluntary Class 2 paid, a year
    class_4: Decimal  # a year
    personal_pension: Decimal  # paid into a personal pension, net of basic-rate relief, a year
    personal_pension_gross: Decimal  # the same with the relief the scheme claims (FA 2004 s.192)
    lines: tuple[Line, ...] = ()

    @property
    def national_insurance(self) -> Decimal:
        return self.class_2 + self.class_4


class PersonEarnings(Struct, frozen=True):
    """One adult's pay and deductions, annual figures, from the earnings programmes."""

    name: str
    hours: Decimal
    weekly_gross: Decimal
    gross: Decimal  # a year
    pension: Decimal  # employee contributions actually paid out of pay, a year
    pension_relief: str  # net_pay | relief_at_source | none
    national_insurance: Decimal  # a year
    income_tax_on_earnings: Decimal  # tax on earnings alone (what UC and the CA test deduct), a year
    lines: tuple[Line, ...] = ()
    warnings: tuple[Warning, ...] = ()
    # Self-employment, where the adult has any: ``gross``, ``national_insurance``, ``pension`` and
    # ``hours`` above already include its profit (not below 0), Class 2 and 4 NI, personal pension
    # payments and hours, so that every reader of pay reads the self-employed earnings too.
    self_employment: SelfEmployedEarnings | None = None

    @property
    def employed_gross(self) -> Decimal:
        """Pay from employment alone, a year."""
        se = self.self_employment
        return self.gross - (max(se.profit, ZERO) if se is not None else ZERO)


class PersonTax(Struct, frozen=True):
    """One adult's income tax for the year on earnings and taxable benefits."""

    name: str
    total_income: Decimal
    adjusted_net_income: Decimal
    income_tax: Decimal
    lines: tuple[Line, ...] = ()


@dataclass(frozen=True)
class PointResult:
    """The whole calculation for one number of hours; amounts in the result's native periods."""

    hours: Decimal
    earnings: tuple[PersonEarnings, ...]
    tax: tuple[PersonTax, ...]
    programmes: dict[str, ProgrammeResult]
    high_income_child_benefit_charge: Decimal  # a year
    housing_costs: Decimal  # a month
    council_tax: Decimal  # a month
    childcare_costs: Decimal  # a month
    work_costs: Decimal  # a month
    warnings: tuple[Warning, ...] = field(default=())
    passports: dict[str, ProgrammeResult] = field(default_factory=dict)  # not cash benefits; values are estimates
    include_passport_values: bool = False
    # Memo of views.summary for this point, by (period, exact): a pure function of the frozen
    # fields above, kept here so that views and the analysis do not redo it.
    summaries: dict[tuple[str, bool], dict[str, Decimal]] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )
