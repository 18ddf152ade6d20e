"""The phrase tables of one language file (prompts/<lang>.yaml), and the checks of its sections.

Each phrase is stored as the words it is matched on (contractions spelled out, Korean particles
taken apart), with what it means; a phrase that would mean two things is an error of the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from assistant.conversation import normalization
from assistant.conversation.amounts import Amounts
from assistant.conversation.attached_words import AttachedWords
from assistant.conversation.flow import Flow
from assistant.conversation.interpretation import (
    CONTRAST,
    CORRECTION,
    DOUBT,
    EXCEPTION,
    FILLER,
    LIMIT,
    NARRATION,
    NEGATION,
    QUESTION,
    SELF,
    Mention,
)
from assistant.conversation.normalization import Contractions, normalize
from assistant.conversation.prompt_files import PromptError
from assistant.conversation.understanding.intents import HELP, INTENTS

LANGUAGE_DATA_SECTIONS = (
    "intents", "phrasings", "answers_by_question", "phrasings_by_question",
    "phrasings_at_actions", "understanding",
)  # fmt: skip
"""Sections of a language file read here: words to understand, not texts to translate."""

# Lists of the `understanding` section and what each phrase found means.
_WORD_CLASSES = {
    "doubt": DOUBT, "fillers": FILLER, "hedges": FILLER, "first_person": SELF,
    "narration": NARRATION, "contrasts": CONTRAST, "exceptions": EXCEPTION, "limits": LIMIT,
}  # fmt: skip

# ... and those that may also be an intent's phrase, meaning it when they stand alone.
_WORDS_WITH_FALLBACK = {"negations": NEGATION, "corrections": CORRECTION}

Table = dict[tuple[str, ...], Mention]
"""Phrase (normalized words) -> what it means; start/end of the Mention are unused."""


class _TableBuilder:
    """Builds the phrase tables of one language file."""

    def __init__(
        self,
        path: Path,
        contractions: Contractions,
        rules: dict[Any, Any],
        attached: AttachedWords | None = None,
    ) -> None:
        self.path = path
        self.contractions = contractions
        self.attached = attached
        self.rules = rules
        self.negations = {self.words(p) for p in self.strings("negations")}
        self.weak_yes = [self.words(p) for p in self.strings("weak_yes")]
        self.determiners = {self.words(p) for p in self.strings("determiners")}

    def words(self, phrase: str) -> tuple[str, ...]:
        found = self.contractions.expand(normalize(phrase))
        return tuple(self.attached.read(found) if self.attached else found)

    def strings(self, key: str) -> list[str]:
        return _strings(self.path, self.rules.get(key), f"understanding.{key}")

    def word_set(self, key: str) -> frozenset[str]:
        """Every word of the phrases of `understanding.<key>`, as matched."""
        return frozenset(w for p in self.strings(key) for w in self.words(p))

    def amounts(self) -> Amounts:
        """How shares said in numbers answer ("98% used"), from `understanding.amounts`."""
        key = "understanding.amounts"
        raw = _mapping(self.path, self.rules.get("amounts"), key)

        def words(name: str) -> frozenset[str]:
            phrases = _strings(self.path, raw.get(name), f"{key}.{name}")
            return frozenset(w for p in phrases for w in self.words(p))

        try:
            limits = {k: float(raw[k]) / 100 for k in ("yes_from", "no_up_to") if k in raw}
        except (TypeError, ValueError):
            raise PromptError(self.path, key, "yes_from and no_up_to are percentages") from None
        questions = frozenset(_strings(self.path, raw.get("questions"), f"{key}.questions"))

        def phrases(name: str) -> tuple[tuple[str, ...], ...]:
            """Longest first: "not a lot" before "a lot"."""
            found = {self.words(p) for p in _strings(self.path, raw.get(name), f"{key}.{name}")}
            return tuple(sorted(found, key=len, reverse=True))

        def values(name: str) -> dict[str, float]:
            raw_values = _mapping(self.path, raw.get(name), f"{key}.{name}")
            try:
                return {str(w): float(n) for w, n in raw_values.items()}
            except (TypeError, ValueError):
                raise PromptError(self.path, f"{key}.{name}", "word: number") from None

        def bounds_after() -> dict[str, str]:
            raw_bounds = _mapping(self.path, raw.get("bounds_after"), f"{key}.bounds_after")
            if not set(raw_bounds) <= {"at_least", "at_most"}:
                raise PromptError(self.path, f"{key}.bounds_after", "at_least or at_most")
            return {
                w: kind
                for kind, said in raw_bounds.items()
                for p in _strings(self.path, said, f"{key}.bounds_after.{kind}")
                for w in self.words(p)
            }

        # Units as read ("기가" -> 기, a particle off) and as written onto a number ("5기가").
        units = words("units") | {w for p in _strings(self.path, raw.get("units"), key)
                                  for w in normalization.normalize(p)}  # fmt: skip
        return Amounts(
            questions, words("percent"), words("of"), words("free"), units,
            values("numbers"), words("point"), words("one"), values("fractions"),
            words("filled"), words("at_least"), words("at_most"), **limits,
            progress=words("progress"), progress_at=words("progress_at"), about=words("about"),
            levels=words("levels"), of_whole_first=words("of_whole_first"),
            level_questions=frozenset(_strings(self.path, raw.get("level_questions"),
                                               f"{key}.level_questions")),
            few=phrases("few"), many=phrases("many"),
            syllable_numbers=values("syllable_numbers"),
            fraction_of=tuple(_strings(self.path, raw.get("fraction_of"), f"{key}.fraction_of")),
            unit_particles=tuple(sorted(_strings(self.path, raw.get("unit_particles"),
                                                 f"{key}.unit_particles"), key=len, reverse=True)),
            bounds_after=bounds_after(),
            actions=frozenset(),
        )  # fmt: skip

    def meaning(self, intent: str, phrase: tuple[str, ...]) -> Mention:
        negates = intent == "no" and any(phrase[-len(n) :] == n for n in self.negations)
        inside = (
            intent == "no"
            and not negates
            and any(phrase[i : i + len(n)] == n for n in self.negations for i in range(len(phrase)))
        )
        determiner = intent == "no" and phrase in self.determiners
        concord = (
            intent == "no"
            and any(  # "no update": "I don't see no update" is no
                len(phrase) > len(d) and phrase[: len(d)] == d for d in self.determiners
            )
        )
        return Mention(intent, 0, 0, negates=negates, determiner=determiner, reaches_on=inside,
                       concord=concord)  # fmt: skip

    def general(self, sections: dict[str, dict[str, list[str]]]) -> Table:
        """Every phrase of these sections (name -> intent -> phrases) and of the rules."""
        # "i am not" is left to the rules (weak yes + negation), which also read "I am not
        # sure" (doubt) and "I am not signed in" (negated yes) right; as one phrase it would not.
        derived = {w + n for w in self.weak_yes for n in self.negations}
        table: Table = {}
        for name, lists in sections.items():
            for intent, phrases in lists.items():
                for phrase in map(self.words, phrases):
                    if phrase not in derived:
                        meaning = self.meaning(intent, phrase)
                        _add(table, phrase, meaning, self.path, f"{name}.{intent}")
        for phrase in map(self.words, self.strings("only_alone")):
            if phrase in table:  # "a second": a command only when the clause says no more
                table[phrase] = replace(table[phrase], alone_only=True)
        for phrase in self.weak_yes:
            table[phrase] = Mention("yes", 0, 0, weak=True)
        for phrase in map(self.words, self.strings("acknowledgments")):
            table[phrase] = Mention("yes", 0, 0, deferring=True)
        for key, kind in _WORD_CLASSES.items():
            for phrase in map(self.words, self.strings(key)):
                _add(table, phrase, Mention(kind, 0, 0), self.path, f"understanding.{key}")
        for key, asks in (
            ("questions", HELP),
            ("yes_no_questions", None),
            ("question_words", None),
        ):
            for phrase in map(self.words, self.strings(key)):
                meaning = Mention(QUESTION, 0, 0, fallback=asks, anywhere=key == "question_words")
                _add(table, phrase, meaning, self.path, f"understanding.{key}")
        asking = [self.words(p) for p in self.strings("asking_what")]  # "what is"
        not_knowing = [self.words(p) for p in self.strings("not_knowing_what")]
        endings = [self.words(p) for p in self.strings("term_endings")]  # "... wifi is"
        for term in map(self.words, self.strings("step_terms")):  # "what is safari?"
            for opening in asking:
                _add(table, opening + term, Mention(QUESTION, 0, 0, fallback=HELP),
                     self.path, "understanding.step_terms")  # fmt: skip
            for opening in not_knowing:
                for ending in endings:
                    _add(table, opening + term + ending, Mention(HELP, 0, 0),
                         self.path, "understanding.step_terms")  # fmt: skip
        for phrase in map(self.words, self.strings("trailing_negations")):  # Korean 않아요
            alone = table.get(phrase)  # "아니에요" alone is no
            table[phrase] = Mention(NEGATION, 0, 0, trailing=True,
                                    fallback=alone.kind if alone else None)  # fmt: skip
        for phrase in map(self.words, self.strings("moving_on")):  # "done, next"
            if phrase in table:
                table[phrase] = replace(table[phrase], moving_on=True)
        for phrase in map(self.words, self.strings("next_after_yes")):  # "done, now what?"
            if phrase in table:
                table[phrase] = replace(table[phrase], moving_on=True, after_yes=True)
        for phrase in map(self.words, self.strings("requests")):  # "can you repeat the steps"
            asked = table.get(phrase, Mention(FILLER, 0, 0))
            table[phrase] = replace(asked, request=True)
        for key, kind in _WORDS_WITH_FALLBACK.items():
            for phrase in map(self.words, self.strings(key)):
                alone = table.get(phrase)  # "wait" alone is pause, "nothing" alone is no
                table[phrase] = Mention(kind, 0, 0, fallback=alone.kind if alone else None)
        return table

    def for_question(self, own: dict[str, list[str]]) -> Table:
        table: Table = {}
        subjects = [self.words(p) for p in self.strings("state_subjects")]
        for intent, phrases in own.items():
            table.update({w: self.meaning(intent, w) for w in map(self.words, phrases)})
        # A state said of the thing by its name: "cellular data is on" as "it is on".
        for phrase, meaning in list(table.items()):
            for subject in subjects:
                rest = phrase[len(subject) :]
                if phrase[: len(subject)] == subject and len(rest) > 1 and rest not in table:
                    table[rest] = meaning
        return table


def _actions(prompts_dir: Path) -> frozenset[str]:
    """The ids of the flow's actions, where something is under way (none without a flow)."""
    if not (prompts_dir / "flow.yaml").is_file():
        return frozenset()
    flow = Flow.load(prompts_dir)
    return frozenset(n for n in flow.node_ids if flow.is_action(n))


