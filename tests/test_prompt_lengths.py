"""Prompts short enough to hold in mind, measured on the WAVs the assistant writes.

`python -m assistant --script FILE --fresh --speak-to DIR` runs conversations through all
seven steps (and the cellular-data branch), asking for help at every question and action,
in the plain and in the VoiceOver wording, at the default rate (160 wpm, espeak-ng, a fresh
config file). Each WAV is one spoken prompt: the greeting must last at most 15 s, the
closing summary at most 20 s, every other prompt at most 12 s.

The VoiceOver wording runs from a copy of prompts/ whose en.yaml holds every VoiceOver
wording in place of the plain one (`wording.apply_voiceover`, the same choice `WordedTexts`
makes at run time: tests/test_wording.py checks that they agree).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import wave
from pathlib import Path

import pytest
import yaml

from assistant.conversation.prompt_files import load_yaml
from assistant.conversation.wording import apply_voiceover
from assistant.paths import CHECKOUT_DIR, PROMPTS_DIR

GREETING_MAX_S = 15.0
CLOSING_MAX_S = 20.0
PROMPT_MAX_S = 12.0

# Every step, every action, help everywhere, the longest closing summary (eight changes).
EVERY_STEP = [
    "help", "yes",  # the start question
    "help", "no",  # s1_apple_id
    "help", "done",  # s1_sign_in
    "help", "no",  # s1_sync_on
    "help", "done",  # s1_turn_on
    "help", "no",  # fixed?
    "where am i", "help", "no",  # s2_online
    "<silence>", "<silence>", "help", "done",  # s2_fix_network, with the re-prompts
    "help", "no",  # fixed?
    "help", "yes", "help", "not yet", "done", "help", "no",  # s3
    "help", "no", "help", "done", "help", "no",  # s4
    "help", "done", "help", "no",  # s5
    "help", "yes", "help", "done", "help", "no",  # s6
    "help", "done", "help", "no",  # s7, then unresolved
]  # fmt: skip
# The branch the conversation above does not take: cellular data for Photos, resolved.
CELLULAR_BRANCH = [
    "yes", "yes", "yes",  # start, signed in, sync on
    "help", "yes",  # s2_online
    "help", "yes",  # s2_cellular
    "help", "no",  # s2_photos_data
    "help", "done",  # s2_enable_data
    "yes",  # fixed: resolved
]  # fmt: skip
# Nothing to change until the restart: "nothing needed changing" before each step's intro.
NOTHING_TO_CHANGE = [
    "yes", "yes", "yes",  # start, signed in, sync on
    "yes", "no",  # online, on Wi-Fi
    "no",  # storage not full
    "yes",  # already optimized
    "done", "no",  # restarted, not fixed
    "no",  # no update
    "done", "no",  # charging, not fixed: unresolved
]  # fmt: skip
SCRIPTS = {"every step": EVERY_STEP, "cellular branch": CELLULAR_BRANCH,
           "nothing to change": NOTHING_TO_CHANGE}  # fmt: skip
# Lines the assistant prints that are not prompts (which mode it runs in, and why).
NOTES = ("Speech output", "Voice mode", "Voice input", "warning:")


@pytest.fixture(scope="module")
def prompt_dirs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    voiceover_dir = tmp_path_factory.mktemp("voiceover-prompts")
    for path in PROMPTS_DIR.glob("*.yaml"):
        shutil.copy(path, voiceover_dir / path.name)
    heard = apply_voiceover(load_yaml(PROMPTS_DIR / "en.yaml"))
    (voiceover_dir / "en.yaml").write_text(
        yaml.safe_dump(heard, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    return {"plain": PROMPTS_DIR, "voiceover": voiceover_dir}


def wav_seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as wav:
        return wav.getnframes() / wav.getframerate()


def speak_conversation(lines: list[str], prompts: Path, tmp_path: Path) -> list[tuple[str, float]]:
    """(printed prompt, seconds of its WAV) for every prompt of one scripted conversation."""
    script = tmp_path / "script.txt"
    script.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out_dir = tmp_path / "spoken"
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data")}  # fmt: skip
    command = [sys.executable, "-m", "assistant", "--script", str(script), "--fresh",
               "--speak-to", str(out_dir), "--prompts", str(prompts),
               "--state-file", str(tmp_path / "session.json")]  # fmt: skip
    run = subprocess.run(command, cwd=CHECKOUT_DIR, env=env, capture_output=True, text=True,
                         timeout=300)  # fmt: skip
    if "Speech output unavailable" in run.stderr:
        pytest.skip(f"no speech engine: {run.stderr.strip()}")
    assert run.returncode == 0, run.stderr
    printed = [ln for ln in run.stdout.splitlines()
               if ln and not ln.startswith("> ") and not ln.startswith(NOTES)]  # fmt: skip
    wavs = sorted(out_dir.glob("*.wav"))
    assert len(wavs) == len(printed), "one WAV per printed prompt"
    return [(text, wav_seconds(wav)) for text, wav in zip(printed, wavs, strict=True)]


@pytest.mark.audio
@pytest.mark.parametrize("wording", ["plain", "voiceover"])
@pytest.mark.parametrize("script", list(SCRIPTS))
def test_every_prompt_is_short_enough_to_hold_in_mind(
    wording: str, script: str, prompt_dirs: dict[str, Path], tmp_path: Path
) -> None:
    spoken = speak_conversation(SCRIPTS[script], prompt_dirs[wording], tmp_path)
    (greeting, greeting_s), *middle, (closing, closing_s) = spoken
    assert greeting.startswith("Hello"), greeting
    assert ("Great news" if script == "cellular branch" else "Genius Bar") in closing, closing
    too_long = [f"{seconds:.1f} s > {PROMPT_MAX_S} s: {text}"
                for text, seconds in middle if seconds > PROMPT_MAX_S]  # fmt: skip
    if greeting_s > GREETING_MAX_S:
        too_long.append(f"greeting {greeting_s:.1f} s > {GREETING_MAX_S} s: {greeting}")
    if closing_s > CLOSING_MAX_S:
        too_long.append(f"closing {closing_s:.1f} s > {CLOSING_MAX_S} s: {closing}")
    assert not too_long, "\n".join(too_long)
    assert len(middle) >= len(SCRIPTS[script]) - 1, "the whole conversation ran"
