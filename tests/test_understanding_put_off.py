"""Doing the step put off to a time to come (issue 8, round twenty-two): "I'll do it later
tonight." (heldout32) and "Mum will do it tomorrow." (dev22) were asked again, labelled no:
not now."""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question"),
    [("I'll sort it out tomorrow.", "s3_free_space"),
     ("My son will do that tonight.", "s6_install_update"),
     ("I'll do it later on.", "start")],
)  # fmt: skip
def test_doing_it_later_is_not_now(vocab, text, question):
    assert vocab.parse(text, question) == "no"


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("I'll do it later, stop for now.", "s3_free_space", "stop"),  # a command said with it
     ("I will do it now.", "s3_free_space", "unknown"),  # not put off
     ("I'll do it later.", "s1_sync_on", "unknown")],  # a question: no answer to it
)  # fmt: skip
def test_not_put_off_or_not_at_an_action_reads_as_before(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [("내일 할게요", "no"),  # heldout23's 이따 밤에 할게요 was asked again
     ("저녁에 할게요", "no"),
     ("이따가 할게요, 멈춰 주세요", "pause"),  # the command stands
     ("지금 할게요", "unknown")],  # not put off
)  # fmt: skip
def test_korean_doing_it_later_is_not_now(text, intent):
    assert Vocabulary.load("ko").parse(text, "s3_free_space") == intent
