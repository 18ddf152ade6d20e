"""A learned second reading for what the rules leave unknown: sentence embeddings, the nearest
examples, and a hard gate (bench/README.md, "Round eight").

Used only where `Vocabulary.parse` says unknown. The utterance is embedded by a small
sentence-embedding model (e5-small-v2, quantized ONNX, run by onnxruntime; its tokenizer by
`tokenizers`; `model_store/embedding_model.py` installs it) and compared with examples whose
intent is known: every phrase of the language file (general and per question) and the
example phrasings of `prompts/<lang>.examples.tsv`. An intent is taken only when all of
these hold, else it stays unknown (asked again: a wrong action is worse):

- three words or more: a word or two is left to the rules and the grammar;
- no negation word, no question (a "?" or a question word opening it), no doubt, contrast,
  exception, limit, correction, sarcasm, the speaker's own doing ("let me", "I'll") or
  telling what they did ("I tried to") found by the rules; after the screen quoted ("it
  says") an answer only, no command; and no two different intents
  found by them (two readings): what the rules withheld on purpose stays withheld;
- the intent's nearest examples (mean of the best `K`) are similar enough
  (`MIN_SIMILARITY`) and clearly nearer than any other intent's, unknown included
  (`MIN_MARGIN`), and the single nearest example is of that intent too (an example labelled
  unknown, "I guess" at a question, keeps its own words unknown; one that answers another
  question, "mobile data" said with no question, is not this question's answer);
- an answer (yes/no, and unknown) only from examples of the same question or of none: "it's
  on" is yes at one question and no at another. Commands are read alike at every question.

Without the model (not downloaded, onnxruntime missing, or no examples file for the
language) `load` returns None and the parser reads as before. ASSISTANT_EMBEDDING_FALLBACK=0
turns it off (for comparisons).
"""

from __future__ import annotations

import hashlib
import os
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.conversation import normalization
from assistant.conversation.interpretation import (
    CONTRAST,
    CORRECTION,
    DOUBT,
    EXCEPTION,
    LIMIT,
    NARRATION,
    NEGATION,
    SELF,
    UNKNOWN,
)

if TYPE_CHECKING:
    from assistant.conversation.understanding import Vocabulary

MODEL_NAME = "e5-small-v2-q"
MODEL_FILE = f"{MODEL_NAME}.onnx"
TOKENIZER_FILE = f"{MODEL_NAME}-tokenizer.json"
PREFIX = "query: "
"""e5 embeds a text after this prefix (both sides of a symmetric comparison)."""
K = 3
MIN_WORDS = 3
"""Shorter, the rules and the recognizer's grammar decide alone: a single word that is no
answer ("go", "two", a word of the Speech Commands set) is never read as one."""
MIN_SIMILARITY = 0.92
MIN_MARGIN = 0.02
SWITCH = "ASSISTANT_EMBEDDING_FALLBACK"
_MAX_TOKENS = 64
_WIDTH = 384
_ANSWERS = frozenset({"yes", "no", UNKNOWN})
_WITHHELD = frozenset({NEGATION, DOUBT, CONTRAST, EXCEPTION, LIMIT, CORRECTION, SELF})
"""What the rules found and read on purpose: the speaker's own doing ("let me speak up") too.
Narration is read as the rules read it: the speaker telling what they did or tried ("I tried
to turn it on") is theirs; after the screen quoted ("it shows ...") an answer may follow, no
command."""
_QUESTION_WORDS = frozenset({"what", "where", "why", "how", "which", "who", "when", "whose"})
_NEGATIONS = frozenset({"no", "not", "nope", "nah", "never", "neither", "nor", "without",
                        "cannot", "nothing", "none", "nobody"})  # fmt: skip


@dataclass(frozen=True)
class Example:
    text: str
    question: str | None
    intent: str


def enabled() -> bool:
    return os.environ.get(SWITCH, "1").strip().lower() not in ("0", "off", "no", "false")


