"""`python -m assistant recognize [--lang en] [--model DIR] WAV [WAV...]`

Recognizes each recording as the answer to a yes/no question (answers and commands allowed,
exactly as the dialog listens), streamed as from a microphone. Prints one JSON object per
file, in order: file, text, intent, confidence, confident, decided_at_ms, speech_end_ms.
Any sample rate or channel count is converted to 16 kHz mono first.

A missing or unreadable file gives a line with an "error" field instead; the exit code is
then 2 (0 when every file was recognized). No model: one message saying how to get it, 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from assistant.audio import wav_io
from assistant.listening import vosk_recognizer
from assistant.model_store import store

EXIT_OK, EXIT_USAGE = 0, 2


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "recognize",
        help="recognize answers in WAV files (JSON lines)",
        description=__doc__.splitlines()[0],
    )
    parser.add_argument("wavs", nargs="+", type=Path, metavar="WAV")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--model", metavar="DIR", help="Vosk model folder")
    parser.add_argument(
        "--vosk-endpointing",
        action="store_true",
        help="wait for Vosk's own end-of-speech detection instead of deciding early",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from assistant.conversation.understanding import INTENTS, Vocabulary
    from assistant.paths import PROMPTS_DIR

    model_dir = store.find_model(args.lang, args.model)
    if model_dir is None:
        print(f"error: {store.missing_model_message(args.lang, args.model)}", file=sys.stderr)
        return EXIT_USAGE
    try:
        vocab = Vocabulary.load(args.lang, getattr(args, "prompts", None) or PROMPTS_DIR)
        model = vosk_recognizer.load_model(model_dir)
        recognizer = vosk_recognizer.PhraseRecognizer(
            model,
            vocab.phrases(INTENTS),
            meaning=vocab.parse,
            early_stable_ms=None if args.vosk_endpointing else vosk_recognizer.EARLY_STABLE_MS,
        )
    except (vosk_recognizer.RecognizerUnavailable, OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
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
        decision = vosk_recognizer.recognize_samples(recognizer, samples)
        text = vosk_recognizer.dialog_text(decision, vocab.parse)
        end_ms = decision.speech_end_ms
        _emit(
            {
                "file": str(wav),
                "text": text,
                "intent": vocab.parse(text),
                "confidence": round(decision.confidence, 3),
                "confident": decision.confident and text == decision.text,
                "heard": decision.text,
                "decided_at_ms": round(decision.decided_at_ms),
                "speech_end_ms": None if end_ms is None else round(end_ms),
                "duration_ms": round(wav_io.duration_ms(samples)),
            }
        )
    return EXIT_USAGE if failed else EXIT_OK


def _emit(row: dict[str, object]) -> None:
    print(json.dumps(row, ensure_ascii=False), flush=True)
