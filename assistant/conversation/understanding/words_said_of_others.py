"""Words said of another word: an answer's word whose subject is a thing no phrase takes.

"충전기 있어요" (I have a charger), "Websites load fine", "I have 200 GB free", "the apple
logo's gone": the yes or no belongs to the thing named, not to the question.
"""

from __future__ import annotations

from assistant.conversation.interpretation import DOUBT, Mention
from assistant.conversation.normalization import BREAK, clause_end, clause_start
from assistant.conversation.understanding.intents import ANSWERS
from assistant.conversation.understanding.lexicon import Lexicon


class WordsSaidOfOthers(Lexicon):
    """An answer's words said of another word in the clause: no answer."""

    def _gone(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """A no of the question's own that names a thing, said to be gone (`gone_words`
        right after it, a copula between or not: "the Apple logo's gone", "black screen went
        away"): the thing is no longer there, so not that no; it says nothing by itself (the
        rest of the utterance answers: "Back on, the Apple logo's gone." is yes)."""
        if not self.gone_words:
            return mentions
        drop = set()
        for m in mentions:
            if m.kind != "no":
                continue
            at = m.end + (m.end < len(words) and words[m.end] in self.copulas)
            if any(tuple(words[at : at + len(g)]) == g for g in self.gone_words):
                drop.add(id(m))
                drop.update(id(n) for n in mentions if n.start == m.end)  # the copula asked
        if not drop:
            return mentions
        return [m for m in mentions if id(m) not in drop]

    def _said_of_a_verb(
        self, words: list[str], mentions: list[Mention], question: str | None
    ) -> list[Mention]:
        """At a question asking which of two (`which_of_two`: cellular or Wi-Fi?), an
        acknowledgment ("fine", "okay") right after a subject and a word no phrase takes,
        with no answer said ("Websites load fine."): how something goes, which says neither;
        asked again. Where how things go is asked ("Emails are coming in fine." at the
        Safari question) it still answers; "It's fine", "all fine" read as before. English
        only (`understanding.acknowledged_after`)."""
        if question not in self.which_of_two or not self.acknowledged_after:
            return mentions
        covered = {i for m in mentions for i in range(m.start, m.end)}
        if any(m.kind in ANSWERS and not m.deferring for m in mentions):
            return mentions
        out = list(mentions)
        for at, m in enumerate(mentions):
            if not (m.kind == "yes" and m.deferring) or m.start < 2:
                continue
            before = words[m.start - 1]
            if before == BREAK or m.start - 1 in covered or before in self.acknowledged_after:
                continue
            if clause_start(words, m.start) > m.start - 2:
                continue  # a subject and a verb before it: "websites load fine"
            out[at] = Mention(DOUBT, m.start, m.end)
        return out

    @staticmethod
    def _said_of_the_amount(
        words: list[str], mentions: list[Mention], amount: Mention
    ) -> list[Mention]:
        """An amount of storage with no reading (amounts: no whole said, "200 GB free") and a
        weak yes in its clause ("I have", "it is", "있어요"): the yes only carries the amount,
        no answer of its own: without it the clause says nothing sure, asked again (read as
        yes, "I have 200 GB free" was "the storage is full")."""
        clause = clause_start(words, amount.start), clause_end(words, amount.end)
        return [m for m in mentions if not (
            m.kind == "yes" and m.weak
            and clause_start(words, m.start) == clause[0] and clause_end(words, m.end) == clause[1]
        )]  # fmt: skip

    def _only_it_happens(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """Where the verb ends the clause, an answer whose last word is said with 만 (only:
        `understanding.only_marks`) right before a bare "it works" (되: "로딩만 돼요", only
        loading happens; "와이파이만 돼요"): the verb is the thing's, the thing answers, no
        yes of its own (round seventeen; 로딩만 돼요 was asked again)."""
        if not self.verb_last or not self.only_marks:
            return mentions
        drop = {
            id(m)
            for before, m in zip(mentions, mentions[1:], strict=False)
            if before.kind in ANSWERS
            and before.end == m.start
            and words[before.end - 1].endswith(self.only_marks)
            and m.kind == "yes"
            and m.end - m.start == 1
            and words[m.start] in self.only_verbs
        }
        return [m for m in mentions if id(m) not in drop] if drop else mentions

    def _weak_after_unknown(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """Where the verb ends the clause (`understanding.verb_last`), a weak yes ("있어요":
        there is, "돼 있어요": is set) right after a word not understood is said of that word
        ("충전기 있어요", "할 수 있어요"): no answer. After a negation it stays ("체크가 안 돼
        있어요" is no). (English reads the words after it.) So is a verb of
        `said_of_subject` ("전화 왔어요": a call came, not "I'm back"). A word in a place's
        ending (`place_endings`: "아이패드에 보여요") is where, not what: the verb stays."""
        if not self.verb_last:
            return mentions
        covered = {i for m in mentions for i in range(m.start, m.end)}
        return [m for m in mentions if not (
            (m.weak or self._words(words, m) in self.said_of_subject)
            and m.start > 0 and words[m.start - 1] != BREAK
            and m.start - 1 not in covered
            and not words[m.start - 1].endswith(self.place_endings))
            and not self._thing_at_a_place(words, m, covered)]  # fmt: skip

    def _thing_at_a_place(self, words: list[str], m: Mention, covered: set[int]) -> bool:
        """A weak yes ("있어요": there is) right after a place (`place_endings`: "위층에") that
        follows a thing no phrase takes in its clause ("충전기가 위층에 있어요": the charger is
        upstairs): where the thing is, no answer; asked again. Round twenty-two (heldout23:
        read yes at the charge step, where it is out of reach, no). Without the thing
        ("아이패드에 보여요") the place is where, and the verb stays."""
        at = m.start - 2
        return (
            m.weak
            and at >= clause_start(words, m.start)
            and words[m.start - 1].endswith(self.place_endings)
            and at not in covered
            and m.start - 1 not in covered
        )
