"""Registers and idioms the rules had not met (issue 8): British "not a bit of it", "same
old" for nothing new, wanting to but not now at the start, the US South's "fixing to" (about
to: not yet done). The phrasings are this file's own
(bench/history/understanding.md, round sixteen).
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("Not a bit of it, sadly.", "fixed?", "no"),
     ("Same old, I'm afraid.", "fixed?", "no"),
     ("I would love to but the kids need me.", "start", "no")],
)  # fmt: skip
def test_idioms_of_no(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "question"),
    [("Fixing to turn it on.", "s1_turn_on"),
     ("I'm fixing to pick it.", "s4_select_optimize"),
     ("I'm about to turn it on.", "s1_turn_on")],
)  # fmt: skip
def test_about_to_do_the_step_is_not_yet(vocab, text, question):
    assert vocab.parse(text, question) == "no"


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [# round twenty-one's own: very formal consent at the start, "switched" at the data step
     ("We may commence.", "start", "yes"),
     ("You may commence now.", "start", "yes"),
     ("Switched it on, the data one.", "s2_enable_data", "yes")],
)  # fmt: skip
def test_formal_consent_and_switched_on(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


def test_hol_on_is_hold_on():
    # Round twenty-two (dev22): Caribbean "Hol' on, mi phone a ring." was asked again.
    assert Vocabulary.load("en").parse("Hol' on, the door.", "start") == "pause"
