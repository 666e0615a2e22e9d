"""Typed views of the rules: each programme reads its parameters once, checked, into a frozen record.

A programme declares what it reads in a ``from_params`` constructor built from the accessors here
(:func:`amount`, :func:`rate`, :func:`count`, :func:`flag`, :func:`text`, :func:`scale`,
:func:`table`). Each accessor resolves a dotted path, checks that it names a parameter (not a group),
that the unit and period are the ones the programme expects and that the value in force has the
right type, and returns a :class:`Typed` value: the typed value for arithmetic and the
:class:`~benefitcalc.loader.Param` for the lines that cite it. Anything else raises
:class:`~benefitcalc.errors.RulesError` naming the parameter and what was expected, so a missing or
mistyped parameter fails when the views are built (once per rules set and date), not mid-calculation.

A :class:`RuleReader` remembers every path read through it, so a test can list the parameters that
no programme reads. It holds no state beyond one build.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Generic, TypeVar

from msgspec import Struct

from benefitcalc.errors import RulesError
from benefitcalc.loader import Bracket, Param, ParameterNode

T = TypeVar("T")

AMOUNT_UNITS = ("currency-GBP", "hour", "year")
Row = Mapping[str, Any]


class Typed(Struct, Generic[T], frozen=True):
    """One parameter in force on a day: its value, typed, and the :class:`Param` a line cites."""

    param: Param
    value: T

    @property
    def path(self) -> str:
        return self.param.path


class RuleReader:
    """The rules in force on one day, read by dotted path below ``prefix``.

    Every path read is added to ``read``, which the readers made by :meth:`group` share: after a
    build, ``read`` is the set of parameters the views hold.
    """

    def __init__(self, root: ParameterNode, prefix: str = "", read: set[str] | None = None) -> None:
        self.root = root
        self.prefix = prefix
        self.read: set[str] = read if read is not None else set()

    def group(self, path: str) -> RuleReader:
        """A reader for the group at ``path`` (relative to this one), sharing what is read."""
        return RuleReader(self.root, self._full(path), self.read)

    def _full(self, path: str) -> str:
        return f"{self.prefix}.{path}" if self.prefix else path

    def param(self, path: str, expected: str) -> Param:
        """The parameter at ``path``, recorded as read; a group or a missing name is refused."""
        full = self._full(path)
        node: ParameterNode | Param = self.root
        for part in full.split("."):
            if not isinstance(node, ParameterNode) or part not in node:
                raise RulesError(f"no such parameter in the rules; expected {expected}", full)
            node = node.children()[part]
        if not isinstance(node, Param):
            raise RulesError(f"is a group of parameters, not a parameter; expected {expected}", full)
        self.read.add(full)
        return node


def _expected(kind: str, unit: str | None, period: str | None) -> str:
    parts = [f"unit {unit!r}"] if unit is not None else []
    if period is not None:
        parts.append(f"period {period!r}")
    return f"{kind} with {' and '.join(parts)}" if parts else kind


def _read(
    r: RuleReader,
    path: str,
    kind: str,
    unit: str | None,
    period: str | None,
    accept: Callable[[Any], bool],
    optional: bool = False,
) -> Param:
    expected = _expected(kind, unit, period)
    param = r.param(path, expected)
    if unit is not None and param.unit != unit:
        raise RulesError(f"has unit {param.unit!r}; expected {expected}", param.path)
    if period is not None and param.period != period:
        raise RulesError(f"has period {param.period!r}; expected {expected}", param.path)
    if param.value is None:
        if optional:
            return param
        raise RulesError(
            f"has no value from {param.effective_from.isoformat()} (abolished); expected {expected}", param.path
        )
    if not accept(param.value):
        raise RulesError(f"has {_describe(param.value)}; expected {expected}", param.path)
    return param


def _describe(value: Any) -> str:
    """What a value is, in the words of the accessors' expectations."""
    if isinstance(value, tuple) and value and all(isinstance(b, Bracket) for b in value):
        return "a scale of brackets"
    if isinstance(value, tuple) and value and isinstance(value[0], Mapping):
        return f"a table with columns {list(value[0])}"
    if isinstance(value, tuple):
        return "an empty list" if not value else "a list"
    return f"the value {value!r}" if isinstance(value, (bool, str)) else f"the value {value}"


