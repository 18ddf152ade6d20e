"""An answer supposed in a condition is no answer (issue 8): after "if" or "unless" in its
clause, in a question asked with one, or in the clause after one that an "if" opens. Moved
from round fifteen's file (bench/history/understanding.md, round fifteen).
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import UNKNOWN, Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [# An answer after "if" or "unless" in its clause is supposed: no answer.
     ("Would I still be talking to you if it was syncing?", "fixed?", UNKNOWN),
     ("Why would I ask if it was on?", "s1_sync_on", UNKNOWN),
     ("Even if it's full, I'm not paying.", "s3_storage_full", UNKNOWN),
     ("Unless it's off, I can't tell.", "s1_sync_on", UNKNOWN),
     # An answer in a clause of its own, outside the condition, still answers.
     ("It's on, if that is what you mean.", "s1_sync_on", "yes"),
     ("If you don't mind me saying, it's off.", "s1_sync_on", "no")],
)  # fmt: skip
def test_an_answer_inside_a_condition_is_no_answer(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "question"),
    [("If the switch is green, it's my work account.", "s1_apple_id"),
     ("Why would I be asking if it was fine?", "fixed?"),
     ("Could it show done if it wasn't done?", "s6_install_update")],
)  # fmt: skip
def test_a_condition_reaches_its_question_and_the_clause_after_it(vocab, text, question):
    assert vocab.parse(text, question) == UNKNOWN
