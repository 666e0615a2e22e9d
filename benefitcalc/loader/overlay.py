"""Overlays (``--rules DIR``): a user's rules files laid over the shipped ones (docs/rules.md).

An overlay may add dated values to a parameter (its value wins on the same date), add parameters,
extend ``covers.to`` with the tax years it adds, and set a file's ``reviewed_to``; it may not
change what a parameter is (unit, period, type) or move ``covers.from``.
"""

from __future__ import annotations

from benefitcalc.errors import RulesError
from benefitcalc.loader.tree import ParameterSpec


def merge(base: dict[str, ParameterSpec], overlay: dict[str, ParameterSpec]) -> dict[str, ParameterSpec]:
    """The parameters of ``base`` with ``overlay``'s laid over them."""
    merged = dict(base)
    for path, spec in overlay.items():
        old = merged.get(path)
        if old is None:
            merged[path] = spec
            continue
        if (old.unit, old.period, old.type) != (spec.unit, spec.period, spec.type):
            raise RulesError(
                f"unit/period/type ({spec.unit}, {spec.period}, {spec.type}) differ from the shipped parameter's "
                f"({old.unit}, {old.period}, {old.type}); an overlay may add values, not change what a parameter is",
                f"{spec.file}: {path}",
            )
        by_start = {v.start: v for v in old.values}
        by_start.update({v.start: v for v in spec.values})
        values = tuple(by_start[k] for k in sorted(by_start))
        reviewed = [day for day in (old.reviewed_to, spec.reviewed_to) if day is not None]
        merged[path] = ParameterSpec(
            path,
            spec.description,
            spec.unit,
            spec.period,
            spec.type,
            spec.columns,
            spec.note or old.note,
            values,
            old.file,
            uprating=spec.uprating if spec.uprating != "none" else old.uprating,
            reviewed_to=max(reviewed) if reviewed else None,
        )
    return merged
