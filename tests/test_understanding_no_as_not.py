"""Scots and Irish "no" for "not" (issue 8): "no" between a copula and the question's own
state is "not"; as a determiner or the answer word it stays. Moved from round fifteen's file
(bench/history/understanding.md, round fifteen).
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question"),
    [("They're no syncing yet.", "fixed?"), ("it is no full", "s3_storage_full"),
     ("Och, it's no on.", "s1_sync_on")],
)  # fmt: skip
def test_no_between_a_copula_and_the_state_is_not(vocab, text, question):
    assert vocab.parse(text, question) == "no"


def test_no_as_a_determiner_or_an_answer_stays(vocab):
    # "there's no Wi-Fi" says Wi-Fi is absent: cellular, yes (round fourteen's rule).
    assert vocab.parse("There's no wifi here.", "s2_cellular") == "yes"
    assert vocab.parse("No, it's off.", "s1_sync_on") == "no"
