"""Councils' scheme files are read and checked when first used (benefitcalc.loader.parameters): a
broken one is refused when a household uses it and by `rules validate`, and does not stop a
calculation that uses another council's scheme (docs/rules.md, "When the files are checked")."""

from __future__ import annotations

import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from decimal import Decimal
from pathlib import Path

import benefitcalc
import pytest
from benefitcalc import loader
from benefitcalc.cli import main
from benefitcalc.errors import RulesError
from benefitcalc.loader import CACHE_FILE, load_rules
from benefitcalc.loader.cache import file_key
from click.testing import CliRunner
from tests.local_authority.test_ctr_scheme_files import household, overlay, scheme_text

D = Decimal
GROUP = "local_authority.council_tax_reduction"
# scheme_text() with its capital limit in a unit the loader does not know: a check every file gets
BROKEN = scheme_text().replace("unit: currency-GBP\n  period: none", "unit: pounds\n  period: none", 1)


@pytest.fixture()
def two_councils(tmp_path: Path) -> Path:
    """An overlay with a good scheme (example_borough) and a broken one (broken_borough)."""
    folder = overlay(tmp_path, scheme_text())
    (folder / "local_authority" / "council_tax_reduction" / "broken_borough.yaml").write_text(BROKEN)
    return folder


def test_the_broken_file_is_as_the_test_means() -> None:
    assert BROKEN != scheme_text() and "unit: pounds" in BROKEN


def test_an_unused_broken_council_file_does_not_stop_other_calculations(two_councils: Path) -> None:
    rules = load_rules(two_councils)  # loads: broken_borough's file is not read yet
    result = benefitcalc.calculate(household("example_borough"), hours=0, rules=rules)
    # As in test_ctr_scheme_files: income = UC 400.14 x 12 / 52 = 92.34 a week <= 100, so 80% of the
    # 1,500 bill = 1,200.00 a year.
    assert result.programmes["council_tax_reduction"].amount.quantize(D("0.01")) == D("1200.00")


def test_a_broken_council_file_is_refused_when_used_naming_file_and_key(two_councils: Path) -> None:
    rules = load_rules(two_councils)
    for _ in range(2):  # and again when asked again: nothing half-read is kept
        with pytest.raises(RulesError) as err:
            benefitcalc.calculate(household("broken_borough"), hours=0, rules=rules)
        assert err.value.message == "unit 'pounds' is not one of " + str(list(loader.UNITS))
        assert err.value.where == (
            f"{two_councils}/local_authority/council_tax_reduction/broken_borough.yaml: "
            f"{GROUP}.broken_borough.capital_limit.unit"
        )


def test_a_broken_council_file_is_refused_by_rules_validate_and_load_all(two_councils: Path) -> None:
    with pytest.raises(RulesError) as err:
        load_rules(two_councils).load_all()
    assert "broken_borough.yaml" in (err.value.where or "")
    out = CliRunner().invoke(main, ["rules", "validate", str(two_councils)])
    assert out.exit_code == 2
    assert "broken_borough.yaml" in out.output and "unit 'pounds'" in out.output
    assert "Traceback" not in out.output


def test_listing_the_schemes_reads_every_council_so_a_broken_one_is_refused(two_councils: Path) -> None:
    out = CliRunner().invoke(main, ["rules", "schemes", "--rules", str(two_councils)])
    assert out.exit_code == 2
    assert "broken_borough.yaml" in out.output


def test_a_shipped_council_file_that_is_not_yaml_is_refused_only_when_used(tmp_path: Path) -> None:
    base = tmp_path / "rules"
    shutil.copytree(loader.shipped_rules_dir(), base)
    (base / "local_authority" / "council_tax_reduction" / "wales.yaml").write_text("a: [unclosed\n")
    rules = load_rules(base_dir=base)
    england = household("example_borough")
    del england["housing"]["council_tax_reduction_scheme"]  # England, working age, no scheme named
    benefitcalc.calculate(england, hours=0, rules=rules)  # Wales's scheme is not read
    welsh = {**household("wales"), "nation": "wales"}
    with pytest.raises(RulesError) as err:
        benefitcalc.calculate(welsh, hours=0, rules=rules)
    assert err.value.where == "rules/local_authority/council_tax_reduction/wales.yaml"
    assert err.value.message.startswith("not valid YAML at line 2")


def test_the_parse_cache_keeps_the_council_files_read_and_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BENEFITCALC_CACHE_DIR", str(tmp_path))
    shipped = loader.shipped_rules_dir()
    councils = shipped / "local_authority" / "council_tax_reduction"
    rules = load_rules()
    rules.at(date(2026, 5, 1)).get(f"{GROUP}.cheshire_west_and_chester")
    held = {line.split(b" ")[0].decode() for line in (tmp_path / CACHE_FILE).read_bytes().splitlines()[1:]}

    def key(path: Path) -> str:
        return file_key(path.read_bytes())

    assert key(shipped / "dwp" / "universal_credit.yaml") in held  # national: read at load
    assert key(councils / "cheshire_west_and_chester.yaml") in held  # read when used, and passed
    assert key(councils / "wales.yaml") not in held  # not used: not read
    rules.load_all()
    held = {line.split(b" ")[0].decode() for line in (tmp_path / CACHE_FILE).read_bytes().splitlines()[1:]}
    assert key(councils / "wales.yaml") in held


def test_every_thread_gets_the_same_scheme_node(two_councils: Path) -> None:
    rules = load_rules(two_councils)
    day = date(2025, 5, 1)
    start = threading.Barrier(4)

    def read(_: int) -> object:
        start.wait()
        return rules.at(day).get(f"{GROUP}.example_borough")

    with ThreadPoolExecutor(4) as pool:
        nodes = list(pool.map(read, range(4)))
    assert all(node is nodes[0] for node in nodes)


def test_a_tree_read_scheme_by_scheme_is_the_tree_read_all_at_once(two_councils: Path) -> None:
    day = date(2025, 5, 1)
    rules = load_rules(two_councils)
    group = rules.at(day).get(GROUP)
    assert "example_borough" in group and "no_such_council" not in group
    assert "broken_borough" not in rules.parameters.under(f"{GROUP}.example_borough")
    shipped = load_rules()
    every = shipped.at(day).get(GROUP)
    begun = [
        p.split(".")[2] for p, s in shipped.parameters.items() if p.startswith(GROUP + ".") and s.values[0].start <= day
    ]
    assert list(every) == list(dict.fromkeys(begun))  # in the rules' order; a scheme not begun is not there
    assert len(every.children()) > 20
