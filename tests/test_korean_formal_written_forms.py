"""Korean written formally (issue 12, round twenty): the uncontracted past 하였- (로그인하였어요,
설치하였습니다 = 로그인했어요, 설치했습니다), and start told to the assistant politely at the
start question (진행하세요, 하오체 진행하시오 read as -세요): go ahead. Guards: negated, they
stay no.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("로그인하였어요", "s1_sign_in", "yes"),
     ("설치하였습니다", "s6_install_update", "yes"),
     ("진행하세요", "start", "yes"),
     ("진행하시오", "start", "yes"),
     # negated: no
     ("아직 로그인 안 하였어요", "s1_sign_in", "no"),
     ("시작하지 마세요", "start", "no")],
)  # fmt: skip
def test_formal_written_forms_read_as_their_plain_ones(ko, text, question, meant):
    assert ko.parse(text, question) == meant


def test_north_korean_formal_endings_are_read_as_the_standard_ones(ko):
    # Round twenty-two (dev22): -ㅂ네다 / -습네다, said by a speaker born in 북한, for
    # -ㅂ니다 / -습니다: an error reported at sign-in was no (not yet), the work account yes.
    assert ko.parse("비밀번호가 틀렸다고 나옵네다", "s1_sign_in") == "help"
    assert ko.parse("아닙네다, 회사 계정으로 되어 있습네다", "s1_apple_id") == "no"
