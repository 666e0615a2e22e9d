"""reviewed_to, uprating, carried_forward and tax_years (docs/rules.md): what the loader accepts, what
it refuses (exact messages, naming the file, the key and the problem), and what RuleSet.provisional
reports.

Expected values are read off the shipped rules files (rules/*.yaml: every file's `reviewed_to`), the
fixture overlay tests/fixtures/overlay_carried_forward/ and the small files written here.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from benefitcalc.errors import CoverageError, RulesError
from benefitcalc.loader import CarriedForward, RuleSet, load_rules

RULES_YAML = "version: test.3\ncovers:\n  from: 2024-04-06\n  to: 2025-04-05\ntax_years: [2024-25]\n"
REFERENCE = """      reference:
        - title: Universal Credit Regulations 2013, reg. 36
          href: https://www.legislation.gov.uk/uksi/2013/376/regulation/36
"""
GOOD = (
    """reviewed_to: 2025-04-05
description: A sample file
amount:
  description: An amount
  unit: currency-GBP
  period: month
  uprating: cpi
  values:
    2024-04-06:
      value: 311.68
"""
    + REFERENCE
    + """    2024-10-07:
      value: 311.68
      carried_forward:
        from: 2024-04-06
        basis: cpi
"""
    + REFERENCE
)
FILE = "rules/dwp/sample.yaml"
PARAM = f"{FILE}: dwp.sample.amount"
LATER = f"{PARAM}.values.2024-10-07"


def _write(folder: Path, text: str, rules_yaml: str = RULES_YAML) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "rules.yaml").write_text(rules_yaml)
    (folder / "dwp").mkdir(exist_ok=True)
    (folder / "dwp" / "sample.yaml").write_text(text)


def _load(tmp_path: Path, text: str, rules_yaml: str = RULES_YAML) -> RuleSet:
    _write(tmp_path, text, rules_yaml)
    return load_rules(base_dir=tmp_path)


def _refusal(tmp_path: Path, text: str, rules_yaml: str = RULES_YAML) -> str:
    with pytest.raises(RulesError) as caught:
        _load(tmp_path, text, rules_yaml)
    return str(caught.value)


SAMPLE = GOOD  # a valid file: its second value carries the first forward


def test_the_sample_file_is_valid_and_its_metadata_is_read(tmp_path: Path) -> None:
    rules = _load(tmp_path, SAMPLE)
    spec = rules.spec("dwp.sample.amount")
    assert spec.uprating == "cpi"
    assert spec.reviewed_to == date(2025, 4, 5)
    assert spec.values[0].carried_forward is None
    assert spec.values[1].carried_forward == CarriedForward(date(2024, 4, 6), "cpi")
    assert rules.tax_years == ("2024-25",)
    assert rules.at(date(2024, 10, 7)).dwp.sample.amount.value == Decimal("311.68")


def test_a_parameter_without_uprating_is_not_uprated(tmp_path: Path) -> None:
    rules = _load(tmp_path, SAMPLE.replace("  uprating: cpi\n", ""))
    assert rules.spec("dwp.sample.amount").uprating == "none"


# --- refusals, exact messages -------------------------------------------------------------------


def test_refuses_a_reviewed_to_that_is_not_a_date(tmp_path: Path) -> None:
    assert _refusal(tmp_path, SAMPLE.replace("reviewed_to: 2025-04-05", "reviewed_to: soon")) == (
        f"{FILE}: reviewed_to: `reviewed_to` must be a date YYYY-MM-DD (the last day this file's values were "
        "checked for), got 'soon'"
    )


def test_refuses_reviewed_to_inside_a_parameter(tmp_path: Path) -> None:
    text = SAMPLE.replace("amount:\n", "amount:\n  reviewed_to: 2025-04-05\n", 1)
    assert _refusal(tmp_path, text) == (
        f"{PARAM}: unknown key(s) ['reviewed_to']; a parameter may have "
        "['columns', 'description', 'note', 'period', 'type', 'unit', 'uprating', 'values']"
    )


def test_refuses_an_unknown_uprating(tmp_path: Path) -> None:
    assert _refusal(tmp_path, SAMPLE.replace("uprating: cpi", "uprating: rpi")) == (
        f"{PARAM}.uprating: uprating 'rpi' is not one of ['cpi', 'earnings', 'frozen', 'policy', 'none']"
    )


def test_refuses_carried_forward_without_a_basis(tmp_path: Path) -> None:
    assert _refusal(tmp_path, SAMPLE.replace("        basis: cpi\n", "")) == (
        f"{LATER}.carried_forward: `carried_forward` must be a mapping with exactly `from` (the date of the "
        "value carried) and `basis` (cpi, earnings, frozen or policy)"
    )


def test_refuses_carried_forward_with_an_unknown_key(tmp_path: Path) -> None:
    text = SAMPLE.replace("        basis: cpi\n", "        basis: cpi\n        reviewed: no\n")
    assert _refusal(tmp_path, text) == (
        f"{LATER}.carried_forward: `carried_forward` must be a mapping with exactly `from` (the date of the "
        "value carried) and `basis` (cpi, earnings, frozen or policy)"
    )


def test_refuses_carried_forward_that_is_not_a_mapping(tmp_path: Path) -> None:
    text = SAMPLE.replace(
        "      carried_forward:\n        from: 2024-04-06\n        basis: cpi\n", "      carried_forward: yes\n"
    )
    assert _refusal(tmp_path, text) == (
        f"{LATER}.carried_forward: `carried_forward` must be a mapping with exactly `from` (the date of the "
        "value carried) and `basis` (cpi, earnings, frozen or policy)"
    )


def test_refuses_carried_forward_from_a_later_date(tmp_path: Path) -> None:
    assert _refusal(tmp_path, SAMPLE.replace("        from: 2024-04-06\n", "        from: 2024-10-07\n")) == (
        f"{LATER}.carried_forward.from: `from` must be the date YYYY-MM-DD of the earlier value carried, "
        "before 2024-10-07; got datetime.date(2024, 10, 7)"
    )


def test_refuses_carried_forward_with_basis_none(tmp_path: Path) -> None:
    assert _refusal(tmp_path, SAMPLE.replace("        basis: cpi\n", "        basis: none\n")) == (
        f"{LATER}.carried_forward.basis: basis 'none' is not one of ['cpi', 'earnings', 'frozen', 'policy']"
    )


def test_refuses_carried_forward_from_a_date_with_no_value(tmp_path: Path) -> None:
    assert _refusal(tmp_path, SAMPLE.replace("        from: 2024-04-06\n", "        from: 2024-05-01\n")) == (
        f"{LATER}.carried_forward.from: dwp.sample.amount has no value dated 2024-05-01; "
        "`from` must name the value carried"
    )


def test_refuses_a_carried_forward_value_that_differs_from_the_value_carried(tmp_path: Path) -> None:
    later = SAMPLE.rindex("value: 311.68")
    text = SAMPLE[:later] + "value: 316.98" + SAMPLE[later + len("value: 311.68") :]
    assert _refusal(tmp_path, text) == (
        f"{LATER}.carried_forward.from: the value differs from the value of 2024-04-06 it says it carries; "
        "a value that was reviewed and changed is not carried forward: remove `carried_forward`"
    )


# --- tax_years in rules.yaml ----------------------------------------------------------------------


def test_refuses_rules_yaml_without_tax_years(tmp_path: Path) -> None:
    rules_yaml = RULES_YAML.replace("tax_years: [2024-25]\n", "")
    assert _refusal(tmp_path, SAMPLE, rules_yaml) == (
        f"{tmp_path}/rules.yaml: tax_years: `tax_years` must be a list of tax years such as [2025-26, 2026-27]"
    )


def test_refuses_a_badly_written_tax_year(tmp_path: Path) -> None:
    rules_yaml = RULES_YAML.replace("[2024-25]", "[2024-2025]")
    assert _refusal(tmp_path, SAMPLE, rules_yaml) == (
        f"{tmp_path}/rules.yaml: tax_years: '2024-2025' must look like 2026-27 (the tax year from 6 April 2026 "
        "to 5 April 2027)"
    )


def test_refuses_tax_years_that_do_not_match_covers(tmp_path: Path) -> None:
    rules_yaml = RULES_YAML.replace("[2024-25]", "[2024-25, 2025-26]")
    assert _refusal(tmp_path, SAMPLE, rules_yaml) == (
        f"{tmp_path}/rules.yaml: tax_years: `tax_years` must list, in order, every tax year from 2024-04-06 to "
        "2025-04-05 (2024-25); the years listed are 2024-25, 2025-26"
    )


def test_refuses_an_overlay_that_extends_covers_without_listing_the_year(tmp_path: Path, fixtures_dir: Path) -> None:
    (tmp_path / "rules.yaml").write_text("version: x\ncovers:\n  to: 2028-04-05\n")
    with pytest.raises(RulesError) as caught:
        load_rules(tmp_path)
    assert str(caught.value) == (
        f"{tmp_path}/rules.yaml: tax_years: `tax_years` must list, in order, every tax year from 2024-04-06 to "
        "2028-04-05 (2024-25, 2025-26, 2026-27, 2027-28); the years listed are 2024-25, 2025-26, 2026-27"
    )


def test_the_shipped_tax_years_are_those_covers_spans(ruleset: RuleSet) -> None:
    """rules/rules.yaml: covers 6 April 2024 to 5 April 2027, three tax years."""
    assert ruleset.tax_years == ("2024-25", "2025-26", "2026-27")


# --- the shipped files' metadata -------------------------------------------------------------------


def test_every_shipped_file_says_how_far_it_was_reviewed(ruleset: RuleSet) -> None:
    """Every file was reviewed for 2026-27: to 5 April 2027, or to 31 March 2027 where its values change
    on 1 April (the minimum wage, Housing Benefit, ESA's permitted work limit, passports, Scottish Child
    Payment and the carer's allowance supplement, every council file)."""
    april_1 = {
        "rules/dbt/national_minimum_wage.yaml",
        "rules/dwp/housing_benefit.yaml",
        "rules/dwp/new_style_esa.yaml",
        "rules/dwp/passports.yaml",
        "rules/social_security_scotland/carer_support_payment.yaml",
        "rules/social_security_scotland/scottish_child_payment.yaml",
    }
    for path, spec in ruleset.parameters.items():
        one_april = spec.file in april_1 or spec.file.startswith("rules/local_authority/")
        assert spec.reviewed_to == (date(2027, 3, 31) if one_april else date(2027, 4, 5)), path


@pytest.mark.parametrize(
    ("path", "basis"),
    [
        ("dbt.national_minimum_wage.national_living_wage", "policy"),  # set on the Low Pay Commission's advice
        ("dwp.universal_credit.child_element.child_amount", "cpi"),  # SSAA 1992 s.150
        ("dwp.universal_credit.lcwra_element_new_claimant", "frozen"),  # Universal Credit Act 2025 s.3
        ("hmrc.income_tax.personal_allowance", "frozen"),  # ITA 2007 s.57 disapplied
        ("dwp.universal_credit.taper_rate", "none"),  # set by regulation, not up-rated
    ],
)
def test_shipped_uprating_bases(ruleset: RuleSet, path: str, basis: str) -> None:
    assert ruleset.spec(path).uprating == basis


def test_the_shipped_rules_have_no_carried_forward_value(ruleset: RuleSet) -> None:
    assert not [path for path, spec in ruleset.parameters.items() for v in spec.values if v.carried_forward]


# --- RuleSet.provisional ---------------------------------------------------------------------------


def test_nothing_is_provisional_on_a_reviewed_day(ruleset: RuleSet) -> None:
    assert ruleset.provisional(date(2026, 11, 23)) == ()
    assert ruleset.provisional(date(2027, 3, 31)) == ()


def test_after_31_march_2027_the_files_reviewed_to_then_are_provisional(ruleset: RuleSet) -> None:
    """On 1 April 2027 the 2027-28 minimum wage is in force in law, but the shipped rules hold 2026's."""
    items = ruleset.provisional(date(2027, 4, 1))
    files = {item.file for item in items}
    assert "rules/dbt/national_minimum_wage.yaml" in files
    assert "rules/dwp/universal_credit.yaml" not in files  # reviewed to 5 April 2027
    wage = next(item for item in items if item.path == "dbt.national_minimum_wage.national_living_wage")
    assert (wage.past_review, wage.carried_forward, wage.effective_from) == (date(2027, 3, 31), None, date(2026, 4, 1))


def test_provisional_keeps_the_coverage_refusal(ruleset: RuleSet) -> None:
    with pytest.raises(CoverageError):
        ruleset.provisional(date(2027, 4, 6))


def test_an_overlay_marks_carried_forward_and_reviewed_values(fixtures_dir: Path) -> None:
    """tests/fixtures/overlay_carried_forward: the living wage carried forward from 1 April 2026; the
    personal allowance reviewed for 2027-28 (its overlay file's reviewed_to is 5 April 2028)."""
    rules = load_rules(fixtures_dir / "overlay_carried_forward")
    assert rules.tax_years == ("2024-25", "2025-26", "2026-27", "2027-28")
    items = {item.path: item for item in rules.provisional(date(2027, 6, 1))}
    wage = items["dbt.national_minimum_wage.national_living_wage"]
    assert wage.carried_forward == CarriedForward(date(2026, 4, 1), "policy")
    assert wage.effective_from == date(2027, 4, 1)
    assert "hmrc.income_tax.personal_allowance" not in items
    assert items["hmrc.income_tax.rates.uk"].past_review == date(2027, 4, 5)
