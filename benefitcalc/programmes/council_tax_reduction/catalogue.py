"""The council tax reduction schemes the rules hold: each with the years held, its design and the
confidence of its reading (`benefitcalc rules schemes`, the coverage table in
docs/council_tax_reduction.md), and finding a scheme by a council's name, forgiving spelling."""

from __future__ import annotations

import difflib
import re
from datetime import date, timedelta

from msgspec import Struct

from benefitcalc.errors import ScenarioError
from benefitcalc.loader import RuleSet
from benefitcalc.programmes.council_tax_reduction.schemes import scheme_files, scheme_ids, scheme_value
from benefitcalc.programmes.council_tax_reduction.validation import GROUP


class HeldYears(Struct, frozen=True):
    """A stretch of dates over which the rules hold one design of the scheme, read with one confidence."""

    start: date
    end: date | None  # the day before the next change, else the file's `reviewed_to`
    design: str
    confidence: str | None  # None: a national scheme read from the legislation


class SchemeSummary(Struct, frozen=True):
    id: str
    name: str
    nation: str
    applies_to: str
    file: str
    years: tuple[tuple[date, str | None], ...]  # (from, design or None where not held)
    held: tuple[HeldYears, ...] = ()
    source: str = ""  # the address of the main source (the council's scheme document, or the legislation)
    read_on: str | None = None  # when the sources behind `confidence` were read
    base: str | None = None  # the base design named (latest)
    former_names: tuple[str, ...] = ()


def _starts(rules: RuleSet, scheme_id: str) -> list[date]:
    keys = ("base", "design", "confidence")
    specs = [rules.parameters.get(f"{GROUP}.{scheme_id}.{key}") for key in keys]
    return sorted({v.start for spec in specs if spec is not None for v in spec.values})


def _source(rules: RuleSet, scheme_id: str) -> str:
    for key in ("confidence", "base", "design", "name"):
        spec = rules.parameters.get(f"{GROUP}.{scheme_id}.{key}")
        if spec is not None:
            held = [v for v in spec.values if v.value is not None] or list(spec.values)
            return held[-1].reference[0].href
    return ""


def _summary(rules: RuleSet, scheme_id: str) -> SchemeSummary:
    # (start, design or None, confidence) at each date one of them may change
    points: list[tuple[date, str | None, str | None]] = []
    for start in _starts(rules, scheme_id):
        design = scheme_value(rules, scheme_id, "design", start)
        confidence = scheme_value(rules, scheme_id, "confidence", start) if design is not None else None
        point = (start, None if design is None else str(design), None if confidence is None else str(confidence))
        if not points or point[1:] != points[-1][1:]:
            points.append(point)
    files = scheme_files(rules, scheme_id)
    name_spec = rules.parameters.get(f"{GROUP}.{scheme_id}.name")
    file = name_spec.file if name_spec is not None else next(iter(files.values()))
    reviewed = name_spec.reviewed_to if name_spec is not None else None
    held_years = []
    for i, (start, design, confidence) in enumerate(points):
        if design is not None:
            end = points[i + 1][0] - timedelta(days=1) if i + 1 < len(points) else reviewed
            held_years.append(HeldYears(start, end, design, confidence))
    years: list[tuple[date, str | None]] = []
    for start, design, _ in points:
        if not years or years[-1][1] != design:
            years.append((start, design))
    former = scheme_value(rules, scheme_id, "former_names")
    read_on = scheme_value(rules, scheme_id, "read_on")
    base = scheme_value(rules, scheme_id, "base")
    return SchemeSummary(
        scheme_id,
        str(scheme_value(rules, scheme_id, "name") or scheme_id),
        str(scheme_value(rules, scheme_id, "nation") or "?"),
        str(scheme_value(rules, scheme_id, "applies_to") or "?"),
        file,
        tuple(years),
        tuple(held_years),
        _source(rules, scheme_id),
        None if read_on is None else str(read_on),
        None if base is None else str(base),
        tuple(str(row["name"]) for row in former) if isinstance(former, tuple) else (),
    )


