"""`benefitcalc serve`: the JSON API, its OpenAPI description and the adviser's page, under uvicorn."""

from __future__ import annotations

import os
from pathlib import Path

import click


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free port).")
@click.option(
    "--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="Worker processes (one core each)."
)
@click.option(
    "--database",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The saved cases' SQLite file (default: cases.sqlite3 in the user's data directory).",
)
@click.option(
    "--rules",
    "rules_dir",
    type=click.Path(file_okay=False),
    help="A directory of YAML rules laid over the shipped ones.",
)
def serve(host: str, port: int, workers: int, database: Path | None, rules_dir: str | None) -> None:
    """Serve the adviser's page at / and the JSON API under /v1/ (docs/service.md, docs/web.md).

    Listens on 127.0.0.1 unless --host says otherwise. Any other address needs a token in
    BENEFITCALC_API_TOKEN (at least 16 characters), sent by clients as "Authorization: Bearer
    <token>"; without one the server refuses to start. The API's description is at /openapi.json
    and /docs.
    """
    from benefitcalc.loader import load_rules
    from benefitcalc.web.auth import TOKEN_VARIABLE
    from benefitcalc.web.cases import CaseStore, default_database
    from benefitcalc.web.server import check_binding, run

    token = os.environ.get(TOKEN_VARIABLE) or None
    check_binding(host, token)  # before anything else: refuse an open address without a token
    rules = load_rules(rules_dir)  # a rules error is reported here, once, not by each worker
    store = CaseStore(database or default_database())
    shown = f"[{host}]" if ":" in host else host
    click.echo(
        f"benefitcalc serving on http://{shown}:{port}/ (rules {rules.version}, {workers} worker(s), "
        f"cases in {store.path}{', token required' if token else ''}); Ctrl-C stops",
        err=True,
    )
    run(host, port, workers=workers, database=store.path, rules_dir=rules_dir, token=token)
