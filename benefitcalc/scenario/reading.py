"""Reading a scenario: parsing YAML or JSON safely and turning every validation problem into one
:class:`ScenarioError` naming the field, with "did you mean" for a misspelt name."""

from __future__ import annotations

import difflib
import re
import types
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, get_args

from pydantic import (
    BaseModel,
    ValidationError,
)

from benefitcalc.errors import ScenarioError
from benefitcalc.inputs import check_yaml, field_path, parse_json, read_file
from benefitcalc.scenario.household import (
    Scenario,
)


def _field(loc: tuple[Any, ...]) -> str:
    """The field of a pydantic error's location, without pydantic's names for validators and union branches."""
    kept = [
        part
        for part in loc
        if isinstance(part, int)
        or not (
            part in ("function-after[_job_or_earnings()]", "literal['none','auto_enrolment']", "PensionContribution")
            or part.startswith("function-")
            or part.startswith("literal[")
            or part.endswith("-form")  # a tagged union's branch (ChildcareGiven)
            or part in ("Amount", "int", "str")
        )
    ]
    return field_path(kept, "scenario")


def _other_branch(err: Mapping[str, Any]) -> bool:
    """An error from the branch of ``PensionChoice`` that the input was plainly not meant for."""
    loc, given = tuple(err["loc"]), err.get("input")
    if "PensionContribution" in loc and err.get("type") in ("model_type", "dict_type") and isinstance(given, str):
        return True
    return any(isinstance(part, str) and part.startswith("literal[") for part in loc) and isinstance(given, dict)


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The scenario models an annotation holds (``Adult``, ``tuple[Child, ...]``, ``Job | None``)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    out: list[type[BaseModel]] = []
    for arg in get_args(annotation):
        if arg is not Ellipsis and not isinstance(arg, (str, int, types.NoneType)):
            out.extend(_models_in(arg))
    return out


def _fields_at(loc: tuple[Any, ...]) -> list[str]:
    """The field names allowed where ``loc`` (an unknown key's location) sits."""
    models: list[type[BaseModel]] = [Scenario]
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        nxt: list[type[BaseModel]] = []
        for model in models:
            if part in model.model_fields:
                nxt.extend(_models_in(model.model_fields[part].annotation))
        models = nxt or models
    return sorted({name for model in models for name in model.model_fields})


def _shown(value: Any) -> str:
    """A value as the user wrote it: 112.50, not Decimal('112.50')."""
    if isinstance(value, Decimal):
        return str(value)
    return repr(value)


def _message(err: Mapping[str, Any]) -> str:
    kind, msg = err.get("type", ""), err.get("msg", "")
    given = err.get("input")
    if kind == "extra_forbidden":
        loc = tuple(err["loc"])
        close = difflib.get_close_matches(str(loc[-1]), _fields_at(loc), n=1, cutoff=0.6) if loc else []
        hint = f"did you mean `{close[0]}`?" if close else "check the spelling; see docs/scenario.md"
        return f"is not a field of the scenario format ({hint})"
    if kind == "missing":
        return "is required"
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        close = difflib.get_close_matches(str(given), re.findall(r"'([^']*)'", expected), n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"{_shown(given)} is not allowed; allowed: {expected}{hint}"
    if kind in ("too_short", "too_long"):
        ctx = err.get("ctx", {})
        bound = f"at least {ctx.get('min_length')}" if kind == "too_short" else f"at most {ctx.get('max_length')}"
        return f"must have {bound} item(s), got {ctx.get('actual_length')}"
    msg = msg.removeprefix("Value error, ")
    if given is not None and not isinstance(given, (dict, list)):
        return f"{msg} (got {_shown(given)})"
    return msg


def scenario_from_data(data: Any, source: str = "scenario") -> Scenario:
    """Validate parsed data into a :class:`Scenario`; raise one :class:`ScenarioError` listing each problem."""
    if not isinstance(data, dict):
        raise ScenarioError("the scenario must be a mapping (YAML or JSON object) with at least `adults`", source)
    try:
        return Scenario.model_validate(data)
    except ValidationError as exc:
        seen: list[str] = []
        errors = exc.errors()
        for err in errors:
            loc = tuple(err["loc"])
            if _other_branch(err):
                continue  # a pension given as text failing the mapping branch of the union, or the reverse
            if err.get("type") == "too_short" and any(
                tuple(other["loc"])[: len(loc)] == loc and len(other["loc"]) > len(loc) for other in errors
            ):
                continue  # a list whose items all failed is also "too short": the item errors say why
            field = _field(tuple(err["loc"]))
            line = _message(err) if field == "scenario" else f"{field}: {_message(err)}"
            if line not in seen:
                seen.append(line)
        raise ScenarioError(
            "; ".join(seen[:8]) + (f" (and {len(seen) - 8} more)" if len(seen) > 8 else ""), source
        ) from None


def parse_text(text: str, source: str) -> Any:
    """Parse YAML or JSON text safely (see :mod:`benefitcalc.inputs`: a safe YAML loader, numbers read
    exactly, duplicate keys refused, nesting, text, numbers and YAML aliases within stated limits)."""
    from benefitcalc.errors import RulesError
    from benefitcalc.loader import read_yaml

    if source.endswith(".json"):
        return parse_json(text, source)
    check_yaml(text, source)
    try:
        return read_yaml(text, source)
    except RulesError as exc:
        raise ScenarioError(exc.message, source) from None


def load_scenario(path: str | Path) -> Scenario:
    """Read a scenario file (YAML or JSON; UTF-8, with or without a byte-order mark)."""
    return scenario_from_data(parse_text(read_file(path), str(path)), str(path))
