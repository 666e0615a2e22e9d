"""The command line: a thin layer over the library. Every error becomes one plain message, exit 2."""

from __future__ import annotations

import importlib
import json
import os
import sys
from decimal import Decimal
from typing import Any

import click

from benefitcalc import __version__
from benefitcalc.cli_common import _analysis_options, _common, _emit, _load, _rules, one_shot
from benefitcalc.errors import BenefitcalcError, ScenarioError
from benefitcalc.examples import NAMES as EXAMPLE_NAMES
from benefitcalc.hours import parse_hours, parse_profits

DEFAULT_SWEEP_HOURS = "0,8,16,24,30,37.5"

# Pydantic plugins (third-party packages found through entry points) are shown every input pydantic
# validates, which here is a client's household: the command line and the service it starts run
# without them. Looking for them also reads the metadata of every installed package (about 14 ms of
# a 0.2 s sweep). Pydantic reads the setting when the first model is made, after these imports. An
# empty PYDANTIC_DISABLE_PLUGINS turns plugins back on; the library, imported by another program,
# leaves the setting to that program.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


# Commands defined in their own modules (one module per command group), imported only when run or
# listed (click's "lazily loading subcommands" pattern): a sweep or --version then imports none of
# the report, batch, web or cash-flow command modules.
_LAZY_COMMANDS = {
    "rules": "benefitcalc.cli_rules",
    "report": "benefitcalc.cli_report",
    "batch": "benefitcalc.cli_batch",
    "serve": "benefitcalc.cli_serve",
    "compare": "benefitcalc.cli_analysis",
    "explain": "benefitcalc.cli_analysis",
    "quick": "benefitcalc.cli_quick",
    "cashflow": "benefitcalc.cli_cashflow",
}


class _Group(click.Group):
    """Turns every BenefitcalcError into one plain message and exit code 2 (no traceback); loads the
    commands of :data:`_LAZY_COMMANDS` when first asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *_LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = _LAZY_COMMANDS.get(cmd_name)
        if module is not None and cmd_name not in self.commands:
            command = getattr(importlib.import_module(module), cmd_name)
            assert isinstance(command, click.Command), f"{module}.{cmd_name} is not a command"
            self.add_command(command)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BenefitcalcError as exc:
            click.echo(f"benefitcalc: error: {exc}", err=True)
            ctx.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="benefitcalc")
def main() -> None:
    """benefitcalc: what will I have each week if I work 8, 16 or 30 hours?

    An open "better-off in work" calculator for UK benefits advice. Every rate comes from the
    cited YAML rules; see `benefitcalc rules show`.
    """


@main.command()
@click.argument("scenario", required=False)
@click.option(
    "--hours",
    "hours_text",
    default=None,
    help=f"Hours a week: 0,8,16 or 0:40:2.  [default: {DEFAULT_SWEEP_HOURS} and the job's hours; "
    "for a business alone, 0 and its hours]",
)
@click.option(
    "--profits",
    "profits_text",
    default=None,
    help="Sweep the self-employed adult's profit a month instead of the hours: 0,500,1000 or 0:1500:100.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the JSON document (docs/json.md).")
@click.option("--csv", "as_csv", is_flag=True, help="Print one CSV row per point.")
@_analysis_options
@_common
@one_shot
def sweep(
    scenario: str | None,
    hours_text: str | None,
    profits_text: str | None,
    as_json: bool,
    as_csv: bool,
    baseline: str,
    no_color: bool,
    example: bool,
    period: str,
    rules_dir: str | None,
) -> None:
    """Sweep the worker's hours (or, with --profits, a self-employed adult's monthly profit): income at each
    point, better-off, cliff edges found to the penny."""
    from benefitcalc.api import to_json

    loaded = _load(scenario, example)
    if profits_text is not None:
        if hours_text is not None:
            raise ScenarioError("give --hours or --profits, not both", "--profits")
        profits = parse_profits(profits_text)
        doc = to_json(loaded, period=period, rules=_rules(rules_dir), baseline=baseline, profits=profits)
        _emit(doc, as_json, as_csv, no_color)
        return
    if hours_text is None and loaded.worker.job is None:
        # a business's profit does not move with its hours: without it (0 hours) and with it
        hours = sorted({Decimal(0), loaded.worker_hours})
    elif hours_text is None:  # the work being considered is always among the default hours
        hours = sorted({*parse_hours(DEFAULT_SWEEP_HOURS), loaded.worker_hours})
    else:
        hours = parse_hours(hours_text)
    doc = to_json(loaded, hours, period=period, rules=_rules(rules_dir), baseline=baseline)
    _emit(doc, as_json, as_csv, no_color)


@main.command()
@click.argument("scenario", required=False)
@click.option(
    "--hours", "hours_value", default=None, help="Hours a week (default: the job's or business's hours as given)."
)
@click.option("--json", "as_json", is_flag=True, help="Print the JSON document (docs/json.md).")
@click.option("--csv", "as_csv", is_flag=True, help="Print a CSV row.")
@_analysis_options
@_common
@one_shot
def calc(
    scenario: str | None,
    hours_value: str | None,
    as_json: bool,
    as_csv: bool,
    baseline: str,
    no_color: bool,
    example: bool,
    period: str,
    rules_dir: str | None,
) -> None:
    """Calculate one point: the job (or the business) at the given hours."""
    from benefitcalc.api import to_json

    loaded = _load(scenario, example)
    hours = parse_hours(hours_value) if hours_value is not None else None
    if hours is not None and len(hours) != 1:
        raise ScenarioError("calc takes one number of hours; use `sweep` for several", "--hours")
    doc = to_json(loaded, hours, period=period, rules=_rules(rules_dir), baseline=baseline)
    _emit(doc, as_json, as_csv, no_color)


@main.command()
@click.option(
    "--output",
    "of_output",
    is_flag=True,
    help="Print the schema of the JSON output document (`sweep --json`, docs/json.md) instead of the scenario's.",
)
def schema(of_output: bool) -> None:
    """Print the scenario format as JSON Schema (with --output: the JSON output document's)."""
    if of_output:
        from benefitcalc.views import output_schema

        click.echo(json.dumps(output_schema(), indent=2, ensure_ascii=False))
        return
    from benefitcalc.scenario import Scenario

    click.echo(json.dumps(Scenario.model_json_schema(), indent=2))


@main.command()
@click.option(
    "--name", type=click.Choice(list(EXAMPLE_NAMES)), default="sam", show_default=True, help="Which built-in example."
)
def example(name: str) -> None:
    """Print a built-in example scenario (YAML) to start from."""
    from benefitcalc.examples import example_text

    click.echo(example_text(name), nl=False)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
