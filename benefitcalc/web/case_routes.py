"""Saved cases over HTTP, under ``/v1/cases``: save, list, open, duplicate, rename, delete, export, import.

Each save works the case out with the server's rules and keeps the result with the rules version
and digest. A case worked out with other rules is ``outdated``; ``recalculate`` works it out again
and says what changed (the headline and each benefit, old and new).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request, Response
from pydantic import Field

from benefitcalc.loader import RuleSet
from benefitcalc.scenario import parse_text, scenario_from_data
from benefitcalc.web.api_routes import Body, takes
from benefitcalc.web.body import JSON, check_shape
from benefitcalc.web.cases import MAX_NAME, Case, CaseStore
from benefitcalc.web.errors import ERROR_RESPONSES
from benefitcalc.web.models import REQUEST_MODELS, Envelope, ScenarioData, envelope

router = APIRouter(prefix="/v1/cases", responses=ERROR_RESPONSES, tags=["saved cases"])

Name = Annotated[str, Field(min_length=1, max_length=MAX_NAME)]


class SaveCase(Envelope):
    """A new case: its name and scenario."""

    name: Name
    scenario: ScenarioData


class ChangeCase(Envelope):
    """A new name, a new scenario, or both."""

    name: Name | None = None
    scenario: ScenarioData | None = None


class DuplicateCase(Envelope):
    name: Name | None = None


class ImportCase(Envelope):
    """A scenario file's text (YAML or JSON) saved as a case (named after the client by default)."""

    text: Annotated[str, Field(max_length=1_000_000)]
    format: Literal["yaml", "json"] = "yaml"
    name: Name | None = None


class Recalculate(Envelope):
    save: bool = Field(True, description="Keep the new result (false: only show what would change)")


CASE_MODELS = (SaveCase, ChangeCase, DuplicateCase, ImportCase, Recalculate)
REQUEST_MODELS_ALL: tuple[type[Envelope], ...] = (*REQUEST_MODELS, *CASE_MODELS)


def _store(request: Request) -> CaseStore:
    store: CaseStore = request.app.state.cases
    return store


def _rules(request: Request) -> RuleSet:
    rules: RuleSet = request.app.state.rules
    return rules


def work_out(data: dict[str, Any], rules: RuleSet) -> dict[str, Any]:
    """What a saved case keeps of its result: the job's hours a week, the headline, and each benefit."""
    from benefitcalc.api import to_json

    scenario = scenario_from_data(data, "scenario")
    job = scenario.worker.job
    doc = to_json(scenario, [job.hours if job else 0], period="week", rules=rules)
    point = doc["points"][0]
    return {
        "period": "week",
        "hours": point["hours"],
        "summary": doc["summary"],
        "net_income": point["net_income"],
        "disposable_income": point["disposable_income"],
        "better_off": point["better_off"],
        "benefits": {name: amount for name, amount in point["benefits"].items() if amount},
    }


