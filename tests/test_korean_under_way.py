"""Korean, at an action: a thing said under way with no wait asked ("공유기 다시 켜지는
중이에요", the router coming back on; "업데이트 준비 중이래요", the update being prepared) is
not yet (no), as "진행 중이에요" is (issue 12, round eighteen). With a wait after it, round
seventeen's reading stands: asked again (the phone's or the speaker's?).
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("공유기 다시 켜지는 중이에요", "s2_fix_network", "no"),
     ("업데이트 준비 중이래요", "s6_install_update", "no"),
     ("준비 중이에요", "s6_install_update", "no"),
     ("켜지는 중이에요", "s1_turn_on", "no"),
     # A wait after it: asked again, as round seventeen reads the step under way and a wait.
     ("준비 중이에요 잠깐만요", "s6_install_update", "unknown")],
)  # fmt: skip
def test_under_way_with_no_wait_is_not_yet(ko, text, question, meant):
    assert ko.parse(text, question) == meant
