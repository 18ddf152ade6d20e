"""Voice input through the real audio chain: virtual mic -> PulseAudio -> ALSA -> PortAudio."""

from __future__ import annotations

import json
import queue
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from audio_fixtures import dev_set_files

REPO_ROOT = Path(__file__).resolve().parent.parent


def dev_wav(label: str, index: int = 0) -> Path:
    files = dev_set_files(label)
    return files[index]


@pytest.mark.audio
def test_chain_virtual_mic_to_vosk_hears_yes(pulse_server, virtual_mic, vosk_model_dir):
    """The fixtures' own proof: a real "yes" written to the virtual mic is heard as "yes"."""
    import sounddevice as sd
    import vosk

    vosk.SetLogLevel(-1)
    model = vosk.Model(str(vosk_model_dir))
    recognizer = vosk.KaldiRecognizer(model, 16000, json.dumps(["yes", "no", "[unk]"]))
    chunks: queue.Queue[bytes] = queue.Queue()

    def callback(indata, frames, time_info, status):
        chunks.put(bytes(indata))

    texts = []
    with sd.RawInputStream(
        samplerate=16000, channels=1, dtype="int16", blocksize=640, callback=callback
    ):
        virtual_mic.silence(300)
        virtual_mic.write_wav(dev_wav("yes"))
        virtual_mic.silence(1500)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not texts:
            try:
                chunk = chunks.get(timeout=1)
            except queue.Empty:
                continue
            if recognizer.AcceptWaveform(chunk):
                text = json.loads(recognizer.Result())["text"]
                if text:
                    texts.append(text)
    assert texts == ["yes"]


