"""Korean, at an action: the step itself under way (하다 in -고 있다: 하고 있어요, doing it) is
not yet (no), as 하는 중이에요 is; said with a wait either way round it stays not yet, as
English reads "doing it now, hang on" (the lead's decision after round fifteen; round
nineteen). A wait alone stays a pause; at a question, or charging (충전 하고 있어요 at the
charge step), it is read as before.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("하고 있어요", "s2_enable_data", "no"),
     ("지금 하고 있습니다", "s4_select_optimize", "no"),
     ("하고 있어요 잠시만 기다려 주세요", "s3_free_space", "no"),
     ("잠깐만요, 지금 하고 있어요", "s1_sign_in", "no"),
     ("업데이트 하고 있어요, 잠시만요", "s6_install_update", "no"),
     # A wait alone: a pause; at a question, no answer.
     ("잠시만 기다려 주세요", "s2_enable_data", "pause"),
     ("하고 있어요", "s2_cellular", "unknown")],
)  # fmt: skip
def test_doing_the_step_with_or_without_a_wait_is_not_yet(ko, text, question, meant):
    assert ko.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [# A verb of someone's doing at the step under way, then a wait: not yet, whoever does it.
     ("아들이 지금 코드 입력하고 있어요, 잠깐만요", "s1_sign_in", "no"),
     ("오래된 동영상 삭제하고 있어요 잠시만 기다려 주세요", "s3_free_space", "no"),
     ("남편이 케이블 꽂고 있어요, 잠깐만", "s7_charge", "no"),
     # ... said of an elder with 계시다, the honorific of 있다 (with a wait or without).
     ("아버지가 지금 옵션 선택하고 계세요, 잠시만요", "s4_select_optimize", "no"),
     ("엄마가 비밀번호 치고 계십니다", "s1_sign_in", "no"),
     # ... and with the wait said first (the lead's decision after round nineteen).
     ("잠깐만요, 설정에서 찾고 있어요", "s1_turn_on", "no"),
     # The phone busy: a pause, the wait before or after.
     ("업데이트 설치되고 있어요, 잠깐만요", "s6_install_update", "pause"),
     ("사진이 올라가고 있어요, 잠시만요", "s3_free_space", "pause"),
     ("잠깐만요, 사진이 올라가고 있어요", "s3_free_space", "pause")],
)  # fmt: skip
def test_someone_doing_the_step_then_a_wait_is_not_yet(ko, text, question, meant):
    assert ko.parse(text, question) == meant
