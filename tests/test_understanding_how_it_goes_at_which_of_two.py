"""At a question asking which of two (cellular data or Wi-Fi?), "fine" or "okay" said of how
something goes ("Websites load fine.") says neither: asked again (issue 8, round nineteen).
Where how things go is asked (the Safari question) it answers yes, and an answer said with it
stands.
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("Apps open fine.", "s2_cellular", "unknown"),
     ("Videos stream okay.", "s2_cellular", "unknown"),
     ("Apps open fine, I'm on wifi.", "s2_cellular", "no"),
     ("Emails are coming in fine.", "s2_online", "yes")],
)  # fmt: skip
def test_how_it_goes_says_neither_of_two(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent
