"""A scheme's parameters on one day, checked against its design (:mod:`.design`).

Every problem in the scheme is found at once -- keys missing, unknown or misspelt, values of the
wrong kind or out of range, tables out of order, parameters declaring the wrong unit or period --
and reported together in one :class:`RulesError`, each as ``file:LINE: key: what is wrong``. The
line comes from the loader's side table of key lines (:meth:`RuleSet.key_lines`); a key the file
lacks is placed at its nearest group in the file, or at the scheme's ``base`` (or ``design``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from types import UnionType
from typing import Any, Union, get_args, get_origin

from msgspec import Struct
from msgspec import field as msgspec_field
from pydantic import BaseModel, ValidationError

from benefitcalc.errors import RulesError
from benefitcalc.loader import Param, ParameterNode
from benefitcalc.programmes.council_tax_reduction.design import (
    DESIGNS,
    EXCESS,
    EXCESS_ONLY_KEYS,
    REGIMES,
    BandedScheme,
    HybridScheme,
    SchemeDesign,
    design_model,
)
from benefitcalc.programmes.council_tax_reduction.design_common import _Scheme

GROUP = "local_authority.council_tax_reduction"
DESIGNS_GROUP = "designs"  # base designs: rules/local_authority/council_tax_reduction/designs/<id>.yaml
_PLACE = re.compile(r"^(.*?):(\d+): ")  # "file:LINE: key"
KeyLines = Callable[[str], Mapping[str, int]]  # a file -> each of its keys' lines (RuleSet.key_lines)


def _no_lines(file: str) -> Mapping[str, int]:
    return {}


def in_file_key(path: str) -> str:
    """A scheme parameter's key within its file: the path less the group and the scheme (or design) id."""
    parts = path.split(".")
    skip = 4 if parts[2:3] == [DESIGNS_GROUP] else 3
    return ".".join(parts[skip:])


def in_base(path: str) -> str | None:
    """The base design a parameter path belongs to, or None for a scheme's own parameter."""
    parts = path.split(".")
    return parts[3] if parts[2:3] == [DESIGNS_GROUP] and len(parts) > 3 else None


def _line(table: Mapping[str, int], key: str) -> int | None:
    """The line of ``key``, or of its nearest enclosing key in the file; else of `base` or `design`."""
    while key:
        if key in table:
            return table[key]
        cut = max(key.rfind("."), key.rfind("["))
        key = key[:cut] if cut > 0 else ""
    return table.get("base", table.get("design"))


class Scheme(Struct, frozen=True):
    """One scheme in force on one day: its checked design, and the parameter behind each value."""

    id: str
    design: SchemeDesign
    params: Mapping[str, Param]  # every parameter by its dotted name below the scheme
    files: Mapping[str, str]  # parameter path -> the file it came from
    base: str | None = None  # the base design the scheme's file names, if any
    inherited: tuple[str, ...] = ()  # the dotted keys whose values come from the base design
    # a hybrid's regimes: universal_credit, not_universal_credit
    regimes: Mapping[str, Scheme] = msgspec_field(default_factory=dict)

    def regime(self, on_universal_credit: bool) -> Scheme:
        """The scheme that applies: a hybrid's regime for a household with (or without) an award of UC."""
        if not self.regimes:
            return self
        return self.regimes["universal_credit" if on_universal_credit else "not_universal_credit"]

    def cite(self, dotted: str) -> Param:
        """The parameter behind a value, for the lines that show it."""
        return self.params[dotted]

    def has(self, dotted: str) -> bool:
        return dotted in self.params

    def where(self, param: Param | str, detail: str = "") -> str:
        return _where(self.files, param, detail)


def _where(files: Mapping[str, str], param: Param | str, detail: str = "", lines: KeyLines = _no_lines) -> str:
    path = param if isinstance(param, str) else param.path
    file = files.get(path) or _file_of_group(files, path)
    suffix = f".values.{param.effective_from.isoformat()}.value" if isinstance(param, Param) else ""
    line = _line(lines(file), in_file_key(path) + suffix + detail)
    return f"{file}{'' if line is None else f':{line}'}: {path}{suffix}{detail}"


