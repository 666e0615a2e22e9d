"""The rules loader (docs/rules.md): strict checks, dates resolving on the right day, coverage, overlays.

Expected values here are read off the fixture files in tests/fixtures/ (invented figures) and off
the shipped rules/ files; each refusal test asserts the exact message, which must name the file, the
key and the problem.
"""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from benefitcalc.errors import CoverageError, RulesError
from benefitcalc.loader import LATE_START_PREFIXES, Bracket, RuleSet, load_rules, read_yaml

# --- the shipped rules ---------------------------------------------------------------------


def test_shipped_rules_load_with_version_digest_and_coverage(ruleset: RuleSet) -> None:
    assert ruleset.version == "2026.12.0"
    assert ruleset.covers_from == date(2024, 4, 6)
    assert ruleset.covers_to == date(2027, 4, 5)
    assert len(ruleset.digest) == 16
    assert ruleset.parameters, "no parameters loaded"


@pytest.mark.parametrize(
    "day",
    [
        date(2024, 4, 6),  # covers.from, first day of 2024-25
        date(2025, 4, 5),  # last day of 2024-25
        date(2025, 4, 6),  # first day of 2025-26
        date(2026, 4, 5),
        date(2026, 4, 6),
        date(2027, 4, 5),  # covers.to, last day of 2026-27
    ],
)
def test_every_parameter_resolves_to_one_value_on_each_tax_year_boundary(ruleset: RuleSet, day: date) -> None:
    """Coverage (STYLE 4): every parameter has exactly one value in force on every covered day; only a
    council's own scheme (LATE_START_PREFIXES) may begin later, and is absent from the tree before then."""
    tree = ruleset.at(day)
    for path, spec in ruleset.parameters.items():
        in_force = [v for v in spec.values if v.start <= day]
        if not in_force:
            assert path.startswith(LATE_START_PREFIXES), f"{path} has no value on {day}"
            with pytest.raises(RulesError):
                tree.get(path)
            continue
        param = tree.get(path)
        assert param.effective_from == in_force[-1].start
        assert param.reference, f"{path} has no reference on {day}"


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (date(2024, 4, 5), "2024-04-05"),
        (date(2027, 4, 6), "2027-04-06"),
    ],
)
def test_a_date_outside_the_rules_raises_coverage_error(ruleset: RuleSet, day: date, text: str) -> None:
    with pytest.raises(CoverageError) as caught:
        ruleset.at(day)
    assert str(caught.value) == (
        f"date: the rules (version 2026.12.0) cover 2024-04-06 to 2027-04-05; {text} is outside them. "
        "Choose a date in that range, or lay newer rules over these with --rules DIR (see docs/rules.md)"
    )


def test_national_insurance_main_rate_changes_on_6_january_2024_in_the_shipped_rules(ruleset: RuleSet) -> None:
    """rules/hmrc/national_insurance.yaml: 12% to 5 Jan 2024, 10% from 6 Jan 2024 (NICs (Reduction in Rates)
    Act 2023 s.1), 8% from 6 Apr 2024. The January dates are before covers.from, so read them off the spec."""
    spec = ruleset.spec("hmrc.national_insurance.class_1.main_primary_percentage")
    assert spec.value_on(date(2024, 1, 5)).value == Decimal("0.12")
    assert spec.value_on(date(2024, 1, 6)).value == Decimal("0.10")
    assert spec.value_on(date(2024, 4, 5)).value == Decimal("0.10")
    assert spec.value_on(date(2024, 4, 6)).value == Decimal("0.08")
    assert ruleset.at(date(2024, 4, 6)).hmrc.national_insurance.class_1.main_primary_percentage.value == Decimal("0.08")


def test_scottish_bands_change_on_6_april(ruleset: RuleSet) -> None:
    """rules/hmrc/income_tax.yaml: the Scottish starter band widens from 2,306 to 2,827 on 6 April 2025."""
    before = ruleset.at(date(2025, 4, 5)).hmrc.income_tax.rates.scotland
    after = ruleset.at(date(2025, 4, 6)).hmrc.income_tax.rates.scotland
    assert before.value[1] == Bracket(Decimal(2306), Decimal("0.20"))
    assert after.value[1] == Bracket(Decimal(2827), Decimal("0.20"))
    assert after.effective_from == date(2025, 4, 6)


