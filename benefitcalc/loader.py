"""Read, validate and resolve the YAML rules under ``rules/`` (format: docs/rules.md).

The loader reads the files once, checks them strictly (duplicate or unknown keys, units, dates,
references, coverage) and builds a :class:`RuleSet`. ``RuleSet.at(day)`` resolves the rules in force
on that day into an immutable tree of :class:`Param` values, cached on the rule set.

Parsing the YAML is most of the cost of loading; the parsed content of the shipped files is kept in
a JSON cache keyed by each file's SHA-256 (see "A cache of parsed rules files" below). Every check
runs on every load, cached or not.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from benefitcalc.errors import CoverageError, RulesError

if TYPE_CHECKING:  # pragma: no cover
    import yaml

UNITS = ("currency-GBP", "/1", "hour", "year", "count", "bool", "text")
PERIODS = ("week", "month", "year", "none")
TYPES = ("amount", "scale", "table")
PARAMETER_KEYS = {"description", "unit", "period", "values", "type", "columns", "note"}
REQUIRED_PARAMETER_KEYS = ("description", "unit", "period", "values")
VALUE_KEYS = {"value", "reference", "note"}
NAME = re.compile(r"^[a-z][a-z0-9_]*$")
ALLOWED_HOSTS = ("legislation.gov.uk", "gov.uk", "gov.scot", "gov.wales")
META_FILE = "rules.yaml"
# A council's council tax reduction scheme begins in the year the council adopted it, so its
# parameters may start after `covers.from`; on a day before a scheme's first value the scheme is
# absent from that day's tree (the programme then says the scheme has no rules for that date).
LATE_START_PREFIXES = ("local_authority.council_tax_reduction.",)


# --- YAML: safe, strict, exact -------------------------------------------------------------
#
# PyYAML is imported on first use, not with this module: a run whose rules come from the parse
# cache (below) and whose scenario is JSON never needs it, and importing it costs about 25 ms.


@lru_cache(maxsize=1)
def _strict_safe_loader() -> Any:
    """The YAML loader class, built once: ``yaml.SafeLoader`` (libyaml's parser when PyYAML was built
    with it, about three times faster; the same safe constructor) that refuses duplicate keys and
    reads decimals and dates exactly."""
    import yaml

    class StrictSafeLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        pass

    StrictSafeLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    StrictSafeLoader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)
    StrictSafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_date)
    return StrictSafeLoader


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> dict[Any, Any]:
    import yaml

    loader.flatten_mapping(node)
    mapping: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a name or a date, not a list or mapping", key_node.start_mark
            ) from None
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (the last one would silently win)", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


def _construct_decimal(loader: Any, node: yaml.ScalarNode) -> Decimal:
    import yaml

    text = loader.construct_scalar(node).replace("_", "")
    try:
        return Decimal(text)
    except InvalidOperation as exc:  # .inf, .nan and the like
        raise yaml.constructor.ConstructorError(None, None, f"not a finite number: {text!r}", node.start_mark) from exc


def _construct_date(loader: Any, node: yaml.ScalarNode) -> Any:
    import yaml

    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError as exc:  # 2024-02-30, 2024-13-01
        raise yaml.constructor.ConstructorError(
            None, None, f"{node.value!r} is not a real date ({exc})", node.start_mark
        ) from None


def read_yaml(text: str, where: str) -> Any:
    """Parse YAML text safely (no object construction), refusing duplicate keys."""
    import yaml

    loader = _strict_safe_loader()(text)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        what = " ".join(
            part for part in (exc.problem, f"({exc.context})" if exc.context and exc.problem else exc.context) if part
        )
        raise RulesError(f"not valid YAML{at}: {what}", where) from None
    except yaml.YAMLError as exc:
        raise RulesError(f"not valid YAML: {exc}", where) from None
    except ValueError as exc:  # e.g. 2024-02-30 as a date key
        raise RulesError(f"not valid YAML: {exc}", where) from None
    finally:
        loader.dispose()


Parse = Callable[[bytes, str], Any]  # a rules file's bytes and where it is (for errors) -> its parsed YAML


def _parse_yaml(data: bytes, where: str) -> Any:
    return read_yaml(data.decode("utf-8"), where)


# --- Typed values --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Reference:
    title: str
    href: str


@dataclass(frozen=True, slots=True)
class Bracket:
    """One band of a scale: ``rate`` applies to the part of the base above ``threshold``."""

    threshold: Decimal
    rate: Decimal


@dataclass(frozen=True, slots=True)
class DatedValue:
    start: date
    value: Any
    reference: tuple[Reference, ...]
    note: str | None
    file: str


@dataclass(frozen=True, slots=True)
class ParameterSpec:
    path: str
    description: str
    unit: str
    period: str
    type: str
    columns: tuple[str, ...]
    note: str | None
    values: tuple[DatedValue, ...]
    file: str

    def value_on(self, day: date) -> DatedValue:
        chosen = None
        for dated in self.values:
            if dated.start <= day:
                chosen = dated
            else:
                break
        if chosen is None:
            raise CoverageError(
                f"no value in force on {day.isoformat()} (first value starts {self.values[0].start})", self.path
            )
        return chosen


@dataclass(frozen=True, slots=True)
class Param:
    """A parameter resolved for one day: its value, unit, period, reference and start date."""

    path: str
    value: Any
    unit: str
    period: str
    description: str
    reference: tuple[Reference, ...]
    effective_from: date
    note: str | None = None


class ParameterNode:
    """An immutable group of parameters resolved for one day; children are read as attributes.

    Children are stored as instance attributes, so reading one is an ordinary (fast) attribute
    lookup; ``__getattr__`` runs only for a name that is not there, to raise a clear error.
    """

    def __init__(self, path: str, children: Mapping[str, ParameterNode | Param]) -> None:
        object.__setattr__(self, "_path", path)
        object.__setattr__(self, "_children", MappingProxyType(dict(children)))
        for name, child in children.items():
            object.__setattr__(self, name, child)

    def __getattr__(self, name: str) -> ParameterNode | Param:
        if name.startswith("_"):  # copy, pickle and hasattr probe private names: not parameters
            raise AttributeError(name)
        where = f"{self._path}.{name}" if self._path else name
        raise RulesError("no such parameter or group in the rules", where)

    def __delattr__(self, name: str) -> None:
        raise AttributeError("parameters are read-only")

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("parameters are read-only")

    def __contains__(self, name: str) -> bool:
        return name in self._children

    def __iter__(self) -> Iterator[str]:
        return iter(self._children)

    def children(self) -> Mapping[str, ParameterNode | Param]:
        return self._children

    def get(self, dotted: str) -> ParameterNode | Param:
        node: ParameterNode | Param = self
        for part in dotted.split("."):
            if not isinstance(node, ParameterNode):
                raise RulesError("is a parameter, not a group", node.path)
            node = getattr(node, part)
        return node


@dataclass(frozen=True)
class RuleSet:
    """Validated rules: every parameter with its dated values, the version and a content digest."""

    version: str
    digest: str
    covers_from: date
    covers_to: date
    parameters: Mapping[str, ParameterSpec]
    sources: tuple[str, ...]
    _cache: dict[date, ParameterNode] = field(default_factory=dict, repr=False, compare=False)
    _derived: dict[tuple[Any, ...], Any] = field(default_factory=dict, repr=False, compare=False)

    def check_covered(self, day: date) -> None:
        if not (self.covers_from <= day <= self.covers_to):
            raise CoverageError(
                f"the rules (version {self.version}) cover {self.covers_from.isoformat()} to "
                f"{self.covers_to.isoformat()}; {day.isoformat()} is outside them. Choose a date in that range, "
                "or lay newer rules over these with --rules DIR (see docs/rules.md)",
                "date",
            )

    def at(self, day: date) -> ParameterNode:
        """The rules in force on ``day``, as an immutable tree (cached per day on this rule set)."""
        cached = self._cache.get(day)
        if cached is not None:
            return cached
        self.check_covered(day)
        tree: dict[str, Any] = {}
        for path, spec in self.parameters.items():
            if spec.values[0].start > day and path.startswith(LATE_START_PREFIXES):
                continue
            dated = spec.value_on(day)
            param = Param(
                path,
                dated.value,
                spec.unit,
                spec.period,
                spec.description,
                dated.reference,
                dated.start,
                dated.note or spec.note,
            )
            node = tree
            parts = path.split(".")
            for part in parts[:-1]:
                node = node.setdefault(part, {})
            node[parts[-1]] = param
        root = _freeze("", tree)
        self._cache[day] = root
        return root

    def derived(self, key: tuple[Any, ...], build: Callable[[], Any]) -> Any:
        """``build()``, worked out once per rule set and ``key`` and kept on it, like :meth:`at`.

        For a value that depends on these rules alone, such as a council's scheme checked for one
        day: every point of a sweep can then share it. ``key`` names the value and every input of
        ``build`` other than the rules, e.g. ``("council_tax_reduction", "scheme", scheme_id, day)``.
        A ``build`` that raises leaves nothing behind (it is tried again next time).
        """
        if key not in self._derived:
            self._derived[key] = build()
        return self._derived[key]

    def spec(self, path: str) -> ParameterSpec:
        try:
            return self.parameters[path]
        except KeyError:
            close = [p for p in self.parameters if p.startswith(path + ".")]
            hint = (
                f" It is a group of {len(close)} parameters, e.g. {close[0]}."
                if close
                else " Run `benefitcalc rules show` with a full parameter name."
            )
            raise RulesError("no such parameter in the rules." + hint, path) from None


def _freeze(path: str, tree: dict[str, Any]) -> ParameterNode:
    children: dict[str, ParameterNode | Param] = {}
    for name, child in tree.items():
        child_path = f"{path}.{name}" if path else name
        children[name] = _freeze(child_path, child) if isinstance(child, dict) else child
    return ParameterNode(path, children)


# --- Validation ----------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _allowed_href(href: str) -> bool:
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
        if not _allowed_href(href):
            raise RulesError(
                f"`href` {href!r} must be an https link to legislation.gov.uk, gov.uk (or a *.gov.uk council), gov.scot or gov.wales",
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


def _check_value(value: Any, spec_unit: str, spec_type: str, columns: tuple[str, ...], where: str) -> Any:
    if value is None:
        return None  # abolished from this date
    if spec_type == "scale":
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
    if spec_type == "table":
        if not isinstance(value, list):
            raise RulesError("a table value must be a list of rows", where)
        rows = []
        for i, row in enumerate(value):
            here = f"{where}[{i}]"
            if not isinstance(row, dict) or set(row) != set(columns):
                raise RulesError(f"each row must have exactly the columns {list(columns)}", here)
            rows.append(MappingProxyType(dict(row)))
        return tuple(rows)
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
    if not isinstance(description, str) or not description.strip():
        raise RulesError("`description` must be a non-empty sentence", where)
    if unit not in UNITS:
        raise RulesError(f"unit {unit!r} is not one of {list(UNITS)}", where + ".unit")
    if period not in PERIODS:
        raise RulesError(f"period {period!r} is not one of {list(PERIODS)}", where + ".period")
    if spec_type not in TYPES:
        raise RulesError(f"type {spec_type!r} is not one of {list(TYPES)}", where + ".type")
    columns: tuple[str, ...] = ()
    if spec_type == "table":
        raw_columns = raw.get("columns")
        if not isinstance(raw_columns, list) or not raw_columns or not all(isinstance(c, str) for c in raw_columns):
            raise RulesError("a table needs `columns`: a list of column names", where + ".columns")
        columns = tuple(raw_columns)
    elif "columns" in raw:
        raise RulesError("`columns` is only for `type: table`", where + ".columns")
    note = raw.get("note")
    if note is not None and not isinstance(note, str):
        raise RulesError("`note` must be text", where + ".note")
    values = raw["values"]
    if not isinstance(values, dict) or not values:
        raise RulesError("`values` must map effective dates (YYYY-MM-DD) to value entries", where + ".values")
    dated: list[DatedValue] = []
    for key, entry in values.items():
        here = f"{where}.values.{key}"
        if not isinstance(key, date) or isinstance(key, datetime):
            raise RulesError(f"{key!r} is not a date; keys of `values` are effective dates YYYY-MM-DD", here)
        if not isinstance(entry, dict):
            raise RulesError("a value entry must be a mapping with `value` and `reference`", here)
        extra = set(entry) - VALUE_KEYS
        if extra:
            raise RulesError(
                f"unknown key(s) {sorted(extra, key=str)}; a value entry may have {sorted(VALUE_KEYS)}", here
            )
        if "value" not in entry:
            raise RulesError("missing `value` (use `value: null` to mark abolition)", here)
        if "reference" not in entry:
            raise RulesError("missing `reference`: every value must cite its source", here)
        value = _check_value(entry["value"], unit, spec_type, columns, here + ".value")
        refs = _check_reference(entry["reference"], here + ".reference")
        value_note = entry.get("note")
        if value_note is not None and not isinstance(value_note, str):
            raise RulesError("`note` must be text", here + ".note")
        dated.append(DatedValue(key, value, refs, value_note, file))
    starts = [d.start for d in dated]
    if starts != sorted(starts):
        raise RulesError("effective dates must be in ascending order", where + ".values")
    return ParameterSpec(path, description.strip(), unit, period, spec_type, columns, note, tuple(dated), file)


def _walk(node: Any, path: str, file: str, out: dict[str, ParameterSpec]) -> None:
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
        _walk(child, f"{path}.{name}", file, out)


@dataclass(frozen=True)
class _Meta:
    version: str
    covers_from: date | None
    covers_to: date | None


def _read_meta(path: Path, data: bytes, overlay: bool, parse: Parse) -> _Meta:
    where = str(path)
    raw = parse(data, where)
    if not isinstance(raw, dict):
        raise RulesError("must be a mapping with `version` and `covers`", where)
    extra = set(raw) - {"version", "covers", "description"}
    if extra:
        raise RulesError(f"unknown key(s) {sorted(extra, key=str)}; allowed: version, covers, description", where)
    version = raw.get("version")
    if not isinstance(version, str) or not version.strip():
        raise RulesError("missing `version` (text such as 2026.11.0)", where + ": version")
    covers = raw.get("covers")
    if covers is None and overlay:
        return _Meta(version, None, None)
    if not isinstance(covers, dict) or set(covers) - {"from", "to"}:
        raise RulesError("`covers` must be a mapping with `from` and `to` dates", where + ": covers")
    start, end = covers.get("from"), covers.get("to")
    if overlay and start is not None:
        raise RulesError(
            "an overlay may extend `covers.to` only; `covers.from` is the shipped rules'", where + ": covers.from"
        )
    if not overlay and not isinstance(start, date):
        raise RulesError("`covers.from` must be a date YYYY-MM-DD", where + ": covers.from")
    if not isinstance(end, date):
        raise RulesError("`covers.to` must be a date YYYY-MM-DD", where + ": covers.to")
    if start is not None and end < start:
        raise RulesError(f"`covers.to` ({end}) is before `covers.from` ({start})", where + ": covers.to")
    return _Meta(version.strip(), start, end)


def _read_tree(root: Path, label: str, parse: Parse) -> tuple[dict[str, ParameterSpec], list[tuple[str, bytes]]]:
    specs: dict[str, ParameterSpec] = {}
    blobs: list[tuple[str, bytes]] = []
    for file in sorted(root.rglob("*.y*ml")):
        rel = file.relative_to(root)
        if rel.as_posix() == META_FILE:
            continue
        if file.suffix not in (".yaml", ".yml"):
            continue
        data = file.read_bytes()
        blobs.append((rel.as_posix(), data))
        shown = f"{label}/{rel.as_posix()}"
        parts = list(rel.with_suffix("").parts)
        for part in parts:
            if not NAME.match(part):
                raise RulesError(f"folder and file names must be lower-case snake_case; {part!r} is not", shown)
        raw = parse(data, shown)
        if raw is None:
            raise RulesError("the file is empty", shown)
        _walk(raw, ".".join(parts), shown, specs)
    return specs, blobs


def shipped_rules_dir() -> Path:
    """The rules shipped with the package (inside the wheel), or the repository's ``rules/``."""
    packaged = resources.files("benefitcalc").joinpath("_rules")
    if packaged.is_dir():
        return Path(str(packaged))
    repo = Path(__file__).resolve().parent.parent / "rules"
    if repo.is_dir():
        return repo
    raise RulesError("the shipped rules were not found; reinstall benefitcalc", "rules")


