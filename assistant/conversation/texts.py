"""What the assistant says, in one language, from prompts/<lang>.yaml.

Keys are dotted paths ("dialog.greeting", "nodes.s1_apple_id.prompt"). A list value holds
alternative wordings, taken in turn so the assistant does not repeat itself word for word.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Self

from assistant.conversation.flow import ACTION, Flow
from assistant.conversation.prompt_files import PromptError, load_yaml
from assistant.paths import PROMPTS_DIR

# Keys the dialog uses directly; node and step keys come from the flow.
DIALOG_KEYS = (
    "greeting", "commands", "start_question", "resume_question", "answer_yes_no",
    "answer_done", "step_intro", "first_question", "not_yet", "declined", "nothing_changed",
    "fixed_question", "fixed_summary", "confirm", "confirm_rejected", "reprompt_first",
    "reprompt_hint", "paused", "paused_reminder", "ladder_pause", "help_question", "help_action",
    "help_commands", "where", "where_remaining.none",
    "where_remaining.one", "where_remaining.many", "where_start", "start_over", "slower",
    "faster", "louder", "quieter", "at_limit", "resolved", "resolved_by_nothing",
    "unresolved", "summary_saved", "stopped", "stopped_at_start", "spoken_summary_checked",
    "spoken_summary_changed", "spoken_summary_nothing_changed", "summary_title",
    "summary_outcome_resolved", "summary_outcome_unresolved", "summary_outcome_stopped",
    "summary_checks_heading", "summary_changes_heading", "summary_step_heading",
    "summary_answer", "summary_no_changes", "answer_words.yes", "answer_words.no",
    "answer_words.skip", "answer_words.done",
)  # fmt: skip

EVERY_TEXT_GETS = ("total",)
"""Filled into every text: the number of steps in the flow."""
PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "dialog.resume_question": ("step",),
    "dialog.step_intro": ("step", "title"),
    "dialog.confirm": ("answer",),
    "dialog.where": ("step", "title", "remaining"),
    "dialog.where_remaining.none": ("count",),
    "dialog.where_remaining.one": ("count",),
    "dialog.where_remaining.many": ("count",),
    "dialog.resolved": ("step", "title", "change"),
    "dialog.resolved_by_nothing": ("step", "title"),
    "dialog.stopped": ("step",),
    "dialog.spoken_summary_checked": ("steps",),
    "dialog.spoken_summary_changed": ("changes",),
    "dialog.summary_outcome_resolved": ("step", "title", "change"),
    "dialog.summary_outcome_stopped": ("step",),
    "dialog.summary_step_heading": ("step", "title"),
    "dialog.summary_answer": ("question", "answer"),
}
"""The values the run fills into each text besides EVERY_TEXT_GETS (none if not listed).
`check` renders every wording with exactly these, so what passes `check` can be said."""
_NUMBERS = ("step", "count", "total")


def placeholders(key: str) -> tuple[str, ...]:
    return (*EVERY_TEXT_GETS, *PLACEHOLDERS.get(key, ()))


def sample_values(key: str) -> dict[str, object]:
    """Values of the right kind for every placeholder of `key` (numbers for numbers)."""
    return {name: 3 if name in _NUMBERS else "text" for name in placeholders(key)}


def required_keys(flow: Flow) -> list[str]:
    """Every text key the dialog may need for this flow."""
    keys = [f"dialog.{k}" for k in DIALOG_KEYS]
    for step in flow.steps:
        keys += [f"steps.{step.id}.title", f"steps.{step.id}.checked"]
        for node in step.nodes:
            keys += [f"nodes.{node.id}.{k}" for k in ("prompt", "help", "summary")]
            if node.kind == ACTION:
                keys.append(f"nodes.{node.id}.change")
    return keys


def render(path: Path, key: str, wording: str, values: dict[str, object]) -> str:
    """A wording with its placeholders filled; PromptError naming file and key if it cannot be."""
    try:
        return wording.format(**values)
    except KeyError as err:
        allowed = ", ".join(f"{{{n}}}" for n in values) or "none"
        raise PromptError(path, key, f"placeholder {{{err.args[0]}}} is not filled here "
                          f"(this text can use: {allowed})") from None  # fmt: skip
    except (IndexError, ValueError, AttributeError, TypeError) as err:
        raise PromptError(path, key, f"bad placeholder: {err}") from None


def _lookup(data: Any, key: str) -> Any:
    for part in key.split("."):
        if not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data


class Texts:
    """The words of one language, checked against the flow when loaded."""

    def __init__(self, data: dict[str, Any], path: Path, flow: Flow) -> None:
        self.path = path
        self._data = data
        self._total = len(flow.steps)
        self._turns: dict[str, Iterator[str]] = {}
        for key in required_keys(flow):
            value = _lookup(data, key)
            wordings = value if isinstance(value, list) else [value]
            if not wordings or not all(isinstance(w, str) and w.strip() for w in wordings):
                raise PromptError(path, key, "missing, empty or not text")

    @classmethod
    def load(cls, flow: Flow, lang: str = "en", prompts_dir: Path = PROMPTS_DIR) -> Self:
        path = prompts_dir / f"{lang}.yaml"
        return cls(load_yaml(path), path, flow)

    def get(self, key: str, **values: object) -> str:
        """One wording of `key`, the next in turn when there are several, filled with
        `values` (exactly the names PLACEHOLDERS lists for it) and the flow's total."""
        assert set(values) == set(PLACEHOLDERS.get(key, ())), f"{key}: values {sorted(values)}"
        value = _lookup(self._data, key)
        if isinstance(value, list):
            turn = self._turns.setdefault(key, itertools.cycle(value))
            value = next(turn)
        return render(self.path, key, " ".join(str(value).split()),
                      {"total": self._total, **values})  # fmt: skip

    def has(self, key: str) -> bool:
        return _lookup(self._data, key) is not None

    def wordings(self, key: str) -> list[str]:
        """Every wording of a key as written, placeholders unfilled."""
        value = _lookup(self._data, key)
        return [str(v) for v in (value if isinstance(value, list) else [value])]

    def all_keys(self) -> set[str]:
        """Every leaf key of the file (for checking that languages match)."""
        out: set[str] = set()

        def walk(node: Any, prefix: str) -> None:
            if isinstance(node, dict):
                for k, v in node.items():
                    walk(v, f"{prefix}.{k}" if prefix else str(k))
            else:
                out.add(prefix)

        walk(self._data, "")
        return out
