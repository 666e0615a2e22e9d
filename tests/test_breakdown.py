"""The breakdown's hand-written __init__ (benefitcalc.breakdown, for speed) behave as a frozen dataclass's."""

import dataclasses
import inspect
from decimal import Decimal

import pytest
from benefitcalc.breakdown import Line, PersonEarnings, ProgrammeResult, Warning


@pytest.mark.parametrize("kind", [Line, Warning, ProgrammeResult, PersonEarnings])
def test_init_takes_the_fields_in_order_with_their_defaults(kind: type) -> None:
    fields = dataclasses.fields(kind)
    parameters = list(inspect.signature(kind.__init__).parameters.values())[1:]
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


def test_results_are_frozen() -> None:
    warning = Warning("code", "message")
    result = ProgrammeResult("pip", Decimal(1), "week", (Line("award", "Award", Decimal(1), "week"),), (warning,))
    earnings = PersonEarnings(
        "Sam", Decimal(16), Decimal(200), Decimal(10400), Decimal(0), "none", Decimal(0), Decimal(0)
    )
    assert (result.programme, result.facts, earnings.self_employment, warning.message) == ("pip", (), None, "message")
    for value, name in ((warning, "code"), (result, "amount"), (earnings, "gross")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(value, name, None)
