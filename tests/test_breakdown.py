"""The breakdown's Line: its hand-written __init__ (benefitcalc.breakdown) behaves as a frozen dataclass's."""

import dataclasses
import inspect
from decimal import Decimal

import pytest
from benefitcalc.breakdown import Line


def test_line_init_takes_the_fields_in_order_with_their_defaults() -> None:
    fields = dataclasses.fields(Line)
    parameters = list(inspect.signature(Line.__init__).parameters.values())[1:]
    assert [p.name for p in parameters] == [f.name for f in fields]
    assert [p.default for p in parameters] == [
        inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default for f in fields
    ]


def test_line_is_frozen_and_compares_by_value() -> None:
    line = Line("award", "Award", Decimal("1.50"), "month")
    assert (line.key, line.label, line.amount, line.period, line.params, line.note) == (
        "award",
        "Award",
        Decimal("1.50"),
        "month",
        (),
        "",
    )
    assert line == Line(key="award", label="Award", amount=Decimal("1.50"), period="month")
    assert hash(line) == hash(Line("award", "Award", Decimal("1.50"), "month"))
    assert dataclasses.replace(line, note="n") == Line("award", "Award", Decimal("1.50"), "month", (), "n")
    with pytest.raises(dataclasses.FrozenInstanceError):
        line.amount = Decimal(0)  # type: ignore[misc]  # the point of the test: a frozen field refuses
