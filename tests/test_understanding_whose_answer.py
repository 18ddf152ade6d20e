"""Whose answer it is (issue 8): another person's belief is no answer, what a person says
they see is; the speaker's own thing set against another's without an answer of its own is
asked again. Moved from round fifteen's file (bench/history/understanding.md, round fifteen).
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import UNKNOWN, Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "intent"),
    [("My husband thinks it's on.", UNKNOWN),
     ("He reckons it's off.", UNKNOWN),
     # What a person says they see is the answer given for them (heldout14's caregivers).
     ("He says it's off.", "no")],
)  # fmt: skip
def test_another_persons_belief_is_no_answer(vocab, text, intent):
    assert vocab.parse(text, "s1_sync_on") == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [("His iPhone says it's full, but mine isn't.", UNKNOWN),
     ("Her storage is full. Ours, I'm not sure.", UNKNOWN),
     # The speaker's own thing with its own answer answers.
     ("I sorted out my son's, mine is full.", "yes")],
)  # fmt: skip
def test_mine_set_against_another_without_an_answer_is_asked_again(vocab, text, intent):
    assert vocab.parse(text, "s3_storage_full") == intent
