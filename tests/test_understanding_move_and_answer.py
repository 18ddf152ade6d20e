"""A command that halts or moves the session said with an answer in one utterance (issue 8).

Either could be what the speaker wants acted on, and the words do not say which, so the
assistant asks again; where the words do say (an answer opening the command, a correction,
the speaker telling what was done), the reading stands. "Next thing I knew" tells a story,
not a skip. The phrasings are this file's own (bench/history/understanding.md, round
sixteen), with the last two tests moved from round fifteen's file.
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import UNKNOWN, Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question"),
    [("Skip forward, it's off.", "s1_sync_on"),
     ("Skip this, it's nearly full.", "s3_storage_full"),
     ("Go back, it's turned on.", "s1_sync_on"),
     ("Start over, it's on.", "s1_sync_on"),
     ("Go back a step, yes that's the one.", "s1_apple_id")],
)  # fmt: skip
def test_a_move_and_an_answer_each_in_a_clause_are_asked_again(vocab, text, question):
    assert vocab.parse(text, question) == UNKNOWN


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [# An answer word before the command is the command's: "no, go back" goes back.
     ("No, go back.", "s1_sync_on", "back"),
     ("Yes, skip it.", "s6_update_available", "skip"),
     # The speaker telling what they did is the reason to skip.
     ("Let's skip it, I've done that already.", "s4_optimized", "skip"),
     # After a correction the answer stands.
     ("Skip, sorry, I mean it's off.", "s1_sync_on", "no"),
     # A move with a subject of its own is told, not ordered.
     ("My sister went back home, it's on.", "s1_sync_on", "yes")],
)  # fmt: skip
def test_a_move_said_with_its_reason_or_corrected_is_read(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "question"),
    [("One moment. Right, it's switched off.", "s1_sync_on"),
     ("Pause a sec. Okay, it's signed in.", "s1_sign_in")],
)  # fmt: skip
def test_a_pause_then_an_answer_opened_by_an_acknowledgment_is_asked_again(vocab, text, question):
    assert vocab.parse(text, question) == UNKNOWN


@pytest.mark.parametrize(
    ("text", "intent"),
    [("I quit partway through.", UNKNOWN),
     ("It quit on me at ninety percent.", UNKNOWN),
     # Something else that quit is how the step went, and a stop alone still stops.
     ("The download quit halfway through.", "no"),
     ("I quit.", "stop")],
)  # fmt: skip
def test_a_stop_told_in_the_answer_is_neither(vocab, text, intent):
    assert vocab.parse(text, "s6_install_update") == intent


@pytest.mark.parametrize(
    ("text", "question"),
    [("Skip it, I'm on wifi.", "s2_cellular"),
     ("Pause a moment. Alright, it's signed in.", "s1_sign_in"),
     ("We quit halfway.", "s6_install_update")],
)  # fmt: skip
def test_the_speaker_answering_beside_a_move_or_a_stop_is_asked_again(vocab, text, question):
    assert vocab.parse(text, question) == UNKNOWN


@pytest.mark.parametrize(
    ("text", "question"),
    [("Next, it went to a white screen.", "s5_restart"),
     ("Go back, the wrong thing came up.", "s1_sync_on")],
)  # fmt: skip
def test_a_move_then_a_story_not_understood_is_asked_again(vocab, text, question):
    assert vocab.parse(text, question) == UNKNOWN


def test_the_speaker_telling_why_keeps_the_move(vocab):
    assert vocab.parse("Go back, I pressed the wrong one.", "s1_sync_on") == "back"


@pytest.mark.parametrize("text", ["I stopped partway through.", "I stopped halfway."])
def test_stopping_midway_at_an_action_is_not_read_as_its_opposite(vocab, text):
    # "stopped" negating "halfway" would read "done": the step broke off; asked again.
    assert vocab.parse(text, "s6_install_update") == UNKNOWN


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [# A pause, then a sentence that opens with an answer word and answers: asked again.
     ("One moment. Yes, it's plugged in.", "s7_charge", UNKNOWN),
     ("Give me a sec. No, it's grey.", "s1_sync_on", UNKNOWN),
     # A reason that goes on from the pause keeps it.
     ("Give me a sec, it's still loading.", "s2_fix_network", "pause")],
)  # fmt: skip
def test_a_pause_answered_afresh_is_asked_again(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


def test_next_thing_i_knew_tells_a_story_not_a_skip(vocab):
    assert vocab.parse("And the next thing I knew, it had switched off.", "s1_sync_on") == "no"
    assert vocab.parse("next thing you know it's on again", "s1_sync_on") != "skip"
    assert vocab.parse("next thing", "s1_sync_on") == "skip"


@pytest.mark.parametrize(
    ("text", "question"),
    [# An order to move the rules do not know, then an answer: which is meant? Asked again.
     ("Jump to the final step, it's off.", "s1_sync_on"),
     ("Take me to the end. Yes.", "s3_storage_full"),
     ("Head to the last one, no.", "s2_cellular")],
)  # fmt: skip
def test_an_unknown_move_before_an_answer_is_asked_again(vocab, text, question):
    assert vocab.parse(text, question) == UNKNOWN


def test_an_answer_then_an_order_to_move_still_answers(vocab):
    # The answer first, the move after it: as "yes, skip" (round sixteen), the answer stands.
    assert vocab.parse("Yes, go to the end.", "s1_sync_on") == "yes"


def test_next_thing_i_know_tells_a_story_in_the_present_too(vocab):
    assert vocab.parse("Next thing I know, it's asking for the code.", "s1_sign_in") != "skip"


@pytest.mark.parametrize(
    ("text", "question"),
    [("Can you skip the intro and tell me where to tap?", "s2_enable_data"),
     ("Skip the preamble, how do I do it?", "s4_select_optimize")],
)  # fmt: skip
def test_skipping_another_thing_than_the_step_is_not_a_skip(vocab, text, question):
    # Round seventeen: "Could you skip the explanation ..." was skip: the talk, or the step?
    assert vocab.parse(text, question) != "skip"


def test_the_speaker_telling_where_they_went_still_answers(vocab):
    # "go to" naming no place in the steps: told, not an order to move.
    assert vocab.parse("Go to settings, it's on.", "s1_sync_on") == "yes"