def _merge(base: dict[str, ParameterSpec], overlay: dict[str, ParameterSpec]) -> dict[str, ParameterSpec]:
    merged = dict(base)
    for path, spec in overlay.items():
        old = merged.get(path)
        if old is None:
            merged[path] = spec
            continue
        if (old.unit, old.period, old.type) != (spec.unit, spec.period, spec.type):
            raise RulesError(
                f"unit/period/type ({spec.unit}, {spec.period}, {spec.type}) differ from the shipped parameter's "
                f"({old.unit}, {old.period}, {old.type}); an overlay may add values, not change what a parameter is",
                f"{spec.file}: {path}",
            )
        by_start = {v.start: v for v in old.values}
        by_start.update({v.start: v for v in spec.values})
        values = tuple(by_start[k] for k in sorted(by_start))
        merged[path] = ParameterSpec(
            path,
            spec.description,
            spec.unit,
            spec.period,
            spec.type,
            spec.columns,
            spec.note or old.note,
            values,
            old.file,
        )
    return merged


def load_rules(
    overlay_dir: str | Path | None = None, base_dir: str | Path | None = None, *, cache: bool = True
) -> RuleSet:
    """Load and validate the shipped rules, with an optional user directory laid over them.

    With ``cache`` (the default) the shipped files' YAML is read from the parse cache when their
    bytes are unchanged (see "A cache of parsed rules files"); the checks run either way.
    ``cache=False`` parses every file (``benefitcalc rules validate`` does).
    """
    parsed = ParsedFilesCache.open() if cache and base_dir is None else None
    if parsed is None:
        return _load_rules(overlay_dir, base_dir, _parse_yaml)
    try:
        rules = _load_rules(overlay_dir, base_dir, parsed.parse)
    except Exception:
        if not parsed.hits:
            raise
        # Some files came from the cache and the load failed: parse every file afresh, which raises
        # the files' own error if they have one (a cache can only have held files that passed).
        parsed = parsed.without_entries()
        rules = _load_rules(overlay_dir, base_dir, parsed.parse)
    parsed.save()  # reached only when every check passed
    return rules


