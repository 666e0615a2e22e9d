"""Reading a batch of rules files: parse each (through the parse cache for the shipped ones), run
every check on it, lay the overlay's files over the shipped ones and check coverage.

The national files are one batch, read when the rules are loaded; each council's scheme is a batch of
its own, read when first used (:mod:`benefitcalc.loader.parameters`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TypeVar

from msgspec import Struct

from benefitcalc.errors import RulesError
from benefitcalc.loader.cache import ParsedFilesCache
from benefitcalc.loader.overlay import merge
from benefitcalc.loader.schema import FILE_KEYS, check_carried_values, check_reviewed_to, walk
from benefitcalc.loader.strict_yaml import Parse, parse_yaml
from benefitcalc.loader.tree import LATE_START_PREFIXES, ParameterSpec

T = TypeVar("T")
Batch = tuple[dict[str, ParameterSpec], list[tuple[str, ...]]]  # the parameters, and each file's own names


class RulesFile(Struct, frozen=True):
    """A rules file found on disk, read but not yet parsed."""

    shown: str  # its name in messages: rules/dwp/universal_credit.yaml, or the overlay folder's path and the file
    dotted: str  # the path of its top in the rules tree, from its folders and name: dwp.universal_credit
    data: bytes  # its bytes, kept from the load (the rules' digest is of these, so they are what is parsed)
    overlay: bool  # from a --rules overlay: parsed every time, never through the parse cache


def read_file(raw: object, path: str, shown: str, specs: dict[str, ParameterSpec]) -> None:
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


def read_files(files: Sequence[RulesFile], parse: Parse, covers_from: date) -> Batch:
    """Every check on ``files`` (shipped first, then the overlay's, each in order): their parameters,
    the overlay laid over the shipped, and the names each file holds (in file order)."""
    shipped: dict[str, ParameterSpec] = {}
    overlay: dict[str, ParameterSpec] = {}
    names: list[tuple[str, ...]] = []
    for file in files:
        raw = parse_yaml(file.data, file.shown) if file.overlay else parse(file.data, file.shown)
        if raw is None:
            raise RulesError("the file is empty", file.shown)
        found: dict[str, ParameterSpec] = {}
        read_file(raw, file.dotted, file.shown, found)
        (overlay if file.overlay else shipped).update(found)
        names.append(tuple(found))
    specs = merge(shipped, overlay) if overlay else shipped
    for path, spec in specs.items():
        if spec.values[0].start > covers_from and not path.startswith(LATE_START_PREFIXES):
            raise RulesError(
                f"coverage: first value starts {spec.values[0].start}, after the rules' start {covers_from}; "
                "add the value in force on that day",
                f"{spec.file}: {path}",
            )
        check_carried_values(spec)
    return specs, names


class FileReader:
    """Reads batches of rules files for one rule set, through the parse cache when there is one.

    A batch that fails with files from the cache is read again with every file parsed afresh, which
    raises the files' own error if they have one (the cache holds only files that passed); the parses
    of a batch that passed are saved to the cache by :meth:`save`.
    """

    def __init__(self, cache: ParsedFilesCache | None) -> None:
        self._cache = cache

    def run(self, check: Callable[[Parse], T]) -> T:
        """``check(parse)``: parse and check a batch, falling back to fresh parses as above."""
        cache = self._cache
        if cache is None:
            return check(parse_yaml)
        hits = cache.hits
        try:
            result = check(cache.parse)
        except Exception:
            cache.failed()
            if cache.hits == hits:
                raise
            try:
                result = check(cache.reparse)
            except Exception:
                cache.failed()
                raise
        cache.checked()
        return result

    def read(self, files: Sequence[RulesFile], covers_from: date) -> Batch:
        return self.run(lambda parse: read_files(files, parse, covers_from))

    def save(self) -> None:
        """Write the parses of the batches that passed to the cache (nothing when there is no cache)."""
        if self._cache is not None:
            self._cache.save()
