"""Registers and idioms the rules had not met (issue 8): British "not a bit of it", "same
old" for nothing new, wanting to but not now at the start. The phrasings are this file's own
(bench/history/round-text17.md).
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("Not a bit of it, sadly.", "fixed?", "no"),
     ("Same old, I'm afraid.", "fixed?", "no"),
     ("I would love to but the kids need me.", "start", "no")],
)  # fmt: skip
def test_idioms_of_no(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent
