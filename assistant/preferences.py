"""Speech preferences (rate, volume, voice, earcons, barge-in) kept in a TOML file between sessions.

The file lives in the user's config directory (platformdirs; on Linux $XDG_CONFIG_HOME or
~/.config/icloud-photos-assistant/config.toml). Our settings sit in its [speech] table;
any other table or key in the file is kept as it is when we write, so other parts of the
assistant (or the user) can keep their own settings there.

A file that cannot be read or parsed never stops the assistant: one warning line on stderr,
then the defaults. A single bad value only loses that value.
"""

from __future__ import annotations

import math
import sys
import tomllib
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, TextIO

from assistant.atomic_file import write_atomically
from assistant.paths import user_config_dir

CONFIG_FILE_NAME = "config.toml"
SPEECH_TABLE = "speech"

# Words per minute as espeak-ng counts them. Below ~100 words drag apart so much that
# sentences are hard to follow; above ~300 espeak becomes hard to understand.
RATE_MIN_WPM = 100
RATE_MAX_WPM = 300
# Chosen with bench/bench_intelligibility.py (Vosk WER over all prompts, default voice):
# 135 wpm 30.8%, 150 27.9%, 155 28.6%, 160 27.9%, 165 28.1%, 180 31.0%. 160 is as clear as
# the slower rates, and a little below espeak's 175 because people who cannot see the
# screen need time to find each setting.
DEFAULT_RATE_WPM = 160

# Volume is a gain on the synthesized samples, 1.0 = the loudest undistorted level.
VOLUME_MIN = 0.1
VOLUME_MAX = 1.0
# Not the maximum, so "louder" works at least once from the start.
DEFAULT_VOLUME = 0.7


@dataclass(frozen=True)
class SpeechPreferences:
    rate_wpm: int = DEFAULT_RATE_WPM
    volume: float = DEFAULT_VOLUME
    voice: str | None = None
    """espeak-ng voice id (see --list-voices); None for the engine's default English voice."""
    earcons: bool = True
    barge_in: bool = True
    """Voice mode listens while it speaks, so the user can cut it short (--no-barge-in)."""


def default_config_path() -> Path:
    return user_config_dir() / CONFIG_FILE_NAME


def _warn(out: TextIO | None, message: str) -> None:
    print(f"warning: {message}", file=out or sys.stderr, flush=True)


def _read_toml(path: Path, warn_to: TextIO | None, warn: bool = True) -> dict[str, Any] | None:
    """The whole document; {} when the file is absent; None (after a warning) when unusable."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        if warn:
            _warn(warn_to, f"ignoring settings file {path} ({reason}); using default settings")
        return None


def clamp_rate_wpm(value: float) -> int:
    return int(min(RATE_MAX_WPM, max(RATE_MIN_WPM, round(value))))


def clamp_volume(value: float) -> float:
    return round(min(VOLUME_MAX, max(VOLUME_MIN, float(value))), 3)


def _parse_speech_table(table: Any, path: Path, warn_to: TextIO | None) -> SpeechPreferences:
    prefs = SpeechPreferences()
    if not isinstance(table, dict):
        _warn(warn_to, f"[{SPEECH_TABLE}] in {path} is not a table; using default settings")
        return prefs
    bad: list[str] = []
    rate = table.get("rate_wpm")
    if rate is not None:
        if isinstance(rate, int | float) and not isinstance(rate, bool) and math.isfinite(rate):
            prefs = replace(prefs, rate_wpm=clamp_rate_wpm(rate))
        else:
            bad.append("rate_wpm")
    volume = table.get("volume")
    if volume is not None:
        if (
            isinstance(volume, int | float)
            and not isinstance(volume, bool)
            and math.isfinite(volume)
        ):
            prefs = replace(prefs, volume=clamp_volume(volume))
        else:
            bad.append("volume")
    voice = table.get("voice")
    if voice is not None:
        if isinstance(voice, str) and voice.strip():
            prefs = replace(prefs, voice=voice.strip())
        else:
            bad.append("voice")
    for key in ("earcons", "barge_in"):
        flag = table.get(key)
        if flag is not None:
            if isinstance(flag, bool):
                prefs = replace(prefs, **{key: flag})  # type: ignore[arg-type]
            else:
                bad.append(key)
    if bad:
        _warn(warn_to, f"ignoring bad {', '.join(bad)} in {path}; using the default for it")
    return prefs


def load_preferences(path: Path | None = None, warn_to: TextIO | None = None) -> SpeechPreferences:
    """The saved preferences, or the defaults (after one warning line if the file is bad)."""
    path = path or default_config_path()
    document = _read_toml(path, warn_to)
    if not document:
        return SpeechPreferences()
    return _parse_speech_table(document.get(SPEECH_TABLE, {}), path, warn_to)


def save_preferences(prefs: SpeechPreferences, path: Path | None = None) -> None:
    """Write the [speech] table, keeping everything else in the file. Raises OSError."""
    import tomli_w

    path = path or default_config_path()
    # An unreadable file was already reported at load time; it is replaced, not merged.
    document = _read_toml(path, warn_to=None, warn=False)
    document = dict(document or {})
    speech = {key: value for key, value in asdict(prefs).items() if value is not None}
    document[SPEECH_TABLE] = speech
    write_atomically(path, tomli_w.dumps(document).encode("utf-8"))