def _load_rules(overlay_dir: str | Path | None, base_dir: str | Path | None, parse_base: Parse) -> RuleSet:
    base = Path(base_dir) if base_dir is not None else shipped_rules_dir()
    meta_path = base / META_FILE
    if not meta_path.is_file():
        raise RulesError(f"missing {META_FILE} (the rules set's version and the dates it covers)", str(base))
    meta_data = meta_path.read_bytes()
    meta = _read_meta(meta_path, meta_data, False, parse_base)
    specs, base_blobs = _read_tree(base, "rules", parse_base)
    version, covers_to = meta.version, meta.covers_to
    blobs = [(f"rules/{name}", data) for name, data in base_blobs]
    blobs.append(("rules/rules.yaml", meta_data))
    sources = [str(base)]
    if overlay_dir is not None:
        over = Path(overlay_dir)
        if not over.is_dir():
            raise RulesError("not a directory of rules files", str(over))
        over_meta_path = over / META_FILE
        over_specs, over_blobs = _read_tree(over, str(over), _parse_yaml)
        if over_meta_path.is_file():
            over_meta_data = over_meta_path.read_bytes()
            over_meta = _read_meta(over_meta_path, over_meta_data, True, _parse_yaml)
            version = f"{version}+{over_meta.version}"
            if over_meta.covers_to is not None:
                covers_to = max(covers_to, over_meta.covers_to)
            over_blobs.append(("rules.yaml", over_meta_data))
        else:
            version = f"{version}+local"
        specs = _merge(specs, over_specs)
        blobs.extend((f"overlay/{name}", data) for name, data in over_blobs)
        sources.append(str(over))
    assert meta.covers_from is not None and covers_to is not None
    for path, spec in specs.items():
        if spec.values[0].start > meta.covers_from and not path.startswith(LATE_START_PREFIXES):
            raise RulesError(
                f"coverage: first value starts {spec.values[0].start}, after the rules' start {meta.covers_from}; "
                "add the value in force on that day",
                f"{spec.file}: {path}",
            )
    digest = hashlib.sha256()
    for name, data in sorted(blobs):
        digest.update(name.encode() + b"\0" + data + b"\0")
    return RuleSet(
        version, digest.hexdigest()[:16], meta.covers_from, covers_to, MappingProxyType(specs), tuple(sources)
    )


