"""Running the application under uvicorn: the address, the token check, the workers and the log.

:func:`check_binding` refuses an address beyond this machine without a token. :func:`run` starts
uvicorn with its own access log off (it would print the client's address and the query string)
and benefitcalc's on (method, path and status: :mod:`benefitcalc.web.access`). With more than one
worker uvicorn starts each from :func:`benefitcalc.web.app.app_from_environment`, so the settings
travel in environment variables.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from benefitcalc.errors import BenefitcalcError
from benefitcalc.web.auth import TOKEN_VARIABLE, is_loopback, token_problem

BACKLOG = 2048  # connections waiting to be accepted: a burst of clients is queued, not reset


class ServeError(BenefitcalcError):
    """The server cannot start as asked."""

    kind = "serve"


def check_binding(host: str, token: str | None) -> str | None:
    """The token to require, or None on loopback with no token set; ServeError when one is missing."""
    if token is not None and token != "":
        problem = token_problem(token)
        if problem:
            raise ServeError(problem, TOKEN_VARIABLE)
        return token
    if is_loopback(host):
        return None
    raise ServeError(
        f"listening on {host} lets other machines reach the API, so it needs a token: "
        f"{token_problem(None)} (clients send it as Authorization: Bearer <token>), or listen on 127.0.0.1",
        "--host",
    )


def log_config() -> dict[str, Any]:
    """uvicorn's logging with its access log silenced and benefitcalc's access lines on standard error."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "plain": {"format": "%(asctime)s %(levelname)s %(message)s"},
            "access": {"format": "%(asctime)s %(message)s"},
        },
        "handlers": {
            "stderr": {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stderr"},
            "access": {"class": "logging.StreamHandler", "formatter": "access", "stream": "ext://sys.stderr"},
        },
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
            "uvicorn.error": {"level": "INFO"},
            "uvicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
            "benefitcalc.web": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
            "benefitcalc.web.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
        },
    }


def run(
    host: str,
    port: int,
    *,
    workers: int = 1,
    database: Path | None = None,
    rules_dir: str | None = None,
    token: str | None = None,
) -> None:
    """Serve until stopped (Ctrl-C). The token and the settings go to the workers in the environment."""
    import uvicorn

    from benefitcalc.web.app import DATABASE_VARIABLE, REQUIRE_TOKEN_VARIABLE, RULES_VARIABLE

    required = check_binding(host, token)
    if database is not None:
        os.environ[DATABASE_VARIABLE] = str(database)
    if rules_dir:
        os.environ[RULES_VARIABLE] = rules_dir
    os.environ[REQUIRE_TOKEN_VARIABLE] = "1" if required else "0"
    uvicorn.run(
        "benefitcalc.web.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        backlog=BACKLOG,
        access_log=False,
        log_config=log_config(),
        server_header=False,
        proxy_headers=False,
        timeout_keep_alive=5,
    )
