"""Load the rules: read the folders, check every file, lay an overlay over them, check coverage.

``load_rules`` is the entry point; it takes parsed YAML from the parse cache
(:mod:`benefitcalc.loader.cache`) when a shipped file's bytes are unchanged, and runs every check
either way.
"""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from benefitcalc.errors import RulesError
from benefitcalc.loader.cache import ParsedFilesCache
from benefitcalc.loader.overlay import merge
from benefitcalc.loader.schema import (
    FILE_KEYS,
    NAME,
    Meta,
    check_carried_values,
    check_reviewed_to,
    check_tax_years,
    read_meta,
    walk,
)
from benefitcalc.loader.strict_yaml import Parse, parse_yaml
from benefitcalc.loader.tree import LATE_START_PREFIXES, ParameterSpec, RuleSet

META_FILE = "rules.yaml"


def _read_file(raw: object, path: str, shown: str, specs: dict[str, ParameterSpec]) -> None:
    """One parsed rules file: its top-level ``reviewed_to`` (if any), then its groups and parameters."""
    if not isinstance(raw, dict) or not any(key in raw for key in FILE_KEYS):
        walk(raw, path, shown, specs)
        return
    reviewed_to = check_reviewed_to(raw["reviewed_to"], shown)
    found: dict[str, ParameterSpec] = {}
    # A copy without the file's own keys: the parsed YAML may be the parse cache's, which must not change.
    walk({key: value for key, value in raw.items() if key not in FILE_KEYS}, path, shown, found)
    for name, spec in found.items():
        specs[name] = ParameterSpec(
            spec.path,
            spec.description,
            spec.unit,
            spec.period,
            spec.type,
            spec.columns,
            spec.note,
            spec.values,
            spec.file,
            uprating=spec.uprating,
            reviewed_to=reviewed_to,
        )


def _read_tree(
    root: Path, label: str, parse: Parse, paths: dict[str, str]
) -> tuple[dict[str, ParameterSpec], list[tuple[str, bytes]]]:
    """The parameters and bytes of every rules file under ``root``; ``paths`` gets each file's shown
    name -> its path on disk (for :meth:`RuleSet.key_lines`)."""
    specs: dict[str, ParameterSpec] = {}
    blobs: list[tuple[str, bytes]] = []
    for file in sorted(root.rglob("*.y*ml")):
        rel = file.relative_to(root)
        if rel.as_posix() == META_FILE:
            continue
        if file.suffix not in (".yaml", ".yml"):
            continue
        data = file.read_bytes()
        blobs.append((rel.as_posix(), data))
        shown = f"{label}/{rel.as_posix()}"
        paths[shown] = str(file)
        parts = list(rel.with_suffix("").parts)
        for part in parts:
            if not NAME.match(part):
                raise RulesError(f"folder and file names must be lower-case snake_case; {part!r} is not", shown)
        raw = parse(data, shown)
        if raw is None:
            raise RulesError("the file is empty", shown)
        _read_file(raw, ".".join(parts), shown, specs)
    return specs, blobs


def _read_meta(path: Path, data: bytes, overlay: bool, parse: Parse) -> Meta:
    return read_meta(str(path), parse(data, str(path)), overlay)


def shipped_rules_dir() -> Path:
    """The rules shipped with the package (inside the wheel), or the repository's ``rules/``."""
    packaged = resources.files("benefitcalc").joinpath("_rules")
    if packaged.is_dir():
        return Path(str(packaged))
    repo = Path(__file__).resolve().parent.parent.parent / "rules"
    if repo.is_dir():
        return repo
    raise RulesError("the shipped rules were not found; reinstall benefitcalc", "rules")


