"""The step's state said in other words (issue 8, round seventeen): a thing of the step's no
said to be gone ("Back on, the Apple logo's gone.": yes, was asked again), and not knowing
which thing it is at an action ("I don't know which box is the router.": help, was asked
again).
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("It's on again, black screen went away.", "s5_restart", "yes"),
     # Gone alone says nothing of the step by itself: asked again, not no.
     ("The logo has gone.", "s5_restart", "unknown")],
)  # fmt: skip
def test_a_thing_of_the_no_gone_is_not_that_no(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "question"),
    [("Not sure which cable is the charger.", "s7_charge"),
     ("I don't know which switch is Photos.", "s2_enable_data")],
)  # fmt: skip
def test_not_knowing_which_thing_at_an_action_asks_for_help(vocab, text, question):
    assert vocab.parse(text, question) == "help"


@pytest.mark.parametrize(
    ("text", "intent"),
    [("It reads out my name first.", "yes"),
     # The name with a doubt about the account after it stays asked again.
     ("its my name but the email is an old one", "unknown")],
)  # fmt: skip
def test_the_name_read_out_is_the_account_shown(vocab, text, intent):
    # Round seventeen: "VoiceOver says my name and then Apple ID, ..." was asked again.
    assert vocab.parse(text, "s1_apple_id") == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [("The bar reaches the end.", "yes"),
     ("It's not right across, about half.", "no"),
     # An order to go to the end is no bar: not yes.
     ("Go to the end.", "unknown"),
     ("Jump to the end, it's full.", "unknown")],
)  # fmt: skip
def test_the_storage_bar_said_to_reach_the_end_is_full(vocab, text, intent):
    # Round seventeen: "Bar is all the way across." was asked again (heldout27).
    assert vocab.parse(text, "s3_storage_full") == intent
