"""Korean: from the first step again (1단계부터 다시, 첫 단계부터) is start over, as 처음부터
다시 is (issue 12, round nineteen); 다시 after it is no repeat of its own.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    ["1단계부터 다시 가 주세요", "일 단계부터 다시요", "첫 단계부터 해 주세요"],
)
def test_from_the_first_step_again_is_start_over(ko, text):
    assert ko.parse(text) == "start_over"
