"""End to end by voice: the assistant runs as a subprocess on the private sound server.

It speaks into the null sink and listens to the virtual microphone. The test plays the
answers into the microphone in real time, each one once the assistant has started listening
(it logs "listening for N phrases" with --debug; audio sent earlier would be discarded, as
the assistant never listens while it speaks), and then checks the session report.
"""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from audio_fixtures import dev_set_files, espeak_wav_maker

REPO_ROOT = Path(__file__).resolve().parent.parent
LISTENING_MARK = "listening for"
# The greeting is long; at 300 words per minute it takes ~5 s to speak.
TURN_TIMEOUT_S = 60.0
KILL_GRACE_S = 10.0
"""How long Session.kill() waits for the run to end on SIGTERM before SIGKILL."""
RATE_WPM = "300"

pytestmark = pytest.mark.audio


def real_answer(label: str, index: int) -> Path:
    """A real person's recording (the dev set has different speakers per file)."""
    files = dev_set_files(label)
    return files[index]


@pytest.fixture(scope="module")
def spoken(tmp_path_factory):
    """Synthesized answers (espeak-ng) for words the dev set does not have."""
    return espeak_wav_maker(tmp_path_factory.mktemp("answers"), "-v", "en-us+f3", "-s", "175")


class Session:
    """One run of `python -m assistant` in voice mode."""

    def __init__(
        self, pulse_server, tmp_path: Path, vosk_model_dir: Path, extra: tuple[str, ...]
    ) -> None:
        self.report_path = tmp_path / "report.json"
        # A config folder of its own: what the run remembers never touches the user's.
        self.config_home = tmp_path / "config"
        env = {**os.environ, **pulse_server.env, "PYTHONUNBUFFERED": "1", "NO_COLOR": "1",
               "XDG_CONFIG_HOME": str(self.config_home)}  # fmt: skip
        self.process = subprocess.Popen(
            [sys.executable, "-m", "assistant", "--fresh",
             "--state-file", str(tmp_path / "state.json"), "--report", str(self.report_path),
             "--model", str(vosk_model_dir), "--rate", RATE_WPM, "--debug", *extra],
            cwd=REPO_ROOT, env=env, stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.output: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.output.append(line)
            self.lines.put(line)
        self.lines.put(None)

    def wait_until_listening(self) -> None:
        deadline = time.monotonic() + TURN_TIMEOUT_S
        while True:
            try:
                line = self.lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"never started listening:\n{self.tail()}") from None
            if line is None:
                raise AssertionError(f"assistant ended early:\n{self.tail()}")
            if LISTENING_MARK in line:
                return

    def finish(self, timeout_s: float = TURN_TIMEOUT_S) -> dict:
        import json

        try:
            self.process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            self.kill()
            raise AssertionError(f"assistant did not finish:\n{self.tail()}") from None
        assert self.process.returncode == 0, self.tail()
        return json.loads(self.report_path.read_text())

    def transcript(self) -> str:
        """Everything it printed (the state machine's own log left out): assertions look
        for words anywhere in it, so it is never cut."""
        return "".join(line for line in self.output if "transitions." not in line)

    def tail(self) -> str:
        """The end of the transcript, for a failure message."""
        return self.transcript()[-6000:]

    def kill(self) -> None:
        """End the run if it still goes (a test that failed or gave up on it): SIGTERM, as a
        user's stop would, so that its stop path runs and unloads the sound server's
        echo-cancel module it loaded (`--echo-canceller auto` on PulseAudio); SIGKILL only
        if it has not ended after KILL_GRACE_S. A SIGKILL alone left the module on the
        tests' shared server, and the later tests then played through a server with it
        (bench/history/barge-in.md, "Round twelve, after the revert")."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=KILL_GRACE_S)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture
def converse(pulse_server, virtual_mic, vosk_model_dir, tmp_path):
    """converse([wav, ...]) -> report: each answer spoken once the assistant listens."""
    sessions: list[Session] = []

    def run(answers: list[Path], extra: tuple[str, ...] = ("--no-voiceover",)) -> dict:
        """extra: options; by default the wording is chosen, so the first start asks nothing."""
        session = Session(pulse_server, tmp_path, vosk_model_dir, extra)
        sessions.append(session)
        for wav in answers:
            session.wait_until_listening()
            virtual_mic.silence(300)  # a person takes a moment before answering
            virtual_mic.write_wav(wav)
        report = session.finish()
        report["_transcript"] = session.transcript()
        report["_config_home"] = session.config_home
        return report

    yield run
    for session in sessions:
        session.kill()


def test_resolved_at_step_one_by_voice(converse, spoken):
    # Shall we begin? yes. Signed in? yes. Sync on? no. Turn it on: done. Syncing now? yes.
    report = converse([
        real_answer("yes", 7), real_answer("yes", 8), real_answer("no", 6),
        spoken("done"), real_answer("yes", 9),
    ])  # fmt: skip
    assert report["outcome"] == "resolved", report["_transcript"]
    assert report["resolved_at_step"] == 1
    assert "Voice mode: speaking and listening" in report["_transcript"]
    assert "Speech output stopped working" not in report["_transcript"]
    # No audio lost: after minutes of other tests the rig had poured the missed time into
    # the microphone at once (audio_fixtures.MIC_BLOCKED_WRITE_S).
    assert "microphone blocks dropped" not in report["_transcript"]


def test_stop_by_voice_ends_stopped(converse, spoken):
    report = converse([real_answer("yes", 10), real_answer("no", 11), spoken("stop")])
    assert report["outcome"] == "stopped", report["_transcript"]


def test_silence_then_answer_by_voice(converse, spoken):
    """Saying nothing is heard as silence (after ~8 s); the next answer still counts."""
    report = converse([real_answer("silence", 0), real_answer("yes", 12), spoken("stop")])
    assert report["outcome"] == "stopped", report["_transcript"]
    intents = [turn.get("intent") for turn in report["turns"]]
    assert intents[:3] == ["silence", "yes", "stop"], report["turns"]


def test_first_start_asks_about_voiceover_by_voice_and_remembers_the_answer(converse, spoken):
    """No wording chosen yet: "Do you use VoiceOver?" comes first; a real "yes" switches to
    the VoiceOver wording at once and is remembered for the next start."""
    report = converse([real_answer("yes", 13), spoken("stop")], extra=())
    assert report["outcome"] == "stopped", report["_transcript"]
    transcript = report["_transcript"]
    assert transcript.index("do you use VoiceOver") < transcript.index("Hello"), transcript
    assert "double-tap" in transcript, transcript
    config = (report["_config_home"] / "icloud-photos-assistant" / "config.toml").read_text()
    assert "voiceover = true" in config, config


def test_resolved_at_step_one_by_voice_in_the_voiceover_wording(converse, spoken):
    """The same path as above with --voiceover: gestures are spoken, answers still count."""
    report = converse(
        [real_answer("yes", 14), real_answer("yes", 15), real_answer("no", 12),
         spoken("done"), real_answer("yes", 16)],
        extra=("--voiceover",),
    )  # fmt: skip
    assert report["outcome"] == "resolved", report["_transcript"]
    assert report["resolved_at_step"] == 1
    assert "swipe right" in report["_transcript"], report["_transcript"]
