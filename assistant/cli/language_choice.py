"""Which language the assistant speaks: `--lang`, else the system locale, else English.

The locale is read as POSIX says a program's messages choose theirs: the first of LC_ALL,
LC_MESSAGES and LANG that is set and not empty (LANG=ko_KR.UTF-8 -> ko). A locale whose
language has no prompt file (de_DE, C, POSIX) means English, so a German desktop still
gets an assistant; `--lang` with no prompt file is bad usage, said in one line.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path


class UnknownLanguage(ValueError):
    """--lang names a language with no prompt file; the message is for the user."""


LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
"""In the order POSIX gives them precedence."""
DEFAULT_LANG = "en"


def locale_language(environ: Mapping[str, str] | None = None) -> str | None:
    """The language of the locale ("ko_KR.UTF-8" -> "ko"); None for C, POSIX or none."""
    env = os.environ if environ is None else environ
    value = next((env[name] for name in LOCALE_VARIABLES if env.get(name)), "")
    lang = value.split(".")[0].split("@")[0].split("_")[0].split("-")[0].strip().lower()
    return lang if lang.isalpha() and lang not in ("c", "posix") else None


def available(prompts_dir: Path) -> list[str]:
    from assistant.conversation.check import language_files

    return [path.stem for path in language_files(prompts_dir)]


def choose_language(
    wanted: str | None, prompts_dir: Path, environ: Mapping[str, str] | None = None
) -> str:
    """--lang if given (UnknownLanguage if it has no prompt file), else the locale's language if
    it has one, else English."""
    languages = available(prompts_dir)
    if wanted:
        if wanted not in languages:
            raise UnknownLanguage(
                f"no prompts for language {wanted!r}: no {wanted}.yaml in "
                f"{prompts_dir} (available: {', '.join(languages) or 'none'})"
            )
        return wanted
    from_locale = locale_language(environ)
    return from_locale if from_locale in languages else DEFAULT_LANG
