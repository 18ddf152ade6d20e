"""A command said with "again" right after it ("go back again", "pause again"): that command
once more, not a second command, the repeat (issue 8, round twenty-one: two commands, asked
again)."""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "intent"),
    [("Go back again.", "back"),
     ("Start over again, please.", "start_over"),
     ("Which step is this again?", "where"),
     # a bare answer then "again": two, as before
     ("Yes again.", "repeat")],
)  # fmt: skip
def test_again_after_a_command_is_that_command(vocab, text, intent):
    assert vocab.parse(text, None) == intent
