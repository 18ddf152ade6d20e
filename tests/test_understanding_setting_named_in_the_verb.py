"""The setting named between the verb and "on" at the mobile-data step ("switched cellular
data on"): done, as "turned it on" is (issue 8, round nineteen); not yet said stays no.
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "intent"),
    [("OK, switched mobile data on.", "yes"),
     ("I flipped cellular data on for it.", "yes"),
     ("Haven't turned cellular data on yet.", "no")],
)  # fmt: skip
def test_the_setting_named_in_the_verb(vocab, text, intent):
    assert vocab.parse(text, "s2_enable_data") == intent
