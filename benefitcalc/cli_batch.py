"""The `batch` command: a caseload in (JSON Lines or CSV), one answer per household out (docs/batch.md).

A thin view of :mod:`benefitcalc.batch`. Exit codes: 0 every row answered with a result; 1 some
rows failed (each failed row says why, in the output); 2 the run itself was refused (a bad option,
an unreadable spreadsheet header, rules that do not load), before any row was written.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING

import click

from benefitcalc.errors import ScenarioError

if TYPE_CHECKING:  # pragma: no cover - the batch package is imported when the command runs
    from benefitcalc.batch.reader import Source
    from benefitcalc.batch.run import Format

_SUFFIX_FORMATS = {".jsonl": "jsonl", ".json": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".xlsx": "xlsx"}


def _output_format(output_format: str | None, output: str | None) -> str:
    if output_format:
        return output_format
    if output:
        return _SUFFIX_FORMATS.get(Path(output).suffix.lower(), "jsonl")
    return "jsonl"


def _template(kind: str) -> None:
    from benefitcalc.batch.csv_in import template

    if kind == "csv":
        click.echo(template(), nl=False)
    else:
        import json

        from benefitcalc.examples import example_text
        from benefitcalc.scenario import parse_text

        scenario = parse_text(example_text("sam"), "example sam")
        item = {"id": "SAM-001", "scenario": scenario, "hours": "0,8,16,24,30", "period": "month"}
        click.echo(json.dumps(item, default=str, ensure_ascii=False))


@click.command()
@click.argument("source", required=False, type=click.File("rb"))
@click.option(
    "--output",
    "-o",
    "output",
    type=click.Path(dir_okay=False),
    help="Write to FILE (needed for csv, xlsx and --resume).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["jsonl", "csv", "xlsx"]),
    help="Output format (default: from --output's suffix, else jsonl).",
)
@click.option(
    "--input-format",
    type=click.Choice(["jsonl", "csv"]),
    help="Input format (default: csv for a .csv SOURCE, else jsonl).",
)
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 64), help="Worker processes.")
@click.option("--resume", is_flag=True, help="Continue an interrupted run from its --output file.")
@click.option("--hours", "hours_text", default=None, help="Hours for rows that give none (default 0,8,16,24,30,37.5).")
@click.option(
    "--period",
    type=click.Choice(["week", "month", "year"]),
    default="month",
    show_default=True,
    help="Period for rows that give none.",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar on standard error (default: when it is a terminal).",
)
@click.option(
    "--template", type=click.Choice(["csv", "jsonl"]), help="Print a template (header and an example) and stop."
)
@click.option(
    "--rules",
    "rules_dir",
    type=click.Path(file_okay=False),
    help="A directory of YAML rules laid over the shipped ones.",
)
def batch(
    source: IO[bytes] | None,
    output: str | None,
    output_format: str | None,
    input_format: str | None,
    jobs: int,
    resume: bool,
    hours_text: str | None,
    period: str,
    progress: bool | None,
    template: str | None,
    rules_dir: str | None,
) -> None:
    """Calculate every household in SOURCE (JSON Lines or CSV; - for standard input).

    A JSON line is a scenario, or {"id", "scenario", "hours", "period"}; a CSV row is a household
    in the columns of docs/batch.md (`--template csv` prints them). Every household is answered
    once, in input order: JSON Lines {"id", "ok": true, "result"} or {"id", "ok": false, "error"};
    CSV or XLSX one row per household and hours point, errors in FILE.errors.csv or an Errors sheet.
    Exits 0 when every row succeeded, 1 when any row failed (the failed rows say why), 2 when the
    run was refused.
    """
    if template:
        _template(template)
        return
    if source is None:
        raise ScenarioError("give a file of households (JSON Lines or CSV), - for standard input", "SOURCE")
    _run(
        source,
        output,
        _output_format(output_format, output),
        input_format,
        jobs,
        resume,
        hours_text,
        period,
        progress,
        rules_dir,
    )


def _run(
    source: IO[bytes],
    output: str | None,
    output_format: str,
    input_format: str | None,
    jobs: int,
    resume: bool,
    hours_text: str | None,
    period: str,
    progress: bool | None,
    rules_dir: str | None,
) -> None:
    from benefitcalc.batch.items import DEFAULT_HOURS
    from benefitcalc.batch.run import count_rows, open_writer, read_rows, rows_done, run_batch
    from benefitcalc.batch.workers import Settings
    from benefitcalc.hours import parse_hours
    from benefitcalc.loader import load_rules

    name = getattr(source, "name", "-")
    path = Path(name) if isinstance(name, str) and name not in ("-", "<stdin>") else None
    source_format: Source = "csv" if (input_format or _source_format(path)) == "csv" else "jsonl"
    out_format: Format = "csv" if output_format == "csv" else "xlsx" if output_format == "xlsx" else "jsonl"
    hours = tuple(str(h) for h in parse_hours(hours_text)) if hours_text is not None else DEFAULT_HOURS
    out_path = Path(output) if output else None
    if resume and out_path is None:
        raise ScenarioError("--resume continues the run written to --output FILE: give it", "--resume")
    rules = load_rules(rules_dir)  # loaded first: rules that do not load refuse the run before any row is written
    skip, failed_before = rows_done(out_format, out_path) if resume and out_path is not None else (0, 0)
    show = sys.stderr.isatty() if progress is None else progress
    total = count_rows(path, source_format) if show and path is not None else None
    rows = read_rows(source, source_format, str(path or "SOURCE"), skip)  # a CSV's header is checked here
    writer, owned = open_writer(out_format, out_path, sys.stdout, append=resume)
    settings = Settings("jsonl" if out_format == "jsonl" else "table", hours, period, rules_dir)
    try:
        outcome = run_batch(
            rows,
            writer,
            settings,
            jobs=jobs,
            rules=rules,
            progress=show,
            total=total,
            resumed_after=skip,
            failed_before=failed_before,
        )
    except KeyboardInterrupt:
        click.echo("benefitcalc: interrupted; continue with --resume (and the same --output)", err=True)
        sys.exit(130)
    finally:
        if owned is not None:
            owned.close()
    sys.exit(1 if outcome.any_failed else 0)


def _source_format(path: Path | None) -> str:
    return "csv" if path is not None and path.suffix.lower() == ".csv" else "jsonl"
