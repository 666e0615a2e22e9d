"""Hostile inputs for fuzz tests: hypothesis strategies of scenarios, rules files and batch lines,
generated and mutated, and the check that a command met them cleanly.

Shared by the fuzz tests of each input path (command line, batch, HTTP). The tests run with
``--import-mode=importlib``, so a test file loads this module by its path::

    import importlib.util
    spec = importlib.util.spec_from_file_location("hostile", Path(__file__).parents[1] / "hostile.py")
    hostile = importlib.util.module_from_spec(spec); spec.loader.exec_module(hostile)

then uses ``hostile.documents()`` (bytes of a JSON or YAML scenario), ``hostile.batch_lines()``
(a list of lines as bytes) or ``hostile.items()`` (request items as JSON bytes), and
``hostile.assert_clean(result, allowed)``.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st

# Households that are valid as they stand; mutations start from them. Hours are few so each
# calculation is quick.
SEEDS: tuple[dict[str, Any], ...] = (
    {"date": "2025-06-01", "adults": [{"name": "Ann", "age": 30, "job": {"hourly_pay": 12.21, "hours": 16}}]},
    {
        "date": "2026-11-23",
        "adults": [
            {"name": "Jo", "age": 28, "job": {"hourly_pay": 12.71, "hours": 20, "pension": "auto_enrolment"}},
            {"name": "Kim", "age": 31, "earnings": {"amount": 900, "period": "month"}},
        ],
        "children": [{"age": 7}, {"age": 4}],
        "housing": {"tenure": "social_rent", "rent": {"amount": 650, "period": "month"}},
        "childcare": {"amount": 300, "period": "month"},
    },
    {
        "date": "2026-11-23",
        "nation": "scotland",
        "adults": [
            {
                "name": "Sam",
                "age": 34,
                "job": {"hourly_pay": 12.71, "hours": 16},
                "universal_credit_health": "lcwra",
                "new_style_esa": "support",
            }
        ],
        "housing": {"tenure": "private_rent", "rent": {"amount": 112.5, "period": "week"}},
    },
)

# Text that a JSON or YAML number, string or structure can be replaced with: each is refused
# cleanly, or read as a value the scenario's checks refuse (or accept).
HOSTILE_JSON_VALUES = (
    "NaN",
    "Infinity",
    "-Infinity",
    "1e999999",
    "9" * 5000,
    "-0.0",
    "1e-400",
    '"' + "x" * 20_000 + '"',
    "[" * 3000 + "]" * 3000,
    "{" + '"a":' * 0 + "}",
    '"\\ud800"',
    '"£12.21"',
    '"12,21"',
    "true",
    "null",
    "[]",
    "{}",
    '"2024-02-30"',
    '"northern_ireland"',
    "-1",
    "169",
    "0",
)
HOSTILE_BYTES = (b"\xa3", b"\xef\xbb\xbf", b"\x00", b"\xff\xfe", b"\x81", b"\r", b"\t", b"\\", b'"', b"\n")


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON value (a key path) where a value sits."""
    out = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            out += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            out += _paths(item, (*prefix, index))
    return out


_MARK = "\u0000HOSTILE\u0000"


def _replace_at(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {k: (_replace_at(v, rest, new) if k == head else v) for k, v in value.items()}
    return [(_replace_at(v, rest, new) if i == head else v) for i, v in enumerate(value)]


@st.composite
def json_texts(draw: st.DrawFn) -> str:
    """A seed scenario as JSON with one value swapped for hostile text, a key added or repeated."""
    seed = draw(st.sampled_from(SEEDS))
    path = draw(st.sampled_from(_paths(seed)))
    action = draw(st.sampled_from(["value", "unknown_key", "duplicate_key", "as_is"]))
    if action == "value":
        text = json.dumps(_replace_at(seed, path, _MARK))
        return text.replace(json.dumps(_MARK), draw(st.sampled_from(HOSTILE_JSON_VALUES)), 1)
    text = json.dumps(seed)
    if action == "unknown_key":
        return text.replace("{", '{"' + draw(st.text(max_size=12)).replace('"', "") + '": 1, ', 1)
    if action == "duplicate_key":
        return text.replace('{"date"', '{"date": "2025-06-01", "date"', 1)
    return text


@st.composite
def yaml_texts(draw: st.DrawFn) -> str:
    """A seed scenario as YAML (JSON is YAML), perhaps with anchors and aliases, tags, or deep nesting."""
    text = draw(json_texts())
    extra = draw(
        st.sampled_from(
            [
                "",
                "x: &a [1, 2]\ny: [" + ", ".join(["*a"] * 40) + "]\n",
                "!!python/object/apply:os.system ['true']\n",
                "a: !!float .nan\n",
                "[" * 200 + "]" * 200 + "\n",
                "\tadults: []\n",
                "adults: &x\n  - *x\n",
                "date: 2024-02-30\n",
            ]
        )
    )
    return extra if extra and draw(st.booleans()) else text


@st.composite
def mutated_bytes(draw: st.DrawFn, texts: st.SearchStrategy[str]) -> bytes:
    """Text as UTF-8, then perhaps cut short or with hostile bytes put in."""
    data = draw(texts).encode("utf-8", "surrogatepass")
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(data)))
        if draw(st.booleans()):
            data = data[:at]
        else:
            data = data[:at] + draw(st.sampled_from(HOSTILE_BYTES)) + data[at:]
    return data


def documents() -> st.SearchStrategy[tuple[str, bytes]]:
    """(suffix, bytes) of a scenario file: ``.json`` or ``.yaml``."""
    return st.one_of(
        st.tuples(st.just(".json"), mutated_bytes(json_texts())),
        st.tuples(st.just(".yaml"), mutated_bytes(yaml_texts())),
    )


def items() -> st.SearchStrategy[bytes]:
    """A request item (``{"id", "scenario", "hours", "period"}``) as JSON bytes, mutated."""
    hours = st.sampled_from(["[16]", '"0:16:8"', '"0:9999:1"', "[-1]", '"x"', "[]", "[true]", "NaN", "[1e999]"])
    period = st.sampled_from(['"week"', '"month"', '"fortnight"', "3"])

    @st.composite
    def build(draw: st.DrawFn) -> str:
        scenario = draw(json_texts())
        ident, when, per = draw(st.integers(0, 10**6)), draw(hours), draw(period)
        return f'{{"id": {ident}, "scenario": {scenario}, "hours": {when}, "period": {per}}}'

    return mutated_bytes(build())


def batch_lines() -> st.SearchStrategy[list[bytes]]:
    """A batch file's lines: items, bare scenarios, blank lines and garbage, none containing a newline."""
    line = st.one_of(
        items(),
        mutated_bytes(json_texts()),
        st.sampled_from([b"", b"   ", b"[1, 2]", b'"text"', b"null", b"{", b"\xa3\xa3", b"[" * 5000]),
        st.binary(max_size=40),
    )
    return st.lists(line.map(lambda data: data.replace(b"\n", b" ").replace(b"\r", b" ")), min_size=1, max_size=6)


def assert_clean(result: Any, allowed: tuple[int, ...]) -> None:
    """A click CliRunner result: an allowed exit code, and no traceback (no exception but SystemExit)."""
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in allowed, (result.exit_code, result.output)
    assert "Traceback" not in result.output
