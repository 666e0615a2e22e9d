"""The rules as typed, frozen values: each parameter's dated values (:class:`ParameterSpec`), and the
tree resolved for one day: :class:`ParameterNode` groups and :class:`Param` values (built by
:meth:`benefitcalc.loader.ruleset.RuleSet.at`), whose council schemes are :class:`LazyChildren`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from msgspec import Struct

from benefitcalc.errors import CoverageError, RulesError

# A council's council tax reduction scheme begins in the year the council adopted it, so its
# parameters may start after `covers.from`; on a day before a scheme's first value the scheme is
# absent from that day's tree (the programme then says the scheme has no rules for that date).
LATE_START_PREFIXES = ("local_authority.council_tax_reduction.",)


class Reference(Struct, frozen=True):
    title: str
    href: str


class Bracket(Struct, frozen=True):
    """One band of a scale: ``rate`` applies to the part of the base above ``threshold``."""

    threshold: Decimal
    rate: Decimal


class CarriedForward(Struct, frozen=True):
    """A value copied unchanged from an earlier one until the new rate is known and checked.

    ``start`` is the date of the value carried (its figure and source are that value's); ``basis``
    is how the parameter is up-rated (``cpi``, ``earnings``, ``frozen`` or ``policy``), which says
    where a reviewer finds the new figure.
    """

    start: date
    basis: str


class DatedValue(Struct, frozen=True):
    start: date
    value: Any
    reference: tuple[Reference, ...]
    note: str | None
    file: str
    carried_forward: CarriedForward | None = None


class ParameterSpec(Struct, frozen=True):
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


class Param(Struct, frozen=True):
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
        if isinstance(children, LazyChildren):  # the council schemes: each resolved when first read
            object.__setattr__(self, "_children", children)
            return
        object.__setattr__(self, "_children", MappingProxyType(dict(children)))
        for name, child in children.items():
            object.__setattr__(self, name, child)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # copy, pickle and hasattr probe private names: not parameters
            raise AttributeError(name)
        child = self._children.get(name)  # found only in a group of LazyChildren (the others' are attributes)
        if child is not None:
            return child
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


class Provisional(Struct, frozen=True):
    """One value in force on a day that is not yet checked (see :meth:`RuleSet.provisional`)."""

    path: str
    file: str  # the shipped file that holds the parameter, e.g. rules/dbt/national_minimum_wage.yaml
    effective_from: date  # the start of the value in force
    carried_forward: CarriedForward | None  # set when that value is a carried-forward copy
    past_review: date | None  # the file's `reviewed_to`, when the day is after it


class LazyChildren(Mapping[str, "ParameterNode | Param"]):
    """The children of the council tax reduction group in one day's tree: each council's scheme is
    resolved for the day when first read (its files are read then: :mod:`benefitcalc.loader.parameters`)
    and kept, so every reader of the day's tree sees the same node. A scheme that has not begun by the
    day is not there, as in a tree resolved all at once. Iterating resolves every scheme.
    """

    def __init__(
        self,
        names: Collection[str],
        in_order: Callable[[], Iterable[str]],
        resolve: Callable[[str], ParameterNode | None],
        lock: AbstractContextManager[Any],
    ) -> None:
        self._names = names  # every scheme that may be a child
        self._in_order = in_order  # every scheme, in the rules' order (reads them all)
        self._resolve = resolve  # a scheme's node for the day, or None if it has not begun
        self._lock = lock
        self._resolved: dict[str, ParameterNode | None] = {}

    def _child(self, name: str) -> ParameterNode | None:
        if name not in self._names:
            return None
        if name not in self._resolved:
            with self._lock:
                if name not in self._resolved:
                    self._resolved[name] = self._resolve(name)
        return self._resolved[name]

    def __getitem__(self, name: str) -> ParameterNode | Param:
        child = self._child(name) if isinstance(name, str) else None
        if child is None:
            raise KeyError(name)
        return child

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self._child(name) is not None

    def __iter__(self) -> Iterator[str]:
        return iter([name for name in self._in_order() if self._child(name) is not None])

    def __len__(self) -> int:
        return sum(1 for _ in self)


def freeze(path: str, tree: dict[str, Any]) -> ParameterNode:
    """A nested dict of :class:`Param` values (and a :class:`LazyChildren` for the schemes) as nodes."""
    children: dict[str, ParameterNode | Param] = {}
    for name, child in tree.items():
        child_path = f"{path}.{name}" if path else name
        if isinstance(child, dict):
            children[name] = freeze(child_path, child)
        elif isinstance(child, LazyChildren):
            children[name] = ParameterNode(child_path, child)
        else:
            children[name] = child
    return ParameterNode(path, children)