def test_unknown_parameter_or_group_is_a_rules_error(ruleset: RuleSet) -> None:
    tree = ruleset.at(date(2025, 4, 6))
    with pytest.raises(RulesError) as caught:
        tree.hmrc.income_tax.personal_alowance  # noqa: B018 - the typo is the test
    assert str(caught.value) == "hmrc.income_tax.personal_alowance: no such parameter or group in the rules"
    with pytest.raises(RulesError) as caught:
        ruleset.spec("hmrc.income_tax")
    assert str(caught.value).startswith("hmrc.income_tax: no such parameter in the rules. It is a group of ")


def test_resolved_tree_is_read_only_and_copyable(ruleset: RuleSet) -> None:
    tree = ruleset.at(date(2025, 4, 6))
    with pytest.raises(AttributeError):
        tree.hmrc = None  # type: ignore[misc]
    assert not hasattr(tree, "_not_a_parameter")
    assert copy.copy(tree.hmrc).income_tax.personal_allowance.value == Decimal(12570)


def test_digest_depends_on_content_not_on_where_an_overlay_lives(tmp_path: Path, fixtures_dir: Path) -> None:
    base = fixtures_dir / "rules_midyear"
    here = load_rules(fixtures_dir / "overlay_next_year", base_dir=base)
    moved = tmp_path / "somewhere" / "else"
    moved.mkdir(parents=True)
    for file in (fixtures_dir / "overlay_next_year").rglob("*.yaml"):
        target = moved / file.relative_to(fixtures_dir / "overlay_next_year")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.read_bytes())
    assert load_rules(moved, base_dir=base).digest == here.digest
    assert load_rules(base_dir=base).digest != here.digest


# --- a rules set of the tests' own: mid-year changes --------------------------------------------


@pytest.fixture(scope="module")
def midyear(fixtures_dir: Path) -> RuleSet:
    return load_rules(base_dir=fixtures_dir / "rules_midyear")


def test_fixture_rules_set_loads(midyear: RuleSet) -> None:
    assert midyear.version == "test.1"
    assert (midyear.covers_from, midyear.covers_to) == (date(2024, 4, 6), date(2026, 4, 5))
    assert sorted(midyear.parameters) == [
        "dwp.example_benefit.abolished_premium",
        "dwp.example_benefit.bands",
        "dwp.example_benefit.element_table",
        "dwp.example_benefit.taper_rate",
        "dwp.example_benefit.weekly_amount",
    ]


def test_mid_year_change_resolves_on_its_own_day(midyear: RuleSet) -> None:
    """taper_rate: 0.63 from 2024-04-06, 0.55 from 2025-01-06 (a Monday, mid tax year)."""
    day_before = midyear.at(date(2025, 1, 5)).dwp.example_benefit.taper_rate
    that_day = midyear.at(date(2025, 1, 6)).dwp.example_benefit.taper_rate
    assert day_before.value == Decimal("0.63")
    assert day_before.effective_from == date(2024, 4, 6)
    assert that_day.value == Decimal("0.55")
    assert that_day.effective_from == date(2025, 1, 6)
    assert that_day.note == "the mid-year change the tests look for"
    assert that_day.reference[0].href == "https://www.legislation.gov.uk/uksi/2013/376/regulation/22"


def test_uprating_on_first_monday_of_april(midyear: RuleSet) -> None:
    """weekly_amount: 100.00, then 104.50 from Monday 7 April 2025 (not 6 April, a Sunday)."""
    assert midyear.at(date(2025, 4, 6)).dwp.example_benefit.weekly_amount.value == Decimal("100.00")
    assert midyear.at(date(2025, 4, 7)).dwp.example_benefit.weekly_amount.value == Decimal("104.50")


def test_null_marks_abolition(midyear: RuleSet) -> None:
    assert midyear.at(date(2025, 9, 30)).dwp.example_benefit.abolished_premium.value == Decimal(10)
    abolished = midyear.at(date(2025, 10, 1)).dwp.example_benefit.abolished_premium
    assert abolished.value is None
    assert abolished.effective_from == date(2025, 10, 1)


def test_scale_and_table_values_are_typed(midyear: RuleSet) -> None:
    group = midyear.at(date(2024, 6, 1)).dwp.example_benefit
    assert group.bands.value == (Bracket(Decimal(0), Decimal("0.10")), Bracket(Decimal(1000), Decimal("0.30")))
    assert [dict(row) for row in group.element_table.value] == [
        {"age_from": 0, "amount": 300},
        {"age_from": 16, "amount": 250},
    ]


