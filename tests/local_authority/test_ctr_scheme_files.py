"""Council tax reduction scheme files: a user's own scheme laid over the shipped rules with --rules,
and scheme files with errors refused with a message naming the file and the key."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import benefitcalc
import pytest
from benefitcalc.errors import RulesError
from benefitcalc.loader import load_rules
from benefitcalc.programmes import council_tax_reduction as ctr
from click.testing import CliRunner

D = Decimal
REF = "reference: [{title: 'Example Borough Council: council tax support scheme 2025-26', href: 'https://www.example.gov.uk/ctr'}]"


def scheme_text(
    *, discount: str = "0.80", columns: str = "[household, income_up_to, discount]", extra: str = ""
) -> str:
    """A small banded scheme, as an adviser would write it (docs/council_tax_reduction.md)."""

    def p(name: str, unit: str, period: str, value: str, indent: int = 0, kind: str = "") -> str:
        pad = " " * indent
        return (
            f"{pad}{name}:\n{pad}  description: {name.replace('_', ' ')}.\n{pad}  unit: {unit}\n{pad}  period: {period}\n{kind}"
            f"{pad}  values:\n{pad}    2024-04-01:\n{pad}      value: {value}\n{pad}      {REF}\n"
        )

    def table(name: str, cols: str, rows: str, unit: str = "text", period: str = "none", indent: int = 0) -> str:
        return p(name, unit, period, rows, indent, f"{' ' * indent}  type: table\n{' ' * indent}  columns: {cols}\n")

    return (
        "description: Example Borough Council working-age council tax support\n"
        + p("name", "text", "none", "'Example Borough: council tax support'")
        + p("nation", "text", "none", "england")
        + p("applies_to", "text", "none", "working_age")
        + p("design", "text", "none", "banded")
        + p("capital_limit", "currency-GBP", "none", "6000")
        + p("minimum_award", "currency-GBP", "week", "0")
        + table(
            "non_dependant_deductions",
            "[gross_income_from, deduction]",
            "[{gross_income_from: 0, deduction: 3}]",
            "currency-GBP",
            "week",
        )
        + "income:\n  description: Income rules\n"
        + "  earnings_disregard:\n    description: Earnings disregards\n"
        + p("single", "currency-GBP", "week", "20", 4)
        + p("couple", "currency-GBP", "week", "20", 4)
        + p("lone_parent", "currency-GBP", "week", "20", 4)
        + p("pension_contributions_deducted", "/1", "none", "0.5", 2)
        + p("universal_credit_counts", "bool", "none", "true", 2)
        + table("universal_credit_disregarded_elements", "[element]", "[{element: housing}]", indent=2)
        + table("disregarded_benefits", "[benefit]", "[]", indent=2)
        + table(
            "household_types",
            "[household, adults, children_from, children_to]",
            "[{household: any, adults: any, children_from: 0, children_to: null}]",
            "count",
        )
        + table(
            "bands",
            columns,
            f"[{{household: any, income_up_to: 100, discount: {discount}}}, {{household: any, income_up_to: null, discount: 0}}]",
            "currency-GBP",
            "week",
        )
        + extra
    )


def overlay(tmp_path: Path, text: str, name: str = "example_borough") -> Path:
    folder = tmp_path / "local_authority" / "council_tax_reduction"  # the same path as in rules/
    folder.mkdir(parents=True)
    (folder / f"{name}.yaml").write_text(text)
    return tmp_path


def household(scheme: str) -> dict[str, Any]:
    return {
        "tax_year": "2025-26",
        "adults": [{"name": "A", "age": 30, "job": {"hourly_pay": "12.21", "hours": 0}}],
        "housing": {
            "tenure": "owner",
            "council_tax": {"amount": 1500, "period": "year"},
            "council_tax_reduction_scheme": scheme,
        },
    }


def test_a_users_scheme_added_with_rules_is_used(tmp_path):
    rules_dir = overlay(tmp_path, scheme_text())
    result = benefitcalc.calculate(household("example_borough"), hours=0, rules_dir=rules_dir).programmes[
        "council_tax_reduction"
    ]
    # Income = UC 400.14 x 12 / 52 = 92.34 <= 100: 80% of the weekly bill, less the £3 non-dependant
    # deduction (none here: no non-dependants): 80% of 1,500 = 1,200.00 a year.
    assert result.amount.quantize(D("0.01")) == D("1200.00")
    assert result.fact("scheme") == "example_borough"


def test_a_users_scheme_through_the_cli(tmp_path):
    from benefitcalc.cli import main

    rules_dir = overlay(tmp_path / "rules", scheme_text())
    listing = CliRunner().invoke(main, ["rules", "schemes", "--rules", str(rules_dir)])
    assert listing.exit_code == 0, listing.output
    assert "example_borough" in listing.output and "north_lincolnshire" in listing.output
    scenario = tmp_path / "s.yaml"
    import yaml

    scenario.write_text(yaml.safe_dump(household("example_borough")))
    out = CliRunner().invoke(
        main, ["calc", str(scenario), "--hours", "0", "--period", "year", "--json", "--rules", str(rules_dir)]
    )
    assert out.exit_code == 0, out.output
    assert '"council_tax_reduction":1200.0' in out.output  # compact JSON when piped (no spaces)


def test_a_discount_above_one_is_refused_naming_file_and_key(tmp_path):
    rules = load_rules(overlay(tmp_path, scheme_text(discount="1.5")))
    with pytest.raises(RulesError) as err:
        ctr.validate_all(rules)
    where = err.value.where or ""
    assert "local_authority/council_tax_reduction/example_borough.yaml" in where
    assert "local_authority.council_tax_reduction.example_borough.bands.values.2024-04-01.value[0].discount" in where
    assert "share of the bill" in err.value.message


def test_a_missing_key_is_refused_naming_file_and_key(tmp_path):
    text = scheme_text().replace("household_types:", "household_kinds:")
    rules = load_rules(overlay(tmp_path, text))
    with pytest.raises(RulesError) as err:
        benefitcalc.calculate(household("example_borough"), hours=0, rules=rules)
    assert "example_borough.yaml" in (err.value.where or "")
    assert "household_types" in err.value.message


def test_an_unknown_uc_element_is_refused(tmp_path):
    text = scheme_text().replace("{element: housing}", "{element: housing_costs}")
    rules = load_rules(overlay(tmp_path, text))
    with pytest.raises(RulesError) as err:
        ctr.validate_all(rules)
    assert "universal_credit_disregarded_elements" in (err.value.where or "")
    assert "housing_costs" in err.value.message


def test_a_household_type_without_bands_is_refused(tmp_path):
    text = scheme_text().replace(
        "[{household: any, adults: any, children_from: 0, children_to: null}]",
        "[{household: any, adults: any, children_from: 0, children_to: null}, {household: couple, adults: couple, children_from: 0, children_to: 0}]",
    )
    rules = load_rules(overlay(tmp_path, text))
    with pytest.raises(RulesError) as err:
        ctr.validate_all(rules)
    assert "'couple' has no bands" in err.value.message
    assert "example_borough.bands" in (err.value.where or "")


def test_rules_validate_checks_schemes_and_exits_2(tmp_path):
    from benefitcalc.cli import main

    rules_dir = overlay(tmp_path, scheme_text(discount="1.5"))
    out = CliRunner().invoke(main, ["rules", "validate", str(rules_dir)])
    assert out.exit_code == 2
    assert "example_borough.yaml" in out.output and "discount" in out.output
    assert "Traceback" not in out.output


def test_a_scheme_may_start_after_the_rules_start(tmp_path):
    # An adviser's file for one year only: values from 1 April 2025; on earlier dates it is not held.
    text = scheme_text().replace("2024-04-01", "2025-04-01")
    rules = load_rules(overlay(tmp_path, text))
    assert ctr.validate_all(rules) >= 1
    data = household("example_borough")
    data["tax_year"] = "2024-25"
    result = benefitcalc.calculate(data, hours=0, rules=rules)
    assert result.programmes["council_tax_reduction"].amount == 0
    assert "ctr_scheme_not_held" in {w.code for w in result.warnings}


def test_every_shipped_scheme_is_valid_and_listed(ruleset):
    assert ctr.validate_all(ruleset) >= 6
    ids = {s.id for s in ctr.list_schemes(ruleset)}
    assert {
        "scotland",
        "wales",
        "england_pension_age",
        "north_lincolnshire",
        "dover",
        "cheshire_west_and_chester",
    } <= ids


PROTECTED = (
    """protected_group:
  description: Protected group
  conditions:
    description: Conditions.
    unit: text
    period: none
    type: table
    columns: [condition]
    values:
      2024-04-01:
        value: [{condition: CONDITION}]
        """
    + REF
    + """
  household:
    description: Protected household.
    unit: text
    period: none
    values:
      2024-04-01:
        value: HOUSEHOLD
        """
    + REF
    + "\n"
)


def test_a_protected_group_needs_a_known_condition_and_household(tmp_path):
    text = scheme_text(extra=PROTECTED.replace("CONDITION", "blue_badge").replace("HOUSEHOLD", "any"))
    with pytest.raises(RulesError) as err:
        ctr.validate_all(load_rules(overlay(tmp_path / "a", text)))
    assert "blue_badge" in err.value.message and "disability_premium" in err.value.message
    text = scheme_text(extra=PROTECTED.replace("CONDITION", "carer_premium").replace("HOUSEHOLD", "protected"))
    with pytest.raises(RulesError) as err:
        ctr.validate_all(load_rules(overlay(tmp_path / "b", text)))
    assert "protected_group.household" in err.value.message and "'protected'" in err.value.message


def test_counted_and_disregarded_uc_elements_together_are_refused(tmp_path):
    counted = (
        "  universal_credit_counted_elements:\n    description: Counted.\n    unit: text\n    period: none\n"
        "    type: table\n    columns: [element]\n    values:\n      2024-04-01:\n        value: [{element: child}]\n        "
        + REF
        + "\n"
    )
    text = scheme_text().replace("household_types:", counted.rstrip("\n") + "\nhousehold_types:", 1)
    # the counted table must sit under income:, just before household_types
    with pytest.raises(RulesError) as err:
        ctr.validate_all(load_rules(overlay(tmp_path, text)))
    assert "not both" in err.value.message


def test_every_problem_in_a_scheme_is_reported_at_once(tmp_path):
    # Four mistakes in one file: a discount above 1, an unknown UC element, a misspelt key (so the
    # right key is missing, and the wrong one unknown) and a parameter with the wrong period. One
    # error lists all five problems in the order of the file, each as file:LINE: key (a missing key at
    # the line of `design`, which names the design that needs it).
    text = (
        scheme_text(discount="1.5")
        .replace("{element: housing}", "{element: housing_costs}")
        .replace("minimum_award:", "minimum_awrd:")
        .replace(
            "lone parent.\n      unit: currency-GBP\n      period: week",
            "lone parent.\n      unit: currency-GBP\n      period: month",
        )
    )
    with pytest.raises(RulesError) as err:
        ctr.validate_all(load_rules(overlay(tmp_path, text)))
    message = err.value.message
    assert message.startswith("5 problems in this council tax reduction scheme")
    file = "local_authority/council_tax_reduction/example_borough.yaml"
    key = "local_authority.council_tax_reduction.example_borough"
    assert f"{file}:142: {key}.bands.values.2024-04-01.value[0].discount: is a share of the bill" in message
    assert (
        f"{file}:112: {key}.income.universal_credit_disregarded_elements.values.2024-04-01.value[0].element: "
        in message
    )
    assert "'housing_costs'; allowed: housing, lcw_lcwra, carer, disabled_child, childcare or child" in message
    assert f"{file}:26: {key}.minimum_award: the scheme has no `minimum_award`, which a banded scheme needs" in message
    assert (
        f"{file}:48: {key}.minimum_awrd.values.2024-04-01.value: `minimum_awrd` is not a key of a banded scheme"
        in message
    )
    assert (
        f"{file}:80: {key}.income.earnings_disregard.lone_parent: `income.earnings_disregard.lone_parent` must have period week, not month"
        in message
    )
    lines = [int(part.split(":")[1]) for part in message.split("example_borough.yaml")[1:]]
    assert lines == [26, 48, 80, 112, 142]
    assert (err.value.where or "").endswith("local_authority/council_tax_reduction/example_borough.yaml")


def test_a_missing_table_column_and_a_null_value_are_named(tmp_path):
    text = scheme_text(columns="[household, income_up_to, discount]").replace(
        "value: 'Example Borough: council tax support'", "value: null"
    )
    with pytest.raises(RulesError) as err:
        ctr.validate_all(load_rules(overlay(tmp_path, text)))
    assert "`name` is null on this date; it must have a value while the scheme is in force" in err.value.message


def test_the_scheme_json_schema_describes_each_design():
    schema = ctr.scheme_json_schema()
    assert [ref["$ref"] for ref in schema["anyOf"]] == [
        "#/$defs/BandedScheme",
        "#/$defs/WorkingAgeMeansTested",
        "#/$defs/PensionAgeMeansTested",
        "#/$defs/FlatRateScheme",
        "#/$defs/HybridScheme",
    ]
    banded = schema["$defs"]["BandedScheme"]
    assert banded["additionalProperties"] is False
    assert {"design", "household_types", "bands", "non_dependant_deductions", "income"} <= set(banded["required"])
    income = schema["$defs"]["IncomeRules"]["properties"]
    assert income["earnings_disregards_on_universal_credit"]["default"] is True
    minimum = banded["properties"]["minimum_award"]
    assert (minimum["unit"], minimum["period"]) == ("currency-GBP", "week")


def test_the_published_schema_file_is_current():
    import json

    path = Path(__file__).resolve().parents[2] / "docs" / "council_tax_reduction.schema.json"
    assert json.loads(path.read_text(encoding="utf-8")) == ctr.scheme_json_schema(), (
        "run `python -m benefitcalc.docgen`"
    )


BROKEN_COUNCIL = """\
description: Example Borough Council working-age council tax support
name:
  description: The scheme's name.
  unit: text
  period: none
  values:
    2026-04-01:
      value: 'Example Borough: council tax support'
      reference: &scheme [{title: 'Example Borough Council: council tax support scheme 2026-27', href: 'https://www.example.gov.uk/ctr'}]
