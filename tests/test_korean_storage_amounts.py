"""Korean amounts of storage said with a unit and no whole, at "is your iCloud storage full?",
in sentences of our own: nothing left is full, an amount of an unsaid whole is no answer of
its own (asked again), and "left" said with an amount is never read as "room left" (no)."""

from __future__ import annotations

import pytest

QUESTION = "s3_storage_full"


@pytest.mark.parametrize(
    "text",
    [
        "0기가바이트 남음",  # the unit written onto its number
        "용량이 0바이트 남았다네요",
        "아이클라우드에 0 MB 남았대요",  # apart, and reported
        "남은 공간이 0바이트예요",  # what is left said before the amount, the copula on it
        "사용 가능한 공간 0KB",
        "남은 저장 공간 2퍼센트",  # a share of what is left, said before it
        "3기가밖에 안 남았어요",  # only so much: the words after it answer
        "영 바이트 남음",  # zero in words
        "90% 차 있어요",  # 있어요 after the share is no word for "left" (main read it no)
        "10% 비어 있어요",
        "남은 공간 0이라고 나와요",  # zero needs no unit: nothing of anything
        "제로 기가 남았대요",  # zero said in English
    ],
)
def test_nothing_or_little_left_is_full(ko, text):
    assert ko.parse(text, QUESTION) == "yes"


@pytest.mark.parametrize(
    "text",
    [
        "0기가 사용 중이에요",  # nothing used is empty
        "200기가 중에 150기가 남았어요",  # with its whole: a quarter used
    ],
)
def test_nothing_used_or_most_left_is_not_full(ko, text):
    assert ko.parse(text, QUESTION) == "no"


@pytest.mark.parametrize(
    "text",
    [
        "3기가 남았어요",  # of 5 or of 200? no share
        "40기가 남아 있어요",
        "7기가나 남았네요",  # a particle on the unit
        "12기가 썼어요",
        "2기가입니다",
        "5기가 정도 남아 있어요",  # about, and a bound, between the amount and "left"
        "20기가 넘게 남았어요",
    ],
)
def test_an_amount_of_a_whole_not_said_is_asked_again(ko, text):
    assert ko.parse(text, QUESTION) == "unknown"


def test_an_answer_said_with_the_amount_still_answers(ko):
    assert ko.parse("5기가 남았어요, 아니요 안 찼어요", QUESTION) == "no"


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("다운로드 40% 받았어요", "no"),  # how far a step is: not done yet
        ("벌써 100% 받았어요", "yes"),
    ],
)
def test_a_percentage_of_a_step_is_how_far_it_is(ko, text, meant):
    assert ko.parse(text, "s6_install_update") == meant
