"""Understanding, round eight (issue 8): general rules, by category.

The embedding fallback of this round was measured and not adopted (bench/README.md, "Round
eight"; bench/embedding_fallback.py): the assistant reads with its rules alone. The
phrasings are this file's own, not those of the phrase sets.
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import UNKNOWN, Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "intent"),
    [("mobile data, not my wifi", "yes"),
     ("I'm on the phone data, not the wifi of the cafe", "yes"),
     ("wifi, not the cellular", "no"),
     ("not the wifi", UNKNOWN)],  # the other option denied, this one not said: asked again
)  # fmt: skip
def test_the_other_option_denied_with_a_determiner_agrees(vocab, text, intent):
    # heldout16's "I use the telephone data, not the wifi of hotel." (round seven: "LTE, no
    # wifi here"), generalized to "not" and a determiner before the other option.
    assert vocab.parse(text, "s2_cellular") == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [("too fast, I don't get it", "slower"),
     ("I don't understand, slower please", "slower"),
     ("I can't follow, say it again", "repeat"),
     ("I don't understand", "help"),  # alone it asks for help, as before
     ("I don't understand, what do I do", "help")],
)  # fmt: skip
def test_not_following_with_a_way_of_speaking_asked_for_is_its_reason(vocab, text, intent):
    # heldout16's "Please, more slow, I not understand fast." (two commands, asked again).
    for question in (None, "s1_sync_on"):
        assert vocab.parse(text, question) == intent


def test_the_assistant_has_no_embedding_fallback():
    """Measured and not adopted: no second model, no onnxruntime in text mode."""
    import subprocess
    import sys

    code = (
        "import sys; from assistant.conversation.understanding import Vocabulary; "
        "v = Vocabulary.load('en'); v.parse('Move along to the next bit.', None); "
        "print(sorted(m for m in ('onnxruntime', 'tokenizers') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
