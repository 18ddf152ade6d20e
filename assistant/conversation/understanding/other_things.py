"""Other things than the one asked about: the other option, another person's, another device.

"No wifi here" at the cellular question agrees with cellular; "his is off but mine's on"
answers with the speaker's own; "I updated my watch" is not the iPhone's update.
"""

from __future__ import annotations

from assistant.conversation.interpretation import CONTRAST, DOUBT, FILLER, NEGATION, Mention
from assistant.conversation.normalization import BREAK, clause_end, clause_start
from assistant.conversation.understanding.intents import ANSWERS
from assistant.conversation.understanding.lexicon import Lexicon


class OtherThings(Lexicon):
    """An answer said of another option, person's thing, device or question."""

    def _other_denied(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """ "No" or "not" right before the other option (a determiner between), with this one
        said ("LTE, no wifi here", "phone data, not the wifi of the hotel" at the cellular
        question): the other denied agrees with the answer. Not "No, Wi-Fi." (a
        break between) nor "no wifi" alone, as a recognizer may write "No, Wi-Fi"."""
        yes = [m for m in mentions if m.kind == "yes" and m.own and not m.weak]
        if not yes:
            return mentions
        drop = set()
        for d, n in zip(mentions, mentions[1:], strict=False):
            denial = self._words(words, d) in (("no",), ("not",))
            between = words[d.end : n.start]  # "not the wifi of the hotel": a determiner
            if denial and set(between) <= self.noun_determiners and self._plain_no(words, n):
                drop |= {id(d), id(n)}
        return [m for m in mentions if id(m) not in drop] if drop else mentions

    def _other_absent(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """The other option said to be absent ("there's no wifi here", "with no wifi around",
        "without wifi" at the cellular question): "no" after a word that makes it a
        determiner (`absence_openers`), or a word that negates what follows (`absence_words`),
        right before a no of the question's own that names something: a negation of it, as
        "not wifi". "No wifi" alone stays no: a recognizer writes "No, Wi-Fi" so."""
        out = list(mentions)
        for n in mentions:
            if not self._plain_no(words, n):
                continue
            before = n.start
            while before and words[before - 1] in self.noun_determiners:
                before -= 1  # "without the wifi"
            said = words[before - 1] if before else None
            if said in self.absence_words:
                out.append(Mention(NEGATION, before - 1, before))
            elif said == "no" and before > 1 and words[before - 2] in self.absence_openers:
                out = [Mention(NEGATION, m.start, m.end)  # as "not": no determiner's reading
                       if m.start == before - 1 and m.kind == "no" else m for m in out]  # fmt: skip
        return sorted(out, key=lambda m: m.start)

    def _signed_in_elsewhere(
        self, words: list[str], mentions: list[Mention], question: str | None
    ) -> list[Mention]:
        """Signed in said (`signed_in_states`: "I'm signed in", "logged in"), a yes of the
        grammar, at a question that is not about signing in (`signed_in_questions`): it
        answers another question ("I'm signed in." at Sync this iPhone says nothing of the
        switch): a doubt, asked again (a "yeah" before it too); with an answer after it,
        that answer stands. Without the question it reads as before."""
        if question is None or question in self.signed_in_questions:
            return mentions
        said = [m for m in mentions
                if m.kind == "yes" and self._words(words, m) in self.signed_in_states]  # fmt: skip
        if not said:
            return mentions
        other = any(m.kind in ANSWERS and m.start >= said[-1].end for m in mentions)
        kind = FILLER if other else DOUBT  # "I'm signed in and it's on": the switch's answer
        return [Mention(kind, m.start, m.end) if m in said else m for m in mentions]

    def _theirs_beside_mine(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """Another person's thing (`others_things`) and the speaker's own (`own_things`), each
        opening a part of the utterance (parts split by a break or a contrast: "His is off but
        mine's on."): the other's answers are not the speaker's, no answer (doubt); "mine"
        answers alone, and with no answer of its own is asked again (`_compared_with_mine`)."""
        if not self.others_things or not self.own_things:
            return mentions
        cuts = sorted({0, *(i + 1 for i, w in enumerate(words) if w == BREAK),
                       *(m.end for m in mentions if m.kind == CONTRAST)})  # fmt: skip
        skip = {i for m in mentions if m.kind in (CONTRAST, FILLER) for i in range(m.start, m.end)}
        parts = []
        for start, end in zip(cuts, [*cuts[1:], len(words)], strict=False):
            first = next(
                (i for i in range(start, end) if i not in skip and words[i] != BREAK), None
            )
            if first is not None:
                parts.append((words[first], start, end))
        if not any(w in self.own_things for w, _, _ in parts):
            return mentions
        theirs = [(start, end) for w, start, end in parts if w in self.others_things]
        if not theirs:
            return mentions
        return [Mention(FILLER, m.start, m.end)
                if m.kind in ANSWERS and any(s <= m.start < e for s, e in theirs) else m
                for m in mentions]  # fmt: skip

    def _compared_with_mine(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """A clause opened by the speaker's thing as a pronoun, with no answer of its own
        ("her phone says it's full, mine isn't"): said against what came before, whose
        answer was of another thing: asked again."""
        linking = {i for m in mentions if m.kind in (CONTRAST, FILLER)
                   for i in range(m.start, m.end)}  # fmt: skip  # "but mine isn't"
        opened = [i for i, w in enumerate(words) if w in self.own_things
                  and set(range(clause_start(words, i), i)) <= linking]  # fmt: skip
        doubts = [Mention(DOUBT, i, i + 1) for i in opened if not any(
            m.kind in ANSWERS and i <= m.start < clause_end(words, i) for m in mentions
        )]  # fmt: skip
        return sorted([*mentions, *doubts], key=lambda m: m.start) if doubts else mentions

    def _another_device(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """At an action, the step done to another device, named at the end of its clause
        right after the doing or after "on"/"for" (`other_devices`, `device_links`: "I
        turned it on on my iPad.", "I updated my watch.", "Plugged in my headphones."): not
        this iPhone's step; asked again. Not a device naming another thing ("I deleted the
        old iPad backup"), nor a device the iPhone is plugged into ("into my Mac")."""
        if not self.other_devices:
            return mentions
        said = {i for m in mentions for i in range(m.start, m.end)}
        doubted = set()
        for m in mentions:
            if m.kind != "yes":
                continue
            end = clause_end(words, m.end)
            for d in range(m.end, end):
                if words[d] not in self.other_devices or (d + 1 < end and words[d + 1] != BREAK):
                    continue
                link = next((i for i in range(d - 1, m.end - 1, -1)
                             if words[i] in self.device_links), m.end - 1)  # fmt: skip
                between = range(link + 1, d)
                bare = link >= m.end or all(
                    words[i] in self.noun_determiners | self.device_modifiers for i in between
                )
                if bare and len(between) <= 2 and not any(i in said for i in between):
                    doubted.add(id(m))
        if not doubted:
            return mentions
        return [Mention(DOUBT, m.start, m.end) if id(m) in doubted else m for m in mentions]
