"""The rules files' schema: every check on a parameter, a value and a reference (docs/rules.md).

Strict like the YAML reading below it: an unknown or missing key, a bad unit, period, date, number
or link is refused with a message naming the file, the key and what to do. Nothing here reads files;
:mod:`benefitcalc.loader.load` walks the folders and calls :func:`walk` on each file's YAML.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from types import MappingProxyType
from typing import Any
from urllib.parse import urlparse

from msgspec import Struct

from benefitcalc.errors import RulesError
from benefitcalc.loader.tree import Bracket, CarriedForward, DatedValue, ParameterNode, ParameterSpec, Reference
from benefitcalc.periods import parse_tax_year, tax_years_between

UNITS = ("currency-GBP", "/1", "hour", "year", "count", "bool", "text")
PERIODS = ("week", "month", "year", "none")
TYPES = ("amount", "scale", "table")
# How a parameter's value changes each April (docs/rules.md, "Up-rating"): by the CPI (the Secretary
# of State's annual review, SSAA 1992 ss.150 and 150A), by earnings, frozen by statute, by a policy
# decision (e.g. the Low Pay Commission's minimum wage), or not at all (the default).
UPRATING = ("cpi", "earnings", "frozen", "policy", "none")
PARAMETER_KEYS = {"description", "unit", "period", "values", "type", "columns", "note", "uprating"}
REQUIRED_PARAMETER_KEYS = ("description", "unit", "period", "values")
VALUE_KEYS = {"value", "reference", "note", "carried_forward"}
CARRIED_FORWARD_KEYS = ("from", "basis")
NAME = re.compile(r"^[a-z][a-z0-9_]*$")
ALLOWED_HOSTS = ("legislation.gov.uk", "gov.uk", "gov.scot", "gov.wales")
FILE_KEYS = ("reviewed_to",)  # keys a rules file may have at its top level besides `description` and groups


def is_date(value: Any) -> bool:
    """A calendar date, not a date and time (YAML reads ``2024-04-06 09:00`` as a datetime)."""
    return isinstance(value, date) and not isinstance(value, datetime)


@lru_cache(maxsize=4096)
def allowed_href(href: str) -> bool:
    """An https link to one of ALLOWED_HOSTS (or a subdomain). Memoised by ``href``: the rules cite
    the same few hundred pages over a thousand times, and the answer depends on the text alone."""
    url = urlparse(href)
    host = (url.hostname or "").lower()
    return url.scheme == "https" and any(host == h or host.endswith("." + h) for h in ALLOWED_HOSTS)


def _check_reference(raw: Any, where: str) -> tuple[Reference, ...]:
    if not isinstance(raw, list) or not raw:
        raise RulesError("`reference` must be a non-empty list of {title, href}; every value needs a source", where)
    refs = []
    for i, item in enumerate(raw):
        # The common case first, tested as the checks below test it (every value of every file loaded
        # has a reference); anything else goes through them for the message.
        if type(item) is dict and len(item) == 2:
            title, href = item.get("title"), item.get("href")
            if type(title) is str and type(href) is str and title.strip() and allowed_href(href):
                refs.append(Reference(title.strip(), href))
                continue
        here = f"{where}[{i}]"
        if not isinstance(item, dict):
            raise RulesError("each reference must be a mapping with `title` and `href`", here)
        extra = set(item) - {"title", "href"}
        if extra:
            raise RulesError(
                f"unknown key(s) {sorted(extra, key=str)}; a reference has exactly `title` and `href`", here
            )
        title, href = item.get("title"), item.get("href")
        if not isinstance(title, str) or not title.strip():
            raise RulesError("`title` is missing or empty", here)
        if not isinstance(href, str):
            raise RulesError("`href` is missing", here)
        if not allowed_href(href):
            raise RulesError(
                f"`href` {href!r} must be an https link to legislation.gov.uk, gov.uk (or a *.gov.uk council), "
                "gov.scot or gov.wales",
                here,
            )
        refs.append(Reference(title.strip(), href))
    return tuple(refs)


def _check_number(value: Any, unit: str, where: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise RulesError(f"value must be a number for unit {unit!r}, got {value!r}", where)
    number = Decimal(value)
    if number < 0:
        raise RulesError(f"value must not be negative, got {value}", where)
    if unit == "/1" and number > 1:
        raise RulesError(f"a rate (unit '/1') must be between 0 and 1, got {value}", where)
    return number


def _check_scale(value: Any, spec_unit: str, where: str) -> tuple[Bracket, ...]:
    if not isinstance(value, list) or not value:
        raise RulesError("a scale value must be a non-empty list of {threshold, rate}", where)
    brackets = []
    for i, row in enumerate(value):
        here = f"{where}[{i}]"
        if not isinstance(row, dict) or set(row) != {"threshold", "rate"}:
            raise RulesError("each scale row must have exactly `threshold` and `rate`", here)
        brackets.append(
            Bracket(
                _check_number(row["threshold"], spec_unit, here + ".threshold"),
                _check_number(row["rate"], "/1", here + ".rate"),
            )
        )
    if brackets[0].threshold != 0:
        raise RulesError("the first threshold of a scale must be 0", where)
    if any(later.threshold <= earlier.threshold for earlier, later in zip(brackets, brackets[1:])):
        raise RulesError("scale thresholds must be in ascending order", where)
    return tuple(brackets)


def _check_table(value: Any, columns: tuple[str, ...], where: str) -> tuple[MappingProxyType[Any, Any], ...]:
    if not isinstance(value, list):
        raise RulesError("a table value must be a list of rows", where)
    rows = []
    for i, row in enumerate(value):
        here = f"{where}[{i}]"
        if not isinstance(row, dict) or set(row) != set(columns):
            raise RulesError(f"each row must have exactly the columns {list(columns)}", here)
        rows.append(MappingProxyType(dict(row)))
    return tuple(rows)


def _check_value(value: Any, spec_unit: str, spec_type: str, columns: tuple[str, ...], where: str) -> Any:
    if value is None:
        return None  # abolished from this date
    if spec_type == "scale":
        return _check_scale(value, spec_unit, where)
    if spec_type == "table":
        return _check_table(value, columns, where)
    if spec_unit == "bool":
        if not isinstance(value, bool):
            raise RulesError(f"value must be true or false for unit 'bool', got {value!r}", where)
        return value
    if spec_unit == "text":
        if not isinstance(value, str):
            raise RulesError(f"value must be text for unit 'text', got {value!r}", where)
        return value
    if spec_unit == "count":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise RulesError(f"value must be a whole number for unit 'count', got {value!r}", where)
        return value
    return _check_number(value, spec_unit, where)


def _check_columns(raw: dict[str, Any], spec_type: str, where: str) -> tuple[str, ...]:
    if spec_type == "table":
        raw_columns = raw.get("columns")
        if not isinstance(raw_columns, list) or not raw_columns or not all(isinstance(c, str) for c in raw_columns):
            raise RulesError("a table needs `columns`: a list of column names", where + ".columns")
        return tuple(raw_columns)
    if "columns" in raw:
        raise RulesError("`columns` is only for `type: table`", where + ".columns")
    return ()


def _check_carried_forward(raw: Any, start: date, where: str) -> CarriedForward:
    """``carried_forward: {from: DATE, basis: BASIS}`` on a value copied from the value dated ``from``.

    That the value is the one dated ``from`` is checked once overlays are merged
    (:func:`check_carried_values`): the value carried may be in the shipped file, the copy in an overlay.
    """
    if not isinstance(raw, dict) or set(raw) != set(CARRIED_FORWARD_KEYS):
        raise RulesError(
            "`carried_forward` must be a mapping with exactly `from` (the date of the value carried) "
            "and `basis` (cpi, earnings, frozen or policy)",
            where,
        )
    carried_from, basis = raw["from"], raw["basis"]
    if not is_date(carried_from) or carried_from >= start:
        raise RulesError(
            f"`from` must be the date YYYY-MM-DD of the earlier value carried, before {start.isoformat()}; "
            f"got {carried_from!r}",
            where + ".from",
        )
    bases = [b for b in UPRATING if b != "none"]
    if basis not in bases:
        raise RulesError(f"basis {basis!r} is not one of {bases}", where + ".basis")
    return CarriedForward(carried_from, basis)


def _check_dated(key: Any, entry: Any, spec: tuple[str, str, tuple[str, ...]], where: str, file: str) -> DatedValue:
    """One entry of `values`: ``key`` its effective date; ``spec`` the parameter's unit, type and columns."""
    here = f"{where}.values.{key}"
    if not is_date(key):
        raise RulesError(f"{key!r} is not a date; keys of `values` are effective dates YYYY-MM-DD", here)
    if not isinstance(entry, dict):
        raise RulesError("a value entry must be a mapping with `value` and `reference`", here)
    extra = set(entry) - VALUE_KEYS
    if extra:
        raise RulesError(f"unknown key(s) {sorted(extra, key=str)}; a value entry may have {sorted(VALUE_KEYS)}", here)
    if "value" not in entry:
        raise RulesError("missing `value` (use `value: null` to mark abolition)", here)
    if "reference" not in entry:
        raise RulesError("missing `reference`: every value must cite its source", here)
    unit, spec_type, columns = spec
    value = _check_value(entry["value"], unit, spec_type, columns, here + ".value")
    refs = _check_reference(entry["reference"], here + ".reference")
    value_note = entry.get("note")
    if value_note is not None and not isinstance(value_note, str):
        raise RulesError("`note` must be text", here + ".note")
    carried = (
        _check_carried_forward(entry["carried_forward"], key, here + ".carried_forward")
        if "carried_forward" in entry
        else None
    )
    return DatedValue(key, value, refs, value_note, file, carried)


