"""Korean answers about room in iCloud and about paying for more, in sentences of our own:
plenty of room is not full, no empty space at all is full, and paying refused or not
possible is the step not done."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("다행히 여유가 많아요", "no"),
        ("여유는 아주 많아요", "no"),
        ("아이클라우드 용량이 많아요", "no"),
        ("지금 빈 공간이 하나도 없어요", "yes"),  # main read no: 없어요 alone
    ],
)
def test_room_said_in_words(ko, text, meant):
    assert ko.parse(text, "s3_storage_full") == meant


@pytest.mark.parametrize("text", ["저는 돈 못 내요", "추가 결제는 못 해요"])
def test_paying_not_possible_is_not_done(ko, text):
    assert ko.parse(text, "s3_free_space") == "no"


def test_lets_do_it_later_at_the_start_is_no(ko):
    assert ko.parse("오늘 말고 다음에 합시다", "start") == "no"
