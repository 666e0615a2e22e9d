"""Non-dependant deductions by gross income band: the Housing Benefit Regulations 2006 reg 74
pattern, which council tax reduction schemes copy (each with its own table of bands)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from benefitcalc.breakdown import Warning
from benefitcalc.periods import convert
from benefitcalc.scenario import NonDependant


def banded_deduction(
    nd: NonDependant, label: str, rows: Sequence[tuple[Decimal, Decimal]], work_ref: str = "", not_work_ref: str = ""
) -> tuple[Decimal, str, list[Warning]]:
    """The weekly deduction for one non-dependant, why, and any assumption made.

    ``rows`` are (gross weekly income from, deduction), ascending; the first row is also the
    deduction for a non-dependant not in remunerative work. ``work_ref`` and ``not_work_ref`` cite
    the provision behind each case in the explanation.
    """
    warnings: list[Warning] = []
    if nd.remunerative_work and nd.gross_income is not None:
        gross = convert(nd.gross_income.amount, nd.gross_income.period, "week")
        amount = [deduction for start, deduction in rows if gross >= start][-1]
        why = f"in remunerative work, gross income £{gross:,.2f} a week{work_ref}"
    elif nd.remunerative_work:
        amount = rows[-1][1]
        why = f"in remunerative work, income not given: the highest deduction{work_ref}"
        warnings.append(
            Warning(
                "non_dependant_income_not_given",
                f"{label} works but no `gross_income` was given: the highest deduction is used.",
            )
        )
    else:
        amount = rows[0][1]
        why = (
            "not in remunerative work" if nd.remunerative_work is False else "assumed not in remunerative work"
        ) + not_work_ref
        if nd.remunerative_work is None and len(rows) > 1:
            warnings.append(
                Warning(
                    "non_dependant_work_assumed",
                    f"{label}: `remunerative_work` not given; assumed not working 16 hours or more (the lowest "
                    "deduction).",
                )
            )
    return amount, why, warnings
