"""A label the screen shows, reported with -라고 after a vowel (LTE라고 떠요), reads as the
label, in sentences of our own."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("화면 위에 5G라고 나와요", "s2_cellular"),  # the mobile network shown: on cellular
        ("업로드 완료라고 떠요", "fixed?"),
    ],
)
def test_a_label_reported_reads_as_the_label(ko, text, question):
    assert ko.parse(text, question) == "yes"