def _check_parameter(raw: dict[str, Any], path: str, file: str) -> ParameterSpec:
    where = f"{file}: {path}"
    unknown = set(raw) - PARAMETER_KEYS
    if unknown:
        raise RulesError(
            f"unknown key(s) {sorted(unknown, key=str)}; a parameter may have {sorted(PARAMETER_KEYS)}", where
        )
    for key in REQUIRED_PARAMETER_KEYS:
        if key not in raw:
            raise RulesError(f"missing `{key}`", where)
    description, unit, period = raw["description"], raw["unit"], raw["period"]
    spec_type = raw.get("type", "amount")
    uprating = raw.get("uprating", "none")
    if not isinstance(description, str) or not description.strip():
        raise RulesError("`description` must be a non-empty sentence", where)
    if unit not in UNITS:
        raise RulesError(f"unit {unit!r} is not one of {list(UNITS)}", where + ".unit")
    if period not in PERIODS:
        raise RulesError(f"period {period!r} is not one of {list(PERIODS)}", where + ".period")
    if spec_type not in TYPES:
        raise RulesError(f"type {spec_type!r} is not one of {list(TYPES)}", where + ".type")
    if uprating not in UPRATING:
        raise RulesError(f"uprating {uprating!r} is not one of {list(UPRATING)}", where + ".uprating")
    columns = _check_columns(raw, spec_type, where)
    note = raw.get("note")
    if note is not None and not isinstance(note, str):
        raise RulesError("`note` must be text", where + ".note")
    values = raw["values"]
    if not isinstance(values, dict) or not values:
        raise RulesError("`values` must map effective dates (YYYY-MM-DD) to value entries", where + ".values")
    dated = [_check_dated(key, entry, (unit, spec_type, columns), where, file) for key, entry in values.items()]
    starts = [d.start for d in dated]
    if starts != sorted(starts):
        raise RulesError("effective dates must be in ascending order", where + ".values")
    return ParameterSpec(
        path, description.strip(), unit, period, spec_type, columns, note, tuple(dated), file, uprating=uprating
    )