def test_fixture_rules_refuse_dates_outside_their_own_coverage(midyear: RuleSet) -> None:
    with pytest.raises(CoverageError):
        midyear.at(date(2026, 4, 6))


# --- overlays (--rules DIR) --------------------------------------------------------------------


@pytest.fixture(scope="module")
def overlaid(fixtures_dir: Path) -> RuleSet:
    return load_rules(fixtures_dir / "overlay_next_year", base_dir=fixtures_dir / "rules_midyear")


def test_overlay_adds_a_dated_value_and_extends_covers_to(overlaid: RuleSet) -> None:
    assert overlaid.covers_to == date(2027, 4, 5)
    assert overlaid.version == "test.1+local.1"
    assert overlaid.at(date(2026, 4, 5)).dwp.example_benefit.weekly_amount.value == Decimal("105.00")
    new = overlaid.at(date(2026, 4, 6)).dwp.example_benefit.weekly_amount
    assert new.value == Decimal("108.20")
    assert new.reference[0].title == "Benefit and pension rates 2026 to 2027"


def test_overlay_value_wins_on_the_same_date(overlaid: RuleSet) -> None:
    """The shipped 2025-04-07 value is 104.50; the overlay's 105.00 on the same date replaces it."""
    spec = overlaid.spec("dwp.example_benefit.weekly_amount")
    assert [(v.start, v.value) for v in spec.values] == [
        (date(2024, 4, 6), Decimal("100.00")),
        (date(2025, 4, 7), Decimal("105.00")),
        (date(2026, 4, 6), Decimal("108.20")),
    ]
    assert spec.values[1].file.endswith("overlay_next_year/dwp/example_benefit.yaml")


def test_overlay_adds_a_new_parameter(overlaid: RuleSet) -> None:
    rate = overlaid.at(date(2025, 6, 1)).local_authority.example_council.discount_rate
    assert rate.value == Decimal("0.25")
    assert rate.reference[0].href == "https://www.example-council.gov.uk/council-tax-reduction"


def test_overlay_leaves_untouched_parameters_alone(overlaid: RuleSet) -> None:
    assert overlaid.at(date(2025, 1, 6)).dwp.example_benefit.taper_rate.value == Decimal("0.55")


def test_overlay_may_not_change_a_parameters_unit(fixtures_dir: Path) -> None:
    with pytest.raises(RulesError) as caught:
        load_rules(fixtures_dir / "overlay_bad_unit", base_dir=fixtures_dir / "rules_midyear")
    assert str(caught.value) == (
        f"{fixtures_dir / 'overlay_bad_unit'}/dwp/example_benefit.yaml: dwp.example_benefit.taper_rate: "
        "unit/period/type (currency-GBP, none, amount) differ from the shipped parameter's (/1, none, amount); "
        "an overlay may add values, not change what a parameter is"
    )


def test_overlay_on_the_shipped_rules_reaches_the_next_tax_year(ruleset: RuleSet, fixtures_dir: Path) -> None:
    with pytest.raises(CoverageError):
        ruleset.at(date(2027, 6, 1))
    rules = load_rules(fixtures_dir / "overlay_shipped")
    assert rules.version == "2026.12.0+local.2027"
    assert rules.covers_to == date(2028, 4, 5)
    pa = rules.at(date(2027, 6, 1)).hmrc.income_tax.personal_allowance
    assert (pa.value, pa.effective_from) == (Decimal(12570), date(2027, 4, 6))


def test_overlay_may_not_move_covers_from(tmp_path: Path, fixtures_dir: Path) -> None:
    (tmp_path / "rules.yaml").write_text("version: x\ncovers:\n  from: 2020-04-06\n  to: 2027-04-05\n")
    with pytest.raises(RulesError) as caught:
        load_rules(tmp_path, base_dir=fixtures_dir / "rules_midyear")
    assert (
        str(caught.value)
        == f"{tmp_path}/rules.yaml: covers.from: an overlay may extend `covers.to` only; `covers.from` is the shipped rules'"
    )


def test_overlay_must_be_a_directory(tmp_path: Path) -> None:
    with pytest.raises(RulesError) as caught:
        load_rules(tmp_path / "missing")
    assert str(caught.value) == f"{tmp_path / 'missing'}: not a directory of rules files"


# --- refusals: one test per kind, exact message ------------------------------------------------

