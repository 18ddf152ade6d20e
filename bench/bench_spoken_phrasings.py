"""Spoken phrasings, as the assistant hears them: synthesized voices, clean and in noise.

    python bench/bench_spoken_phrasings.py [--voices V,V] [--rates WPM,WPM]
        [--noise clean,talkers,pink] [--snr-db 10] [--no-free-pass] [--no-nbest]
        [--no-noisy-room] [--nbest-cost] [--details] [--hearings PATH]
        [--suppressor webrtc|rnnoise|webrtc+rnnoise] [--front-end none|rnnoise]

Voices: espeak-ng's ("en-us", "en-gb-x-rp"), MBROLA's through espeak-ng ("mb-us1",
"mb-us2", "mb-us3", "mb-en1": script/setup --bench-voices) and RHVoice's ("rhvoice:alan",
"rhvoice:clb", "rhvoice:slt", "rhvoice:bdl"; bdl is the assistant's own voice).

Every line of bench/data/spoken_phrasings.tsv (written as people answer, not copied from the
vocabulary) is synthesized by espeak-ng with voices and rates the recognizer was not tuned
on (the tests use en-us, en-gb and en-us+f3 at 130/175/230 wpm), then recognized exactly as
`recognize --question ID` does it: a fresh recognizer, the answers and commands as grammar,
300 ms before and 1.5 s after the speech, 40 ms slices. Noise covers the whole clip, at
--snr-db below the speech: "talkers" are two other espeak-ng voices reading unrelated
sentences at once, "pink" is 1/f noise. Both are made here, seeded, so runs repeat.

Outcomes per file: right (the intent; an answer heard unsure counts, the dialog confirms
it), wrong (another answer or command; acted on without asking, or only after "Did you say
...?"; yes<->no flips also counted apart), or asked again (unknown or silence). Also: the
decision delay after the speech ends, and the compute real-time factor.
"""

from __future__ import annotations

import argparse
import functools
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import rnnoise_suppressor

from assistant.audio import wav_io
from assistant.conversation.understanding import INTENTS, Vocabulary
from assistant.listening import noisy_room, recorded_audio, vosk_recognizer
from assistant.listening.decision_to_utterance import to_utterance
from assistant.listening.listening_words import ListeningWords
from assistant.listening.recognizer import Decision, Word
from assistant.model_store import store
from assistant.paths import PROMPTS_DIR

SUPPRESSORS: dict[str, Callable[[np.ndarray, int], np.ndarray]] = {
    "webrtc": noisy_room.suppress_noise,
    "rnnoise": rnnoise_suppressor.suppress,
    "webrtc+rnnoise": lambda x, rate: rnnoise_suppressor.suppress(
        noisy_room.suppress_noise(x, rate), rate
    ),
}
"""A noisy room's second hearing's noise suppressor: the assistant's (WebRTC's), or RNNoise
in its place or after it (round nine: measured, not adopted; pip install pyrnnoise)."""

PHRASES = Path(__file__).resolve().parent / "data" / "spoken_phrasings.tsv"
RATE_HZ = wav_io.SPEECH_FORMAT.sample_rate_hz
LEAD_MS, TAIL_MS = 300, 1500
NOT_UNDERSTOOD = ("unknown", "silence")
TALKER_VOICES = ("en-gb-scotland", "en-029")
TALKER_TEXT = (
    "The weather tomorrow will be cloudy with a chance of rain in the afternoon. "
    "Our next guest has written three books about gardening and the history of roses. "
    "Traffic is heavy on the bridge this morning, so leave a little earlier than usual. "
)


def load_phrasings() -> list[tuple[str, str | None, str]]:
    rows = []
    for line in PHRASES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            intent, question, text = line.split("\t")
            rows.append((intent, None if question == "-" else question, text))
    return rows


