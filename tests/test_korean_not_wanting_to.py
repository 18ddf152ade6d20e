"""Korean, at an action: -고 싶지 않아요 after any verb (not wanting to: 업그레이드하고 싶지
않아요, 사진 지우고 싶진 않아요) refuses the step: no, as 안 하고 싶어요 and English "I don't
want to pay" (issue 12, round twenty). Guards: a command in it (그만하고 싶지 않아요: don't want
to stop) is no refusal of the step, nor is not wanting an answer's own words (원본은 남기고
싶지 않네요: keeping the originals is the other option), read as before.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("업그레이드하고 싶지 않아요", "s3_free_space", "no"),
     ("사진 지우고 싶진 않아요", "s3_free_space", "no"),
     ("지금은 설치하고 싶지 않네요", "s6_install_update", "no"),
     ("그만하고 싶지 않아요", "s3_free_space", "unknown"),
     # not wanting an answer's own words (keep the originals): the negation decides, as before
     ("원본은 남기고 싶지 않네요", "s4_select_optimize", "unknown")],
)  # fmt: skip
def test_not_wanting_to_refuses_the_step(ko, text, question, meant):
    assert ko.parse(text, question) == meant
