"""A statement ended by a tag question (issue 8, round seventeen): "It's not full, is it?" was
read no, "Green means on, right?" yes. The speaker asks to be told: asked again. Without the
question mark, or with no tag, the statement answers.
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question"),
    [("It's switched off, isn't it?", "s2_photos_data"),
     ("Plenty of room, right?", "s3_storage_full"),
     ("It was updated, wasn't it?", "s6_update_available"),
     ("So it's on, is that right?", "s1_sync_on")],
)  # fmt: skip
def test_a_statement_with_a_tag_question_is_asked_again(vocab, text, question):
    assert vocab.parse(text, question) == "unknown"


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("It's switched off.", "s2_photos_data", "no"),
     # "right" as an answer of its own, no question mark: the statement stands.
     ("It's on, right.", "s1_sync_on", "yes")],
)  # fmt: skip
def test_a_statement_without_a_tag_question_answers(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "question"),
    [("It's grey, does that mean off?", "s2_photos_data"),
     ("There's a tick, is that selected?", "s4_optimized")],
)  # fmt: skip
def test_an_answer_then_asked_what_it_means_is_asked_again(vocab, text, question):
    # Round seventeen: "It's green, is that on?" was yes; the speaker asks what they see means.
    assert vocab.parse(text, question) == "unknown"


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [# Whether what the phone does is as it should be: help (heldout26's miss) ...
     ("It wants my PIN again, is this normal?", "s5_restart", "help"),
     # ... but after an answer, it asks about the answer: asked again.
     ("It's off, is that normal?", "s2_photos_data", "unknown")],
)  # fmt: skip
def test_asking_whether_it_is_normal(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent
