"""A speech command softened with "a little bit" or "a wee bit" (issue 8, round eighteen):
"Could you say that a wee bit slower?" is slower, as "a bit slower" is; "wee" is little.
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "intent"),
    [("Could you say that a wee bit slower?", "slower"),
     ("Could you say that a little bit louder?", "louder"),
     ("Can you talk a wee bit faster?", "faster"),
     ("Could you say that a little bit quieter?", "quieter")],
)  # fmt: skip
def test_a_little_bit_softens_the_command(vocab, text, intent):
    assert vocab.parse(text) == intent
    assert vocab.parse(text, "s1_turn_on") == intent
