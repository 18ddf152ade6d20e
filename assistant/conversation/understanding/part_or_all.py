"""Part or all: an answer said of some of the thing, none of it, or every option.

"Some pages load" is only part, asked again; "no pages load" says none do; "둘 다" at an
action says all of it was done.
"""

from __future__ import annotations

from assistant.conversation.interpretation import DOUBT, LIMIT, NEGATION, Mention
from assistant.conversation.normalization import clause_end, clause_start
from assistant.conversation.understanding.lexicon import Lexicon


class PartOrAll(Lexicon):
    """An answer said of part of the thing, of none of it, or of all of it."""

    def _none_of_them_do(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """A no opened by "no" that names things ("no pages", "no apps"), then right after it a
        yes that is what they do ("load", "work"): "no pages load" says none of them do, so
        the yes is the no's verb, not an answer of its own."""
        verbs = {
            id(b)
            for a, b in zip(mentions, mentions[1:], strict=False)
            if a.kind == "no" and b.kind == "yes" and b.start == a.end
            and a.end - a.start > 1 and words[a.start] == "no"
        }  # fmt: skip
        return [m for m in mentions if id(m) not in verbs] if verbs else mentions

    def _only_some(
        self, words: list[str], mentions: list[Mention], question: str | None
    ) -> list[Mention]:
        """A limit opening its clause before a yes, naming something the question does not
        ("only google loads, nothing else"): some of it, asked again. "Only Optimize is
        checked" names the question's own thing and stands."""
        own = self.by_question.get(question or "", {})
        named = {p[0] for p in own if len(p) == 1}  # "optimize", not "google" of "google page"
        doubts = []
        for m in mentions:
            if m.kind != LIMIT or clause_start(words, m.start) != m.start:
                continue
            end = clause_end(words, m.end)
            answer = next((n for n in mentions if n.kind == "yes" and m.end <= n.start < end), None)
            if answer is None:
                continue
            between = set(words[m.end : answer.start]) - named - self.noun_determiners
            denied = any(n.kind == NEGATION and m.end <= n.start < answer.start for n in mentions)
            if between and not denied:  # "only the photos app won't sync" is no
                doubts.append(Mention(DOUBT, m.start, m.start))
        return sorted([*mentions, *doubts], key=lambda x: x.start) if doubts else mentions

    def _partial_subject(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """A part opening a clause as its subject, an answer after it in the clause ("some
        pages load and some don't", "a few photos have come through"): only part, so doubt
        (two readings, asked again)."""
        doubts = []
        for m in mentions:
            if m.kind not in ("yes", "no"):
                continue
            start = clause_start(words, m.start)
            if any(
                tuple(words[start : start + len(p)]) == p and start + len(p) <= m.start
                for p in self.partial_subjects
            ):
                doubts.append(Mention(DOUBT, start, start))
        return sorted([*mentions, *doubts], key=lambda x: x.start) if doubts else mentions

    def _all_of_it_done(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """At an action, a doubt naming every option ("둘 다": both, `every_option`) says
        all of it was done ("켰어 둘 다": turned on, both), no doubt of its own."""
        every = self.every_option
        return [m for m in mentions if not (m.kind == DOUBT and self._words(words, m) in every)]