def espeak(folder: Path, text: str, voice: str, rate_wpm: int) -> np.ndarray:
    """int16 16 kHz mono speech, leading and trailing silence cut.

    voice: an espeak-ng voice ("en-us", or MBROLA's "mb-us1" through espeak-ng), or
    "rhvoice:NAME" (RHVoice's C library, as the assistant speaks: rate relative to the
    voice's natural NATURAL_RATE_WPM)."""
    path = folder / f"{voice.replace(':', '_')}_{rate_wpm}_{zlib.crc32(text.encode())}.wav"
    if not path.exists():
        if voice.startswith("rhvoice:"):
            _rhvoice(path, text, voice.removeprefix("rhvoice:"), rate_wpm)
        else:
            subprocess.run(["espeak-ng", "-v", voice, "-s", str(rate_wpm), "-w", str(path), text],
                           check=True, capture_output=True)  # fmt: skip
    samples = wav_io.read_wav_16k_mono(path)
    loud = np.flatnonzero(np.abs(samples.astype(np.int32)) > 300)
    return samples[loud[0] : loud[-1] + 1] if len(loud) else samples


@functools.cache
def _rhvoice_engine() -> Any:
    from assistant.speaking.rhvoice_library import RHVoiceEngine

    return RHVoiceEngine()


def _rhvoice(path: Path, text: str, name: str, rate_wpm: int) -> None:
    from assistant.speaking.rhvoice_driver import NATURAL_RATE_WPM

    engine = _rhvoice_engine()
    if name not in {v.name.lower() for v in engine.voices}:
        names = ", ".join(sorted(v.name.lower() for v in engine.voices))
        raise SystemExit(f"no RHVoice voice {name!r} here (installed: {names})")
    chunks: list[bytes] = []
    rate_hz = engine.speak(text, name, rate_wpm / NATURAL_RATE_WPM, 1.0,
                           lambda chunk: chunks.append(chunk) is None)  # fmt: skip
    samples = np.frombuffer(b"".join(chunks), dtype=np.int16).astype(np.float32) / 32768
    wav_io.write_wav(path, wav_io.to_16k_mono_int16(samples, rate_hz))


def voices_missing(voices: list[str]) -> list[str]:
    """The voices this machine cannot synthesize, each with how to get it."""
    missing = []
    espeak_voices = subprocess.run(["espeak-ng", "--voices"], capture_output=True, text=True).stdout
    mbrola_voices = subprocess.run(["espeak-ng", "--voices=mb"], capture_output=True,
                                   text=True).stdout  # fmt: skip
    for voice in voices:
        if voice.startswith("rhvoice:"):
            try:
                names = {v.name.lower() for v in _rhvoice_engine().voices}
            except Exception as exc:  # the library missing or without voices
                missing.append(f"{voice} (RHVoice: {exc})")
                continue
            if voice.removeprefix("rhvoice:") not in names:
                missing.append(f"{voice} (RHVoice has {', '.join(sorted(names))})")
        elif voice.startswith("mb-"):
            data = Path("/usr/share/mbrola") / voice.removeprefix("mb-")
            if voice not in mbrola_voices or not data.exists():
                missing.append(f"{voice} (MBROLA voice: script/setup --bench-voices)")
        elif f" {voice.split('+')[0]} " not in espeak_voices:
            missing.append(f"{voice} (not an espeak-ng voice)")
    return missing


def talkers(folder: Path) -> np.ndarray:
    """Two other voices reading at once, as float in -1..1."""
    voices = [espeak(folder, TALKER_TEXT, v, 165).astype(np.float32) / 32768 for v in TALKER_VOICES]
    length = min(len(v) for v in voices)
    return sum(v[:length] for v in voices) / len(voices)


def pink(frames: int, rng: np.random.Generator) -> np.ndarray:
    spectrum = np.fft.rfft(rng.standard_normal(frames))
    spectrum /= np.sqrt(np.maximum(np.arange(len(spectrum)), 1))
    return np.fft.irfft(spectrum, frames).astype(np.float32)


