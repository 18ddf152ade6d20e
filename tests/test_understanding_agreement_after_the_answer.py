"""English: a bare yes closing the utterance, a clause of its own right after a no of the
question's own ("The toggle is grey, yep.", "Mobile data's switched off, yeah."): it agrees
with what was just said, the no (issue 8, round twenty), as "wifi yes" at the cellular
question does. Guards: a yes after a yes stays yes, a bare "no" then "yes", or a one-word
fragment then "yes" (round seven's two answers), is asked again.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question"),
    [("The toggle is grey, yep.", "s1_sync_on"),
     ("Mobile data's switched off, yeah.", "s2_photos_data"),
     ("It is turned off. Yes.", "s1_sync_on")],
)  # fmt: skip
def test_a_yes_closing_after_the_no_agrees_with_it(en, text, question):
    assert en.parse(text, question) == "no"


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("It's switched on, yep.", "s1_sync_on", "yes"),
     ("No. Yes.", "s1_sync_on", "unknown"),
     ("grey. yep.", "s1_sync_on", "unknown"),  # a one-word fragment: two answers (round seven)
     ("It's off, yeah, no, wait, it's on.", "s1_sync_on", "yes")],
)  # fmt: skip
def test_what_is_no_agreement_after_a_no_reads_as_before(en, text, question, meant):
    assert en.parse(text, question) == meant
