"""The designs a council tax reduction scheme may follow, as frozen pydantic models.

A scheme file (rules/local_authority/council_tax_reduction/<id>.yaml) holds one parameter per key
below; on any one day the values in force make one of these models. Every model refuses keys it
does not know, and :func:`scheme_json_schema` publishes them as a JSON Schema for scheme authors
(docs/council_tax_reduction.schema.json). Each leaf names the ``unit`` (and where it matters the
``period``) its parameter must declare in the file; :mod:`.validation` checks those against the file.
What every design holds (income rules, capital, non-dependants) is in :mod:`.design_common`.

Four designs:

* ``means_tested`` -- the pattern of the English prescribed requirements and default scheme
  (SI 2012/2885, SI 2012/2886) and the Welsh and Scottish national schemes: a maximum reduction less
  a taper of the income above an applicable amount;
* ``banded`` -- a council's income-banded scheme: the household's weekly (or monthly) income falls in
  a band that gives a share of the bill, by household type (which may depend on a child's age). The
  bands measure income as the scheme counts it, or earnings only (Barnet, Slough), or earnings and
  unearned income but not UC, or the income above the applicable amount (Coventry, Manchester's UC
  scheme);
* ``flat_rate`` -- a fixed share of the bill by category: protected, not working, or working with
  earnings below a limit, each with or without dependants (Redbridge's classes);
* ``hybrid`` -- one regime for UC claimants and another for everyone else, each itself banded,
  means-tested or flat-rate (Enfield, Harrow, Manchester).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import Field, TypeAdapter, ValidationInfo, field_validator, model_validator

from benefitcalc.programmes.council_tax_reduction.design_common import (
    APPLIES_TO,
    BANDS,
    BENEFITS,
    CONFIDENCE,
    DESIGNS,
    NATIONS,
    PROTECTED_CONDITIONS,
    UC_ELEMENTS,
    Band,
    ConditionRow,
    HouseholdType,
    IncomeBand,
    Money,
    MoneyOrNull,
    Share,
    Whole,
    _in,
    _Model,
    _Scheme,
)

__all__ = [
    "APPLIES_TO",
    "BANDS",
    "BENEFITS",
    "CONFIDENCE",
    "DESIGNS",
    "NATIONS",
    "PROTECTED_CONDITIONS",
    "UC_ELEMENTS",
    "BandedScheme",
    "FlatRateScheme",
    "HybridScheme",
    "PensionAgeMeansTested",
    "SchemeDesign",
    "WorkingAgeMeansTested",
    "design_model",
    "scheme_json_schema",
]

# --- means-tested ---------------------------------------------------------------------------------


class CapitalTariff(_Model):
    """Tariff income: per_step a week for each step (or part) of capital above lower_limit."""

    lower_limit: Money = _in("currency-GBP")
    step: Money = _in("currency-GBP")
    per_step: Money = _in("currency-GBP", "week")

    @field_validator("step")
    @classmethod
    def _positive(cls, step: Decimal) -> Decimal:
        if step <= 0:
            raise ValueError("must be more than 0")
        return step


class WorkingAgeAllowances(_Model):
    single_under_25: Money = _in("currency-GBP", "week")
    single_25_or_over: Money = _in("currency-GBP", "week")
    lone_parent: Money = _in("currency-GBP", "week")
    couple: Money = _in("currency-GBP", "week")


class PensionAgeAllowances(_Model):
    single_before_april_2021: MoneyOrNull = _in(
        "currency-GBP", "week", "null: not held for the year (a household in that cohort is told so)."
    )
    single_from_april_2021: Money = _in("currency-GBP", "week")
    couple_before_april_2021: MoneyOrNull = _in(
        "currency-GBP", "week", "null: not held for the year (a household in that cohort is told so)."
    )
    couple_from_april_2021: Money = _in("currency-GBP", "week")


class Premiums(_Model):
    disability_single: Money = _in("currency-GBP", "week")
    disability_couple: Money = _in("currency-GBP", "week")
    enhanced_disability_single: Money = _in("currency-GBP", "week")
    enhanced_disability_couple: Money = _in("currency-GBP", "week")
    enhanced_disability_child: Money = _in("currency-GBP", "week")
    disabled_child: Money = _in("currency-GBP", "week")
    carer: Money = _in("currency-GBP", "week")


class _ApplicableAmount(_Model):
    child: Money = _in("currency-GBP", "week")
    family_premium: MoneyOrNull = _in("currency-GBP", "week", "null where not payable.")
    premiums: Premiums


class WorkingAgeApplicableAmount(_ApplicableAmount):
    personal_allowance: WorkingAgeAllowances


class PensionAgeApplicableAmount(_ApplicableAmount):
    personal_allowance: PensionAgeAllowances


class MeansTestedProtectedGroup(_Model):
    """Those the council protects: a higher maximum, perhaps no band cap or a higher capital limit."""

    conditions: tuple[ConditionRow, ...]
    maximum_share: Share | None = _in("/1", None, "Needed where there are conditions.", default=None)
    band_cap: Band | None = Field(default=None, description="Absent: the scheme's band_cap; null: no cap.")
    capital_limit: MoneyOrNull = _in("currency-GBP", None, "Absent: the scheme's limit; null: none.", default=None)

    @model_validator(mode="after")
    def _share_needed(self) -> MeansTestedProtectedGroup:
        if self.conditions and self.maximum_share is None:
            raise ValueError("needs `maximum_share` (the protected group's maximum) where it has conditions")
        return self


class _MeansTested(_Scheme):
    design: Literal["means_tested"] = _in("text")
    taper: Share = _in("/1", None, "Share of income above the applicable amount taken off the maximum.")
    maximum_share: Share = _in("/1", None, "Share of the weekly liability the maximum reduction covers.")
    uc_applicable_amount: Literal["uc_maximum_amount", "scheme_amounts"] = _in("text")
    capital_tariff: CapitalTariff
    protected_group: MeansTestedProtectedGroup | None = None


class WorkingAgeMeansTested(_MeansTested):
    applies_to: Literal["working_age"] = _in("text")
    applicable_amount: WorkingAgeApplicableAmount


class PensionAgeMeansTested(_MeansTested):
    applies_to: Literal["pension_age"] = _in("text")
    applicable_amount: PensionAgeApplicableAmount
    qualifying_age: Whole = _in("year", None, "The qualifying age for state pension credit.")


# --- banded --------------------------------------------------------------------------------------

BandedIncome = Literal["income", "earnings", "earnings_and_unearned_income", "income_above_applicable_amount"]
EXCESS = "income_above_applicable_amount"
# A banded scheme on the excess-income measure (Coventry) needs the means test's applicable amounts;
# a banded scheme on any other measure ignores them if its base design holds them.
EXCESS_ONLY_KEYS = ("uc_applicable_amount", "applicable_amount", "capital_tariff")


class BandedProtectedGroup(_Model):
    """Those the council protects: the bands of another household type, whatever the household."""

    conditions: tuple[ConditionRow, ...]
    household: str | None = _in("text", None, "The household type whose bands apply.", default=None)

    @model_validator(mode="after")
    def _household_needed(self) -> BandedProtectedGroup:
        if self.conditions and self.household is None:
            raise ValueError("needs `household` (the household type whose bands apply) where it has conditions")
        return self


def _bands_in_order(bands: tuple[IncomeBand, ...], types: tuple[HouseholdType, ...] | None) -> None:
    names = [t.household for t in types] if types is not None else None
    by_household: dict[str, list[IncomeBand]] = {name: [] for name in names or ()}
    for i, band in enumerate(bands):
        if names is not None and band.household not in by_household:
            raise ValueError(f"row {i}: household {band.household!r} is not in `household_types` ({', '.join(names)})")
        rows = by_household.setdefault(band.household, [])
        last = rows[-1].income_up_to if rows else Decimal(-1)
        if last is None or (band.income_up_to is not None and band.income_up_to <= last):
            raise ValueError(
                f"row {i}: bands for {band.household!r} must be in ascending order of income_up_to, with "
                "null (no upper limit) only in the last"
            )
        rows.append(band)
    for name, rows in by_household.items():
        if not rows:
            raise ValueError(
                f"household type {name!r} has no bands; every household type in `household_types` needs its bands"
            )
        if rows[-1].income_up_to is not None:
            raise ValueError(
                f"the last band for {name!r} must have income_up_to: null (the discount above the highest "
                "limit, usually 0)"
            )


class BandedScheme(_Scheme):
    """An income-banded scheme. A household type may take several rows of `household_types` (Islington's
    "single with one child or couple without children"); the first row that fits names the type."""

    design: Literal["banded"] = _in("text")
    banded_income: BandedIncome = _in(
        "text",
        None,
        "What the bands measure: income (as the scheme counts it; the default), earnings (only, after the "
        "earnings disregard), earnings_and_unearned_income (not the UC award) or income_above_applicable_amount "
        "(the means test's excess income).",
        default="income",
    )
    household_types: tuple[HouseholdType, ...] = Field(min_length=1)
    bands: tuple[IncomeBand, ...] = Field(
        json_schema_extra={"periods": ["week", "month"]},
        description="Weekly bands (period: week), or monthly ones (period: month: the weekly income x 52 / 12 "
        "is compared).",
    )
    protected_group: BandedProtectedGroup | None = None
    uc_applicable_amount: Literal["uc_maximum_amount", "scheme_amounts"] | None = _in(
        "text", None, "With income_above_applicable_amount: the applicable amount on UC.", default=None
    )
    applicable_amount: WorkingAgeApplicableAmount | None = Field(
        default=None, description="With income_above_applicable_amount: the allowances and premiums."
    )
    capital_tariff: CapitalTariff | None = Field(
        default=None, description="With income_above_applicable_amount: tariff income from capital."
    )

    @model_validator(mode="after")
    def _excess_needs_amounts(self) -> BandedScheme:
        if self.banded_income == EXCESS:
            missing = [key for key in EXCESS_ONLY_KEYS if getattr(self, key) is None]
            if missing:
                raise ValueError(
                    f"bands on income_above_applicable_amount need {', '.join(missing)} (from the base design "
                    "england_default_means_tested, or stated)"
                )
        return self

    @field_validator("bands")
    @classmethod
    def _bands(cls, bands: tuple[IncomeBand, ...], info: ValidationInfo) -> tuple[IncomeBand, ...]:
        _bands_in_order(bands, info.data.get("household_types"))
        return bands

    @field_validator("protected_group")
    @classmethod
    def _known_household(cls, group: BandedProtectedGroup | None, info: ValidationInfo) -> BandedProtectedGroup | None:
        types = info.data.get("household_types")
        if group is not None and group.household is not None and types is not None:
            names = [t.household for t in types]
            if group.household not in names:
                raise ValueError(
                    f"`protected_group.household` is {group.household!r}, which is not in `household_types` "
                    f"({', '.join(names)})"
                )
        return group


# --- flat rate -----------------------------------------------------------------------------------


class FlatRate(_Model):
    """One category of a flat-rate scheme and its share of the bill: the first row that fits is used."""

    category: Literal["protected", "not_working", "working"]
    dependants: Literal["with", "without", "any"]
    earnings_below: MoneyOrNull = Field(
        description="working: weekly earnings (after the earnings disregard) must be below this; null: any"
    )
    share: Share


class FlatRateProtectedGroup(_Model):
    """Those in the `protected` category: households that would have had one of these premiums."""

    conditions: tuple[ConditionRow, ...]


class FlatRateScheme(_Scheme):
    design: Literal["flat_rate"] = _in("text")
    applies_to: Literal["working_age"] = _in("text")
    rates: tuple[FlatRate, ...] = _in(None, "week", min_length=1)
    protected_group: FlatRateProtectedGroup | None = None


# --- hybrid --------------------------------------------------------------------------------------

REGIMES = ("universal_credit", "not_universal_credit")
Regime = Annotated[BandedScheme | WorkingAgeMeansTested | FlatRateScheme, Field(discriminator="design")]


class HybridScheme(_Scheme):
    """Two regimes: one for a household with an award of UC, one for the rest. In the file each regime
    is a group (`universal_credit:`, `not_universal_credit:`) holding its `design` and that design's
    keys; a key at the top of the file applies to every regime whose design has it, unless the regime
    states its own."""

    design: Literal["hybrid"] = _in("text")
    applies_to: Literal["working_age"] = _in("text")
    universal_credit: Regime
    not_universal_credit: Regime
    protected_group: None = None


SchemeDesign = BandedScheme | WorkingAgeMeansTested | PensionAgeMeansTested | FlatRateScheme | HybridScheme
SingleDesign = type[BandedScheme] | type[WorkingAgeMeansTested] | type[PensionAgeMeansTested] | type[FlatRateScheme]


def design_model(design: Any, applies_to: Any) -> SingleDesign | type[HybridScheme]:
    """The model for a scheme's stated ``design`` and ``applies_to`` (means-tested working age if unclear)."""
    if design == "banded":
        return BandedScheme
    if design == "flat_rate":
        return FlatRateScheme
    if design == "hybrid":
        return HybridScheme
    return PensionAgeMeansTested if applies_to == "pension_age" else WorkingAgeMeansTested


def scheme_json_schema() -> dict[str, Any]:
    """The JSON Schema of a scheme's values on one day, for council scheme authors.

    Each property is a key of the scheme file; its ``unit`` and ``period`` are what the key's
    parameter must declare, and each entry under the parameter's ``values:`` holds a value of the
    type shown (docs/council_tax_reduction.md). Written to docs/council_tax_reduction.schema.json.
    """
    schema = TypeAdapter(SchemeDesign).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Council tax reduction scheme (the values in force on one day)"
    schema["description"] = (
        "One key per parameter of a scheme file under rules/local_authority/council_tax_reduction/. "
        "Generated by `python -m benefitcalc.docgen` from benefitcalc/programmes/council_tax_reduction/design.py."
    )
    return schema
