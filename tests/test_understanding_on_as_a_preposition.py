"""A state's word used as a preposition (issue 8, round seventeen): "Mobile data on Photos is
off, VoiceOver says off." read "on" as the switch's state (asked again, labelled no); "It's
still got the Apple logo on it." too (asked again, labelled no). Inside the subject, or
between a thing and "it", "on" says where, not how the switch is.
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("Cellular data on Photos is off.", "s2_photos_data", "no"),
     ("Cellular data on Photos is on.", "s2_photos_data", "yes"),
     ("Screen's still black with the logo on it.", "s5_restart", "no"),
     # After a pronoun, "on" is the state.
     ("Turned it on.", "s5_restart", "yes")],
)  # fmt: skip
def test_on_inside_the_subject_is_a_preposition(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent
