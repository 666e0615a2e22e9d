"""What the adviser is told about how a scheme was read: its `confidence`, when its sources were
read, and which of its values are not the council's stated rule but its base design's national
default pattern (docs/council_tax_reduction.md, "Base designs" and "Confidence")."""

from __future__ import annotations

from benefitcalc.breakdown import Warning
from benefitcalc.programmes.council_tax_reduction.validation import Scheme

CONFIDENCE_WORDS = {
    "full": "read from the council's full scheme document",
    "headline": "read from the council's published headline figures only (its full scheme document was not read)",
    "secondary": "read from a secondary reading of the council's scheme (PolicyEngine UK's), not the council's own "
    "document",
}

# The words for each value a scheme may take from its base design; nation, applies_to and design are
# what the base is, not values filled in.
_TOP = {
    "capital_limit": "the capital limit",
    "capital_excluded_at_limit": "whether capital exactly at the limit excludes",
    "minimum_award": "the minimum award",
    "band_cap": "the band cap",
    "non_dependant_exempt_if_disability_benefit": "who is exempt from non-dependant deductions",
    "non_dependant_deductions": "the non-dependant deductions",
    "taper": "the taper",
    "maximum_share": "the maximum reduction",
    "uc_applicable_amount": "the applicable amount on UC",
    "capital_tariff": "tariff income from capital",
    "applicable_amount": "the applicable amounts (allowances and premiums)",
    "protected_group": "the protected group",
    "banded_income": "what the bands measure",
}
_INCOME = {
    "earnings_disregard": "earnings disregards",
    "earnings_disregards_on_universal_credit": "earnings disregards on UC",
    "pension_contributions_deducted": "pension contributions",
    "universal_credit_counts": "whether UC counts",
    "universal_credit_disregarded_elements": "which UC elements count",
    "universal_credit_counted_elements": "which UC elements count",
    "disregarded_benefits": "benefits disregarded",
    "uc_childcare_deduction": "childcare",
    "childcare_charge_cap": "childcare",
}


def filled_from_base(scheme: Scheme) -> list[str]:
    """The values the scheme takes from its base design, in words, in the order of the file."""
    words: list[str] = []
    income: list[str] = []
    for key in scheme.inherited:
        top, _, rest = key.partition(".")
        if top == "income":
            word = _INCOME.get(rest.split(".", 1)[0])
            if word and word not in income:
                income.append(word)
            if "how income is counted" not in words:
                words.append("how income is counted")
            continue
        word = _TOP.get(top)
        if word and word not in words:
            words.append(word)
    return [f"how income is counted ({', '.join(income)})" if w == "how income is counted" else w for w in words]


def provenance_warning(scheme: Scheme) -> Warning | None:
    """The warning naming the scheme's confidence and what was filled from the national default
    pattern; None for a scheme read in full that fills nothing (or a national scheme)."""
    design = scheme.design
    filled = filled_from_base(scheme)
    if design.confidence in (None, "full") and not filled:
        return None
    parts = [design.name + ":"]
    if design.confidence is not None:
        read = f", on {design.read_on}" if design.read_on else ""
        parts.append(f"held at confidence '{design.confidence}', {CONFIDENCE_WORDS[design.confidence]}{read}.")
    if filled:
        parts.append(
            "These are NOT the council's stated rules but England's national default-scheme pattern "
            f"(base design {scheme.base}), because the sources read do not give them: {'; '.join(filled)}."
        )
    parts.append("Check the council's scheme before relying on the figure.")
    return Warning("ctr_scheme_confidence", " ".join(parts))
