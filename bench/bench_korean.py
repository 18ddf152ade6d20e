"""Korean by voice: the Korean voice's answers recognized, and the Korean prompts' CER.

    python bench/bench_korean.py recognition [--rate 160] [--details] [--voice ko] [--peak P]
        [--set bench/data/korean_spoken_heldout.tsv] [--no-level]
    python bench/bench_korean.py cer [--rate 160] [--details] [--voice ko] [--half tune|check]
    python bench/bench_korean.py unrestricted [--details] [--peak P] [--set ...]
    ... --voice-file bench/data/korean_espeak_ko_clear.voice   (an espeak-ng voice file tried)

recognition: every line of bench/data/korean_spoken.tsv (text, question, intent) is spoken
  by the assistant's Korean voice exactly as the assistant speaks (synthesizer "espeak",
  MBROLA hn1 where installed, else "ko"; --voice ko for espeak-ng's own; its pronunciation
  table), resampled to 16 kHz and recognized as the voice listener does at that question:
  the Korean model, the grammar of every intent plus the question's own answers (phrases
  with a word the model lacks left out), the distractors, the named words, early
  decisions and the unrestricted second pass (recorded_audio.recognize_samples). Scored on
  the intent the dialog gets: right and acted on (confident), right but confirmed first,
  asked again, or wrong (a different intent, acted on or confirmed first). Then every line of
  bench/data/korean_non_answers.txt, at s1_sync_on: a confident answer or command there is
  a false accept.
unrestricted: every line of the spoken set transcribed by the Korean model with no grammar
  (as cer does): is the whole answer in what it hears? Says whether a miss is the voice's.
cer: every string of prompts/ko.yaml the assistant says (both wordings; the user's
  vocabulary, listening and skill sections skipped), placeholders filled with Korean
  sample values, spoken the same way and transcribed by the Korean model with no grammar.
  Character error rate over Hangul, Latin letters and digits, spaces and punctuation
  dropped; the reference is the text as spoken (the pronunciation table applied: "iPhone"
  is 아이폰), summed over all prompts. --half: only the tuning or the check half of the
  strings (`prompt_half`: grouped by node or dialog key, the groups sorted and dealt out in
  turn, so the split depends on no result).
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(REPO_ROOT / "bench"))

from bench_intelligibility import edit_distance, prompt_strings  # noqa: E402

from assistant.audio import wav_io  # noqa: E402
from assistant.conversation.understanding import INTENTS, Vocabulary  # noqa: E402
from assistant.listening import recorded_audio  # noqa: E402
from assistant.listening.decision_to_utterance import to_utterance  # noqa: E402
from assistant.listening.listening_words import ListeningWords  # noqa: E402
from assistant.model_store import store  # noqa: E402
from assistant.paths import PROMPTS_DIR  # noqa: E402
from assistant.speaking import synthesizer as synthesizers  # noqa: E402

DATA = REPO_ROOT / "bench" / "data"
SPOKEN = DATA / "korean_spoken.tsv"
NON_ANSWERS = DATA / "korean_non_answers.txt"
RATE_HZ = 16000
NO_LEVEL = False
"""--no-level: recognize without listening.level_peak (the hearing before round eight)."""
DEFAULT_RATE_WPM = 160
PLACEHOLDERS = {
    "step": "3", "total": "7", "count": "2", "title": "iCloud 저장 공간 확인",
    "remaining": "이 단계 다음에 한 단계 남았어요.", "answer": "네",
    "change": "동기화 켜기", "changes": "동기화 켜기, iCloud 공간 확보",
    "question": "이 iPhone 동기화 켜짐",
}  # fmt: skip
# Sino-Korean numbers, as espeak-ng and the model say digits in "3단계".
DIGITS = dict(zip("0123456789", "영일이삼사오육칠팔구", strict=True))


class CommandLineVoice:
    """espeak-ng's own command line (for voices pyttsx3 cannot read right: an MBROLA voice
    speaks at 16 kHz, and pyttsx3's espeak driver labels every file 22,050 Hz)."""

    def __init__(self, voice: str, pronunciations: Any) -> None:
        self.voice, self.pronunciations = voice, pronunciations

    def synthesize(self, text: str, rate_wpm: int) -> Any:
        import subprocess
        import tempfile

        spoken = self.pronunciations.apply(text)
        with tempfile.NamedTemporaryFile(suffix=".wav") as wav:
            subprocess.run(["espeak-ng", "-v", self.voice, "-s", str(rate_wpm), "-w", wav.name,
                            spoken], check=True, capture_output=True)  # fmt: skip
            frames, rate_hz = wav_io.read_wav(Path(wav.name))
        return synthesizers.Speech(wav_io.to_mono(frames), rate_hz, 0.0)


SPOKEN_SET = SPOKEN
"""--set: the answers and commands spoken (korean_spoken_heldout.tsv: held out)."""
PEAK: float | None = None
"""--peak: each utterance scaled to this peak before recognition; None: as played at volume
1.0 (the synthesizer scales every prompt to a peak of 0.89)."""


