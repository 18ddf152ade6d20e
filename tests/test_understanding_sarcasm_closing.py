"""English sarcasm said after the yes (issue 8, round twenty): "like" before a success said in
the past after "yeah right" ("Yeah right, like it helped."), and the old joke's "not" closing
the utterance as a clause of its own ("Sure, all fixed. Not!"): the yes is not meant, asked
again. Guards: "not" inside a clause, an answer in a later clause, "like" of manner.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question"),
    [("Yeah right, like it helped.", "fixed?"),
     ("Ya right, like this worked.", "fixed?"),
     ("Sure, all fixed. Not!", "fixed?"),
     ("Oh it's syncing all right. Not.", "fixed?")],
)  # fmt: skip
def test_sarcasm_after_the_yes_is_asked_again(en, text, question):
    assert en.parse(text, question) == "unknown"


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("It's on, not Photos though.", "s1_sync_on", "unknown"),
     ("Yeah right, like that helped. Still nothing.", "fixed?", "no"),
     ("It worked like that, yes.", "fixed?", "yes"),
     ("No. Not.", "fixed?", "no")],
)  # fmt: skip
def test_what_is_no_sarcasm_reads_as_before(en, text, question, meant):
    assert en.parse(text, question) == meant
