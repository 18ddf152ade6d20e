"""Signed in said at a question not about signing in (issue 8, round nineteen): another
question's answer, asked again; with the question's own answer said too, that answer stands.
Where signing in is asked, and without the question, it reads as before (yes).
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("I am logged in.", "s4_optimized", "unknown"),
     ("Yeah I'm signed in.", "s2_photos_data", "unknown"),
     ("I'm logged in, and the switch is off.", "s1_sync_on", "no"),
     # Where signing in is asked: yes, as before.
     ("I am logged in.", "s1_apple_id", "yes"),
     ("I'm signed in now.", "s1_sign_in", "yes")],
)  # fmt: skip
def test_signed_in_answers_only_where_asked(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


def test_signed_in_without_the_question_reads_as_before(vocab):
    assert vocab.parse("I'm signed in.") == "yes"
