"""Korean, at "turn on Cellular Data for Photos, and Unlimited Updates if your plan allows":
Unlimited Updates left off is the step done as far as it goes (yes), as English reads "left
unlimited off" (issue 12, round nineteen). Nothing turned on stays no.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "meant"),
    [("데이터는 켰고 무제한은 안 했어요", "yes"),
     ("셀룰러 켰어요, 무제한 업데이트는 빼고", "yes"),
     ("무제한 업데이트는 안 켰어요", "yes"),
     ("켰어요 근데 무제한은 안 켰어요", "yes"),
     ("아직 아무것도 안 켰어요", "no")],
)  # fmt: skip
def test_unlimited_left_off_is_the_step_done(ko, text, meant):
    assert ko.parse(text, "s2_enable_data") == meant
