"""The one place where input text is decoded and parsed: scenarios, rules files, batch lines.

Every file, batch line or request body that benefitcalc reads passes through here first, so a bad
input is refused with one plain :class:`~benefitcalc.errors.BenefitcalcError` naming the file (or
row) and the field, never a traceback. The limits are generous for real households and rules files
(the shipped rules nest 8 levels deep, their longest text is about 1,100 characters and their
longest number has 7 digits) and small enough that no input can exhaust memory, the stack or the
time of a worker:

``MAX_BYTES``
    the size of one document (a scenario file, a rules file, one batch line): 4 MiB.
``MAX_DEPTH``
    lists and mappings inside each other: 32 levels. JSON is scanned for depth *before* it is
    parsed, YAML event by event before it is composed, so thousands of ``[`` never reach Python's
    recursion limit.
``MAX_STRING``
    one text value or key: 10,000 characters.
``MAX_NUMBER_DIGITS`` and ``MAX_EXPONENT``
    one number: at most 24 digits and a decimal exponent from -24 to 24 (``1e999999`` would make
    exact decimal arithmetic slow or fail later). ``NaN`` and the infinities are refused.
``MAX_EXPANDED_VALUES``
    values in one YAML document with every alias (``*name``) written out: 100,000. An alias
    repeats the anchored value, so a few lines of nested aliases ("billion laughs") stand for a
    document of billions of values; reusing a reference list under each dated value is fine.

Duplicate keys are refused too (the last one would silently win): by the JSON parser here, and by
the strict YAML reader (:mod:`benefitcalc.loader.strict_yaml`) for YAML.

Low in the package: it imports only the errors, the standard library and (when YAML is checked)
PyYAML, so the scenario, the loader, batch and the HTTP service all read input the same way.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from benefitcalc.errors import BenefitcalcError, ScenarioError

MAX_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 32
MAX_STRING = 10_000
MAX_NUMBER_DIGITS = 24
MAX_EXPONENT = 24
MAX_EXPANDED_VALUES = 100_000

ErrorType = type[BenefitcalcError]

# Bytes that Windows-1252 leaves undefined: a text with any of them is not Windows-1252.
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


# --- decoding -------------------------------------------------------------------------------------


def decode_text(data: bytes, where: str, error: ErrorType = ScenarioError, what: str = "file") -> str:
    """``data`` as text: UTF-8, with or without a byte-order mark; anything else is refused.

    The message says where the first bad byte is and, when the bytes read as Windows-1252 (what
    Notepad and Excel write by default on Windows), says so and how to save the file as UTF-8.
    """
    check_size(len(data), where, error, what)
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        raise error(
            f"not UTF-8 text: the {what} is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8", where
        )
    try:
        return data.removeprefix(codecs.BOM_UTF8).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error(_not_utf8(data, exc.start, what), where) from None


def _not_utf8(data: bytes, start: int, what: str) -> str:
    byte = data[start]
    line = data.count(b"\n", 0, start) + 1
    column = start - (data.rfind(b"\n", 0, start) + 1) + 1
    at = f"line {line}, column {column}" if what == "file" else f"column {column}"
    head = f"not UTF-8 text: byte 0x{byte:02X} at {at} is not UTF-8"
    if byte >= 0x80 and not _CP1252_UNDEFINED.intersection(data):
        char = bytes([byte]).decode("cp1252")
        return (
            f"{head}; the {what} looks like Windows-1252 (where 0x{byte:02X} is {char!r}), which Notepad and Excel "
            "write by default: save the file again as UTF-8 (Notepad: Save as, Encoding UTF-8; Excel: Save as, "
            "CSV UTF-8)"
        )
    return f"{head}; save the file as UTF-8"


def check_size(size: int, where: str, error: ErrorType = ScenarioError, what: str = "file") -> None:
    """Refuse a document of more than MAX_BYTES."""
    if size > MAX_BYTES:
        raise error(f"the {what} is {size:,} bytes; at most {MAX_BYTES:,} are read", where)


def read_file(path: str | Path, error: ErrorType = ScenarioError) -> str:
    """A file's text, decoded as above; its size is checked before it is read."""
    file = Path(path)
    try:
        check_size(file.stat().st_size, str(path), error)
        data = file.read_bytes()
    except FileNotFoundError:
        raise error("no such file", str(path)) from None
    except OSError as exc:
        raise error(f"cannot read the file: {exc.strerror or exc}", str(path)) from None
    return decode_text(data, str(path), error)


# --- limits on values -----------------------------------------------------------------------------