@pytest.mark.audio
def test_speaker_recording_captures_what_is_played(pulse_server, speaker_recording):
    import sounddevice as sd

    sample_rate_hz = 22050
    tone = 0.3 * np.sin(2 * np.pi * 440 * np.arange(sample_rate_hz // 2) / sample_rate_hz)
    rec = speaker_recording(sample_rate_hz)
    sd.play(tone.astype(np.float32), sample_rate_hz, blocking=True)
    time.sleep(0.3)
    samples = rec.stop()
    assert len(samples) > sample_rate_hz // 4
    loud = np.abs(samples.astype(np.int32)) > 3000
    # About half a second of the tone came through (allowing for stream start-up).
    assert loud.sum() > sample_rate_hz * 0.3 * 0.5


# --- the Listener built the way the assistant builds it -----------------------------------


def settings(model_dir, **changes):
    from assistant.listening.settings import ListeningSettings

    return ListeningSettings(model_dir=model_dir, **changes)


@pytest.fixture
def listener(pulse_server, virtual_mic, vosk_model_dir):
    from assistant.listening import voice_listener

    built = voice_listener.build_listener(settings(vosk_model_dir), "en")
    yield built
    built.close()


def answer_when_listening(listener, mic, *clips, lead_ms: float = 300):
    """listen() in a thread; the clips are spoken once it takes audio, as a person answers
    after the cue. (Audio queued earlier is discarded by design; a test that raced the
    model load with its answer was flaky.)"""
    result: dict[str, object] = {}
    thread = threading.Thread(target=lambda: result.update(u=listener.listen(answer_phrases())))
    thread.start()
    assert listener.listening.wait(60), "the listener never started listening"
    mic.silence(lead_ms)
    for clip in clips:
        mic.write_wav(clip)
    thread.join(60)
    assert not thread.is_alive()
    return result["u"]


def answer_phrases() -> list[str]:
    from assistant.conversation.understanding import INTENTS, Vocabulary

    return Vocabulary.load("en").phrases(INTENTS)


def intent_of(text: str) -> str:
    from assistant.conversation.understanding import Vocabulary

    return Vocabulary.load("en").parse(text)


@pytest.mark.audio
@pytest.mark.parametrize(("label", "index"), [("yes", 1), ("no", 2), ("yes", 3)])
def test_listener_hears_real_answers(listener, virtual_mic, label, index):
    utterance = answer_when_listening(listener, virtual_mic, dev_wav(label, index))
    assert utterance is not None
    assert intent_of(utterance.text) == label


@pytest.mark.audio
def test_listener_discards_audio_from_before_listen(listener, virtual_mic):
    """Half duplex: what was captured while the assistant spoke must not count as an answer."""
    listener.engine(30)  # model loaded: timing below is then honest
    virtual_mic.write_wav(dev_wav("yes", 4))
    virtual_mic.wait_until_played()
    time.sleep(0.3)  # the "yes" is now in the capture queue, before listen() starts
    virtual_mic.silence(200)
    virtual_mic.write_wav(dev_wav("no", 5))
    utterance = listener.listen(answer_phrases())
    assert utterance is not None
    assert intent_of(utterance.text) == "no"


@pytest.mark.audio
def test_listener_reports_silence(pulse_server, virtual_mic, vosk_model_dir):
    from assistant.listening import voice_listener

    listener = voice_listener.build_listener(
        settings(vosk_model_dir, silence_timeout_ms=1500), "en"
    )
    listener.engine(30)
    started = time.monotonic()
    utterance = listener.listen(answer_phrases())
    listener.close()
    assert utterance is not None
    assert utterance.text == ""
    assert time.monotonic() - started < 6


@pytest.mark.audio
def test_listener_decides_soon_after_the_word(listener, virtual_mic):
    """Wall clock, through the whole chain: a one-word answer is acted on promptly."""
    listener.engine(30)
    phrases = answer_phrases()
    virtual_mic.silence(300)
    duration_s = virtual_mic.write_wav(dev_wav("yes", 6))
    started = time.monotonic()
    utterance = listener.listen(phrases)
    elapsed_s = time.monotonic() - started
    assert utterance is not None and intent_of(utterance.text) == "yes"
    # 0.3 s lead-in + the 1 s clip + decision; Vosk's own endpointing alone would add ~0.8 s.
    assert elapsed_s < 0.3 + duration_s + 0.6, elapsed_s


# --- failures: no model, no microphone, microphone lost, overflows ---------------------------


def test_no_model_is_one_clear_line_with_the_command(tmp_path, monkeypatch):
    from assistant.interfaces import VoiceUnavailable
    from assistant.listening import voice_listener
    from assistant.model_store import lookup as models

    monkeypatch.setattr(models, "checkout_models_dir", lambda: tmp_path / "a")
    monkeypatch.setattr(models, "user_models_dir", lambda: tmp_path / "b")
    with pytest.raises(VoiceUnavailable) as caught:
        voice_listener.build_listener(settings(None), "en")
    message = str(caught.value)
    assert "\n" not in message and "fetch-model" in message and "models download" in message


@pytest.mark.audio
def test_unknown_input_device_is_voice_unavailable(pulse_server, vosk_model_dir):
    from assistant.interfaces import VoiceUnavailable
    from assistant.listening import voice_listener

    with pytest.raises(VoiceUnavailable) as caught:
        voice_listener.build_listener(
            settings(vosk_model_dir, input_device="no-such-microphone-xyz"), "en"
        )
    assert "\n" not in str(caught.value)


@pytest.mark.audio
def test_list_devices_prints_the_microphones(pulse_server, capsys):
    import argparse

    from assistant.cli import listening_options

    parser = argparse.ArgumentParser()
    listening_options.add_arguments(parser)
    args = parser.parse_args(["--list-devices"])
    assert listening_options.handle_info_flags(args) == 0
    out = capsys.readouterr().out
    assert "default" in out or "pulse" in out
    assert listening_options.handle_info_flags(parser.parse_args([])) is None
    built = listening_options.settings_from(
        parser.parse_args(["--model", "m", "--input-device", "2"])
    )
    assert (str(built.model_dir), built.input_device) == ("m", "2")


class FakeMicrophone:
    """Stands in for microphone.Microphone: plays given blocks, then dies or stays silent."""

    def __init__(self, blocks: list[bytes], then: str = "die") -> None:
        from assistant.listening import microphone

        self.sample_rate_hz = 16000
        self.stats = microphone.CaptureStats()
        self._blocks = list(blocks)
        self._then = then
        self.alive = True
        self.closed = False

    def drain(self) -> int:
        return 0

    def read(self, timeout_s: float = 1.0) -> bytes | None:
        if self._blocks:
            return self._blocks.pop(0)
        if self._then == "die":
            self.alive = False
            return None
        return b"\0" * 1280  # 40 ms of silence

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def fake_listener(vosk_model_dir):
    """Makes listeners on fake microphones; closes them after the test, so no model load
    is left running in a thread when pytest exits (a suspect for the rare rc 139)."""
    from assistant.conversation.understanding import Vocabulary
    from assistant.listening import voice_listener
    from assistant.listening.recognizer import BackgroundEngine

    made = []

    def make(microphone):
        messages: list[str] = []
        listener = voice_listener.VoiceListener(
            BackgroundEngine("vosk", vosk_model_dir),
            microphone,
            Vocabulary.load("en").parse,
            settings(vosk_model_dir),
            notify=messages.append,
        )
        made.append(listener)
        return listener, messages

    yield make
    for listener in made:
        listener.close()


@pytest.mark.audio
def test_microphone_lost_mid_session_returns_none_after_one_message(fake_listener):
    microphone = FakeMicrophone([b"\0" * 1280] * 5, then="die")
    listener, messages = fake_listener(microphone)
    assert listener.listen(answer_phrases()) is None
    assert len(messages) == 1 and "microphone" in messages[0].lower()
    assert microphone.closed
    assert listener.listen(answer_phrases()) is None  # stays gone, no second message
    assert len(messages) == 1


@pytest.mark.audio
def test_silence_for_the_timeout_is_an_empty_utterance(fake_listener):
    listener, _ = fake_listener(FakeMicrophone([], then="silence"))
    utterance = listener.listen(answer_phrases())
    assert utterance is not None and utterance.text == ""
    assert listener.last_decision is not None
    assert listener.last_decision.decided_at_ms == pytest.approx(8000, abs=50)


@pytest.mark.audio
def test_answer_from_a_recording_through_the_listener(fake_listener):
    from assistant.audio import wav_io

    samples = wav_io.read_wav_16k_mono(dev_wav("no", 0 + 3))
    padded = np.concatenate([np.zeros(4800, np.int16), samples]).tobytes()
    blocks = [padded[i : i + 1280] for i in range(0, len(padded), 1280)]
    listener, _ = fake_listener(FakeMicrophone(blocks, then="silence"))
    utterance = listener.listen(answer_phrases())
    assert utterance is not None and intent_of(utterance.text) == "no"


def test_capture_callback_counts_overflows_and_never_raises():
    from assistant.listening import microphone

    mic = microphone.Microphone.__new__(microphone.Microphone)  # no real stream needed
    mic.stats = microphone.CaptureStats()
    mic._queue = queue.Queue(maxsize=2)

    class Status:
        input_overflow = True

        def __bool__(self) -> bool:
            return True

    for _ in range(4):  # the third and fourth blocks find the queue full
        mic._callback(b"\1\0" * 640, 640, None, Status())
    mic._callback(object(), 640, None, None)  # garbage: still no exception
    assert mic.stats.overflows == 4
    assert mic.stats.dropped_blocks == 3
    assert mic.drain() == 2


@pytest.mark.audio
def test_sound_server_dying_mid_session_ends_listening_cleanly(
    pulse_server, vosk_model_dir, tmp_path, monkeypatch
):
    """A second private server is killed under a live listener: one message, then None."""
    import audio_fixtures

    from assistant.listening import voice_listener

    doomed = audio_fixtures._start_pulse(tmp_path / "doomed")
    monkeypatch.setenv("PULSE_SERVER", doomed.env["PULSE_SERVER"])  # read when a stream opens
    mic = audio_fixtures.VirtualMic(doomed.mic_fifo)
    messages: list[str] = []
    listener = None
    try:
        listener = voice_listener.build_listener(settings(vosk_model_dir), "en")
        listener._notify = messages.append
        first = answer_when_listening(listener, mic, dev_wav("yes", 13))
        assert first is not None and intent_of(first.text) == "yes"
        doomed.process.kill()
        doomed.process.wait()
        started = time.monotonic()
        assert listener.listen(answer_phrases()) is None
        assert time.monotonic() - started < listener.settings.mic_stall_timeout_s + 3
        assert len(messages) == 1 and "\n" not in messages[0]
    finally:
        # Even when an assertion failed: a stream left open on the dead server was
        # torn down by PortAudio at interpreter exit, where it can crash.
        if listener is not None:
            listener.close()
        mic.close()
        if doomed.process.poll() is None:
            doomed.process.kill()
            doomed.process.wait()


def test_microphone_falls_back_to_the_device_rate(monkeypatch):
    """A device that refuses 16 kHz is opened at its own rate (handed on to Vosk)."""
    from assistant.listening import microphone

    opened = {}

    class FakeStream:
        active = True

        def __init__(self, **kwargs):
            opened.update(kwargs)

        def start(self):
            pass

        def stop(self):
            pass

        def close(self):
            pass

    class FakeSounddevice:
        RawInputStream = FakeStream

        @staticmethod
        def check_input_settings(**kwargs):
            raise ValueError("Invalid sample rate")

        @staticmethod
        def query_devices(device=None, kind=None):
            return {"default_samplerate": 44100.0, "name": "fussy mic"}

    monkeypatch.setattr(microphone, "_sounddevice", lambda: FakeSounddevice)
    mic = microphone.Microphone()
    assert mic.sample_rate_hz == 44100
    assert opened["samplerate"] == 44100 and opened["channels"] == 1
    assert opened["dtype"] == "int16" and opened["blocksize"] == 44100 * microphone.BLOCK_MS // 1000


@pytest.mark.audio
def test_recognizer_at_the_device_rate(vosk_model_dir):
    """Audio at 44.1 kHz goes to Vosk as is (it resamples), and is still understood."""
    from assistant.audio import wav_io
    from assistant.conversation.understanding import Vocabulary
    from assistant.listening import recorded_audio, vosk_recognizer

    vocab = Vocabulary.load("en")
    engine = vosk_recognizer.load_engine(vosk_model_dir)
    rec = engine.recognizer(answer_phrases(), 44100, vocab.parse)
    samples = wav_io.read_wav_16k_mono(dev_wav("yes", 14)).astype(np.float32) / 32768
    at_44k = wav_io.float_to_int16(wav_io.resample(samples, 16000, 44100))
    decision = recorded_audio.recognize_samples(rec, at_44k)
    assert intent_of(decision.text) == "yes"


@pytest.mark.audio
def test_every_turn_starts_from_a_clean_recognizer(vosk_model_dir):
    """Turn after turn on one listener: a "yes", then a "no" right after it, then nothing.
    What one turn heard never reaches the next ("yes no", or a "yes" again in the silence)."""
    from assistant.audio import wav_io

    def blocks_of(samples: np.ndarray) -> list[bytes]:
        data = samples.astype(np.int16).tobytes()
        return [data[i : i + 1280] for i in range(0, len(data), 1280)]

    lead = np.zeros(4800, np.int16)
    yes = wav_io.read_wav_16k_mono(dev_wav("yes", 1))
    no = wav_io.read_wav_16k_mono(dev_wav("no", 2))
    microphone = FakeMicrophone(blocks_of(np.concatenate([lead, yes, lead, no])), "silence")
    from assistant.conversation.understanding import Vocabulary
    from assistant.listening import voice_listener
    from assistant.listening.recognizer import BackgroundEngine

    listener = voice_listener.VoiceListener(
        BackgroundEngine("vosk", vosk_model_dir),
        microphone,
        Vocabulary.load("en").parse,
        settings(vosk_model_dir, silence_timeout_ms=1500),
    )
    try:
        heard = [listener.listen(answer_phrases()) for _ in range(3)]
    finally:
        listener.close()
    assert [u.text if u else None for u in heard] == ["yes", "no", ""]


CLOSE_BEFORE_LOADED = """
import sys
from assistant.listening.recognizer import BackgroundEngine, RecognizerUnavailable

engine = BackgroundEngine("vosk", sys.argv[1])
engine.close()  # at once, while Kaldi loads in its thread
try:
    engine.get(0)
except RecognizerUnavailable as exc:
    print(exc)
"""


@pytest.mark.audio
def test_closing_while_the_model_loads_exits_cleanly(vosk_model_dir):
    """A session that ends before the model is loaded (no microphone, Ctrl-C at the
    greeting) waits for the load and frees the model before exit: never a segfault."""
    import subprocess
    import sys

    for _ in range(3):
        done = subprocess.run(
            [sys.executable, "-X", "faulthandler", "-c", CLOSE_BEFORE_LOADED, str(vosk_model_dir)],
            capture_output=True, text=True, timeout=60, cwd=Path(__file__).parents[1],
        )  # fmt: skip
        assert done.returncode == 0, done.stderr[-2000:]
        assert done.stdout.strip() == "speech recognition was closed"
