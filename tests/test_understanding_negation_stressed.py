"""English: "actually" right after a negation only stresses it ("I never actually switched it
on", "I did not actually tap it"): not the correction it is elsewhere, which would cut the
negation off from what it negates and leave the yes (issue 8, round twenty). Guards: opening
a clause or after "no", "actually" still corrects.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("I never actually switched it on.", "s1_turn_on", "no"),
     ("We never actually signed in.", "s1_sign_in", "no"),
     ("It was never actually turned on.", "s1_sync_on", "no")],
)  # fmt: skip
def test_actually_after_a_negation_stresses_it(en, text, question, meant):
    assert en.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("Actually, it's switched on.", "s1_sync_on", "yes"),
     ("No, actually it's on.", "s1_sync_on", "yes"),
     ("Off. Actually, on.", "s1_sync_on", "yes")],
)  # fmt: skip
def test_actually_elsewhere_still_corrects(en, text, question, meant):
    assert en.parse(text, question) == meant