def list_schemes(rules: RuleSet) -> list[SchemeSummary]:
    """Every scheme with the dates its design changes (None: no rules held from that date)."""
    return [_summary(rules, scheme_id) for scheme_id in scheme_ids(rules)]


# --- finding a scheme by the council's name ----------------------------------------------------------

_FILLER = re.compile(
    r"\b(council|city|borough|district|county|metropolitan|royal|of|the|london|mdc|and|council tax|"
    r"reduction|support|scheme|working|age)\b"
)


def _words(text: str) -> str:
    """A name folded for matching: lower case, '&' as 'and', punctuation and filler words dropped."""
    text = text.lower().replace("&", " and ").replace("_", " ")
    text = re.sub(r"[^a-z0-9 ]+", " ", text)
    return " ".join(_FILLER.sub(" ", text).split())


def find_schemes(rules: RuleSet, text: str, limit: int = 5) -> list[tuple[SchemeSummary, str]]:
    """The schemes whose id, name or a former name best match ``text`` (forgiving spelling, by
    difflib's ratio of the folded names), best first, each with the name it matched; exact and
    contained matches first. At most ``limit``; none when nothing is close (ratio below 0.8)."""
    wanted = _words(text)
    scored: list[tuple[float, int, SchemeSummary, str]] = []
    for order, summary in enumerate(list_schemes(rules)):
        best = (0.0, "")
        for name in (summary.id, summary.name, *summary.former_names):
            folded = _words(name)
            if not folded or not wanted:
                continue
            if folded == wanted:
                score = 2.0
            elif wanted in folded.split() or (len(wanted) > 3 and wanted in folded):
                score = 1.5
            else:
                score = difflib.SequenceMatcher(None, wanted, folded).ratio()
            if score > best[0]:
                best = (score, name)
        if best[0] >= 0.8:
            scored.append((best[0], order, summary, best[1]))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [(summary, name) for _, _, summary, name in scored[:limit]]


def scheme_json(summary: SchemeSummary) -> dict[str, object]:
    """One scheme as `benefitcalc rules schemes --json` prints it (and the docs' coverage table reads it)."""
    return {
        "id": summary.id,
        "name": summary.name,
        "nation": summary.nation,
        "age_group": summary.applies_to,
        "held": [
            {
                "from": held.start.isoformat(),
                "to": held.end.isoformat() if held.end is not None else None,
                "design": held.design,
                "confidence": held.confidence,
            }
            for held in summary.held
        ],
        "source": summary.source,
    }


def schemes_json(rules: RuleSet, council: str | None = None) -> dict[str, object]:
    """``{"schemes": [...]}``: every scheme, or those whose name best matches ``council`` (best first)."""
    chosen = [summary for summary, _ in find_schemes(rules, council)] if council else list_schemes(rules)
    return {"schemes": [scheme_json(summary) for summary in chosen]}


def no_scheme_message(rules: RuleSet, text: str) -> str:
    """What to say when no scheme is held for ``text``: the closest held schemes, and how to add one."""
    close = find_schemes(rules, text, limit=3) or _loosely(rules, text)
    names = "; ".join(f"{summary.name} ({summary.id})" for summary, _ in close) or "none"
    return (
        f"No council tax reduction scheme held matches {text!r}. Closest held: {names}. To add the council's "
        "scheme: `benefitcalc rules new-scheme ID --design banded|means_tested --out DIR`, fill in its figures "
        "from the council's scheme document, then use it with --rules DIR (docs/council_tax_reduction.md)."
    )


def _loosely(rules: RuleSet, text: str) -> list[tuple[SchemeSummary, str]]:
    wanted = _words(text)
    scored = sorted(
        ((difflib.SequenceMatcher(None, wanted, _words(s.name)).ratio(), s) for s in list_schemes(rules)),
        key=lambda item: -item[0],
    )
    return [(summary, summary.name) for _, summary in scored[:3]]


def scheme_for_council(rules: RuleSet, text: str) -> str:
    """The id of the scheme that best matches a council's name (`quick --council`), or a ScenarioError
    naming the closest held schemes and how to add one."""
    found = find_schemes(rules, text, limit=1)
    if not found:
        raise ScenarioError(no_scheme_message(rules, text), "--council")
    return found[0][0].id
