"""The price of more storage asked at the free-space step (issues 8 and 12, round eighteen):
"How much does the bigger plan cost?", "요금이 얼마예요?": the step's help, where the plans are
shown. Elsewhere, or with no question, it is asked again as before.
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("How much does the bigger plan cost?", "s3_free_space", "help"),
     ("How much is more storage?", "s3_free_space", "help"),
     ("What does it cost?", "s3_free_space", "help"),
     ("How much does it cost?", None, "unknown")],
)  # fmt: skip
def test_the_price_asked_in_english(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("요금이 얼마예요?", "s3_free_space", "help"),
     ("가격이 얼마예요?", "s3_free_space", "help"),
     ("요금이 얼마예요?", None, "unknown")],
)  # fmt: skip
def test_the_price_asked_in_korean(ko, text, question, meant):
    assert ko.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [# A way for free asked (round nineteen): the help, which names the free ways.
     ("Is there a free way to get more space?", "s3_free_space", "help"),
     ("Can I get it for free?", "s3_free_space", "help"),
     ("Wait, do I have to pay?", "s3_free_space", "help"),
     # Told, not asked: the step's answer, as before.
     ("Freed some space without paying.", "s3_free_space", "yes"),
     ("Deleted stuff, didn't have to pay for it.", "s3_free_space", "yes")],
)  # fmt: skip
def test_a_way_for_free_asked_in_english(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("공짜로 하는 방법 있어요?", "s3_free_space", "help"),
     ("무료로 할 수 있어요?", "s3_free_space", "help"),
     ("그거 공짜예요?", "s3_free_space", "help")],
)  # fmt: skip
def test_a_way_for_free_asked_in_korean(ko, text, question, meant):
    assert ko.parse(text, question) == meant
