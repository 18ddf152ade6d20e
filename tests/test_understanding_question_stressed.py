"""A question word stressed by the word after it ("Where exactly is that switch?"), issue 8,
round twenty-two: "exactly" alone is a yes, so heldout32's where-question at the sync question
was acted on as yes. The stress is the question's: where or how, the step's help."""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question"),
    [("Where exactly do I find the sync switch?", "s1_sync_on"),
     ("How exactly do I turn it on?", "s1_turn_on"),
     ("Where precisely is the storage bar?", "s3_storage_full")],
)  # fmt: skip
def test_a_stressed_where_or_how_asks_for_help(vocab, text, question):
    assert vocab.parse(text, question) == "help"


def test_exactly_said_as_an_answer_stays_yes(vocab):
    # not after a question word opening its clause: agreement, as before
    assert vocab.parse("Exactly, it's on.", "s1_sync_on") == "yes"


def test_which_app_a_step_term_is_asks_for_help(vocab):
    # Round twenty-two (dev22): "Which app is Safari?" was asked again, as "What is Safari?" is
    # help; "what" alone is not asked so ("that's what the bar says, full" stays yes).
    assert vocab.parse("Which app is Safari?", "s2_online") == "help"
    assert vocab.parse("It's full, that's what the bar says.", "s3_storage_full") == "yes"
