"""The command line: a thin layer over the library. Every error becomes one plain message, exit 2."""

from __future__ import annotations

import functools
import gc
import json
import os
import sys
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

import click

from benefitcalc import __version__
from benefitcalc.errors import BenefitcalcError, ScenarioError
from benefitcalc.examples import NAMES as EXAMPLE_NAMES

F = TypeVar("F", bound=Callable[..., Any])


class _Group(click.Group):
    """Turns every BenefitcalcError into one plain message and exit code 2 (no traceback)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BenefitcalcError as exc:
            click.echo(f"benefitcalc: error: {exc}", err=True)
            ctx.exit(2)


def one_shot(func: F) -> F:
    """Run a command that loads, works out, prints and ends with the cyclic garbage collector paused.

    Such a command makes a few hundred thousand small objects (pydantic's models, the rules, every
    point, the JSON document) that nearly all live until it ends, and no garbage cycles worth
    collecting, so the collector would only walk them again and again: 60-110 ms of a 0.6-1 s
    `sweep --example --hours 0:40:0.5 --json` (timed with ``gc.callbacks``), nothing found. Reference
    counting frees everything as usual, and the collector is switched back on when the command
    returns. Not for commands that run long (`serve`, `batch`). Put it next to ``def``, under
    click's decorators.
    """

    @functools.wraps(func)
    def paused(*args: Any, **kwargs: Any) -> Any:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return func(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return paused  # type: ignore[return-value]


def parse_hours(text: str) -> list[Decimal]:
    """``0,8,16`` or ``0:40:2`` (start:stop:step, stop included) or a mix: ``0:16:4,30,37.5``."""
    values: list[Decimal] = []
    try:
        for part in text.split(","):
            part = part.strip()
            if not part:
                continue
            if ":" in part:
                bits = part.split(":")
                if len(bits) != 3:
                    raise ScenarioError(f"range {part!r} must be start:stop:step, e.g. 0:40:2", "--hours")
                start, stop, step = (Decimal(b) for b in bits)
                if step <= 0:
                    raise ScenarioError(f"the step in {part!r} must be more than 0", "--hours")
                if stop < start:
                    raise ScenarioError(f"the range {part!r} runs backwards", "--hours")
                if (stop - start) / step > 2000:
                    raise ScenarioError(f"the range {part!r} has more than 2,000 points", "--hours")
                current = start
                while current <= stop:
                    values.append(current)
                    current += step
            else:
                values.append(Decimal(part))
    except InvalidOperation:
        raise ScenarioError(f"{text!r} is not a list of hours: use 0,8,16 or 0:40:2", "--hours") from None
    if not values:
        raise ScenarioError("no hours given: use 0,8,16 or 0:40:2", "--hours")
    for value in values:
        if not value.is_finite() or value < 0 or value > 168:
            raise ScenarioError(f"{value} is not a number of hours a week from 0 to 168", "--hours")
    return list(dict.fromkeys(values))


def _rules(rules_dir: str | None) -> Any:
    from benefitcalc.loader import load_rules

    return load_rules(rules_dir)


def _load(scenario_path: str | None, example: bool) -> Any:
    from benefitcalc.examples import example_scenario
    from benefitcalc.scenario import load_scenario

    if example and scenario_path:
        raise ScenarioError("give a scenario file or --example, not both", "SCENARIO")
    if example:
        return example_scenario()
    if not scenario_path:
        raise ScenarioError("give a scenario file (YAML or JSON), or --example for the built-in one", "SCENARIO")
    return load_scenario(scenario_path)


def _common(func: F) -> F:
    func = click.option(
        "--rules",
        "rules_dir",
        type=click.Path(file_okay=False),
        help="A directory of YAML rules laid over the shipped ones.",
    )(func)
    func = click.option(
        "--period",
        type=click.Choice(["week", "month", "year"]),
        default="month",
        show_default=True,
        help="Period for every amount.",
    )(func)
    func = click.option("--example", is_flag=True, help="Use the built-in example scenario.")(func)
    return func


def _emit(doc: dict[str, Any], as_json: bool, as_csv: bool, no_color: bool = False) -> None:
    from benefitcalc.views import render_csv, render_table

    if as_json and as_csv:
        raise ScenarioError("choose --json or --csv, not both", "options")
    if as_json:
        # Indented for a person at a terminal; compact (and several times faster) when piped.
        indent = 2 if sys.stdout.isatty() else None
        click.echo(json.dumps(doc, indent=indent, ensure_ascii=False))
    elif as_csv:
        click.echo(render_csv(doc), nl=False)
    else:
        # Styled for a terminal; click strips the styles when piped. NO_COLOR: https://no-color.org
        plain = no_color or bool(os.environ.get("NO_COLOR"))
        click.echo(render_table(doc, color=not plain), color=False if plain else None)


def _analysis_options(func: F) -> F:
    func = click.option(
        "--no-color", "no_color", is_flag=True, help="Plain text (also when piped, or with NO_COLOR set)."
    )(func)
    func = click.option(
        "--baseline",
        type=click.Choice(["zero", "current"]),
        default="zero",
        show_default=True,
        help="Better off than not working (zero) or than the client's present hours (current: job.current_hours, else job.hours).",
    )(func)
    return func


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
    "--hours", "hours_text", default="0,8,16,24,30,37.5", show_default=True, help="Hours a week: 0,8,16 or 0:40:2."
)
@click.option("--json", "as_json", is_flag=True, help="Print the JSON document (docs/json.md).")
@click.option("--csv", "as_csv", is_flag=True, help="Print one CSV row per point.")
@_analysis_options
@_common
@one_shot
def sweep(
    scenario: str | None,
    hours_text: str,
    as_json: bool,
    as_csv: bool,
    baseline: str,
    no_color: bool,
    example: bool,
    period: str,
    rules_dir: str | None,
) -> None:
    """Sweep the worker's hours: income at each point, better-off, cliff edges found to the penny."""
    from benefitcalc.api import to_json

    hours = parse_hours(hours_text)
    doc = to_json(_load(scenario, example), hours, period=period, rules=_rules(rules_dir), baseline=baseline)
    _emit(doc, as_json, as_csv, no_color)


@main.command()
@click.argument("scenario", required=False)
@click.option("--hours", "hours_value", default=None, help="Hours a week (default: the job's hours in the scenario).")
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
    """Calculate one point: the job at the given hours."""
    from benefitcalc.api import to_json

    loaded = _load(scenario, example)
    hours = parse_hours(hours_value) if hours_value is not None else None
    if hours is not None and len(hours) != 1:
        raise ScenarioError("calc takes one number of hours; use `sweep` for several", "--hours")
    doc = to_json(loaded, hours, period=period, rules=_rules(rules_dir), baseline=baseline)
    _emit(doc, as_json, as_csv, no_color)


@main.command()
def schema() -> None:
    """Print the scenario format as JSON Schema."""
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


def _register() -> None:
    """Commands defined in their own modules (one module per command group)."""
    from benefitcalc.cli_analysis import compare, explain, quick
    from benefitcalc.cli_cashflow import cashflow
    from benefitcalc.cli_report import report
    from benefitcalc.cli_rules import rules
    from benefitcalc.cli_service import batch, serve

    main.add_command(rules)
    main.add_command(report)
    main.add_command(batch)
    main.add_command(serve)
    main.add_command(compare)
    main.add_command(explain)
    main.add_command(quick)
    main.add_command(cashflow)


_register()

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
