"""Load the rules: find the files, read rules.yaml, lay an overlay over them, and check the national
files now (each council's scheme file when first used: :mod:`benefitcalc.loader.parameters`).

``load_rules`` is the entry point; it takes parsed YAML from the parse cache
(:mod:`benefitcalc.loader.cache`) when a shipped file's bytes are unchanged, and runs every check
either way.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from types import MappingProxyType

from benefitcalc.errors import RulesError
from benefitcalc.loader.cache import ParsedFilesCache
from benefitcalc.loader.files import FileReader, RulesFile
from benefitcalc.loader.parameters import Parameters
from benefitcalc.loader.ruleset import RuleSet
from benefitcalc.loader.schema import NAME, Meta, check_tax_years, read_meta
from benefitcalc.loader.strict_yaml import parse_yaml

META_FILE = "rules.yaml"


def _find_files(root: Path, label: str, overlay: bool, paths: dict[str, str]) -> list[RulesFile]:
    """Every rules file under ``root``, read (bytes only: parsing waits for :class:`Parameters`), in the
    order of their paths' parts; ``paths`` gets each file's shown name -> its path on disk (for
    :meth:`RuleSet.key_lines`).

    Found with os.walk and plain strings rather than ``Path.rglob`` and a Path per file: the same files
    (``*.yaml`` and ``*.yml``) and order, for a third of the cost of a load of the national files."""
    found: list[tuple[tuple[str, ...], str]] = []
    for folder, folders, names in os.walk(root, followlinks=True):
        folders.sort()
        rel_folder = os.path.relpath(folder, root)
        parts = () if rel_folder == "." else tuple(rel_folder.split(os.sep))
        found.extend(((*parts, name), os.path.join(folder, name)) for name in names if name.endswith((".yaml", ".yml")))
    files = []
    for parts, disk in sorted(found):
        rel = "/".join(parts)
        if rel == META_FILE:
            continue
        shown = f"{label}/{rel}"
        paths[shown] = disk
        names = [*parts[:-1], parts[-1].rsplit(".", 1)[0]]
        for part in names:
            if not NAME.match(part):
                raise RulesError(f"folder and file names must be lower-case snake_case; {part!r} is not", shown)
        with open(disk, "rb") as handle:
            data = handle.read()
        files.append(RulesFile(shown, ".".join(names), data, overlay))
    return files


def shipped_rules_dir() -> Path:
    """The rules shipped with the package (inside the wheel), or the repository's ``rules/``."""
    # The package's own folder, as importlib.resources.files("benefitcalc") gives it for an installed
    # package (read as a Path there too), without that call's cost on every load.
    package = Path(__file__).resolve().parent.parent
    packaged = package / "_rules"
    if packaged.is_dir():
        return packaged
    repo = package.parent / "rules"
    if repo.is_dir():
        return repo
    raise RulesError("the shipped rules were not found; reinstall benefitcalc", "rules")


def load_rules(
    overlay_dir: str | Path | None = None, base_dir: str | Path | None = None, *, cache: bool = True
) -> RuleSet:
    """Load and validate the shipped rules, with an optional user directory laid over them.

    rules.yaml and the national files are read and checked now; each council's council tax reduction
    scheme file when first used (:mod:`benefitcalc.loader.parameters`; ``RuleSet.load_all`` reads them
    all). With ``cache`` (the default) the shipped files' YAML is read from the parse cache when their
    bytes are unchanged (see :mod:`benefitcalc.loader.cache`); the checks run either way.
    ``cache=False`` parses every file (``benefitcalc rules validate`` does).
    """
    parsed = ParsedFilesCache.open() if cache and base_dir is None else None
    return _load_rules(overlay_dir, base_dir, parsed)


def _load_rules(overlay_dir: str | Path | None, base_dir: str | Path | None, cache: ParsedFilesCache | None) -> RuleSet:
    base = Path(base_dir) if base_dir is not None else shipped_rules_dir()
    meta_path = base / META_FILE
    if not meta_path.is_file():
        raise RulesError(f"missing {META_FILE} (the rules set's version and the dates it covers)", str(base))
    meta_data = meta_path.read_bytes()
    paths: dict[str, str] = {}
    files = _find_files(base, "rules", False, paths)
    reader = FileReader(cache)
    meta = reader.run(lambda parse: read_meta(str(meta_path), parse(meta_data, str(meta_path)), False))
    assert meta.covers_from is not None and meta.covers_to is not None
    check_tax_years(meta.tax_years, meta.covers_from, meta.covers_to, f"{meta_path}: tax_years")
    blobs = [(f"rules/{file.shown[len('rules/') :]}", file.data) for file in files]
    blobs.append(("rules/rules.yaml", meta_data))
    sources = [str(base)]
    if overlay_dir is not None:
        meta = _lay_over(Path(overlay_dir), meta, files, blobs, paths)
        sources.append(str(Path(overlay_dir)))
    assert meta.covers_from is not None and meta.covers_to is not None
    parameters = Parameters(files, reader, meta.covers_from)  # reads and checks the national files
    digest = hashlib.sha256()
    for name, data in sorted(blobs):
        digest.update(name.encode() + b"\0" + data + b"\0")
    return RuleSet(
        meta.version,
        digest.hexdigest()[:16],
        meta.covers_from,
        meta.covers_to,
        parameters,
        tuple(sources),
        meta.tax_years,
        MappingProxyType(paths),
    )


def _lay_over(
    over: Path, meta: Meta, files: list[RulesFile], blobs: list[tuple[str, bytes]], paths: dict[str, str]
) -> Meta:
    """The rules.yaml of ``meta`` with the overlay's in ``over`` laid over it; the overlay's files are
    added to ``files`` (after the shipped ones) and to ``blobs`` (for the digest)."""
    if not over.is_dir():
        raise RulesError("not a directory of rules files", str(over))
    over_files = _find_files(over, str(over), True, paths)
    over_blobs = [(file.shown[len(str(over)) + 1 :], file.data) for file in over_files]
    over_meta_path = over / META_FILE
    if over_meta_path.is_file():
        over_meta_data = over_meta_path.read_bytes()
        over_meta = read_meta(str(over_meta_path), parse_yaml(over_meta_data, str(over_meta_path)), True)
        assert meta.covers_from is not None and meta.covers_to is not None
        covers_to = max(meta.covers_to, over_meta.covers_to or meta.covers_to)
        years = meta.tax_years + over_meta.tax_years
        check_tax_years(years, meta.covers_from, covers_to, f"{over_meta_path}: tax_years")
        meta = Meta(f"{meta.version}+{over_meta.version}", meta.covers_from, covers_to, years)
        over_blobs.append(("rules.yaml", over_meta_data))
    else:
        meta = Meta(f"{meta.version}+local", meta.covers_from, meta.covers_to, meta.tax_years)
    blobs.extend((f"overlay/{name}", data) for name, data in over_blobs)
    files.extend(over_files)
    return meta