RULES_YAML = "version: test.2\ncovers:\n  from: 2024-04-06\n  to: 2025-04-05\ntax_years: [2024-25]\n"
REFERENCE = """      reference:
        - title: Universal Credit Regulations 2013, reg. 22
          href: https://www.legislation.gov.uk/uksi/2013/376/regulation/22
"""
GOOD = (
    """description: A sample file
rate:
  description: A rate
  unit: /1
  period: none
  values:
    2024-04-06:
      value: 0.5
"""
    + REFERENCE
)
FILE = "rules/dwp/sample.yaml"
PARAM = f"{FILE}: dwp.sample.rate"
VALUE = f"{PARAM}.values.2024-04-06"


def _load(tmp_path: Path, text: str) -> RuleSet:
    (tmp_path / "rules.yaml").write_text(RULES_YAML)
    (tmp_path / "dwp").mkdir(exist_ok=True)
    (tmp_path / "dwp" / "sample.yaml").write_text(text)
    return load_rules(base_dir=tmp_path)


def _refusal(tmp_path: Path, text: str) -> str:
    with pytest.raises(RulesError) as caught:
        _load(tmp_path, text)
    return str(caught.value)


def test_the_sample_file_itself_is_valid(tmp_path: Path) -> None:
    rules = _load(tmp_path, GOOD)
    assert rules.at(date(2024, 4, 6)).dwp.sample.rate.value == Decimal("0.5")


def test_refuses_invalid_yaml(tmp_path: Path) -> None:
    # The unclosed "[" on line 8 runs on until the parser meets "reference:" on line 9.
    assert _refusal(tmp_path, GOOD.replace("value: 0.5", "value: [0.5")) == (
        f"{FILE}: not valid YAML at line 9, column 16: did not find expected ',' or ']' (while parsing a flow sequence)"
    )


def test_refuses_a_duplicate_key(tmp_path: Path) -> None:
    assert _refusal(tmp_path, GOOD.replace("      value: 0.5\n", "      value: 0.5\n      value: 0.6\n")) == (
        f"{FILE}: not valid YAML at line 9, column 7: duplicate key 'value' (the last one would silently win)"
    )


def test_refuses_a_duplicate_date(tmp_path: Path) -> None:
    text = GOOD + GOOD[GOOD.index("    2024-04-06:") :]
    assert _refusal(tmp_path, text) == (
        f"{FILE}: not valid YAML at line 12, column 5: duplicate key datetime.date(2024, 4, 6) (the last one would silently win)"
    )


def test_refuses_an_unknown_key_in_a_parameter(tmp_path: Path) -> None:
    assert _refusal(tmp_path, GOOD.replace("  unit: /1\n", "  unit: /1\n  label: Rate\n")) == (
        f"{PARAM}: unknown key(s) ['label']; a parameter may have "
        "['columns', 'description', 'note', 'period', 'type', 'unit', 'uprating', 'values']"
    )


def test_refuses_an_unknown_key_in_a_value_entry(tmp_path: Path) -> None:
    assert _refusal(tmp_path, GOOD.replace("      reference:", "      refrence:")) == (
        f"{VALUE}: unknown key(s) ['refrence']; a value entry may have ['carried_forward', 'note', 'reference', 'value']"
    )


@pytest.mark.parametrize(
    ("remove", "key"),
    [
        ("  description: A rate\n", "description"),
        ("  unit: /1\n", "unit"),
        ("  period: none\n", "period"),
    ],
)
def test_refuses_a_missing_parameter_key(tmp_path: Path, remove: str, key: str) -> None:
    assert _refusal(tmp_path, GOOD.replace(remove, "")) == f"{PARAM}: missing `{key}`"


def test_refuses_missing_values(tmp_path: Path) -> None:
    text = GOOD[: GOOD.index("  values:")]
    assert _refusal(tmp_path, text) == f"{PARAM}: missing `values`"


def test_refuses_misspelt_values(tmp_path: Path) -> None:
    assert (
        _refusal(tmp_path, GOOD.replace("  values:", "  valeus:"))
        == f"{PARAM}: missing `values`; unknown key(s) ['valeus']"
    )


def test_refuses_a_missing_reference(tmp_path: Path) -> None:
    text = GOOD[: GOOD.index("      reference:")]
    assert _refusal(tmp_path, text) == f"{VALUE}: missing `reference`: every value must cite its source"


def test_refuses_a_bad_unit(tmp_path: Path) -> None:
    assert _refusal(tmp_path, GOOD.replace("unit: /1", "unit: percent")) == (
        f"{PARAM}.unit: unit 'percent' is not one of ['currency-GBP', '/1', 'hour', 'year', 'count', 'bool', 'text']"
    )


