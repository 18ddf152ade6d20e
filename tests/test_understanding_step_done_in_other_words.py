"""The step done, said in other words than its phrases (issue 8): the option "picked" or
"chosen", said of "it". The phrasings are this file's own (bench/history/round-text17.md).
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.mark.parametrize("text", ["Picked it in the end.", "Chose it just now."])
def test_the_option_picked_is_the_step_done(text):
    assert Vocabulary.load("en").parse(text, "s4_select_optimize") == "yes"
