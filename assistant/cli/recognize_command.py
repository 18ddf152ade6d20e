"""`python -m assistant recognize [--lang en] [--model DIR] [--question ID] WAV [WAV...]`

Recognizes each recording as the answer to a question (answers and commands allowed, exactly
as the dialog listens), streamed as from a microphone, each file with a fresh recognizer:
nothing heard in one file changes what is heard in the next. Prints one JSON object per file,
in order: file, text, intent, confidence, confident, heard, decided_at_ms, speech_end_ms,
duration_ms. --question ID (a flow node id, or `fixed?`) reads the answers in that
question's context and adds its own answers to the grammar, as the dialog does; without it
the general vocabulary applies.
Any sample rate or channel count is converted to 16 kHz mono first.

A missing or unreadable file gives a line with an "error" field instead; the exit code is
then 2 (0 when every file was recognized). No model: one message saying how to get it, 2.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from pathlib import Path
from typing import Any

from assistant.cli import listening_options

EXIT_OK, EXIT_USAGE = 0, 2


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "recognize",
        help="recognize answers in WAV files (JSON lines)",
        description=__doc__.splitlines()[0],
    )
    parser.add_argument("wavs", nargs="+", type=Path, metavar="WAV")
    parser.add_argument("--lang", default="en")
    listening_options.add_model_argument(parser)
    parser.add_argument(
        "--question",
        metavar="ID",
        help="the question answered: a flow node id, or fixed? (default: none, general words)",
    )
    parser.add_argument(
        "--vosk-endpointing",
        action="store_true",
        help="wait for Vosk's own end-of-speech detection instead of deciding early",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    # Imported here: `recognize` is the only subcommand that needs numpy and the engine.
    from assistant.audio import wav_io
    from assistant.conversation.understanding import INTENTS, Vocabulary
    from assistant.listening import recorded_audio
    from assistant.listening.decision_to_utterance import to_utterance
    from assistant.listening.listening_words import ListeningWords
    from assistant.listening.recognizer import RecognizerUnavailable, engine_loader
    from assistant.model_store import store

    settings = listening_options.settings_from(args)
    explicit = None if settings.model_dir is None else str(settings.model_dir)
    model_dir = store.find_model(args.lang, explicit)
    if model_dir is None:
        print(f"error: {store.missing_model_message(args.lang, explicit)}", file=sys.stderr)
        return EXIT_USAGE
    try:
        vocab = Vocabulary.load(args.lang, settings.prompts_dir)
        words = ListeningWords.load(args.lang, settings.prompts_dir)
        engine = engine_loader(settings.engine)(model_dir)
    except (RecognizerUnavailable, OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    meaning = functools.partial(vocab.parse, question=args.question)
    early: dict[str, Any] = {"early_stable_ms": None} if args.vosk_endpointing else {}
    failed = False
    for wav in args.wavs:
        try:
            samples = wav_io.read_wav_16k_mono(wav)
        except FileNotFoundError:
            failed = True
            _emit({"file": str(wav), "error": "file not found"})
            continue
        except (wav_io.AudioFormatError, OSError, ValueError) as exc:
            failed = True
            _emit({"file": str(wav), "error": f"cannot read: {exc}"})
            continue
        recognizer = engine.recognizer(
            vocab.phrases(INTENTS, args.question), wav_io.SPEECH_FORMAT.sample_rate_hz, meaning,
            distractors=words.distractors, continuations=words.continuations,
            named_words=words.named_words, level_peak=words.level_peak, **early,
        )  # fmt: skip
        decision = recorded_audio.recognize_samples(recognizer, samples)
        utterance = to_utterance(decision, meaning)
        end_ms = decision.speech_end_ms
        _emit(
            {
                "file": str(wav),
                "text": utterance.text,
                "intent": meaning(utterance.text),
                "confidence": round(decision.confidence, 3),
                "confident": utterance.confident,
                "heard": decision.text,
                "decided_at_ms": round(decision.decided_at_ms),
                "speech_end_ms": None if end_ms is None else round(end_ms),
                "duration_ms": round(wav_io.duration_ms(samples)),
            }
        )
    return EXIT_USAGE if failed else EXIT_OK


def _emit(row: dict[str, object]) -> None:
    print(json.dumps(row, ensure_ascii=False), flush=True)
