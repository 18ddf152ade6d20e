"""English: a hedged answer ("I believe so", "maybe"), a contrast, then not knowing how or
where to check it, or asking it ("I believe so, but I'm not sure how to tell.", "Maybe, but
where do I look?"): the answer cannot be checked, the step's help is wanted (issue 8, round
twenty). Guards: doubt alone after the contrast stays asked again; a plain answer before it,
or no contrast, reads as before.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question"),
    [("I believe so but I'm not sure how to tell.", "s1_sync_on"),
     ("I suppose so but I don't know how to tell.", "s1_apple_id"),
     ("Maybe, but where do I look?", "s4_optimized"),
     ("I guess so but how do I check?", "s1_apple_id")],
)  # fmt: skip
def test_a_hedged_answer_not_checkable_is_help(en, text, question):
    assert en.parse(text, question) == "help"


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("I believe so, but I'm not sure.", "s1_sync_on", "unknown"),
     ("I believe so.", "s1_sync_on", "yes")],
)  # fmt: skip
def test_without_checking_asked_reads_as_before(en, text, question, meant):
    assert en.parse(text, question) == meant
