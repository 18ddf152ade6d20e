"""Korean: which control to press asked (어떤 버튼을 눌러요?, 뭘 눌러요?), or the difference
of two asked (둘이 뭐가 달라요?, 무슨 차이예요?), is help (issue 12, round nineteen); 달라요
alone (different) stays the answer no at the Apple ID question.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("어느 버튼 누르면 돼요?", "s5_restart", "help"),
     ("무슨 버튼이요?", "s5_restart", "help"),
     ("둘이 무슨 차이가 있어요?", "s4_optimized", "help"),
     ("뭐가 다른데요?", "s4_optimized", "help"),
     ("달라요", "s1_apple_id", "no")],
)  # fmt: skip
def test_which_control_or_the_difference_asked_is_help(ko, text, question, meant):
    assert ko.parse(text, question) == meant
