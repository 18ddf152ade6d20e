"""Voice input through the real audio chain: virtual mic -> PulseAudio -> ALSA -> PortAudio."""

from __future__ import annotations

import json
import queue
import time
from pathlib import Path

import numpy as np
import pytest

DEV_SET = Path("/work/shared/data/speech-commands-dev")
REPO_ROOT = Path(__file__).resolve().parent.parent


def dev_wav(label: str, index: int = 0) -> Path:
    files = sorted((DEV_SET / label).glob("*.wav"))
    if not files:
        pytest.skip(f"dev set missing: {DEV_SET / label}")
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
