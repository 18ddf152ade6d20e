"""English: "I doubt" before what it doubts ("I doubt it's switched on", "I doubt that it
worked") is the speaker's doubt: asked again, never the yes of the clause after it (issue 8,
round twenty). Guards: "no doubt" stays a yes; an answer alone stays.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question"),
    [("I doubt it's switched on.", "s1_sync_on"),
     ("I doubt that it worked.", "fixed?"),
     ("Honestly I doubt it has finished.", "s6_install_update")],
)  # fmt: skip
def test_i_doubt_is_asked_again(en, text, question):
    assert en.parse(text, question) == "unknown"


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("No doubt about it, it's on.", "s1_sync_on", "yes"),
     ("It's switched on.", "s1_sync_on", "yes")],
)  # fmt: skip
def test_no_doubt_and_plain_answers_read_as_before(en, text, question, meant):
    assert en.parse(text, question) == meant
