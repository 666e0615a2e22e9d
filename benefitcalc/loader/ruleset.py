"""The loaded rules (:class:`RuleSet`): every parameter, and the tree in force on a day.

``RuleSet.at(day)`` resolves the parameters into an immutable tree of groups and values, cached per
day; a council's scheme in it is resolved when first read (:class:`~benefitcalc.loader.tree.LazyChildren`),
so a day's tree costs the national rules and the schemes used. ``RuleSet.provisional(day)`` says which
of that day's values are carried forward unreviewed or lie past their file's ``reviewed_to`` date
(docs/rules.md).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

from benefitcalc.errors import CoverageError, RulesError
from benefitcalc.loader.parameters import GROUP, Parameters
from benefitcalc.loader.tree import (
    LATE_START_PREFIXES,
    LazyChildren,
    Param,
    ParameterNode,
    ParameterSpec,
    Provisional,
    freeze,
)


@dataclass(frozen=True)
class RuleSet:
    """Validated rules: every parameter with its dated values, the version and a content digest.

    The national files were read and checked when the rules were loaded; each council's scheme file is
    read and checked when first used (:mod:`benefitcalc.loader.parameters`), and :meth:`load_all`
    reads every one now.
    """

    version: str
    digest: str
    covers_from: date
    covers_to: date
    parameters: Parameters
    sources: tuple[str, ...]
    tax_years: tuple[str, ...] = ()  # every tax year covered, in order (rules.yaml `tax_years`)
    file_paths: Mapping[str, str] = field(default_factory=dict)  # a file's shown name -> its path on disk
    _cache: dict[date, ParameterNode] = field(default_factory=dict, repr=False, compare=False)
    _derived: dict[tuple[Any, ...], Any] = field(default_factory=dict, repr=False, compare=False)

    def load_all(self) -> None:
        """Read and check every council's scheme file not yet read; a file that fails raises its RulesError."""
        self.parameters.load_all()

    def check_covered(self, day: date) -> None:
        if not (self.covers_from <= day <= self.covers_to):
            raise CoverageError(
                f"the rules (version {self.version}) cover {self.covers_from.isoformat()} to "
                f"{self.covers_to.isoformat()}; {day.isoformat()} is outside them. Choose a date in that range, "
                "or lay newer rules over these with --rules DIR (see docs/rules.md)",
                "date",
            )

    def at(self, day: date) -> ParameterNode:
        """The rules in force on ``day``, as an immutable tree (cached per day on this rule set: every
        reader, in any thread, gets the same tree)."""
        cached = self._cache.get(day)
        if cached is not None:
            return cached
        with self.parameters.lock:
            cached = self._cache.get(day)
            if cached is not None:
                return cached
            self.check_covered(day)
            tree: dict[str, Any] = {}
            for path, spec in self.parameters.national_and_group():
                if spec is None:  # the council schemes: resolved when first read
                    lazy = LazyChildren(
                        self.parameters.schemes,
                        self.parameters.schemes_in_order,
                        lambda scheme: self._scheme_at(scheme, day),
                        self.parameters.lock,
                    )
                    _put(tree, path, lazy)
                elif not (spec.values[0].start > day and path.startswith(LATE_START_PREFIXES)):
                    _put(tree, path, _param(path, spec, day))
            root = freeze("", tree)
            self._cache[day] = root
            return root

    def _scheme_at(self, scheme: str, day: date) -> ParameterNode | None:
        """A council's scheme resolved for ``day``; None if it has not begun by then."""
        prefix = f"{GROUP}.{scheme}"
        tree: dict[str, Any] = {}
        for path, spec in self.parameters.under(prefix).items():
            if spec.values[0].start <= day:  # a scheme may start after the rules do (LATE_START_PREFIXES)
                _put(tree, path[len(prefix) + 1 :], _param(path, spec, day))
        return freeze(prefix, tree) if tree else None

    def derived(self, key: tuple[Any, ...], build: Callable[[], Any]) -> Any:
        """``build()``, worked out once per rule set and ``key`` and kept on it, like :meth:`at`.

        For a value that depends on these rules alone, such as a council's scheme checked for one
        day: every point of a sweep can then share it. ``key`` names the value and every input of
        ``build`` other than the rules, e.g. ``("council_tax_reduction", "scheme", scheme_id, day)``.
        A ``build`` that raises leaves nothing behind (it is tried again next time).
        """
        if key not in self._derived:
            self._derived[key] = build()
        return self._derived[key]

    def key_lines(self, file: str) -> Mapping[str, int]:
        """Each key of the rules file shown as ``file`` (dotted from the file's top, with ``[i]`` for a
        list item) -> the line it is on, for messages that name a line. Read from the file when first
        asked (so loading pays nothing for it) and kept; empty when the file is not one of these rules.
        """
        return self.derived(("key_lines", file), lambda: _key_lines_of(self.file_paths.get(file)))

    def provisional(self, day: date, schemes: Collection[str] | None = None) -> tuple[Provisional, ...]:
        """The values in force on ``day`` that are not yet checked: carried forward from an earlier
        value (``carried_forward``), or read on a day after their file's ``reviewed_to`` date.

        In the order of :attr:`parameters`; a council's scheme that has not begun by ``day`` is left
        out, as :meth:`at` leaves it out of the tree. With ``schemes``, the councils' schemes other
        than those are left out too (and not read). Outside the rules' coverage this raises the same
        :class:`CoverageError` as :meth:`at`.
        """
        chosen = None if schemes is None else frozenset(schemes)
        return self.derived(("provisional", day, chosen), lambda: self._provisional(day, chosen))

    def _provisional(self, day: date, schemes: Iterable[str] | None) -> tuple[Provisional, ...]:
        self.check_covered(day)
        out = []
        chosen = None if schemes is None else sorted(schemes)
        for path, spec in self.parameters.ordered(chosen).items():
            if spec.values[0].start > day:
                continue  # a late-starting council scheme: not in that day's tree
            dated = spec.value_on(day)
            past = spec.reviewed_to if spec.reviewed_to is not None and day > spec.reviewed_to else None
            if dated.carried_forward is not None or past is not None:
                out.append(Provisional(path, spec.file, dated.start, dated.carried_forward, past))
        return tuple(out)

    def spec(self, path: str) -> ParameterSpec:
        try:
            return self.parameters[path]
        except KeyError:
            close = [p for p in self.parameters if p.startswith(path + ".")]
            hint = (
                f" It is a group of {len(close)} parameters, e.g. {close[0]}."
                if close
                else " Run `benefitcalc rules show` with a full parameter name."
            )
            raise RulesError("no such parameter in the rules." + hint, path) from None


def _param(path: str, spec: ParameterSpec, day: date) -> Param:
    dated = spec.value_on(day)
    return Param(
        path,
        dated.value,
        spec.unit,
        spec.period,
        spec.description,
        dated.reference,
        dated.start,
        dated.note or spec.note,
    )


def _put(tree: dict[str, Any], path: str, item: Any) -> None:
    """``item`` at the dotted ``path`` of a nested dict, making the groups on the way."""
    parts = path.split(".")
    node = tree
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = item


def _key_lines_of(path: str | None) -> Mapping[str, int]:
    from benefitcalc.loader.strict_yaml import key_lines

    if path is None:
        return MappingProxyType({})
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        return MappingProxyType({})
    return MappingProxyType(key_lines(text))
