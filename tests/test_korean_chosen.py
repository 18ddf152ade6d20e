"""Korean, at "select Optimize iPhone Storage": chosen (고르다: 골랐어요, 최적화로 골랐어요) is
done, as 선택했어요 is (issue 12, round nineteen); not chosen yet stays no.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "meant"),
    [("네 골랐어요", "yes"),
     ("방금 최적화로 선택했어요", "yes"),
     ("골랐어요", "yes"),
     ("최적화 골랐어", "yes"),
     ("아직 못 골랐어요", "no")],
)  # fmt: skip
def test_chosen_is_selected(ko, text, meant):
    assert ko.parse(text, "s4_select_optimize") == meant
