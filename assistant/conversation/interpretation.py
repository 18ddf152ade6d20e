"""From the phrases found in an utterance to one intent: corrections, negation scope, doubt.

Pure logic on what the matcher found (understanding.py); the words themselves are the
language file's. The rules, in order:

0. "No" right before a word not understood is a determiner ("I have no clue"), a negation,
   unless that word opens a clause ("no I think ..."); before another no it is the answer
   no ("no safari is off").
1. Corrections: only what follows the last correction ("yes, sorry, I mean no" -> no). A
   correction word with nothing after it is dropped, or is its own command ("wait" -> pause).
2. Negation scope: a negation turns the next yes within a few words of the same clause into
   no ("not turned on", "I haven't signed in"), cancels a command ("don't stop"), and makes a
   following no ambiguous ("not off"); fillers do not stop it ("not so sure"), a comma
   does, and a yes right after that comma is then ambiguous ("not, um, done"). Ending its
   clause, it turns a weak yes right before it into no ("definitely not", "I am not"; but
   not "I don't see it").
3. A weak yes ("I am", "it is", "definitely") is an answer only alone in its clause: in
   "I am not sure" or "I don't have a charger" the rest of the sentence decides.
4. Doubt ("maybe", "not sure") means unknown, unless a command is given.
5. One command outranks answers said with it ("no, go back" -> back); two commands, or
   both answers, are unknown: ask again rather than guess. A one-word command counts only
   when the rest of its clause was understood too: "back" in "the router's back on" is no
   command. An answer next to a cancelled command ("no, don't stop") is unknown.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from assistant.conversation.normalization import BREAK

YES, NO = "yes", "no"
UNKNOWN = "unknown"
NEGATION = "<negation>"
CORRECTION = "<correction>"
DOUBT = "<doubt>"
FILLER = "<filler>"
CANCELLED = "<cancelled command>"
_NOT_COMMANDS = (YES, NO, NEGATION, DOUBT, FILLER, CANCELLED, CORRECTION)
NEGATION_REACH_WORDS = 3
"""How many words a negation may skip to reach what it negates ("not really all that full")."""


@dataclass(frozen=True)
class Mention:
    """One phrase found in the utterance."""

    kind: str
    """An intent, or NEGATION, CORRECTION, DOUBT, FILLER."""
    start: int
    """Index of its first token."""
    end: int
    """Index after its last token."""
    weak: bool = False
    """A yes that counts only alone in its clause ("i am", "definitely")."""
    negates: bool = False
    """A no that ends in a negation and reaches on like one ("I'm not" + "signed in")."""
    determiner: bool = False
    """A no that is a negation before a word not understood ("no clue", "no tick")."""
    fallback: str | None = None
    """For a correction or negation word: its meaning when nothing follows ("wait" -> pause)."""
    trailing: bool = False
    """A negation said after what it negates (Korean "켜져 있지 않아요": on + not)."""


def interpret(
    tokens: list[str], mentions: list[Mention], clause_openers: frozenset[str] = frozenset()
) -> str:
    """The intent of an utterance, from its tokens and the phrases found, in order.

    clause_openers: words that start a clause, so "no" before them is the answer.
    """
    covered = {i for m in mentions for i in range(m.start, m.end)}
    mentions = [_as_determiner(tokens, m, covered, clause_openers) for m in mentions]
    mentions = _after_last_correction(mentions)
    mentions, ambiguous = _apply_negations(tokens, mentions, covered)
    commands = {m.kind for m in mentions if m.kind not in _NOT_COMMANDS
                and (m.end - m.start > 1 or _clause_covered(tokens, m, covered))}  # fmt: skip
    if len(commands) == 1:
        return commands.pop()
    answers = [m for m in mentions if m.kind in (YES, NO)]
    cancelled = any(m.kind == CANCELLED for m in mentions)  # "no, don't stop"
    if commands or ambiguous or (cancelled and answers) or any(m.kind == DOUBT for m in mentions):
        return UNKNOWN
    strong = {m.kind for m in answers if not m.weak}
    if len(strong) == 1:
        return strong.pop()
    if not strong and any(m.weak and _alone_in_clause(tokens, m, covered) for m in answers):
        return YES
    return UNKNOWN


def _as_determiner(
    tokens: list[str], mention: Mention, covered: set[int], clause_openers: frozenset[str]
) -> Mention:
    """ "no clue": a negation of the word after it, not the answer no."""
    after = mention.end
    if not mention.determiner or after >= len(tokens) or after in covered:
        return mention
    if tokens[after] == BREAK or tokens[after] in clause_openers:
        return mention
    return replace(mention, kind=NEGATION)


def _after_last_correction(mentions: list[Mention]) -> list[Mention]:
    """What follows the last correction that something follows."""
    mentions = list(mentions)
    while True:  # "yes, sorry" / "can you wait, please"
        last = next((m for m in reversed(mentions) if m.kind != FILLER), None)
        if last is None or last.kind != CORRECTION:
            break
        mentions.remove(last)
        if last.fallback:
            return [*mentions, replace(last, kind=last.fallback, fallback=None)]
    for index in range(len(mentions) - 1, -1, -1):
        if mentions[index].kind == CORRECTION:
            return [m for m in mentions[index + 1 :] if m.kind != CORRECTION]
    return mentions


def _apply_negations(
    tokens: list[str], mentions: list[Mention], covered: set[int]
) -> tuple[list[Mention], bool]:
    """Mentions with negated yeses turned into no and negated commands dropped."""
    out = list(mentions)
    ambiguous = False
    for index, negation in enumerate(mentions):
        if negation.kind != NEGATION and not negation.negates:
            continue
        # What it negates: the next phrase but fillers ("not so sure", "not, um, done"), or
        # for a trailing negation the one before it.
        order = range(index - 1, -1, -1) if negation.trailing else range(index + 1, len(mentions))
        at = next((i for i in order if mentions[i].kind != FILLER), None)
        target = mentions[at] if at is not None else None
        between = (
            (target.end, negation.start) if negation.trailing else (negation.end, target.start)
        ) if target else (0, 0)  # fmt: skip
        if at is not None and target and _within_reach(tokens, *between):
            if target.kind == YES:
                out[at] = replace(target, kind=NO, weak=False)
            elif target.kind == NO and negation.determiner:
                out[index] = replace(negation, kind=NO)  # "no the switch is off": agreeing
            elif target.kind == NO:
                ambiguous = True  # "not off": a double negative is not worth a guess
            elif target.kind not in _NOT_COMMANDS:
                out[at] = replace(target, kind=CANCELLED)  # "don't stop"
            continue
        if (
            target
            and target.kind == YES
            and _within_reach(tokens, negation.end, target.start, True)
        ):
            ambiguous = True  # "not, um, done": a pause, then a yes the negation may be about
            continue
        if negation.negates or not _alone_in_clause(tokens, negation, covered):
            continue
        before = out[index - 1] if index else None
        if before and before.kind == YES and before.weak and before.end == negation.start:
            out[index - 1] = replace(before, kind=NO, weak=False)
        elif negation.fallback:
            out[index] = replace(negation, kind=negation.fallback, fallback=None)  # "nothing."
    return out, ambiguous


def _within_reach(tokens: list[str], start: int, end: int, across_breaks: bool = False) -> bool:
    between = [t for t in tokens[start:end] if not (across_breaks and t == BREAK)]
    return BREAK not in between and len(between) <= NEGATION_REACH_WORDS


def _alone_in_clause(tokens: list[str], mention: Mention, covered: set[int]) -> bool:
    """True when no word outside the phrases found follows the mention in its clause."""
    for index in range(mention.end, len(tokens)):
        if tokens[index] == BREAK:
            return True
        if index not in covered:
            return False
    return True


def _clause_covered(tokens: list[str], mention: Mention, covered: set[int]) -> bool:
    """True when every word of the mention's clause was understood: a one-word command in
    a sentence ("back" in "the router is back on", "next" in "a tick next to it") is not one.
    """
    start = mention.start
    while start > 0 and tokens[start - 1] != BREAK:
        start -= 1
    if any(i not in covered for i in range(start, mention.start)):
        return False
    return _alone_in_clause(tokens, mention, covered)
