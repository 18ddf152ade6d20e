"""Asking how to do what a command's words name (issue 8, round seventeen): "How do I go back
in Settings?" was read back, a command taken from a question about the step. A question
asking how ("how do I", with help as its meaning) keeps the help, not the command; a request
("can you go back?") stays the command.
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question"),
    [("How do I go back a page in Settings?", "s2_enable_data"),
     ("How do I stop the backup?", "s3_free_space")],
)  # fmt: skip
def test_asking_how_to_do_a_command_asks_for_help(vocab, text, question):
    assert vocab.parse(text, question) == "help"


def test_a_request_keeps_its_command(vocab):
    assert vocab.parse("Can you go back?", "s2_enable_data") == "back"


@pytest.mark.parametrize(
    ("text", "intent"),
    [("How do I go back?", "back"), ("How do I start over?", "start_over")],
)  # fmt: skip
def test_asking_how_to_give_the_command_itself_keeps_it(vocab, text, intent):
    # Nothing said of the command but the command: the person wants it done.
    assert vocab.parse(text, "s2_online") == intent
