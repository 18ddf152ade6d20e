"""Understanding, round thirteen (issue 8): heldout23's categories, by general rules.

Trouble at an action said as a problem, a worry asked back, an address compared with the
speaker's, an update named by its version, the optional part of a step left as the flow
allows, the charger not at hand, and starting everything again. The phrasings here are this
file's own, not the sets' (bench/history/understanding.md, "Round thirteen").
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import UNKNOWN, Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question"),
    [# A learner's "am not" + a verb's bare form is "do not": a password not remembered.
     ("I am not remember my password", "s1_sign_in"),
     ("sorry, we are not know the password", "s1_sign_in"),
     ("I'm not understand", "s4_select_optimize"),
     # The network's password not known, to join again after the reset.
     ("we don't know our wifi password", "s2_fix_network"),
     ("I forgot the Wi-Fi password", "s2_fix_network"),
     # Asked for a code that goes to another device.
     ("it's asking me for a code sent to my iPad", "s1_sign_in")],
)  # fmt: skip
def test_trouble_at_an_action_said_as_a_problem_is_help(vocab, text, question):
    assert vocab.parse(text, question) == "help"


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [# "am not" before what is no bare verb stays as it was.
     ("I am not sure", "s1_sign_in", UNKNOWN),
     ("I'm not done", "s1_sign_in", "no"),
     ("I was not remember", "s1_sign_in", UNKNOWN),
     # Once the code came and was typed, the trouble is past.
     ("the code was sent to my other phone and I typed it in, I'm in", "s1_sign_in", "yes")],
)  # fmt: skip
def test_what_is_not_trouble_is_read_as_before(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "question"),
    [("would I lose anything if I did it?", "s4_select_optimize"),
     ("am I going to lose my pictures?", "s3_free_space"),
     ("do I lose the originals", "s4_select_optimize")],
)  # fmt: skip
def test_a_worry_asked_back_is_help(vocab, text, question):
    assert vocab.parse(text, question) == "help"


@pytest.mark.parametrize(
    ("text", "intent"),
    [# "mine" compared with, not owned: another account.
     ("the address on there is different from mine", "no"),
     ("it's a different id than mine", "no"),
     # Owned, or the same as the speaker's: as before.
     ("yes, that one is mine", "yes"),
     ("it's the same as mine", "yes")],
)  # fmt: skip
def test_an_address_compared_with_the_speakers(vocab, text, intent):
    assert vocab.parse(text, "s1_apple_id") == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [# A version number after the name is the name: what is said of it answers.
     ("there is an iOS 19.3 waiting", "yes"),
     ("there's iOS 20 waiting for me", "yes"),
     ("iOS 19.1 is available", "yes"),
     # Said of the version already there: not an update to install.
     ("there is an iOS 19.2 installed already", UNKNOWN),
     ("I'm on iOS 19.1 and it says up to date", "no")],
)  # fmt: skip
def test_an_update_named_by_its_version(vocab, text, intent):
    assert vocab.parse(text, "s6_update_available") == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [# The optional part (Unlimited Updates, "if the plan allows") left: the step done.
     ("no unlimited on my plan, so I skipped that one", "yes"),
     ("I left that part, the plan does not include unlimited", "yes"),
     # The plan's reason alone says nothing of the step; the main part not done is not done.
     ("my plan does not have unlimited", UNKNOWN),
     ("the plan doesn't have unlimited so I didn't turn anything on", UNKNOWN)],
)  # fmt: skip
def test_the_optional_part_left_as_the_flow_allows(vocab, text, intent):
    assert vocab.parse(text, "s2_enable_data") == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [# The charger not at hand: the action cannot be done now, so not yet (the assistant
     # waits; nothing moves on).
     ("I don't have a charger with me right now", "no"),
     ("no charger here", "no"),
     # Plugged in another way: as before.
     ("I have my charger now, plugged in", "yes")],
)  # fmt: skip
def test_the_charger_not_at_hand(vocab, text, intent):
    assert vocab.parse(text, "s7_charge") == intent


@pytest.mark.parametrize("question", [None, "s3_storage_full", "fixed?"])
def test_beginning_everything_again_is_start_over(vocab, question):
    assert vocab.parse("let's begin the whole thing again", question) == "start_over"
    assert vocab.parse("begin it all again please", question) == "start_over"
    assert vocab.parse("begin", None, paused=True) == "resume"