@dataclass
class EmbeddingFallback:
    """Nearest examples in a sentence-embedding space, gated hard (module docstring)."""

    session: Any
    tokenizer: Any
    vocab: Vocabulary
    examples: list[Example] = field(default_factory=list)
    vectors: Any = None  # numpy array, one normalized row per example
    other_persons: frozenset[str] = frozenset()
    """Persons whose doing is not the answer (`understanding.other_persons`)."""

    @classmethod
    def load(
        cls,
        vocab: Vocabulary,
        directory: Path | None = None,
        examples_file: Path | None = None,
        extra: list[Example] | None = None,
        with_vocabulary: bool = True,
    ) -> EmbeddingFallback | None:
        """The fallback, or None when the model, its runtime or the examples are missing.

        extra: more examples; with_vocabulary: False leaves out the language file's phrases
        (the benchmark gives those of an older vocabulary in `extra`)."""
        if examples_file is None:
            from assistant.paths import PROMPTS_DIR

            examples_file = PROMPTS_DIR / f"{vocab.lang}.examples.tsv"
        if not examples_file.is_file() and not extra:
            return None
        if directory is None:
            from assistant.model_store.embedding_model import find

            directory = find()
        if directory is None or not (directory / MODEL_FILE).is_file():
            return None
        try:
            import onnxruntime
            import tokenizers
        except ImportError:
            return None
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        session = onnxruntime.InferenceSession(
            str(directory / MODEL_FILE), options, providers=["CPUExecutionProvider"]
        )
        tokenizer = tokenizers.Tokenizer.from_file(str(directory / TOKENIZER_FILE))
        tokenizer.no_padding()
        tokenizer.enable_truncation(_MAX_TOKENS)
        examples = vocabulary_examples(vocab) if with_vocabulary else []
        if examples_file.is_file():
            examples += read_examples(examples_file)
        examples += extra or []
        fallback = cls(session, tokenizer, vocab, list(dict.fromkeys(examples)),
                       other_persons=_other_persons(vocab.lang, examples_file.parent))  # fmt: skip
        fallback.vectors = fallback._cached_vectors()
        return fallback

    def _cached_vectors(self) -> Any:
        """The examples' vectors, computed once (seconds) and kept in the user's cache."""
        import numpy as np

        key = hashlib.sha256(
            "\n".join(f"{e.text}\t{e.question}" for e in self.examples).encode()
        ).hexdigest()[:16]
        cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
        path = cache / "icloud-photos-assistant" / f"{MODEL_NAME}-{self.vocab.lang}-{key}.npy"
        try:
            vectors = np.load(path)
            if vectors.shape == (len(self.examples), _WIDTH):
                return vectors
        except (OSError, ValueError):
            pass
        vectors = self.embed([e.text for e in self.examples])
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            part = path.with_name(f".{path.name}.{os.getpid()}.npy")
            np.save(part, vectors)
            part.replace(path)
        except OSError:
            pass
        return vectors

    def embed(self, texts: list[str], batch: int = 64) -> Any:
        """Mean-pooled, normalized sentence vectors, one row per text."""
        import numpy as np

        rows = []
        for first in range(0, len(texts), batch):
            chunk = [PREFIX + t.lower() for t in texts[first : first + batch]]
            encoded = self.tokenizer.encode_batch(chunk)
            ids = np.zeros((len(encoded), max(len(e.ids) for e in encoded)), np.int64)
            mask = np.zeros_like(ids)
            for row, e in enumerate(encoded):
                ids[row, : len(e.ids)] = e.ids
                mask[row, : len(e.ids)] = 1
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            hidden = self.session.run(None, feed)[0]
            pooled = (hidden * mask[..., None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
            rows.append(pooled / np.linalg.norm(pooled, axis=1, keepdims=True))
        if not rows:
            return np.zeros((0, _WIDTH), np.float32)
        return np.concatenate(rows).astype(np.float32)

    def ranked(self, text: str, question: str | None) -> tuple[list[tuple[float, str]], str]:
        """(similarity, intent), best first: each intent's mean of its `K` nearest examples;
        and the intent of the single nearest example of all (unknown when it answers another
        question: "mobile data" without a question). Answers (and unknown) only from the
        question's own examples or those of no question."""
        similarity = (self.vectors @ self.embed([text])[0]).tolist()
        by_intent: dict[str, list[float]] = {}
        nearest, nearest_intent = -2.0, UNKNOWN
        for example, value in zip(self.examples, similarity, strict=True):
            elsewhere = example.question not in (None, question) and (
                example.intent in _ANSWERS or example.question == "start"
            )
            if value > nearest:  # an answer of another question: not this question's
                nearest, nearest_intent = value, UNKNOWN if elsewhere else example.intent
            if not elsewhere:
                by_intent.setdefault(example.intent, []).append(value)
        scored = [(sum(sorted(v)[-K:]) / len(v[-K:]), i) for i, v in by_intent.items()]
        return sorted(scored, reverse=True), nearest_intent

    def blocked(self, text: str, question: str | None) -> str | None:
        """Why the fallback must not read this utterance at all, or None."""
        vocab = self.vocab
        found = vocab.tokens(text)
        words = [w for w in found if w != normalization.BREAK]
        if len(words) < MIN_WORDS:
            return "too short"  # "go", "two": a word or two is the rules' and the grammar's
        if set(words) & (vocab.negation_words | _NEGATIONS) or any(
            w.endswith("n't") or vocab.spelling.near_negation(w) for w in words
        ):
            return "a negation"  # also a mistyped one ("i have nver signed in")
        if "?" in text or words[0] in _QUESTION_WORDS or words[0] in vocab.cues.question_verbs:
            return "a question"
        mentions = vocab._mentions(found, question)
        kinds = {m.kind for m in mentions}
        if kinds & _WITHHELD or _contains(words, vocab.sarcasm):
            return "withheld by the rules"
        if any(m.kind == NARRATION and found[m.start] in vocab.speakers for m in mentions):
            return "withheld by the rules"
        if self._another_persons_doing(found):
            return "another person's doing"
        if len({k for k in kinds if not k.startswith("<")}) > 1:
            return "two readings"
        return None

    def read(self, text: str, question: str | None) -> str:
        """The intent of an utterance the rules left unknown, or unknown."""
        if self.blocked(text, question):
            return UNKNOWN
        ranked, nearest = self.ranked(text, question)
        if not ranked:
            return UNKNOWN
        similarity, intent = ranked[0]
        runner_up = ranked[1][0] if len(ranked) > 1 else -1.0
        if similarity < MIN_SIMILARITY or similarity - runner_up < MIN_MARGIN:
            return UNKNOWN
        if nearest != intent:  # the nearest one says otherwise
            return UNKNOWN
        if intent not in _ANSWERS and self._quoting(text, question):
            return UNKNOWN  # "it says Stop Syncing": the screen's words, no command
        return intent

    def _another_persons_doing(self, found: list[str]) -> bool:
        """Another person as a clause's subject, then a verb: "my husband made this account"."""
        vocab = self.vocab
        for i, word in enumerate(found[:-1]):
            if word not in self.other_persons:
                continue
            opens = i == 0 or found[i - 1] == normalization.BREAK
            after_determiner = i > 0 and found[i - 1] in vocab.noun_determiners
            follows = found[i + 1]
            if (
                (opens or after_determiner)
                and follows != normalization.BREAK
                and (follows not in vocab.copulas)
            ):
                return True
        return False

    def _quoting(self, text: str, question: str | None) -> bool:
        found = self.vocab.tokens(text)
        return any(m.kind == NARRATION for m in self.vocab._mentions(found, question))


class LazyFallback:
    """Loads the fallback on its first use, once: loading the vocabulary stays fast, and text
    mode loads numpy and onnxruntime only when the rules first leave an answer unknown."""

    def __init__(self, vocab: Vocabulary, examples_file: Path) -> None:
        self._vocab = vocab
        self._examples_file = examples_file
        self._loaded: EmbeddingFallback | None = None
        self._tried = False
        self._lock = threading.Lock()

    def get(self) -> EmbeddingFallback | None:
        with self._lock:
            if not self._tried:
                self._tried = True
                try:
                    self._loaded = EmbeddingFallback.load(self._vocab, None, self._examples_file)
                except Exception as exc:  # noqa: BLE001 - a damaged model: the rules alone
                    print(f"note: the embedding model could not be loaded ({exc}); "
                          "answers are read by the rules alone", file=sys.stderr)  # fmt: skip
            return self._loaded

    def read(self, text: str, question: str | None) -> str:
        fallback = self.get()
        return fallback.read(text, question) if fallback else UNKNOWN


class _Missing:
    """Stands for the fallback where the model is not installed: unknown stays unknown, and
    the first time it would have been asked, one note says how to get it."""

    noted = False

    def read(self, text: str, question: str | None) -> str:
        if not _Missing.noted:
            _Missing.noted = True
            print("note: the embedding model is not installed, so answers the rules cannot "
                  "place are asked again; get it with: python -m "
                  "assistant.model_store.embedding_model", file=sys.stderr)  # fmt: skip
        return UNKNOWN


MISSING = _Missing()


def installed() -> bool:
    """True when the model and its runtime are installed (not loaded: that is on first use)."""
    from importlib.util import find_spec

    from assistant.model_store.embedding_model import find

    return (
        find_spec("onnxruntime") is not None
        and find_spec("tokenizers") is not None
        and find() is not None
    )


def _other_persons(lang: str, prompts_dir: Path) -> frozenset[str]:
    from assistant.conversation.prompt_files import load_yaml

    rules = load_yaml(prompts_dir / f"{lang}.yaml").get("understanding") or {}
    return frozenset(str(w) for w in rules.get("other_persons") or ())


def _contains(words: list[str], phrases: frozenset[tuple[str, ...]]) -> bool:
    return any(
        tuple(words[i : i + len(p)]) == p for p in phrases for i in range(len(words) - len(p) + 1)
    )


def vocabulary_examples(vocab: Vocabulary) -> list[Example]:
    """Every phrase of the language file with its intent: general, then per question."""
    from assistant.conversation.understanding import INTENTS

    examples = [
        Example(" ".join(p), None, m.kind) for p, m in vocab.general.items() if m.kind in INTENTS
    ]
    for question, table in vocab.by_question.items():
        examples += [
            Example(" ".join(p), question, m.kind) for p, m in table.items() if m.kind in INTENTS
        ]
    return examples


def read_examples(path: Path) -> list[Example]:
    """text<TAB>question<TAB>intent lines (question `-` for none); `#` starts a comment."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("#") or len(fields) != 3:
            continue
        text, question, intent = fields
        rows.append(Example(text, None if question == "-" else question, intent))
    return rows


def main() -> int:
    """Compute and cache the examples' vectors now (script/setup), not on a first answer."""
    import time

    from assistant.conversation.understanding import Vocabulary

    started = time.perf_counter()
    vocab = Vocabulary.load("en")
    fallback = vocab.fallback.get() if hasattr(vocab.fallback, "get") else None  # run as __main__
    if fallback is None:
        print("note: no embedding fallback (model not installed, or switched off)", file=sys.stderr)
        return 1
    print(f"embedding fallback ready: {len(fallback.examples)} examples, "
          f"{time.perf_counter() - started:.1f} s", file=sys.stderr)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