def speak(voice: Any, text: str, rate_wpm: int) -> Any:
    speech = voice.synthesize(text, rate_wpm)
    samples = wav_io.resample(speech.samples, speech.sample_rate_hz, RATE_HZ)
    if PEAK is not None:
        import numpy as np

        samples = samples * (PEAK / max(1e-9, float(np.max(np.abs(samples)))))
    return wav_io.float_to_int16(samples)


def recognition(voice: synthesizers.Synthesizer, engine: Any, rate_wpm: int, details: bool) -> int:
    vocab = Vocabulary.load("ko")
    words = ListeningWords.load("ko", PROMPTS_DIR)

    def hear(text: str, question: str) -> tuple[str, bool, str]:
        meaning = functools.partial(vocab.parse, question=question)
        recognizer = engine.recognizer(
            vocab.phrases(INTENTS, question), RATE_HZ, meaning, distractors=words.distractors,
            continuations=words.continuations, named_words=words.named_words,
            level_peak=None if NO_LEVEL else words.level_peak,
        )  # fmt: skip
        decision = recorded_audio.recognize_samples(recognizer, speak(voice, text, rate_wpm))
        utterance = to_utterance(decision, meaning)
        return meaning(utterance.text), utterance.confident, utterance.text

    counts: Counter[str] = Counter()
    rows = [line.split("\t") for line in _lines(SPOKEN_SET)]
    for text, question, expected in rows:
        intent, confident, heard = hear(text, question)
        if intent == expected:
            kind = "right" if confident else "right, confirmed"
        else:
            kind = (
                "asked again"
                if intent in ("unknown", "silence")
                else ("wrong, acted on" if confident else "wrong, confirmed first")
            )
        counts[kind] += 1
        if details and kind != "right":
            print(f"  {kind:16} {question:20} {text!r} -> {heard!r} ({intent})")
    total = len(rows)
    recognized = counts["right"] + counts["right, confirmed"]
    print(f"answers and commands: {total}; recognized {recognized / total:.1%} "
          f"(acted on at once {counts['right'] / total:.1%}, confirmed first "
          f"{counts['right, confirmed'] / total:.1%}); asked again "
          f"{counts['asked again'] / total:.1%}; wrong: {counts['wrong, acted on']} acted on, "
          f"{counts['wrong, confirmed first']} confirmed first")  # fmt: skip
    accepted = 0
    others = _lines(NON_ANSWERS)
    for text in others:
        intent, confident, heard = hear(text, "s1_sync_on")
        accepted += confident and intent not in ("unknown", "silence")
        if details:
            print(f"  non-answer {text!r} -> {heard!r} ({intent}, confident={confident})")
    print(f"non-answers: {len(others)}; acted on as an answer or command: {accepted}")
    return 0


def spoken_reference(text: str, voice: synthesizers.Synthesizer) -> str:
    return voice.pronunciations.apply(text)


def characters(text: str) -> list[str]:
    """Hangul, Latin letters and digits (digits as Sino-Korean), lower case, nothing else."""
    text = "".join(DIGITS.get(c, c) for c in text.lower())
    return re.findall(r"[\uac00-\ud7a3a-z]", text)


HALF = "all"
"""--half: the strings measured (tune, check or all)."""


def prompt_half(prompts: list[tuple[str, str]], half: str) -> list[tuple[str, str]]:
    """The strings of one half: each grouped with the others of its node or dialog key
    ("nodes.s1_apple_id", "dialog.not_yet": a prompt, its help and its VoiceOver wording
    share their words), the groups sorted and dealt to tune and check in turn."""
    if half == "all":
        return prompts
    groups = sorted({".".join(key.split(".")[:2]).split("[")[0] for key, _ in prompts})
    chosen = set(groups[(0 if half == "tune" else 1) :: 2])
    return [(key, text) for key, text in prompts
            if ".".join(key.split(".")[:2]).split("[")[0] in chosen]  # fmt: skip


def cer(voice: synthesizers.Synthesizer, engine: Any, rate_wpm: int, details: bool) -> int:
    data = yaml.safe_load((PROMPTS_DIR / "ko.yaml").read_text(encoding="utf-8"))
    prompts = prompt_half(prompt_strings(data), HALF)
    errors = reference_chars = 0
    for key, raw in prompts:
        text = raw.format(**{k: v for k, v in PLACEHOLDERS.items() if "{" + k + "}" in raw})
        audio = speak(voice, text, rate_wpm)
        heard = " ".join(w.word for w in engine.transcribe(_padded(audio), RATE_HZ))
        reference = characters(spoken_reference(text, voice))
        wrong = edit_distance(reference, characters(heard))
        errors += wrong
        reference_chars += len(reference)
        if details:
            print(f"  {wrong / max(1, len(reference)):6.1%} {key}: {text!r}")
            print(f"         heard {heard!r}")
    print(f"prompts ({HALF}): {len(prompts)}, {reference_chars} characters; CER "
          f"{errors / max(1, reference_chars):.1%} (rate {rate_wpm} wpm)")  # fmt: skip
    return 0


def unrestricted(voice: synthesizers.Synthesizer, engine: Any, rate_wpm: int, details: bool) -> int:
    """Each answer of the spoken set transcribed with no grammar: does the model hear the
    answer's characters at all, or is what it hears unrelated (the voice, not the listener)?"""
    rows = [line.split("\t") for line in _lines(SPOKEN_SET)]
    found = 0
    for text, question, _ in rows:
        audio = speak(voice, text, rate_wpm)
        heard = " ".join(w.word for w in engine.transcribe(_padded(audio), RATE_HZ))
        hit = "".join(characters(spoken_reference(text, voice))) in "".join(characters(heard))
        found += hit
        if details:
            print(f"  {'heard' if hit else 'not heard':9} {question:20} {text!r} -> {heard!r}")
    print(f"answers and commands: {len(rows)}; the whole answer in the transcript with no "
          f"grammar: {found} ({found / len(rows):.1%})")  # fmt: skip
    return 0


def _padded(samples: Any) -> bytes:
    import numpy as np

    pad = np.zeros(RATE_HZ * 3 // 10, np.int16)
    return np.concatenate([pad, samples, pad]).tobytes()


def _install_voice_file(voice_file: Path) -> str:
    """A temporary espeak-ng data folder: links to the system's, plus the voice file in its
    voices/; ESPEAK_DATA_PATH points there (read by libespeak-ng at initialization, and by
    the espeak-ng command). Returns the voice's name."""
    import os
    import subprocess
    import tempfile

    if not voice_file.is_file():
        sys.exit(f"No voice file {voice_file}")
    version = subprocess.run(["espeak-ng", "--version"], capture_output=True, text=True).stdout
    match = re.search(r"Data at: (\S+)", version)
    if match is None:
        sys.exit("espeak-ng does not say where its data is")
    system = Path(match.group(1))
    data = Path(tempfile.mkdtemp(prefix="espeak-ko-")) / "espeak-ng-data"
    (data / "voices").mkdir(parents=True)
    for entry in system.iterdir():
        if entry.name != "voices":
            (data / entry.name).symlink_to(entry)
    for entry in (system / "voices").iterdir():
        (data / "voices" / entry.name).symlink_to(entry)
    name = voice_file.stem
    (data / "voices" / name).write_bytes(voice_file.read_bytes())
    os.environ["ESPEAK_DATA_PATH"] = str(data.parent)
    return name


def _lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("recognition", "cer", "unrestricted"))
    parser.add_argument("--rate", type=int, default=DEFAULT_RATE_WPM, metavar="WPM")
    parser.add_argument("--details", action="store_true")
    parser.add_argument(
        "--command-line",
        action="store_true",
        help="synthesize with the espeak-ng command, not pyttsx3",
    )
    parser.add_argument("--voice", default=None, help="espeak-ng voice (default: the assistant's)")
    parser.add_argument("--voice-file", type=Path, default=None,
                        help="an espeak-ng voice file to speak with (installed into a "
                             "temporary copy of espeak-ng's data)")  # fmt: skip
    parser.add_argument("--peak", type=float, default=None,
                        help="scale each utterance to this peak before recognizing it "
                             "(default: as played at volume 1.0, 0.89)")  # fmt: skip
    parser.add_argument(
        "--set",
        type=Path,
        default=SPOKEN,
        dest="spoken_set",
        help="answers and commands to speak (default: korean_spoken.tsv)",
    )
    parser.add_argument("--half", choices=("tune", "check", "all"), default="all",
                        help="cer: only the tuning or the check half of the strings")  # fmt: skip
    parser.add_argument(
        "--no-level",
        action="store_true",
        help="without the language's listening level (listening.level_peak)",
    )
    args = parser.parse_args(argv)
    global PEAK, SPOKEN_SET, NO_LEVEL, HALF  # noqa: PLW0603
    PEAK, SPOKEN_SET, NO_LEVEL, HALF = args.peak, args.spoken_set, args.no_level, args.half
    if args.voice_file is not None:
        args.voice = _install_voice_file(args.voice_file)
    from assistant.listening import vosk_recognizer

    model = store.find_model("ko")
    if model is None:
        sys.exit(store.missing_model_message("ko"))
    started = time.perf_counter()
    engine = vosk_recognizer.load_engine(model)
    voice: Any = synthesizers.create("espeak", args.voice, lang="ko")
    if args.command_line:
        voice = CommandLineVoice(args.voice or "ko", voice.pronunciations)
    run = {"recognition": recognition, "cer": cer, "unrestricted": unrestricted}[args.what]
    code = run(voice, engine, args.rate, args.details)
    print(f"[{time.perf_counter() - started:.0f} s]")
    return code


if __name__ == "__main__":
    raise SystemExit(main())
