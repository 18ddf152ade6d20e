"""Live listening through the whole audio chain, on a private PulseAudio server.

    python bench/bench_live.py [../shared/data/speech-commands-dev] [--files 10] [--answers 25]

Starts the same private sound server as the tests (tests/audio_fixtures.py), builds the
Listener exactly as the assistant does, and plays real recordings of "yes" and "no" into
the virtual microphone in real time. Reports:

* start-up: how long build_listener() takes and when the model is ready (it loads in the
  background while the greeting is spoken);
* wall-clock decision delay: from the moment the last sample of a recording has been
  delivered to the microphone to listen() returning, and the same measured from the end of
  the spoken word (the recording's trailing silence, as aligned by Vosk offline, added);
* overflows and dropped blocks of the capture stream;
* utterances per answer: a person answering yes/no questions with the recordings of the
  dev set's check speakers (bench/dev_set_halves.py), as the dialog treats them: an answer
  heard unsure is confirmed ("Did you say yes?", answered with that speaker's "yes" or "no"
  recording, or another speaker's), an answer not understood is said again (the speaker's
  next recording of the word, else the next speaker's), at most MAX_TRIES utterances.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "tests"))

import audio_fixtures  # noqa: E402 - the tests' sound server, reused on purpose
from dev_set_halves import recordings, speaker_of  # noqa: E402

from assistant.audio import wav_io  # noqa: E402
from assistant.conversation import understanding  # noqa: E402
from assistant.interfaces import Utterance  # noqa: E402
from assistant.listening import recorded_audio, voice_listener, vosk_recognizer  # noqa: E402
from assistant.listening.settings import ListeningSettings  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "folder", nargs="?", type=Path, default=Path("../shared/data/speech-commands-dev")
    )
    parser.add_argument("--files", type=int, default=10, help="recordings per label (delay)")
    parser.add_argument(
        "--answers", type=int, default=25, help="answers per label (utterances per answer)"
    )
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


MAX_TRIES = 4
"""Utterances a simulated person gives one answer before the bench counts it as failed."""


class LiveEar:
    """Plays a recording into the virtual microphone while the listener listens."""

    def __init__(self, listener: voice_listener.VoiceListener, mic: audio_fixtures.VirtualMic):
        self.listener, self.mic = listener, mic

    def hear(
        self, samples: np.ndarray, phrases: list[str], question: str | None = None
    ) -> tuple[Utterance | None, float]:
        """What listen() returned, and its wall-clock delay after the recording ended (ms)."""
        result: dict[str, object] = {}

        def listen() -> None:
            result["utterance"] = self.listener.listen(phrases, question)
            result["at"] = time.perf_counter()

        thread = threading.Thread(target=listen)
        thread.start()
        self.listener.listening.wait(60)  # earlier audio discarded: speak now
        self.mic.silence(300)
        self.mic.write_samples(samples)
        self.mic.wait_until_played()
        # The writer runs MIC_LEAD_MS ahead of real time: the last sample is "spoken" then.
        clip_end = time.perf_counter() + audio_fixtures.MIC_LEAD_MS / 1000
        thread.join(30)
        time.sleep(0.3)
        utterance = result.get("utterance")
        at = float(result.get("at", clip_end))  # type: ignore[arg-type]
        return utterance if isinstance(utterance, Utterance) else None, 1000 * (at - clip_end)


def run(args: argparse.Namespace, mic: audio_fixtures.VirtualMic) -> int:
    vocab = understanding.Vocabulary.load("en")
    phrases = vocab.phrases(understanding.INTENTS)
    started = time.perf_counter()
    listener = voice_listener.build_listener(ListeningSettings(), "en")
    built_s = time.perf_counter() - started
    engine = listener.engine(60)
    assert isinstance(engine, vosk_recognizer.VoskEngine)
    ready_s = time.perf_counter() - started
    ear = LiveEar(listener, mic)

    after_clip_ms: list[float] = []
    after_word_ms: list[float] = []
    right = total = 0
    for label in ("yes", "no"):
        for wav in sorted((args.folder / label).glob("*.wav"))[: args.files]:
            samples = wav_io.read_wav_16k_mono(wav)
            offline = engine.recognizer(phrases, wav_io.SPEECH_FORMAT.sample_rate_hz, vocab.parse)
            reference = recorded_audio.recognize_samples(offline, samples)
            utterance, delay_ms = ear.hear(samples, phrases)
            total += 1
            if utterance is None or vocab.parse(utterance.text) != label:
                continue
            right += 1
            after_clip_ms.append(delay_ms)
            if reference.speech_end_ms is not None:
                trailing_ms = max(0.0, wav_io.duration_ms(samples) - reference.speech_end_ms)
                after_word_ms.append(delay_ms + trailing_ms)
    stats = listener.microphone_stats
    answers = answer_conversations(ear, vocab, recordings(args.folder, "check"), args.answers)
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
    print("\n| answers (check speakers) | given | utterances | per answer | wrong | failed |")
    print("|---|---|---|---|---|---|")
    for label, counts in answers.items():
        done = counts["given"] - counts["failed"] - counts["wrong"]
        per = counts["utterances"] / done if done else float("nan")
        print(
            f"| {label} | {counts['given']} | {counts['utterances']} | {per:.2f} "
            f"| {counts['wrong']} | {counts['failed']} |"
        )
    return 0


def answer_conversations(
    ear: LiveEar, vocab: understanding.Vocabulary, files: dict[str, list[Path]], n: int
) -> dict[str, Counter[str]]:
    """Per label: answers given, utterances spent, answers acted on wrongly or never heard."""
    phrases = vocab.phrases(understanding.INTENTS)
    out: dict[str, Counter[str]] = {}
    for label in ("yes", "no"):
        counts = out[label] = Counter()
        for wav in files[label][:n]:
            counts["given"] += 1
            outcome = one_answer(ear, vocab, phrases, label, wav, files)
            counts["utterances"] += outcome[1]
            if outcome[0] != "right":
                counts[outcome[0]] += 1
    return out


def one_answer(
    ear: LiveEar,
    vocab: understanding.Vocabulary,
    phrases: list[str],
    label: str,
    wav: Path,
    files: dict[str, list[Path]],
) -> tuple[str, int]:
    """("right" | "wrong" | "failed", utterances): one answer given as the dialog asks."""
    tries = said_again(wav, files[label])
    spent = 0
    while spent < MAX_TRIES and tries:
        utterance, _ = ear.hear(wav_io.read_wav_16k_mono(tries.pop(0)), phrases)
        spent += 1
        intent = vocab.parse(utterance.text) if utterance else "silence"
        if intent in ("unknown", "silence"):
            continue
        if intent not in ("yes", "no"):
            return "wrong", spent
        if utterance is not None and utterance.confident:
            return ("right" if intent == label else "wrong"), spent
        # "Did you say yes?": the person answers yes if it was what they said.
        reply = "yes" if intent == label else "no"
        confirmation, _ = ear.hear(
            wav_io.read_wav_16k_mono(said_again(wav, files[reply])[0]), phrases
        )
        spent += 1
        confirmed = vocab.parse(confirmation.text) if confirmation else "silence"
        if confirmed == "yes":
            return ("right" if intent == label else "wrong"), spent
    return "failed", spent


def said_again(wav: Path, candidates: list[Path]) -> list[Path]:
    """The recordings a speaker would use next: their own first, then the next speakers'."""
    own = [w for w in candidates if speaker_of(w) == speaker_of(wav)]
    first = [wav] if wav in candidates else []
    rest = [w for w in own if w != wav]
    others = [w for w in candidates if speaker_of(w) != speaker_of(wav)]
    after = [w for w in others if w.name > wav.name] + [w for w in others if w.name < wav.name]
    return first + rest + after


if __name__ == "__main__":
    sys.exit(main())