def _is_number(value: Any) -> bool:
    return isinstance(value, Decimal)


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_scale(value: Any) -> bool:
    return isinstance(value, tuple) and bool(value) and all(isinstance(b, Bracket) for b in value)


def amount(r: RuleReader, path: str, *, unit: str = "currency-GBP", period: str) -> Typed[Decimal]:
    """A number in ``unit`` (money, hours or years) for ``period`` (``"none"`` for a limit or an age)."""
    if unit not in AMOUNT_UNITS:
        raise ValueError(f"amount() reads units {AMOUNT_UNITS}; use rate() or count() for {unit!r}")
    param = _read(r, path, "an amount", unit, period, _is_number)
    return Typed(param, param.value)


def optional_amount(r: RuleReader, path: str, *, unit: str = "currency-GBP", period: str) -> Typed[Decimal | None]:
    """As :func:`amount`, but ``None`` where the rules abolish the amount (``value: null``) on the day."""
    if unit not in AMOUNT_UNITS:
        raise ValueError(f"optional_amount() reads units {AMOUNT_UNITS}; not {unit!r}")
    param = _read(r, path, "an amount", unit, period, _is_number, optional=True)
    return Typed(param, param.value)


def rate(r: RuleReader, path: str) -> Typed[Decimal]:
    """A proportion from 0 to 1 (unit ``/1``, no period)."""
    param = _read(r, path, "a rate", "/1", "none", _is_number)
    return Typed(param, param.value)


def count(r: RuleReader, path: str) -> Typed[int]:
    """A whole number (unit ``count``)."""
    param = _read(r, path, "a count", "count", None, _is_count)
    return Typed(param, param.value)


def optional_count(r: RuleReader, path: str) -> Typed[int | None]:
    """As :func:`count`, but ``None`` where the rules abolish it (e.g. the two-child limit from April 2026)."""
    param = _read(r, path, "a count", "count", None, _is_count, optional=True)
    return Typed(param, param.value)


def flag(r: RuleReader, path: str) -> Typed[bool]:
    """True or false (unit ``bool``)."""
    param = _read(r, path, "a flag", "bool", None, lambda v: isinstance(v, bool))
    return Typed(param, param.value)


def text(r: RuleReader, path: str) -> Typed[str]:
    """A word or sentence (unit ``text``)."""
    param = _read(r, path, "text", "text", None, lambda v: isinstance(v, str))
    return Typed(param, param.value)


def scale(r: RuleReader, path: str, *, unit: str = "currency-GBP", period: str = "year") -> Typed[tuple[Bracket, ...]]:
    """Tax brackets: ascending thresholds in ``unit`` for ``period``, each with a rate."""
    param = _read(r, path, "a scale of brackets", unit, period, _is_scale)
    return Typed(param, param.value)


def _table_check(columns: tuple[str, ...]) -> Callable[[Any], bool]:
    def accept(value: Any) -> bool:
        return isinstance(value, tuple) and all(isinstance(row, Mapping) and set(row) == set(columns) for row in value)

    return accept


def table(
    r: RuleReader, path: str, *, columns: tuple[str, ...], unit: str | None = None, period: str | None = None
) -> Typed[tuple[Row, ...]]:
    """Rows with exactly ``columns`` (and the ``unit`` and ``period`` given, if any)."""
    param = _read(r, path, f"a table with columns {list(columns)}", unit, period, _table_check(columns))
    return Typed(param, param.value)


def optional_table(
    r: RuleReader, path: str, *, columns: tuple[str, ...], unit: str | None = None, period: str | None = None
) -> Typed[tuple[Row, ...] | None]:
    """As :func:`table`, but ``None`` where the rules hold no rows for the day (``value: null``)."""
    param = _read(r, path, f"a table with columns {list(columns)}", unit, period, _table_check(columns), optional=True)
    return Typed(param, param.value)


def cite(*values: Typed[Any]) -> tuple[Param, ...]:
    """The parameters behind ``values``, for a :class:`~benefitcalc.breakdown.Line` to cite."""
    return tuple([v.param for v in values])  # a list first: quicker than a generator (called at every line)
