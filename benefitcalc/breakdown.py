"""Typed results: lines that name their rules, per programme, per person and per point.

Every view (table, JSON, CSV, explain, report) reads these; none recomputes anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Any

from benefitcalc.loader import Param
from benefitcalc.periods import ZERO

# Fast construction of the frozen results a point builds many of (some fifty lines, a result per
# programme, warnings, each adult's earnings). The __init__ a frozen dataclass generates sets each field
# through object.__setattr__, which costs twice what the slots' own setters (member descriptors) do;
# these classes' __init__ call those setters instead. They stay frozen (assigning to a field afterwards
# raises) and compare, hash and replace as before; each __init__ takes the fields in order with their
# defaults (tests/test_breakdown.py checks it).


def _slot_setters(cls: type) -> tuple[Callable[[object, Any], None], ...]:
    """The setters of a slots dataclass's fields, in field order."""
    return tuple(vars(cls)[f.name].__set__ for f in fields(cls))


@dataclass(frozen=True, slots=True, init=False)
class Line:
    """One step of a calculation: an amount in ``period`` and the parameters behind it."""

    key: str
    label: str
    amount: Decimal
    period: str
    params: tuple[Param, ...] = ()
    note: str = ""

    def __init__(
        self, key: str, label: str, amount: Decimal, period: str, params: tuple[Param, ...] = (), note: str = ""
    ) -> None:
        set_key, set_label, set_amount, set_period, set_params, set_note = _LINE_SETTERS
        set_key(self, key)
        set_label(self, label)
        set_amount(self, amount)
        set_period(self, period)
        set_params(self, params)
        set_note(self, note)


_LINE_SETTERS = _slot_setters(Line)


@dataclass(frozen=True, slots=True, init=False)
class Warning:
    code: str
    message: str

    def __init__(self, code: str, message: str) -> None:
        set_code, set_message = _WARNING_SETTERS
        set_code(self, code)
        set_message(self, message)


_WARNING_SETTERS = _slot_setters(Warning)


@dataclass(frozen=True, slots=True, init=False)
class ProgrammeResult:
    """What one programme pays (``amount`` per ``period``), how, and what it warns about."""

    programme: str
    amount: Decimal
    period: str
    lines: tuple[Line, ...] = ()
    warnings: tuple[Warning, ...] = ()
    facts: tuple[tuple[str, object], ...] = ()

    def __init__(
        self,
        programme: str,
        amount: Decimal,
        period: str,
        lines: tuple[Line, ...] = (),
        warnings: tuple[Warning, ...] = (),
        facts: tuple[tuple[str, object], ...] = (),
    ) -> None:
        set_programme, set_amount, set_period, set_lines, set_warnings, set_facts = _PROGRAMME_RESULT_SETTERS
        set_programme(self, programme)
        set_amount(self, amount)
        set_period(self, period)
        set_lines(self, lines)
        set_warnings(self, warnings)
        set_facts(self, facts)

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


_PROGRAMME_RESULT_SETTERS = _slot_setters(ProgrammeResult)


def nil(programme: str, period: str, reason: str, params: Iterable[Param] = ()) -> ProgrammeResult:
    """A programme that pays nothing, with the reason as its one line."""
    return ProgrammeResult(programme, ZERO, period, (Line("not_entitled", reason, ZERO, period, tuple(params)),))


@dataclass(frozen=True, slots=True)
class SelfEmployedEarnings:
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


@dataclass(frozen=True, slots=True, init=False)
class PersonEarnings:
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

    def __init__(
        self,
        name: str,
        hours: Decimal,
        weekly_gross: Decimal,
        gross: Decimal,
        pension: Decimal,
        pension_relief: str,
        national_insurance: Decimal,
        income_tax_on_earnings: Decimal,
        lines: tuple[Line, ...] = (),
        warnings: tuple[Warning, ...] = (),
        self_employment: SelfEmployedEarnings | None = None,
    ) -> None:
        (
            set_name,
            set_hours,
            set_weekly,
            set_gross,
            set_pension,
            set_relief,
            set_ni,
            set_tax,
            set_lines,
            set_warnings,
            set_se,
        ) = _PERSON_EARNINGS_SETTERS
        set_name(self, name)
        set_hours(self, hours)
        set_weekly(self, weekly_gross)
        set_gross(self, gross)
        set_pension(self, pension)
        set_relief(self, pension_relief)
        set_ni(self, national_insurance)
        set_tax(self, income_tax_on_earnings)
        set_lines(self, lines)
        set_warnings(self, warnings)
        set_se(self, self_employment)

    @property
    def employed_gross(self) -> Decimal:
        """Pay from employment alone, a year."""
        se = self.self_employment
        return self.gross - (max(se.profit, ZERO) if se is not None else ZERO)


_PERSON_EARNINGS_SETTERS = _slot_setters(PersonEarnings)


@dataclass(frozen=True, slots=True)
class PersonTax:
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
