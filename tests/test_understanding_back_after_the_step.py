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


@pytest.mark.parametrize(
    ("text", "question"),
    [# Round seventeen: back after words no phrase takes, no answer said: the words before may
     # be the answer ("flicked it over", "could not see it"), so asked again, not resumed.
     ("Flicked it over and I'm back.", "s2_enable_data"),
     ("Could not see it anywhere useful, we're back.", "s4_select_optimize")],
)  # fmt: skip
def test_back_after_words_not_understood_is_asked_again(vocab, text, question):
    assert vocab.parse(text, question) == "unknown"
    assert vocab.parse(text, question, paused=True) == "resume"  # paused: coming back wins


def test_back_alone_or_after_a_filler_still_resumes(vocab):
    assert vocab.parse("Sorry, I'm back.", "s1_sync_on") == "resume"


@pytest.mark.parametrize(
    ("text", "intent"),
    [("Back now, keep going.", "resume"),
     # Going on asked as a question, or "back" after it: as read before (asked again).
     ("Back now. Where were we?", "unknown")],
)  # fmt: skip
def test_back_said_short_then_going_on_resumes(vocab, text, intent):
    # Round seventeen: "Back now, carry on." was asked again (back and resume at once).
    assert vocab.parse(text, None) == intent


@pytest.mark.parametrize("text", ["Went to make tea, I'm back.", "Sorry about that, I'm back."])
def test_back_after_telling_of_being_away_still_resumes(vocab, text):
    # No doing told in the past, no negation: only being away.
    assert vocab.parse(text, "s1_sync_on") == "resume"


@pytest.mark.parametrize(
    ("text", "question"),
    [# Round twenty-one: the step's answer, then "and I'm back" in the same sentence: the
     # resume won over the answer (with a comma between, the answer was read).
     ("Turned it on and I'm back.", "s1_turn_on"),
     ("Plugged it in and I'm back.", "s7_charge")],
)  # fmt: skip
def test_the_step_done_and_back_is_the_step_done(vocab, text, question):
    assert vocab.parse(text, question) == "yes"
    assert vocab.parse(text, question, paused=True) == "resume"  # paused: coming back wins
