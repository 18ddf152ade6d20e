"""An answer taken back to a time before, and an idiom of wanting (issue 8, round
seventeen): "It's full, or it was, I just deleted a bunch." was read yes (then or now?), "I
wouldn't say no to an update." no (no answer to whether there is one). Asked again.
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question"),
    [("It's on, or at least it was.", "s1_sync_on"),
     ("Off, or it was before I went in there.", "s2_photos_data"),
     ("Wouldn't say no to more storage.", "s3_storage_full")],
)  # fmt: skip
def test_an_answer_taken_back_in_time_is_asked_again(vocab, text, question):
    assert vocab.parse(text, question) == "unknown"


def test_the_answer_alone_still_answers(vocab):
    assert vocab.parse("It's on.", "s1_sync_on") == "yes"
