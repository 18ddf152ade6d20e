"""The update left doing its work, said with its gerund ("leave it installing"), and coming back
said after "and" (issue 8, round nineteen): a pause at the install step, as "I'll leave it
running" is. A done said after it still answers.
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "intent"),
    [("I'm going to leave it installing and come back later.", "pause"),
     ("Let it download, I'll pop back.", "pause"),
     ("Leave it going, and come back in a bit.", "pause"),
     ("Let it install, then it's done.", "yes")],
)  # fmt: skip
def test_the_update_left_running_is_a_pause(vocab, text, intent):
    assert vocab.parse(text, "s6_install_update") == intent
