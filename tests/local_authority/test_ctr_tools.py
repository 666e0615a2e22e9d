"""The tools for keeping council schemes current: `rules schemes --council/--json`, `rules new-scheme`
and `quick --council` (docs/council_tax_reduction.md)."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from benefitcalc.cli import main
from benefitcalc.loader import load_rules
from benefitcalc.programmes import council_tax_reduction as ctr
from click.testing import CliRunner


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args))


def test_schemes_json_has_exactly_the_documented_shape():
    out = invoke("rules", "schemes", "--json")
    assert out.exit_code == 0, out.output
    doc = json.loads(out.output)
    assert set(doc) == {"schemes"}
    for scheme in doc["schemes"]:
        assert set(scheme) == {"id", "name", "nation", "age_group", "held", "source"}
        assert scheme["age_group"] in ("working_age", "pension_age")
        for held in scheme["held"]:
            assert set(held) == {"from", "to", "design", "confidence"}
    by_id = {s["id"]: s for s in doc["schemes"]}
    # Hillingdon: one year held, 2026-27, banded, from PolicyEngine's reading (the file's reviewed_to ends it)
    assert by_id["hillingdon"]["held"] == [
        {"from": "2026-04-01", "to": "2027-03-31", "design": "banded", "confidence": "secondary"}
    ]
    assert by_id["hillingdon"]["source"] == "https://pre.hillingdon.gov.uk/benefits/working-age-bands"
    # Nottingham: 2025-26 only (not held from 1 April 2026)
    assert by_id["nottingham"]["held"] == [
        {"from": "2025-04-01", "to": "2026-03-31", "design": "means_tested", "confidence": "headline"}
    ]
    assert by_id["england_pension_age"]["age_group"] == "pension_age"
    assert by_id["scotland"]["held"][0]["confidence"] is None  # a national scheme, read from the legislation
    assert "designs" not in by_id


def test_schemes_council_forgives_spelling_and_knows_former_names():
    out = invoke("rules", "schemes", "--council", "Westminister", "--json")
    assert [s["id"] for s in json.loads(out.output)["schemes"]] == ["westminster"]
    out = invoke("rules", "schemes", "--council", "Harrogate")
    assert out.exit_code == 0, out.output
    assert out.output.startswith("north_yorkshire  (england, working age)")
    assert "(formerly Harrogate Borough Council)" in out.output
    out = invoke("rules", "schemes", "--council", "Eden", "--json")
    assert [s["id"] for s in json.loads(out.output)["schemes"]] == ["westmorland_and_furness"]


def test_no_scheme_held_names_the_closest_and_how_to_add_one():
    out = invoke("rules", "schemes", "--council", "Birmingham")
    assert out.exit_code == 2
    assert "No council tax reduction scheme held matches 'Birmingham'. Closest held: " in out.output
    assert "`benefitcalc rules new-scheme ID --design banded|means_tested --out DIR`" in out.output


def test_new_scheme_writes_a_skeleton_that_fails_only_on_what_is_left_to_fill(tmp_path: Path):
    out = invoke("rules", "new-scheme", "east_riding", "--design", "means_tested", "--out", str(tmp_path))
    assert out.exit_code == 0, out.output
    path = tmp_path / "local_authority" / "council_tax_reduction" / "east_riding.yaml"
    assert yaml.safe_load(path.read_text())["base"]["values"]  # valid YAML
    rules = load_rules(tmp_path)  # and the loader reads it: its every value is well-formed
    out = invoke("rules", "validate", str(tmp_path))
    assert out.exit_code == 2
    problems = [line for line in out.output.splitlines() if line.startswith("  - ")]
    keys = ["name", "confidence", "read_on", "capital_limit", "minimum_award", "band_cap", "maximum_share", "taper"]
    assert len(problems) == len(keys)
    for line, key in zip(problems, keys):
        assert f"`{key}` is still to fill" in line
        assert "east_riding.yaml:" in line
    assert ctr.scheme_ids(rules).count("east_riding") == 1


def test_new_scheme_banded_filled_in_is_valid(tmp_path: Path):
    invoke("rules", "new-scheme", "east_riding", "--design", "banded", "--out", str(tmp_path))
    path = tmp_path / "local_authority" / "council_tax_reduction" / "east_riding.yaml"
    text = path.read_text()
    text = text.replace("TO FILL: the council's scheme document (its title and year)", "East Riding CTR scheme 2026-27")
    text = text.replace('"TO FILL: full, headline or secondary"', "headline").replace(
        '"TO FILL: YYYY-MM-DD"', '"2026-12-04"'
    )
    text = text.replace("TO FILL: the council's name", "East Riding of Yorkshire Council")
    text = text.replace("value: null\n", "value: 0\n", 2)  # capital_limit 0 and minimum_award 0, say
    path.write_text(text)
    rules = load_rules(tmp_path)
    assert ctr.validate_all(rules) >= 1
    assert "east_riding" in ctr.scheme_ids(rules)


def test_quick_council_finds_the_scheme_by_name():
    out = invoke(
        "quick",
        "--age",
        "30",
        "--pay",
        "12.71",
        "--hours",
        "0",
        "--tax-year",
        "2026-27",
        "--council-tax",
        "1500/year",
        "--council",
        "hilingdon",
        "--print-scenario",
    )
    assert out.exit_code == 0, out.output
    assert yaml.safe_load(out.output)["housing"]["council_tax_reduction_scheme"] == "hillingdon"
