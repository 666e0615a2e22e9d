"""The application: the JSON API under ``/v1/``, its OpenAPI description, and the adviser's page at ``/``.

:func:`create_app` builds it from a rule set, a token (or none) and the saved-cases database;
:func:`app_from_environment` builds it in each of uvicorn's worker processes from the settings
``benefitcalc serve`` leaves in the environment. Nothing is loaded at import time.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse
from pydantic import BaseModel

from benefitcalc import __version__
from benefitcalc.loader import RuleSet
from benefitcalc.web import errors
from benefitcalc.web.access import AccessLog
from benefitcalc.web.auth import TOKEN_VARIABLE, TokenAuth
from benefitcalc.web.body import JSON, MAX_BODY, BodyLimit
from benefitcalc.web.models import SCENARIO_MARKER

# What `benefitcalc serve` hands each worker process (with BENEFITCALC_API_TOKEN).
DATABASE_VARIABLE = "BENEFITCALC_DATABASE"
RULES_VARIABLE = "BENEFITCALC_RULES_DIR"
REQUIRE_TOKEN_VARIABLE = "BENEFITCALC_REQUIRE_TOKEN"

DESCRIPTION = """\
An open, exact "better-off in work" calculator for UK benefits advice, as a JSON API.

Every error has one shape, `{"error": {"kind", "where", "message"}}`: 400 for a body that is not
JSON, 413 for a body over the limit, 422 for a scenario that is not valid or a date the rules do
not cover, 401 when a token is needed (see docs/service.md).
"""


def _openapi(app: FastAPI) -> Callable[[], dict[str, Any]]:
    """The OpenAPI 3.1 description, with the request bodies and the scenario from their pydantic models."""

    def build() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        from benefitcalc.scenario import Scenario
        from benefitcalc.views import Document
        from benefitcalc.web.case_routes import REQUEST_MODELS_ALL

        schema = get_openapi(title="benefitcalc", version=__version__, description=DESCRIPTION, routes=app.routes)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        template = "#/components/schemas/{model}"
        models: tuple[type[BaseModel], ...] = (Scenario, *REQUEST_MODELS_ALL)
        for model in models:
            found = model.model_json_schema(ref_template=template)
            components.update(found.pop("$defs", {}))
            components[model.__name__] = found
        from pydantic import TypeAdapter

        document = TypeAdapter(Document).json_schema(ref_template=template, mode="serialization")
        components.update(document.pop("$defs", {}))
        components["Document"] = document
        for path in ("/v1/sweep", "/v1/calc"):
            answer = schema["paths"][path]["post"]["responses"]["200"]
            answer["content"] = {"application/json": {"schema": {"$ref": "#/components/schemas/Document"}}}
        _refer_to_scenario(components)
        schema["components"]["securitySchemes"] = {
            "bearer": {"type": "http", "scheme": "bearer", "description": f"Needed when {TOKEN_VARIABLE} is set"}
        }
        schema["security"] = [{}, {"bearer": []}]
        app.openapi_schema = schema
        return schema

    return build


def _refer_to_scenario(node: Any) -> None:
    """Replace each scenario marker (benefitcalc.web.models.ScenarioData) with a reference to Scenario."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if isinstance(value, dict) and value.get(SCENARIO_MARKER):
                    item[key] = {"$ref": "#/components/schemas/Scenario", "description": value["description"]}
                else:
                    stack.append(value)
        elif isinstance(item, list):
            for index, value in enumerate(item):
                if isinstance(value, dict) and value.get(SCENARIO_MARKER):
                    item[index] = {"$ref": "#/components/schemas/Scenario"}
                else:
                    stack.append(value)


def _docs_routes(app: FastAPI) -> None:
    """Swagger UI at /docs, its scripts and styles served from the swagger-ui-bundle package: no CDN."""
    from fastapi.staticfiles import StaticFiles
    from swagger_ui_bundle import swagger_ui_path

    app.mount("/docs/assets", StaticFiles(directory=str(swagger_ui_path)), name="swagger-ui")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="benefitcalc API",
            swagger_js_url="/docs/assets/swagger-ui-bundle.js",
            swagger_css_url="/docs/assets/swagger-ui.css",
            swagger_favicon_url="/docs/assets/favicon-32x32.png",
        )


def create_app(
    rules: RuleSet | None = None,
    *,
    token: str | None = None,
    database: str | Path | None = None,
    max_body: int = MAX_BODY,
) -> FastAPI:
    """The whole application. ``token``: when given, every ``/v1/`` request must carry it.

    ``database``: the saved cases' SQLite file (default: in the user's data directory).
    """
    from benefitcalc.loader import load_rules
    from benefitcalc.web import api_routes, case_routes, cashflow_routes, page
    from benefitcalc.web.cases import CaseStore, default_database

    app = FastAPI(
        title="benefitcalc",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        default_response_class=JSON,
    )
    app.state.rules = rules if rules is not None else load_rules()
    app.state.cases = CaseStore(Path(database) if database is not None else default_database())
    app.include_router(api_routes.router)
    app.include_router(cashflow_routes.router)
    app.include_router(case_routes.router)
    page.install(app)
    _docs_routes(app)
    app.openapi = _openapi(app)  # type: ignore[method-assign]  # FastAPI's documented way to customise it
    errors.install(app)
    # Outermost last: the access log sees every answer, 401 and 413 included.
    app.add_middleware(BodyLimit, limit=max_body)
    if token is not None:
        app.add_middleware(TokenAuth, token=token)
    app.add_middleware(AccessLog)
    return app


def app_from_environment() -> FastAPI:
    """The application as `benefitcalc serve` set it up (called by uvicorn in each worker)."""
    from benefitcalc.loader import load_rules

    token = os.environ.get(TOKEN_VARIABLE) or None
    if os.environ.get(REQUIRE_TOKEN_VARIABLE) == "1" and token is None:
        raise SystemExit(f"benefitcalc: error: {TOKEN_VARIABLE} is not set")
    return create_app(
        load_rules(os.environ.get(RULES_VARIABLE) or None),
        token=token,
        database=os.environ.get(DATABASE_VARIABLE) or None,
    )
