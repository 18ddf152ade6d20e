"""Korean: "understood" in 합쇼체 or the past (알겠습니다, 알았어요) agrees as 알겠어요 does
(issue 12, round nineteen); -겠습니다 there is no intention to ask again about. Not knowing
(모르겠습니다) stays asked again.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("네, 잘 알겠습니다", "start", "yes"),
     ("알았어요, 해 볼게요", "start", "yes"),
     ("알겠습니다", "s1_turn_on", "yes"),
     ("잘 모르겠습니다", "s1_sync_on", "unknown")],
)  # fmt: skip
def test_understood_formally_agrees(ko, text, question, meant):
    assert ko.parse(text, question) == meant
