"""Understanding, round fifteen (issue 8): wrong actions first, by general rules.

An answer supposed in a condition, another person's belief, the speaker's own thing set
against another's, a reply the screen offers as a button, and a story told on with "next
thing I knew". The phrasings here are this file's own, not the sets' (bench/history/
understanding.md, round fifteen).
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import UNKNOWN, Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [# An answer after "if" or "unless" in its clause is supposed: no answer.
     ("Would I still be talking to you if it was syncing?", "fixed?", UNKNOWN),
     ("Why would I ask if it was on?", "s1_sync_on", UNKNOWN),
     ("Even if it's full, I'm not paying.", "s3_storage_full", UNKNOWN),
     ("Unless it's off, I can't tell.", "s1_sync_on", UNKNOWN),
     # An answer in a clause of its own, outside the condition, still answers.
     ("It's on, if that is what you mean.", "s1_sync_on", "yes"),
     ("If you don't mind me saying, it's off.", "s1_sync_on", "no")],
)  # fmt: skip
def test_an_answer_inside_a_condition_is_no_answer(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [("My husband thinks it's on.", UNKNOWN),
     ("He reckons it's off.", UNKNOWN),
     # What a person says they see is the answer given for them (heldout14's caregivers).
     ("He says it's off.", "no")],
)  # fmt: skip
def test_another_persons_belief_is_no_answer(vocab, text, intent):
    assert vocab.parse(text, "s1_sync_on") == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [("His iPhone says it's full, but mine isn't.", UNKNOWN),
     ("Her storage is full. Ours, I'm not sure.", UNKNOWN),
     # The speaker's own thing with its own answer answers.
     ("I sorted out my son's, mine is full.", "yes")],
)  # fmt: skip
def test_mine_set_against_another_without_an_answer_is_asked_again(vocab, text, intent):
    assert vocab.parse(text, "s3_storage_full") == intent


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


def test_next_thing_i_knew_tells_a_story_not_a_skip(vocab):
    assert vocab.parse("And the next thing I knew, it had switched off.", "s1_sync_on") == "no"
    assert vocab.parse("next thing you know it's on again", "s1_sync_on") != "skip"
    assert vocab.parse("next thing", "s1_sync_on") == "skip"


@pytest.mark.parametrize(
    ("text", "question"),
    [("They're no syncing yet.", "fixed?"), ("it is no full", "s3_storage_full"),
     ("Och, it's no on.", "s1_sync_on")],
)  # fmt: skip
def test_no_between_a_copula_and_the_state_is_not(vocab, text, question):
    assert vocab.parse(text, question) == "no"


def test_no_as_a_determiner_or_an_answer_stays(vocab):
    # "there's no Wi-Fi" says Wi-Fi is absent: cellular, yes (round fourteen's rule).
    assert vocab.parse("There's no wifi here.", "s2_cellular") == "yes"
    assert vocab.parse("No, it's off.", "s1_sync_on") == "no"


@pytest.mark.parametrize(
    ("text", "question"),
    [("If the switch is green, it's my work account.", "s1_apple_id"),
     ("Why would I be asking if it was fine?", "fixed?"),
     ("Could it show done if it wasn't done?", "s6_install_update")],
)  # fmt: skip
def test_a_condition_reaches_its_question_and_the_clause_after_it(vocab, text, question):
    assert vocab.parse(text, question) == UNKNOWN


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


@pytest.mark.parametrize(
    "text",
    ['I see a "Later" button and an "Install" button.', "There's a not now button at the bottom."],
)
def test_a_reply_naming_a_button_is_its_label(vocab, text):
    assert vocab.parse(text, "s6_install_update") == UNKNOWN


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [# The speaker still at the step, with a wait: not done yet, keep listening for done.
     ("Hold your horses, I'm still on the iCloud page.", "s3_free_space", "no"),
     ("Give me a minute, still scrolling through the list.", "s1_turn_on", "no"),
     # The phone still busy is waited on (a pause), and a wait alone stays a pause.
     ("One sec, it's still downloading.", "s6_install_update", "pause"),
     ("Hold your horses.", "s1_turn_on", "pause")],
)  # fmt: skip
def test_a_wait_with_the_speaker_still_at_it_is_not_yet(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent
