"""A thing the step needs said not to work, at an action (issue 8, round seventeen): "Password
isn't working." at sign-in was read no (not yet), labelled help; the sets label the shape both
ways ("Charger is not working": unknown). Not done, or help wanted: asked again. Said of "it",
or with "still", it stays the no of the step.
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [# A thing named as the subject: trouble with what the step needs, asked again.
     ("The verification code doesn't work.", "s1_sign_in", "unknown"),
     ("My cable isn't working.", "s7_charge", "unknown"),
     ("Toggle won't work.", "s2_enable_data", "unknown"),
     # Said of the step itself, or outlasting it: the step's no.
     ("It's not working.", "s2_fix_network", "no"),
     ("Did it, still not working.", "s2_fix_network", "no"),
     ("Nope, not working.", "s1_sign_in", "no")],
)  # fmt: skip
def test_a_thing_said_not_to_work_is_asked_again(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize(
    "text", ["The internet is not working.", "Wifi isn't working."]
)  # fmt: skip
def test_the_steps_own_state_not_working_is_its_no(vocab, text):
    assert vocab.parse(text, "s2_fix_network") == "no"
