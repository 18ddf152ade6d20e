"""A verification code that never came (issue 8, round twenty-two): help, the lead's decision
after round twenty-one, as Korean's "인증 코드가 안 와요" is; "The screen says verification
code sent, but I got nothing." (dev21) was acted on as no (not yet). A code still on its way
stays not yet."""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    "text",
    ["The code was sent but I got nothing.", "No code came.", "I never got the text.",
     "I haven't received any verification code.",
     "The code never reached my phone."],  # round twenty-two: Caribbean "never reach"
)  # fmt: skip
def test_a_code_that_never_came_asks_for_help(vocab, text):
    assert vocab.parse(text, "s1_sign_in") == "help"


@pytest.mark.parametrize(
    ("text", "intent"),
    [("Still waiting for the code.", "no"),  # on its way: not yet, as before
     ("I never got the code, but I'm in now.", "yes"),  # the answer after it stands
     ("No code came, stop.", "stop")],  # a command said with it stands
)  # fmt: skip
def test_a_code_on_its_way_or_with_an_answer_reads_as_before(vocab, text, intent):
    assert vocab.parse(text, "s1_sign_in") == intent


def test_at_a_question_it_is_not_read_so(vocab):
    assert vocab.parse("No code came.", "s1_apple_id") != "help"


@pytest.mark.parametrize("text", ["The code hasn't come yet.", "No code yet."])
def test_a_code_not_come_yet_is_not_yet(vocab, text):
    # on its way, no wait said: not yet (both were asked again)
    assert vocab.parse(text, "s1_sign_in") == "no"


@pytest.mark.parametrize(
    ("text", "intent"),
    [("인증번호가 안 왔어요", "help"),  # dev22's 인증번호가 아예 안 왔습니다 was asked again
     ("verification code가 안 와요", "help"),
     ("코드가 아직 안 왔어요", "no"),  # on its way: not yet
     ("아직이유, 코드가 안 와유", "help")],  # a not yet of its own before it (dev21): help
)  # fmt: skip
def test_korean_a_code_that_never_came(text, intent):
    assert Vocabulary.load("ko").parse(text, "s1_sign_in") == intent
