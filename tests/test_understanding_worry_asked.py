"""A worry about the photos asked as a yes-or-no question (issue 8, round seventeen): "Will my
originals be safe?", "Does that mean my photos get deleted?" were asked again, labelled help
(heldout25-27). The step's help answers the worry. With an answer said too, or with no
question, it is read as before.
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question"),
    [("Are my pictures going to vanish?", "s4_select_optimize"),
     ("Would that wipe my videos?", "s3_free_space")],
)  # fmt: skip
def test_a_worry_about_the_photos_asks_for_help(vocab, text, question):
    assert vocab.parse(text, question) == "help"


@pytest.mark.parametrize(
    ("text", "question"),
    [("Are my pictures going to vanish?", None),
     ("Yes, but will my photos be safe?", "s4_select_optimize"),
     # A wait before it may stop the step too (heldout13 labels it unknown): asked again.
     ("Hold on, will this wipe my photos?", "s4_select_optimize")],
)  # fmt: skip
def test_a_worry_with_an_answer_or_no_question_is_not_help(vocab, text, question):
    assert vocab.parse(text, question) != "help"


@pytest.mark.parametrize(
    ("text", "question"),
    [# Round nineteen: anything at all may be lost, not only the photos.
     ("Is this going to wipe anything off the phone?", "s4_select_optimize"),
     ("Will I lose everything?", "s3_free_space"),
     ("Does that remove my files?", "s4_select_optimize")],
)  # fmt: skip
def test_a_worry_about_anything_lost_asks_for_help(vocab, text, question):
    assert vocab.parse(text, question) == "help"


def test_a_worry_about_anything_with_an_answer_is_read_as_before(vocab):
    assert vocab.parse("Done. Will it delete anything?", "s4_select_optimize") != "help"


@pytest.mark.parametrize(
    ("text", "question"),
    [# Korean, the worry asked in -나요 (round nineteen), as 사진이 지워져요? is.
     ("원본 사진이 사라지나요?", "s4_select_optimize"),
     ("이거 하면 사진 날아가나요?", "s3_free_space")],
)  # fmt: skip
def test_a_korean_worry_asked_in_na_yo_asks_for_help(ko, text, question):
    assert ko.parse(text, question) == "help"
