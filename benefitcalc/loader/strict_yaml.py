"""Strict, safe YAML for the rules files: duplicate keys refused, decimals and dates read exactly.

PyYAML is imported on first use, not with this module: a run whose rules come from the parse
cache (:mod:`benefitcalc.loader.cache`) and whose scenario is JSON never needs it, and importing it
costs about 25 ms.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from benefitcalc.errors import RulesError
from benefitcalc.inputs import check_yaml, decode_text

if TYPE_CHECKING:  # pragma: no cover
    import yaml


@lru_cache(maxsize=1)
def _strict_safe_loader() -> Any:
    """The YAML loader class, built once: ``yaml.SafeLoader`` (libyaml's parser when PyYAML was built
    with it, about three times faster; the same safe constructor) that refuses duplicate keys and
    reads decimals and dates exactly."""
    import yaml

    class StrictSafeLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        pass

    StrictSafeLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    StrictSafeLoader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)
    StrictSafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_date)
    return StrictSafeLoader


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> dict[Any, Any]:
    import yaml

    loader.flatten_mapping(node)
    mapping: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a name or a date, not a list or mapping", key_node.start_mark
            ) from None
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (the last one would silently win)", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


def _construct_decimal(loader: Any, node: yaml.ScalarNode) -> Decimal:
    import yaml

    text = loader.construct_scalar(node).replace("_", "")
    try:
        return Decimal(text)
    except InvalidOperation as exc:  # .inf, .nan and the like
        raise yaml.constructor.ConstructorError(None, None, f"not a finite number: {text!r}", node.start_mark) from exc


def _construct_date(loader: Any, node: yaml.ScalarNode) -> Any:
    import yaml

    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError as exc:  # 2024-02-30, 2024-13-01
        raise yaml.constructor.ConstructorError(
            None, None, f"{node.value!r} is not a real date ({exc})", node.start_mark
        ) from None


def read_yaml(text: str, where: str) -> Any:
    """Parse YAML text safely (no object construction), refusing duplicate keys."""
    import yaml

    loader = _strict_safe_loader()(text)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        what = " ".join(
            part for part in (exc.problem, f"({exc.context})" if exc.context and exc.problem else exc.context) if part
        )
        raise RulesError(f"not valid YAML{at}: {what}", where) from None
    except yaml.YAMLError as exc:
        raise RulesError(f"not valid YAML: {exc}", where) from None
    except ValueError as exc:  # e.g. 2024-02-30 as a date key
        raise RulesError(f"not valid YAML: {exc}", where) from None
    finally:
        loader.dispose()


def key_lines(text: str) -> dict[str, int]:
    """Each key of a YAML document -> its line (1-based): a side table from the parser's node marks,
    for messages that name a line. Keys are dotted from the top (``income.taper.values.2026-04-01``),
    a list item is ``[i]`` after its key (``bands.values.2026-04-01.value[0]``). The text is composed
    into nodes only (nothing is constructed); a document that does not parse gives an empty table.
    """
    import yaml

    lines: dict[str, int] = {}

    def walk(node: Any, prefix: str) -> None:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                dotted = f"{prefix}.{key_node.value}" if prefix else str(key_node.value)
                lines.setdefault(dotted, key_node.start_mark.line + 1)
                walk(value_node, dotted)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                dotted = f"{prefix}[{i}]"
                lines.setdefault(dotted, item.start_mark.line + 1)
                walk(item, dotted)

    try:
        walk(yaml.compose(text, Loader=yaml.SafeLoader), "")
    except yaml.YAMLError:
        return {}
    return lines


Parse = Callable[[bytes, str], Any]  # a rules file's bytes and where it is (for errors) -> its parsed YAML


def parse_yaml(data: bytes, where: str, *, scan: bool = True) -> Any:
    """A rules file's bytes: decoded and checked by :mod:`benefitcalc.inputs` (UTF-8, limits), then read.

    ``scan=False`` leaves out the event-by-event scan for hostile YAML (nesting, alias bombs, huge
    numbers: :func:`benefitcalc.inputs.check_yaml`), which costs as much as the parse itself. Only
    the parse cache passes it, for the package's own shipped rules files; those are scanned by
    ``benefitcalc rules validate`` and by the test suite, and a ``--rules`` overlay, a directory
    given as the rules and every scenario are always scanned.
    """
    text = decode_text(data, where, RulesError)
    if scan:
        check_yaml(text, where, RulesError)
    return read_yaml(text, where)
