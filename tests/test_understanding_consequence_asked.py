"""What follows a choice, asked ("What happens if I tap no?", "What if I leave it off?",
"켜면 어떻게 돼요?", "네라고 하면 어떻게 돼요?"): the answer in the condition is only supposed;
the step's help is asked (issues 8 and 12, round twenty). Guards: without a condition, with
a question or an answer after it, and plain answers read as before.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question"),
    [("What happens if I tap no?", "s4_select_optimize"),
     ("What if I leave it off?", "s1_sync_on"),
     ("What would happen if I skip it?", "s6_install_update")],
)  # fmt: skip
def test_what_follows_a_choice_asked_is_help(en, text, question):
    assert en.parse(text, question) == "help"


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("What happens then?", "s1_sync_on", "unknown"),
     ("What if it is off, what then?", "s1_sync_on", "unknown"),
     ("If it is off, it is off.", "s1_sync_on", "unknown")],
)  # fmt: skip
def test_without_a_condition_last_reads_as_before(en, text, question, meant):
    assert en.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "question"),
    [("켜면 어떻게 돼요?", "s2_enable_data"),
     ("꺼 두면 어떻게 되나요?", "s1_sync_on"),
     ("네라고 하면 어떻게 돼요?", "s4_select_optimize")],
)  # fmt: skip
def test_korean_what_follows_a_choice_asked_is_help(ko, text, question):
    assert ko.parse(text, question) == "help"


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("꺼져 있어요", "s1_sync_on", "no"),
     ("어떻게 해요?", "s4_select_optimize", "help")],
)  # fmt: skip
def test_korean_answers_and_how_read_as_before(ko, text, question, meant):
    assert ko.parse(text, question) == meant
