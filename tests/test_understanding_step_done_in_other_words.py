"""The step done, said in other words than its phrases (issue 8): the option "picked" or
"chosen", said of "it"; the update installed said as running the new version; the iCloud
sign with a tick. The phrasings are this file's own (bench/history/understanding.md, round sixteen).
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.mark.parametrize("text", ["Picked it in the end.", "Chose it just now."])
def test_the_option_picked_is_the_step_done(text):
    assert Vocabulary.load("en").parse(text, "s4_select_optimize") == "yes"


@pytest.mark.parametrize(
    ("text", "intent"),
    [("It's up to date now.", "yes"),
     ("Running the latest version.", "yes"),
     ("It's not up to date.", "no")],
)  # fmt: skip
def test_running_the_new_version_is_the_update_installed(text, intent):
    assert Vocabulary.load("en").parse(text, "s6_install_update") == intent


def test_up_to_date_before_installing_is_no_update():
    assert Vocabulary.load("en").parse("Up to date.", "s6_update_available") == "no"


def test_the_icloud_sign_with_a_tick_is_syncing():
    assert Vocabulary.load("en").parse("The cloud has a tick on it.", "fixed?") == "yes"


@pytest.mark.parametrize(
    ("text", "question"),
    [("Signed in, it took a few tries.", "s1_sign_in"),
     ("Turned it on after a few attempts.", "s1_turn_on")],
)  # fmt: skip
def test_how_many_tries_it_took_leaves_the_step_done(text, question):
    # "a few" of tries, not of photos: no doubt about the answer.
    assert Vocabulary.load("en").parse(text, question) == "yes"


@pytest.mark.parametrize("text", ["Wi-Fi is connected.", "Connected to the wifi."])
def test_the_wifi_said_connected_is_the_network_fixed(text):
    # Round twenty-two (dev22): "Wi-Fi connected already po." was asked again.
    assert Vocabulary.load("en").parse(text, "s2_fix_network") == "yes"
