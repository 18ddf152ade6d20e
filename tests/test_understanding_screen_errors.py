"""An error the screen shows at an action (issues 8 and 12): trouble with the step, help, not
the no its words hold. Round twenty-one: an error said in a negation's words ("unable to",
"can not") was blocked by its own negation."""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import UNKNOWN, Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question"),
    [("The screen says could not verify.", "s1_sign_in"),
     ("It keeps saying cannot connect to the server.", "s2_fix_network"),
     ("It says could not download the update.", "s6_install_update")],
)  # fmt: skip
def test_an_error_in_a_negation_s_words_is_help(vocab, text, question):
    assert vocab.parse(text, question) == "help"


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [# the speaker's answer after the error: asked again, never the no alone
     ("It says unable to verify, so no.", "s1_sign_in", UNKNOWN),
     # no report of the screen: the speaker's own words, asked again as before
     ("I was unable to do it.", "s1_sign_in", UNKNOWN)],
)  # fmt: skip
def test_an_error_with_an_answer_or_not_shown(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize(
    "text", ["It says my account is locked.", "The screen says I'm locked out."]
)  # fmt: skip
def test_an_account_the_screen_says_is_locked_is_help(vocab, text):
    # Round twenty-two: heldout32's "It says my Apple ID is locked." was acted on as no.
    assert vocab.parse(text, "s1_sign_in") == "help"


@pytest.mark.parametrize(
    ("text", "question"),
    [('"Incorrect password." That is what it says.', "s1_sign_in"),
     ('"Unable to verify update." That\'s what the screen says.', "s6_install_update"),
     # the screen's own answer words ("installing") read out with the error are the screen's
     ('"An error occurred installing iOS." That is on the screen.', "s6_install_update")],
)  # fmt: skip
def test_an_error_read_out_then_said_to_be_shown_is_help(vocab, text, question):
    # Round twenty-two (dev22): the report closing the utterance was not read as one.
    assert vocab.parse(text, question) == "help"
