"""The speed-ups change no result: the rules' parse cache, RuleSet.derived and the CLI's paused collector.

These test machinery, not the law: each checks that a cached or faster path gives exactly what the
plain path gives (the rules loaded with and without the cache compared field by field, a damaged
cache ignored), and that the caches keep to their documented limits. Figures are checked elsewhere.
"""

from __future__ import annotations

import gc
import json
import zlib
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from benefitcalc import cli, loader
from benefitcalc.errors import RulesError
from benefitcalc.loader import CACHE_FILE, ParsedFilesCache, RuleSet, load_rules
from benefitcalc.loader.cache import file_key
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st


@pytest.fixture()
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("BENEFITCALC_CACHE_DIR", str(folder))
    return folder


def read_cache(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """The cache file's header line and its parsed files (as stored: tagged JSON), by the file's key."""
    head, _, body = path.read_bytes().partition(b"\n")
    files = {}
    for line in body.splitlines():
        key, _, _, entry = line.split(b" ", 3)
        files[key.decode()] = json.loads(entry)
    return json.loads(head), files


def write_cache(path: Path, header: dict[str, Any], files: dict[str, Any], *, rehash: bool) -> None:
    """Each entry with the check value of its JSON (``rehash``, as if written by the loader), or with
    the check value the entry had in the file before (so a changed entry no longer matches it)."""
    before = {line.split(b" ")[0].decode(): line.split(b" ")[1:3] for line in path.read_bytes().splitlines()[1:]}
    lines = []
    for key, parsed in files.items():
        entry = json.dumps(parsed, separators=(",", ":")).encode("utf-8")
        check, name = before[key]
        if rehash:
            check = f"{zlib.crc32(entry):08x}".encode()
        lines.append(b" ".join([key.encode(), check, name, entry]))
    path.write_bytes(json.dumps(header).encode("utf-8") + b"\n" + b"\n".join(lines) + b"\n")


def damage_taper_rate(files: dict[str, Any], value: str) -> None:
    """Set the first cached value of dwp.universal_credit.taper_rate to ``value``."""
    key = file_key((loader.shipped_rules_dir() / "dwp" / "universal_credit.yaml").read_bytes())
    files[key]["taper_rate"]["values"]["$map"][0][1]["value"] = {"$decimal": value}


def everything(rules: RuleSet) -> list[str]:
    """Every field of the rule set as text: decimals keep their exponent (1.0 is not 1.00), dates their type."""
    head = [rules.version, rules.digest, repr(rules.covers_from), repr(rules.covers_to), repr(rules.sources)]
    return head + [f"{path}={spec!r}" for path, spec in rules.parameters.items()]


# --- the parse cache -------------------------------------------------------------------------


def test_rules_from_the_cache_are_exactly_the_rules_from_the_yaml(cache_dir: Path) -> None:
    plain = load_rules(cache=False)
    assert not cache_dir.exists()  # cache=False neither reads nor writes it
    first = load_rules()  # parses the YAML and writes the cache
    assert (cache_dir / CACHE_FILE).is_file()
    assert everything(first) == everything(plain)  # reads (and caches) every council's scheme too
    cache = ParsedFilesCache.open()
    assert cache is not None
    second = loader._load_rules(None, None, cache)
    assert everything(second) == everything(plain)
    assert cache.hits == len(list(loader.shipped_rules_dir().rglob("*.yaml")))  # every shipped file, rules.yaml too
    assert cache.parsed == 0


def test_an_overlay_is_parsed_every_time_and_the_result_matches(cache_dir: Path, fixtures_dir: Path) -> None:
    plain = load_rules(fixtures_dir / "overlay_shipped", cache=False)
    load_rules(fixtures_dir / "overlay_shipped")
    cached = load_rules(fixtures_dir / "overlay_shipped")
    assert everything(cached) == everything(plain)
    _, files = read_cache(cache_dir / CACHE_FILE)
    assert len(files) == len(list(loader.shipped_rules_dir().rglob("*.yaml")))  # shipped files only


def test_a_damaged_cache_file_is_ignored_and_rewritten(cache_dir: Path) -> None:
    plain = load_rules(cache=False)
    cache_dir.mkdir()
    (cache_dir / CACHE_FILE).write_text(
        '{"format": 1, "fingerprint": "x"\n{"a": {"$date": "not a date"}', encoding="utf-8"
    )
    assert everything(load_rules()) == everything(plain)
    assert read_cache(cache_dir / CACHE_FILE)[0]["fingerprint"] != "x"


def test_a_cache_whose_content_does_not_match_its_hash_is_ignored(cache_dir: Path) -> None:
    plain = load_rules(cache=False)
    load_rules()
    header, files = read_cache(cache_dir / CACHE_FILE)
    damage_taper_rate(files, "0.56")  # would pass every check: only the hash can tell
    write_cache(cache_dir / CACHE_FILE, header, files, rehash=False)
    assert everything(load_rules()) == everything(plain)


def test_a_cached_parse_that_fails_a_check_is_dropped_for_the_yaml(cache_dir: Path) -> None:
    plain = load_rules(cache=False)
    load_rules()
    path = cache_dir / CACHE_FILE
    header, files = read_cache(path)
    damage_taper_rate(files, "-0.55")  # a rate below 0, which the loader refuses
    write_cache(path, header, files, rehash=True)
    assert everything(load_rules()) == everything(plain)  # the file's own YAML, not the damaged cache
    assert read_cache(path)[1] != files  # and the cache is rewritten


def test_nothing_is_cached_from_a_load_that_fails(cache_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "overlay"
    (bad / "hmrc").mkdir(parents=True)
    (bad / "hmrc" / "x.yaml").write_text("a: [unclosed\n", encoding="utf-8")
    with pytest.raises(RulesError):
        load_rules(bad)
    assert not (cache_dir / CACHE_FILE).exists()


def test_an_empty_cache_dir_setting_switches_the_cache_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BENEFITCALC_CACHE_DIR", "")
    assert loader.cache_dir() is None
    assert ParsedFilesCache.open() is None


def test_an_unwritable_cache_dir_costs_nothing_but_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a file, not a directory"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("BENEFITCALC_CACHE_DIR", str(blocker / "cache"))
    assert everything(load_rules()) == everything(load_rules(cache=False))


def test_a_value_the_format_cannot_hold_exactly_is_not_cached(cache_dir: Path) -> None:
    cache = ParsedFilesCache.open()
    assert cache is not None
    cache.parse(b"a: !!binary aGVsbG8=\n", "x.yaml")
    cache.checked()
    cache.save()
    assert not (cache_dir / CACHE_FILE).exists()


def test_a_batch_that_failed_its_checks_is_not_cached(cache_dir: Path) -> None:
    cache = ParsedFilesCache.open()
    assert cache is not None
    cache.parse(b"a: 1\n", "x.yaml")
    cache.failed()
    cache.save()
    assert not (cache_dir / CACHE_FILE).exists()


def test_the_cache_keeps_one_entry_a_file(cache_dir: Path) -> None:
    cache = ParsedFilesCache.open()
    assert cache is not None
    for data in (b"a: 1\n", b"a: 2\n", b"a: 2\n"):
        cache.parse(data, "rules/x.yaml")
        cache.parse(b"b: 1\n", "rules/y.yaml")
        cache.checked()
        cache.save()
    _, files = read_cache(cache_dir / CACHE_FILE)
    assert files == {file_key(b"a: 2\n"): {"a": 2}, file_key(b"b: 1\n"): {"b": 1}}
    again = ParsedFilesCache.open()
    assert again is not None
    assert again.parse(b"a: 2\n", "rules/x.yaml") == {"a": 2} and (again.hits, again.parsed) == (1, 0)


def test_rules_validate_parses_the_yaml_not_the_cache(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> None:
        raise AssertionError("rules validate must not use the parse cache")

    monkeypatch.setattr(ParsedFilesCache, "open", refuse)
    result = CliRunner().invoke(cli.main, ["rules", "validate"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok: ")


# Everything PyYAML's safe loader (with benefitcalc's constructors) can produce that the cache holds.
_keys = st.one_of(
    st.text(max_size=8),
    st.sampled_from(["$decimal", "$date", "$datetime", "$map", "$other"]),
    st.dates(),
    st.integers(),
    st.booleans(),
)
_zones = st.one_of(
    st.none(), st.builds(timezone, st.integers(-18 * 60 + 1, 18 * 60 - 1).map(lambda m: timedelta(minutes=m)))
)
_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=12),
    st.decimals(allow_nan=False, allow_infinity=False),
    st.dates(),
    st.datetimes(timezones=_zones),
)
_parsed = st.recursive(
    _scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_keys, inner, max_size=4), max_leaves=20
)


def _exact(value: Any) -> Any:
    """A form that equality compares exactly: type, decimal digits and exponent, key order."""
    if isinstance(value, dict):
        return ("map", [(_exact(k), _exact(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [_exact(v) for v in value])
    if isinstance(value, Decimal):
        return ("decimal", value.as_tuple())
    if isinstance(value, datetime):
        return ("datetime", value.isoformat())
    return (type(value).__name__, value)


@settings(max_examples=100, deadline=None)
@given(_parsed)
def test_the_cache_format_gives_back_exactly_what_was_parsed(value: Any) -> None:
    back = json.loads(json.dumps(loader._to_json(value)), object_hook=loader._from_json)
    assert _exact(back) == _exact(value)


# --- RuleSet.derived -------------------------------------------------------------------------


def test_derived_builds_once_per_key_and_keeps_nothing_from_a_failure() -> None:
    rules = load_rules(
        base_dir=Path(__file__).parent.parent / "fixtures" / "rules_midyear"
    )  # a rule set of this test's own
    calls: list[str] = []

    def build(name: str) -> str:
        calls.append(name)
        return name.upper()

    assert rules.derived(("test", "a"), lambda: build("a")) == "A"
    assert rules.derived(("test", "a"), lambda: build("a")) == "A"
    assert rules.derived(("test", "b"), lambda: build("b")) == "B"
    assert calls == ["a", "b"]

    def fail() -> str:
        calls.append("fail")
        raise RulesError("no", "x")

    for _ in range(2):
        with pytest.raises(RulesError):
            rules.derived(("test", "c"), fail)
    assert calls == ["a", "b", "fail", "fail"]


# --- the CLI's paused collector --------------------------------------------------------------


def test_sweep_runs_with_the_collector_paused_and_switches_it_back_on(monkeypatch: pytest.MonkeyPatch) -> None:
    import benefitcalc.api

    seen: list[bool] = []
    real = benefitcalc.api.to_json

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(benefitcalc.api, "to_json", spy)
    assert gc.isenabled()
    result = CliRunner().invoke(cli.main, ["sweep", "--example", "--hours", "0,16", "--json"])
    assert result.exit_code == 0, result.output
    assert seen == [False]
    assert gc.isenabled()

    gc.disable()  # a caller that had switched it off keeps it off
    try:
        CliRunner().invoke(cli.main, ["calc", "--example", "--hours", "16", "--json"])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_command_line_starts_without_the_heavy_libraries() -> None:
    """`benefitcalc --help` and `--version` import neither pydantic nor the report, web or batch
    libraries: each command imports what it needs when it runs (a cold start stays fast)."""
    import subprocess
    import sys

    heavy = ("pydantic", "fpdf", "fastapi", "uvicorn", "openpyxl", "tqdm", "yaml")
    code = f"import sys, benefitcalc.cli; print([m for m in {heavy!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
