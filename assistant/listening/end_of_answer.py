"""When an answer is complete: the rule behind deciding before the engine's own endpoint.

Pure logic, no engine. A heard text may be decided early when it is one allowed phrase and
nothing that could still follow would change what it means: "yes" may go on as "yes please"
(still yes), but "it is" may go on as "it is not", "definitely" as "definitely not" and
"let's start" as "let's start from scratch". What can follow is every longer allowed phrase
that starts with the text, and the language's continuation words (`listening.continuations`
in prompts/<lang>.yaml: "not", "from scratch", ...), read through the same understanding
that acts on the answer. A phrase that whatever follows replaces ("wait" in "wait, go back",
"wait, yes": a correction to the understanding) is never decided early either.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

NOT_UNDERSTOOD = ("unknown", "silence")


class EndOfAnswer:
    """The early-decision rule for one set of phrases, cached per text."""

    def __init__(
        self,
        phrases: Iterable[str],
        meaning: Callable[[str], str],
        continuations: Iterable[str] = (),
    ) -> None:
        self.phrases = list(phrases)
        self._phrase_set = set(self.phrases)
        self._meaning = meaning
        self.continuations = tuple(continuations)
        self._could_change: dict[str, bool] = {}

    def could_change(self, text: str) -> bool:
        """More words could turn text into something that means something else."""
        if text not in self._could_change:
            self._could_change[text] = self._longer_means_else(text)
        return self._could_change[text]

    def can_decide_early(self, text: str) -> bool:
        """text is a complete phrase that nothing following it could change."""
        return text in self._phrase_set and not self.could_change(text)

    def _longer_means_else(self, text: str) -> bool:
        meaning = self._meaning(text)
        prefix = text + " "
        if any(self._meaning(p) != meaning for p in self.phrases if p.startswith(prefix)):
            return True
        # A continuation counts only when it makes another answer or command ("yes not"
        # means nothing, and must not cost "yes" its early decision), and only when it is
        # not an answer or command itself ("yes" then "again" is two utterances, not one).
        others = {self._meaning(prefix + c) for c in self._continuations_alone_meaningless()}
        return bool(others - {meaning} - set(NOT_UNDERSTOOD)) or self._replaced_by_next(text)

    def _replaced_by_next(self, text: str) -> bool:
        """Any one-word phrase said after text means what it means alone, even an answer:
        text is a correction ("wait yes" is yes, "wait go back" is back), not an answer.
        ("yes" fails: "yes no" means nothing, so "yes" keeps its early decision.)"""
        meaning = self._meaning(text)
        others = [p for p in self.phrases if " " not in p and self._meaning(p) != meaning]
        return bool(others) and all(
            self._meaning(f"{text} {p}") == self._meaning(p) for p in others
        )

    def _continuations_alone_meaningless(self) -> list[str]:
        return [c for c in self.continuations if self._meaning(c) in NOT_UNDERSTOOD]
