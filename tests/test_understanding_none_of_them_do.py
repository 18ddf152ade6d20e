"""A no that names things, then what they do ("no pages open"): none of them do it, a no, not
a no and a yes at once (issue 8). The phrasings are this file's own (bench/history/
understanding.md, round sixteen).
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


def test_no_things_doing_it_is_no():
    vocab = Vocabulary.load("en")
    assert vocab.parse("No pages open.", "s2_online") == "no"
    assert vocab.parse("Negative, no pages open.", "s2_online") == "no"


@pytest.mark.parametrize(
    ("text", "question"),
    [("No, not all of the photos.", "fixed?"),
     ("Not everything, no.", "s2_online")],
)  # fmt: skip
def test_not_all_of_them_is_part_asked_again(text, question):
    # Round seventeen: "Not all of them, no." was no; part of them, as "some of them" is.
    assert Vocabulary.load("en").parse(text, question) == "unknown"


def test_not_all_that_is_a_degree_not_a_part():
    assert Vocabulary.load("en").parse("It's not all that full.", "s3_storage_full") == "no"
