"""Barge-in without sound: the remembered choice, the command-line options, the report
fields, and the split of a prompt where answers may start to interrupt it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from assistant import preferences
from assistant.cli import listening_options
from assistant.preferences import SpeechPreferences


def test_barge_in_is_on_by_default_and_its_choice_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    assert preferences.load_preferences(path).barge_in is True
    preferences.save_preferences(SpeechPreferences(barge_in=False), path)
    assert "barge_in = false" in path.read_text()
    assert preferences.load_preferences(path).barge_in is False


def test_a_bad_barge_in_value_is_one_warning_and_the_default(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[speech]\nbarge_in = "sometimes"\nrate_wpm = 180\n')
    warnings = io.StringIO()
    prefs = preferences.load_preferences(path, warn_to=warnings)
    assert prefs.barge_in is True and prefs.rate_wpm == 180
    assert "barge_in" in warnings.getvalue() and warnings.getvalue().count("\n") == 1


def test_no_barge_in_is_remembered_and_barge_in_turns_it_back_on() -> None:
    assert listening_options.barge_in_choice(None) is True
    assert listening_options.barge_in_choice(False) is False
    assert listening_options.barge_in_choice(None) is False  # remembered
    assert listening_options.barge_in_choice(True) is True
    assert listening_options.barge_in_choice(None) is True


def test_echo_canceller_choices_are_the_engines() -> None:
    pytest.importorskip("numpy")
    from assistant.cli import echo_canceller_choice
    from assistant.listening import echo_cancel
    from assistant.listening.settings import ListeningSettings

    # "auto", the default, picks one of them before the streams open.
    assert listening_options.ECHO_CANCELLERS[0] == echo_canceller_choice.AUTO
    assert set(listening_options.ECHO_CANCELLERS[1:]) == set(echo_cancel.CANCELLERS)
    assert ListeningSettings.echo_canceller == echo_canceller_choice.FALLBACK


def test_text_mode_reports_turns_as_not_barged_in(talk) -> None:
    result = talk.run("yes", "stop", fresh=True)
    assert result.report["turns"], result.output
    for turn in result.report["turns"]:
        assert turn["barge_in"] is False and turn["barge_in_after_ms"] is None
    json.dumps(result.report)


@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        ("Is it on? Open Settings. Say yes or no.", "Say yes or no.",
         ("Is it on? Open Settings.", "Say yes or no.")),
        ("Sorry. Say yes or no. You can also say repeat.", "Say yes or no.",
         ("Sorry.", "Say yes or no. You can also say repeat.")),
        ("Shall we begin? Please say yes or no.", "", ("Shall we begin?", "Please say yes or no.")),
        ("Did you say yes?", "", ("Did you say yes?", "")),
        ("Hello. At any time, say stop.", "", ("Hello. At any time, say stop.", "")),
    ],
)  # fmt: skip
def test_answers_may_interrupt_from_the_hint_or_after_the_question(text, hint, expected):
    from assistant.speaking.voice_speaker import _split_answer_part

    assert _split_answer_part(text, hint) == expected


def test_the_hint_words_rule_knows_what_a_hint_says() -> None:
    """barge_in._says, behind BargeIn.refuse_hint_words (off: bench/history/barge-in.md,
    round two)."""
    pytest.importorskip("numpy")
    from assistant.listening.barge_in import _says

    assert _says("Say yes or no.", "yes") and _says("Say done when you have finished.", "done")
    assert not _says("Say ready when it's back on.", "yes")
