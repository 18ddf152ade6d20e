"""A share said in numbers as an answer: "4.9 of 5 GB used", "98%", "3 GB of 200" at "Is the
storage bar nearly full?".

The words are the language file's (`understanding.amounts`): where numbers answer; the words
for "percent", "of", "free", the units of storage, numbers and parts in words ("ninety eight
percent", "a quarter full", as a recognizer writes them), bounds ("more than half"); and from
which share used the answer is yes, up to which it is no. In between ("75% used") both
readings are possible, so it is doubt: asked again. The answer found replaces the phrases
said inside the amount ("full" in "a quarter full" is no yes of its own).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from assistant.conversation.interpretation import DOUBT, FILLER, NO, YES, Mention
from assistant.conversation.normalization import BREAK

_NUMBER = re.compile(r"(\d+(?:\.\d+)?)([^\W\d_]*)")
"""A number, and a unit written onto it ("50gb")."""
_WORDS_BETWEEN = 4
"""Words allowed between the two numbers of "4.9 GB of 5 GB", "2 GB used out of 200"."""
_FREE_AFTER = 3
"""How far after the amount a word for "free" still says what the share is of."""
_FREE_BEFORE = 4
"""How far before the amount a word for "free" still says what it is of ("남은 저장 공간
2퍼센트": left, storage space, 2 percent)."""
_FEW = 0.05
"""The share a small amount said in words stands for ("hardly any left": 5% free)."""


@dataclass(frozen=True)
class Amounts:
    """How shares of storage are read, in one language."""

    questions: frozenset[str] = frozenset()
    """Question ids where a share said in numbers answers."""
    percent: frozenset[str] = frozenset()
    of: frozenset[str] = frozenset()
    free: frozenset[str] = frozenset()
    """Words saying the share is what is left ("20% free"), not what is used."""
    units: frozenset[str] = frozenset()
    """Units of storage: "3 of 7" is a share of storage only with one ("3 GB of 7")."""
    number_words: Mapping[str, float] = field(default_factory=dict)
    """Numbers in words, as a recognizer writes them ("ninety eight percent"): word -> value;
    a value of 100 multiplies ("two hundred")."""
    point: frozenset[str] = frozenset()
    """The decimal point in words ("four point nine")."""
    one: frozenset[str] = frozenset()
    """The article counting one of a part ("a quarter")."""
    fractions: Mapping[str, float] = field(default_factory=dict)
    """Parts in words: "a quarter" full, "three quarters" full."""
    filled: frozenset[str] = frozenset()
    """Words after an amount that say it is what is used ("a quarter full", "98% used")."""
    at_least: frozenset[str] = frozenset()
    at_most: frozenset[str] = frozenset()
    """Words before an amount that make it a bound: "more than half" says nothing for sure,
    "less than half" still says not full ("than" after them is skipped)."""
    yes_from: float = 0.9
    no_up_to: float = 0.6
    progress: frozenset[str] = frozenset()
    """Words after a percentage that say how far something is done, at any question: "40%
    done" is not done yet, "100% complete" is done."""
    progress_at: frozenset[str] = frozenset()
    """Words before a percentage that say how far along it is ("it's at 60 percent")."""
    about: frozenset[str] = frozenset()
    """Words that only make a number rough ("at about 60 percent")."""
    levels: frozenset[str] = frozenset()
    """What a percentage after "at" may be the level of rather than the step's progress
    ("battery at 62 percent")."""
    actions: frozenset[str] = frozenset()
    """Ids of the actions (flow.yaml), where something is under way: only there does "it's
    at 60 percent" say how far along it is."""
    level_questions: frozenset[str] = frozenset()
    """Ids of the actions where a percentage is a level, never how far the step is: at the
    charging step "I'm at 90 percent" is the battery, not a step 90% done (not yet)."""
    of_whole_first: frozenset[str] = frozenset()
    """Words after the whole, before the part ("5기가 중에 4.9기가": of 5 GB, 4.9), where a
    language says the whole first; `of` is between the part and the whole ("4.9 of 5")."""
    few: tuple[tuple[str, ...], ...] = ()
    """Small amounts in words, longest first ("hardly any", "not much"): a share like a few
    percent, of what is left when a word for "free" follows ("hardly any space left" is
    nearly full), else of what is used ("not much used")."""
    syllable_numbers: Mapping[str, float] = field(default_factory=dict)
    """Numbers written as one word of syllables (Korean "구십오", "오십": 95, 50): each
    syllable's value; a value of 10 or more multiplies the digit before it ("오십" = 5 x 10).
    A word of one digit alone ("이", "오") is no number, except a fraction's part."""
    fraction_of: tuple[str, ...] = ()
    """The ending of a fraction's whole, said first ("사분의 일": of four, one = a quarter)."""
    bounds_after: Mapping[str, str] = field(default_factory=dict)
    """Words after an amount that make it a bound ("절반 넘게": more than half), as
    "at_least" or "at_most", where a language says the bound after the number."""
    unit_particles: tuple[str, ...] = ()
    """Particles a language writes onto a unit ("2기가나 남았어요": as much as 2 GB), longest
    first."""
    many: tuple[tuple[str, ...], ...] = ()
    """Large amounts in words, longest first ("a fair bit", "quite a lot"): with a word for
    "free" after them, not full ("quite a lot free"); of what is used, they say nothing sure."""

    def mention(self, tokens: list[str], question: str | None) -> Mention | None:
        """The answer a share of storage said in these tokens gives, covering its words."""
        if question not in self.questions:
            return None
        said, spans = self._in_digits(tokens)
        found = self._share(said)
        if found is None:
            return None
        return replace(found, start=spans[found.start][0], end=spans[found.end - 1][1])

    def progress_mention(self, tokens: list[str], question: str | None) -> Mention | None:
        """ "It's 40% done": no (not yet) below 100%, yes at 100%, where no share of storage
        is asked."""
        if question in self.questions or not self.progress:
            return None
        said, spans = self._in_digits(tokens)
        for at in range(len(said) - 2):
            number = _NUMBER.fullmatch(said[at])
            if number and said[at + 1] in self.percent and said[at + 2] in self.progress:
                kind = YES if float(number.group(1)) >= 100 else NO
                return Mention(kind, spans[at][0], spans[at + 2][1])
        under_way = question in self.actions and question not in self.level_questions
        ongoing = range(1, len(said) - 1) if under_way else range(0)
        for at in ongoing:  # "it's at (about) 60 percent", at an action
            number = _NUMBER.fullmatch(said[at])
            if not (number and said[at + 1] in self.percent):
                continue
            before = at - 1
            while before > 0 and said[before] in self.about:
                before -= 1
            if said[before] in self.progress_at and not (
                before > 0 and said[before - 1] in self.levels
            ):  # "battery at 62 percent" is the charge, not how far the step is
                kind = YES if float(number.group(1)) >= 100 else NO
                return Mention(kind, spans[before][0], spans[at + 1][1])
        return None

    def _in_digits(self, tokens: list[str]) -> tuple[list[str], list[tuple[int, int]]]:
        """The tokens with numbers in words written in digits, and the span each came from."""
        said: list[str] = []
        spans: list[tuple[int, int]] = []
        at = 0
        while at < len(tokens):
            end, whole, decimals = at, 0.0, ""
            while end < len(tokens) and tokens[end] in self.number_words:
                value = self.number_words[tokens[end]]
                whole = (whole or 1) * value if value == 100 else whole + value
                end += 1
            if end > at and tokens[end : end + 1] and tokens[end] in self.point:
                digits = end + 1  # "four point nine": each word after the point one digit
                while digits < len(tokens) and self.number_words.get(tokens[digits], 10) < 10:
                    decimals += str(int(self.number_words[tokens[digits]]))
                    digits += 1
                end = digits if decimals else end
            if end == at and (read := self._syllables_read(tokens, at)):
                said += read[0]
                spans += [(at, at + read[1])] * len(read[0])
                at += read[1]
                continue
            if end == at:
                said.append(tokens[at])
                spans.append((at, at + 1))
                at += 1
                continue
            said.append(f"{int(whole)}.{decimals}" if decimals else str(int(whole)))
            spans.append((at, end))
            at = end
        return said, spans

    def _syllables_read(self, tokens: list[str], at: int) -> tuple[list[str], int] | None:
        """A number written in syllables ("구십오"), a percentage written onto its number
        ("30퍼센트"), or a fraction whole first ("사분의 일"), as digits and a percent word;
        with how many tokens it took. None when the token is none of these."""
        percent = min(self.percent) if self.percent else ""
        token = tokens[at]
        number = _NUMBER.fullmatch(token)
        glued = number.group(2) if number else ""
        for particle in self.unit_particles:  # "99퍼센트예요": the copula written on
            if glued.endswith(particle) and glued[: -len(particle)] in self.percent:
                glued = glued[: -len(particle)]
                break
        if number and glued in self.percent and glued:
            return [number.group(1), glued], 1  # "30퍼센트": 30 percent
        if not self.syllable_numbers:
            return None
        taken = 1
        if at + 1 < len(tokens) and tokens[at + 1] in self.fraction_of:
            token, taken = token + tokens[at + 1], 2  # "오 분의", as read apart
        whole_of = next((e for e in self.fraction_of if token.endswith(e)), None)
        whole = self._syllable_number(token[: -len(whole_of)], True) if whole_of else None
        part_at = at + taken
        part, about = self._roughly(tokens[part_at] if part_at < len(tokens) else "")
        value = self._syllable_number(part, True)
        if whole and value is not None and percent:
            share = [f"{100 * value / whole:g}", percent, *about]  # "사분의 일": 25 percent
            return share, taken + 1
        if taken > 1:
            return None
        part, about = self._roughly(token)
        if part in self.fractions and about:
            return [part, *about], 1  # "절반쯤"
        value = self._syllable_number(part, False)
        return ([f"{value:g}", *about], 1) if value is not None else None

    def _roughly(self, word: str) -> tuple[str, list[str]]:
        """A word with a word of `about` written onto it ("일쯤", "절반쯤"): the word, and the
        word of `about` apart; else the word as it is."""
        rough = next((a for a in self.about if len(word) > len(a) and word.endswith(a)), None)
        return (word[: -len(rough)], [rough]) if rough else (word, [])

    def _syllable_number(self, word: str, alone: bool) -> float | None:
        """The value of a number written in syllables; a lone digit only when `alone`."""
        if not word or any(c not in self.syllable_numbers for c in word):
            return None
        if len(word) == 1 and self.syllable_numbers[word] < 10 and not alone:
            return None  # "이", "오": a word of their own more often than a number
        total, digit = 0.0, 0.0
        for c in word:
            value = self.syllable_numbers[c]
            if value >= 10:
                total += (digit or 1) * value
                digit = 0.0
            else:
                digit = value
        return total + digit

    def _share(self, tokens: list[str]) -> Mention | None:
        numbers = [(i, float(m.group(1))) for i, t in enumerate(tokens)
                   if (m := _NUMBER.fullmatch(t))]  # fmt: skip
        for (first, part), (second, whole) in zip(numbers, numbers[1:], strict=False):
            between = tokens[first + 1 : second]
            whole_first = bool(self.of_whole_first & set(between))
            if whole_first:
                part, whole = whole, part  # "5기가 중에 4.9기가"
            if (
                len(between) <= _WORDS_BETWEEN
                and BREAK not in between
                and (whole_first or self.of & set(between))
            ):
                # Its unit, if said after it ("of 5 GB"); not any word ("of 5 but only ...").
                end = second + 1 + (second + 1 < len(tokens) and tokens[second + 1] in self.units)
                said = {*tokens[first:end], *(self._glued_unit(tokens[i]) for i in (first, second))}
                if not self.units & said:
                    continue  # "step 3 of 7": no storage
                return self._answer(tokens, first, end, part / whole if whole else None)
        for at, value in numbers:
            if at + 1 < len(tokens) and tokens[at + 1] in self.percent:
                return self._answer(tokens, at, at + 2, value / 100)
        for at, value in numbers:  # an amount with no whole: "0 bytes left", "2 GB left"
            unit = self._glued_unit(tokens[at]) or "".join(tokens[at + 1 : at + 2])
            if unit in self.units:
                end = at + 1 if self._glued_unit(tokens[at]) else at + 2
                return self._no_whole(tokens, at, end, value)
            if value == 0 and self._glued_unit(tokens[at]) in ("", *self.unit_particles):
                zero = self._no_whole(tokens, at, at + 1, value)  # "남은 용량이 0이래요"
                if zero.kind != FILLER:
                    return zero
        for at, token in enumerate(tokens):
            if token in self.fractions:  # "a quarter full", "three quarters", "half empty"
                counted = at > 0 and _NUMBER.fullmatch(tokens[at - 1])
                times = float(tokens[at - 1]) if counted else 1.0
                start = at - 1 if counted or (at > 0 and tokens[at - 1] in self.one) else at
                return self._answer(tokens, start, at + 1, times * self.fractions[token])
        for at in range(len(tokens)):
            for phrase in self.few:  # "hardly any space left", "not much used"
                if tuple(tokens[at : at + len(phrase)]) == phrase:
                    return self._answer(tokens, at, at + len(phrase), _FEW)
        for at in range(len(tokens)):
            for phrase in self.many:  # "a fair bit free"
                end = at + len(phrase)
                if tuple(tokens[at:end]) == phrase and self.free & set(self._after(tokens, end)):
                    return Mention(NO, at, end)
        return None

    @staticmethod
    def _after(tokens: list[str], end: int) -> list[str]:
        """The words right after an amount, up to the clause's end, that may say what it is
        of ("5 GB free", "a fair bit of room left")."""
        after = tokens[end : end + _FREE_AFTER]
        return after[: after.index(BREAK)] if BREAK in after else after

    def _no_whole(self, tokens: list[str], start: int, end: int, value: float) -> Mention:
        """An amount of storage with no whole said: zero is a share, full when it is what is
        left ("0 bytes left", "남은 용량 0바이트"), empty when used ("0 GB used"); any other
        amount ("2 GB left": of 5 or of 200?) is no share: no reading, the words around it
        answer ("200 GB, plenty of room"), and not its own "left" ("room left": no)."""
        near = {*self._before(tokens, start), *self._after(tokens, end)}
        if value == 0 and (self.free | self.filled) & near:
            return self._answer(tokens, start, end, 0.0)  # the free words flip it: full
        said = end
        while said < len(tokens) and (
            tokens[said] in self.about or self.bounds_after.get(tokens[said]) == "at_least"
        ):  # "1기가 정도 남았어요", "10기가 넘게 남았어요"; not "안" (3기가밖에 안 남았어요)
            said += 1
        if said < len(tokens) and tokens[said] in self.free | self.filled:
            end = said + 1  # "2기가 남았어요": "left" is the amount's
        return Mention(FILLER, start, end)

    @staticmethod
    def _before(tokens: list[str], start: int) -> list[str]:
        """The words right before an amount, in its clause ("남은 용량 0바이트": what is left)."""
        before = tokens[max(0, start - _FREE_BEFORE) : start]
        return before[before.index(BREAK) + 1 :] if BREAK in before else before

    def _glued_unit(self, token: str) -> str:
        """ "50gb" -> "gb"; with a particle written on ("2기가나", "1기가도"), the unit alone."""
        found = _NUMBER.fullmatch(token)
        if not found:
            return ""
        glued = found.group(2)
        for particle in self.unit_particles:
            if glued.endswith(particle) and glued[: -len(particle)] in self.units:
                return glued[: -len(particle)]
        return glued

    def _answer(self, tokens: list[str], start: int, end: int, share: float | None) -> Mention:
        bounded = ""
        while end < len(tokens) and tokens[end] in self.about and self.bounds_after:
            end += 1  # "사분의 일 정도 찼어요": about a quarter (a language of bounds after)
        if end < len(tokens) and tokens[end] in self.bounds_after:
            bounded = self.bounds_after[tokens[end]]  # "절반 넘게": more than half
            end += 1
        if end < len(tokens) and tokens[end] in self.filled:
            end += 1  # "a quarter full": "full" is the share's, not a yes of its own
        if share is not None and bounded == "at_least" and share < self.yes_from:
            share = None  # "절반 넘게": at least a share that is not full
        if share is not None and bounded == "at_most" and share > self.no_up_to:
            share = None
        bound = tokens[max(0, start - 2) : start]
        if share is not None and self.at_least & set(bound) and share < self.yes_from:
            share = None  # "more than half": at least a share that is not full
        if share is not None and self.at_most & set(bound) and share > self.no_up_to:
            share = None  # "under 95%": at most a share that may be full
        before = self._before(tokens, start)
        around = {*before, *tokens[start:end], *self._after(tokens, end)}
        if share is not None and self.free & around:  # "5 GB free of 50", "남은 공간 10%"
            share = 1 - share
        if self.free & set(before):  # "남은 공간 10%": "left" is the share's
            start -= len(before) - next(i for i, w in enumerate(before) if w in self.free)
        if end < len(tokens) and tokens[end] in self.free:
            end += 1  # "10% 남았어요": "left" is the share's, not a "room left" no of its own
        if share is None or not 0 <= share <= 1:
            kind = DOUBT
        elif share >= self.yes_from:
            kind = YES
        elif share <= self.no_up_to:
            kind = NO
        else:
            kind = DOUBT  # "75% used": nearly full to some, not to others
        return Mention(kind, start, end)
