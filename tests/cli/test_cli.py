"""The command line (benefitcalc/cli.py) through click's CliRunner: output shapes, periods, errors.

Money figures are worked by hand from the built-in example (benefitcalc/examples/sam.yaml: £12.71 an
hour, rent £112.50 a week, council tax £1,820 a year, work costs £18 a week) or from the rules.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from benefitcalc import cli
from benefitcalc.errors import ScenarioError
from benefitcalc.loader import RuleSet, load_rules
from click.testing import CliRunner, Result

D = Decimal

POINT_KEYS = {
    "hours",
    "gross_earnings",
    "income_tax",
    "national_insurance",
    "pension_contributions",
    "net_earnings",
    "benefits",
    "high_income_child_benefit_charge",
    "total_benefits",
    "net_income",
    "housing_costs",
    "council_tax",
    "childcare_costs",
    "work_costs",
    "disposable_income",
    "better_off",
    "people",
    "breakdown",
    "warnings",
}


@pytest.fixture()
def run(ruleset: RuleSet, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Invoke the CLI; the shipped rules are loaded once per test session, an overlay afresh."""
    monkeypatch.setattr(cli, "_rules", lambda rules_dir: ruleset if rules_dir is None else load_rules(rules_dir))

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(cli.main, list(args))

    return invoke


def as_json(result: Result) -> Any:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def refused(result: Result) -> str:
    """The one-line error of a refused command: exit code 2, no traceback."""
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.stderr


# --- hours ------------------------------------------------------------------------------------


def test_hours_range_includes_its_stop() -> None:
    hours = cli.parse_hours("0:40:2")
    assert len(hours) == 21
    assert hours[0] == 0 and hours[-1] == 40


def test_hours_list_and_mix() -> None:
    assert cli.parse_hours("0,8,16") == [D(0), D(8), D(16)]
    assert cli.parse_hours("0:16:8, 30, 37.5") == [D(0), D(8), D(16), D(30), D("37.5")]


def test_hours_duplicates_removed_keeping_first_order() -> None:
    assert cli.parse_hours("8,0:16:8,8.0,16") == [D(8), D(0), D(16)]


def test_hours_range_that_misses_its_stop_ends_below_it() -> None:
    assert cli.parse_hours("0:10:4") == [D(0), D(4), D(8)]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("abc", "'abc' is not a list of hours: use 0,8,16 or 0:40:2"),
        ("0:40", "range '0:40' must be start:stop:step, e.g. 0:40:2"),
        ("0:40:0", "the step in '0:40:0' must be more than 0"),
        ("40:0:2", "the range '40:0:2' runs backwards"),
        ("-1", "-1 is not a number of hours a week from 0 to 168"),
        ("169", "169 is not a number of hours a week from 0 to 168"),
        ("inf", "Infinity is not a number of hours a week from 0 to 168"),
        (",", "no hours given: use 0,8,16 or 0:40:2"),
        ("0:5000:1", "the range '0:5000:1' has more than 2,000 points"),
    ],
)
def test_bad_hours_name_the_option(text: str, message: str) -> None:
    with pytest.raises(ScenarioError) as caught:
        cli.parse_hours(text)
    assert (caught.value.where, caught.value.message) == ("--hours", message)


def test_bad_hours_on_the_command_line(run: Any) -> None:
    assert refused(run("sweep", "--example", "--hours", "0:x:2")) == (
        "benefitcalc: error: --hours: '0:x:2' is not a list of hours: use 0,8,16 or 0:40:2\n"
    )


# --- sweep --json -------------------------------------------------------------------------------


def test_sweep_json_document_shape(run: Any) -> None:
    doc = as_json(run("sweep", "--example", "--hours", "0:40:8", "--json"))
    assert {"benefitcalc", "rules", "period", "person", "points", "not_modelled"} <= set(doc)
    assert set(doc["rules"]) == {"version", "digest", "date", "tax_year"}
    assert doc["rules"]["date"] == "2026-11-23"  # sam.yaml's date
    assert doc["rules"]["tax_year"] == "2026-27"
    assert (doc["period"], doc["person"]) == ("month", "Sam")
    assert [point["hours"] for point in doc["points"]] == [0, 8, 16, 24, 32, 40]
    for point in doc["points"]:
        assert POINT_KEYS <= set(point), POINT_KEYS - set(point)
        assert "universal_credit" in point["benefits"]
        assert isinstance(point["people"], list) and point["people"][0]["name"] == "Sam"
        assert isinstance(point["breakdown"], dict)
        assert all(set(w) == {"code", "message"} for w in point["warnings"])
    assert isinstance(doc["not_modelled"], list)


def test_sweep_json_totals_add_up(run: Any) -> None:
    """Every total is the sum of its rounded parts (views.py rounds each part to pence, then adds)."""
    doc = as_json(run("sweep", "--example", "--hours", "0:40:8", "--json"))
    cents = lambda x: round(D(str(x)), 2)  # noqa: E731
    base = doc["points"][0]
    assert base["better_off"] == 0
    for pt in doc["points"]:
        net_earnings = (
            cents(pt["gross_earnings"])
            - cents(pt["income_tax"])
            - cents(pt["national_insurance"])
            - cents(pt["pension_contributions"])
        )
        assert cents(pt["net_earnings"]) == net_earnings
        assert cents(pt["total_benefits"]) == sum((cents(v) for v in pt["benefits"].values()), D(0))
        net_income = (
            cents(pt["net_earnings"]) + cents(pt["total_benefits"]) - cents(pt["high_income_child_benefit_charge"])
        )
        assert cents(pt["net_income"]) == net_income
        costs = (
            cents(pt["housing_costs"])
            + cents(pt["council_tax"])
            + cents(pt["childcare_costs"])
            + cents(pt["work_costs"])
        )
        assert cents(pt["disposable_income"]) == net_income - costs
        assert cents(pt["better_off"]) == cents(pt["disposable_income"]) - cents(base["disposable_income"])


def test_sweep_json_figures_for_sam(run: Any) -> None:
    """8 h x £12.71 = £101.68 a week x 52 = £5,287.36 a year, / 12 = £440.61 a month (440.6133).
    Rent £112.50 a week x 52 / 12 = £487.50; council tax £1,820 / 12 = £151.67 (151.666...);
    work costs £18 x 52 / 12 = £78.00, counted only when working."""
    doc = as_json(run("sweep", "--example", "--hours", "0,8", "--json"))
    nil, eight = doc["points"]
    assert eight["gross_earnings"] == 440.61
    assert eight["national_insurance"] == 0  # £5,287.36 is below the £12,570 primary threshold
    assert eight["pension_contributions"] == 0  # below the £10,000 automatic-enrolment trigger
    assert "pension_below_trigger" in {w["code"] for w in eight["warnings"]}
    assert (eight["housing_costs"], eight["council_tax"], eight["work_costs"]) == (487.5, 151.67, 78.0)
    assert (nil["gross_earnings"], nil["work_costs"]) == (0, 0)


def test_period_week_month_year(run: Any) -> None:
    docs = {
        period: as_json(run("sweep", "--example", "--hours", "8", "--json", "--period", period))
        for period in ("week", "month", "year")
    }
    week, month, year = (docs[p]["points"][0] for p in ("week", "month", "year"))
    assert [docs[p]["period"] for p in ("week", "month", "year")] == ["week", "month", "year"]
    # gross pay: 8 x 12.71 = 101.68 a week; x 52 = 5,287.36 a year; x 52 / 12 = 440.6133 -> 440.61 a month
    assert (week["gross_earnings"], month["gross_earnings"], year["gross_earnings"]) == (101.68, 440.61, 5287.36)
    # rent is exact in every period: 112.50 a week; x 52 / 12 = 487.50 a month; x 52 = 5,850.00 a year
    assert (week["housing_costs"], month["housing_costs"], year["housing_costs"]) == (112.5, 487.5, 5850.0)
    assert D(str(week["housing_costs"])) * 52 / 12 == D(str(month["housing_costs"]))
    # council tax 1,820 a year: / 52 = 35.00 a week
    assert (week["council_tax"], year["council_tax"]) == (35.0, 1820.0)


# --- sweep --csv --------------------------------------------------------------------------------


