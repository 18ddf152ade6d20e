""" "back" said with a word of being here ("back now", "back here") as a clause of its own
(issue 8, round nineteen): the speaker come back, resume, paused or not; going back a question
is said with a verb ("go back now") or asked for ("back now please"), and "back" alone stays
the grammar's command when not paused (round nine).
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question"),
    [("Alright, back now.", None),
     ("back now", "s2_online"),
     ("Right, back here.", "s1_sync_on"),
     ("OK. Back now.", "s5_restart")],
)  # fmt: skip
def test_back_said_with_now_is_coming_back(vocab, text, question):
    assert vocab.parse(text, question) == "resume"
    assert vocab.parse(text, question, paused=True) == "resume"


@pytest.mark.parametrize(
    ("text", "intent"),
    [("back", "back"),
     ("Go back now.", "back"),
     ("Take me back now.", "back"),
     ("back now please", "back"),  # asked for: the command, as before
     ("Back now. Where were we?", "unknown")],  # as read before (round seventeen)
)  # fmt: skip
def test_going_back_said_otherwise_is_read_as_before(vocab, text, intent):
    assert vocab.parse(text, "s2_online") == intent
