"""Understanding, round ten (issue 8): heldout19's categories, by general rules.

Tuned on heldout19 after its blind first measurement (bench/README.md, "Round ten"). The
phrasings here are this file's own, not the set's: each test names the category it covers.
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


# Wrong actions first.


@pytest.mark.parametrize("question", [None, "s2_online", "fixed?"])
@pytest.mark.parametrize(
    "text", ["take me back to the very beginning", "right back to the start, please"]
)
def test_back_to_the_very_beginning_is_start_over_not_back(vocab, text, question):
    # "very" inside "back to the beginning" left "go back": one question back, not step one.
    assert vocab.parse(text, question) == "start_over"


def test_back_alone_stays_the_command(vocab):
    assert vocab.parse("go back", "s2_online") == "back"


# Commands said in other ways.


@pytest.mark.parametrize(
    ("text", "intent"),
    [("can you read the question out again", "repeat"),
     ("read that once more", "repeat"),
     ("been through that already, move along", "skip"),
     ("let's pick this back up", "resume"),
     ("please switch yourself off now", "stop"),
     ("tone it down a little please", "quieter")],
)  # fmt: skip
def test_commands_in_other_words(vocab, text, intent):
    assert vocab.parse(text) == intent
    assert vocab.parse(text, "s2_online") == intent


def test_move_along_after_an_answer_asks_only_for_the_next_question(vocab):
    # As "it's off, carry on": the answer brings the next question; not skipped unanswered.
    assert vocab.parse("it's off, move along", "s1_sync_on") == "no"


def test_power_off_as_a_button_is_not_the_assistant_told_to_stop(vocab):
    # Only the assistant told to switch itself off stops; a button named is not.
    assert vocab.parse("is it the power off button?", "s5_restart") != "stop"