def _words_after_negation(tables: Iterable[Table], verbs: Iterable[str]) -> frozenset[str]:
    """The words right after one of `verbs` and "not" in any phrase ("do not know": know)."""
    pairs = {(verb, "not") for verb in verbs}
    return frozenset(
        p[i + 2] for t in tables for p in t for i in range(len(p) - 2) if p[i : i + 2] in pairs
    )


def _plain(lists: dict[str, list[str]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """intent -> phrases as normalized words, contractions kept (as a recognizer hears them)."""
    return {i: tuple(tuple(normalize(p)) for p in ps) for i, ps in lists.items()}


def _add(table: Table, phrase: tuple[str, ...], meaning: Mention, path: Path, key: str) -> None:
    known = table.get(phrase)
    if known is not None and known.kind != meaning.kind:
        raise PromptError(path, key, f'"{" ".join(phrase)}" already means {known.kind}')
    if phrase:
        table[phrase] = meaning


def _mapping(path: Path, raw: Any, key: str) -> dict[Any, Any]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise PromptError(path, key, "not a mapping")
    return raw


def _strings(path: Path, raw: Any, key: str) -> list[str]:
    if raw is None:
        return []
    if not isinstance(raw, list) or not all(isinstance(p, str) for p in raw):
        raise PromptError(path, key, "not a list of phrases")
    return raw


def _intent_lists(path: Path, raw: Any, key: str, required: bool = False) -> dict[str, list[str]]:
    """intent -> phrases, every key an intent; with required, every intent non-empty."""
    if raw is None and not required:
        return {}
    if not isinstance(raw, dict):
        raise PromptError(path, key, "missing or not a mapping of intent to phrases")
    for intent in raw:
        if intent not in INTENTS:
            raise PromptError(path, f"{key}.{intent}", "not an intent of flow.md")
    lists = {i: _strings(path, raw[i], f"{key}.{i}") for i in INTENTS if i in raw}
    if required:
        for intent in INTENTS:
            if not lists.get(intent):
                raise PromptError(path, f"{key}.{intent}", "missing or empty phrase list")
    return lists