def mix(
    speech: np.ndarray, noise: np.ndarray | None, snr_db: float, rng: np.random.Generator
) -> np.ndarray:
    """Speech with silence around it, noise over everything at snr_db below the speech."""
    clean = speech.astype(np.float32) / 32768
    lead, tail = np.zeros(RATE_HZ * LEAD_MS // 1000), np.zeros(RATE_HZ * TAIL_MS // 1000)
    padded = np.concatenate([lead, clean, tail]).astype(np.float32)
    if noise is None:
        return wav_io.float_to_int16(padded)
    start = int(rng.integers(0, max(1, len(noise) - len(padded))))
    part = np.resize(noise[start:], len(padded))
    gain = np.sqrt(np.mean(clean**2) / max(np.mean(part**2), 1e-12)) / 10 ** (snr_db / 20)
    return wav_io.float_to_int16(padded + gain * part)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--voices", default="en-gb-x-rp,en-us+m3,en-gb-x-gbclan+f2")
    parser.add_argument("--rates", default="150,195")
    parser.add_argument("--noise", default="clean,talkers,pink")
    parser.add_argument("--snr-db", type=float, default=10.0)
    parser.add_argument("--no-free-pass", action="store_true")
    parser.add_argument("--no-nbest", action="store_true",
                        help="no n-best of either pass (round five's rule off)")  # fmt: skip
    parser.add_argument(
        "--noisy-room",
        action="store_true",
        help="the second hearing with people talking nearby (the default)",
    )
    parser.add_argument(
        "--no-noisy-room",
        action="store_true",
        help="no second hearing with people talking nearby (as round five)",
    )
    parser.add_argument("--suppressor", choices=tuple(SUPPRESSORS), default="webrtc",
                        help="a noisy room's second hearing's (round nine)")  # fmt: skip
    parser.add_argument("--front-end", choices=("none", "rnnoise"), default="none",
                        help="every file through RNNoise first (round nine)")  # fmt: skip
    parser.add_argument("--details", action="store_true", help="one JSON line per file")
    parser.add_argument("--nbest-cost", action="store_true",
                        help="each file also without the n-best first: CPU paired")  # fmt: skip
    parser.add_argument("--hearings", metavar="PATH",
                        help="one JSON line per file, its hearings (see hearings())")  # fmt: skip
    parser.add_argument("--diagnose", action="store_true",
                        help="the category of every miss, counted (see diagnose())")  # fmt: skip
    args = parser.parse_args(argv)
    if shutil.which("espeak-ng") is None:
        print("espeak-ng is needed", file=sys.stderr)
        return 2
    missing = voices_missing(args.voices.split(","))
    if missing:
        print("cannot synthesize: " + "; ".join(missing), file=sys.stderr)
        return 2
    if "rnnoise" in args.suppressor or args.front_end == "rnnoise":
        try:
            rnnoise_suppressor.library()
        except rnnoise_suppressor.RNNoiseUnavailable as exc:
            print(exc, file=sys.stderr)
            return 2
    model_dir = store.find_model("en")
    if model_dir is None:
        print(store.missing_model_message("en", None), file=sys.stderr)
        return 2
    engine = vosk_recognizer.load_engine(model_dir)
    engine.free_pass_enabled = not args.no_free_pass
    engine.nbest_enabled = not args.no_nbest
    engine.noisy_room_enabled = not args.no_noisy_room
    noisy_room.suppress_noise = SUPPRESSORS[args.suppressor]  # the engine's, for this run
    vocab = Vocabulary.load("en")
    words = ListeningWords.load("en", PROMPTS_DIR)
    hearings_out = Path(args.hearings) if args.hearings else None
    if hearings_out is not None:
        hearings_out.write_text("", encoding="utf-8")
    folder = Path(tempfile.mkdtemp(prefix="bench-phrasings-"))
    rng = np.random.default_rng(7)
    noises = {"clean": None, "talkers": talkers(folder), "pink": pink(RATE_HZ * 60, rng)}
    phrasings = load_phrasings()
    print("| noise | files | right | yes<->no flips | wrong, acted on | wrong, confirmed first "
          "| asked again | delay, one word | delay, phrase | real-time factor |")  # fmt: skip
    print("|---" * 10 + "|")
    for condition in args.noise.split(","):
        counts: Counter[str] = Counter()
        categories: Counter[str] = Counter()
        delays: dict[str, list[float]] = {"word": [], "phrase": []}
        compute_s = audio_s = 0.0
        cost: Counter[str] = Counter()
        for voice in args.voices.split(","):
            for rate in map(int, args.rates.split(",")):
                for intent, question, text in phrasings:
                    speech = espeak(folder, text, voice, rate)
                    samples = mix(speech, noises[condition], args.snr_db, rng)
                    started = time.perf_counter()
                    if args.front_end == "rnnoise":
                        samples = rnnoise_suppressor.suppress(samples, RATE_HZ)
                    front_end_s = time.perf_counter() - started
                    meaning = functools.partial(vocab.parse, question=question)
                    recognizer = engine.recognizer(
                        vocab.phrases(INTENTS, question), RATE_HZ, meaning,
                        distractors=words.distractors, continuations=words.continuations,
                        named_words=words.named_words,
                    )  # fmt: skip
                    if args.nbest_cost:  # the same file without the n-best, first
                        engine.nbest_enabled = False
                        started = time.process_time()
                        without = recorded_audio.recognize_samples(
                            engine.recognizer(
                                vocab.phrases(INTENTS, question), RATE_HZ, meaning,
                                distractors=words.distractors,
                                continuations=words.continuations, named_words=words.named_words,
                            ), samples, leading_silence_ms=0, trailing_silence_ms=0,
                        )  # fmt: skip
                        cost["without"] += time.process_time() - started
                        engine.nbest_enabled = not args.no_nbest
                    started = time.perf_counter()
                    cpu_started = time.process_time()
                    decision = recorded_audio.recognize_samples(
                        recognizer, samples, leading_silence_ms=0, trailing_silence_ms=0
                    )
                    compute_s += time.perf_counter() - started + front_end_s
                    if args.nbest_cost:
                        cost["with"] += time.process_time() - cpu_started
                        cost["audio"] += without.decided_at_ms / 1000
                        cost["ran"] += "+nbest" in decision.reason
                    audio_s += decision.decided_at_ms / 1000
                    utterance = to_utterance(decision, meaning)
                    heard = meaning(utterance.text)
                    if heard == intent:
                        outcome = "right"
                        speech_end_ms = LEAD_MS + 1000 * len(speech) / RATE_HZ
                        kind = "word" if len(text.split()) == 1 else "phrase"
                        delays[kind].append(decision.decided_at_ms - speech_end_ms)
                    elif heard in NOT_UNDERSTOOD:
                        outcome = "asked again"
                    else:
                        outcome = "flip" if {heard, intent} == {"yes", "no"} else "wrong"
                        outcome += " acted" if utterance.confident else " confirmed"
                    counts[outcome] += 1
                    category = whole = None
                    if args.diagnose and outcome != "right":
                        category, whole = diagnose(engine, meaning, intent, text, decision,
                                                   samples, len(speech))  # fmt: skip
                        categories[category] += 1
                    if hearings_out is not None:
                        record = hearings(engine, meaning, recognizer, samples, len(speech))
                        record.update(condition=condition, voice=voice, rate=rate, text=text,
                                      intent=intent, question=question, outcome=outcome,
                                      final=_decision_json(decision, meaning))  # fmt: skip
                        with hearings_out.open("a", encoding="utf-8") as out:
                            out.write(json.dumps(record) + "\n")
                    if args.details:
                        print(json.dumps({"condition": condition, "voice": voice, "rate": rate,
                                          "text": text, "intent": intent, "heard": heard,
                                          "decision": decision.text, "reason": decision.reason,
                                          "outcome": outcome, "category": category,
                                          "whole_speech_free_pass": whole}))  # fmt: skip
        total = sum(counts.values())
        flips = counts["flip acted"] + counts["flip confirmed"]
        acted = counts["flip acted"] + counts["wrong acted"]
        confirmed = counts["flip confirmed"] + counts["wrong confirmed"]

        def pct(n: int, total: int = total) -> str:
            return f"{100 * n / total:.1f}%"

        def median(values: list[float]) -> str:
            return f"{statistics.median(values):.0f} ms" if values else "-"

        print(
            f"| {condition} | {total} | {pct(counts['right'])} | {pct(flips)} | {pct(acted)} "
            f"| {pct(confirmed)} | {pct(counts['asked again'])} | {median(delays['word'])} "
            f"| {median(delays['phrase'])} | {compute_s / audio_s:.3f} |",
            flush=True,
        )
        if args.nbest_cost and cost["audio"]:
            print(f"| {condition} n-best cost (CPU, paired per file) | without "
                  f"{cost['without'] / cost['audio']:.3f} | with {cost['with'] / cost['audio']:.3f}"
                  f" | ratio {cost['with'] / max(cost['without'], 1e-9):.2f} | n-best taken in "
                  f"{cost['ran']} files |", flush=True)  # fmt: skip
        if args.diagnose:
            found = ", ".join(f"{name} {n}" for name, n in sorted(categories.items()))
            print(f"| {condition} misses by category | {found} |", flush=True)
    shutil.rmtree(folder, ignore_errors=True)
    return 0


def _words_json(words: list[Word]) -> list[list[Any]]:
    return [[w.word, round(w.confidence, 3), round(w.start_s, 3), round(w.end_s, 3)] for w in words]


def _decision_json(decision: Decision, meaning: Callable[[str], str]) -> dict[str, Any]:
    return {
        "text": decision.text,
        "meaning": meaning(decision.text) if decision.text else "silence",
        "confident": decision.confident,
        "confidence": round(decision.confidence, 3),
        "reason": decision.reason,
        "words": _words_json(decision.words),
    }


def hearings(
    engine: vosk_recognizer.VoskEngine,
    meaning: Callable[[str], str],
    recognizer: vosk_recognizer.PhraseRecognizer,
    samples: np.ndarray,
    speech_frames: int,
) -> dict[str, Any]:
    """Every hearing of one file, for the diagnosis of what talk does to an answer: the
    streaming decision and the noise-suppressed second hearing where the pipeline made one
    (recognizer.hearings), and the unrestricted pass on the speech with 300 ms each side, as
    mixed and through the noise suppressor (run on the whole clip, as it learns the noise
    from its start), each with its words and their confidences, and the suppressed one's
    n-best."""
    lead, margin = RATE_HZ * LEAD_MS // 1000, RATE_HZ * 300 // 1000
    cut = slice(max(0, lead - margin), lead + speech_frames + margin)
    quiet = noisy_room.suppress_noise(samples, RATE_HZ)
    record: dict[str, Any] = {
        name: _decision_json(d, meaning) for name, d in recognizer.hearings.items()
    }
    for name, audio in (("free", samples[cut]), ("free_quieted", quiet[cut])):
        words = engine.transcribe(audio.tobytes(), RATE_HZ)
        text = " ".join(w.word for w in words)
        record[name] = {"text": text, "meaning": meaning(text) if text else "silence",
                        "words": _words_json(words)}  # fmt: skip
    record["nbest_quieted"] = [
        [round(alt.score, 2), alt.text, meaning(alt.text) if alt.text else "silence"]
        for alt in engine.alternatives(quiet[cut].tobytes(), RATE_HZ)
    ]
    record["noisy"] = noisy_room.noisy(samples.tobytes(), RATE_HZ)
    return record


def diagnose(
    engine: vosk_recognizer.VoskEngine,
    meaning: Callable[[str], str],
    intent: str,
    text: str,
    decision: Decision,
    samples: np.ndarray,
    speech_frames: int,
) -> tuple[str, str | None]:
    """Why a phrasing was missed, first matching category:

    c understanding: the written phrasing itself is not read as its intent.
    e unsure: the heard text means the intent, but not confidently (a command is asked
      again, never acted on unsure).
    d cut: decided by Vosk's endpoint (or held) before the speech had ended.
    a grammar: decided early before the speech ended, or on a wrong grammar reading, while
      the unrestricted pass on the whole speech (300 ms each side) means the intent.
    b transcript: the unrestricted pass on the whole speech does not mean the intent either.
    Returned with that pass's transcript (None when not needed).
    """
    if meaning(text) != intent:
        return "c understanding", None
    if meaning(decision.text) == intent:
        return "e unsure", None
    speech_end_ms = LEAD_MS + 1000 * speech_frames / RATE_HZ
    if decision.decided_at_ms < speech_end_ms and not decision.reason.startswith("early"):
        return "d cut", None
    lead, margin = RATE_HZ * LEAD_MS // 1000, RATE_HZ * 300 // 1000
    span = samples[max(0, lead - margin) : lead + speech_frames + margin]
    transcript = " ".join(w.word for w in engine.transcribe(span.tobytes(), RATE_HZ))
    return ("a grammar" if meaning(transcript) == intent else "b transcript"), transcript


if __name__ == "__main__":
    sys.exit(main())
