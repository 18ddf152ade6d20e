"""Korean, at "are your photos syncing now?": not changed said with 달라지다 (안 달라졌어요) is
no, as 안 바뀌었어요 is (issue 12, round nineteen); changed alone says nothing of the sync and
stays asked again.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "meant"),
    [("전혀 안 달라졌어요", "no"),
     ("달라진 거 없어요", "no"),
     ("달라졌어요", "unknown")],
)  # fmt: skip
def test_not_changed_is_no(ko, text, meant):
    assert ko.parse(text, "fixed?") == meant
