"""A scheme's parameters on one day, checked against its design (:mod:`.design`).

Every problem in the scheme is found at once -- keys missing, unknown or misspelt, values of the
wrong kind or out of range, tables out of order, parameters declaring the wrong unit or period --
and reported together in one :class:`RulesError`, each with the file and the key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import UnionType
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from benefitcalc.errors import RulesError
from benefitcalc.loader import Param, ParameterNode
from benefitcalc.programmes.council_tax_reduction.design import DESIGNS, SchemeDesign, design_model

GROUP = "local_authority.council_tax_reduction"


@dataclass(frozen=True)
class Scheme:
    """One scheme in force on one day: its checked design, and the parameter behind each value."""

    id: str
    design: SchemeDesign
    params: Mapping[str, Param]  # every parameter by its dotted name below the scheme
    files: Mapping[str, str]  # parameter path -> the file it came from

    def cite(self, dotted: str) -> Param:
        """The parameter behind a value, for the lines that show it."""
        return self.params[dotted]

    def has(self, dotted: str) -> bool:
        return dotted in self.params

    def where(self, param: Param | str, detail: str = "") -> str:
        return _where(self.files, param, detail)


def _where(files: Mapping[str, str], param: Param | str, detail: str = "") -> str:
    path = param if isinstance(param, str) else param.path
    file = files.get(path) or next(iter(files.values()), "rules")
    suffix = f".values.{param.effective_from.isoformat()}.value" if isinstance(param, Param) else ""
    return f"{file}: {path}{suffix}{detail}"


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


def build_scheme(scheme_id: str, params: Mapping[str, Param], files: Mapping[str, str]) -> Scheme:
    """The scheme's design from its parameters on one day; one RulesError listing every problem."""
    base = f"{GROUP}.{scheme_id}"
    problems: list[tuple[str, str]] = []
    data = _nested(params)
    design = data.get("design")
    model = design_model(design, data.get("applies_to"))
    problems.extend(_unit_problems(model, params, files))
    built: SchemeDesign | None = None
    if design not in DESIGNS:
        param = params["design"]
        problems.append((_where(files, param), f"`design` is {design!r}; allowed: {', '.join(DESIGNS)}"))
    else:
        try:
            built = model.model_validate(data)
        except ValidationError as exc:
            problems.extend(_translate(exc, base, str(design), params, files))
    if problems:
        raise _one_error(problems, files)
    assert built is not None
    return Scheme(scheme_id, built, dict(params), dict(files))


def _one_error(problems: list[tuple[str, str]], files: Mapping[str, str]) -> RulesError:
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
    model: type[BaseModel], params: Mapping[str, Param], files: Mapping[str, str], prefix: str = ""
) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for name, field in model.model_fields.items():
        dotted = prefix + name
        param = params.get(dotted)
        if param is None:
            sub = _submodel(field.annotation)
            if sub is not None:
                out.extend(_unit_problems(sub, params, files, dotted + "."))
            continue
        extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
        unit, period = extra.get("unit"), extra.get("period")
        if unit is not None and param.unit != unit:
            out.append((_where(files, param.path), f"`{dotted}` must have unit {unit}, not {param.unit}"))
        if period is not None and param.period != period:
            out.append((_where(files, param.path), f"`{dotted}` must have period {period}, not {param.period}"))
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
    exc: ValidationError, base: str, design: str, params: Mapping[str, Param], files: Mapping[str, str]
) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for err in exc.errors():
        dotted, param, detail = _locate(tuple(err["loc"]), params)
        where = _where(files, param, detail) if param is not None else _where(files, f"{base}.{dotted}")
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
