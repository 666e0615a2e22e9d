"""Every programme's typed view of the rules, built once per rules set and day.

:func:`views_for` is what the engine calls when it makes a context: a parameter that is missing, or
whose unit, period or value is not what a programme expects, fails there, naming the rules file and
the parameter, before any household is calculated. Council tax reduction reads the council's scheme
files itself and is not here.
"""

from __future__ import annotations

from datetime import date
from typing import Self

from msgspec import Struct

from benefitcalc.errors import RulesError
from benefitcalc.loader import ParameterNode, RuleSet
from benefitcalc.programmes.carers_allowance import CarersAllowanceRules
from benefitcalc.programmes.child_benefit import ChildBenefitRules
from benefitcalc.programmes.disability_benefits import DisabilityBenefitsRules
from benefitcalc.programmes.earnings import EarningsRules
from benefitcalc.programmes.housing_benefit import HousingBenefitRules
from benefitcalc.programmes.income_tax import IncomeTaxRules
from benefitcalc.programmes.new_style_esa import NewStyleEsaRules
from benefitcalc.programmes.new_style_jsa import NewStyleJsaRules
from benefitcalc.programmes.passports import PassportsRules
from benefitcalc.programmes.scottish_child_payment import ScottishChildPaymentRules
from benefitcalc.programmes.self_employment import SelfEmploymentRules
from benefitcalc.programmes.state_pension import StatePensionRules
from benefitcalc.programmes.tax_free_childcare import TaxFreeChildcareRules
from benefitcalc.programmes.universal_credit import UniversalCreditRules
from benefitcalc.ruleview import RuleReader


class RuleViews(Struct, frozen=True):
    """One frozen view per programme (``views.universal_credit``, ``views.income_tax``, ...)."""

    earnings: EarningsRules
    income_tax: IncomeTaxRules
    new_style_esa: NewStyleEsaRules
    new_style_jsa: NewStyleJsaRules
    carers_allowance: CarersAllowanceRules
    disability_benefits: DisabilityBenefitsRules
    child_benefit: ChildBenefitRules
    universal_credit: UniversalCreditRules
    scottish_child_payment: ScottishChildPaymentRules
    passports: PassportsRules
    housing_benefit: HousingBenefitRules
    tax_free_childcare: TaxFreeChildcareRules
    state_pension: StatePensionRules
    self_employment: SelfEmploymentRules

    @classmethod
    def from_params(cls, p: ParameterNode) -> Self:
        """The views of the rules tree ``p`` (the rules in force on one day)."""
        return cls.read(RuleReader(p))

    @classmethod
    def read(cls, r: RuleReader) -> Self:
        """The views, read through ``r`` (whose ``read`` then lists every parameter they hold)."""
        return cls(
            earnings=EarningsRules.from_params(r),
            income_tax=IncomeTaxRules.from_params(r),
            new_style_esa=NewStyleEsaRules.from_params(r),
            new_style_jsa=NewStyleJsaRules.from_params(r),
            carers_allowance=CarersAllowanceRules.from_params(r),
            disability_benefits=DisabilityBenefitsRules.from_params(r),
            child_benefit=ChildBenefitRules.from_params(r),
            universal_credit=UniversalCreditRules.from_params(r),
            scottish_child_payment=ScottishChildPaymentRules.from_params(r),
            passports=PassportsRules.from_params(r),
            housing_benefit=HousingBenefitRules.from_params(r),
            tax_free_childcare=TaxFreeChildcareRules.from_params(r),
            state_pension=StatePensionRules.from_params(r),
            self_employment=SelfEmploymentRules.from_params(r),
        )


def views_for(rules: RuleSet, day: date) -> RuleViews:
    """The views of ``rules`` on ``day``, built once and kept on the rule set (like ``rules.at(day)``).

    A refusal names the rules file that holds the parameter's value on that day, as the loader's errors do.
    """
    try:
        return rules.derived(("rule_views", day), lambda: RuleViews.from_params(rules.at(day)))
    except RulesError as exc:
        spec = rules.parameters.get(exc.where or "")
        if spec is None:
            raise
        raise RulesError(exc.message, f"{spec.value_on(day).file}: {exc.where}") from None