base:
  description: The base design.
  unit: text
  period: none
  values:
    2026-04-01: {value: england_banded, reference: *scheme}
confidence:
  description: How the scheme was read.
  unit: text
  period: none
  values:
    2026-04-01: {value: partial, reference: *scheme}
minimum_awrd:
  description: A misspelt minimum award.
  unit: currency-GBP
  period: week
  values:
    2026-04-01: {value: 1, reference: *scheme}
capital_limit:
  description: Capital limit.
  unit: count
  period: none
  values:
    2026-04-01: {value: 6000, reference: *scheme}
"""


def test_a_broken_council_file_on_a_base_design_reports_every_problem_with_its_line(tmp_path):
    # A council file naming the england_banded base: a confidence that is not a grade (line 21), a
    # misspelt key (line 27), a capital limit in the wrong unit (line 28), and the household types and
    # bands that a banded base cannot give (reported at the line of `base`, 10). One error, in file order.
    rules = load_rules(overlay(tmp_path, BROKEN_COUNCIL))
    with pytest.raises(RulesError) as err:
        ctr.validate_all(rules)
    message = err.value.message
    file = "local_authority/council_tax_reduction/example_borough.yaml"
    key = "local_authority.council_tax_reduction.example_borough"
    assert message.startswith("5 problems in this council tax reduction scheme")
    assert (
        f"{file}:10: {key}.household_types: the scheme has no `household_types`, which a banded scheme needs" in message
    )
    assert f"{file}:10: {key}.bands: the scheme has no `bands`, which a banded scheme needs" in message
    assert (
        f"{file}:21: {key}.confidence.values.2026-04-01.value: `confidence` is 'partial'; allowed: full, headline or secondary"
        in message
    )
    assert (
        f"{file}:27: {key}.minimum_awrd.values.2026-04-01.value: `minimum_awrd` is not a key of a banded scheme"
        in message
    )
    assert f"{file}:28: {key}.capital_limit: `capital_limit` must have unit currency-GBP, not count" in message
    lines = [int(part.split(":")[1]) for part in message.split("example_borough.yaml")[1:]]
    assert lines == sorted(lines)


def test_an_unknown_base_design_is_named_with_its_line(tmp_path):
    text = BROKEN_COUNCIL.replace("value: england_banded", "value: england_bandid")
    with pytest.raises(RulesError) as err:
        ctr.validate_all(load_rules(overlay(tmp_path, text)))
    assert "`base` is 'england_bandid', which is not a base design in force on 2026-04-01" in err.value.message
    assert "england_banded, england_default_means_tested" in err.value.message
    assert (err.value.where or "").endswith(
        "example_borough.yaml:10: local_authority.council_tax_reduction.example_borough.base"
    )
