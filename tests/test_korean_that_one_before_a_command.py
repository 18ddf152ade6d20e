"""Korean: 그건 / 저건 (that one) before a command or an answer only names what it is about,
as 이건 does (issue 12, round nineteen).
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("저건 건너뛸게요", None, "skip"),
     ("그건 넘어가요", None, "skip"),
     ("그건 켜져 있어요", "s2_photos_data", "yes")],
)  # fmt: skip
def test_that_one_names_what_the_command_is_about(ko, text, question, meant):
    assert ko.parse(text, question) == meant
