"""A command said back as a question and declined by the speaker ("Skip? Nah, it's full."):
no command; the no answers the command, and what follows answers the question (issue 8,
round twenty-one: "Repeat? No, I got it, it's on." was the repeat command)."""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import UNKNOWN, Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("Go back? No, it's fine, it's on.", "s1_sync_on", "yes"),
     ("Pause? No, I turned it on.", "s1_turn_on", "yes"),
     ("Skip? Nah, it's full.", "s3_storage_full", "yes")],
)  # fmt: skip
def test_a_command_asked_of_oneself_and_declined_is_no_command(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [# asked for: the command stands
     ("Repeat? Yes please.", "s1_sync_on", "repeat"),
     # declined, with nothing said of the question: no answer
     ("Repeat? No.", "s1_sync_on", UNKNOWN)],
)  # fmt: skip
def test_a_command_asked_for_or_only_declined(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent
