"""The analysis commands (compare, explain, quick) and the analysis options of sweep, through CliRunner.

Figures worked by hand (2026-27 rules, 23 November 2026): a single person of 34 with LCWRA (new
claimant rate £217.26 a month, as no protection is stated), New Style ESA support group (£95.55 +
£50.35 = £145.90 a week) and rent of £112.50 a week (£487.50 a month): UC maximum 424.90 + 217.26 +
487.50 = £1,129.66; ESA deducted as 145.90 x 52/12 = 632.2333 -> £632.23; UC £497.43 a month =
£114.79 a week. Disposable at 0 hours: 114.79 + 145.90 - 112.50 = £148.19 a week.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from benefitcalc import cli
from benefitcalc.loader import RuleSet, load_rules
from benefitcalc.scenario import scenario_from_data
from click.testing import CliRunner, Result

QUICK = [
    "quick",
    "--age",
    "34",
    "--lcwra",
    "--esa",
    "support",
    "--rent",
    "112.50/week",
    "--pay",
    "12.71",
    "--hours",
    "0:30:2",
    "--date",
    "2026-11-23",
]


@pytest.fixture()
def invoke(ruleset: RuleSet, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setattr(cli, "_rules", lambda rules_dir: ruleset if rules_dir is None else load_rules(rules_dir))

    def run(*args: str, color: bool = False) -> Result:
        return CliRunner().invoke(cli.main, list(args), color=color)

    return run


def ok(result: Result) -> str:
    assert result.exit_code == 0, result.output
    return result.stdout


def refused(result: Result) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    return result.stderr


def test_quick_mode_needs_no_file(invoke):
    doc = json.loads(ok(invoke(*QUICK, "--json")))
    assert [p["hours"] for p in doc["points"]] == [float(h) for h in range(0, 31, 2)]
    zero = doc["points"][0]
    assert zero["benefits"]["universal_credit"] == 114.79
    assert zero["benefits"]["new_style_esa"] == 145.90
    assert zero["disposable_income"] == 148.19
    assert doc["period"] == "week"


def test_quick_table_has_summary_and_no_colour_when_asked(invoke):
    text = ok(invoke(*QUICK, "--no-color"))
    assert "\x1b[" not in text
    assert "Working 30 hours leaves Client £" in text
    assert "better off than not working" in text
    coloured = ok(invoke(*QUICK, color=True))
    assert "\x1b[" in coloured
    plain_when_piped = ok(invoke(*QUICK))  # CliRunner is not a terminal: click strips the styles
    assert "\x1b[" not in plain_when_piped


def test_quick_prints_a_scenario_that_loads(invoke):
    text = ok(
        invoke(
            *QUICK, "--print-scenario", "--children", "7,4", "--childcare", "300/month", "--council-tax", "1820/year"
        )
    )
    scenario = scenario_from_data(yaml.safe_load(text))
    assert scenario.worker.universal_credit_health == "lcwra"
    assert [c.age for c in scenario.children] == [7, 4]
    assert scenario.housing.rent is not None and str(scenario.housing.rent.amount) == "112.50"


@pytest.mark.parametrize(
    "args, message",
    [
        (["--rent", "112.50"], "needs a period"),
        (["--rent", "lots/week"], "is not an amount"),
        (["--children", "seven"], "children's ages"),
        (["--lcw"], "not both"),
        (["--pension", "half"], "employee rate"),
    ],
)
def test_quick_refuses_bad_options(invoke, args, message):
    base = [a for a in QUICK if a not in ("--rent", "112.50/week")]
    assert message in refused(invoke(*base, *args))


def test_compare_jobs_side_by_side(invoke):
    text = ok(invoke("compare", "--example", "--job", "12.71x16", "--job", "14.00x24", "--period", "week"))
    assert "£12.71/h x 16h" in text and "£14.00/h x 24h" in text
    assert "Left to live on" in text and "Most left to live on" in text
    data = json.loads(
        ok(invoke("compare", "--example", "--job", "12.71x16", "--job", "14.00x24", "--json", "--period", "week"))
    )
    first, second = data["options"]
    assert first["hours"] == 16 and second["hourly_pay"] == 14.0
    assert first["point"]["gross_earnings"] == 203.36  # 16 x 12.71
    assert second["point"]["gross_earnings"] == 336.00  # 24 x 14.00
    assert first["summary"].startswith("Working 16 hours leaves Sam")


def test_compare_several_scenario_files(invoke, tmp_path):
    from benefitcalc.examples import example_text

    paths = []
    for name in ("sam", "carer"):
        path = tmp_path / f"{name}.yaml"
        path.write_text(example_text(name), encoding="utf-8")
        paths.append(str(path))
    data = json.loads(ok(invoke("compare", *paths, "--json")))
    assert [o["person"] for o in data["options"]] == ["Sam", "Pat"]


@pytest.mark.parametrize(
    "args, message",
    [
        (["compare", "--example"], "nothing to compare"),
        (["compare", "--example", "--job", "12.71*16"], "is not a job"),
        (["compare", "--example", "--job", "0x16"], "more than 0"),
        (["compare"], "give one scenario"),
        (["explain", "--example", "--hours", "8,16"], "one number of hours"),
    ],
)
def test_analysis_commands_refuse_bad_input(invoke, args, message):
    assert message in refused(invoke(*args))


def test_explain_text_and_json(invoke):
    text = ok(invoke("explain", "--example", "--hours", "16"))
    assert text.startswith("How Sam's money is worked out at 16 hours a week")
    assert "Universal Credit" in text and "legislation.gov.uk" in text
    data = json.loads(ok(invoke("explain", "--example", "--hours", "16", "--json")))
    assert data["hours"] == 16.0
    assert any(section["key"] == "universal_credit" for section in data["sections"])


def test_sweep_baseline_current(invoke, tmp_path):
    from benefitcalc.examples import example_text

    data = yaml.safe_load(example_text("sam"))
    data["adults"][0]["job"]["current_hours"] = 8
    path = tmp_path / "sam.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    doc = json.loads(ok(invoke("sweep", str(path), "--hours", "8,16", "--baseline", "current", "--json")))
    assert doc["baseline"] == "current" and doc["baseline_hours"] == 8.0
    assert doc["points"][0]["better_off"] == 0.0
    assert "than working 8 hours now" in doc["summary"]