def what_changed(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    """Each figure of a case's result that differs, old and new, a week."""
    rows: list[dict[str, Any]] = []
    for key in ("net_income", "disposable_income", "better_off"):
        if old.get(key) != new.get(key):
            rows.append({"what": key, "old": old.get(key), "new": new.get(key)})
    before, after = old.get("benefits", {}), new.get("benefits", {})
    for name in [*before, *(n for n in after if n not in before)]:
        if before.get(name, 0.0) != after.get(name, 0.0):
            rows.append({"what": name, "old": before.get(name, 0.0), "new": after.get(name, 0.0)})
    for row in rows:
        row["change"] = round((row["new"] or 0.0) - (row["old"] or 0.0), 2)
    return rows


def _view(case: Case, rules: RuleSet, with_scenario: bool = True) -> dict[str, Any]:
    out = case.summary()
    out["outdated"] = case.rules_digest != rules.digest
    if with_scenario:
        out["scenario"] = case.scenario
        out["result"] = case.result
        out["worked_at"] = case.worked_at
        out["current_rules"] = {"version": rules.version, "digest": rules.digest}
    return out


def _save(request: Request, name: str, data: dict[str, Any]) -> Case:
    rules = _rules(request)
    result = work_out(data, rules)
    return _store(request).add(name, data, result, rules.version, rules.digest)


@router.get("", summary="Every saved case, the latest first")
def list_cases(request: Request) -> JSON:
    rules = _rules(request)
    return JSON({"cases": [_view(case, rules, with_scenario=False) for case in _store(request).list()]})


@router.post("", status_code=201, summary="Save a case", openapi_extra=takes(SaveCase))
def save_case(request: Request, body: Body) -> JSON:
    given: SaveCase = envelope(SaveCase, body)
    case = _save(request, given.name, given.scenario)
    return JSON(_view(case, _rules(request)), status_code=201)


@router.post("/import", status_code=201, summary="Save a scenario file as a case", openapi_extra=takes(ImportCase))
def import_case(request: Request, body: Body) -> JSON:
    given: ImportCase = envelope(ImportCase, body)
    data = check_shape(parse_text(given.text, "scenario." + given.format), "text")
    scenario = scenario_from_data(data, "text")
    case = _save(request, given.name or scenario.worker.name, data)
    return JSON(_view(case, _rules(request)), status_code=201)


@router.get("/{case_id}", summary="Open a case")
def open_case(request: Request, case_id: int) -> JSON:
    return JSON(_view(_store(request).get(case_id), _rules(request)))


@router.patch("/{case_id}", summary="Rename a case, or give it a new scenario", openapi_extra=takes(ChangeCase))
def change_case(request: Request, case_id: int, body: Body) -> JSON:
    given: ChangeCase = envelope(ChangeCase, body)
    store, rules = _store(request), _rules(request)
    case = store.get(case_id)
    if given.scenario is not None:
        case = store.replace(case_id, given.scenario, work_out(given.scenario, rules), rules.version, rules.digest)
    if given.name is not None:
        case = store.rename(case_id, given.name)
    return JSON(_view(case, rules))


@router.post("/{case_id}/duplicate", status_code=201, summary="Copy a case", openapi_extra=takes(DuplicateCase))
def duplicate_case(request: Request, case_id: int, body: Body) -> JSON:
    given: DuplicateCase = envelope(DuplicateCase, body)
    return JSON(_view(_store(request).duplicate(case_id, given.name), _rules(request)), status_code=201)


@router.delete("/{case_id}", status_code=204, summary="Delete a case for good", response_class=Response)
def delete_case(request: Request, case_id: int) -> Response:
    _store(request).delete(case_id)
    return Response(status_code=204)


@router.get(
    "/{case_id}/export",
    summary="The case's scenario file",
    response_class=Response,
    responses={200: {"content": {"application/yaml": {}, "application/json": {}}}},
)
def export_case(
    request: Request, case_id: int, format: Annotated[Literal["yaml", "json"], Query()] = "yaml"
) -> Response:
    import json

    case = _store(request).get(case_id)
    stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in case.name).strip("-") or f"case-{case.id}"
    if format == "json":
        text = json.dumps(case.scenario, indent=2, ensure_ascii=False) + "\n"
        media = "application/json"
    else:
        import yaml

        text = f"# {case.name}: saved with rules {case.rules_version}\n" + yaml.safe_dump(
            case.scenario, sort_keys=False, allow_unicode=True
        )
        media = "application/yaml"
    return Response(
        text.encode("utf-8"),
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{stem}.{format}"'},
    )


@router.post(
    "/{case_id}/recalculate",
    summary="Work a case out again with these rules, and say what changed",
    openapi_extra=takes(Recalculate),
)
def recalculate(request: Request, case_id: int, body: Body) -> JSON:
    given: Recalculate = envelope(Recalculate, body)
    store, rules = _store(request), _rules(request)
    case = store.get(case_id)
    new = work_out(case.scenario, rules)
    old = case.result or {}
    old_rules = {"version": case.rules_version, "digest": case.rules_digest}
    if given.save:
        case = store.set_result(case_id, new, rules.version, rules.digest)
    return JSON(
        {
            "case": _view(case, rules),
            "old": {"rules": old_rules, **old},
            "new": {"rules": {"version": rules.version, "digest": rules.digest}, **new},
            "changes": what_changed(old, new),
        }
    )
