"""The language: --lang, else the system locale (LC_ALL, LC_MESSAGES, LANG, in POSIX
order), else English."""

from __future__ import annotations

import pytest

from assistant.cli.language_choice import choose_language, locale_language
from assistant.paths import PROMPTS_DIR


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "ko_KR.UTF-8"}, "ko"),
        ({"LANG": "ko_KR.eucKR"}, "ko"),
        ({"LANG": "ko"}, "ko"),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "ko_KR.UTF-8"}, "ko"),
        ({"LANG": "ko_KR.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}, "en"),
        ({"LANG": "ko_KR.UTF-8", "LC_MESSAGES": "en_GB", "LC_ALL": "ko_KR.UTF-8"}, "ko"),
        ({"LANG": "ko_KR.UTF-8", "LC_ALL": ""}, "ko"),  # empty counts as unset
        ({"LANG": "de_DE.UTF-8"}, "en"),  # no German prompts: English
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({}, "en"),
    ],
)
def test_the_locale_chooses_the_language_when_lang_is_not_given(environ, lang):
    assert choose_language(None, PROMPTS_DIR, environ) == lang


def test_lang_wins_over_the_locale():
    assert choose_language("en", PROMPTS_DIR, {"LANG": "ko_KR.UTF-8"}) == "en"
    assert choose_language("ko", PROMPTS_DIR, {"LANG": "en_US.UTF-8"}) == "ko"


def test_locale_language_reads_only_the_language_part():
    assert locale_language({"LC_ALL": "ko_KR.UTF-8@euro"}) == "ko"
    assert locale_language({"LANG": "C"}) is None


def test_a_korean_locale_runs_the_script_in_korean(talk, monkeypatch):
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    result = talk.run("네", "그만", fresh=True)
    assert result.report["lang"] == "ko"
    assert "시작할까요?" in result.output


def test_an_unknown_lang_is_one_line_and_exit_2(talk):
    result = talk.run("yes", fresh=True, extra=("--lang", "xx"))
    assert result.exit_code == 2
    assert result.errors.strip() == (
        f"error: no prompts for language 'xx': no xx.yaml in {PROMPTS_DIR} (available: en, ko)"
    )
