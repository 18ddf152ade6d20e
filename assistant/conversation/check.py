"""`python -m assistant check`: validate the prompt files of a directory.

The flow must load (targets exist, nodes reachable, every path ends); every language file
must have every key the flow needs, the same keys as every other language, a vocabulary
for every intent, and every wording must render with the values the run fills into it.
"""

from __future__ import annotations

import re
from pathlib import Path

from assistant.conversation.flow import Flow
from assistant.conversation.prompt_files import PromptError, load_yaml
from assistant.conversation.texts import Texts, render, sample_values
from assistant.conversation.understanding import (
    FIXED_QUESTION,
    LANGUAGE_DATA_SECTIONS,
    START_QUESTION,
    Vocabulary,
)
from assistant.conversation.wording import missing_wordings

LANGUAGE_FILE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?\.yaml$")
"""en.yaml, pt-BR.yaml: language files (flow.yaml and other data files are not)."""


def language_files(prompts_dir: Path) -> list[Path]:
    return sorted(p for p in prompts_dir.glob("*.yaml") if LANGUAGE_FILE.match(p.name))


def check_prompts(prompts_dir: Path) -> tuple[list[str], str]:
    """(problems, one-line summary); no problems means valid."""
    try:
        flow = Flow.load(prompts_dir)
    except PromptError as err:
        return [str(err)], ""
    langs = language_files(prompts_dir)
    if not langs:
        return [f"{prompts_dir}: no language file (like en.yaml)"], ""
    problems: list[str] = []
    loaded: dict[Path, Texts] = {}
    for path in langs:
        try:
            loaded[path] = Texts.load(flow, path.stem, prompts_dir)
            vocab = Vocabulary.load(path.stem, prompts_dir)
        except PromptError as err:
            problems.append(str(err))
            continue
        problems += _bad_placeholders(path, loaded[path])
        problems += missing_wordings(flow, loaded[path])
        problems += _unknown_questions(path, flow, set(vocab.by_question))
    problems += _mismatched_keys(loaded)
    nodes = sum(len(s.nodes) for s in flow.steps)
    summary = (f"OK: {flow.path.name} ({len(flow.steps)} steps, {nodes} questions and actions); "
               + ", ".join(p.name for p in langs))  # fmt: skip
    return problems, summary


_QUESTION_SECTIONS = ("answers_by_question", "phrasings_by_question")
"""Sections of a language file keyed by question id."""


def _unknown_questions(path: Path, flow: Flow, read: set[str]) -> list[str]:
    """A question id that is not a question of the flow, named under the section it is in."""
    questions = {START_QUESTION, FIXED_QUESTION, *flow.node_ids}
    if read <= questions:
        return []
    data = load_yaml(path)
    return [f"{path}: {section}.{q}: not a question of {flow.path.name}"
            for section in _QUESTION_SECTIONS
            if isinstance(data.get(section), dict)
            for q in sorted(set(map(str, data[section])) - questions)]  # fmt: skip


def _bad_placeholders(path: Path, texts: Texts) -> list[str]:
    """Every wording rendered as the run fills it: what passes here can be said."""
    problems = []
    for key in sorted(texts.all_keys()):
        if _is_language_data(key):
            continue
        for wording in texts.wordings(key):
            try:
                render(path, key, wording, sample_values(key))
            except PromptError as err:
                problems.append(str(err))
                break
    return problems


# Language data rather than texts: each language has its own, not a translation of another's
# (`listening`: the recognizer's extra words, from the listening side).
_LANGUAGE_DATA = (*LANGUAGE_DATA_SECTIONS, "listening")


def _is_language_data(key: str) -> bool:
    return key.split(".", 1)[0] in _LANGUAGE_DATA


def _mismatched_keys(loaded: dict[Path, Texts]) -> list[str]:
    every = set().union(*(t.all_keys() for t in loaded.values())) if loaded else set()
    return [
        f"{path}: {key}: missing (another language has it)"
        for path, texts in loaded.items()
        for key in sorted(every - texts.all_keys())
        if not _is_language_data(key) or key.startswith("intents.")
    ]
