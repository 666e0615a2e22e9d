"""CLI command for embedding: `benefitcalc batch` (`benefitcalc serve` is in cli_serve)."""

from __future__ import annotations

import json
import sys
from typing import IO

import click


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
