"""Council tax reduction: national schemes and councils' own schemes, read from YAML (docs/council_tax_reduction.md).

Each scheme is one file, ``rules/local_authority/council_tax_reduction/<scheme_id>.yaml``, whose
parameters say which design it follows and every number it uses. Python holds the structure only;
every number is in the scheme file. One module per job:

* :mod:`.design_common` -- what every design holds (words, value types, tables, income rules, common keys);
* :mod:`.design` -- the designs (means-tested, banded, flat-rate, hybrid) as pydantic models, and their JSON Schema;
* :mod:`.validation` -- a scheme's parameters on one day checked against its design, every problem at once;
* :mod:`.schemes` -- loading a scheme for a day (over its base design), and choosing the one for a household;
* :mod:`.catalogue` -- the schemes held (years, design, confidence, source) and finding one by name;
* :mod:`.income` -- the weekly income a scheme counts;
* :mod:`.applicable_amount` -- the allowances and premiums of a means-tested scheme;
* :mod:`.means_tested`, :mod:`.banded` and :mod:`.flat_rate` -- the reduction under each design (a
  hybrid scheme is worked as its regime for the household: :meth:`.validation.Scheme.regime`);
* :mod:`.calculation` -- the whole calculation for a household.
"""

from __future__ import annotations

from benefitcalc.programmes.council_tax_reduction.applicable_amount import applicable_amount
from benefitcalc.programmes.council_tax_reduction.calculation import (
    PROGRAMME,
    band_cap,
    calculate,
    non_dependant_deductions,
    protected_group,
)
from benefitcalc.programmes.council_tax_reduction.catalogue import (
    HeldYears,
    SchemeSummary,
    find_schemes,
    list_schemes,
    no_scheme_message,
    scheme_for_council,
    scheme_json,
    schemes_json,
)
from benefitcalc.programmes.council_tax_reduction.design import (
    BANDS,
    BENEFITS,
    CONFIDENCE,
    DESIGNS,
    PROTECTED_CONDITIONS,
    UC_ELEMENTS,
    BandedScheme,
    FlatRateScheme,
    HybridScheme,
    PensionAgeMeansTested,
    SchemeDesign,
    WorkingAgeMeansTested,
    scheme_json_schema,
)
from benefitcalc.programmes.council_tax_reduction.income import weekly_income
from benefitcalc.programmes.council_tax_reduction.schemes import (
    ENGLAND_PENSION_AGE,
    NATIONAL_SCHEMES,
    PENSION_AGE_NOT_HELD,
    choose_scheme,
    design_ids,
    is_pension_age,
    load_scheme,
    missing_scheme_reason,
    scheme_ids,
    scheme_value,
    validate_all,
)
from benefitcalc.programmes.council_tax_reduction.validation import DESIGNS_GROUP, GROUP, Scheme
from benefitcalc.programmes.resources import Resources, additional_disregard_applies

__all__ = [
    "BANDS",
    "BENEFITS",
    "CONFIDENCE",
    "DESIGNS",
    "DESIGNS_GROUP",
    "ENGLAND_PENSION_AGE",
    "GROUP",
    "HeldYears",
    "NATIONAL_SCHEMES",
    "PENSION_AGE_NOT_HELD",
    "PROGRAMME",
    "PROTECTED_CONDITIONS",
    "UC_ELEMENTS",
    "BandedScheme",
    "FlatRateScheme",
    "HybridScheme",
    "PensionAgeMeansTested",
    "Resources",
    "Scheme",
    "SchemeDesign",
    "SchemeSummary",
    "WorkingAgeMeansTested",
    "additional_disregard_applies",
    "applicable_amount",
    "band_cap",
    "calculate",
    "choose_scheme",
    "design_ids",
    "find_schemes",
    "is_pension_age",
    "list_schemes",
    "load_scheme",
    "missing_scheme_reason",
    "no_scheme_message",
    "non_dependant_deductions",
    "protected_group",
    "scheme_ids",
    "scheme_for_council",
    "scheme_json",
    "scheme_json_schema",
    "schemes_json",
    "scheme_value",
    "validate_all",
    "weekly_income",
]
