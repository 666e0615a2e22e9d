"""What the command modules share: loading a scenario and the rules, common options, printing a document.

The bottom of the CLI layer: cli.py (the ``benefitcalc`` group) and the command modules
(cli_analysis, cli_report, cli_batch, cli_serve, ...) import it; it imports none of them.
"""

from __future__ import annotations

import atexit
import functools
import gc
import json
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from benefitcalc.errors import ScenarioError

F = TypeVar("F", bound=Callable[..., Any])


def one_shot(func: F) -> F:
    """Run a command that loads, works out, prints and ends with the cyclic garbage collector paused.

    Such a command makes a few hundred thousand small objects (pydantic's models, the rules, every
    point, the JSON document) that nearly all live until it ends, and no garbage cycles worth
    collecting, so the collector would only walk them again and again: 60-110 ms of a 0.6-1 s
    `sweep --example --hours 0:40:0.5 --json` (timed with ``gc.callbacks``), nothing found. Reference
    counting frees everything as usual, and the collector is switched back on when the command
    returns. Not for commands that run long (`serve`, `batch`). Put it next to ``def``, under
    click's decorators.

    When the process ends, Python runs the collector once more over everything still alive, which
    here is all of the above: 15-20 ms of a 0.2 s sweep. So the command also asks (``atexit``) for
    the objects to be frozen out of the collector's sight (``gc.freeze``) as the process exits; a
    process that goes on after the command (the tests, a caller of ``main``) is unaffected until it
    too ends. Output is flushed and files closed before then, as every command does itself.
    """

    @functools.wraps(func)
    def paused(*args: Any, **kwargs: Any) -> Any:
        was_enabled = gc.isenabled()
        gc.disable()
        atexit.unregister(gc.freeze)  # registered once however many commands a process runs
        atexit.register(gc.freeze)
        try:
            return func(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return paused  # type: ignore[return-value]


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


def echo_json(data: Any) -> None:
    """Print JSON data: indented for a person at a terminal, compact when piped (docs/json.md).

    Compact output is written by msgspec's encoder: the same text as ``json.dumps`` with separators
    ``(",", ":")`` and ``ensure_ascii=False``, five times faster (10 ms of a 0.2 s sweep)."""
    if sys.stdout.isatty():
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        import msgspec

        click.echo(msgspec.json.encode(data))


def _emit(doc: dict[str, Any], as_json: bool, as_csv: bool, no_color: bool = False) -> None:
    from benefitcalc.views import render_csv, render_table

    if as_json and as_csv:
        raise ScenarioError("choose --json or --csv, not both", "options")
    if as_json:
        echo_json(doc)
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
        help="Better off than not working (zero) or than the client's present hours "
        "(current: job.current_hours; 0 if not given).",
    )(func)
    return func
