"""A worry asked at an action about what the step does to the photos or the bill, in
sentences of our own: what the step's help says, not an answer."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("그거 고르면 사진이 사라져요?", "s4_select_optimize"),
        ("이거 켜면 돈이 나가요?", "s2_enable_data"),
        ("껐다 켜면 사진이 없어져요?", "s5_restart"),
    ],
)
def test_a_worry_about_the_step_is_help(ko, text, question):
    assert ko.parse(text, question) == "help"


def test_photos_deleted_by_the_speaker_is_still_done(ko):
    assert ko.parse("안 쓰는 사진 지웠어요", "s3_free_space") == "yes"
