"""Signed in "with another one" (다른 걸로, 다른 아이디로), in sentences of our own: never the
yes of the same Apple ID or of the sign-in done; main read each as yes."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("지금 다른 걸로 로그인돼 있네요", "s1_apple_id"),
        ("아까 다른 걸로 로그인했어요", "s1_sign_in"),
        ("일단 다른 아이디로 로그인했어요", "s1_sign_in"),
    ],
)
def test_signed_in_with_another_one_is_not_yes(ko, text, question):
    assert ko.parse(text, question) in ("no", "unknown")
