"""English: command words that are the phone's buttons (issue 8, round twenty): labels read
out one after another with "or" / "and" ('it came up saying "Stop" and "Resume"'), each a
label, and a command right after a verb of pressing ('I tapped "Back" by accident', "I hit
cancel"): the button pressed on the phone, not a command to the assistant. Guards: an answer
pressed stays the answer, a command said on its own stays the command.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question"),
    [('It came up saying "Stop" and "Resume".', "s6_install_update"),
     ('A message popped up saying "Skip" or "Continue".', "s1_sign_in"),
     ('I tapped "Back" by accident.', "s1_sign_in"),
     ("I hit cancel.", "s6_install_update")],
)  # fmt: skip
def test_a_button_named_is_no_command(en, text, question):
    assert en.parse(text, question) == "unknown"


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [('I tapped "Not Now".', "s6_install_update", "no"),
     ('I pressed "Not Now" by accident.', "s6_install_update", "no"),
     ("Go back.", "s1_sign_in", "back"),
     ("It says Cancel. Continue.", "s6_install_update", "resume")],
)  # fmt: skip
def test_answers_and_commands_of_their_own_read_as_before(en, text, question, meant):
    assert en.parse(text, question) == meant
