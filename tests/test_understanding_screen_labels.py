"""An answer word on a control the screen shows is its label, not the speaker's answer
(issue 8): 'There is an "OK" button' says what is there, not that the step is done. The
question's own phrase on a button says what it asks about ("a Download and Install button":
an update is there). The phrasings are this file's own (bench/history/round-text17.md).
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import UNKNOWN, Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    "text", ['There is an "OK" button down the bottom.', 'Do I tap the "Yes" button?']
)
def test_an_answer_word_on_a_button_is_a_label(vocab, text):
    assert vocab.parse(text, "s1_turn_on") == UNKNOWN


def test_the_questions_own_phrase_on_a_button_answers(vocab):
    assert vocab.parse("I see a Download and Install button.", "s6_update_available") == "yes"