def _file_of_group(files: Mapping[str, str], path: str) -> str:
    """The file of the nearest group above ``path`` that ``files`` names (the scheme's own file for a
    key it lacks), else the first file."""
    while "." in path:
        path = path.rsplit(".", 1)[0]
        if path in files:
            return files[path]
    return next(iter(files.values()), "rules")


def rule(p: ParameterNode, dotted: str) -> Param:
    """The national parameter at ``dotted`` (e.g. the council tax band proportions)."""
    param = p.get(dotted)
    if not isinstance(param, Param):
        raise RulesError("is a group of parameters, not one parameter", dotted)
    return param


def flatten(node: ParameterNode) -> dict[str, Param]:
    """Every parameter below ``node`` by its dotted name."""
    flat: dict[str, Param] = {}

    def walk(group: ParameterNode, prefix: str) -> None:
        for name, child in group.children().items():
            if isinstance(child, ParameterNode):
                walk(child, f"{prefix}{name}.")
            else:
                flat[f"{prefix}{name}"] = child

    walk(node, "")
    return flat


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):  # a table: rows as plain mappings
        return tuple(dict(row) if isinstance(row, Mapping) else row for row in value)
    return value


def _nested(params: Mapping[str, Param]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for dotted, param in params.items():
        node = data
        *groups, name = dotted.split(".")
        for group in groups:
            node = node.setdefault(group, {})
        node[name] = _plain(param.value)
    return data


def build_scheme(
    scheme_id: str,
    params: Mapping[str, Param],
    files: Mapping[str, str],
    lines: KeyLines = _no_lines,
    own_file: str | None = None,
) -> Scheme:
    """The scheme's design from its parameters on one day (its own, over its base design's); one
    RulesError listing every problem, each with file, line and key. ``own_file`` is the scheme's own
    file, where a missing key is reported (default: the file of its first parameter). A hybrid
    scheme is built as its two regimes, each from the top-level keys its design has and its own group."""
    where_files = {**files, f"{GROUP}.{scheme_id}": own_file or next(iter(files.values()), "rules")}
    problems: list[tuple[str, str]] = []
    if params.get("design") is not None and params["design"].value == "hybrid":
        scheme = _build_hybrid(scheme_id, params, where_files, lines, problems)
    else:
        scheme = _build_single(scheme_id, "", params, where_files, lines, problems)
    if problems:
        raise _one_error(problems, files)
    assert scheme is not None
    return scheme


def _is_own(scheme_id: str, param: Param) -> bool:
    return param.path.startswith(f"{GROUP}.{scheme_id}.")


def _applicable(scheme_id: str, params: Mapping[str, Param], model: type[BaseModel]) -> dict[str, Param]:
    """The parameters a design uses: the scheme's own, and those of its base design that the design has
    (a banded scheme on the means-tested base leaves out its taper; the applicable amounts only where its
    bands measure the excess over them)."""
    unused: tuple[str, ...] = ()
    if model is BandedScheme and (params.get("banded_income") is None or params["banded_income"].value != EXCESS):
        unused = EXCESS_ONLY_KEYS
    out = {}
    for key, param in params.items():
        top = key.split(".", 1)[0]
        if _is_own(scheme_id, param) or (top in model.model_fields and top not in unused):
            out[key] = param
    return out


def _build_single(
    scheme_id: str,
    regime: str,
    params: Mapping[str, Param],
    files: Mapping[str, str],
    lines: KeyLines,
    problems: list[tuple[str, str]],
) -> Scheme | None:
    """One banded, means-tested or flat-rate scheme (or a hybrid's regime: ``regime`` its group), its
    problems added to ``problems``."""
    base = f"{GROUP}.{scheme_id}{'.' + regime if regime else ''}"
    files = {**files, base: files[f"{GROUP}.{scheme_id}"]}
    design = params["design"].value if params.get("design") is not None else None
    model = design_model(design, params["applies_to"].value if "applies_to" in params else None)
    params = _applicable(scheme_id, params, model)
    data = _nested(params)
    problems.extend(_unit_problems(model, params, files, lines))
    to_fill = _still_to_fill(params, f"{GROUP}.{scheme_id}", files, lines)
    problems.extend(to_fill)
    allowed = DESIGNS if not regime else tuple(d for d in DESIGNS if d != "hybrid")
    if design not in allowed:
        param = params.get("design")
        where = _where(files, param if param is not None else base, "", lines)
        problems.append((where, f"`design` is {design!r}; allowed: {', '.join(allowed)}"))
        return None
    try:
        built = model.model_validate(data)
    except ValidationError as exc:
        unfilled = {where for where, _ in to_fill}  # one message for a value left to fill, not two
        translated = _translate(exc, base, str(design), params, files, lines)
        problems.extend(problem for problem in translated if problem[0] not in unfilled)
        return None
    assert not isinstance(built, HybridScheme)
    inherited = tuple(key for key, param in params.items() if not _is_own(scheme_id, param))
    base_id = in_base(next((p.path for p in params.values() if in_base(p.path)), ""))
    return Scheme(scheme_id, built, dict(params), dict(files), base_id, inherited)


def _build_hybrid(
    scheme_id: str,
    params: Mapping[str, Param],
    files: Mapping[str, str],
    lines: KeyLines,
    problems: list[tuple[str, str]],
) -> Scheme | None:
    """A hybrid scheme: each regime from the top-level keys its design has, under its own group's."""
    top = {key: param for key, param in params.items() if key.split(".", 1)[0] not in REGIMES and key != "design"}
    regimes: dict[str, Scheme] = {}
    known = set(HybridScheme.model_fields)
    for name in REGIMES:
        own = {key[len(name) + 1 :]: param for key, param in params.items() if key.startswith(name + ".")}
        design = own.get("design")
        if design is None:
            where = _where(files, f"{GROUP}.{scheme_id}.{name}", "", lines)
            problems.append((where, f"a hybrid scheme needs `{name}.design` (banded, means_tested or flat_rate)"))
            continue
        model = design_model(design.value, "working_age")
        known |= set(model.model_fields)
        shared = {key: param for key, param in top.items() if key.split(".", 1)[0] in model.model_fields}
        regime = _build_single(scheme_id, name, {**shared, **own}, files, lines, problems)
        if regime is not None:
            regimes[name] = regime
    for key, param in top.items():
        if _is_own(scheme_id, param) and key.split(".", 1)[0] not in known:
            message = f"`{key}` is not a key of a hybrid scheme or of either of its regimes (check the spelling)"
            problems.append((_where(files, param, "", lines), message))
    if len(regimes) < len(REGIMES) or problems:
        return None
    common = {key: param for key, param in top.items() if key.split(".", 1)[0] in _Scheme.model_fields}
    data = {**_nested(common), "design": "hybrid"}
    data.update({name: regime.design for name, regime in regimes.items()})
    try:
        built = HybridScheme.model_validate(data)
    except ValidationError as exc:
        problems.extend(_translate(exc, f"{GROUP}.{scheme_id}", "hybrid", common, files, lines))
        return None
    inherited = tuple(key for key, param in params.items() if not _is_own(scheme_id, param))
    base_id = in_base(next((p.path for p in params.values() if in_base(p.path)), ""))
    return Scheme(scheme_id, built, dict(params), dict(files), base_id, inherited, regimes)


def _still_to_fill(
    params: Mapping[str, Param], base: str, files: Mapping[str, str], lines: KeyLines
) -> list[tuple[str, str]]:
    """The scheme's own values a skeleton left to fill (`benefitcalc rules new-scheme`): "TO FILL" in the
    value or in a reference's title."""
    out = []
    for dotted, param in params.items():
        if not param.path.startswith(base + "."):
            continue
        text = param.value if isinstance(param.value, str) else ""
        if text.startswith("TO FILL") or any(ref.title.startswith("TO FILL") for ref in param.reference):
            out.append(
                (
                    _where(files, param, "", lines),
                    f"`{dotted}` is still to fill: give the council's value and cite its scheme document "
                    "(title and address) in place of each TO FILL",
                )
            )
    return out


def _by_place(problem: tuple[str, str]) -> tuple[str, int]:
    """Sort key: the problem's file, then its line."""
    found = _PLACE.match(problem[0])
    return (found.group(1), int(found.group(2))) if found else (problem[0], 0)


def _one_error(problems: list[tuple[str, str]], files: Mapping[str, str]) -> RulesError:
    problems = sorted(problems, key=_by_place)
    if len(problems) == 1:
        where, message = problems[0]
        return RulesError(message, where)
    listing = "\n".join(f"  - {where}: {message}" for where, message in problems)
    return RulesError(
        f"{len(problems)} problems in this council tax reduction scheme (see "
        f"docs/council_tax_reduction.md):\n{listing}",
        ", ".join(sorted(set(files.values()))),
    )


# --- units and periods the design asks of each parameter -----------------------------------------


def _submodel(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds (itself or optional), or None for a value or a table."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (Union, UnionType):
        for arg in get_args(annotation):
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                return arg
    return None


def _unit_problems(
    model: type[BaseModel], params: Mapping[str, Param], files: Mapping[str, str], lines: KeyLines, prefix: str = ""
) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for name, field in model.model_fields.items():
        dotted = prefix + name
        param = params.get(dotted)
        if param is None:
            sub = _submodel(field.annotation)
            if sub is not None:
                out.extend(_unit_problems(sub, params, files, lines, dotted + "."))
            continue
        extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
        unit, period = extra.get("unit"), extra.get("period")
        listed = extra.get("periods")
        periods = [str(p) for p in listed] if isinstance(listed, list) else ([str(period)] if period else [])
        if unit is not None and param.unit != unit:
            out.append((_where(files, param.path, "", lines), f"`{dotted}` must have unit {unit}, not {param.unit}"))
        if periods and param.period not in periods:
            out.append(
                (
                    _where(files, param.path, "", lines),
                    f"`{dotted}` must have period {' or '.join(periods)}, not {param.period}",
                )
            )
    return out


# --- pydantic's errors in the words of a scheme file ---------------------------------------------


def _locate(loc: tuple[Any, ...], params: Mapping[str, Param]) -> tuple[str, Param | None, str]:
    """(dotted key, its parameter if the file has it, the row/column below it) for an error's location."""
    parts: list[str] = []
    for i, part in enumerate(loc):
        parts.append(str(part))
        dotted = ".".join(parts)
        if dotted in params:
            detail = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc[i + 1 :])
            return dotted, params[dotted], detail
    return ".".join(parts), None, ""


def _translate(
    exc: ValidationError,
    base: str,
    design: str,
    params: Mapping[str, Param],
    files: Mapping[str, str],
    lines: KeyLines = _no_lines,
) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for err in exc.errors():
        dotted, param, detail = _locate(tuple(err["loc"]), params)
        # a key the scheme lacks is reported in the scheme's own file (files[base])
        where = (
            _where(files, param, detail, lines) if param is not None else _where(files, f"{base}.{dotted}", "", lines)
        )
        message = _message(err, dotted, detail, design)
        if (where, message) not in out:
            out.append((where, message))
    return out


def _message(err: Any, dotted: str, detail: str, design: str) -> str:
    kind, given = err["type"], err.get("input")
    name = f"`{dotted}{detail}`"
    column = detail.rsplit(".", 1)[-1] if "." in detail else ""
    if kind == "missing":
        if column:
            return f"each row of `{dotted}` needs the column `{column}`"
        return f"the scheme has no `{dotted}`, which a {design} scheme needs (see docs/council_tax_reduction.md)"
    if kind == "extra_forbidden":
        if column:
            return f"`{column}` is not a column of `{dotted}`"
        return f"`{dotted}` is not a key of a {design} scheme (check the spelling; see docs/council_tax_reduction.md)"
    if kind == "value_error":
        return str(err["msg"]).removeprefix("Value error, ")
    if given is None:
        return f"{name} is null on this date; it must have a value while the scheme is in force"
    if kind == "literal_error":
        expected = str(err.get("ctx", {}).get("expected", "")).replace("'", "")
        return f"{name} is {given!r}; allowed: {expected}"
    if kind == "tuple_type":
        return f"{name} must be a table (type: table)"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"{name} must be a group of keys (or a table row), not {given!r}"
    if kind == "bool_type":
        return f"{name} must be true or false, got {given!r}"
    if kind == "string_type":
        return f"{name} must be text, got {given!r}"
    if kind == "string_too_short":
        return f"{name} must not be empty"
    if kind == "too_short":
        return f"{name} needs at least one row"
    return f"{name}: {err['msg']}"
