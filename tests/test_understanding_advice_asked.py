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
