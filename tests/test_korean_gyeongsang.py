"""Gyeongsang (Busan) endings, in sentences of our own: -다카이 (I tell you) says the verb,
and -노 asks why or where (a complaint, or help)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [
        ("벌써 켰다카이", "s1_turn_on", "yes"),
        ("다 됐다카이", "s5_restart", "yes"),
        ("업데이트 없다카이", "s6_update_available", "no"),
        ("와 이래 안 되노", "fixed?", "no"),  # why won't it work: not fixed
        ("어디 있노", "s1_sync_on", "help"),  # where is it
    ],
)
def test_gyeongsang_endings(ko, text, question, meant):
    assert ko.parse(text, question) == meant
