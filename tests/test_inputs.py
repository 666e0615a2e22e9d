"""Hardened inputs (benefitcalc.inputs): every refusal is one plain message naming the file and field.

Each case is the input a new user could really produce (a file saved by Notepad in Windows-1252,
a generated JSON file nested thousands deep, a YAML "billion laughs"), run through the command
line: exit code 2, no traceback, and the exact message.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from benefitcalc.cli import main
from benefitcalc.errors import RulesError, ScenarioError
from benefitcalc.inputs import (
    MAX_DEPTH,
    MAX_EXPANDED_VALUES,
    MAX_EXPONENT,
    MAX_NUMBER_DIGITS,
    MAX_STRING,
    check_yaml,
    decode_text,
    parse_json,
)
from click.testing import CliRunner, Result

JOB = '"job": {"hourly_pay": 12.21, "hours": 16}'
TOO_LARGE = (
    f"is too large to read (at most {MAX_NUMBER_DIGITS} digits and an exponent from -{MAX_EXPONENT} to {MAX_EXPONENT})"
)


def refused(result: Result) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.stderr


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_the_limits_are_stated() -> None:
    # The shipped rules nest 8 deep, their longest text is about 1,100 characters, their longest number 7 digits.
    assert (MAX_DEPTH, MAX_STRING, MAX_NUMBER_DIGITS, MAX_EXPONENT, MAX_EXPANDED_VALUES) == (
        32,
        10_000,
        24,
        24,
        100_000,
    )


# --- scenario files ---------------------------------------------------------------------------

LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi")
)
TOO_EXPANDED = (
    "with its aliases written out (*e) the document holds more than 100,000 values; write the values out "
    "or repeat fewer (aliases are limited so that a small file cannot stand for a huge one)"
)

CASES = [
    (
        "deep.json",
        "[" * 5000 + "]" * 5000,
        "nested more than 32 levels deep at line 1, column 33 (lists and objects inside each other); at most 32 are read",
    ),
    (
        "nan.json",
        '{"adults": [{"age": 30, "job": {"hourly_pay": NaN, "hours": 16}}]}',
        "not valid JSON: adults[0].job.hourly_pay: NaN is not a number benefitcalc can use; give a finite number",
    ),
    (
        "inf.json",
        '{"adults": [{"age": 30, "job": {"hourly_pay": 12, "hours": -Infinity}}]}',
        "not valid JSON: adults[0].job.hours: -Infinity is not a number benefitcalc can use; give a finite number",
    ),
    (
        "exponent.json",
        '{"adults": [{"age": 30, "job": {"hourly_pay": 1e999999, "hours": 16}}]}',
        f"not valid JSON: adults[0].job.hourly_pay: the number 1e999999 {TOO_LARGE}",
    ),
    (
        "digits.json",
        '{"adults": [{"age": ' + "9" * 5000 + ", " + JOB + "}]}",
        f"not valid JSON: adults[0].age: the number 99999999999999999999... (5,000 characters) {TOO_LARGE}",
    ),
    (
        "long.json",
        '{"adults": [{"name": "' + "x" * 20_000 + '", "age": 30, ' + JOB + "}]}",
        "not valid JSON: adults[0].name: text of 20,000 characters is longer than the 10,000 allowed",
    ),
    (
        "long_key.json",
        '{"adults": [{"' + "k" * 10_001 + '": 1}]}',
        "not valid JSON: a key in adults[0]: text of 10,001 characters is longer than the 10,000 allowed",
    ),
    (
        "dup.json",
        '{"adults": [{"age": 30, "age": 31, ' + JOB + "}]}",
        "not valid JSON: duplicate key 'age' in adults[0] (the last one would silently win)",
    ),
    (
        "deep.yaml",
        "[" * 500 + "]" * 500,
        "line 1: nested more than 32 levels deep (lists and mappings inside each other); at most 32 are read",
    ),
    (
        "nan.yaml",
        "adults:\n  - age: 30\n    job: {hourly_pay: .nan, hours: 16}\n",
        "adults[0].job.hourly_pay (line 3): .nan is not a number benefitcalc can use; give a finite number",
    ),
    (
        "digits.yaml",
        "adults:\n  - age: 30\n    job: {hourly_pay: 1" + "0" * 30 + ".5, hours: 16}\n",
        f"adults[0].job.hourly_pay (line 3): the number 10000000000000000000... (33 characters) {TOO_LARGE}",
    ),
    (
        "long.yaml",
        "adults:\n  - age: 30\n    name: " + "y" * 10_001 + "\n",
        "adults[0].name (line 3): text of 10,001 characters is longer than the 10,000 allowed",
    ),
    (
        # "Billion laughs": levels of nine aliases each stand for 9**9 copies of "lol". Written out,
        # a holds 10 values, b 1 + 9 x 10 = 91, c 820, d 7,381, e 66,430; the document's running
        # count reaches 74,740 at the start of f, and f's first alias adds 66,430: over 100,000.
        "laughs.yaml",
        LAUGHS,
        "f[0] (line 6): " + TOO_EXPANDED,
    ),
]


@pytest.mark.parametrize(("name", "text", "message"), CASES, ids=[case[0] for case in CASES])
def test_a_scenario_file_beyond_a_limit_is_refused(tmp_path: Path, name: str, text: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert refused(run("sweep", str(path), "--hours", "16")) == f"benefitcalc: error: {path}: {message}\n"


def test_a_few_aliases_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "anchors.yaml"
    path.write_text(
        "job: &job {hourly_pay: 12.21, hours: 16}\nscenario:\n  adults:\n    - {age: 30, job: *job}\n",
        encoding="utf-8",
    )
    check_yaml(path.read_text(), str(path))  # one alias: within the budget, nothing refused
    # the same reference list reused under 200 dated values: 200 aliases, a few thousand values
    reused = "ref: &ref [{title: t, href: https://www.gov.uk/x}]\n" + "".join(f"v{i}: *ref\n" for i in range(200))
    check_yaml(reused, "reused.yaml")


WINDOWS_1252 = (
    "not UTF-8 text: byte 0xA3 at line 2, column 15 is not UTF-8; the file looks like Windows-1252 "
    "(where 0xA3 is '£'), which Notepad and Excel write by default: save the file again as UTF-8 "
    "(Notepad: Save as, Encoding UTF-8; Excel: Save as, CSV UTF-8)"
)


def test_a_windows_1252_scenario_is_refused_saying_so(tmp_path: Path) -> None:
    path = tmp_path / "notepad.yaml"
    path.write_bytes("adults:\n  - name: Ann £\n    age: 30\n".encode("cp1252"))
    assert refused(run("sweep", str(path))) == f"benefitcalc: error: {path}: {WINDOWS_1252}\n"


def test_other_encodings() -> None:
    with pytest.raises(ScenarioError) as caught:
        decode_text("adults: []\n".encode("utf-16"), "s.yaml")
    assert caught.value.message == (
        "not UTF-8 text: the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8"
    )
    # 0x81 is not a Windows-1252 character, so no guess is made.
    with pytest.raises(ScenarioError) as caught:
        decode_text(b"a: \x81\xa3\n", "s.yaml")
    assert caught.value.message == "not UTF-8 text: byte 0x81 at line 1, column 4 is not UTF-8; save the file as UTF-8"
    # A UTF-8 byte-order mark (what Windows tools add) is allowed and dropped.
    assert decode_text("\ufeffadults: []\n".encode(), "s.yaml") == "adults: []\n"


def test_json_reads_exact_numbers() -> None:
    # Decimals (as written, not floats) and integers.
    assert parse_json('{"a": 12.21, "b": 3, "c": [1.5e2]}', "x") == {"a": Decimal("12.21"), "b": 3, "c": [150]}


# --- rules files --------------------------------------------------------------------------------


@pytest.fixture()
def notepad_rules(tmp_path: Path) -> Path:
    overlay = tmp_path / "overlay"
    (overlay / "hmrc").mkdir(parents=True)
    (overlay / "hmrc" / "income_tax.yaml").write_bytes(
        b"# Saved by Notepad\npersonal_allowance:\n  description: Allowance \xa3 a year\n"
    )
    return overlay


def test_a_windows_1252_rules_file_is_refused_naming_the_file(notepad_rules: Path) -> None:
    where = f"{notepad_rules}/hmrc/income_tax.yaml"
    expected = (
        f"benefitcalc: error: {where}: not UTF-8 text: byte 0xA3 at line 3, column 26 is not UTF-8; the file "
        "looks like Windows-1252 (where 0xA3 is '£'), which Notepad and Excel write by default: save the file again "
        "as UTF-8 (Notepad: Save as, Encoding UTF-8; Excel: Save as, CSV UTF-8)\n"
    )
    assert refused(run("rules", "validate", str(notepad_rules))) == expected
    assert refused(run("sweep", "--example", "--rules", str(notepad_rules))) == expected


def test_rules_files_have_the_same_limits(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "laughs.yaml").write_text(LAUGHS)
    with pytest.raises(RulesError):
        from benefitcalc.loader import load_rules

        load_rules(overlay)
    result = run("rules", "validate", str(overlay))
    assert refused(result) == (f"benefitcalc: error: {overlay}/laughs.yaml: f[0] (line 6): {TOO_EXPANDED}\n")


def test_every_shipped_rules_file_passes_the_scan_the_parse_cache_leaves_out() -> None:
    # The parse cache reads the package's own rules files without check_yaml (parse_yaml's `scan`):
    # this test, and `benefitcalc rules validate`, keep each of them within the limits instead.
    from benefitcalc.loader import shipped_rules_dir

    files = sorted(shipped_rules_dir().rglob("*.yaml"))
    assert len(files) > 100  # the national files, the council schemes and rules.yaml
    for file in files:
        check_yaml(file.read_text(encoding="utf-8"), str(file), RulesError)


def test_a_directory_given_as_the_rules_is_scanned(tmp_path: Path) -> None:
    # Only the shipped files skip the scan: the same alias bomb in a directory given in their place
    # (base_dir, not the parse cache) is refused as in an overlay.
    import shutil

    from benefitcalc.loader import load_rules, shipped_rules_dir

    base = tmp_path / "rules"
    shutil.copytree(shipped_rules_dir(), base)
    (base / "laughs.yaml").write_text(LAUGHS)
    with pytest.raises(RulesError, match="aliases written out"):
        load_rules(base_dir=base)


def test_a_key_with_a_line_break_is_shown_quoted_where_a_limit_refuses_a_value() -> None:
    # The same place-naming as the scenario's own errors (benefitcalc.inputs.field_path): a YAML key
    # written "a\nb" (a line break in it) is shown quoted, so the message stays on one line.
    text = f'adults:\n  - "na\\nme": "{"x" * (MAX_STRING + 1)}"\n'
    with pytest.raises(ScenarioError) as caught:
        check_yaml(text, "s.yaml")
    message = str(caught.value)
    assert "\n" not in message
    assert f"adults[0]['na\\nme'] (line 2): text of {MAX_STRING + 1:,} characters" in message
