"""A new tax year in one command (docs/rules.md, "A new tax year"), the warnings a calculation carries
when it uses values not yet checked, and the tax-year dates in periods.py.

Expected dates are worked by the calendar: 6 April 2027 is a Tuesday, so the DWP's up-rating Monday
(the first Monday on or after 6 April) is 12 April 2027 and the Sunday before it 11 April 2027. Expected
values are read off the shipped rules files (rules/*.yaml) and tests/fixtures/overlay_carried_forward/.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from benefitcalc import cli
from benefitcalc.api import to_json
from benefitcalc.errors import RulesError
from benefitcalc.examples import example_scenario
from benefitcalc.loader import RuleSet, load_rules
from benefitcalc.loader.new_year import carried_values, write_new_year
from benefitcalc.periods import (
    first_monday_on_or_after,
    parse_tax_year,
    tax_year_date,
    tax_year_end,
    tax_year_of,
    tax_year_start,
    tax_years_between,
)
from click.testing import CliRunner

# --- periods.py: tax years --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (date(2027, 4, 5), "2026-27"),  # the last day of 2026-27
        (date(2027, 4, 6), "2027-28"),  # the first day of 2027-28
        (date(2026, 1, 1), "2025-26"),
        (date(1999, 12, 31), "1999-00"),  # the century rolls over in the short form
    ],
)
def test_tax_year_of_a_day(day: date, year: str) -> None:
    assert tax_year_of(day) == year


def test_tax_year_bounds_and_the_day_a_tax_year_is_worked() -> None:
    assert (tax_year_start("2027-28"), tax_year_end("2027-28")) == (date(2027, 4, 6), date(2028, 4, 5))
    assert tax_year_date("2027-28") == date(2027, 4, 12)  # 6 April 2027 is a Tuesday
    assert first_monday_on_or_after(date(2026, 4, 6)) == date(2026, 4, 6)  # a Monday itself
    assert tax_years_between(date(2024, 4, 6), date(2027, 4, 5)) == ("2024-25", "2025-26", "2026-27")


@pytest.mark.parametrize("text", ["2027", "2027-29", "27-28", "2027/28", "2027-2028"])
def test_parse_tax_year_refuses_other_shapes(text: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_tax_year(text)
    assert str(caught.value) == "must look like 2026-27 (the tax year from 6 April 2026 to 5 April 2027)"


# --- the overlay for 2027-28 ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def written(ruleset: RuleSet, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, RuleSet]:
    out = tmp_path_factory.mktemp("new_year") / "2027-28"
    write_new_year(ruleset, "2027-28", out)
    return out, load_rules(out, cache=False)


def test_the_overlay_extends_coverage_by_one_tax_year(written: tuple[Path, RuleSet]) -> None:
    _, rules = written
    assert rules.covers_to == date(2028, 4, 5)
    assert rules.tax_years == ("2024-25", "2025-26", "2026-27", "2027-28")
    assert rules.version == "2026.12.0+new-year.2027-28"


@pytest.mark.parametrize(
    ("path", "start", "carried_from", "value", "basis"),
    [
        # rules/dbt/national_minimum_wage.yaml: 12.71 from 1 April 2026; the wage changes on 1 April
        (
            "dbt.national_minimum_wage.national_living_wage",
            date(2027, 4, 1),
            date(2026, 4, 1),
            Decimal("12.71"),
            "policy",
        ),
        # rules/dwp/universal_credit.yaml: 424.90 from 6 April 2026; DWP rates change on the up-rating Monday
        (
            "dwp.universal_credit.standard_allowance.single_25_or_over",
            date(2027, 4, 12),
            date(2026, 4, 6),
            Decimal("424.90"),
            "cpi",
        ),
        # rules/hmrc/income_tax.yaml: 12,570 since 6 April 2021, frozen; tax changes on 6 April
        ("hmrc.income_tax.personal_allowance", date(2027, 4, 6), date(2021, 4, 6), Decimal(12570), "frozen"),
        # rules/social_security_scotland/carer_support_payment.yaml: weeks from Sunday 5 April 2026
        (
            "social_security_scotland.carer_support_payment.weekly_rate",
            date(2027, 4, 11),
            date(2026, 4, 5),
            Decimal("86.45"),
            "cpi",
        ),
    ],
)
def test_each_value_is_carried_forward_on_its_own_day(
    written: tuple[Path, RuleSet], path: str, start: date, carried_from: date, value: Decimal, basis: str
) -> None:
    _, rules = written
    dated = rules.spec(path).values[-1]
    assert (dated.start, dated.value) == (start, value)
    assert dated.carried_forward is not None
    assert (dated.carried_forward.start, dated.carried_forward.basis) == (carried_from, basis)
    # the copy keeps the source of the value it copies
    assert dated.reference == rules.spec(path).value_on(carried_from).reference


def test_a_scale_is_carried_forward_whole(written: tuple[Path, RuleSet], ruleset: RuleSet) -> None:
    _, rules = written
    new = rules.at(date(2027, 6, 1)).hmrc.income_tax.rates.scotland
    assert new.value == ruleset.at(date(2026, 6, 1)).hmrc.income_tax.rates.scotland.value
    assert new.effective_from == date(2027, 4, 6)


def test_only_values_that_change_each_april_are_carried(written: tuple[Path, RuleSet], ruleset: RuleSet) -> None:
    _, rules = written
    carried = {path for path, spec in rules.parameters.items() if spec.values[-1].carried_forward}
    expected = {path for path, spec in ruleset.parameters.items() if spec.uprating != "none"}
    assert carried == expected
    assert "dwp.universal_credit.taper_rate" not in carried  # uprating none: not up-rated each April
    assert (
        rules.spec("dwp.universal_credit.taper_rate").values == ruleset.spec("dwp.universal_credit.taper_rate").values
    )


def test_the_overlay_mirrors_the_shipped_files(written: tuple[Path, RuleSet]) -> None:
    out, _ = written
    assert (out / "rules.yaml").is_file()
    assert (out / "dbt" / "national_minimum_wage.yaml").is_file()
    assert (out / "dwp" / "universal_credit.yaml").is_file()
    assert not (out / "dwp" / "state_pension.yaml").exists()  # nothing there changes each April


def test_new_year_is_only_for_the_year_after_the_rules(ruleset: RuleSet, tmp_path: Path) -> None:
    with pytest.raises(RulesError) as caught:
        carried_values(ruleset, "2028-29")
    assert str(caught.value) == (
        "TAX_YEAR: the rules (version 2026.12.0) cover the tax years 2024-25 to 2026-27; a new year overlay is "
        "for the year after them, 2027-28, not 2028-29"
    )


def test_new_year_will_not_write_into_a_folder_in_use(ruleset: RuleSet, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(RulesError) as caught:
        write_new_year(ruleset, "2027-28", tmp_path)
    assert str(caught.value) == f"{tmp_path}: already exists and is not an empty directory; choose a new one"


# --- the CLI --------------------------------------------------------------------------------------


def test_cli_new_year_then_validate_lists_what_is_carried_forward(tmp_path: Path) -> None:
    out = tmp_path / "next"
    made = CliRunner().invoke(cli.main, ["rules", "new-year", "2027-28", "--out", str(out)])
    assert made.exit_code == 0, made.output
    assert made.stdout.startswith(f"wrote {out}: ")
    checked = CliRunner().invoke(cli.main, ["rules", "validate", str(out)])
    assert checked.exit_code == 0, checked.output
    lines = checked.stdout.splitlines()
    assert lines[0].startswith("ok: ")
    assert "covering 2024-04-06 to 2028-04-05" in lines[0]
    assert lines[1].startswith("carried forward, not yet reviewed: ")
    assert "  dbt.national_minimum_wage.national_living_wage from 2027-04-01: 12.71, as on 2026-04-01 (policy)" in lines


def test_cli_new_year_refuses_a_malformed_tax_year(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli.main, ["rules", "new-year", "2027", "--out", str(tmp_path / "x")])
    assert result.exit_code == 2
    assert result.stderr == (
        "benefitcalc: error: TAX_YEAR: '2027' must look like 2026-27 (the tax year from 6 April 2026 to 5 April 2027)\n"
    )


def test_cli_validate_of_the_shipped_rules_lists_nothing_carried_forward() -> None:
    result = CliRunner().invoke(cli.main, ["rules", "validate"])
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 1


# --- warnings in a calculation --------------------------------------------------------------------


def _warnings(rules: RuleSet, **changes: Any) -> dict[str, str]:
    scenario = example_scenario().model_copy(update=changes)
    doc = to_json(scenario, [Decimal(16)], period="month", rules=rules)
    return {w["code"]: w["message"] for w in doc["points"][0]["warnings"]}


def test_a_2027_28_calculation_names_the_carried_forward_minimum_wage(fixtures_dir: Path) -> None:
    rules = load_rules(fixtures_dir / "overlay_carried_forward")
    found = _warnings(rules, date=date(2027, 6, 1))
    assert found["rules_carried_forward"] == (
        "Provisional: on 2027-06-01 these rates are last year's, carried forward until the 2027-28 figures are "
        "checked: dbt.national_minimum_wage: national_living_wage. The real figures may differ."
    )
    past = found["rules_past_review"]
    assert past.startswith(
        "2027-06-01 is after the date to which these rules were checked, so they may be out of date: "
    )
    # rules/dbt/national_minimum_wage.yaml holds four parameters, reviewed to 31 March 2027
    assert "dbt.national_minimum_wage (reviewed to 2027-03-31, 4 values)" in past
    # rules/hmrc/income_tax.yaml holds seven; the overlay reviewed the personal allowance to 5 April 2028
    assert "hmrc.income_tax (reviewed to 2027-04-05, 6 values)" in past
    # Sam's council is Cheshire West and Chester: another council's scheme is not named
    assert "local_authority.council_tax_reduction.cheshire_west_and_chester (reviewed to 2027-03-31" in past
    assert "local_authority.council_tax_reduction.dover" not in past


def test_a_checked_date_carries_no_rules_warning(ruleset: RuleSet) -> None:
    found = _warnings(ruleset)  # sam.yaml: 23 November 2026
    assert not {"rules_carried_forward", "rules_past_review"} & set(found)


def test_a_date_beyond_the_overlay_is_still_refused(fixtures_dir: Path, tmp_path: Path) -> None:
    file = tmp_path / "late.yaml"
    file.write_text("date: 2028-04-06\nadults:\n  - age: 30\n    job: {hourly_pay: 12.71, hours: 16}\n")
    result = CliRunner().invoke(cli.main, ["calc", str(file), "--rules", str(fixtures_dir / "overlay_carried_forward")])
    assert result.exit_code == 2
    assert "2028-04-06 is outside them" in result.stderr
