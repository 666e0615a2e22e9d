"""Embedding: batch calculation and a small JSON-over-HTTP service.

Both are thin views of :func:`benefitcalc.api.to_json`. In a batch every input item gets exactly
one output item: a result or an error in the documented shape (``{"kind", "where", "message"}``).
Batch lives in :mod:`benefitcalc.batch`; ``batch``, ``batch_lines`` and ``calculate_item`` are
re-exported here.
The HTTP service uses only the standard library, binds to 127.0.0.1 unless told otherwise, loads
the rules once, and never logs request bodies (client data): only method, path and status.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from benefitcalc import __version__
from benefitcalc.batch import DEFAULT_HOURS, batch, batch_lines, calculate_item
from benefitcalc.errors import BenefitcalcError, ScenarioError
from benefitcalc.loader import RuleSet

MAX_BODY = 2 * 1024 * 1024  # bytes
MAX_BATCH = 1000

__all__ = ["DEFAULT_HOURS", "MAX_BATCH", "MAX_BODY", "batch", "batch_lines", "calculate_item", "make_server"]


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(f"cannot encode {type(value).__name__}")


class _Handler(BaseHTTPRequestHandler):
    server_version = f"benefitcalc/{__version__}"
    rules: RuleSet  # set on the subclass made by make_server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - signature from the base class
        # Method, path and status only; never request bodies (client data).
        sys.stderr.write(f"{self.command} {self.path} {args[1] if len(args) > 1 else ''}\n")

    def _send(self, status: HTTPStatus, body: dict[str, Any]) -> None:
        data = json.dumps(body, default=_json_default).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _error(self, status: HTTPStatus, kind: str, where: str | None, message: str) -> None:
        self._send(status, {"error": {"kind": kind, "where": where, "message": message}})

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        if self.path == "/v1/health":
            self._send(
                HTTPStatus.OK,
                {
                    "status": "ok",
                    "benefitcalc": __version__,
                    "rules": {"version": self.rules.version, "digest": self.rules.digest},
                },
            )
        elif self.path == "/v1/schema":
            from benefitcalc.scenario import Scenario

            self._send(HTTPStatus.OK, Scenario.model_json_schema())
        else:
            self._error(HTTPStatus.NOT_FOUND, "not_found", self.path, "no such endpoint; see docs/service.md")

    def do_POST(self) -> None:  # noqa: N802 - http.server naming
        if self.path not in ("/v1/sweep", "/v1/batch"):
            self._error(HTTPStatus.NOT_FOUND, "not_found", self.path, "no such endpoint; see docs/service.md")
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length <= 0 or length > MAX_BODY:
            self._error(HTTPStatus.BAD_REQUEST, "request", "body", f"send a JSON body of 1 byte to {MAX_BODY} bytes")
            return
        try:
            body = json.loads(self.rfile.read(length), parse_float=Decimal)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            self._error(HTTPStatus.BAD_REQUEST, "request", "body", f"not valid JSON: {exc}")
            return
        try:
            if self.path == "/v1/sweep":
                self._send(HTTPStatus.OK, calculate_item(body, self.rules))
                return
            items = body.get("items") if isinstance(body, dict) else None
            if not isinstance(items, list):
                raise ScenarioError(
                    "the body must be an object with `items`: a list of {id, scenario, hours, period}", "items"
                )
            if len(items) > MAX_BATCH:
                raise ScenarioError(f"at most {MAX_BATCH} items in one batch; got {len(items)}", "items")
            self._send(HTTPStatus.OK, {"results": list(batch(items, self.rules))})
        except BenefitcalcError as exc:
            status = (
                HTTPStatus.UNPROCESSABLE_ENTITY
                if exc.kind in ("scenario", "coverage")
                else HTTPStatus.INTERNAL_SERVER_ERROR
            )
            self._send(status, {"error": exc.to_dict()})


def make_server(rules: RuleSet, host: str = "127.0.0.1", port: int = 8765) -> ThreadingHTTPServer:
    handler = type("Handler", (_Handler,), {"rules": rules})
    return ThreadingHTTPServer((host, port), handler)
