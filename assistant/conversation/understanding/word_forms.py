"""Word forms: the utterance's words as the phrases are written, before any phrase is found.

Contractions, typing slips, symbols, versions, possessives, emphasis, left-out subjects and
auxiliaries all change the words, not what they mean; spelled out here once, the phrases of
prompts/<lang>.yaml need to be written in one form only.
"""

from __future__ import annotations

import re

from assistant.conversation import normalization
from assistant.conversation.interpretation import CONTRAST, DOUBT
from assistant.conversation.normalization import BREAK
from assistant.conversation.understanding.lexicon import Lexicon

VERSION_NUMBER = re.compile(r"\d+(\.\d+)*")
"""A version as typed ("19", "19.2", "19.2.1")."""

VARIATION_SELECTOR = "\ufe0f"
"""Typed after a symbol to draw it as an emoji; not a part of the symbol."""


class WordForms(Lexicon):
    """The utterance's words brought to the forms the phrases are written in."""

    def tokens(self, text: str) -> list[str]:
        """The words as matched: contractions spelled out, words carrying particles and
        negations taken apart (Korean), typing slips repaired, clause breaks kept as BREAK."""
        text = self._symbols_read(text)
        said = normalization.without_stammer(
            normalization.tokens(text), self.spelling.known, self.doubled
        )
        found = self.contractions.expand(self._possessives(said))
        read = self.attached.read(found) if self.attached else found
        repaired = self.spelling.repair(read)  # after reading: slips are judged on whole words
        stressed = self._least_amount(
            self._without_emphasis(self._without_already(self._without_versions(repaired)))
        )
        said_of_it = self._subject_supplied(stressed, text)
        return self._as_commanded(
            self._as_own_words(self._with_auxiliary(self._perfect(said_of_it)))
        )

    def _without_versions(self, words: list[str]) -> list[str]:
        """A version number after the name it numbers is that name ("there's an iOS 19.2
        waiting": "an iOS waiting"), so the phrases of the name read it."""
        return [
            word
            for i, word in enumerate(words)
            if not (i and words[i - 1] in self.versioned and VERSION_NUMBER.fullmatch(word))
        ]

    def _symbols_read(self, text: str) -> str:
        """Symbols typed alone read as their words ("👍": "okay"); beside words, which say
        what is meant ("it's off 👍"), left out, as any other symbol."""
        if not any(symbol in text for symbol in self.symbols):
            return text
        text = text.replace(VARIATION_SELECTOR, "")  # "✔️" is "✔" drawn as an emoji
        read = text
        for symbol, word in self.symbols.items():
            read = read.replace(symbol, f" {word} ")
        alone = not normalization.tokens("".join(c for c in text if c not in "".join(self.symbols)))
        return read if alone else text

    def _as_commanded(self, words: list[str]) -> list[str]:
        """A polite request with a verb's -ing form ("would you mind repeating that") said as
        the request with the verb itself ("could you repeat that"), the form the commands'
        phrases have; the verb is the first of its spellings without the ending that is a
        known word ("repeating": "repeat", "pausing": "pause", "skipping": "skip")."""
        for asked, plainly in self.gerund_requests.items():
            for at in range(len(words) - len(asked)):
                verb = words[at + len(asked)]
                if tuple(words[at : at + len(asked)]) != asked or not verb.endswith("ing"):
                    continue
                stem = verb[: -len("ing")]
                known = [v for v in (stem, stem + "e", stem[:-1]) if v in self.spelling.known]
                if known:
                    return [*words[:at], *plainly, known[0], *words[at + len(asked) + 1 :]]
        return words

    def _perfect(self, words: list[str]) -> list[str]:
        """ "'s" spelled out is "is" or "has": before a past participle, "has" ("nothing's
        happened" is "nothing has happened"; `understanding.perfect_participles`)."""
        out = list(words)
        for i in range(len(words) - 1):
            if words[i] == "is" and words[i + 1] in self.perfect_participles:
                out[i] = "has"
        return out

    def _without_emphasis(self, words: list[str]) -> list[str]:
        """An adverb right before an auxiliary and "not" only stresses the negation ("it
        certainly isn't": "it is not"; not "sure" then "is not"; `understanding.emphatic`).
        Opening its clause, the subject was left out, the thing asked about ("nope, sure
        ain't": "it is not"). Right after a negation, a word of `stressing_negation` only
        stresses it ("never actually turned it on", "did not actually sign in"): not the
        correction it is elsewhere ("actually, it's on")."""
        out: list[str] = []
        for i, word in enumerate(words):
            stressing = (
                word in self.emphatic
                and words[i + 1 : i + 2] != []
                and words[i + 1] in self.auxiliaries
                and words[i + 2 : i + 3] != []
                and words[i + 2] in self.negation_words
            )
            if word in self.stressing_negation and i and words[i - 1] in self.negation_words:
                continue  # "I never actually turned it on": no correction, the negation stressed
            if not stressing:
                out.append(word)
            elif self.dropped_subject and (i == 0 or words[i - 1] == BREAK):
                out.append(self.dropped_subject)
        return out

    def _least_amount(self, words: list[str]) -> list[str]:
        """ "not" and the least amount (`least_amounts`: "a bit", "one bit") only stress the
        negation: "not a bit" is read "not at all", and before "of" the thing denied is
        none: "not a bit of difference" is "no difference"."""
        if not self.least_amounts:
            return words
        out: list[str] = []
        i = 0
        while i < len(words):
            amount = next((a for a in sorted(self.least_amounts, key=len, reverse=True)
                           if words[i] == "not" and tuple(words[i + 1 : i + 1 + len(a)]) == a),
                          None)  # fmt: skip
            if amount is None:
                out.append(words[i])
                i += 1
                continue
            after = i + 1 + len(amount)
            if after < len(words) and words[after] == "of":
                out.append("no")
                i = after + 1
            else:
                out += ["not", "at", "all"]
                i = after
        return out

    def _subject_supplied(self, words: list[str], text: str) -> list[str]:
        """ "Is very slow but is working" (a learner's English, the subject left out): "is"
        opening a clause, or right after a contrast, with no subject after it, in a clause
        ended by a mark that does not ask, is said of the thing asked about
        (`understanding.dropped_subject`): "it is working". With a subject after it ("is it
        on"), asked ("is working?") or unmarked, as a transcript is ("is dinner ready"), it
        may be a question, and is read as before."""
        if not self.dropped_subject or "is" not in words:
            return words
        asked: list[bool] = []
        normalization.tokens(text, asked)
        subjects = self.clause_openers | self.noun_determiners | self.cues.subjects
        out: list[str] = []
        for i, word in enumerate(words):
            before = words[i - 1] if i else BREAK
            opens = before == BREAK or getattr(self.general.get((before,)), "kind", "") == CONTRAST
            clause = words[:i].count(BREAK)
            if (word == "is" and opens and words[i + 1 : i + 2] != [] and words[i + 1] != BREAK
                    and words[i + 1] not in subjects
                    and clause < len(asked) and not asked[clause]):  # fmt: skip
                out.append(self.dropped_subject)
            out.append(word)
        return out

    def _without_already(self, words: list[str]) -> list[str]:
        """An adverb of time between a copula and its state says nothing of the state ("it's
        already on" is "it is on"; `understanding.state_adverbs`)."""
        if not self.state_adverbs:
            return words
        return [w for i, w in enumerate(words) if not (
            w in self.state_adverbs and 0 < i < len(words) - 1 and words[i - 1] in self.copulas
            and words[i + 1] != BREAK
        )]  # fmt: skip

    def _possessives(self, words: list[str]) -> list[str]:
        """A possessive before the word it owns, the two a phrase's words in a row ("my
        phone's data": "phone data") and the word never after "is" in a phrase (not "data's
        turned off": "is turned"), is no "is": the owner alone."""
        ending = self.possessive
        if not ending:
            return words
        out = list(words)
        for i, (word, after) in enumerate(zip(words, words[1:], strict=False)):
            owner = word[: -len(ending)]
            if (
                word.endswith(ending)
                and owner
                and owner not in self.not_possessors
                and (owner, after) in self.pairs
                and ("is", after) not in self.pairs  # "data's turned off": "is turned"
            ):
                out[i] = owner
        return out

    def _with_auxiliary(self, words: list[str]) -> list[str]:
        """ "I not find", "I not understand" (phrasebook English): the auxiliary said, as "I do
        not find" (`understanding.missing_auxiliary`: subject -> auxiliary). A learner's "I am
        not remember" is the same with a copula in the auxiliary's place: before a verb's bare
        form (`bare_verbs`), "I do not remember"."""
        if not self.missing_auxiliary:
            return words
        out: list[str] = []
        for i, word in enumerate(words):
            if i and self._copula_for_auxiliary(words, i - 1):
                out.append(self.missing_auxiliary[words[i - 1]])
                continue
            out.append(word)
            opens = i == 0 or words[i - 1] == BREAK
            if opens and word in self.missing_auxiliary and words[i + 1 : i + 2] == ["not"]:
                out.append(self.missing_auxiliary[word])
        return out

    def _copula_for_auxiliary(self, words: list[str], start: int) -> bool:
        """From `start`, opening a clause: a subject, a present copula, "not", a verb's bare
        form ("i am not remember")."""
        said = words[start : start + 4]
        if len(said) < 4 or (start and words[start - 1] != BREAK):
            return False
        subject, copula, negation, verb = said
        return (
            subject in self.missing_auxiliary
            and copula in self.copulas - self.past
            and negation == "not"
            and verb in self.bare_verbs
        )

    def _as_own_words(self, words: list[str]) -> list[str]:
        """Reported speech said as the speaker's own: after "she says", "he said", "my mum
        says" (a person, not "it says" or "the screen says"), "her account" is the account of
        the person answered for, so "my account" ("she says it's her account" is yes)."""
        if not self.reported_persons:
            return words
        out = list(words)
        shifting = False
        for i, word in enumerate(words):
            if word == BREAK:
                continue
            opens = i == 0 or words[i - 1] == BREAK
            if i + 1 < len(words) and self._doubted(words[i + 1]):
                continue  # "she thinks it's on": the person's belief, no answer of mine
            if opens and word in self.answered_for and i + 1 < len(words):
                # "He's on Wi-Fi", "she's done it": the person answered for, as "I"
                out[i] = self.reported_persons[word]
                out[i + 1] = self.agreement.get(words[i + 1], words[i + 1])
                continue
            if (
                word in self.reported
                and i > 0
                and words[i - 1] != BREAK
                and words[i - 1] not in self.not_reporters
            ):
                shifting = True
                continue
            if shifting and word in self.answered_for and i + 1 < len(words):
                out[i] = self.reported_persons[word]  # "she says she's done it"
                out[i + 1] = self.agreement.get(words[i + 1], words[i + 1])
                continue
            if shifting and word in self.reported_persons:
                ends = i + 1 == len(words) or words[i + 1] == BREAK
                # "it's not his": his alone is the person's own, so "mine"
                mine = self.reported_persons.get(word + "s") if ends else None
                out[i] = mine or self.reported_persons[word]
        return out

    def _doubted(self, word: str) -> bool:
        """A word that is a doubt of its own ("thinks", "maybe")."""
        meaning = self.general.get((word,))
        return meaning is not None and meaning.kind == DOUBT
