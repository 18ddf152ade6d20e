"""Live listening through the whole audio chain, on a private PulseAudio server.

    python bench/bench_live.py [../shared/data/speech-commands-dev] [--files 10]

Starts the same private sound server as the tests (tests/audio_fixtures.py), builds the
Listener exactly as the assistant does, and plays real recordings of "yes" and "no" into
the virtual microphone in real time. Reports:

* start-up: how long build_listener() takes and when the model is ready (it loads in the
  background while the greeting is spoken);
* wall-clock decision delay: from the moment the last sample of a recording has been
  delivered to the microphone to listen() returning, and the same measured from the end of
  the spoken word (the recording's trailing silence, as aligned by Vosk offline, added);
* overflows and dropped blocks of the capture stream.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "tests"))

import audio_fixtures  # noqa: E402 - the tests' sound server, reused on purpose

from assistant.audio import wav_io  # noqa: E402
from assistant.conversation import understanding  # noqa: E402
from assistant.listening import recorded_audio, voice_listener, vosk_recognizer  # noqa: E402
from assistant.listening.settings import ListeningSettings  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "folder", nargs="?", type=Path, default=Path("../shared/data/speech-commands-dev")
    )
    parser.add_argument("--files", type=int, default=10, help="recordings per label")
    args = parser.parse_args(argv)

    import os

    base = Path(tempfile.mkdtemp(prefix="bench-pulse-"))
    server = audio_fixtures._start_pulse(base)
    os.environ.update(server.env)
    mic = audio_fixtures.VirtualMic(server.mic_fifo)
    try:
        return run(args, mic)
    finally:
        import sounddevice

        # PortAudio must let go of the server first: terminating it at exit, after the
        # server is gone, crashes inside ALSA's pulse plugin.
        sounddevice._terminate()
        mic.close()
        server.process.terminate()
        server.process.wait()


def run(args: argparse.Namespace, mic: audio_fixtures.VirtualMic) -> int:
    vocab = understanding.Vocabulary.load("en")
    phrases = vocab.phrases(understanding.INTENTS)
    started = time.perf_counter()
    listener = voice_listener.build_listener(ListeningSettings(), "en")
    built_s = time.perf_counter() - started
    engine = listener.engine(60)
    assert isinstance(engine, vosk_recognizer.VoskEngine)
    ready_s = time.perf_counter() - started

    after_clip_ms: list[float] = []
    after_word_ms: list[float] = []
    right = total = 0
    for label in ("yes", "no"):
        for wav in sorted((args.folder / label).glob("*.wav"))[: args.files]:
            samples = wav_io.read_wav_16k_mono(wav)
            offline = engine.recognizer(phrases, wav_io.SPEECH_FORMAT.sample_rate_hz, vocab.parse)
            reference = recorded_audio.recognize_samples(offline, samples)
            result: dict[str, object] = {}

            def listen(out: dict[str, object] = result) -> None:
                out["utterance"] = listener.listen(phrases)
                out["at"] = time.perf_counter()

            thread = threading.Thread(target=listen)
            thread.start()
            listener.listening.wait(60)  # earlier audio discarded: speak now
            mic.silence(300)
            mic.write_samples(samples)
            mic.wait_until_played()
            # The writer runs MIC_LEAD_MS ahead of real time: the last sample is "spoken" then.
            clip_end = time.perf_counter() + audio_fixtures.MIC_LEAD_MS / 1000
            thread.join(30)
            utterance = result.get("utterance")
            total += 1
            if utterance is None or vocab.parse(utterance.text) != label:  # type: ignore[attr-defined]
                continue
            right += 1
            delay_ms = 1000 * (float(result["at"]) - clip_end)  # type: ignore[arg-type]
            after_clip_ms.append(delay_ms)
            if reference.speech_end_ms is not None:
                trailing_ms = max(0.0, wav_io.duration_ms(samples) - reference.speech_end_ms)
                after_word_ms.append(delay_ms + trailing_ms)
            time.sleep(0.3)
    stats = listener.microphone_stats
    listener.close()

    def line(name: str, values: list[float]) -> str:
        ordered = sorted(values)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        return (
            f"| {name} | {statistics.median(values):.0f} ms | {p95:.0f} ms | {max(values):.0f} ms |"
        )

    print("## Live listening through PulseAudio -> ALSA -> PortAudio -> Vosk\n")
    print(f"build_listener(): {built_s:.2f} s; model ready {ready_s:.2f} s after the start")
    print(
        f"recognized {right}/{total}; overflows {stats.overflows}, dropped {stats.dropped_blocks}"
    )
    print("\n| wall-clock delay | median | p95 | max |\n|---|---|---|---|")
    print(line("after the recording ends", after_clip_ms))
    print(line("after the word ends", after_word_ms))
    return 0


if __name__ == "__main__":
    sys.exit(main())