def test_sweep_csv_header_and_rows(run: Any) -> None:
    result = run("sweep", "--example", "--hours", "0:40:8", "--csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    header, body = rows[0], rows[1:]
    assert header[:6] == [
        "hours",
        "gross_earnings",
        "income_tax",
        "national_insurance",
        "pension_contributions",
        "net_earnings",
    ]
    assert "benefits.universal_credit" in header
    assert header[-3:] == ["disposable_income", "better_off", "warnings"]
    assert len(body) == 6
    assert [row[0] for row in body] == ["0", "8", "16", "24", "32", "40"]
    assert all(len(row) == len(header) for row in body)
    assert body[1][1] == "440.61"


def test_json_and_csv_together_are_refused(run: Any) -> None:
    assert (
        refused(run("sweep", "--example", "--json", "--csv"))
        == "benefitcalc: error: options: choose --json or --csv, not both\n"
    )


def test_sweep_table_names_the_rules_version(run: Any) -> None:
    result = run("sweep", "--example", "--hours", "0,16")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Sam: £ a month, rules 2026.12.0 in force on 2026-11-23 (tax year 2026-27)")


# --- calc, schema, example -----------------------------------------------------------------------


def test_calc_one_point(run: Any, fixtures_dir: Path) -> None:
    doc = as_json(
        run("calc", str(fixtures_dir / "scenarios" / "scotland_lone_parent_30h.yaml"), "--json", "--period", "year")
    )
    (point,) = doc["points"]
    # worked-examples.md example 6 (itself checked against PolicyEngine UK): £19,827.60 gross, Scottish tax
    # £1,411.85, NI £580.61, 2026-27 worked on Monday 6 April 2026.
    assert doc["rules"]["date"] == "2026-04-06"
    assert (point["hours"], point["gross_earnings"], point["income_tax"], point["national_insurance"]) == (
        30,
        19827.6,
        1411.85,
        580.61,
    )


def test_calc_takes_one_number_of_hours(run: Any) -> None:
    assert refused(run("calc", "--example", "--hours", "8,16")) == (
        "benefitcalc: error: --hours: calc takes one number of hours; use `sweep` for several\n"
    )


def test_calc_json_scenario_file(run: Any, fixtures_dir: Path) -> None:
    doc = as_json(run("calc", str(fixtures_dir / "scenarios" / "single_16h.json"), "--json", "--period", "year"))
    # worked-examples.md example 1: 16 x 12.21 x 52 = 10,158.72, no tax, no NI
    assert [doc["points"][0][k] for k in ("gross_earnings", "income_tax", "national_insurance")] == [10158.72, 0, 0]


def test_schema_is_json_schema(run: Any) -> None:
    schema = as_json(run("schema"))
    assert schema["type"] == "object"
    assert {"adults", "nation", "tax_year", "housing"} <= set(schema["properties"])
    assert schema["additionalProperties"] is False


def test_example_prints_a_valid_scenario(run: Any, tmp_path: Path) -> None:
    result = run("example")
    assert result.exit_code == 0
    assert "name: Sam" in result.stdout
    (tmp_path / "sam.yaml").write_text(result.stdout)
    assert run("calc", str(tmp_path / "sam.yaml"), "--json").exit_code == 0


@pytest.mark.parametrize("name", ["lone_parent", "carer", "scotland_family"])
def test_every_built_in_example_can_be_printed_and_run(run: Any, tmp_path: Path, name: str) -> None:
    result = run("example", "--name", name)
    assert result.exit_code == 0, result.output
    (tmp_path / f"{name}.yaml").write_text(result.stdout)
    assert run("sweep", str(tmp_path / f"{name}.yaml"), "--hours", "0,16", "--json").exit_code == 0


# --- errors -------------------------------------------------------------------------------------


def test_missing_scenario_file(run: Any, tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    assert refused(run("sweep", str(missing))) == f"benefitcalc: error: {missing}: no such file\n"


def test_no_scenario_at_all(run: Any) -> None:
    assert (
        refused(run("sweep"))
        == "benefitcalc: error: SCENARIO: give a scenario file (YAML or JSON), or --example for the built-in one\n"
    )


def test_invalid_scenario_is_one_plain_message(run: Any, fixtures_dir: Path) -> None:
    path = fixtures_dir / "scenarios" / "invalid_unknown_field.yaml"
    assert refused(run("sweep", str(path), "--json")) == (
        f"benefitcalc: error: {path}: adults[0].job.hours_per_week: is not a field of the scenario format "
        "(check the spelling; see docs/scenario.md)\n"
    )


def test_scenario_with_a_duplicate_key_is_refused(run: Any, fixtures_dir: Path) -> None:
    path = fixtures_dir / "scenarios" / "invalid_duplicate_key.yaml"
    assert "duplicate key 'hours'" in refused(run("calc", str(path)))


def test_date_outside_the_rules_is_refused(run: Any, tmp_path: Path) -> None:
    file = tmp_path / "late.yaml"
    file.write_text("tax_year: 2030-31\nadults:\n  - age: 30\n    job: {hourly_pay: 12.71, hours: 16}\n")
    assert "2030-04-08 is outside them" in refused(run("sweep", str(file)))


# --- rules validate / show ---------------------------------------------------------------------


def test_rules_validate_shipped() -> None:
    result = CliRunner().invoke(cli.main, ["rules", "validate"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("ok: ")
    assert "version 2026.12.0" in result.stdout
    assert "covering 2024-04-06 to 2027-04-05" in result.stdout


def test_rules_validate_an_overlay(fixtures_dir: Path) -> None:
    result = CliRunner().invoke(cli.main, ["rules", "validate", str(fixtures_dir / "overlay_shipped")])
    assert result.exit_code == 0, result.output
    assert "version 2026.12.0+local.2027" in result.stdout
    assert "covering 2024-04-06 to 2028-04-05" in result.stdout


def test_rules_validate_a_broken_overlay_names_file_and_key(tmp_path: Path) -> None:
    (tmp_path / "hmrc").mkdir()
    (tmp_path / "hmrc" / "income_tax.yaml").write_text(
        "personal_allowance:\n"
        "  description: Personal allowance\n"
        "  unit: currency-GBP\n"
        "  period: year\n"
        "  values:\n"
        "    2027-04-06:\n"
        "      value: 12570\n"
        "      reference:\n"
        "        - title: A blog\n"
        "          href: https://example.com/allowance\n"
    )
    result = CliRunner().invoke(cli.main, ["rules", "validate", str(tmp_path)])
    assert refused(result) == (
        f"benefitcalc: error: {tmp_path}/hmrc/income_tax.yaml: hmrc.income_tax.personal_allowance.values.2027-04-06.reference[0]: "
        "`href` 'https://example.com/allowance' must be an https link to legislation.gov.uk, gov.uk (or a *.gov.uk council), "
        "gov.scot or gov.wales\n"
    )


def test_rules_show_resolves_on_the_date(run: Any) -> None:
    path = "hmrc.income_tax.rates.scotland"
    before = run("rules", "show", path, "--date", "2025-04-05")
    after = run("rules", "show", path, "--date", "2025-04-06")
    assert before.exit_code == after.exit_code == 0
    assert "on 2025-04-05: 19% above 0; 20% above 2,306;" in before.stdout
    assert "in force from 2024-04-06" in before.stdout
    assert "on 2025-04-06: 19% above 0; 20% above 2,827;" in after.stdout
    assert "in force from 2025-04-06" in after.stdout


def test_rules_show_json(run: Any) -> None:
    out = as_json(
        run(
            "rules", "show", "hmrc.national_insurance.class_1.main_primary_percentage", "--date", "2024-04-06", "--json"
        )
    )
    assert (out["value"], out["effective_from"], out["unit"]) == (0.08, "2024-04-06", "/1")
    assert [item["from"] for item in out["history"]] == ["2023-04-06", "2024-01-06", "2024-04-06"]
    assert out["file"] == "rules/hmrc/national_insurance.yaml"


def test_rules_show_refusals(run: Any) -> None:
    assert "is outside them" in refused(
        run("rules", "show", "hmrc.income_tax.personal_allowance", "--date", "2030-01-01")
    )
    assert refused(run("rules", "show", "hmrc.income_tax.no_such_thing", "--date", "2025-05-01")).startswith(
        "benefitcalc: error: hmrc.income_tax.no_such_thing: no such parameter in the rules."
    )


def test_the_command_line_runs_without_pydantic_plugins_and_the_library_leaves_them_alone() -> None:
    # A pydantic plugin sees every validated input (a client's household): the CLI and the service
    # it starts turn them off unless the user set PYDANTIC_DISABLE_PLUGINS; the library does not.
    import os
    import subprocess
    import sys

    show = "import os, {}; print(repr(os.environ.get('PYDANTIC_DISABLE_PLUGINS')))"
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}

    def setting(module: str, **extra: str) -> str:
        code = show.format(module)
        return subprocess.run(
            [sys.executable, "-c", code], env={**env, **extra}, capture_output=True, text=True, check=True
        ).stdout.strip()

    assert setting("benefitcalc.cli") == "'__all__'"
    assert setting("benefitcalc.cli", PYDANTIC_DISABLE_PLUGINS="") == "''"  # the user's choice kept
    assert setting("benefitcalc.api") == "None"


def test_piped_json_is_compact_and_the_same_text_python_would_write() -> None:
    # Piped (CliRunner is not a terminal), the document is written by msgspec's encoder: it must be
    # exactly json.dumps's compact form, pound signs and all, so readers see no difference but spaces.
    result = CliRunner().invoke(cli.main, ["sweep", "--example", "--hours", "0,16", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert result.output == json.dumps(doc, separators=(",", ":"), ensure_ascii=False) + "\n"
    assert "£" in result.output and "\\u00a3" not in result.output
    # explain and compare print their JSON the same way (cli_common.echo_json)
    explained = CliRunner().invoke(cli.main, ["explain", "--example", "--hours", "16", "--json"])
    assert explained.exit_code == 0, explained.output
    assert (
        explained.output == json.dumps(json.loads(explained.output), separators=(",", ":"), ensure_ascii=False) + "\n"
    )
