"""The API token: who may call the API when it listens beyond this machine.

On loopback (127.0.0.0/8, ::1, localhost) no token is needed. Any other address needs one, from
``BENEFITCALC_API_TOKEN``; the server refuses to start without it. When a token is set it is
checked on every request to ``/v1/`` as ``Authorization: Bearer <token>``, compared in constant
time (:func:`hmac.compare_digest`). The page's own files (``/``, ``/static/``) and the API's
description (``/openapi.json``, ``/docs``) hold no client data and are served without it, so a
browser can load the page, which then asks for the token.
"""

from __future__ import annotations

import hmac
import ipaddress

from starlette.types import ASGIApp, Receive, Scope, Send

from benefitcalc.web.body import drain
from benefitcalc.web.errors import error_response

TOKEN_VARIABLE = "BENEFITCALC_API_TOKEN"
MIN_TOKEN_LENGTH = 16
PROTECTED_PREFIX = "/v1/"


def is_loopback(host: str) -> bool:
    """True for an address that only this machine can reach."""
    if host.strip().lower() in ("localhost", "localhost.", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name other than localhost may resolve to anything


def token_problem(token: str | None) -> str | None:
    """Why ``token`` will not do, or None."""
    if not token:
        return f"set {TOKEN_VARIABLE} to a secret of at least {MIN_TOKEN_LENGTH} characters"
    if len(token) < MIN_TOKEN_LENGTH or token.strip() != token:
        return f"{TOKEN_VARIABLE} must be at least {MIN_TOKEN_LENGTH} characters, with no spaces at either end"
    return None


def _bearer(scope: Scope) -> bytes | None:
    for name, value in scope.get("headers", ()):
        if name == b"authorization":
            scheme, _, credentials = value.partition(b" ")
            return credentials.strip() if scheme.lower() == b"bearer" else None
    return None


class TokenAuth:
    """Answer 401 to a request to the API without the right bearer token."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self.token = token.encode("utf-8")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(PROTECTED_PREFIX):
            await self.app(scope, receive, send)
            return
        given = _bearer(scope)
        if given is not None and hmac.compare_digest(given, self.token):
            await self.app(scope, receive, send)
            return
        await drain(receive)
        message = "send Authorization: Bearer <token> (the token set in BENEFITCALC_API_TOKEN on the server)"
        if given is not None:
            message = "the token is not right; " + message
        response = error_response(
            401, "unauthorised", "Authorization", message, **{"WWW-Authenticate": 'Bearer realm="benefitcalc"'}
        )
        await response(scope, receive, send)
