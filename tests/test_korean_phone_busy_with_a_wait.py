"""Korean, at an action: a process of the phone under way (재부팅, 다운로드, 설치, 백업 ...
중이에요, -되고 있어요) and a wait, either way round ("잠깐만요, 지금 재부팅 중이에요",
"백업 중이에요, 잠시만요"): the phone busy, waited on, a pause, the lead's decision after
round fifteen, as English "hang on, it's restarting" (issue 12, round twenty). Guards: the
speaker's doing with a wait stays not yet, 아직 (still) with a wait stays not yet, the
process alone stays not yet.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question"),
    [("잠깐만요, 지금 재부팅 중이에요", "s5_restart"),
     ("재부팅 중이에요, 잠시만 기다려 주세요", "s5_restart"),
     ("잠시만요, 다운로드되고 있어요", "s6_install_update"),
     ("잠깐만요, 설치되고 있어요", "s6_install_update"),
     ("백업 중이에요, 잠시만요", "s6_install_update")],
)  # fmt: skip
def test_the_phone_busy_with_a_wait_is_a_pause(ko, text, question):
    assert ko.parse(text, question) == "pause"


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("잠깐만요, 지금 지우고 있어요", "s3_free_space", "no"),  # the speaker's doing
     ("잠깐만요, 아직 설치 중이에요", "s6_install_update", "no"),  # still: not yet
     ("재부팅 중이에요", "s5_restart", "no")],  # no wait: not yet
)  # fmt: skip
def test_what_is_no_busy_phone_waited_on_reads_as_before(ko, text, question, meant):
    assert ko.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [# a noun of the speaker's doing before 중, with a wait: the speaker at the step, not yet
     # (round twenty-one: was the phone's pause)
     ("선택 중이에요, 잠시만요", "s4_select_optimize", "no"),
     ("잠깐만요, 지금 정리 중이에요", "s3_free_space", "no"),
     # the phone's process stays its pause
     ("잠깐만요, 지금 업데이트 중이에요", "s6_install_update", "pause")],
)  # fmt: skip
def test_the_speaker_s_doing_as_a_noun_with_a_wait_is_not_yet(ko, text, question, meant):
    assert ko.parse(text, question) == meant
