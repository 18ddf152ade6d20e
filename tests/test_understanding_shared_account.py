"""An Apple ID said to be shared with another person (issue 8, round eighteen): "I'm signed in
as my husband, we share it." at the Apple ID question is his account, or the one Photos uses:
two readings, asked again (`heldout28`'s label). The shared account said alone as ours stays
yes, and another's alone stays no.
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("I'm signed in as my husband, we share it.", "s1_apple_id", "unknown"),
     ("It's my husband's, we share it.", "s1_apple_id", "unknown"),
     ("Signed in as my mum, we both use it.", "s1_apple_id", "unknown"),
     # Ours said alone stays yes; another's alone stays no.
     ("It's our shared account.", "s1_apple_id", "yes"),
     ("I'm signed in as my husband.", "s1_apple_id", "no")],
)  # fmt: skip
def test_an_account_shared_with_another_is_asked_again(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent
