"""The scenario: a household and the work being considered (docs/scenario.md).

Pydantic models, frozen, with unknown keys refused. :func:`load_scenario` turns YAML or JSON into a
:class:`Scenario` and every validation problem into one :class:`ScenarioError` naming the field.

One module per job: values (money, dates), work (job, self-employment), people (adults, children
and their facts), household (home, childcare, the scenario) and reading (parsing and messages).
"""

from __future__ import annotations

from benefitcalc.periods import tax_year_date
from benefitcalc.scenario.household import (
    Childcare,
    ChildcareGiven,
    ChildcareStep,
    Housing,
    NonDependant,
    Scenario,
)
from benefitcalc.scenario.people import Adult, Carer, Child, DisabilityLivingAllowance, PersonalIndependencePayment
from benefitcalc.scenario.reading import (
    load_scenario,
    parse_text,
    scenario_from_data,
)
from benefitcalc.scenario.values import (
    Amount,
    Date,
    Hours,
    Money,
    Rate,
    add_months,
)
from benefitcalc.scenario.work import (
    FlatRateExpenses,
    Job,
    PayFrequency,
    PensionChoice,
    PensionContribution,
    SelfEmployment,
    UniversalCreditClaim,
    check_pay_dates,
)

__all__ = [
    "Adult",
    "Amount",
    "Carer",
    "Child",
    "Childcare",
    "ChildcareGiven",
    "ChildcareStep",
    "Date",
    "DisabilityLivingAllowance",
    "FlatRateExpenses",
    "Hours",
    "Housing",
    "Job",
    "Money",
    "NonDependant",
    "PayFrequency",
    "PensionChoice",
    "PensionContribution",
    "PersonalIndependencePayment",
    "Rate",
    "Scenario",
    "SelfEmployment",
    "UniversalCreditClaim",
    "_FIRST_PAYDAY_WITHIN_DAYS",
    "_MONEY_TEXT",
    "_Model",
    "_UK_DATE",
    "_childcare_form",
    "_field",
    "_fields_at",
    "_message",
    "_models_in",
    "_money_text",
    "_other_branch",
    "_shown",
    "_uk_date",
    "add_months",
    "check_pay_dates",
    "load_scenario",
    "parse_text",
    "scenario_from_data",
    "tax_year_date",
]
