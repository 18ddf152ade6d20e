""" "Back up" said with how far ("a bit", "a step", "one") is going back (issue 8, round
nineteen), also at the internet questions, where "back up" alone is the internet up again;
with another command it is two commands, asked again.
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("Back up a little, please.", "s2_online", "back"),
     ("Can you back up one step?", "s2_fix_network", "back"),
     ("Back up a bit, can you say it again?", "s2_online", "unknown"),
     # "back up" alone, said of the internet: the answer, as before.
     ("The internet's back up.", "s2_fix_network", "yes"),
     ("It's back up, a bit slow though.", "s2_online", "yes")],
)  # fmt: skip
def test_back_up_with_how_far_is_going_back(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent
