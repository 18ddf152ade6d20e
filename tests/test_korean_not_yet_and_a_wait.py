"""Korean, at an action: "not yet" (아직) and a wait said as a correction ("잠깐만요",
"잠시만요") is not yet (no), as "아직" makes it no elsewhere (the lead's decision after round
fifteen, extended after round seventeen; round eighteen). A wait alone, or the phone busy with
a wait, stays a pause ("설치 중이에요 기다려 주세요" is still asked again: round
seventeen's rule does not yet tell the phone from the speaker); "아니요, 잠깐만요" (no,
wait) is left as it was read.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("아직이요, 잠깐만요", "s1_turn_on", "no"),
     ("아직 안 했어요, 잠시만요", "s2_enable_data", "no"),
     ("아직이요 잠깐만", "s3_free_space", "no"),
     # A wait alone: a pause; "no, wait" as it was read.
     ("잠깐만요", "s1_turn_on", "pause"),
     ("잠시만요", "s6_install_update", "pause"),
     ("아니요, 잠깐만요", "s1_turn_on", "pause")],
)  # fmt: skip
def test_not_yet_and_a_wait_at_an_action(ko, text, question, meant):
    assert ko.parse(text, question) == meant
