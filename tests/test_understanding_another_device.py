"""The step done to another device, at an action (issue 8, round seventeen): "I updated my
watch." and "I turned it on on my iPad." were read yes, the iPhone's step done. Not this
phone's step: asked again. A device naming another thing, or the one the iPhone is plugged
into, does not change the answer.
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question"),
    [("Restarted my laptop.", "s5_restart"),
     ("Installed it on the iPad.", "s6_install_update"),
     ("Switched it on for my other iPad.", "s2_enable_data")],
)  # fmt: skip
def test_the_step_done_to_another_device_is_asked_again(vocab, text, question):
    assert vocab.parse(text, question) == "unknown"


@pytest.mark.parametrize(
    ("text", "question"),
    [("I deleted the old iPad backup.", "s3_free_space"),
     ("Plugged it into my laptop.", "s7_charge")],
)  # fmt: skip
def test_a_device_naming_another_thing_keeps_the_answer(vocab, text, question):
    assert vocab.parse(text, question) == "yes"
