"""A new tax year in one step: an overlay that carries forward every value that changes each April.

``benefitcalc rules new-year 2027-28 --out DIR`` writes DIR as a ``--rules`` overlay (docs/rules.md,
"A new tax year"): a rules.yaml extending ``covers`` to the end of that tax year, and, at the same
paths as the shipped files, each parameter whose ``uprating`` is not ``none`` with one new value that
copies the last one, dated when that parameter's values change (6 April, 1 April, the DWP up-rating
week, ...: read off the parameter's own history) and marked ``carried_forward`` with the date of the
value it copies and its up-rating basis. Every copy keeps the source of the value it copies. The
overlay passes ``benefitcalc rules validate``, which lists what is still carried forward; a
calculation that uses a carried-forward value warns, naming it, until a reviewer puts in the new
figure and removes the mark.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any

from msgspec import Struct

from benefitcalc.errors import RulesError
from benefitcalc.loader.ruleset import RuleSet
from benefitcalc.loader.tree import Bracket, ParameterSpec
from benefitcalc.periods import (
    first_monday_on_or_after,
    parse_tax_year,
    tax_year_end,
    tax_year_name,
)


def _benefit_week(year: int) -> date:
    return first_monday_on_or_after(date(year, 4, 6))


# The days on which the shipped values change each year, by the calendar year the change falls in.
START_RULES: dict[str, tuple[str, Callable[[int], date]]] = {
    "tax_year": ("6 April, the first day of the tax year", lambda year: date(year, 4, 6)),
    "benefit_week": (
        "the first Monday on or after 6 April, the DWP's up-rating day (benefit weeks and UC assessment periods)",
        _benefit_week,
    ),
    "benefit_week_sunday": (
        "the Sunday before the DWP's up-rating Monday (benefit weeks that start on a Sunday)",
        lambda year: _benefit_week(year) - timedelta(days=1),
    ),
    "april_1": ("1 April (minimum wage, council tax and other 1 April years)", lambda year: date(year, 4, 1)),
}


class CarriedValue(Struct, frozen=True):
    """One value written by :func:`new_year_overlay`."""

    path: str
    start: date  # the date of the new, carried-forward value
    carried_from: date  # the date of the value it copies
    basis: str
    rule: str  # a key of START_RULES


def _rules_matching(day: date) -> set[str]:
    return {name for name, (_, rule) in START_RULES.items() if rule(day.year) == day}


def start_rule(spec: ParameterSpec, neighbours: Iterable[ParameterSpec]) -> str:
    """Which of START_RULES the parameter's yearly changes follow, read off its own dated values.

    A date that fits several rules (6 April 2026 was a Monday) is settled by the parameter's other
    years, then by the other parameters of its file; a parameter whose changes fit no rule is refused.
    """
    candidates = set(START_RULES)
    for dated in spec.values:
        matches = _rules_matching(dated.start)
        if matches and candidates & matches:
            candidates &= matches
    if not any(_rules_matching(dated.start) for dated in spec.values):
        raise RulesError(
            "none of its values starts on a day the yearly changes fall on (6 April, 1 April or the DWP's "
            "up-rating Monday); give it `uprating: none`, or add a value on such a day",
            f"{spec.file}: {spec.path}",
        )
    if len(candidates) > 1:
        votes: Counter[str] = Counter()
        for other in neighbours:
            for dated in other.values:
                matches = _rules_matching(dated.start)
                if len(matches) == 1 and matches <= candidates:
                    votes.update(matches)
        if not votes:
            raise RulesError(
                f"its values start on days that fit several yearly rules ({', '.join(sorted(candidates))}) and "
                "nothing in its file settles which; date a value of another year",
                f"{spec.file}: {spec.path}",
            )
        candidates = {votes.most_common(1)[0][0]}
    return candidates.pop()


def next_tax_year(rules: RuleSet) -> str:
    """The tax year after the last one the rules cover."""
    return tax_year_name(parse_tax_year(rules.tax_years[-1]) + 1)


def carried_values(rules: RuleSet, tax_year: str) -> tuple[CarriedValue, ...]:
    """Every value :func:`new_year_overlay` writes for ``tax_year``, in the order of the rules."""
    following = next_tax_year(rules)
    if tax_year != following:
        raise RulesError(
            f"the rules (version {rules.version}) cover the tax years {rules.tax_years[0]} to {rules.tax_years[-1]}; "
            f"a new year overlay is for the year after them, {following}, not {tax_year}",
            "TAX_YEAR",
        )
    year = parse_tax_year(tax_year)
    by_file: dict[str, list[ParameterSpec]] = {}
    for spec in rules.parameters.values():
        by_file.setdefault(spec.file, []).append(spec)
    out = []
    for path, spec in rules.parameters.items():
        if spec.uprating == "none":
            continue
        rule = start_rule(spec, by_file[spec.file])
        start = START_RULES[rule][1](year)
        last = spec.values[-1]
        if last.start >= start:
            continue  # already has a value for that year
        out.append(CarriedValue(path, start, last.start, spec.uprating, rule))
    return tuple(out)


def _plain(value: Any) -> Any:
    """A resolved value as the YAML of a rules file has it."""
    if isinstance(value, tuple) and value and isinstance(value[0], Bracket):
        return [{"threshold": row.threshold, "rate": row.rate} for row in value]
    if isinstance(value, tuple):
        return [dict(row) if isinstance(row, MappingProxyType) else row for row in value]
    return value


def _parameter(spec: ParameterSpec, carried: CarriedValue, tax_year: str, version: str) -> dict[str, Any]:
    last = spec.values[-1]
    words = START_RULES[carried.rule][0]
    entry: dict[str, Any] = {
        "value": _plain(last.value),
        "reference": [{"title": ref.title, "href": ref.href} for ref in last.reference],
        "carried_forward": {"from": last.start, "basis": carried.basis},
        "note": (
            f"CARRIED FORWARD from {last.start.isoformat()} by `benefitcalc rules new-year {tax_year}` "
            f"(rules {version}), dated {words}. Up-rating basis: {carried.basis}. "
            f"Replace the value with the {tax_year} figure, cite its source and remove `carried_forward`."
        ),
    }
    doc: dict[str, Any] = {"description": spec.description, "unit": spec.unit, "period": spec.period}
    if spec.type != "amount":
        doc["type"] = spec.type
    if spec.columns:
        doc["columns"] = list(spec.columns)
    doc["uprating"] = spec.uprating
    doc["values"] = {carried.start: entry}
    return doc


def _file_key(spec: ParameterSpec) -> tuple[str, str]:
    """(the file's path inside the rules folder, the parameter's path inside the file)."""
    rel = spec.file.split("/", 1)[1]  # "rules/dwp/universal_credit.yaml" -> "dwp/universal_credit.yaml"
    prefix = rel.rsplit(".", 1)[0].replace("/", ".") + "."
    if not spec.path.startswith(prefix):
        raise RulesError("only parameters of the shipped files can be carried forward", f"{spec.file}: {spec.path}")
    return rel, spec.path[len(prefix) :]


def new_year_overlay(rules: RuleSet, tax_year: str) -> tuple[dict[str, dict[str, Any]], tuple[CarriedValue, ...]]:
    """The overlay's files (path inside the folder -> content) and the values carried forward."""
    carried = carried_values(rules, tax_year)
    files: dict[str, dict[str, Any]] = {
        "rules.yaml": {
            "description": (
                f"Carried forward to {tax_year} by `benefitcalc rules new-year` from rules {rules.version}: "
                "every value that changes each April is a copy of the last one, marked `carried_forward`, "
                "until it is reviewed."
            ),
            "version": f"new-year.{tax_year}",
            "covers": {"to": tax_year_end(tax_year)},
            "tax_years": [tax_year],
        }
    }
    for item in carried:
        spec = rules.parameters[item.path]
        rel, inner = _file_key(spec)
        node = files.setdefault(
            rel, {"description": f"Values carried forward to {tax_year}, for review (`benefitcalc rules new-year`)."}
        )
        *groups, name = inner.split(".")
        for group in groups:
            node = node.setdefault(group, {})
        node[name] = _parameter(spec, item, tax_year, rules.version)
    return files, carried


def dump_yaml(content: dict[str, Any]) -> str:
    """YAML text the strict loader reads back exactly: decimals as plain numbers, dates as dates."""
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    def decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
        text = format(value, "f")
        return dumper.represent_scalar("tag:yaml.org,2002:float" if "." in text else "tag:yaml.org,2002:int", text)

    Dumper.add_representer(Decimal, decimal)
    return yaml.dump(content, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)


def write_new_year(rules: RuleSet, tax_year: str, out: Path) -> tuple[CarriedValue, ...]:
    """Write the overlay for ``tax_year`` into the directory ``out`` (new, or empty)."""
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise RulesError("already exists and is not an empty directory; choose a new one", str(out))
    files, carried = new_year_overlay(rules, tax_year)
    for rel, content in files.items():
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(dump_yaml(content), encoding="utf-8")
    return carried
