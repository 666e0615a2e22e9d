"""What every council tax reduction design holds: the words a scheme file may use, the value types
(numbers as the rules loader reads them), the tables, how income is counted, and the keys every
scheme has. The designs themselves are in :mod:`.design`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

# --- the words a scheme file may use ---------------------------------------------------------

UCElement = Literal["housing", "lcw_lcwra", "carer", "disabled_child", "childcare", "child"]
# UC elements a scheme may leave out of (or alone count in) the UC award it counts as income, and
# the UC breakdown lines that hold them (benefitcalc.programmes.universal_credit).
UC_ELEMENTS: dict[str, tuple[str, ...]] = {
    "housing": ("housing_element",),
    "lcw_lcwra": ("lcwra_element", "lcw_element"),
    "carer": ("carer_element",),
    "disabled_child": ("disabled_child_element",),
    "childcare": ("childcare_element",),
    "child": ("child_element",),
}
assert tuple(UC_ELEMENTS) == get_args(UCElement)

# Income a scheme may disregard in full. Child Benefit, PIP, ADP, DLA and Attendance Allowance are
# disregarded by every scheme held (Default Scheme Sch 8 pattern) and are never counted.
DisregardableIncome = Literal[
    "carers_allowance", "carer_support_payment", "new_style_esa", "new_style_jsa", "other_unearned_income"
]
BENEFITS: tuple[str, ...] = get_args(DisregardableIncome)

# Conditions a council's "protected group" may be defined by: the household would have had this
# premium under the national (default) scheme. The severe disability premium cannot be told from
# the scenario (it depends on who lives there and who cares), so it is not among them.
ProtectedCondition = Literal[
    "disability_premium", "enhanced_disability_premium", "disabled_child_premium", "carer_premium"
]
PROTECTED_CONDITIONS: tuple[str, ...] = get_args(ProtectedCondition)

Band = Literal["A", "B", "C", "D", "E", "F", "G", "H", "I"]
BANDS: tuple[str, ...] = get_args(Band)
DESIGNS = ("means_tested", "banded", "flat_rate", "hybrid")
CONFIDENCE = ("full", "headline", "secondary")
NATIONS = ("england", "scotland", "wales")
APPLIES_TO = ("working_age", "pension_age")


# --- value types: numbers as the rules loader reads them (int or Decimal, never text or bool) ---


def _number(value: Any) -> Any:
    if value is None:
        raise ValueError("is null on this date; it must have a value while the scheme is in force")
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise ValueError(f"must be a number, got {value!r}")
    if value < 0:
        raise ValueError(f"must not be negative, got {value}")
    return Decimal(value)


def _number_or_null(value: Any) -> Any:
    return None if value is None else _number(value)


def _share(value: Any) -> Any:
    number = _number(value)
    if number > 1:
        raise ValueError(f"is a share of the bill, from 0 to 1 (0.63 for 63%), got {value}")
    return number


def _whole(value: Any) -> Any:
    number = _number(value)
    if number != number.to_integral_value():
        raise ValueError(f"must be a whole number, got {value}")
    return int(number)


Money = Annotated[Decimal, BeforeValidator(_number), WithJsonSchema({"type": "number", "minimum": 0})]
MoneyOrNull = Annotated[
    Decimal | None,
    BeforeValidator(_number_or_null),
    WithJsonSchema({"anyOf": [{"type": "number", "minimum": 0}, {"type": "null"}]}),
]
Share = Annotated[Decimal, BeforeValidator(_share), WithJsonSchema({"type": "number", "minimum": 0, "maximum": 1})]
Whole = Annotated[int, BeforeValidator(_whole), WithJsonSchema({"type": "integer", "minimum": 0})]
Count = Annotated[int, BeforeValidator(_whole), WithJsonSchema({"type": "integer", "minimum": 0})]
CountOrNull = Annotated[
    int | None,
    BeforeValidator(lambda v: None if v is None else _whole(v)),
    WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 0}, {"type": "null"}]}),
]


def _in(unit: str | None, period: str | None = None, description: str = "", **kwargs: Any) -> Any:
    """A field whose parameter must have ``unit`` (and ``period``) in the scheme file."""
    extra: dict[str, Any] = {}
    if unit is not None:
        extra["unit"] = unit
    if period is not None:
        extra["period"] = period
    return Field(description=description, json_schema_extra=extra or None, **kwargs)


class _Model(BaseModel):
    # defer_build: each model's validator is built when first used, not at import (a sweep checks one
    # scheme, of one design); the checks are the same either way.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)


# --- tables --------------------------------------------------------------------------------------


class NonDependantDeduction(_Model):
    """One row of the non-dependant deductions: the weekly deduction from this gross weekly income up."""

    gross_income_from: Money
    deduction: Money


class ElementRow(_Model):
    element: UCElement


class BenefitRow(_Model):
    benefit: DisregardableIncome


class ConditionRow(_Model):
    condition: ProtectedCondition


class NameRow(_Model):
    name: str = Field(min_length=1)


class HouseholdType(_Model):
    """A household type of a banded scheme: who it covers (its adults and number of children)."""

    household: str = Field(min_length=1, description="A name such as single or couple_1_child.")
    adults: Literal["single", "couple", "any"]
    children_from: Count
    children_to: CountOrNull = Field(description="null: no upper limit")
    youngest_child_under: CountOrNull = Field(
        default=None,
        description="Only where a child is under this age (e.g. 5 for 'a lone parent with a child under 5'); "
        "null or absent: any ages.",
    )

    @model_validator(mode="after")
    def _range(self) -> HouseholdType:
        if self.children_to is not None and self.children_to < self.children_from:
            raise ValueError("children_to is less than children_from")
        if self.youngest_child_under is not None and self.children_from < 1:
            raise ValueError("youngest_child_under needs children_from of at least 1")
        return self


class IncomeBand(_Model):
    """A band of a banded scheme: up to this weekly income (null: above the highest), this share of the bill."""

    household: str
    income_up_to: MoneyOrNull
    discount: Share


def _nondeps_in_order(rows: tuple[NonDependantDeduction, ...]) -> tuple[NonDependantDeduction, ...]:
    if not rows:
        raise ValueError("needs at least one row (gross_income_from: 0, deduction: 0 for a scheme with no deductions)")
    if rows[0].gross_income_from != 0:
        raise ValueError(
            "the first row must start at gross_income_from: 0 (it is also the deduction for a non-dependant "
            "not in remunerative work)"
        )
    for i, (earlier, later) in enumerate(zip(rows, rows[1:]), start=1):
        if later.gross_income_from <= earlier.gross_income_from:
            raise ValueError(f"rows must be in ascending order of gross_income_from (row {i})")
    return rows


# --- income rules (every design) -----------------------------------------------------------------


class EarningsDisregard(_Model):
    single: Money = _in("currency-GBP", "week", "Weekly earnings disregard, single applicant.")
    couple: Money = _in("currency-GBP", "week", "Weekly earnings disregard, couple.")
    lone_parent: Money = _in("currency-GBP", "week", "Weekly earnings disregard, lone parent.")
    disability_or_carer: MoneyOrNull = _in(
        "currency-GBP", "week", "Higher disregard where someone is disabled or a carer (if higher).", default=None
    )
    additional: MoneyOrNull = _in(
        "currency-GBP",
        "week",
        "Additional disregard for 30 hours' work (16 for a parent or disabled worker); not on UC.",
        default=None,
    )


class ChildcareChargeCap(_Model):
    one_child: Money = _in("currency-GBP", "week")
    two_or_more_children: Money = _in("currency-GBP", "week")


class IncomeRules(_Model):
    """How the scheme counts income."""

    earnings_disregard: EarningsDisregard
    earnings_disregards_on_universal_credit: bool = _in(
        "bool",
        None,
        "Whether the earnings disregards apply to a UC claimant's earnings. false where the scheme takes "
        "DWP's UC income figure as it is (Wales: WSI 2013/3029 Sch 6 para 9; England's default scheme: "
        "SI 2012/2886 Sch para 37). Absent: true.",
        default=True,
    )
    pension_contributions_deducted: Share = _in("/1", None, "Share of pension contributions deducted, not on UC.")
    universal_credit_counts: bool = _in("bool", None, "Whether the UC award counts as income.")
    universal_credit_disregarded_elements: tuple[ElementRow, ...] = Field(
        description="UC elements taken off the award before it counts (not below 0)."
    )
    universal_credit_counted_elements: tuple[ElementRow, ...] = Field(
        default=(), description="Only these UC elements count, up to the award (not with disregarded elements)."
    )
    disregarded_benefits: tuple[BenefitRow, ...] = Field(description="Other income disregarded in full.")
    uc_childcare_deduction: bool = _in(
        "bool", None, "Deduct childcare charges worked back from the UC childcare element.", default=False
    )
    childcare_charge_cap: ChildcareChargeCap | None = Field(default=None, validate_default=True)

    @field_validator("universal_credit_counted_elements")
    @classmethod
    def _counted_or_disregarded(cls, rows: tuple[ElementRow, ...], info: ValidationInfo) -> tuple[ElementRow, ...]:
        if rows and info.data.get("universal_credit_disregarded_elements"):
            raise ValueError(
                "give either `universal_credit_counted_elements` (only these elements count) or "
                "`universal_credit_disregarded_elements` (the award less these), not both"
            )
        return rows

    @field_validator("childcare_charge_cap")
    @classmethod
    def _cap_with_deduction(cls, cap: ChildcareChargeCap | None, info: ValidationInfo) -> ChildcareChargeCap | None:
        if cap is None and info.data.get("uc_childcare_deduction"):
            raise ValueError("is needed (one_child, two_or_more_children) where uc_childcare_deduction is true")
        return cap


# --- what every design holds -------------------------------------------------------------------------


class _Scheme(_Model):
    name: str = _in("text", None, "The scheme's name, as shown in results.")
    nation: Literal["england", "scotland", "wales"] = _in("text")
    applies_to: Literal["working_age", "pension_age"] = _in("text")
    caveat: str | None = _in("text", None, "What is not fully sourced; shown as a warning.", default=None)
    confidence: Literal["full", "headline", "secondary"] | None = _in(
        "text",
        None,
        "How the scheme was read: full (the council's whole scheme document), headline (only its published "
        "headline figures: maximum, band cap, bands), secondary (another's reading of the council's scheme). "
        "Anything but full is shown as a warning, with the values taken from the base design. Absent: a "
        "national scheme read from the legislation.",
        default=None,
    )
    former_names: tuple[NameRow, ...] = Field(
        default=(), description="Councils this one replaced, by whose names `rules schemes --council` finds it."
    )
    read_on: str | None = _in(
        "text", None, "The date (YYYY-MM-DD) the sources behind `confidence` were read.", default=None
    )
    capital_limit: MoneyOrNull = _in("currency-GBP", None, "No reduction with capital above this; null: no limit.")
    capital_excluded_at_limit: bool = _in("bool", None, "No reduction at exactly the limit too.", default=False)
    minimum_award: Money = _in("currency-GBP", "week", "A weekly reduction below this is not awarded.")
    band_cap: Band | None = Field(default=None, description="Reduction worked on at most this band's bill.")
    non_dependant_exempt_if_disability_benefit: bool = _in(
        "bool",
        None,
        "No non-dependant deduction where the applicant or partner gets AA, DLA care or daily living.",
        default=False,
    )
    non_dependant_deductions: tuple[NonDependantDeduction, ...] = _in(None, "week")
    income: IncomeRules

    @field_validator("read_on")
    @classmethod
    def _iso_date(cls, text: str | None) -> str | None:
        if text is not None:
            try:
                date.fromisoformat(text)
            except ValueError:
                raise ValueError(f"`read_on` must be a date YYYY-MM-DD, got {text!r}") from None
        return text

    @field_validator("non_dependant_deductions")
    @classmethod
    def _nondeps(cls, rows: tuple[NonDependantDeduction, ...]) -> tuple[NonDependantDeduction, ...]:
        return _nondeps_in_order(rows)
