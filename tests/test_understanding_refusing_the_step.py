"""A step refused with what the speaker will not be doing (issue 8): "I won't be paying" is a
refusal as "I won't pay" is; "I won't be long" stays no refusal. The phrasings are this
file's own (bench/history/understanding.md, round sixteen).
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question"),
    [("I won't be paying for more storage.", "s3_free_space"),
     ("I won't be installing that today.", "s6_install_update")],
)  # fmt: skip
def test_not_going_to_be_doing_the_step_refuses_it(vocab, text, question):
    assert vocab.parse(text, question) == "no"
    assert vocab.declines(text, question)


def test_not_going_to_be_long_is_no_refusal(vocab):
    assert not vocab.declines("I won't be long.", "s6_install_update")


@pytest.mark.parametrize("text", ["I had better not.", "Better not, I'm on mobile data."])
def test_better_not_declines_the_step(vocab, text):
    assert vocab.parse(text, "s6_install_update") == "no"


@pytest.mark.parametrize(
    ("text", "intent"),
    [("Can't afford more storage, sorry.", "no"),
     ("I can't pay, no card on me.", "no"),
     # A worry in the same words is no refusal: asked again.
     ("I can't afford to lose my photos.", "unknown")],
)  # fmt: skip
def test_not_able_to_pay_declines_the_step(vocab, text, intent):
    # Round seventeen: "I can't pay for it, I don't have a card." was asked again.
    assert vocab.parse(text, "s3_free_space") == intent


def test_paying_attention_is_no_refusal(vocab):
    assert vocab.parse("I can't pay attention right now.", "s3_free_space") == "unknown"


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [# The refusal's own words make a command ("pass on that" skips): the refusal, no
     # (round eighteen, the lead's decision after round seventeen).
     ("I'll pass on that.", "s4_select_optimize", "no"),
     ("I will pass on that one.", "s6_install_update", "no"),
     # A command said beside the refusal keeps it a command; "pass" alone still skips.
     ("I don't want to stop now.", "s3_free_space", "unknown"),
     ("Pass on this one.", "s4_select_optimize", "skip")],
)  # fmt: skip
def test_passing_on_the_step_declines_it(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent
