"""The `rules` commands: validate, show, schemes, new-scheme and new-year (registered in cli.py).

Thin views of :mod:`benefitcalc.loader`; every error is a :class:`BenefitcalcError` that the CLI
prints as one plain message with exit code 2.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from benefitcalc.errors import RulesError

if TYPE_CHECKING:  # pragma: no cover - the loader is imported when a command runs, not to print --help
    from benefitcalc.loader import RuleSet


@click.group()
def rules() -> None:
    """Check and read the rules (rates, thresholds, tapers, limits)."""


@rules.command("validate")
@click.argument("directory", required=False, type=click.Path(file_okay=False))
def rules_validate(directory: str | None) -> None:
    """Validate the shipped rules, with DIRECTORY laid over them if given."""
    from benefitcalc.loader import load_rules

    ruleset = load_rules(directory, cache=False)  # every file parsed afresh, not taken from the parse cache
    ruleset.load_all()  # every council's scheme file too (a calculation reads only the one it uses)
    from benefitcalc.programmes.council_tax_reduction import validate_all

    validate_all(ruleset)  # council tax reduction schemes: the structure each design needs
    click.echo(
        f"ok: {len(ruleset.parameters)} parameters, version {ruleset.version}, digest {ruleset.digest}, "
        f"covering {ruleset.covers_from} to {ruleset.covers_to}"
    )
    _list_carried_forward(ruleset)


@rules.command("schemes")
@click.option(
    "--rules",
    "rules_dir",
    type=click.Path(file_okay=False),
    help="A directory of YAML rules laid over the shipped ones.",
)
@click.option("--council", "council", help="Find schemes by the council's name (forgiving spelling, former names).")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
def rules_schemes(rules_dir: str | None, council: str | None, as_json: bool) -> None:
    """List the council tax reduction schemes held (ids for housing.council_tax_reduction_scheme)."""
    from benefitcalc.programmes.council_tax_reduction import (
        find_schemes,
        list_schemes,
        no_scheme_message,
        schemes_json,
        validate_all,
    )

    ruleset = _rules(rules_dir)
    validate_all(ruleset)
    if council is not None and not find_schemes(ruleset, council):
        raise RulesError(no_scheme_message(ruleset, council), "--council")
    if as_json:
        click.echo(json.dumps(schemes_json(ruleset, council), indent=2, ensure_ascii=False))
        return
    found = find_schemes(ruleset, council) if council is not None else [(s, "") for s in list_schemes(ruleset)]
    for s, matched in found:
        held = ", ".join(
            f"{h.design} {h.start.isoformat()} to {h.end.isoformat() if h.end else 'open'}"
            + (f" ({h.confidence})" if h.confidence else "")
            for h in s.held
        )
        click.echo(f"{s.id}  ({s.nation}, {s.applies_to.replace('_', ' ')})")
        click.echo(f"  {s.name}" + (f"  (formerly {matched})" if matched in s.former_names else ""))
        click.echo(f"  held: {held or 'no year held'}")
        click.echo(f"  file: {s.file}")


@rules.command("new-scheme")
@click.argument("scheme_id")
@click.option("--design", "design", type=click.Choice(["banded", "means_tested"]), required=True)
@click.option(
    "--base", "base", default=None, help="The base design (default: england_banded or england_default_means_tested)."
)
@click.option(
    "--out",
    "out",
    default=".",
    show_default=True,
    type=click.Path(file_okay=False),
    help="The rules directory to write into (use it with --rules DIR).",
)
def rules_new_scheme(scheme_id: str, design: str, base: str | None, out: str) -> None:
    """Write a skeleton council scheme file SCHEME_ID.yaml on a base design, to fill in.

    Every value to fill says TO FILL; `benefitcalc rules validate DIR` lists each one still to fill,
    with its line, until the council's figures and its scheme document are in.
    """
    from benefitcalc.programmes.council_tax_reduction.skeleton import write_skeleton

    path = write_skeleton(_rules(None), scheme_id, design, base, Path(out))
    click.echo(f"wrote {path}: fill in every TO FILL, then `benefitcalc rules validate {out}`.")


@rules.command("show")
@click.argument("param", required=False)
@click.option("--date", "on", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="The day (default: today).")
@click.option(
    "--rules",
    "rules_dir",
    type=click.Path(file_okay=False),
    help="A directory of YAML rules laid over the shipped ones.",
)
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
def rules_show(param: str | None, on: Any, rules_dir: str | None, as_json: bool) -> None:
    """Show PARAM's value on a date, with its unit, period, reference and history (no PARAM: list them)."""
    ruleset = _rules(rules_dir)
    if not param:
        for path in ruleset.parameters:
            click.echo(path)
        return
    day: date = on.date() if on else date.today()
    spec = ruleset.spec(param)
    ruleset.at(day).get(param)  # refuses a day outside the rules' coverage, or before a council's scheme began
    current = spec.value_on(day)
    from benefitcalc.views import value_json

    history = [
        {
            "from": v.start.isoformat(),
            "value": value_json(v.value),
            "reference": [{"title": r.title, "href": r.href} for r in v.reference],
        }
        for v in spec.values
    ]
    out = {
        "parameter": spec.path,
        "description": spec.description,
        "unit": spec.unit,
        "period": spec.period,
        "date": day.isoformat(),
        "value": value_json(current.value),
        "effective_from": current.start.isoformat(),
        "reference": [{"title": r.title, "href": r.href} for r in current.reference],
        "note": spec.note,
        "history": history,
        "file": spec.file,
    }
    if as_json:
        click.echo(json.dumps(out, indent=2, ensure_ascii=False))
        return
    click.echo(f"{spec.path}  ({spec.file})")
    click.echo(f"  {spec.description}")
    click.echo(
        f"  on {day}: {_show(out['value'])}  [unit {spec.unit}, period {spec.period}], "
        f"in force from {out['effective_from']}"
    )
    for ref in out["reference"]:
        click.echo(f"    source: {ref['title']} <{ref['href']}>")
    if spec.note:
        click.echo(f"  note: {spec.note}")
    click.echo("  history:")
    for item in history:
        click.echo(f"    from {item['from']}: {_show(item['value'])}")


def _show(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(
            f"{row['rate']:.0%} above {row['threshold']:,.0f}"
            if "rate" in row and "threshold" in row
            else json.dumps(row)
            for row in value
        )
    return "null (abolished)" if value is None else str(value)


@rules.command("new-year")
@click.argument("tax_year")
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(file_okay=False),
    help="The directory to write the overlay to (new, or empty).",
)
def rules_new_year(tax_year: str, out: str) -> None:
    """Write an overlay that carries every value that changes each April into TAX_YEAR (e.g. 2027-28).

    Each parameter whose `uprating` is not `none` gets one new value, dated as its past changes
    were, that copies the last one and is marked `carried_forward` (with the date of the value
    copied, its source and the up-rating basis), ready to be reviewed. Use the directory with
    --rules DIR; `benefitcalc rules validate DIR` lists what is still carried forward.
    """
    from benefitcalc.loader import load_rules
    from benefitcalc.loader.new_year import write_new_year
    from benefitcalc.periods import parse_tax_year

    try:
        parse_tax_year(tax_year)
    except ValueError as exc:
        raise RulesError(f"{tax_year!r} {exc}", "TAX_YEAR") from None
    shipped = _rules(None)
    carried = write_new_year(shipped, tax_year, Path(out))
    overlaid = load_rules(out, cache=False)  # what was written must pass every check, as a user will load it
    files = len({shipped.parameters[item.path].file for item in carried})
    click.echo(
        f"wrote {out}: {len(carried)} values carried forward into {tax_year} in {files} files "
        f"(rules version {overlaid.version}, covering {overlaid.covers_from} to {overlaid.covers_to})."
    )
    click.echo(
        "Review each one: put in the new figure with its source and remove `carried_forward`. "
        f"`benefitcalc rules validate {out}` lists those still carried forward."
    )


def _rules(rules_dir: str | None) -> RuleSet:
    """The rules as the other commands load them (``cli_common._rules``)."""
    from benefitcalc import cli_common

    rules: RuleSet = cli_common._rules(rules_dir)
    return rules


def _list_carried_forward(ruleset: RuleSet) -> None:
    """After `rules validate`: every value still marked `carried_forward`, one a line."""
    carried = [
        (path, dated)
        for path, spec in ruleset.parameters.items()
        for dated in spec.values
        if dated.carried_forward is not None
    ]
    if not carried:
        return
    click.echo(f"carried forward, not yet reviewed: {len(carried)} value{'s' if len(carried) != 1 else ''}")
    for path, dated in carried:
        assert dated.carried_forward is not None
        click.echo(
            f"  {path} from {dated.start}: {_show(_value(dated.value))}, as on {dated.carried_forward.start} "
            f"({dated.carried_forward.basis})"
        )


def _value(value: Any) -> Any:
    from benefitcalc.views import value_json

    return value_json(value)
