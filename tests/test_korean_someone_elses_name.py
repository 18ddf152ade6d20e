"""Korean, at "signed in with the same Apple ID?": a family member's name or address shown is
someone else's account, no, as 남편 계정 is and as English reads "it shows my husband's name"
(issue 12, round nineteen); the speaker's own name stays yes, and both said is asked again.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "meant"),
    [("위에 남편 이름이 떠 있어요", "no"),
     ("엄마 이메일로 돼 있네요", "no"),
     ("제 이름이 나와요", "yes"),
     ("딸 이름 말고 제 이름이에요", "yes")],
)  # fmt: skip
def test_a_family_members_name_is_someone_elses_account(ko, text, meant):
    assert ko.parse(text, "s1_apple_id") == meant