def field_path(parts: Sequence[str | int], empty: str = "the document") -> str:
    """A field's place as the user wrote it (``adults[0].job.hours``); a key with a line break or a
    control character is shown quoted (``adults[0]['\\name']``), so the message stays on one line."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif not part.isprintable():
            out += f"[{part!r}]"
        else:
            out += f".{part}" if out else part
    return out or empty


def _shown_number(text: str) -> str:
    return text if len(text) <= 24 else f"{text[:20]}... ({len(text):,} characters)"


def number_problem(text: str) -> str | None:
    """Why the decimal number ``text`` (as written: ``-12.5e3``) is refused, or None."""
    mantissa, _, exponent = text.lower().lstrip("+-").partition("e")
    digits = sum(ch.isdigit() for ch in mantissa)
    if digits > MAX_NUMBER_DIGITS or len(exponent) > 6 or (exponent and abs(int(exponent)) > MAX_EXPONENT):
        return (
            f"the number {_shown_number(text)} is too large to read (at most {MAX_NUMBER_DIGITS} digits "
            f"and an exponent from -{MAX_EXPONENT} to {MAX_EXPONENT})"
        )
    return None


def _string_problem(text: str) -> str | None:
    if len(text) > MAX_STRING:
        return f"text of {len(text):,} characters is longer than the {MAX_STRING:,} allowed"
    return None


def _not_finite(token: str) -> str:
    return f"{token} is not a number benefitcalc can use; give a finite number"


# --- JSON -----------------------------------------------------------------------------------------


class _Refused:
    """A value the JSON parser met but cannot accept; found (with its place) by :func:`_check_tree`."""

    __slots__ = ("problem",)

    def __init__(self, problem: str) -> None:
        self.problem = problem


class _Duplicated(dict[str, Any]):
    """An object with a repeated key (the first repeat is ``duplicate``)."""

    duplicate: str = ""


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            dup = _Duplicated(out)
            dup.duplicate = key
            return dup
        out[key] = value
    return out


def _parse_int(text: str) -> int | _Refused:
    problem = number_problem(text)
    return _Refused(problem) if problem else int(text)


def _parse_float(text: str) -> Decimal | _Refused:
    problem = number_problem(text)
    return _Refused(problem) if problem else Decimal(text)


_TOKEN = re.compile(r'[\[\]{}"]')
_STRING_REST = re.compile(r'(?:[^"\\]++|\\.)*+"', re.S)


def _check_depth(text: str, where: str, error: ErrorType) -> None:
    """Refuse JSON nested more than MAX_DEPTH deep, before parsing it (strings skipped, not parsed)."""
    depth = 0
    pos = 0
    while (match := _TOKEN.search(text, pos)) is not None:
        char, pos = match.group(), match.end()
        if char == '"':
            rest = _STRING_REST.match(text, pos)
            if rest is None:
                return  # an unterminated string: the parser says where
            pos = rest.end()
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line = text.count("\n", 0, match.start()) + 1
                column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
                raise error(
                    f"nested more than {MAX_DEPTH} levels deep at line {line}, column {column} "
                    f"(lists and objects inside each other); at most {MAX_DEPTH} are read",
                    where,
                )
        else:
            depth -= 1


def _check_tree(value: Any, parts: list[str | int], where: str, error: ErrorType, prefix: str) -> None:
    """Find what the JSON parser marked as refused, or a text too long, and name its field."""
    if isinstance(value, _Refused):
        raise error(f"{prefix}{field_path(parts)}: {value.problem}", where)
    if isinstance(value, str):
        problem = _string_problem(value)
        if problem:
            raise error(f"{prefix}{field_path(parts)}: {problem}", where)
    elif isinstance(value, dict):
        if isinstance(value, _Duplicated):
            raise error(
                f"{prefix}duplicate key {value.duplicate!r} in {field_path(parts)} (the last one would silently win)",
                where,
            )
        for key, item in value.items():
            problem = _string_problem(key)
            if problem:
                raise error(f"{prefix}a key in {field_path(parts)}: {problem}", where)
            _check_tree(item, [*parts, key], where, error, prefix)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_tree(item, [*parts, index], where, error, prefix)


def _constant(token: str) -> _Refused:
    return _Refused(_not_finite(token))


def parse_json(text: str, where: str, error: ErrorType = ScenarioError, what: str = "file") -> Any:
    """Parse JSON safely: decimals exact, integers as ``int``, every limit above checked.

    Errors start ``not valid JSON:`` and name the field (``adults[0].job.hourly_pay``).
    """
    check_size(len(text), where, error, what)
    _check_depth(text, where, error)
    try:
        data = json.loads(
            text, parse_float=_parse_float, parse_int=_parse_int, parse_constant=_constant, object_pairs_hook=_pairs
        )
    except ValueError as exc:  # json.JSONDecodeError is a ValueError
        raise error(f"not valid JSON: {exc}", where) from None
    except RecursionError:  # pragma: no cover - the depth scan refuses what could recurse this far
        raise error(f"not valid JSON: nested more than {MAX_DEPTH} levels deep", where) from None
    _check_tree(data, [], where, error, "not valid JSON: ")
    return data


# --- YAML -----------------------------------------------------------------------------------------


class _Frame:
    """One open mapping or list while YAML events are scanned: where in it the next value goes."""

    __slots__ = ("is_map", "key", "expect_key", "index")

    def __init__(self, is_map: bool) -> None:
        self.is_map = is_map
        self.key: str = "?"
        self.expect_key = is_map
        self.index = 0

    def part(self) -> str | int:
        return self.key if self.is_map else self.index

    def done(self) -> None:
        """A value (or a key) ended in this collection."""
        if self.is_map:
            self.expect_key = not self.expect_key
        else:
            self.index += 1


_NOT_FINITE_YAML = frozenset({".nan", ".inf", "+.inf", "-.inf"})


@lru_cache(maxsize=1)
def _resolver() -> Any:
    """PyYAML's resolver (which tag a plain scalar gets: int, float, text...), built once."""
    import yaml

    return yaml.resolver.Resolver()


