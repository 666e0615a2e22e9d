"""The reference docs are generated from the code and the rules; they must not drift.

Fix a failure with `python -m benefitcalc.docgen` (or `make docs`) and commit the result.
"""

from __future__ import annotations

import pytest
from benefitcalc.docgen import outputs


@pytest.mark.parametrize("path,text", sorted(outputs().items()), ids=lambda value: getattr(value, "name", ""))
def test_generated_doc_is_current(path, text) -> None:  # type: ignore[no-untyped-def]
    assert path.read_text(encoding="utf-8") == text, f"{path.name} is out of date: run `python -m benefitcalc.docgen`"


def test_public_names_are_all_exported() -> None:
    import benefitcalc

    assert set(benefitcalc.__all__) == {"__version__", *benefitcalc._PUBLIC}
    for name in benefitcalc.__all__:
        assert getattr(benefitcalc, name) is not None
