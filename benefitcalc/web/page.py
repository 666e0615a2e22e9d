"""The adviser's page at ``/``: plain HTML, a small script and a style sheet, served from the package.

No CDN and no build step: the files under ``benefitcalc/web/static/`` are sent as they are. The
page talks to the same JSON API as everyone else (``/v1/sweep``, ``/v1/report``, ``/v1/cases``).
"""

from __future__ import annotations

from importlib.resources import files

from fastapi import FastAPI
from fastapi.responses import Response

from benefitcalc.web.errors import NotFound

# The page loads nothing from elsewhere and cannot be framed. Inline styles are allowed for the
# report's chart (SVG attributes); scripts only from this server.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}

ASSETS = {
    "app.js": "text/javascript; charset=utf-8",
    "style.css": "text/css; charset=utf-8",
}


def _asset(name: str) -> bytes:
    return files("benefitcalc.web").joinpath("static", name).read_bytes()


def install(app: FastAPI) -> None:
    @app.get("/", include_in_schema=False)
    def index() -> Response:
        return Response(_asset("index.html"), media_type="text/html; charset=utf-8", headers=SECURITY_HEADERS)

    @app.get("/static/{name}", include_in_schema=False)
    def asset(name: str) -> Response:
        media = ASSETS.get(name)
        if media is None:
            raise NotFound("no such file", f"/static/{name}")
        return Response(_asset(name), media_type=media, headers=SECURITY_HEADERS)
