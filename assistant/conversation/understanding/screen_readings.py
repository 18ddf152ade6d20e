"""Screen readings: labels, marks and states of the question's options, as read from the screen.

"There's a check mark next to Download", "Optimize, not selected", 'a button that says
"Skip"': the words are what the screen shows, and whose they are decides the answer.
"""

from __future__ import annotations

from assistant.conversation.interpretation import DOUBT, NARRATION, NEGATION, QUESTION, Mention
from assistant.conversation.normalization import BREAK, clause_end, clause_start
from assistant.conversation.understanding.intents import ANSWERS, INTENTS
from assistant.conversation.understanding.lexicon import Lexicon, _cancelled


class ScreenReadings(Lexicon):
    """What the screen shows read out: labels, marks and states of its options."""

    def _negated_mark(self, words: list[str], m: Mention) -> bool:
        """A no of the question's own that is a mark denied ("no check mark", "not selected",
        "there is no tick": the mark is what ends it)."""
        negating = self.negation_words | {"no"}
        rest = tuple(w for w in self._words(words, m) if w not in negating)
        ends_in_mark = any(rest[i:] in self.marks for i in range(len(rest)))
        return m.kind == "no" and m.own and len(rest) < m.end - m.start and ends_in_mark

    def _marked_other(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """A state that belongs to the option named with it (`understanding.marks`: "check
        mark", "it's on", "signed in"), said in one clause with another option of the
        question's own ("there's a check mark next to Download and Keep Originals", "the other
        option has the check mark", "I'm signed in as my husband"): that option's state, so
        the other option is the answer, no. Not with a negation in the clause."""
        drop = set()
        doubts = []
        for m in mentions:
            if self._negated_mark(words, m):
                start, end = clause_start(words, m.start), clause_end(words, m.end)
                inside = [n for n in mentions if start <= n.start < end and n is not m]
                if any(self._plain_no(words, n) for n in inside):
                    # "there's no check mark on the other one": which is not marked? Asked again.
                    doubts.append(Mention(DOUBT, m.start, m.start))
                else:  # "no tick next to optimize": this option named, its mark denied
                    drop |= {
                        id(n)
                        for n in inside
                        if n.kind == "yes"
                        and n.own
                        and n.start >= m.end
                        and self._words(words, n) not in self.marks
                    }
                continue
            if m.kind != "yes" or self._words(words, m) not in self.marks:
                continue
            start, end = clause_start(words, m.start), clause_end(words, m.end)
            inside = [n for n in mentions if start <= n.start < end and n is not m]
            if any(n.kind == NEGATION for n in inside):
                continue
            if any(self._plain_no(words, n) for n in inside):
                drop.add(id(m))
        kept = [m for m in mentions if id(m) not in drop]
        return sorted([*kept, *doubts], key=lambda m: m.start) if doubts else kept

    def _marked_unnamed(
        self, words: list[str], mentions: list[Mention], said: set[int], named: frozenset[str]
    ) -> list[Mention]:
        """An option's mark (`understanding.option_marks`: selected, checked) after a copula,
        said of a subject no phrase covers and the question does not name ("the top one is
        selected", "download and keep is checked"): which option is that? Two readings,
        asked again. A pronoun ("it is selected") or an option named ("optimize is ticked")
        is read as before."""
        bare = self.copulas | self.pronouns | self.option_marks
        doubts = []
        for m in mentions:
            last = m.end - 1
            if (
                m.kind not in ("yes", "no")
                or words[last] not in self.option_marks
                or not set(self._words(words, m)) <= bare
                or last == 0
                or words[last - 1] not in self.copulas
            ):
                continue
            subject = [i for i in range(clause_start(words, m.start), m.start)
                       if words[i] not in self.noun_determiners]  # fmt: skip
            if subject and not (subject[0] in said or words[subject[0]] in self.pronouns | named):
                doubts.append(Mention(DOUBT, m.start, m.start))
        return sorted([*mentions, *doubts], key=lambda x: x.start) if doubts else mentions

    def _label_then_state(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """An option's name alone in its clause, then its state in the next ("Optimize iPhone
        Storage, not selected."): a label, as read from the screen; the state decides. So does
        the name as the subject of its state ("Optimise isn't ticked")."""
        for index, m in enumerate(mentions[:-1]):
            if self._words(words, m) not in self.option_names:
                continue
            if clause_start(words, m.start) != m.start:
                continue
            if m.end < len(words) and words[m.end] in self.copulas:
                said = [n for n in mentions[index + 1 :] if n.start < clause_end(words, m.end)]
                if any(n.kind in ("yes", "no") for n in said):  # the name, then "is" + state
                    return [n for n in mentions if n is not m
                            and not (n.kind == QUESTION and n.start == m.end)]  # fmt: skip
            after = mentions[index + 1]
            if after.kind not in ("yes", "no"):
                continue
            if clause_end(words, m.end) == m.end and clause_start(words, after.start) > m.start:
                return [n for n in mentions if n is not m]  # "Optimize ..., not selected."
            if after.start == m.end and clause_end(words, after.end) == after.end:
                return [n for n in mentions if n is not m]  # "upd avail n"
        return mentions

    def _screen_labels(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """A command that the screen shows, in its report's clause or in the quotes right after
        it ("there's a button that says skip", 'it says "Resume" on the button', 'it shows
        "Cancel" and "OK"'): a label read out, not a command given. Answers stay: what the
        screen shows of a state answers ('it says "On"'). Labels joined by `label_joiners`
        ('saying "Cancel" or "Continue"') are all shown; a navigation button's answer word
        shown with a place after it (`navigation_buttons`, `button_places`: 'it says "Done" at
        the top') is the button, asked again (the lead's decision after round twenty); and a
        command right after a verb of
        pressing (`pressing_verbs`: 'I pressed "Back" by mistake') is the button pressed (an
        answer pressed stays: 'I pressed "Not Now"' is no at the install)."""
        reach = []
        for m in mentions:
            if m.kind != NARRATION or self._words(words, m)[-1:] not in self.screen_reports:
                continue
            end = clause_end(words, m.end)
            end = clause_end(words, end + 1) if end == m.end else end
            while (nxt := clause_end(words, end + 1)) > end + 1 and tuple(
                words[end + 1 : nxt]
            ) in self.label_joiners:  # 'saying "Cancel" or "Continue"': the next label too
                end = clause_end(words, nxt + 1)
            reach.append((m.end, end))

        def shown(m: Mention) -> bool:
            return any(start <= m.start < end for start, end in reach)

        def pressed(m: Mention) -> bool:  # 'I pressed "Back"': the button, pressed on the phone
            before = [w for w in words[: m.start] if w != BREAK][-1:]
            return shown(m) or (bool(before) and before[0] in self.pressing_verbs)

        def offered(m: Mention) -> bool:  # 'the popup says "Not Now"'
            return m.kind in ANSWERS and self._words(words, m) in self.screen_replies

        def placed(m: Mention) -> bool:  # 'it says "Done" at the top': the button there
            after = [w for w in words[m.end :] if w != BREAK]
            return (m.kind in ANSWERS and self._words(words, m) in self.navigation_buttons
                    and any(tuple(after[: len(p)]) == p for p in self.button_places))  # fmt: skip

        mentions = [Mention(DOUBT, m.start, m.end) if (offered(m) or placed(m)) and shown(m)
                    else m for m in mentions]  # fmt: skip
        return _cancelled(mentions, pressed)

    def _a_label(self, words: list[str], mention: Mention) -> bool:
        """A command's words right before a word naming a control (`control_words`: "다시
        시작 버튼", "뒤로 가기 버튼", "the back button"): the control's label, said of it, no
        command; so is a reply a screen offers ('a "Not Now" button': `screen_replies`), and
        any answer word not the question's own ('a "Done" button'). The question's own phrase
        says what is there ("there's a Download and Install button": an update)."""
        offered = self._words(words, mention) in self.screen_replies
        after = [w for w in words[mention.end : mention.end + 2] if w != BREAK]  # a quote's end
        return (
            bool(self.control_words)
            and mention.kind in INTENTS
            and (mention.kind not in ANSWERS or offered or not mention.own)
            and after != []
            and after[0].startswith(tuple(self.control_words))  # 메뉴만
        )

    def _a_state(self, words: list[str], mention: Mention) -> bool:
        """A command's words right after "is", "are" ("the router is back up", "it's on
        hold") say how something is, not what to do: for the commands whose words also
        name a state (`understanding.stative_commands`; not "you're too fast")."""
        return (
            mention.kind in self.stative
            and mention.start > 0
            and words[mention.start - 1] in self.copulas
        )

    def _a_place(self, words: list[str], mention: Mention, said: set[int]) -> bool:
        """A state's word that is also a preposition, after a copula, then a determiner and a
        thing not understood ("it's on the progress bar", "it's on the settings page"): where
        something is, not how the switch is (`understanding.place_words`). A thing understood
        stays the answer's ("it's on the other one", "on the home screen")."""
        last = mention.end - 1
        after = mention.end
        if self._in_the_subject(words, mention, said):
            return True
        return (
            mention.kind in ("yes", "no")
            and words[last] in self.place_words
            and last > 0
            and words[last - 1] in self.copulas
            and after + 1 < len(words)
            and words[after] in self.noun_determiners
            and words[after + 1] != BREAK
            and after + 1 not in said
        )  # fmt: skip

    def _in_the_subject(self, words: list[str], mention: Mention, said: set[int]) -> bool:
        """A place word alone between two things not understood, then a copula opening the
        state said of them ("Mobile data on Photos is off"), or between a thing understood
        and "it" ending the clause ("the apple logo on it"): a preposition, not the switch's
        state. Not after a pronoun or a copula ("it on", "is on")."""
        at = mention.start
        if mention.kind not in ("yes", "no") or mention.end - at != 1:
            return False
        if words[at] not in self.place_words or at == 0:
            return False
        if words[at - 1] in self.pronouns | self.copulas or words[at - 1] == BREAK:
            return False
        if at - 1 in said and words[at + 1 : at + 3] in (["it"], ["it", BREAK]):
            return True  # "it's still got the apple logo on it": where the logo is
        if at - 1 in said:
            return False
        for gap in (1, 2):
            verb = at + 1 + gap
            things = range(at + 1, verb)
            if (
                verb < len(words)
                and words[verb] in self.copulas
                and not any(i in said or words[i] == BREAK for i in things)
            ):
                return verb in said
        return False
