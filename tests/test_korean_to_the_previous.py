"""Korean: 이전으로 with its verb of going (이전으로 가 주세요, 이전으로 돌아가요) is going back,
said with no question too, as 전으로 가요 is (issue 12, round twenty). Guards: 뒤로 갈래요 stays
back; 가요 alone at the start is let's go.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("이전으로 가요", None, "back"),
     ("음 이전으로 가요", None, "back"),
     ("이전으로 돌아가요", None, "back"),
     # as before
     ("뒤로 갈래요", None, "back"),
     ("가요", "start", "yes")],
)  # fmt: skip
def test_to_the_previous_is_back(ko, text, question, meant):
    assert ko.parse(text, question) == meant
