"""Amounts of storage said with a unit and no whole, at "is your iCloud storage full?" (issue 8):
"I have 200 GB free" could be of 5 GB or of 2 TB, so it is asked again, never read as the
"I have" yes that would say the storage is full; nothing left is full; the words around an
amount still answer. Sentences of our own; found at the merge of Korean's amounts (the lead,
bench/history/understanding.md, round sixteen)."""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary

QUESTION = "s3_storage_full"


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    "text",
    ["I have 200 GB free.", "It says I have 4.2 GB available.", "I have 2 GB.", "It is 2 GB."],
)
def test_an_amount_of_no_whole_is_asked_again(vocab, text):
    assert vocab.parse(text, QUESTION) == "unknown"


@pytest.mark.parametrize(
    ("text", "intent"),
    [("I have 0 GB available.", "yes"), ("Yes, I have 2 GB left.", "yes"),
     ("No, I have 150 GB free.", "no"), ("I have 2 GB left, plenty of room.", "no")],
)  # fmt: skip
def test_nothing_left_or_the_words_around_the_amount_answer(vocab, text, intent):
    assert vocab.parse(text, QUESTION) == intent


def test_korean_reads_an_amount_with_its_weak_yes_the_same(ko):
    assert ko.parse("2기가 있어요", QUESTION) == "unknown"
