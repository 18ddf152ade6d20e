"""Korean, at an action: tried (-아도/-어도) and still not, with what did not change or how
said between the concession and its negation, its own verb the step's or not ("세게 눌러도
파란색으로 안 바뀌어요", "여러 번 켜도 계속 안 돼요"): trouble at the step, help, as 눌러도 안
켜져요 is (issue 12, round twenty; the decision after round seventeen). The negation may stand
one word further; guards: a noun with 도, no concession, more done after.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question"),
    [("세게 눌러도 파란색으로 안 바뀌어요", "s1_turn_on"),
     ("여러 번 켜도 계속 안 돼요", "s2_enable_data"),
     ("켜도 초록색으로 안 바뀌네요", "s1_turn_on"),
     ("눌러도 안 켜져요", "s1_turn_on")],
)  # fmt: skip
def test_tried_and_still_not_with_a_word_between_is_help(ko, text, question):
    assert ko.parse(text, question) == "help"


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("데이터도 계속 안 돼요", "s2_enable_data", "no"),  # a noun with 도: also
     ("아직 회색으로 안 바뀌었어요", "s1_turn_on", "no"),  # no concession: not yet
     ("아무리 눌러도 안 돼서 그냥 뒀어요", "s1_turn_on", "no")],  # what was done then answers
)  # fmt: skip
def test_what_is_not_tried_in_vain_reads_as_before(ko, text, question, meant):
    assert ko.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "question"),
    [("다시 해 봐도 안 돼요", "s1_sign_in"),
     ("다시 눌러 봐도 안 켜져요", "s1_turn_on")],
)  # fmt: skip
def test_again_before_the_verb_tried_is_no_command(ko, text, question):
    """다시 right before the verb tried is "again" (attached `again_words`), not the repeat
    command said before the concession."""
    assert ko.parse(text, question) == "help"


@pytest.mark.parametrize(
    ("text", "meant"),
    [("켜려고 했는데 스위치가 안 움직여요", "help"),  # round twenty-two: trying (-려고) in
     ("켜려고 하는데 자꾸 안 눌러져요", "help"),  # vain (heldout23, dev22 asked it again)
     ("켜려고 하는데 안 돼요", "no"),  # a negated no of its own stays (heldout4)
     ("켜려고 했는데 이제 됐어요", "yes"),  # an answer said: as before
     ("켜려고 하는데 잠깐만요", "unknown")],  # no negation: as before
)  # fmt: skip
def test_trying_to_do_it_in_vain_is_help(ko, text, meant):
    assert ko.parse(text, "s1_turn_on") == meant
