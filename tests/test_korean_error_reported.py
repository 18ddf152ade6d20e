"""Korean, at an action: an error the screen shows, reported in -다고 / -라고 before a verb of
showing ("코드가 틀렸다고 떠요", "인증 실패라고 나와요", "저장 공간이 부족하다고 떠요"): the
screen's words, not the speaker's no: help, as English "it says incorrect code" is (asked again
from round fourteen; help by the lead's decision after round twenty). Guards: the speaker's own
틀렸어요 stays no, a report at a question still answers, progress shown is no error, an answer
after the error is asked again.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question"),
    [("코드가 틀렸다고 떠요", "s1_sign_in"),
     ("암호가 틀렸다고 나왔어요", "s1_sign_in"),
     ("인증 실패라고 나와요", "s1_sign_in"),
     ("로그인 실패라고 떠요", "s1_sign_in"),
     ("저장 공간이 부족하다고 떠요", "s6_install_update")],
)  # fmt: skip
def test_an_error_shown_at_an_action_is_help(ko, text, question):
    assert ko.parse(text, question) == "help"


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("암호가 틀렸어요", "s1_sign_in", "no"),  # the speaker's own word
     ("용량이 부족하다고 떠요", "s3_storage_full", "yes"),  # at a question the report answers
     ("계정이 잠겼다고 나와요", "s1_sign_in", "help"),
     ("설치 중이라고 나와요", "s6_install_update", "no"),  # progress shown: not yet
     ("로그인 됐다고 나와요", "s1_sign_in", "yes"),
     ("틀렸다고 나왔는데 지금은 로그인 됐어요", "s1_sign_in", "unknown"),  # answered after
     ("틀렸다고 나와요, 그만할게요", "s1_sign_in", "stop")],  # a command with it stands
)  # fmt: skip
def test_what_is_no_error_at_an_action_reads_as_before(ko, text, question, meant):
    assert ko.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [# the report contracted onto its word (-대요, -래요; Chungcheong -대유): the same error
     # shown (round twenty-one: was the speaker's no)
     ("인증 코드가 틀렸대요", "s1_sign_in", "help"),
     ("업데이트 실패래요", "s6_install_update", "help"),
     ("코드 잘못됐대유", "s1_sign_in", "help"),
     # no error's words: a report, read as before
     ("업데이트 없대요", "s6_update_available", "no"),
     ("다 했대요", "s1_turn_on", "yes")],
)  # fmt: skip
def test_an_error_reported_in_a_contraction(ko, text, question, meant):
    assert ko.parse(text, question) == meant


@pytest.mark.parametrize("text", ["아이디가 잠겼다고 떠요", "아이디 잠겼대요"])
def test_an_account_locked_on_the_screen_is_help(ko, text):
    # Round twenty-two (dev22): "Apple ID가 잠겼다고 떠요" was asked again; English reads "it
    # says my Apple ID is locked" so too.
    assert ko.parse(text, "s1_sign_in") == "help"
