"""The model store as the rest of the assistant uses it: one import for every caller.

catalog.py   the known models, one per language, and their pinned archives
lookup.py    where models are looked for, finding one, listing what is installed
manifest.py  checksums written at install and checked by ``models verify``
unpack.py    bounded, safe unpacking of archives and copying of folders
install.py   installing into a version folder and switching to it atomically
download.py  the official download, checked as it arrives
"""

from __future__ import annotations

from assistant.model_store.catalog import (
    CATALOG,
    ModelError,
    ModelSpec,
    PinnedArchive,
    UnusableSource,
    spec_for,
)
from assistant.model_store.download import Progress, download
from assistant.model_store.install import InstallResult, install_from
from assistant.model_store.lookup import (
    REQUIRED_FILES,
    InstalledModel,
    find_model,
    how_to_get,
    list_models,
    looks_like_model,
    missing_model_message,
    search_dirs,
)
from assistant.model_store.manifest import VerifyResult, verify_model

GET_MODEL_HINT = how_to_get(spec_for("en"))
"""How to get the default (English) model."""

__all__ = [
    "CATALOG",
    "GET_MODEL_HINT",
    "REQUIRED_FILES",
    "InstallResult",
    "InstalledModel",
    "ModelError",
    "ModelSpec",
    "PinnedArchive",
    "Progress",
    "UnusableSource",
    "VerifyResult",
    "download",
    "find_model",
    "how_to_get",
    "install_from",
    "list_models",
    "looks_like_model",
    "missing_model_message",
    "search_dirs",
    "spec_for",
    "verify_model",
]
