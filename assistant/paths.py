"""Where the assistant's files are: its name, the shipped prompt files, the user's folders.

One place, so the config, the saved session and the downloaded models agree on the app's
name and the checkout's folders are found the same way from every module.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

APP_NAME = "icloud-photos-assistant"
"""The name of the user's data and config folders (and the download User-Agent)."""

PACKAGE_DIR = Path(__file__).resolve().parent
CHECKOUT_DIR = PACKAGE_DIR.parent
"""The source checkout (or site-packages, for an installed wheel)."""
PROMPTS_DIR = Path(str(files("assistant.prompts")))
"""The shipped flow, language and pronunciation files: package data of ``assistant.prompts``,
which is the checkout's top-level ``prompts/`` folder (pyproject.toml maps it), in a wheel
as in an editable install."""


def user_data_dir() -> Path:
    """The saved session and downloaded models live here (platformdirs, imported lazily)."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME))


def user_config_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME))
