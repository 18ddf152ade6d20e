"""An answer the speaker says they will give (issue 8, round seventeen): "Ask me again in a
minute and I'll say yes." was read yes, a flip at an action not done. Said for later, it is
no answer now: asked again. "I'd say yes" is a hedge that answers.
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question"),
    [("Give it five minutes and I'll tell you yes.", "s6_install_update"),
     ("Check back later, I will say yes then.", "s7_charge")],
)  # fmt: skip
def test_an_answer_promised_for_later_is_asked_again(vocab, text, question):
    assert vocab.parse(text, question) == "unknown"


def test_a_hedged_answer_still_answers(vocab):
    assert vocab.parse("I'd say yes.", "s1_sync_on") == "yes"
