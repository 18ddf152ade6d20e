"""Korean "전으로" (to before) as "이전으로": "전으로 가 주세요" is back, also after a reason
("잘못 대답했어요, 전으로 가 주세요": I answered wrong, go back) (issue 12, round eighteen).
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("잘못 대답했어요, 전으로 가 주세요", None, "back"),
     ("전으로 가 주세요", "s1_turn_on", "back"),
     ("전으로 돌아가요", None, "back")],
)  # fmt: skip
def test_to_before_is_back(ko, text, question, meant):
    assert ko.parse(text, question) == meant
