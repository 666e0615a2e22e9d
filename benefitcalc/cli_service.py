"""CLI command for embedding: `benefitcalc serve` (`benefitcalc batch` is in cli_batch.py)."""

from __future__ import annotations

import click

from benefitcalc.errors import ScenarioError


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
