"""One error shape for every answer that is not a success: ``{"error": {"kind", "where", "message"}}``.

The library's :class:`~benefitcalc.errors.BenefitcalcError` carries the kind, where and message;
the HTTP layer adds only the status. Bad input is never a 500: a body that is not JSON is 400, a
body over the limit 413, a scenario that is not valid or a date the rules do not cover 422. A
fault of the server (its rules, a bug) is a 500 whose message holds no detail of the request.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict
from starlette.exceptions import HTTPException as StarletteHTTPException

from benefitcalc.errors import BenefitcalcError

LOG = logging.getLogger("benefitcalc.web")

# The status for each kind of library error; any other kind is the server's fault.
STATUS_OF_KIND = {"scenario": 422, "coverage": 422, "request": 400, "too_large": 413, "not_found": 404}


class RequestError(BenefitcalcError):
    """The request itself is unusable: a body that is not JSON, too deep, or the wrong shape of envelope."""

    kind = "request"


class TooLarge(BenefitcalcError):
    """The body is over the limit."""

    kind = "too_large"


class NotFound(BenefitcalcError):
    """No such endpoint, or no such saved case."""

    kind = "not_found"


class ErrorDetail(BaseModel):
    """What went wrong: ``kind`` (scenario, coverage, request, too_large, not_found, unauthorised, ...),
    ``where`` (the field, key or path), and ``message`` (what was wrong and what to do)."""

    model_config = ConfigDict(extra="forbid")

    kind: str
    where: str | None
    message: str


class ErrorBody(BaseModel):
    """The one error shape."""

    model_config = ConfigDict(extra="forbid")

    error: ErrorDetail


def error_response(status: int, kind: str, where: str | None, message: str, **headers: str) -> JSONResponse:
    return JSONResponse(
        {"error": {"kind": kind, "where": where, "message": message}}, status_code=status, headers=headers or None
    )


# The statuses every endpoint may answer with, for the OpenAPI description.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "The body is not JSON, or not the shape this endpoint takes"},
    401: {"model": ErrorBody, "description": "A token is required (BENEFITCALC_API_TOKEN) and was missing or wrong"},
    413: {"model": ErrorBody, "description": "The body is over the limit"},
    422: {"model": ErrorBody, "description": "The scenario is not valid, or the rules do not cover its date"},
}


def _library_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, BenefitcalcError)
    status = STATUS_OF_KIND.get(exc.kind, 500)
    if status == 500:
        LOG.error("%s %s: %s", request.method, request.url.path, exc)
    return error_response(status, exc.kind, exc.where, exc.message)


def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    # FastAPI's own checks of path and query parameters (bodies are read by benefitcalc.web.body).
    assert isinstance(exc, RequestValidationError)
    problems = []
    for err in exc.errors():
        loc = ".".join(str(part) for part in err.get("loc", ()) if part not in ("query", "path", "body"))
        problems.append(f"{loc}: {err.get('msg', 'not valid')}" if loc else str(err.get("msg", "not valid")))
    first = exc.errors()[0].get("loc", ()) if exc.errors() else ()
    where = str(first[-1]) if first else None
    return error_response(422, "request", where, "; ".join(problems) or "not valid")


def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    kinds = {404: "not_found", 405: "method_not_allowed", 401: "unauthorised"}
    messages = {
        404: "no such endpoint; see /docs or docs/service.md",
        405: f"{request.method} is not allowed here; see /docs",
    }
    kind = kinds.get(exc.status_code, "request" if exc.status_code < 500 else "internal")
    message = messages.get(exc.status_code, str(exc.detail))
    return error_response(exc.status_code, kind, request.url.path, message, **(exc.headers or {}))


def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    if isinstance(exc, RecursionError):  # nesting deeper than Python's stack: the input's fault
        return error_response(400, "request", "body", "the JSON is nested too deeply")
    LOG.exception("%s %s failed", request.method, request.url.path)
    return error_response(500, "internal", None, "the server failed; the log says why (it holds no client data)")


def install(app: FastAPI) -> None:
    """Translate every exception to the one error shape."""
    app.add_exception_handler(BenefitcalcError, _library_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RecursionError, _unexpected)
    app.add_exception_handler(Exception, _unexpected)