def check_carried_values(spec: ParameterSpec) -> None:
    """Each carried-forward value names an earlier value of the parameter and equals it (after overlays)."""
    by_start = {dated.start: dated for dated in spec.values}
    for dated in spec.values:
        carried = dated.carried_forward
        if carried is None:
            continue
        where = f"{dated.file}: {spec.path}.values.{dated.start.isoformat()}.carried_forward.from"
        source = by_start.get(carried.start)
        if source is None:
            raise RulesError(
                f"{spec.path} has no value dated {carried.start.isoformat()}; `from` must name the value carried",
                where,
            )
        if source.value != dated.value:
            raise RulesError(
                f"the value differs from the value of {carried.start.isoformat()} it says it carries; "
                "a value that was reviewed and changed is not carried forward: remove `carried_forward`",
                where,
            )


def check_reviewed_to(raw: Any, file: str) -> date:
    """A rules file's top-level ``reviewed_to``: the last day its values were checked for."""
    if not is_date(raw):
        raise RulesError(
            f"`reviewed_to` must be a date YYYY-MM-DD (the last day this file's values were checked for), got {raw!r}",
            f"{file}: reviewed_to",
        )
    return raw


def walk(node: Any, path: str, file: str, out: dict[str, ParameterSpec]) -> None:
    if not isinstance(node, dict):
        raise RulesError("expected a group (mapping) or a parameter (mapping with `values`)", f"{file}: {path}")
    if "values" in node:
        out[path] = _check_parameter(node, path, file)
        return
    if set(node) & (PARAMETER_KEYS - {"description"}):
        # It has a parameter's keys but no `values` (missing, or misspelt as e.g. `valeus`).
        unknown = sorted(str(k) for k in set(node) - PARAMETER_KEYS)
        also = f"; unknown key(s) {unknown}" if unknown else ""
        raise RulesError(f"missing `values`{also}", f"{file}: {path}")
    for name, child in node.items():
        if name == "description":
            if not isinstance(child, str):
                raise RulesError("`description` must be text", f"{file}: {path}.description")
            continue
        if not isinstance(name, str) or not NAME.match(name):
            raise RulesError(
                f"{name!r} is not a valid name (lower-case snake_case), or a parameter key outside a parameter",
                f"{file}: {path}",
            )
        if hasattr(ParameterNode, name):  # would hide the method of that name on the resolved tree
            raise RulesError(
                f"{name!r} is reserved (a method of the resolved rules tree); choose another name",
                f"{file}: {path}.{name}",
            )
        if isinstance(child, dict) and not child:
            raise RulesError("empty group", f"{file}: {path}.{name}")
        if not isinstance(child, dict):
            raise RulesError(
                f"unknown key {name!r}: a group holds only `description` and named groups or parameters; "
                "a parameter needs `values`",
                f"{file}: {path}.{name}",
            )
        walk(child, f"{path}.{name}", file, out)


