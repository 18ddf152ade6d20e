""" "not" with the least amount ("not a bit", "not one bit") only stresses the negation (issue
8, round nineteen): alone it is "not at all"; before "of", the thing is denied outright ("not
one bit of change" is "no change"), so at the storage question "not a shred of space left" is
no space left: full, yes.
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("Nope, not one bit of change.", "fixed?", "no"),
     ("Not a jot.", "fixed?", "no"),
     ("It's not a tiny bit full.", "s3_storage_full", "no"),
     ("There's not a shred of space left.", "s3_storage_full", "yes"),
     # A bit without "not": as before.
     ("It's a bit better.", "fixed?", "unknown")],
)  # fmt: skip
def test_not_and_the_least_amount(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent
