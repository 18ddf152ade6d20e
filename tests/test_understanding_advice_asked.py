"""English, at an action: whether to do it asked, opening the last clause ("We're on a small
plan, should I still switch it on?", "Do we need to be plugged in for this?", "Shall I tick
it?"): advice on the step, its help (issue 8, round twenty). Guards: a command asked about
("Should I go back first?"), an answer before it, and the same at a question, read as before.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question"),
    [("We're on a small plan, should I still switch it on?", "s2_enable_data"),
     ("Do we need to be plugged in for this?", "s6_install_update"),
     ("Shall I tick it?", "s4_select_optimize")],
)  # fmt: skip
def test_whether_to_do_the_step_asked_is_help(en, text, question):
    assert en.parse(text, question) == "help"


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("Should I go back first?", "s6_install_update", "unknown"),
     ("It is on, should I leave it?", "s1_turn_on", "unknown"),
     ("Should I check on wifi?", "s2_online", "unknown")],
)  # fmt: skip
def test_a_command_or_an_answer_with_it_reads_as_before(en, text, question, meant):
    assert en.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "question"),
    [("Do I still need to charge it?", "s7_charge"),
     ("Do I really have to restart it?", "s5_restart"),
     ("I'm at 90 percent, do I still need to charge it?", "s7_charge")],
)  # fmt: skip
def test_asked_with_still_or_really_and_after_the_battery_level(en, text, question):
    """ "still" and "really" inside the question kept it from being read (asked again), and
    at the charging step the battery level before it was read as a step 90% done, not yet
    (heldout33's one wrong action)."""
    assert en.parse(text, question) == "help"


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("I'm at 90 percent", "s7_charge", "unknown"),  # the battery, no answer
     ("It's at 60 percent", "s6_install_update", "no"),  # the update under way: not yet
     ("At 40 percent, charging now", "s7_charge", "yes")],
)  # fmt: skip
def test_a_percentage_at_the_charging_step_is_the_battery(en, text, question, meant):
    assert en.parse(text, question) == meant
