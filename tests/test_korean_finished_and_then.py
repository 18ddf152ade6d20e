"""Korean: 끝나고 (finished, and then) says when, not 끝 (the stop command): alone it was read
stop (issue 12, round nineteen). At the install step the phone back on after the update's
restart (다시 켜졌어요) is done, as 업데이트 끝났어요 is.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("끝나고", "s6_install_update", "unknown"),
     ("업데이트 끝나고 켜졌어요", "s6_install_update", "yes"),
     ("다 끝나서 다시 켜졌어요", "s6_install_update", "yes"),
     # 끝 said alone stays the stop command.
     ("끝", None, "stop")],
)  # fmt: skip
def test_finished_and_then_is_no_stop(ko, text, question, meant):
    assert ko.parse(text, question) == meant
