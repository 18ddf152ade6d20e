"""Commands said in other words than their phrases (issue 8): rewinding a step, asking what
to say, what the choices are or where the setting would be, ending the session. The
phrasings are this file's own (bench/history/understanding.md, round sixteen).
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import UNKNOWN, Vocabulary


@pytest.mark.parametrize(
    ("text", "intent"),
    [("Rewind one step.", "back"),
     ("Rewind a step please.", "back"),
     ("What am I supposed to say?", "help"),
     ("What are my choices here?", "help"),
     ("Where would that be, then?", "help"),
     ("End session now.", "stop")],
)  # fmt: skip
def test_commands_in_other_words(text, intent):
    assert Vocabulary.load("en").parse(text) == intent


def test_ending_the_session_then_answering_is_asked_again():
    assert Vocabulary.load("en").parse("End session, it's off.", "s1_sync_on") == UNKNOWN


@pytest.mark.parametrize(
    "text",
    ["Say that last part again, please.", "Could you say the end again?"],
)  # fmt: skip
def test_part_of_it_asked_again_is_repeat(text):
    # Round twenty-one ("Say that last bit again." in heldout31 was asked again).
    assert Vocabulary.load("en").parse(text, "s3_storage_full") == "repeat"
