"""Korean, at a switch's question: its knob to the right is on, to the left off, as iOS shows
them (issue 12, round nineteen).
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("버튼이 오른쪽에 있어요", "s1_sync_on", "yes"),
     ("동그라미가 왼쪽으로 가 있네요", "s2_photos_data", "no"),
     ("오른쪽으로 돼 있어요", "s2_photos_data", "yes")],
)  # fmt: skip
def test_the_switch_position_is_its_state(ko, text, question, meant):
    assert ko.parse(text, question) == meant