def _yaml_scalar_problem(value: str, plain: bool) -> str | None:
    problem = _string_problem(value)
    if problem or not plain:
        return problem
    import yaml

    tag = _resolver().resolve(yaml.ScalarNode, value, (True, False))
    if tag == "tag:yaml.org,2002:float" and value.lower() in _NOT_FINITE_YAML:
        return _not_finite(value)
    if tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
        text = value.replace("_", "")
        if text.lower().lstrip("+-").startswith(("0x", "0o", "0b")) or ":" in text:
            return number_problem("9" * len(text)) if len(text) > MAX_NUMBER_DIGITS else None
        return number_problem(text)
    return None


def _events(text: str) -> Iterator[Any]:
    import yaml

    return iter(yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))


def check_yaml(text: str, where: str, error: ErrorType = ScenarioError, what: str = "file") -> None:  # noqa: C901 - one branch per kind of YAML event, kept together so the walk reads as one
    """Scan YAML event by event, before it is composed: refuse too deep nesting, aliases that expand
    the document beyond ``MAX_EXPANDED_VALUES``,
    long texts and numbers too large or not finite, naming the field and line.

    Syntax errors are left to the reader that parses the text next (it reports them with their place).
    """
    import yaml

    check_size(len(text), where, error, what)
    frames: list[_Frame] = []
    # Values in the document with every alias written out; an anchored value's own such count.
    expanded = 0
    anchored: dict[str, int] = {}
    starts: list[tuple[str | None, int]] = []

    def refuse(mark: Any, problem: str, field: bool = True) -> BenefitcalcError:
        if not field:  # nesting too deep: the field's name would be as long as the nesting
            return error(f"line {mark.line + 1}: {problem}", where)
        return error(f"{field_path([frame.part() for frame in frames])} (line {mark.line + 1}): {problem}", where)

    try:
        for event in _events(text):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                starts.append((event.anchor, expanded))
                expanded += 1
                if frames and frames[-1].expect_key:
                    frames[-1].key = "?"  # a list or mapping used as a key: the schema refuses it later
                frames.append(_Frame(isinstance(event, yaml.MappingStartEvent)))
                if len(frames) > MAX_DEPTH:
                    raise refuse(
                        event.start_mark,
                        f"nested more than {MAX_DEPTH} levels deep (lists and mappings inside each other); "
                        f"at most {MAX_DEPTH} are read",
                        field=False,
                    )
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                anchor, start = starts.pop()
                if anchor is not None:
                    anchored[anchor] = expanded - start
                frames.pop()
                if frames:
                    frames[-1].done()
            elif isinstance(event, yaml.AliasEvent):
                expanded += anchored.get(event.anchor or "", 1)
                if expanded > MAX_EXPANDED_VALUES:
                    raise refuse(
                        event.start_mark,
                        f"with its aliases written out (*{event.anchor}) the document holds more than "
                        f"{MAX_EXPANDED_VALUES:,} values; write the values out or repeat fewer "
                        "(aliases are limited so that a small file cannot stand for a huge one)",
                    )
                if frames:
                    frames[-1].done()
            elif isinstance(event, yaml.ScalarEvent):
                expanded += 1
                if event.anchor is not None:
                    anchored[event.anchor] = 1
                if frames and frames[-1].expect_key:
                    frames[-1].key = event.value if len(event.value) <= 80 else event.value[:77] + "..."
                problem = _yaml_scalar_problem(event.value, event.style in (None, "") and event.tag is None)
                if problem:
                    raise refuse(event.start_mark, problem)
                if frames:
                    frames[-1].done()
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow; PyYAML's message spans lines
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        raise error(
            f"line {line}, column {column}: the character {chr(exc.character)!r} is not allowed in YAML "
            "(a control character); remove it",
            where,
        ) from None
    except yaml.YAMLError:
        return  # a syntax error: the reader reports it with its line and column
