"""A thing said not there, in a clause naming a place of the screen or a control, at a
question or action on a setting found on a screen (issues 8 and 12, round nineteen): it cannot
be found, so help (where is it?), not the setting's no. "없어요" alone, absence at another
question ("no update in Settings"), and an answer said with it read as before.
"""

from __future__ import annotations

import pytest

from assistant.conversation.understanding import Vocabulary


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("There isn't a Mobile Data switch in that menu.", "s2_photos_data", "help"),
     ("Optimize is not in the menu.", "s4_select_optimize", "help"),
     ("There's no toggle for it.", "s1_turn_on", "help"),
     ("Photos is missing from the list.", "s1_sync_on", "help"),
     # Another question, no place named, or an answer said with it: as before.
     ("There's no update in Settings.", "s6_update_available", "no"),
     ("It's off, there's no Photos in the menu though.", "s1_sync_on", "unknown"),
     ("No, it's not on.", "s1_sync_on", "no")],
)  # fmt: skip
def test_missing_on_screen_is_help(vocab, text, question, intent):
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("설정 목록에 모바일 데이터가 없어요", "s2_photos_data", "help"),
     ("메뉴에 최적화가 없어요", "s4_select_optimize", "help"),
     ("화면에 동기화가 없어요", "s1_turn_on", "help"),
     # 없어요 alone, another question, or an answer said with it: as before.
     ("없어요", "s1_sync_on", "no"),
     ("설정에 업데이트가 없어요", "s6_update_available", "no"),
     ("꺼져 있어요, 목록에 사진이 없어요", "s1_sync_on", "no")],
)  # fmt: skip
def test_korean_missing_on_screen_is_help(ko, text, question, meant):
    assert ko.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [("The power slider does not appear.", "s5_restart", "help"),
     ("The toggle isn't showing up in the menu.", "s2_photos_data", "help"),
     ("Optimize doesn't show in the list.", "s4_select_optimize", "help"),
     # not seen without a place of the screen, or at another question: as before
     ("It's not showing up yet.", "s5_restart", "unknown"),
     ("The photos aren't showing up on my Mac.", "fixed?", "no")],
)  # fmt: skip
def test_not_seen_on_screen_is_help(vocab, text, question, intent):
    """Round twenty: not seen ("isn't showing up", "does not appear") is said not there, and
    the restart's slider a control of the screen."""
    assert vocab.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("설정 목록에 셀룰러가 안 보여요", "s2_enable_data", "help"),
     ("메뉴에 최적화가 안 나와요", "s4_select_optimize", "help"),
     ("안 보여요", "s1_sync_on", "unknown")],
)  # fmt: skip
def test_korean_not_seen_on_screen_is_help(ko, text, question, meant):
    """Round twenty: 안 보여요, 안 나와요 (not seen) in a clause naming a place of the
    screen."""
    assert ko.parse(text, question) == meant
