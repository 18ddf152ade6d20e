"""An answer word on a control the screen shows is its label, not the speaker's answer
(issue 8): 'There is an "OK" button' says what is there, not that the step is done. The
question's own phrase on a button says what it asks about ("a Download and Install button":
an update is there). A reply the screen offers ("Not Now", "Later") is a label too. The
phrasings are this file's own (bench/history/understanding.md, round sixteen), with the
last two tests moved from round fifteen's file.
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


@pytest.mark.parametrize(
    "text",
    [
        'The box says "Later" and "Install Now".',
        'There is a "Remind Me Later" button.',
        'A message came up saying "Not Now".',
    ],
)
def test_a_reply_the_screen_offers_is_a_label_not_the_answer(vocab, text):
    assert vocab.parse(text, "s6_install_update") == UNKNOWN


@pytest.mark.parametrize(
    "text",
    ['I see a "Later" button and an "Install" button.', "There's a not now button at the bottom."],
)
def test_a_reply_naming_a_button_is_its_label(vocab, text):
    assert vocab.parse(text, "s6_install_update") == UNKNOWN
