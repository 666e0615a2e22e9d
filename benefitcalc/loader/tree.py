"""The rules as typed, frozen values: each parameter's dated values, and the tree resolved for one day.

:class:`RuleSet` holds every validated parameter (:class:`ParameterSpec`); ``RuleSet.at(day)``
resolves them into an immutable tree of :class:`ParameterNode` groups and :class:`Param` values,
cached per day. ``RuleSet.provisional(day)`` says which of that day's values are carried forward
unreviewed or lie past their file's ``reviewed_to`` date (docs/rules.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any

from benefitcalc.errors import CoverageError, RulesError

# A council's council tax reduction scheme begins in the year the council adopted it, so its
# parameters may start after `covers.from`; on a day before a scheme's first value the scheme is
# absent from that day's tree (the programme then says the scheme has no rules for that date).
LATE_START_PREFIXES = ("local_authority.council_tax_reduction.",)


@dataclass(frozen=True, slots=True)
class Reference:
    title: str
    href: str


@dataclass(frozen=True, slots=True)
class Bracket:
    """One band of a scale: ``rate`` applies to the part of the base above ``threshold``."""

    threshold: Decimal
    rate: Decimal


@dataclass(frozen=True, slots=True)
class CarriedForward:
    """A value copied unchanged from an earlier one until the new rate is known and checked.

    ``start`` is the date of the value carried (its figure and source are that value's); ``basis``
    is how the parameter is up-rated (``cpi``, ``earnings``, ``frozen`` or ``policy``), which says
    where a reviewer finds the new figure.
    """

    start: date
    basis: str


@dataclass(frozen=True, slots=True)
class DatedValue:
    start: date
    value: Any
    reference: tuple[Reference, ...]
    note: str | None
    file: str
    carried_forward: CarriedForward | None = None


@dataclass(frozen=True, slots=True)
class ParameterSpec:
    path: str
    description: str
    unit: str
    period: str
    type: str
    columns: tuple[str, ...]
    note: str | None
    values: tuple[DatedValue, ...]
    file: str
    uprating: str = "none"  # how the value changes each April: cpi, earnings, frozen, policy or none
    reviewed_to: date | None = None  # the latest `reviewed_to` of the files that hold this parameter

    def value_on(self, day: date) -> DatedValue:
        chosen = None
        for dated in self.values:
            if dated.start <= day:
                chosen = dated
            else:
                break
        if chosen is None:
            raise CoverageError(
                f"no value in force on {day.isoformat()} (first value starts {self.values[0].start})", self.path
            )
        return chosen


@dataclass(frozen=True, slots=True)
class Param:
    """A parameter resolved for one day: its value, unit, period, reference and start date."""

    path: str
    value: Any
    unit: str
    period: str
    description: str
    reference: tuple[Reference, ...]
    effective_from: date
    note: str | None = None


class ParameterNode:
    """An immutable group of parameters resolved for one day; children are read as attributes.

    Children are stored as instance attributes, so reading one is an ordinary (fast) attribute
    lookup; ``__getattr__`` runs only for a name that is not there, to raise a clear error.

    To a type checker a child read as an attribute is ``Any``: which names exist, and whether each
    is a group or a parameter, is known only once the rules are loaded, so code reading
    ``p.dwp.universal_credit.taper_rate.value`` is not made to narrow a ``ParameterNode | Param``
    union at every step. Typed access is the job of the per-programme rule views built on this tree.
    """

    def __init__(self, path: str, children: Mapping[str, ParameterNode | Param]) -> None:
        object.__setattr__(self, "_path", path)
        object.__setattr__(self, "_children", MappingProxyType(dict(children)))
        for name, child in children.items():
            object.__setattr__(self, name, child)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # copy, pickle and hasattr probe private names: not parameters
            raise AttributeError(name)
        where = f"{self._path}.{name}" if self._path else name
        raise RulesError("no such parameter or group in the rules", where)

    def __delattr__(self, name: str) -> None:
        raise AttributeError("parameters are read-only")

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("parameters are read-only")

    def __contains__(self, name: str) -> bool:
        return name in self._children

    def __iter__(self) -> Iterator[str]:
        return iter(self._children)

    def children(self) -> Mapping[str, ParameterNode | Param]:
        return self._children

    def get(self, dotted: str) -> ParameterNode | Param:
        node: ParameterNode | Param = self
        for part in dotted.split("."):
            if not isinstance(node, ParameterNode):
                raise RulesError("is a parameter, not a group", node.path)
            node = getattr(node, part)
        return node


@dataclass(frozen=True, slots=True)
class Provisional:
    """One value in force on a day that is not yet checked (see :meth:`RuleSet.provisional`)."""

    path: str
    file: str  # the shipped file that holds the parameter, e.g. rules/dbt/national_minimum_wage.yaml
    effective_from: date  # the start of the value in force
    carried_forward: CarriedForward | None  # set when that value is a carried-forward copy
    past_review: date | None  # the file's `reviewed_to`, when the day is after it


@dataclass(frozen=True)
class RuleSet:
    """Validated rules: every parameter with its dated values, the version and a content digest."""

    version: str
    digest: str
    covers_from: date
    covers_to: date
    parameters: Mapping[str, ParameterSpec]
    sources: tuple[str, ...]
    tax_years: tuple[str, ...] = ()  # every tax year covered, in order (rules.yaml `tax_years`)
    file_paths: Mapping[str, str] = field(default_factory=dict)  # a file's shown name -> its path on disk
    _cache: dict[date, ParameterNode] = field(default_factory=dict, repr=False, compare=False)
    _derived: dict[tuple[Any, ...], Any] = field(default_factory=dict, repr=False, compare=False)

    def check_covered(self, day: date) -> None:
        if not (self.covers_from <= day <= self.covers_to):
            raise CoverageError(
                f"the rules (version {self.version}) cover {self.covers_from.isoformat()} to "
                f"{self.covers_to.isoformat()}; {day.isoformat()} is outside them. Choose a date in that range, "
                "or lay newer rules over these with --rules DIR (see docs/rules.md)",
                "date",
            )

    def at(self, day: date) -> ParameterNode:
        """The rules in force on ``day``, as an immutable tree (cached per day on this rule set)."""
        cached = self._cache.get(day)
        if cached is not None:
            return cached
        self.check_covered(day)
        tree: dict[str, Any] = {}
        for path, spec in self.parameters.items():
            if spec.values[0].start > day and path.startswith(LATE_START_PREFIXES):
                continue
            dated = spec.value_on(day)
            param = Param(
                path,
                dated.value,
                spec.unit,
                spec.period,
                spec.description,
                dated.reference,
                dated.start,
                dated.note or spec.note,
            )
            node = tree
            parts = path.split(".")
            for part in parts[:-1]:
                node = node.setdefault(part, {})
            node[parts[-1]] = param
        root = _freeze("", tree)
        self._cache[day] = root
        return root

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

    def provisional(self, day: date) -> tuple[Provisional, ...]:
        """The values in force on ``day`` that are not yet checked: carried forward from an earlier
        value (``carried_forward``), or read on a day after their file's ``reviewed_to`` date.

        In the order of :attr:`parameters`; a council's scheme that has not begun by ``day`` is left
        out, as :meth:`at` leaves it out of the tree. Outside the rules' coverage this raises the
        same :class:`CoverageError` as :meth:`at`.
        """
        return self.derived(("provisional", day), lambda: self._provisional(day))

    def _provisional(self, day: date) -> tuple[Provisional, ...]:
        self.check_covered(day)
        out = []
        for path, spec in self.parameters.items():
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


def _key_lines_of(path: str | None) -> Mapping[str, int]:
    from benefitcalc.loader.strict_yaml import key_lines

    if path is None:
        return MappingProxyType({})
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        return MappingProxyType({})
    return MappingProxyType(key_lines(text))


def _freeze(path: str, tree: dict[str, Any]) -> ParameterNode:
    children: dict[str, ParameterNode | Param] = {}
    for name, child in tree.items():
        child_path = f"{path}.{name}" if path else name
        children[name] = _freeze(child_path, child) if isinstance(child, dict) else child
    return ParameterNode(path, children)
