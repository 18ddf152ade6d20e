"""English: an answer word that is also a navigation button of the screen ("Done"), shown with
a place after it ('It says "Done" at the top.', 'It shows "Done" in the corner.'): the Settings
button there, not the step done; asked again (the lead's decision after round twenty;
`_screen_labels`, `navigation_buttons`, `button_places`). Guards: "Done" said by the speaker,
or shown with no place, and a state shown at the top, read as before.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question"),
    [('the phone says "Done" in the top right', "s1_turn_on"),
     ("it shows Done up top", "s6_install_update"),
     ('it reads "Done" at the bottom', "s6_install_update")],
)  # fmt: skip
def test_done_shown_at_a_place_is_asked_again(en, text, question):
    assert en.parse(text, question) == "unknown"


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("Done, the button at the top.", "s1_turn_on", "yes"),  # the speaker's done
     ("It says done.", "s6_install_update", "yes"),  # no place
     ("Done at the top, yes.", "s1_turn_on", "yes"),  # not shown
     ('It says "On" at the top.', "s1_sync_on", "yes")],  # a state shown
)  # fmt: skip
def test_done_not_shown_at_a_place_reads_as_before(en, text, question, meant):
    assert en.parse(text, question) == meant
