"""Utterance text -> one canonical intent, from the per-language vocabulary in prompts/.

The language file gives the words (`intents`, `phrasings`, `answers_by_question`,
`phrasings_by_question`, `understanding`); this package finds them in an utterance and
interpretation.py decides. `intents` and `answers_by_question` are also the recognizer's
grammar; the `phrasings` sections are understood in text and free transcripts only.
Phrases are found on whole words after contractions are spelled out ("isn't" -> "is not");
of the ways to read an utterance as phrases, the one with the longest phrases wins, so "start
from scratch" beats "start" and "not at all" beats "not". The question being answered adds
its own answers ("it's off" at "Is Sync this iPhone turned on?"), which win over the general
vocabulary where they differ.

The package is laid out by phenomenon: `vocabulary.py` loads a language and runs the parse;
`tables.py` builds its phrase tables; `lexicon.py` holds the words every rule reads; each other
module is one group of rules (a mixin of `Vocabulary`) for one thing people do in a sentence:
`word_forms` (spellings brought to the phrases' forms), `negation`, `help_asked`,
`questions_back`, `answers_set_aside` (past, supposed, promised), `not_yet` (still doing it,
waiting), `trouble_reported` (errors on screen), `commands_in_sentences` (commands said,
refused or only mentioned), `screen_readings` (labels and marks read out), `other_things`,
`answers_confirmed`, `part_or_all` and `words_said_of_others`.
"""

from assistant.conversation.interpretation import Mention
from assistant.conversation.normalization import normalize
from assistant.conversation.understanding.intents import (
    ANSWERS,
    FIXED_QUESTION,
    HELP,
    INTENTS,
    SILENCE,
    START_QUESTION,
    UNKNOWN,
)
from assistant.conversation.understanding.tables import LANGUAGE_DATA_SECTIONS, Table
from assistant.conversation.understanding.vocabulary import Vocabulary
from assistant.conversation.understanding.word_forms import VARIATION_SELECTOR, VERSION_NUMBER

__all__ = [
    "ANSWERS", "FIXED_QUESTION", "HELP", "INTENTS", "LANGUAGE_DATA_SECTIONS", "SILENCE",
    "START_QUESTION", "UNKNOWN", "VARIATION_SELECTOR", "VERSION_NUMBER", "Mention", "Table",
    "Vocabulary", "normalize",
]  # fmt: skip