# --- A cache of parsed rules files ---------------------------------------------------------
#
# Reading the YAML is most of what loading the rules costs (libyaml parses, but PyYAML builds the
# objects in Python), and a cold start of the CLI pays it every time. So the parsed content of each
# shipped rules file is kept in one JSON file in the user's cache directory, keyed by the SHA-256
# of the file's bytes:
#
# * it replaces the parse only: every check above (_walk, _read_meta, coverage) runs on every
#   load, so a file from the cache passes or fails exactly as its YAML does;
# * a file whose bytes changed is parsed afresh; the whole cache is set aside when this module,
#   PyYAML (its __init__.py, which holds its version), Python or the cache format changes (the
#   fingerprint);
# * it is written only after a load in which every check passed, atomically (a temporary file
#   renamed over the old one), with the SHA-256 of its content, and ignored when it cannot be read,
#   has the wrong shape or does not match that hash; if a load from it fails, the files are parsed
#   afresh and the cache rewritten;
# * it is plain JSON (a header line, then the parsed files): decimals and dates as tagged strings,
#   never pickle or code;
# * it holds the shipped rules only; a --rules overlay is small and always parsed.
#
# Where: $BENEFITCALC_CACHE_DIR; else the user cache directory (~/.cache/benefitcalc, or
# $XDG_CACHE_HOME, ~/Library/Caches or %LOCALAPPDATA% as the platform has it). Set
# BENEFITCALC_CACHE_DIR to an empty string for no cache. The file is trusted as the rest of the
# user's home directory is (as Python trusts its own __pycache__).

CACHE_FORMAT = 1
CACHE_FILE = "rules-parsed.json"
_TAGS = ("$decimal", "$date", "$datetime", "$map")


def cache_dir() -> Path | None:
    """The directory for benefitcalc's cache, or ``None`` when there is none (see above)."""
    configured = os.environ.get("BENEFITCALC_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    try:
        if sys.platform == "win32":
            local = os.environ.get("LOCALAPPDATA")
            return Path(local) / "benefitcalc" / "Cache" if local else None
        if sys.platform == "darwin":
            return Path.home() / "Library" / "Caches" / "benefitcalc"
        xdg = os.environ.get("XDG_CACHE_HOME")
        return (Path(xdg) if xdg else Path.home() / ".cache") / "benefitcalc"
    except RuntimeError:  # no home directory
        return None


def _pyyaml_source() -> bytes:
    """PyYAML's ``__init__.py`` (which holds its version), read without importing PyYAML."""
    spec = importlib.util.find_spec("yaml")
    if spec is None or spec.origin is None:
        raise OSError("PyYAML not found")
    return Path(spec.origin).read_bytes()


class _Uncacheable(Exception):
    """A parsed value the cache format does not hold exactly (e.g. !!binary): nothing is cached."""


def _to_json(value: Any) -> Any:
    """Parsed YAML as plain JSON; decimals, dates and mappings with other than text keys are tagged."""
    if isinstance(value, dict):
        if all(type(key) is str for key in value) and not (len(value) == 1 and next(iter(value)) in _TAGS):
            return {key: _to_json(item) for key, item in value.items()}
        return {"$map": [[_to_json(key), _to_json(item)] for key, item in value.items()]}
    if isinstance(value, list):
        return [_to_json(item) for item in value]
    if isinstance(value, Decimal):
        return {"$decimal": str(value)}  # exact: Decimal(str(d)) has d's digits and exponent
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if value is None or type(value) in (str, int, bool):
        return value
    raise _Uncacheable(type(value).__name__)


def _from_json(obj: dict[str, Any]) -> Any:
    """json.loads object hook: the inverse of :func:`_to_json`."""
    if len(obj) == 1:
        ((tag, value),) = obj.items()
        if tag == "$decimal":
            return Decimal(value)
        if tag == "$date":
            return date.fromisoformat(value)
        if tag == "$datetime":
            return datetime.fromisoformat(value)
        if tag == "$map":
            return {key: item for key, item in value}
    return obj


class ParsedFilesCache:
    """The parse cache for one load: parsed files by the SHA-256 of their bytes (see above)."""

    def __init__(self, path: Path, fingerprint: str, entries: dict[str, Any]) -> None:
        self.path = path
        self.fingerprint = fingerprint
        self._entries = entries  # from the cache file
        self._used: dict[str, Any] = {}  # every file parsed in this load
        self.hits = 0
        self.parsed = 0

    @classmethod
    def open(cls) -> ParsedFilesCache | None:
        """The cache as it is on disk (empty if absent or unreadable); ``None`` when there is no cache."""
        folder = cache_dir()
        if folder is None:
            return None
        try:
            fingerprint = hashlib.sha256(
                f"{CACHE_FORMAT}\0{sys.version}\0".encode() + Path(__file__).read_bytes() + b"\0" + _pyyaml_source()
            ).hexdigest()
        except OSError:
            return None
        path = folder / CACHE_FILE
        return cls(path, fingerprint, _read_cache(path, fingerprint))

    def without_entries(self) -> ParsedFilesCache:
        """The same cache emptied: every file is parsed again, and the file rewritten after."""
        return ParsedFilesCache(self.path, self.fingerprint, {})

    def parse(self, data: bytes, where: str) -> Any:
        """The file's parsed YAML: from the cache if these exact bytes were parsed before."""
        key = hashlib.sha256(data).hexdigest()
        if key in self._entries:
            raw = self._entries[key]
            self.hits += 1
        else:
            raw = _parse_yaml(data, where)
            self.parsed += 1
        self._used[key] = raw
        return raw

    def save(self) -> None:
        """Write the files parsed in this load, if anything changed; call only after every check passed."""
        if not self.parsed and self._used.keys() == self._entries.keys():
            return
        try:
            files = {key: _to_json(raw) for key, raw in self._used.items()}
        except _Uncacheable:
            return
        body = json.dumps(files, separators=(",", ":")).encode("utf-8")
        header = {"format": CACHE_FORMAT, "fingerprint": self.fingerprint, "sha256": hashlib.sha256(body).hexdigest()}
        temporary = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                "wb", dir=self.path.parent, prefix=".rules-", suffix=".tmp", delete=False
            ) as out:
                temporary = Path(out.name)
                out.write(json.dumps(header).encode("utf-8") + b"\n" + body)
            os.replace(temporary, self.path)
        except OSError:
            if temporary is not None:
                temporary.unlink(missing_ok=True)


def _read_cache(path: Path, fingerprint: str) -> dict[str, Any]:
    """The cached parses in ``path`` if it is an intact cache of this fingerprint; otherwise nothing."""
    try:
        head, _, body = path.read_bytes().partition(b"\n")
        header = json.loads(head)
        if header != {"format": CACHE_FORMAT, "fingerprint": fingerprint, "sha256": hashlib.sha256(body).hexdigest()}:
            return {}
        files = json.loads(body, object_hook=_from_json)
    except Exception:  # noqa: BLE001 - missing, unreadable, not JSON, a bad tag: a cache miss, never an error
        return {}
    return files if isinstance(files, dict) else {}
