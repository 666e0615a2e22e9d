"""The breakdown's records (benefitcalc.breakdown) are frozen msgspec Structs: built positionally or by
name with their defaults, equal and hashed by value, refusing assignment, copied with a change by
``msgspec.structs.replace``."""

from decimal import Decimal

import msgspec
import pytest
from benefitcalc.breakdown import Line, PersonEarnings, ProgrammeResult, Warning


def test_line_is_frozen_and_compares_by_value() -> None:
    line = Line("award", "Award", Decimal("1.50"), "month")
    # the two fields left out take their defaults: no rules cited, no note
    assert (line.key, line.label, line.amount, line.period, line.params, line.note) == (
        "award",
        "Award",
        Decimal("1.50"),
        "month",
        (),
        "",
    )
    assert line == Line(key="award", label="Award", amount=Decimal("1.50"), period="month")
    assert line != Line("award", "Award", Decimal("1.51"), "month")
    assert hash(line) == hash(Line("award", "Award", Decimal("1.50"), "month"))
    assert msgspec.structs.replace(line, note="n") == Line("award", "Award", Decimal("1.50"), "month", (), "n")
    with pytest.raises(AttributeError):
        line.amount = Decimal(0)  # type: ignore[misc]  # the point of the test: a frozen field refuses


def test_results_are_frozen() -> None:
    warning = Warning("code", "message")
    result = ProgrammeResult("pip", Decimal(1), "week", (Line("award", "Award", Decimal(1), "week"),), (warning,))
    earnings = PersonEarnings(
        "Sam", Decimal(16), Decimal(200), Decimal(10400), Decimal(0), "none", Decimal(0), Decimal(0)
    )
    assert (result.programme, result.facts, earnings.self_employment, warning.message) == ("pip", (), None, "message")
    for value, name in ((warning, "code"), (result, "amount"), (earnings, "gross")):
        with pytest.raises(AttributeError):
            setattr(value, name, None)
