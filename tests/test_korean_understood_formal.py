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


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [# round twenty-one: formal words of the same account, of buying, of leaving it as is
     ("동일한 아이디입니다", "s1_apple_id", "yes"),
     ("저장 공간 추가 구매했어요", "s3_free_space", "yes"),
     ("그냥 둘래요", "s4_select_optimize", "no")],
)  # fmt: skip
def test_formal_and_plain_words_of_the_answer(ko, text, question, meant):
    assert ko.parse(text, question) == meant
