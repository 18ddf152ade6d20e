"""Speech preferences in the TOML config file: defaults, round trip, bad files, atomic writes."""

from __future__ import annotations

import io
import tomllib
from pathlib import Path

import pytest

from assistant import atomic_file, preferences
from assistant.paths import APP_NAME
from assistant.preferences import SpeechPreferences


def test_missing_file_gives_defaults_without_warning(tmp_path: Path) -> None:
    warnings = io.StringIO()
    prefs = preferences.load_preferences(tmp_path / "none.toml", warn_to=warnings)
    assert prefs == SpeechPreferences()
    assert warnings.getvalue() == ""


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "preferences.toml"
    wanted = SpeechPreferences(rate_wpm=190, volume=0.35, voice="gmw/en-us", earcons=False)
    preferences.save_preferences(wanted, path)
    assert preferences.load_preferences(path) == wanted


def test_saving_keeps_other_settings_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "preferences.toml"
    path.write_text('[listening]\nmodel = "/models/en"\n\n[speech]\nvoice = "gmw/en"\n')
    preferences.save_preferences(SpeechPreferences(rate_wpm=140, voice="gmw/en"), path)
    document = tomllib.loads(path.read_text())
    assert document["listening"] == {"model": "/models/en"}
    assert document["speech"]["rate_wpm"] == 140


def test_default_voice_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "preferences.toml"
    preferences.save_preferences(SpeechPreferences(), path)
    assert "voice" not in tomllib.loads(path.read_text())["speech"]


@pytest.mark.parametrize(
    "content",
    [
        "this is = = not toml",
        "[speech\nrate_wpm = 3",
        b"\xff\xfe\x00garbage",
    ],
)
def test_corrupt_file_gives_one_warning_line_and_defaults(
    tmp_path: Path, content: str | bytes
) -> None:
    path = tmp_path / "preferences.toml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    warnings = io.StringIO()
    assert preferences.load_preferences(path, warn_to=warnings) == SpeechPreferences()
    lines = warnings.getvalue().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("warning:") and str(path) in lines[0]


def test_a_bad_value_loses_only_that_value(tmp_path: Path) -> None:
    path = tmp_path / "preferences.toml"
    path.write_text('[speech]\nrate_wpm = "fast"\nvolume = 0.4\nearcons = "yes"\n')
    warnings = io.StringIO()
    prefs = preferences.load_preferences(path, warn_to=warnings)
    assert prefs == SpeechPreferences(volume=0.4)
    assert len(warnings.getvalue().splitlines()) == 1
    assert "rate_wpm" in warnings.getvalue() and "earcons" in warnings.getvalue()


def test_speech_that_is_not_a_table_gives_defaults(tmp_path: Path) -> None:
    path = tmp_path / "preferences.toml"
    path.write_text("speech = 3\n")
    warnings = io.StringIO()
    assert preferences.load_preferences(path, warn_to=warnings) == SpeechPreferences()
    assert len(warnings.getvalue().splitlines()) == 1


def test_out_of_range_values_are_clamped(tmp_path: Path) -> None:
    path = tmp_path / "preferences.toml"
    path.write_text("[speech]\nrate_wpm = 5000\nvolume = -2.0\n")
    prefs = preferences.load_preferences(path)
    assert prefs.rate_wpm == preferences.RATE_MAX_WPM
    assert prefs.volume == preferences.VOLUME_MIN


def test_saving_a_corrupt_file_replaces_it(tmp_path: Path) -> None:
    path = tmp_path / "preferences.toml"
    path.write_text("not = = toml")
    preferences.save_preferences(SpeechPreferences(rate_wpm=120), path)
    assert preferences.load_preferences(path).rate_wpm == 120


def test_write_is_atomic_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "preferences.toml"
    for rate in (120, 130, 140):
        preferences.save_preferences(SpeechPreferences(rate_wpm=rate), path)
    assert [p.name for p in tmp_path.iterdir()] == ["preferences.toml"]
    assert preferences.load_preferences(path).rate_wpm == 140


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "preferences.toml"
    preferences.save_preferences(SpeechPreferences(rate_wpm=120), path)

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_file.os, "replace", broken_replace)
    with pytest.raises(OSError):
        preferences.save_preferences(SpeechPreferences(rate_wpm=200), path)
    assert preferences.load_preferences(path).rate_wpm == 120
    assert [p.name for p in tmp_path.iterdir()] == ["preferences.toml"]


def test_default_path_is_in_the_users_config_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert preferences.default_config_path() == tmp_path / APP_NAME / "config.toml"
    preferences.save_preferences(SpeechPreferences(rate_wpm=111))
    assert preferences.load_preferences().rate_wpm == 111
