"""Korean trouble at a step said in words the screen or the speaker uses, in sentences of our
own: a page that cannot be opened, words not seen, not knowing what the Apple ID is, and
하오체 "it is hard" at the start."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [
        ("네이버도 열 수가 없어요", "s2_online", "no"),
        ("구글 페이지를 열 수 없다고 떠요", "s2_online", "no"),
        ("그런 글씨가 안 보여요", "s1_sync_on", "help"),
        ("솔직히 아이디가 뭔지 잘 모르겠어요", "s1_apple_id", "help"),
        ("지금은 좀 어렵소", "start", "no"),
    ],
)
def test_trouble_said_in_words(ko, text, question, meant):
    assert ko.parse(text, question) == meant
