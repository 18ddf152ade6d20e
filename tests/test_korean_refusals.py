"""A step refused in Korean (안 할래요, 하기 싫어요, 돈 안 낼래요) is answered with an offer to
skip (`dialog.declined`), not with "take your time" (`not_yet`), as English does "I'd rather
not"; 아직 (not yet) still waits, and can't (못 하겠어요) is no refusal."""

from __future__ import annotations

import pytest

KO = ("--lang", "ko")


@pytest.mark.parametrize(
    ("text", "question"),
    [("저는 그거 안 할래요", "s1_sign_in"),
     ("돈은 안 낼래요", "s3_free_space"),
     ("용량 늘리기 싫어요", "s3_free_space"),
     ("업데이트는 안 할 거예요", "s6_install_update"),
     ("재시동은 안 하고 싶어요", "s5_restart"),
     ("충전기 안 꽂을게요", "s7_charge")],
)  # fmt: skip
def test_not_wanting_to_do_the_step_declines_it(ko, text, question):
    assert ko.parse(text, question) == "no"
    assert ko.declines(text, question)


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("아직이요", "s5_restart", "no"),  # not yet: the dialog waits
     ("못 하겠어요", "s2_fix_network", "no"),  # can't, said alone: round twelve's no
     ("싫어요", "s1_apple_id", "no"),  # at a question no has its own branch
     ("싫어요 건너뛸래요", "s5_restart", "skip")],  # a command said after it is obeyed
)  # fmt: skip
def test_not_yet_cant_and_a_questions_no_are_not_declines(ko, text, question, intent):
    assert ko.parse(text, question) == intent
    assert not ko.declines(text, question)


def test_a_refused_step_in_korean_is_offered_to_skip_and_skipping_moves_on(talk):
    result = talk.run("네", "아니요", "그건 안 할래요", "건너뛰기", "그만",
                      fresh=True, extra=KO)  # fmt: skip
    reply = result.output.split("> 그건 안 할래요")[1].split(">")[0]
    assert "건너뛰기" in reply and "천천히" not in reply
    assert "7단계 중 2단계" in result.output.split("> 건너뛰기")[1]
    assert result.report["turns"][2]["intent"] == "no"


def test_not_yet_in_korean_still_waits(talk):
    result = talk.run("네", "아니요", "아직이요", "그만", fresh=True, extra=KO)
    reply = result.output.split("> 아직이요")[1].split(">")[0]
    assert "건너뛰기" not in reply
    assert "했어요라고" in reply
