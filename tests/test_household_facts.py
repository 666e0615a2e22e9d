"""Household facts answered once on the scenario types (benefitcalc/scenario/people.py), each named after
the legal test it answers. An entry whose components are all `none` is not receiving the benefit."""

from __future__ import annotations

from typing import Any

import pytest
from benefitcalc.scenario import Adult


def adult(**benefits: Any) -> Adult:
    return Adult.model_validate({"age": 40, **benefits})


NONE = {"daily_living": "none", "mobility": "none"}

# (benefits, disability benefit, care or daily living, middle/highest care or daily living,
#  highest care or enhanced daily living)
CASES = [
    ({}, False, False, False, False),
    ({"pip": NONE}, False, False, False, False),
    ({"adult_disability_payment": NONE}, False, False, False, False),
    ({"disability_living_allowance": {"care": "none", "mobility": "none"}}, False, False, False, False),
    ({"pip": {"daily_living": "none", "mobility": "standard"}}, True, False, False, False),
    ({"pip": {"daily_living": "standard", "mobility": "none"}}, True, True, True, False),
    ({"adult_disability_payment": {"daily_living": "enhanced", "mobility": "none"}}, True, True, True, True),
    ({"disability_living_allowance": {"care": "lowest", "mobility": "none"}}, True, True, False, False),
    ({"disability_living_allowance": {"care": "middle", "mobility": "none"}}, True, True, True, False),
    ({"disability_living_allowance": {"care": "highest", "mobility": "none"}}, True, True, True, True),
    ({"disability_living_allowance": {"care": "none", "mobility": "lower"}}, True, False, False, False),
    ({"attendance_allowance": "lower"}, True, True, True, False),
]


@pytest.mark.parametrize("benefits,disability,care,middle,enhanced", CASES)
def test_each_fact(benefits: dict[str, Any], disability: bool, care: bool, middle: bool, enhanced: bool) -> None:
    a = adult(**benefits)
    assert a.receives_disability_benefit is disability
    assert a.receives_care_or_daily_living is care
    assert a.receives_middle_or_highest_care_or_daily_living is middle
    assert a.receives_highest_care_or_enhanced_daily_living is enhanced