def load_rules(
    overlay_dir: str | Path | None = None, base_dir: str | Path | None = None, *, cache: bool = True
) -> RuleSet:
    """Load and validate the shipped rules, with an optional user directory laid over them.

    With ``cache`` (the default) the shipped files' YAML is read from the parse cache when their
    bytes are unchanged (see :mod:`benefitcalc.loader.cache`); the checks run either way.
    ``cache=False`` parses every file (``benefitcalc rules validate`` does).
    """
    parsed = ParsedFilesCache.open() if cache and base_dir is None else None
    if parsed is None:
        return _load_rules(overlay_dir, base_dir, parse_yaml)
    try:
        rules = _load_rules(overlay_dir, base_dir, parsed.parse)
    except Exception:
        if not parsed.hits:
            raise
        # Some files came from the cache and the load failed: parse every file afresh, which raises
        # the files' own error if they have one (a cache can only have held files that passed).
        parsed = parsed.without_entries()
        rules = _load_rules(overlay_dir, base_dir, parsed.parse)
    parsed.save()  # reached only when every check passed
    return rules


def _load_rules(overlay_dir: str | Path | None, base_dir: str | Path | None, parse_base: Parse) -> RuleSet:
    base = Path(base_dir) if base_dir is not None else shipped_rules_dir()
    meta_path = base / META_FILE
    if not meta_path.is_file():
        raise RulesError(f"missing {META_FILE} (the rules set's version and the dates it covers)", str(base))
    meta_data = meta_path.read_bytes()
    meta = _read_meta(meta_path, meta_data, False, parse_base)
    assert meta.covers_from is not None and meta.covers_to is not None
    check_tax_years(meta.tax_years, meta.covers_from, meta.covers_to, f"{meta_path}: tax_years")
    paths: dict[str, str] = {}
    specs, base_blobs = _read_tree(base, "rules", parse_base, paths)
    blobs = [(f"rules/{name}", data) for name, data in base_blobs]
    blobs.append(("rules/rules.yaml", meta_data))
    sources = [str(base)]
    if overlay_dir is not None:
        meta, specs = _lay_over(Path(overlay_dir), meta, specs, blobs, paths)
        sources.append(str(Path(overlay_dir)))
    assert meta.covers_from is not None and meta.covers_to is not None
    for path, spec in specs.items():
        if spec.values[0].start > meta.covers_from and not path.startswith(LATE_START_PREFIXES):
            raise RulesError(
                f"coverage: first value starts {spec.values[0].start}, after the rules' start {meta.covers_from}; "
                "add the value in force on that day",
                f"{spec.file}: {path}",
            )
        check_carried_values(spec)
    digest = hashlib.sha256()
    for name, data in sorted(blobs):
        digest.update(name.encode() + b"\0" + data + b"\0")
    return RuleSet(
        meta.version,
        digest.hexdigest()[:16],
        meta.covers_from,
        meta.covers_to,
        MappingProxyType(specs),
        tuple(sources),
        meta.tax_years,
        MappingProxyType(paths),
    )


def _lay_over(
    over: Path, meta: Meta, specs: dict[str, ParameterSpec], blobs: list[tuple[str, bytes]], paths: dict[str, str]
) -> tuple[Meta, dict[str, ParameterSpec]]:
    """The rules.yaml and parameters of ``meta`` and ``specs`` with the overlay in ``over`` laid over
    them; the overlay's files are added to ``blobs`` (for the digest)."""
    if not over.is_dir():
        raise RulesError("not a directory of rules files", str(over))
    over_specs, over_blobs = _read_tree(over, str(over), parse_yaml, paths)
    over_meta_path = over / META_FILE
    if over_meta_path.is_file():
        over_meta_data = over_meta_path.read_bytes()
        over_meta = _read_meta(over_meta_path, over_meta_data, True, parse_yaml)
        assert meta.covers_from is not None and meta.covers_to is not None
        covers_to = max(meta.covers_to, over_meta.covers_to or meta.covers_to)
        years = meta.tax_years + over_meta.tax_years
        check_tax_years(years, meta.covers_from, covers_to, f"{over_meta_path}: tax_years")
        meta = Meta(f"{meta.version}+{over_meta.version}", meta.covers_from, covers_to, years)
        over_blobs.append(("rules.yaml", over_meta_data))
    else:
        meta = Meta(f"{meta.version}+local", meta.covers_from, meta.covers_to, meta.tax_years)
    blobs.extend((f"overlay/{name}", data) for name, data in over_blobs)
    return meta, merge(specs, over_specs)
