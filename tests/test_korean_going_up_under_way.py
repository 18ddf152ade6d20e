"""Korean, at "are your photos syncing now?": going up said under way with -는 중
(올라가는 중이에요, 업로드되는 중이에요) is yes, as 업로드 중이에요 is (issue 12, round
nineteen); not going up stays no.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "meant"),
    [("사진이 조금씩 올라가는 중이에요", "yes"),
     ("지금 업로드되는 중이에요", "yes"),
     ("안 올라가는 중이에요", "no")],
)  # fmt: skip
def test_going_up_under_way_is_syncing(ko, text, meant):
    assert ko.parse(text, "fixed?") == meant
