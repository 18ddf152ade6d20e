"""The RHVoice pyttsx3 driver, on the real library and voices, and the fall back to espeak-ng.

`pyttsx3.init("rhvoice")` after register(): synthesis that Vosk understands, rate and
volume that reach the audio, runAndWait() again and again (the idle-proxy hang), stop(),
the utterance events; then the assistant's voice choice: RHVoice by default, espeak-ng with
one line saying why when RHVoice cannot start, a chosen voice remembered.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
import tomllib
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from test_speech_output import read_wav, rms

from assistant.cli import speaking_options
from assistant.interfaces import VoiceUnavailable
from assistant.speaking import voice_speaker
from assistant.text_mode import TextSpeaker

REPO_ROOT = Path(__file__).resolve().parent.parent
SENTENCE = "Please say yes or no."
LONG_TEXT = " ".join(["Open Settings, then your name, then iCloud, then Photos."] * 6)
RUN_AND_WAIT_TIMEOUT_S = 20.0

pytestmark = pytest.mark.audio


@pytest.fixture(scope="module")
def engine() -> Any:
    from assistant.speaking import rhvoice_driver

    try:
        rhvoice_driver.shared_engine()
    except Exception as err:
        pytest.skip(f"RHVoice is not installed (script/setup installs it): {err}")
    rhvoice_driver.register()
    import pyttsx3

    return pyttsx3.init("rhvoice")


def run_and_wait(engine: Any) -> None:
    """runAndWait(), failing (not hanging) if it does not come back."""
    done = threading.Event()
    errors: list[BaseException] = []

    def run() -> None:
        try:
            engine.runAndWait()
        except BaseException as err:  # reported to the test
            errors.append(err)
        done.set()

    threading.Thread(target=run, daemon=True).start()
    assert done.wait(RUN_AND_WAIT_TIMEOUT_S), "runAndWait() hung"
    assert not errors, errors


def save(engine: Any, text: str, path: Path, **properties: Any) -> tuple[np.ndarray, int]:
    for name, value in properties.items():
        engine.setProperty(name, value)
    engine.save_to_file(text, str(path))
    run_and_wait(engine)
    return read_wav(path)


def test_voices_and_properties(engine: Any) -> None:
    voices = {v.id: v for v in engine.getProperty("voices")}
    assert {"slt", "bdl"} <= set(voices)
    assert voices["slt"].languages == ["en-US"]
    engine.setProperty("voice", "bdl")
    engine.setProperty("rate", 150)
    engine.setProperty("volume", 0.4)
    run_and_wait(engine)
    assert (engine.getProperty("voice"), engine.getProperty("rate")) == ("bdl", 150)
    assert engine.getProperty("volume") == pytest.approx(0.4)
    with pytest.raises(KeyError):
        engine.getProperty("pitch-bend")


def test_synthesis_is_understood(engine: Any, tmp_path: Path, vosk_model_dir: Path) -> None:
    from vosk import KaldiRecognizer, Model, SetLogLevel

    from assistant.audio import wav_io

    samples, rate = save(engine, SENTENCE, tmp_path / "s.wav", voice="slt", rate=160, volume=1)
    assert rate == 24000
    pcm = wav_io.to_16k_mono_int16(samples, rate)
    SetLogLevel(-1)
    recognizer = KaldiRecognizer(Model(str(vosk_model_dir)), 16000)
    silence = np.zeros(4800, np.int16).tobytes()
    recognizer.AcceptWaveform(silence + pcm.tobytes() + silence)
    assert json.loads(recognizer.FinalResult())["text"] == "please say yes or no"


def test_rate_and_volume_reach_the_audio(engine: Any, tmp_path: Path) -> None:
    slow, _ = save(engine, SENTENCE, tmp_path / "slow.wav", voice="slt", rate=120, volume=1.0)
    fast, _ = save(engine, SENTENCE, tmp_path / "fast.wav", rate=240)
    quiet, _ = save(engine, SENTENCE, tmp_path / "quiet.wav", volume=0.5)
    assert len(fast) < 0.65 * len(slow)
    assert len(quiet) == len(fast)  # same rate, only the level changed
    assert rms(quiet) / rms(fast) == pytest.approx(0.5, rel=0.1)


def test_runandwait_again_and_again_with_events(engine: Any, tmp_path: Path) -> None:
    events: list[tuple[str, bool | None]] = []
    tokens = [
        engine.connect("started-utterance", lambda **kw: events.append(("started", None))),
        engine.connect(
            "finished-utterance", lambda **kw: events.append(("finished", kw["completed"]))
        ),
    ]
    try:
        for index in range(4):
            samples, _ = save(engine, f"Step {index + 1}.", tmp_path / f"{index}.wav")
            assert rms(samples) > 0.01
        run_and_wait(engine)  # nothing queued: returns too
    finally:
        for token in tokens:
            engine.disconnect(token)
    assert events == [("started", None), ("finished", True)] * 4


def test_stop_ends_the_utterance(engine: Any, tmp_path: Path) -> None:
    full, _ = save(engine, LONG_TEXT, tmp_path / "full.wav", rate=200)
    finished: list[bool] = []
    # Stopped as soon as it starts (from the event, so the moment is deterministic).
    tokens = [
        engine.connect("started-utterance", lambda **kw: engine.stop()),
        engine.connect("finished-utterance", lambda **kw: finished.append(kw["completed"])),
    ]
    try:
        stopped, _ = save(engine, LONG_TEXT, tmp_path / "stopped.wav")
    finally:
        for token in tokens:
            engine.disconnect(token)
    assert finished == [False]
    assert len(stopped) < 0.2 * len(full)
    again, _ = save(engine, LONG_TEXT, tmp_path / "again.wav")  # stop() left no trace
    assert len(again) == len(full)


def test_say_plays_on_the_device(engine: Any, pulse_server: Any, speaker_recording: Any) -> None:
    rec = speaker_recording()
    engine.setProperty("volume", 1.0)
    engine.say(SENTENCE)
    run_and_wait(engine)
    samples = rec.stop()
    assert np.abs(samples).max() > 0.1 * 32768


# --- the assistant's voice choice -------------------------------------------------------


def build(tmp_path: Path, *argv: str, err: io.StringIO | None = None) -> Any:
    parser = __import__("argparse").ArgumentParser()
    speaking_options.add_arguments(parser)
    settings = speaking_options.settings(parser.parse_args([*argv, "--speak-to", str(tmp_path)]))
    return voice_speaker.build_speaker(
        settings, TextSpeaker(io.StringIO()), config_path=tmp_path / "config.toml"
    )


def test_rhvoice_is_the_default_and_a_chosen_voice_is_remembered(
    engine: Any, tmp_path: Path
) -> None:
    speaker = build(tmp_path)
    assert (speaker.synthesizer.engine, speaker.synthesizer.voice) == ("rhvoice", "bdl")
    speaker.close()
    speaker = build(tmp_path, "--voice", "espeak:gmw/en-us")
    assert (speaker.synthesizer.engine, speaker.synthesizer.voice) == ("espeak", "gmw/en-us")
    speaker.say("Hello.")
    speaker.close()
    assert read_wav(tmp_path / "0001.wav")[1] == 22050  # espeak-ng's rate, not RHVoice's
    config = tomllib.loads((tmp_path / "config.toml").read_text())
    assert config["speech"]["voice"] == "espeak:gmw/en-us"
    speaker = build(tmp_path)  # next run, no --voice
    assert speaker.synthesizer.voice == "gmw/en-us"
    speaker.close()
    speaker = build(tmp_path, "--voice", "rhvoice:slt")
    assert (speaker.synthesizer.engine, speaker.synthesizer.voice) == ("rhvoice", "slt")
    speaker.close()


def test_without_rhvoice_espeak_speaks_and_one_line_says_why(tmp_path: Path) -> None:
    """RHVoice pointed at a folder without voices: as on a machine without the package."""
    code = (
        "import sys; from pathlib import Path; "
        "from assistant.speaking import rhvoice_library, voice_speaker; "
        "rhvoice_library.DATA_DIR = Path(sys.argv[1]); "
        "sys.exit(voice_speaker.main(['--quiet', '--speak-to', sys.argv[2], 'Hello.']))"
    )
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "no-voices"), str(tmp_path / "out")],
        capture_output=True, text=True, env=env, cwd=REPO_ROOT, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("Voice: espeak-ng, because RHVoice:")
    assert "script/setup installs it" in lines[0]
    samples, rate = read_wav(tmp_path / "out" / "0001.wav")
    assert rate == 22050 and rms(samples) > 0.02


def test_an_unknown_engine_is_voice_unavailable() -> None:
    from assistant.speaking import synthesizer

    with pytest.raises(VoiceUnavailable):
        synthesizer.create("festival")
