"""English: a command waved off in a clause of its own ("No need to say it again", "Stop
telling me that", "I do not need help", a negative imperative "Do not go back"), then an answer
stated in the last clause: a remark to the assistant, the answer stands (issue 8, round
twenty). Guards: with a bare no, with only "I understand" after it, with a motto ("never
stop"), or a command after it, read as before.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("No need to say it again, it's switched on.", "s1_sync_on", "yes"),
     ("Stop telling me that, it's switched off.", "s1_sync_on", "no"),
     ("I do not need help, it's full.", "s3_storage_full", "yes"),
     ("Do not go back, it's switched on.", "s1_sync_on", "yes")],
)  # fmt: skip
def test_a_command_waved_off_leaves_the_answer(en, text, question, meant):
    assert en.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("No, do not skip.", "s4_optimized", "unknown"),
     ("Do not repeat that, I understand.", "s1_sync_on", "unknown"),
     ("Never stop, it's switched on.", "s1_sync_on", "unknown"),
     ("No need to repeat, go back.", "s1_sync_on", "back")],
)  # fmt: skip
def test_what_is_no_wave_off_before_an_answer_reads_as_before(en, text, question, meant):
    assert en.parse(text, question) == meant
