"""CLI commands for embedding: `benefitcalc batch` and `benefitcalc serve`."""

from __future__ import annotations

import json
import sys
from typing import IO

import click

from benefitcalc.errors import ScenarioError


@click.command()
@click.argument("source", type=click.File("r", encoding="utf-8"))
@click.option(
    "--rules",
    "rules_dir",
    type=click.Path(file_okay=False),
    help="A directory of YAML rules laid over the shipped ones.",
)
def batch(source: IO[str], rules_dir: str | None) -> None:
    """Calculate every scenario in SOURCE (JSON Lines; - for standard input).

    Each line is a scenario, or {"id", "scenario", "hours", "period"}. Prints one JSON line per
    input line: {"id", "ok": true, "result": ...} or {"id", "ok": false, "error": {...}}. Exits 0
    when every row succeeded, 1 when any row failed (the failed rows say why).
    """
    from benefitcalc.loader import load_rules
    from benefitcalc.service import _json_default, batch_lines

    rules = load_rules(rules_dir)
    failed = 0
    for row in batch_lines(source, rules):
        failed += not row["ok"]
        click.echo(json.dumps(row, default=_json_default, ensure_ascii=False))
    sys.exit(1 if failed else 0)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free port).")
@click.option(
    "--rules",
    "rules_dir",
    type=click.Path(file_okay=False),
    help="A directory of YAML rules laid over the shipped ones.",
)
def serve(host: str, port: int, rules_dir: str | None) -> None:
    """Serve the JSON API over HTTP (docs/service.md): POST /v1/sweep, POST /v1/batch, GET /v1/health."""
    from benefitcalc.loader import load_rules
    from benefitcalc.service import make_server

    rules = load_rules(rules_dir)
    try:
        server = make_server(rules, host, port)
    except OSError as exc:
        raise ScenarioError(f"cannot listen on {host}:{port}: {exc.strerror}", "--port") from None
    click.echo(
        f"benefitcalc serving on http://{_host(server.server_address[0])}:{server.server_address[1]} "
        f"(rules {rules.version}); Ctrl-C stops",
        err=True,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def _host(address: str | bytes | bytearray) -> str:
    return address if isinstance(address, str) else bytes(address).decode()