# --- rules.yaml: the version, the dates covered and the tax years ---------------------------

META_KEYS = ("version", "covers", "tax_years", "description")


class Meta(Struct, frozen=True):
    """A rules.yaml: for an overlay, ``covers_from`` is ``None``, and ``covers_to`` and ``tax_years``
    may be absent (``None`` and ``()``): it then changes no coverage."""

    version: str
    covers_from: date | None
    covers_to: date | None
    tax_years: tuple[str, ...]


def read_meta(where: str, raw: Any, overlay: bool) -> Meta:
    """Check a parsed rules.yaml; the tax years are checked against coverage by :func:`check_tax_years`."""
    if not isinstance(raw, dict):
        raise RulesError("must be a mapping with `version` and `covers`", where)
    extra = set(raw) - set(META_KEYS)
    if extra:
        raise RulesError(
            f"unknown key(s) {sorted(extra, key=str)}; allowed: {', '.join(META_KEYS[:-1])}, description", where
        )
    version = raw.get("version")
    if not isinstance(version, str) or not version.strip():
        raise RulesError("missing `version` (text such as 2026.11.0)", where + ": version")
    covers = raw.get("covers")
    if covers is None and overlay:
        if "tax_years" in raw:
            raise RulesError("an overlay that adds tax years must extend `covers.to` to their end", where + ": covers")
        return Meta(version, None, None, ())
    if not isinstance(covers, dict) or set(covers) - {"from", "to"}:
        raise RulesError("`covers` must be a mapping with `from` and `to` dates", where + ": covers")
    start, end = covers.get("from"), covers.get("to")
    if overlay and start is not None:
        raise RulesError(
            "an overlay may extend `covers.to` only; `covers.from` is the shipped rules'", where + ": covers.from"
        )
    if not overlay and not is_date(start):
        raise RulesError("`covers.from` must be a date YYYY-MM-DD", where + ": covers.from")
    if not is_date(end):
        raise RulesError("`covers.to` must be a date YYYY-MM-DD", where + ": covers.to")
    if start is not None and end < start:
        raise RulesError(f"`covers.to` ({end}) is before `covers.from` ({start})", where + ": covers.to")
    years = _read_tax_years(raw.get("tax_years"), overlay, where + ": tax_years")
    return Meta(version.strip(), start, end, years)


def _read_tax_years(raw: Any, overlay: bool, where: str) -> tuple[str, ...]:
    if raw is None and overlay:
        return ()
    if not isinstance(raw, list) or not raw or not all(isinstance(year, str) for year in raw):
        raise RulesError("`tax_years` must be a list of tax years such as [2025-26, 2026-27]", where)
    for year in raw:
        try:
            parse_tax_year(year)
        except ValueError as exc:
            raise RulesError(f"{year!r} {exc}", where) from None
    return tuple(raw)


def check_tax_years(listed: tuple[str, ...], covers_from: date, covers_to: date, where: str) -> None:
    """The tax years listed must be exactly those that ``covers`` spans, in order (an overlay lists the
    years it adds after the shipped rules' own)."""
    expected = tax_years_between(covers_from, covers_to)
    if listed != expected:
        raise RulesError(
            f"`tax_years` must list, in order, every tax year from {covers_from.isoformat()} to "
            f"{covers_to.isoformat()} ({', '.join(expected)}); the years listed are {', '.join(listed) or 'none'}",
            where,
        )
