"""`benefitcalc rules new-scheme`: a skeleton council scheme file on a base design, to fill in.

The skeleton is valid YAML that the loader reads; it fails the scheme's validation only on what is
left to fill: every value says ``TO FILL`` (in its value or its reference's title), and
:func:`.validation.build_scheme` reports each one, with its line, until it is replaced.
"""

from __future__ import annotations

from pathlib import Path

from benefitcalc.errors import RulesError
from benefitcalc.loader import NAME, RuleSet
from benefitcalc.programmes.council_tax_reduction.schemes import design_ids, scheme_ids

TO_FILL = "TO FILL"
DEFAULT_BASE = {"banded": "england_banded", "means_tested": "england_default_means_tested"}
_REF = (
    "reference: &scheme\n"
    '        - title: "TO FILL: the council\'s scheme document (its title and year)"\n'
    "          href: https://www.gov.uk/apply-council-tax-reduction"
)


def _param(key: str, description: str, unit: str, period: str, value: str, table: str = "") -> str:
    columns = f"  type: table\n  columns: {table}\n" if table else ""
    return (
        f'{key}:\n  description: "{description}"\n  unit: {unit}\n  period: {period}\n{columns}  values:\n'
        f"    2026-04-01:\n      value: {value}\n      reference: *scheme\n"
    )


def skeleton(scheme_id: str, design: str, base: str) -> str:
    """The text of a skeleton scheme file for ``scheme_id`` on ``base`` (docs/council_tax_reduction.md)."""
    head = (
        f"# {scheme_id}: a council's working-age council tax reduction scheme on the base design {base}.\n"
        "# Fill in every TO FILL from the council's scheme document (its address in each reference), state any\n"
        "# other rule where the council differs from the base design (rules/local_authority/council_tax_reduction/\n"
        f"# designs/{base}.yaml), and check it with `benefitcalc rules validate DIR`.\n"
        "reviewed_to: 2027-03-31\n"
        f'description: "TO FILL: the council\'s name: working-age council tax reduction"\n\n'
        'name:\n  description: "The scheme\'s name, as shown in results."\n  unit: text\n  period: none\n  values:\n'
        "    2026-04-01:\n"
        f'      value: "TO FILL: the council\'s name: council tax reduction, working age"\n      {_REF}\n\n'
    )
    parts = [
        head,
        _param(
            "base",
            "The base design this scheme follows; null where the rules hold no scheme from that date.",
            "text",
            "none",
            base,
        ),
        _param(
            "confidence",
            "How the scheme was read: full, headline or secondary.",
            "text",
            "none",
            '"TO FILL: full, headline or secondary"',
        ),
        _param(
            "read_on", "The date the sources behind `confidence` were read.", "text", "none", '"TO FILL: YYYY-MM-DD"'
        ),
        _param(
            "capital_limit",
            "No reduction where the household's capital is above this (null: no limit).",
            "currency-GBP",
            "none",
            "null",
        ),
        _param(
            "minimum_award",
            "A weekly reduction below this is not awarded (0: no minimum).",
            "currency-GBP",
            "week",
            "null",
        ),
        _param(
            "band_cap",
            "The reduction is worked out on at most the council tax of a home in this band (null: none).",
            "text",
            "none",
            "null",
        ),
    ]
    if design == "means_tested":
        parts.append(
            _param(
                "maximum_share",
                "Share of the weekly liability the maximum reduction covers (0.8 for 80%).",
                "/1",
                "none",
                "null",
            )
        )
        parts.append(
            _param(
                "taper",
                "Share of weekly income above the applicable amount taken off the maximum.",
                "/1",
                "none",
                "null",
            )
        )
    else:
        parts.append(
            _param(
                "household_types",
                "Household types the bands are set for (replace these example rows).",
                "count",
                "none",
                "\n        - {household: single, adults: single, children_from: 0, children_to: 0}"
                "\n        - {household: couple, adults: couple, children_from: 0, children_to: 0}"
                "\n        - {household: family, adults: any, children_from: 1, children_to: null}",
                "[household, adults, children_from, children_to]",
            )
        )
        parts.append(
            _param(
                "bands",
                "Income bands: for each household type, the weekly income up to which (inclusive) a band's "
                "discount applies; the last has no upper limit (replace these example rows).",
                "currency-GBP",
                "week",
                "\n        - {household: single, income_up_to: null, discount: 0}"
                "\n        - {household: couple, income_up_to: null, discount: 0}"
                "\n        - {household: family, income_up_to: null, discount: 0}",
                "[household, income_up_to, discount]",
            )
        )
    return "\n".join(parts)


def write_skeleton(rules: RuleSet, scheme_id: str, design: str, base: str | None, out: Path) -> Path:
    """Write the skeleton under ``out`` (as a rules directory: local_authority/council_tax_reduction/)."""
    if not NAME.match(scheme_id):
        raise RulesError(f"{scheme_id!r} is not a scheme id: lower-case snake_case, e.g. east_riding", "SCHEME_ID")
    if scheme_id in scheme_ids(rules):
        raise RulesError(
            f"{scheme_id!r} is held already (benefitcalc rules schemes --council {scheme_id})", "SCHEME_ID"
        )
    chosen = base or DEFAULT_BASE[design]
    if chosen not in design_ids(rules):
        raise RulesError(
            f"{chosen!r} is not a base design; the base designs are: {', '.join(design_ids(rules))}", "--base"
        )
    folder = out / "local_authority" / "council_tax_reduction"
    path = folder / f"{scheme_id}.yaml"
    if path.exists():
        raise RulesError("the file exists already; choose another --out or remove it", str(path))
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(skeleton(scheme_id, design, chosen), encoding="utf-8")
    return path
