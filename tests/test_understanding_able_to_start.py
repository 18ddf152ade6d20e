"""English, at the start question: the speaker able to start now ("We can begin.", "I
suppose we could start.", "I can start"): ready, as "let's start" (issue 8, round twenty).
Guards: a time later said, or the ability negated, is no yes.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    ["We can begin.", "I suppose we could start.", "Okay, I can start.", "We can get going."],
)
def test_able_to_start_is_ready(en, text):
    assert en.parse(text, "start") == "yes"


@pytest.mark.parametrize(
    ("text", "meant"),
    [("We can begin tomorrow.", "unknown"),
     ("We can't begin yet.", "no"),
     ("Not now.", "no")],
)  # fmt: skip
def test_able_to_start_later_or_not_is_no_yes(en, text, meant):
    assert en.parse(text, "start") == meant
