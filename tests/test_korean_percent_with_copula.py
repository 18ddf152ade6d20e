"""Korean, at the storage question: a percentage with the copula or a particle written onto it
(99퍼센트예요, 30퍼센트입니다) is read as the percentage (issue 12, round nineteen), as
"99퍼센트" and English "99 percent." are: 90% or more full is yes, 60% or less no, between
asked again.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "meant"),
    [("95퍼센트예요", "yes"),
     ("30퍼센트입니다", "no"),
     ("75퍼센트예요", "unknown")],
)  # fmt: skip
def test_a_percentage_with_its_copula(ko, text, meant):
    assert ko.parse(text, "s3_storage_full") == meant