def test_refuses_a_bad_period(tmp_path: Path) -> None:
    assert _refusal(tmp_path, GOOD.replace("period: none", "period: fortnight")) == (
        f"{PARAM}.period: period 'fortnight' is not one of ['week', 'month', 'year', 'none']"
    )


def test_refuses_a_rate_above_one(tmp_path: Path) -> None:
    assert _refusal(tmp_path, GOOD.replace("value: 0.5", "value: 1.5")) == (
        f"{VALUE}.value: a rate (unit '/1') must be between 0 and 1, got 1.5"
    )


def test_refuses_a_negative_amount(tmp_path: Path) -> None:
    text = GOOD.replace("unit: /1", "unit: currency-GBP").replace("value: 0.5", "value: -5")
    assert _refusal(tmp_path, text) == f"{VALUE}.value: value must not be negative, got -5"


@pytest.mark.parametrize(("given", "shown"), [("1", "1"), ("'yes'", "'yes'")])
def test_refuses_a_non_boolean_for_unit_bool(tmp_path: Path, given: str, shown: str) -> None:
    text = GOOD.replace("unit: /1", "unit: bool").replace("value: 0.5", f"value: {given}")
    assert _refusal(tmp_path, text) == f"{VALUE}.value: value must be true or false for unit 'bool', got {shown}"


def test_refuses_dates_not_in_ascending_order(tmp_path: Path) -> None:
    later = GOOD[GOOD.index("    2024-04-06:") :].replace("2024-04-06", "2024-10-01")
    text = GOOD.replace("    2024-04-06:", later.rstrip("\n") + "\n    2024-04-06:", 1)
    assert _refusal(tmp_path, text) == f"{PARAM}.values: effective dates must be in ascending order"


def test_refuses_a_key_that_is_not_a_date(tmp_path: Path) -> None:
    assert _refusal(tmp_path, GOOD.replace("    2024-04-06:", "    April 2024:")) == (
        f"{PARAM}.values.April 2024: 'April 2024' is not a date; keys of `values` are effective dates YYYY-MM-DD"
    )


def test_refuses_a_date_that_does_not_exist(tmp_path: Path) -> None:
    assert _refusal(tmp_path, GOOD.replace("    2024-04-06:", "    2024-04-31:")) == (
        f"{FILE}: not valid YAML at line 7, column 5: '2024-04-31' is not a real date (day is out of range for month)"
    )


def test_refuses_a_date_with_a_time(tmp_path: Path) -> None:
    assert _refusal(tmp_path, GOOD.replace("    2024-04-06:", "    2024-04-06 09:00:00:")).startswith(
        f"{PARAM}.values.2024-04-06 09:00:00: datetime.datetime(2024, 4, 6, 9, 0) is not a date"
    )


@pytest.mark.parametrize(
    "href",
    [
        "http://www.legislation.gov.uk/uksi/2013/376/regulation/22",  # not https
        "https://policyengine.org/uk",  # not a government domain
        "https://gov.uk.example.com/page",  # looks like gov.uk, is not
        "https://notgov.uk/page",
    ],
)
def test_refuses_a_bad_href(tmp_path: Path, href: str) -> None:
    text = GOOD.replace("https://www.legislation.gov.uk/uksi/2013/376/regulation/22", href)
    assert _refusal(tmp_path, text) == (
        f"{VALUE}.reference[0]: `href` {href!r} must be an https link to legislation.gov.uk, gov.uk "
        "(or a *.gov.uk council), gov.scot or gov.wales"
    )


@pytest.mark.parametrize(
    "href", ["https://www.gov.scot/publications/x/", "https://www.gov.wales/x", "https://www.anycouncil.gov.uk/ctr"]
)
def test_accepts_devolved_and_council_domains(tmp_path: Path, href: str) -> None:
    text = GOOD.replace("https://www.legislation.gov.uk/uksi/2013/376/regulation/22", href)
    assert _load(tmp_path, text).at(date(2024, 4, 6)).dwp.sample.rate.reference[0].href == href


def test_refuses_an_empty_reference_list(tmp_path: Path) -> None:
    text = GOOD[: GOOD.index("      reference:")] + "      reference: []\n"
    assert _refusal(tmp_path, text) == (
        f"{VALUE}.reference: `reference` must be a non-empty list of {{title, href}}; every value needs a source"
    )


