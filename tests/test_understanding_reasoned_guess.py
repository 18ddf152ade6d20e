"""A likely answer drawn from a reason told before it ("..., so probably not."): the answer, as
the sets label a reasoned guess (issue 8, round nineteen). "Probably not" alone, or a reason
that answers already, reads as before (asked again).
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("We changed phones in spring, so probably not.", "s1_apple_id", "no"),
     ("I only ever had the one email, so most likely yes.", "s1_apple_id", "yes"),
     ("Barely use it to be honest, so probably not.", "s3_storage_full", "no"),
     ("Probably not.", "s1_apple_id", "unknown"),
     ("So probably not.", "s1_apple_id", "unknown")],
)  # fmt: skip
def test_a_reasoned_guess_is_the_answer(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent
