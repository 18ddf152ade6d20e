"""The skill's words, taken from the same prompts/<lang>.yaml files as the standalone app.

OpenVoiceOS finds an intent's example sentences in a resource file
(`locale/<lang>/photos.not.syncing.intent`). Those sentences live in the language file under
`skill.intent` and the file is written from them when the skill loads, so no text exists
twice. `skill.dialog` holds the few texts worded differently inside OpenVoiceOS ("say ... to
continue" instead of "run the assistant again", "rate and volume are OpenVoiceOS's settings"
instead of "that setting cannot go any further"); they replace the same keys of `dialog`.
"""

from __future__ import annotations

import copy
from pathlib import Path

from assistant.atomic_file import write_text_atomically
from assistant.conversation.check import language_files
from assistant.conversation.flow import Flow
from assistant.conversation.prompt_files import PromptError, load_yaml
from assistant.conversation.texts import Texts

INTENT_FILE = "photos.not.syncing.intent"
DEFAULT_LANG = "en"


def prompt_language(ovos_lang: str, prompts_dir: Path) -> str:
    """The language file for OpenVoiceOS's language tag ("en-US" -> "en"), else English."""
    available = {p.stem.lower(): p.stem for p in language_files(prompts_dir)}
    tag = ovos_lang.replace("_", "-").lower()
    for candidate in (tag, tag.split("-")[0]):
        if candidate in available:
            return available[candidate]
    return DEFAULT_LANG


def intent_examples(lang: str, prompts_dir: Path) -> list[str]:
    """The example sentences that start the skill, one per line of the intent file."""
    path = prompts_dir / f"{lang}.yaml"
    examples = load_yaml(path).get("skill", {}).get("intent")
    if not isinstance(examples, list) or not all(isinstance(e, str) for e in examples):
        raise PromptError(path, "skill.intent", "missing or not a list of sentences")
    return [" ".join(e.split()) for e in examples if e.strip()]


def write_locale(prompts_dir: Path, target: Path) -> Path:
    """Write locale/<lang>/photos.not.syncing.intent under target for every language file
    that has `skill.intent`; returns target (the skill's resource folder)."""
    for path in language_files(prompts_dir):
        if "intent" not in load_yaml(path).get("skill", {}):
            continue
        lines = intent_examples(path.stem, prompts_dir)
        write_text_atomically(target / "locale" / path.stem / INTENT_FILE, "\n".join(lines) + "\n")
    return target


def skill_texts(flow: Flow, lang: str, prompts_dir: Path) -> Texts:
    """The language's texts with `skill.dialog` laid over `dialog`."""
    path = prompts_dir / f"{lang}.yaml"
    data = load_yaml(path)
    overrides = data.get("skill", {}).get("dialog", {})
    if not isinstance(overrides, dict):
        raise PromptError(path, "skill.dialog", "expected a mapping of dialog keys")
    merged = copy.deepcopy(data)
    dialog = merged.setdefault("dialog", {})
    for key in overrides:
        if key not in dialog:  # renamed in dialog, or misspelt: it would never be said
            raise PromptError(path, f"skill.dialog.{key}", "replaces no text of dialog")
    dialog.update(overrides)
    return Texts(merged, path, flow)
