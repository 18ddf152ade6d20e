"""An answer only conceded (issue 12, round twenty-two): the verb granted before itself with
-긴 and a clause after it ("되긴 되는데 엄청 느려요": it does work, but very slowly) is a hedge,
as "kind of" is; heldout23 labels it unknown, and it was acted on as yes."""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import UNKNOWN, Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("ko")


def test_a_conceded_answer_before_a_complaint_is_asked_again(vocab):
    assert vocab.parse("되긴 되는데요, 좀 느려요", "s2_online") == UNKNOWN


@pytest.mark.parametrize(
    "text",
    ["느리긴 한데 되긴 돼요",  # said last, it stands
     "열리긴 하는데 느려요",  # a verb granted once: pages open
     "되긴 돼요"],
)  # fmt: skip
def test_a_conceded_answer_said_last_or_once_stands(vocab, text):
    assert vocab.parse(text, "s2_online") == "yes"
