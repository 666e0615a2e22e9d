"""The scenario model (docs/scenario.md): what it accepts, and one clear ScenarioError for what it refuses.

Each refusal asserts that the message names the field (as a path such as ``adults[0].job.hours``)
and, for a choice, the allowed values.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from benefitcalc.errors import ScenarioError
from benefitcalc.scenario import PensionContribution, Scenario, load_scenario, scenario_from_data, tax_year_date
from pydantic import ValidationError

JOB = {"hourly_pay": "12.71", "hours": 16}


def household(**fields: Any) -> dict[str, Any]:
    return {"adults": [{"age": 30, "job": dict(JOB)}], **fields}


def refusal(data: Any) -> str:
    with pytest.raises(ScenarioError) as caught:
        scenario_from_data(data)
    assert caught.value.where == "scenario"
    return caught.value.message


# --- what it accepts ------------------------------------------------------------------------


def test_minimal_scenario_and_defaults() -> None:
    scenario = scenario_from_data(household())
    assert scenario.nation == "england"
    assert scenario.worker.name == "Client"
    assert scenario.worker.job is not None
    assert scenario.worker.job.hourly_pay == Decimal("12.71")
    assert scenario.worker.job.pension == "none"
    assert not scenario.is_couple
    assert scenario.housing.tenure == "none"


def test_scenario_is_frozen() -> None:
    scenario = scenario_from_data(household())
    with pytest.raises(ValidationError):
        scenario.nation = "wales"  # type: ignore[misc]


def test_with_hours_changes_only_the_workers_hours() -> None:
    scenario = scenario_from_data(
        {
            "adults": [
                {"name": "A", "age": 40, "earnings": {"amount": 100, "period": "week"}},
                {"name": "B", "age": 38, "job": dict(JOB)},
            ]
        }
    )
    moved = scenario.with_hours(Decimal(30))
    assert scenario.worker_index == 1
    assert moved.worker.job is not None and moved.worker.job.hours == Decimal(30)
    assert scenario.worker.job is not None and scenario.worker.job.hours == Decimal(16)
    assert moved.adults[0] == scenario.adults[0]


def test_pension_forms() -> None:
    explicit = scenario_from_data({"adults": [{"age": 30, "job": {**JOB, "pension": {"employee_rate": "0.05"}}}]})
    pension = explicit.worker.job.pension  # type: ignore[union-attr]
    assert pension == PensionContribution(employee_rate=Decimal("0.05"), basis="gross", relief="net_pay")
    auto = scenario_from_data({"adults": [{"age": 30, "job": {**JOB, "pension": "auto_enrolment"}}]})
    assert auto.worker.job.pension == "auto_enrolment"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("tax_year", "day"),
    [
        ("2024-25", date(2024, 4, 8)),  # 6 April 2024 was a Saturday: first Monday is the 8th
        ("2025-26", date(2025, 4, 7)),  # 6 April 2025 was a Sunday
        ("2026-27", date(2026, 4, 6)),  # 6 April 2026 is a Monday
    ],
)
def test_tax_year_is_worked_on_the_first_monday_from_6_april(tax_year: str, day: date) -> None:
    assert tax_year_date(tax_year) == day
    assert day.weekday() == 0


def test_loads_yaml_and_json_files(fixtures_dir: Path) -> None:
    scotland = load_scenario(fixtures_dir / "scenarios" / "scotland_lone_parent_30h.yaml")
    assert (scotland.nation, scotland.tax_year, len(scotland.children)) == ("scotland", "2026-27", 1)
    single = load_scenario(fixtures_dir / "scenarios" / "single_16h.json")
    assert single.worker.job is not None and single.worker.job.hourly_pay == Decimal("12.21")


def test_yaml_numbers_are_read_exactly(tmp_path: Path) -> None:
    file = tmp_path / "s.yaml"
    file.write_text("adults:\n  - age: 30\n    job: {hourly_pay: 12.71, hours: 37.5}\ncapital: 0.1\n")
    scenario = load_scenario(file)
    assert scenario.capital == Decimal("0.1")
    assert scenario.worker.job is not None and scenario.worker.job.hours == Decimal("37.5")


def test_json_schema_lists_the_fields() -> None:
    schema = Scenario.model_json_schema()
    assert {"adults", "nation", "tax_year", "date", "housing", "children"} <= set(schema["properties"])
    assert schema["properties"]["nation"]["enum"] == ["england", "scotland", "wales"]


# --- refusals ---------------------------------------------------------------------------------


def test_refuses_an_unknown_field() -> None:
    assert (
        refusal(household(natoin="england")) == "natoin: is not a field of the scenario format (did you mean `nation`?)"
    )
    assert (
        refusal(household(zzz="england"))
        == "zzz: is not a field of the scenario format (check the spelling; see docs/scenario.md)"
    )


def test_a_misspelt_field_deep_down_gets_the_nearest_name_of_its_own_model() -> None:
    data = {"adults": [{"age": 30, "job": {**JOB, "hourly_pya": 12}}]}
    assert (
        refusal(data) == "adults[0].job.hourly_pya: is not a field of the scenario format (did you mean `hourly_pay`?)"
    )
    data = {"adults": [{"age": 30, "job": dict(JOB)}], "housing": {"tenure": "social_rent", "rnet": 10}}
    assert refusal(data) == "housing.rnet: is not a field of the scenario format (did you mean `rent`?)"


def test_a_misspelt_choice_gets_the_nearest_allowed_value() -> None:
    assert refusal(household(nation="englnd")) == (
        "nation: 'englnd' is not allowed; allowed: 'england', 'scotland' or 'wales' (did you mean 'england'?)"
    )


def test_money_as_people_write_it() -> None:
    data = household(capital="£1,500", work_costs={"amount": "1,500.50", "period": "year"})
    data["adults"][0]["job"]["hourly_pay"] = "£12.71"
    scenario = scenario_from_data(data)
    assert scenario.capital == Decimal("1500")
    assert scenario.work_costs is not None and scenario.work_costs.amount == Decimal("1500.50")
    assert scenario.worker.job is not None and scenario.worker.job.hourly_pay == Decimal("12.71")


def test_money_with_misplaced_commas_or_a_pound_sign_and_words_is_refused() -> None:
    assert refusal(household(capital="£1,50")) == (
        "capital: '£1,50' is not an amount of money; write it as 1500, 1,500.50 or £1,500 (got '£1,50')"
    )
    assert refusal(household(capital="1,50")).startswith("capital: Input should be a valid decimal")


def test_negative_money_is_shown_as_written_not_as_a_python_decimal() -> None:
    # JSON and YAML numbers are read as exact decimals (parse_text), so this is what a file gives
    message = refusal(household(capital=Decimal("-112.50")))
    assert message == "capital: Input should be greater than or equal to 0 (got -112.50)"
    assert "Decimal(" not in message


def test_uk_dates_day_first() -> None:
    assert scenario_from_data(household(date="23/11/2026")).date == date(2026, 11, 23)
    assert scenario_from_data(household(date="2026-11-23")).date == date(2026, 11, 23)
    child = {"date_of_birth": "1/2/2020"}
    assert scenario_from_data(household(children=[child])).children[0].date_of_birth == date(2020, 2, 1)
    assert (
        refusal(household(date="31/02/2026")) == "date: '31/02/2026' is not a date (day/month/year) (got '31/02/2026')"
    )


def test_refuses_an_unknown_field_deep_down() -> None:
    data = {"adults": [{"age": 30, "job": {**JOB, "hours_per_week": 16}}]}
    assert (
        refusal(data)
        == "adults[0].job.hours_per_week: is not a field of the scenario format (check the spelling; see docs/scenario.md)"
    )


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (household(nation="france"), "nation: 'france' is not allowed; allowed: 'england', 'scotland' or 'wales'"),
        (
            household(housing={"tenure": "council"}),
            "housing.tenure: 'council' is not allowed; allowed: 'social_rent', 'private_rent', 'owner' or 'none'",
        ),
        (
            {"adults": [{"age": 30, "job": {**JOB, "pension": "yes"}}]},
            "adults[0].job.pension: 'yes' is not allowed; allowed: 'none' or 'auto_enrolment'",
        ),
        (
            {"adults": [{"age": 30, "job": {**JOB, "pension": {"employee_rate": "0.05", "basis": "net"}}}]},
            "adults[0].job.pension.basis: 'net' is not allowed; allowed: 'gross' or 'qualifying_earnings'",
        ),
        (
            {"adults": [{"age": 30, "job": dict(JOB), "other_unearned_income": {"amount": 5, "period": "day"}}]},
            "adults[0].other_unearned_income.period: 'day' is not allowed; allowed: 'week', 'fortnight', 'four_weeks', 'month' or 'year'",
        ),
    ],
    ids=["nation", "tenure", "pension", "pension-basis", "period"],
)
def test_refuses_a_value_outside_a_choice_and_lists_the_allowed_ones(data: dict[str, Any], expected: str) -> None:
    assert refusal(data) == expected


def test_refuses_northern_ireland_with_the_reason_and_the_allowed_nations() -> None:
    message = refusal(household(nation="northern_ireland"))
    assert message.startswith("nation: Northern Ireland is not supported yet")
    assert "Allowed: england, scotland, wales" in message


@pytest.mark.parametrize("count", [0, 2])
def test_refuses_other_than_exactly_one_job(count: int) -> None:
    adults = [{"name": "A", "age": 30}, {"name": "B", "age": 31}]
    for adult in adults[:count]:
        adult["job"] = dict(JOB)
    assert refusal({"adults": adults}) == (
        f"exactly one adult must have a `job` (the work being considered); found {count}. "
        "Give other adults' pay as fixed `earnings`, or the work being considered as `self_employment`"
    )


def test_refuses_job_and_earnings_on_one_adult() -> None:
    data = {"adults": [{"age": 30, "job": dict(JOB), "earnings": {"amount": 100, "period": "week"}}]}
    assert (
        refusal(data)
        == "adults[0]: give either `job` (the work being considered) or `earnings` (fixed earnings), not both"
    )


def test_refuses_an_adult_level_pension_without_fixed_earnings() -> None:
    data = {"adults": [{"age": 30, "job": dict(JOB), "pension": "auto_enrolment"}]}
    assert (
        refusal(data)
        == "adults[0]: `pension` at adult level applies to fixed `earnings`; for a job put `pension` under `job`"
    )


def test_refuses_date_and_tax_year_together() -> None:
    assert refusal(household(date="2025-06-01", tax_year="2025-26")) == "give `date` or `tax_year`, not both"


@pytest.mark.parametrize("tax_year", ["2025-27", "2025/26", "25-26", "2025-2026"])
def test_refuses_a_badly_written_tax_year(tax_year: str) -> None:
    assert refusal(household(tax_year=tax_year)) == (
        f"tax_year: must look like 2026-27 (the tax year from 6 April 2026 to 5 April 2027) (got {tax_year!r})"
    )


def test_refuses_a_date_that_does_not_exist() -> None:
    assert refusal(household(date="2025-02-30")).startswith("date: Input should be a valid date")


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (household(capital=-1), "capital"),
        (household(housing={"tenure": "social_rent", "rent": {"amount": -5, "period": "week"}}), "housing.rent.amount"),
        ({"adults": [{"age": 30, "job": {**JOB, "hours": -1}}]}, "adults[0].job.hours"),
        (
            {
                "adults": [
                    {
                        "age": 30,
                        "job": dict(JOB),
                        "earnings": None,
                        "other_unearned_income": {"amount": -1, "period": "month"},
                    }
                ]
            },
            "adults[0].other_unearned_income.amount",
        ),
        (household(childcare={"amount": "-0.01", "period": "month"}), "childcare.amount"),
    ],
)
def test_refuses_negative_amounts(data: dict[str, Any], field: str) -> None:
    message = refusal(data)
    assert message.startswith(f"{field}: Input should be greater than or equal to 0 (got ")


def test_refuses_zero_or_negative_hourly_pay() -> None:
    assert (
        refusal({"adults": [{"age": 30, "job": {"hourly_pay": 0}}]})
        == "adults[0].job.hourly_pay: Input should be greater than 0 (got 0)"
    )


def test_refuses_more_hours_than_a_week_has() -> None:
    assert refusal({"adults": [{"age": 30, "job": {**JOB, "hours": 169}}]}) == (
        "adults[0].job.hours: Input should be less than or equal to 168 (got 169)"
    )


@pytest.mark.parametrize("child", [{"age": 5, "date_of_birth": "2020-01-01"}, {}])
def test_refuses_a_child_without_exactly_one_of_age_and_date_of_birth(child: dict[str, Any]) -> None:
    assert refusal(household(children=[child])) == "children[0]: give exactly one of `age` or `date_of_birth`"


def test_refuses_social_rent_without_rent() -> None:
    assert refusal(household(housing={"tenure": "social_rent"})) == "housing: tenure 'social_rent' needs `rent`"


def test_refuses_rent_for_an_owner() -> None:
    data = household(housing={"tenure": "owner", "rent": {"amount": 100, "period": "week"}})
    assert refusal(data) == "housing: `rent` is only for tenure social_rent or private_rent, not 'owner'"


def test_accepts_local_housing_allowance_on_social_rent_and_says_it_is_not_used() -> None:
    # The issue's own example scenario gives an LHA with social rent: the contract shape must load.
    # Social rent of £100 a week is met in full: 100 x 52 / 12 = 433.33 a month (Sch 4 para 7).
    import benefitcalc

    data = household(
        housing={
            "tenure": "social_rent",
            "rent": {"amount": 100, "period": "week"},
            "local_housing_allowance": {"amount": 400, "period": "month"},
        }
    )
    point = benefitcalc.calculate(data)
    uc = point.programmes["universal_credit"]
    assert uc.line("housing_element").amount == Decimal("433.33")
    assert "lha_not_used" in [w.code for w in uc.warnings]


def test_refuses_two_adults_with_the_same_name() -> None:
    assert refusal({"adults": [{"age": 30, "job": dict(JOB)}, {"age": 31}]}) == "the adults need different `name`s"


@pytest.mark.parametrize(
    ("adults", "expected"),
    [
        ([], "adults: must have at least 1 item(s), got 0"),
        ([{"name": n, "age": 30} for n in "ABC"], "adults: must have at most 2 item(s), got 3"),
    ],
)
def test_refuses_no_adults_or_more_than_two(adults: list[dict[str, Any]], expected: str) -> None:
    assert refusal({"adults": adults}).startswith(expected)


def test_refuses_missing_adults_and_a_non_mapping() -> None:
    assert refusal({}) == "adults: is required"
    assert (
        refusal(["not", "a", "mapping"])
        == "the scenario must be a mapping (YAML or JSON object) with at least `adults`"
    )


def test_refuses_an_employee_rate_above_one() -> None:
    data = {"adults": [{"age": 30, "job": {**JOB, "pension": {"employee_rate": 5}}}]}
    assert refusal(data) == "adults[0].job.pension.employee_rate: Input should be less than or equal to 1 (got 5)"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "invalid_unknown_field.yaml",
            "adults[0].job.hours_per_week: is not a field of the scenario format (check the spelling; see docs/scenario.md)",
        ),
        (
            "invalid_duplicate_key.yaml",
            "not valid YAML at line 8, column 7: duplicate key 'hours' (the last one would silently win)",
        ),
        (
            "invalid_not_yaml.yaml",
            "not valid YAML at line 2, column 1: did not find expected ',' or '}' (while parsing a flow mapping)",
        ),
        ("no_such_file.yaml", "no such file"),
    ],
)
def test_refuses_bad_files_naming_the_file(fixtures_dir: Path, name: str, expected: str) -> None:
    path = fixtures_dir / "scenarios" / name
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert caught.value.where == str(path)
    assert caught.value.message == expected


def test_refuses_duplicate_keys_in_json(tmp_path: Path) -> None:
    file = tmp_path / "s.json"
    file.write_text('{"adults": [{"age": 30, "age": 31, "job": {"hourly_pay": 12}}]}')
    with pytest.raises(ScenarioError) as caught:
        load_scenario(file)
    assert caught.value.message == "not valid JSON: duplicate key 'age' in adults[0] (the last one would silently win)"


def test_a_field_name_with_a_line_break_is_shown_escaped_on_one_line() -> None:
    # Found by tests/test_fuzz_inputs.py: JSON "\name" is a line break then "ame", and "\u0080" a
    # control character; printed raw, the message broke over two lines and hid the key.
    data = {"\x80": 1, "adults": [{"\name": "Ann", "age": 30}]}
    with pytest.raises(ScenarioError) as caught:
        scenario_from_data(data)
    message = str(caught.value)
    assert "\n" not in message and "\x80" not in message
    assert "adults[0]['\\name']: is not a field of the scenario format (did you mean `name`?)" in message
    assert "['\\x80']: is not a field of the scenario format" in message
