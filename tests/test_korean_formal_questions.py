"""Korean questions back at an action, in sentences of our own: 합쇼체's -ㅂ니까 reads as the
verb asked (no answer of its own), and "how" asked at an action is help."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("암호는 어떻게 바꿉니까?", "s1_sign_in"),  # 바꿉니까 = 바꿔요?
        # ... as the phenomena set labels it (was asked again, and in the test of
        # intentions until round sixteen: how to do the step is what help says)
        ("어떻게 켜요?", "s1_turn_on"),
        ("이건 어떻게 끕니까?", "s5_restart"),
        ("셀룰러는 어떻게 켜요?", "s2_enable_data"),  # typed with a question mark
        ("무엇을 지웁니까?", "s3_free_space"),  # what, where: how to do the step
        ("데이터는 어디서 켜요?", "s2_enable_data"),
        ("그럼 뭘 골라야 돼요?", "s4_select_optimize"),
    ],
)
def test_how_asked_at_an_action_is_help(ko, text, question):
    assert ko.parse(text, question) == "help"


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("켭니까?", "s2_enable_data"),  # the step's verb asked back: no "done"
        ("업데이트가 됩니까?", "s6_install_update"),
    ],
)
def test_a_formal_question_back_is_no_answer(ko, text, question):
    assert ko.parse(text, question) == "unknown"
