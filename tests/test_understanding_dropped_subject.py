"""A learner's English with the subject left out (issue 8): "is" opening a clause, or right
after "but", with no subject after it, is said of the thing asked about ("Is slow but is
working": it is). Asked with a question mark, or with a subject after it, it stays a
question. The phrasings are this file's own (bench/history/understanding.md, round sixteen).
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import UNKNOWN, Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("Is slow but is working.", "s2_online", "yes"),
     ("I do the restart, is ready now.", "s5_restart", "yes"),
     ("Is off.", "s1_sync_on", "no"),
     # A question keeps its subject or its mark.
     ("Is it working?", "s2_online", UNKNOWN),
     ("Is working?", "s2_online", UNKNOWN)],
)  # fmt: skip
def test_is_without_a_subject_is_said_of_the_thing_asked(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent
