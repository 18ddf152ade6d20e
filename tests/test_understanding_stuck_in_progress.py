"""A process said not to move on (issue 8, round twenty-one): "stuck on uploading", or the
screen said to show it still with a count between ("still says 500 items uploading"): the
status has not moved on, no. A process said to go on with "still" alone stays asked again."""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import UNKNOWN, Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "intent"),
    [("Frozen at syncing for an hour.", "no"),
     ("It's stuck on uploading again.", "no"),
     ("It still shows 80 photos uploading.", "no"),
     # a process said to go on: working, or not done? asked again, as before
     ("Still syncing.", UNKNOWN)],
)  # fmt: skip
def test_a_process_that_does_not_move_on_is_no(vocab, text, intent):
    assert vocab.parse(text, "fixed?") == intent
