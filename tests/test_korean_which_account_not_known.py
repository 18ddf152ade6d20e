"""Korean, at the question of which account is signed in: not knowing which one the speaker
used (그때 뭘 썼는지 전혀 모르겠어요): a which word (뭘, 어떤, 무슨), a verb of using in -는지
after it, then not knowing (모르-, 몰라, 기억이 안 나요) in its clause, is help, as English "no
idea which one I used" (the lead's decision after round twenty; `_account_not_known`). Guards:
knowing it (알아요) stays as before, a plain 잘 모르겠어요 stays unknown, an answer or command
said with it stays as before, and the words are read as said ("안 쓰는 백업 지웠어요" is yes).
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    ["예전에 뭘 썼는지 모르겠어요",
     "어떤 계정 썼는지 몰라요",
     "무슨 아이디 쓰는지 몰라요",
     "어떤 걸 썼는지 기억이 안 나요"],
)  # fmt: skip
def test_not_knowing_which_account_was_used_is_help(ko, text):
    assert ko.parse(text, "s1_apple_id") == "help"


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("뭘 썼는지 알아요, 이거예요", "s1_apple_id", "unknown"),  # known
     ("제가 쓴 거 알아요", "s1_apple_id", "unknown"),
     ("잘 모르겠어요", "s1_apple_id", "unknown"),  # no account
     ("네 맞아요, 근데 뭘 썼는지는 모르겠어요", "s1_apple_id", "unknown"),  # an answer with it
     ("뭘 썼는지 모르겠어요, 그만할게요", "s1_apple_id", "stop"),  # a command with it
     ("뭘 썼는지 모르겠어요", "s1_sync_on", "unknown"),  # another question
     ("안 쓰는 백업 지웠어요", "s3_free_space", "yes")],  # its words read as before
)  # fmt: skip
def test_what_is_not_an_account_not_known_reads_as_before(ko, text, question, meant):
    assert ko.parse(text, question) == meant


@pytest.mark.parametrize(
    "text",
    [# any verb's -는지, not only 쓰다's (round twenty-one: asked again)
     "어느 메일로 가입했는지 모르겠어요",
     "무슨 계정이었는지 기억이 안 나요",
     "어떤 걸로 로그인했는지 몰라요"],
)  # fmt: skip
def test_not_knowing_which_in_any_verb_s_nunji_is_help(ko, text):
    assert ko.parse(text, "s1_apple_id") == "help"
