"""Barge-in from the command line: `python -m assistant` in voice mode on the private sound
server, a real person's "stop" said over the greeting, and the session report read back."""

from __future__ import annotations

import time

import pytest
from audio_fixtures import read_wav_16k_mono
from test_barge_in import stop_files
from test_voice_e2e import TURN_TIMEOUT_S, Session

pytestmark = pytest.mark.audio

# The default rate: the greeting lasts ~15 s, long enough to be interrupted well inside it.
AT_DEFAULT_RATE = ("--rate", "160", "--no-voiceover")
GREETING_MARK = "Hello."
STOP_AFTER_S = 4.0


def wait_for(session: Session, text: str) -> None:
    """Until the assistant has printed text (the prompt is printed as it starts playing)."""
    deadline = time.monotonic() + TURN_TIMEOUT_S
    while not any(text in line for line in session.output):
        if time.monotonic() > deadline or session.process.poll() is not None:
            raise AssertionError(f"never printed {text!r}:\n{session.transcript()}")
        time.sleep(0.02)


@pytest.fixture
def session(pulse_server, virtual_mic, vosk_model_dir, tmp_path):
    started: list[Session] = []

    def start(*extra: str) -> Session:
        run = Session(pulse_server, tmp_path, vosk_model_dir, (*AT_DEFAULT_RATE, *extra))
        started.append(run)
        return run

    yield start
    for run in started:
        run.kill()


def test_stop_over_the_greeting_ends_the_session_stopped(session, virtual_mic):
    """Headphones (no echo, no canceller): tests/test_barge_in.py says why."""
    run = session("--echo-canceller", "none")
    wait_for(run, GREETING_MARK)
    started = time.monotonic()
    time.sleep(STOP_AFTER_S)
    virtual_mic.write_samples(read_wav_16k_mono(stop_files()[5]))
    report = run.finish()
    assert report["outcome"] == "stopped", run.transcript()
    first = report["turns"][0]
    assert first["intent"] == "stop" and first["barge_in"] is True, report["turns"]
    assert STOP_AFTER_S * 1000 < first["barge_in_after_ms"] < STOP_AFTER_S * 1000 + 2500
    # Cut short: the whole greeting and start question take ~17 s at this rate.
    assert time.monotonic() - started < STOP_AFTER_S + 8.0, run.transcript()


def test_no_barge_in_speaks_whole_and_is_remembered(session, virtual_mic, echo_path):
    run = session("--no-barge-in")
    wait_for(run, GREETING_MARK)
    time.sleep(STOP_AFTER_S)
    virtual_mic.write_samples(read_wav_16k_mono(stop_files()[5]))  # not heard: it speaks on
    run.wait_until_listening()
    virtual_mic.silence(300)
    virtual_mic.write_samples(read_wav_16k_mono(stop_files()[6]))
    report = run.finish()
    assert report["outcome"] == "stopped", run.transcript()
    assert [t["barge_in"] for t in report["turns"]] == [False], report["turns"]
    assert report["turns"][0]["barge_in_after_ms"] is None
    config = (run.config_home / "icloud-photos-assistant" / "config.toml").read_text()
    assert "barge_in = false" in config, config
