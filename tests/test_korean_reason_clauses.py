"""A Korean reason clause (-아서 / -어서) at an action says why, not whether the step is done,
in sentences of our own: its answer counts only where the main clause agrees with it."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question"),
    [
        # what was done instead of the step: no answer of the step
        ("셀룰러가 없어서 집 와이파이로 바꿨어요", "s2_enable_data"),
        ("데이터가 없어서 요금제를 바꿨어요", "s2_enable_data"),
        # the state the step asks for was already so, and nothing was done: both said
        ("원래 켜져 있어서 안 했어요", "s1_turn_on"),
        # can't now, for a reason that is no "not yet": the step may never be done
        ("콘센트가 고장 나 있어서 못 하겠어요", "s7_charge"),
        # a no of the reason with a state now: why something is not seen, no answer
        ("전원이 꺼져 있어서 아무것도 안 보여요", "s5_restart"),
        # the words of a command that describe a thing, in the reason: "too slow", "too small"
        ("화면이 너무 느려서 그냥 기다렸어요", "s6_install_update"),
        ("글씨가 너무 작아서 잘 안 보여요", "s6_install_update"),
    ],
)
def test_a_reason_the_main_clause_does_not_agree_with_is_asked_again(ko, text, question):
    assert ko.parse(text, question) == "unknown"


@pytest.mark.parametrize(
    ("text", "question"),
    [
        # a no of the reason with can't, or with not done in the past
        ("케이블이 없어서 못 해요", "s7_charge"),
        ("돈 쓰기 싫어서 업그레이드 안 했어요", "s3_free_space"),
        # a reason of one's own with not done
        ("회의가 있어서 아직 못 했어요", "s6_install_update"),
    ],
)
def test_not_done_for_a_reason_is_no(ko, text, question):
    assert ko.parse(text, question) == "no"