def test_refuses_a_coverage_gap(tmp_path: Path) -> None:
    assert _refusal(tmp_path, GOOD.replace("2024-04-06", "2024-05-01")) == (
        f"{FILE}: dwp.sample.rate: coverage: first value starts 2024-05-01, after the rules' start 2024-04-06; "
        "add the value in force on that day"
    )


SCALE = (
    """description: A sample file
rate:
  description: A scale
  unit: currency-GBP
  period: year
  type: scale
  values:
    2024-04-06:
      value:
        - {threshold: 0, rate: 0.2}
        - {threshold: 5000, rate: 0.4}
        - {threshold: 4000, rate: 0.45}
"""
    + REFERENCE
)


def test_refuses_scale_thresholds_not_ascending(tmp_path: Path) -> None:
    assert _refusal(tmp_path, SCALE) == f"{VALUE}.value: scale thresholds must be in ascending order"


def test_refuses_a_scale_not_starting_at_zero(tmp_path: Path) -> None:
    text = SCALE.replace("{threshold: 0,", "{threshold: 100,").replace("{threshold: 4000,", "{threshold: 9000,")
    assert _refusal(tmp_path, text) == f"{VALUE}.value: the first threshold of a scale must be 0"


def test_refuses_a_table_row_with_wrong_columns(tmp_path: Path) -> None:
    text = SCALE.replace("type: scale", "type: table\n  columns: [threshold, rate]").replace(
        "{threshold: 5000, rate: 0.4}", "{threshold: 5000, rat: 0.4}"
    )
    assert _refusal(tmp_path, text) == f"{VALUE}.value[1]: each row must have exactly the columns ['threshold', 'rate']"


def test_refuses_a_file_name_that_is_not_snake_case(tmp_path: Path) -> None:
    (tmp_path / "rules.yaml").write_text(RULES_YAML)
    (tmp_path / "DWP").mkdir()
    (tmp_path / "DWP" / "sample.yaml").write_text(GOOD)
    with pytest.raises(RulesError) as caught:
        load_rules(base_dir=tmp_path)
    assert (
        str(caught.value) == "rules/DWP/sample.yaml: folder and file names must be lower-case snake_case; 'DWP' is not"
    )


def test_refuses_a_rules_set_without_rules_yaml(tmp_path: Path) -> None:
    with pytest.raises(RulesError) as caught:
        load_rules(base_dir=tmp_path)
    assert str(caught.value) == f"{tmp_path}: missing rules.yaml (the rules set's version and the dates it covers)"


def test_read_yaml_reads_numbers_exactly_and_builds_no_objects() -> None:
    assert read_yaml("a: 0.1\nb: 3\n", "x") == {"a": Decimal("0.1"), "b": 3}
    with pytest.raises(RulesError) as caught:
        read_yaml("a: !!python/object/apply:os.system ['true']\n", "x")
    assert str(caught.value).startswith("x: not valid YAML at line 1, column 4: could not determine a constructor")


def test_refuses_coverage_that_ends_before_it_starts(tmp_path: Path) -> None:
    (tmp_path / "rules.yaml").write_text("version: x\ncovers:\n  from: 2025-04-06\n  to: 2024-04-05\n")
    with pytest.raises(RulesError) as caught:
        load_rules(base_dir=tmp_path)
    assert (
        str(caught.value)
        == f"{tmp_path}/rules.yaml: covers.to: `covers.to` (2024-04-05) is before `covers.from` (2025-04-06)"
    )


def test_refuses_a_name_that_would_hide_a_method_of_the_tree(tmp_path: Path) -> None:
    text = "get:\n" + "".join(
        f"  {line}\n" for line in GOOD.splitlines()[1:]
    )  # the sample parameter inside a group `get`
    assert (
        _refusal(tmp_path, text)
        == f"{FILE}: dwp.sample.get: 'get' is reserved (a method of the resolved rules tree); choose another name"
    )


def test_refuses_unknown_keys_of_mixed_types_with_a_message(tmp_path: Path) -> None:
    # A number and a name as unknown keys in one parameter must give a message, not a TypeError
    # from sorting them together.
    message = _refusal(tmp_path, GOOD.replace("  unit: /1\n", "  unit: /1\n  1: one\n  label: Rate\n"))
    assert message == (
        f"{PARAM}: unknown key(s) [1, 'label']; a parameter may have "
        "['columns', 'description', 'note', 'period', 'type', 'unit', 'uprating', 'values']"
    )
