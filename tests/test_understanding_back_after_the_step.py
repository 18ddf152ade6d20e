"""Being back said after the step's own answer (issue 8): the step done, then back.

Not paused, "I'm back" after an answer in a clause before it ("Restarted, I'm back now.") is
the speaker returning from doing the step: the answer stands, as it does when the answer
comes after ("I'm back, it's on again"). Paused, coming back wins. The phrasings are this
file's own (bench/history/understanding.md, round sixteen).
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("Restarted, I'm back now.", "s5_restart", "yes"),
     ("Turned it on, I'm back.", "s1_turn_on", "yes"),
     ("I'm back, it's switched on now.", "s1_turn_on", "yes"),
     ("I'm back.", "s5_restart", "resume")],
)  # fmt: skip
def test_back_after_the_step_is_the_step_done(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


def test_paused_back_after_the_step_resumes(vocab):
    assert vocab.parse("Restarted, I'm back now.", "s5_restart", paused=True) == "resume"
