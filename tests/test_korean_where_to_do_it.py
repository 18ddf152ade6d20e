"""Korean: where to do it, not known or asked (어디서 보는지 모르겠어요, 어디서 찾는지 몰라요,
어디서 켜는 거예요?): any verb's -는지 / -는 after 어디서 is read as 하는지, as after 어떻게:
the step's help (issue 12, round twenty). Guards: 어디서 with a verb in the past, told, stays
as before; what was used, not known, is help, by the lead's decision after round twenty (asked
again before it; `test_korean_which_account_not_known.py`).
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("어디서 보는지 모르겠어요", "s1_apple_id", "help"),
     ("어디서 찾는지 몰라요", "s4_optimized", "help"),
     ("어디서 고르는지 모르겠어요", "s4_select_optimize", "help"),
     ("어디서 켜는 거예요?", "s2_enable_data", "help"),
     # which account was used, not known: help since the lead's decision after round twenty
     ("뭘 썼는지 모르겠어요", "s1_apple_id", "help"),
     # as before
     ("설정에서 켰어요", "s2_enable_data", "yes")],
)  # fmt: skip
def test_where_to_do_it_asked_is_help(ko, text, question, meant):
    assert ko.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("용량은 어디서 봐요?", "s3_storage_full", "help"),  # round twenty-two: at a question
     ("계정 어디서 확인해요?", "s1_apple_id", "help"),  # (heldout23, dev22 asked again)
     ("어디서 봤는데 꽉 찼어요", "s3_storage_full", "yes"),  # told, not asked: as before
     ("지금 어디예요?", None, "where")],  # where we are: the command
)  # fmt: skip
def test_where_to_look_asked_at_a_question_is_help(ko, text, question, meant):
    assert ko.parse(text, question) == meant
