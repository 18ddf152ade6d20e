"""A part of the prompt asked for again, read or said ("read that bit again", "say that part
again"), is repeat (issue 8, round nineteen); "that bit again" with no verb of saying is the
trouble again at `fixed?`, not a repeat.
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("Would you read the last part again?", "s2_online", "repeat"),
     ("Say that bit again, sorry.", "s4_optimized", "repeat"),
     ("Could you read that part again please?", None, "repeat"),
     # The trouble again, not the prompt: as before.
     ("It's doing that bit again.", "fixed?", "unknown")],
)  # fmt: skip
def test_a_part_read_again_is_repeat(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent
