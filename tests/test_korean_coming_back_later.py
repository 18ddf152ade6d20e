"""Korean: coming back later said without 다시 (나중에 올게요, 이따 돌아올게요) is a pause, as
나중에 다시 올게요 is (issue 12, round nineteen), also after the step left running.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question"),
    [("충전기 꽂아 놓고 이따가 올게요", "s7_charge"),
     ("좀 이따 올게요", "s3_free_space"),
     ("나중에 돌아올게요", None)],
)  # fmt: skip
def test_coming_back_later_is_a_pause(ko, text, question):
    assert ko.parse(text, question) == "pause"
