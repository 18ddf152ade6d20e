"""The speech model store: find, download, install, list and verify Vosk models.

Lookup order for a language's model:
  1. an explicit folder (``--model DIR``),
  2. ``models/`` of the source checkout (content gitignored),
  3. ``models/`` in the user's data directory (platformdirs).

Installing never leaves a half-made model where lookup would find it: archives are checked
against a pinned SHA-256, unpacked into a temporary folder next to the target, checked for
the files Vosk needs, given a manifest (file sizes and SHA-256s, for ``models verify``) and
only then renamed into place. Unpacking refuses members that would land outside the target
folder, links, and archives whose unpacked size is absurd.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import stat
import sys
import tempfile
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from assistant.paths import APP_NAME, CHECKOUT_DIR, user_data_dir

MANIFEST_NAME = ".installed.json"
# Files Vosk cannot run without; a folder lacking any of them is not a model.
REQUIRED_FILES = (
    "am/final.mdl",
    "conf/model.conf",
    "conf/mfcc.conf",
    "graph/HCLr.fst",
    "graph/Gr.fst",
    "ivector/final.ie",
)
# The small English model unpacks to ~68 MB; anything claiming more than this is not a
# small model but a zip bomb or the wrong file.
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024
MAX_MEMBERS = 10_000
DOWNLOAD_TIMEOUT_S = 30.0
DOWNLOAD_CHUNK_BYTES = 256 * 1024
HASH_CHUNK_BYTES = 1024 * 1024

GET_MODEL_HINT = "script/fetch-model  (or: python -m assistant models download en)"


@dataclass(frozen=True)
class ModelSpec:
    """A model we know how to get, with pinned checksums for each source."""

    lang: str
    name: str
    zip_url: str
    zip_sha256: str
    zip_size_bytes: int
    maven_artifact: str
    aar_sha256: str
    aar_model_prefix: str
    """Folder inside the .aar that holds the model."""


KNOWN_MODELS: dict[str, ModelSpec] = {
    "en": ModelSpec(
        lang="en",
        name="vosk-model-small-en-us-0.15",
        zip_url="https://alphacephei.com/vosk/models/vosk-model-small-en-us-0.15.zip",
        # Published checksum of the official zip (41,205,931 bytes), as pinned by several
        # independent projects.
        zip_sha256="30f26242c4eb449f948e42cb302dd7a686cb29a3423a8367f99ff41780942498",
        zip_size_bytes=41_205_931,
        maven_artifact="com.alphacephei:vosk-model-en:0.3.45:aar",
        # sha256 of vosk-model-en-0.3.45.aar from Maven Central (the same model packaged
        # for Android; 0.3.75 of that artifact is an empty shell).
        aar_sha256="8a5792fccaf873b4745dbd1b3fe19d8a77a15898e806674020eea820424771cd",
        aar_model_prefix="assets/model-en-us/",
    ),
}


class ModelError(Exception):
    """Getting or checking a model failed; the message is for the user."""


def spec_for(lang: str) -> ModelSpec:
    try:
        return KNOWN_MODELS[lang]
    except KeyError:
        known = ", ".join(sorted(KNOWN_MODELS))
        raise ModelError(f"no speech model known for language {lang!r} (known: {known})") from None


# --- where models live --------------------------------------------------------------------


def checkout_models_dir() -> Path | None:
    """``models/`` of the source checkout, if we run from one (editable install)."""
    if (CHECKOUT_DIR / "pyproject.toml").is_file() and (CHECKOUT_DIR / "assistant").is_dir():
        return CHECKOUT_DIR / "models"
    return None


def user_models_dir() -> Path:
    return user_data_dir() / "models"


def search_dirs() -> list[Path]:
    """Folders searched for installed models, in lookup order."""
    dirs = []
    checkout = checkout_models_dir()
    if checkout is not None:
        dirs.append(checkout)
    dirs.append(user_models_dir())
    return dirs


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


def find_model(lang: str = "en", explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """The model folder to use, or None. An explicit folder is used (or not) on its own."""
    if explicit is not None:
        path = Path(explicit).expanduser()
        return path if looks_like_model(path) else None
    name = spec_for(lang).name
    for folder in search_dirs():
        candidate = folder / name
        if looks_like_model(candidate):
            return candidate
    return None


def missing_model_message(lang: str = "en", explicit: str | os.PathLike[str] | None = None) -> str:
    """One line telling the user what is missing and which command gets it."""
    if explicit is not None:
        return f"no Vosk model in {explicit} (missing {', '.join(missing_files(Path(explicit)))})"
    return f"speech model {spec_for(lang).name} is not installed; get it with: {GET_MODEL_HINT}"


# --- checksums and manifests --------------------------------------------------------------


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(HASH_CHUNK_BYTES), b""):
            digest.update(block)
    return digest.hexdigest()


def _model_files(model_dir: Path) -> Iterator[Path]:
    for path in sorted(model_dir.rglob("*")):
        if path.is_file() and path.name != MANIFEST_NAME:
            yield path


def write_manifest(model_dir: Path, source: str, archive_sha256: str | None) -> None:
    files = {
        path.relative_to(model_dir).as_posix(): {
            "size_bytes": path.stat().st_size,
            "sha256": sha256_file(path),
        }
        for path in _model_files(model_dir)
    }
    manifest = {
        "source": source,
        "archive_sha256": archive_sha256,
        "installed_at_unix_s": int(time.time()),
        "files": files,
    }
    (model_dir / MANIFEST_NAME).write_text(json.dumps(manifest, indent=1, sort_keys=True))


@dataclass
class VerifyResult:
    path: Path
    ok: bool
    problems: list[str]


def verify_model(model_dir: Path) -> VerifyResult:
    """Required files present and, if installed by us, every file matches its manifest."""
    problems = [f"missing {rel}" for rel in missing_files(model_dir)]
    manifest_path = model_dir / MANIFEST_NAME
    if manifest_path.is_file():
        try:
            manifest = json.loads(manifest_path.read_text())
            for rel, expected in manifest["files"].items():
                path = model_dir / rel
                if not path.is_file():
                    problems.append(f"missing {rel}")
                elif path.stat().st_size != expected["size_bytes"]:
                    problems.append(f"size changed: {rel}")
                elif sha256_file(path) != expected["sha256"]:
                    problems.append(f"checksum mismatch: {rel}")
        except (ValueError, KeyError, TypeError) as exc:
            problems.append(f"unreadable manifest: {exc}")
    else:
        problems_note = "no install manifest (not installed by this tool): checked files only"
        if not problems:
            return VerifyResult(model_dir, True, [problems_note])
    return VerifyResult(model_dir, not problems, problems)


# --- safe unpacking -------------------------------------------------------------------------


def _safe_relative(name: str) -> PurePosixPath:
    """An archive member name as a relative path that stays inside the target folder."""
    normalized = name.replace("\\", "/")
    path = PurePosixPath(normalized)
    if normalized.startswith("/") or (len(normalized) > 1 and normalized[1] == ":"):
        raise ModelError(f"archive member has an absolute path: {name!r}")
    if any(part == ".." for part in path.parts):
        raise ModelError(f"archive member leaves the target folder: {name!r}")
    return path


def _zip_member_is_link(info: zipfile.ZipInfo) -> bool:
    mode = info.external_attr >> 16
    return stat.S_ISLNK(mode)


def _find_model_prefix(names: list[str], preferred_prefix: str | None) -> str:
    """The folder inside an archive that holds the model (has am/final.mdl, conf/model.conf)."""
    if preferred_prefix and any(n == preferred_prefix + "am/final.mdl" for n in names):
        return preferred_prefix
    name_set = set(names)
    candidates = sorted(
        (n[: -len("am/final.mdl")] for n in names if n.endswith("am/final.mdl")), key=len
    )
    for prefix in candidates:
        if prefix + "conf/model.conf" in name_set:
            return prefix
    raise ModelError("archive holds no Vosk model (no am/final.mdl with conf/model.conf)")


def extract_zip_model(
    archive: Path, destination: Path, preferred_prefix: str | None = None
) -> None:
    """Unpack the model folder of a zip/aar into destination (which must not exist yet)."""
    try:
        zf = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ModelError(f"{archive} is not a readable zip/aar archive: {exc}") from exc
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise ModelError(f"archive has {len(infos)} members; refusing (limit {MAX_MEMBERS})")
        for info in infos:
            _safe_relative(info.filename)  # refuse the whole archive if any member is unsafe
        prefix = _find_model_prefix([i.filename for i in infos], preferred_prefix)
        members = [i for i in infos if i.filename.startswith(prefix) and not i.is_dir()]
        declared_bytes = sum(i.file_size for i in members)
        if declared_bytes > MAX_UNPACKED_BYTES:
            raise ModelError(
                f"archive would unpack to {declared_bytes / 1e6:.0f} MB; refusing "
                f"(limit {MAX_UNPACKED_BYTES / 1e6:.0f} MB)"
            )
        destination.mkdir(parents=True)
        root = destination.resolve()
        written_bytes = 0
        for info in members:
            if _zip_member_is_link(info):
                raise ModelError(f"archive member is a link: {info.filename!r}")
            rel = _safe_relative(info.filename[len(prefix) :])
            target = (root / rel).resolve()
            if root not in target.parents:
                raise ModelError(f"archive member leaves the target folder: {info.filename!r}")
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as source, target.open("wb") as sink:
                # Count what is really written: a header can lie about sizes.
                while block := source.read(HASH_CHUNK_BYTES):
                    written_bytes += len(block)
                    if written_bytes > MAX_UNPACKED_BYTES:
                        raise ModelError("archive unpacks to more than it declares; refusing")
                    sink.write(block)


def _copy_model_folder(source: Path, destination: Path) -> None:
    total_bytes = 0
    for path in source.rglob("*"):
        if path.is_symlink():
            raise ModelError(f"refusing to copy a link from the model folder: {path}")
        if path.is_file():
            total_bytes += path.stat().st_size
    if total_bytes > MAX_UNPACKED_BYTES:
        raise ModelError(f"folder holds {total_bytes / 1e6:.0f} MB; refusing")
    shutil.copytree(source, destination, ignore=shutil.ignore_patterns(MANIFEST_NAME))


# --- install --------------------------------------------------------------------------------


@dataclass
class InstallResult:
    path: Path
    source: str
    archive_sha256: str | None
    replaced: bool
    already_installed: bool = False


def _checksum_policy(path: Path, spec: ModelSpec, sha256: str) -> tuple[str, str | None]:
    """(kind, expected sha256 or None) for an archive.

    A file matching a pinned checksum is that archive whatever its name (downloads get
    renamed); a file named like an official one must match its pin; anything else is custom.
    """
    if sha256 == spec.aar_sha256:
        return "aar", spec.aar_sha256
    if sha256 == spec.zip_sha256:
        return "zip", spec.zip_sha256
    if path.suffix.lower() == ".aar":
        return "aar", spec.aar_sha256
    if path.name == f"{spec.name}.zip":
        return "zip", spec.zip_sha256
    return "zip", None


def install_from(
    source: Path,
    lang: str = "en",
    models_dir: Path | None = None,
    allow_unpinned: bool = False,
    force: bool = False,
) -> InstallResult:
    """Install from a zip, a .aar or a folder; returns where it went.

    The official zip and the Maven .aar must match their pinned SHA-256. Other archives and
    folders are accepted only with allow_unpinned (``--no-verify``), for custom models.
    """
    spec = spec_for(lang)
    source = source.expanduser()
    if not source.exists():
        raise ModelError(f"{source} does not exist")
    target_root = models_dir or default_install_dir()
    target = target_root / spec.name
    if looks_like_model(target) and not force:
        return InstallResult(target, str(source), None, replaced=False, already_installed=True)
    target_root.mkdir(parents=True, exist_ok=True)

    archive_sha256: str | None = None
    staging_parent = Path(tempfile.mkdtemp(prefix=f".{spec.name}.", dir=target_root))
    staging = staging_parent / spec.name
    try:
        if source.is_dir():
            model_root = source
            if not looks_like_model(model_root):
                subdirs = [d for d in source.iterdir() if looks_like_model(d)]
                if len(subdirs) != 1:
                    raise ModelError(f"{source} is not a Vosk model folder")
                model_root = subdirs[0]
            if not allow_unpinned and spec.name not in {model_root.name, source.name}:
                raise ModelError(
                    f"{source} is not named {spec.name}; pass --no-verify to install it anyway"
                )
            _copy_model_folder(model_root, staging)
        else:
            archive_sha256 = sha256_file(source)
            kind, expected = _checksum_policy(source, spec, archive_sha256)
            if expected is None and not allow_unpinned:
                raise ModelError(
                    f"no pinned checksum for {source.name} (expected {spec.name}.zip or the "
                    f"Maven .aar); pass --no-verify to install it anyway"
                )
            if expected is not None and archive_sha256 != expected:
                raise ModelError(
                    f"checksum mismatch for {source.name}: got {archive_sha256}, "
                    f"expected {expected}; the file is damaged or not the official {kind}"
                )
            extract_zip_model(
                source, staging, spec.aar_model_prefix if kind == "aar" else f"{spec.name}/"
            )
        problems = missing_files(staging)
        if problems:
            raise ModelError(f"unpacked model is incomplete: missing {', '.join(problems)}")
        write_manifest(staging, str(source), archive_sha256)
        replaced = target.exists()
        if replaced:
            # Move the old one aside first so the rename below stays a single atomic step.
            old = staging_parent / "old"
            target.rename(old)
        staging.rename(target)
        return InstallResult(target, str(source), archive_sha256, replaced)
    finally:
        shutil.rmtree(staging_parent, ignore_errors=True)


# --- download -------------------------------------------------------------------------------


class Progress:
    """A progress bar on a TTY; plain percentage lines otherwise (or with NO_COLOR)."""

    def __init__(self, total_bytes: int | None, stream: IO[str] | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total_bytes = total_bytes
        self.fancy = self.stream.isatty() and not os.environ.get("NO_COLOR")
        self._last_report = -1

    def update(self, done_bytes: int) -> None:
        if not self.total_bytes:
            step = done_bytes // (5 * 1024 * 1024)
            if step != self._last_report:
                self._last_report = step
                print(f"downloaded {done_bytes / 1e6:.1f} MB", file=self.stream, flush=True)
            return
        percent = min(100, done_bytes * 100 // self.total_bytes)
        if self.fancy:
            width = 30
            filled = width * percent // 100
            bar = "#" * filled + "-" * (width - filled)
            mb_done, mb_total = done_bytes / 1e6, self.total_bytes / 1e6
            print(
                f"\r[{bar}] {percent:3d}% {mb_done:.1f}/{mb_total:.1f} MB",
                end="",
                file=self.stream,
                flush=True,
            )
        elif percent // 10 != self._last_report:
            self._last_report = percent // 10
            print(f"downloaded {percent}%", file=self.stream, flush=True)

    def finish(self) -> None:
        if self.fancy:
            print(file=self.stream, flush=True)


Opener = Callable[[str, float], IO[bytes]]


def _default_opener(url: str, timeout_s: float) -> IO[bytes]:
    request = urllib.request.Request(url, headers={"User-Agent": APP_NAME})
    return urllib.request.urlopen(request, timeout=timeout_s)


def download(
    lang: str = "en",
    models_dir: Path | None = None,
    url: str | None = None,
    opener: Opener = _default_opener,
    progress_stream: IO[str] | None = None,
) -> InstallResult:
    """Download the official zip, check its pinned SHA-256, install it."""
    spec = spec_for(lang)
    target_root = models_dir or default_install_dir()
    target_root.mkdir(parents=True, exist_ok=True)
    url = url or spec.zip_url
    fd, part_name = tempfile.mkstemp(prefix=f".{spec.name}.", suffix=".zip.part", dir=target_root)
    os.close(fd)
    part = Path(part_name)
    try:
        digest = hashlib.sha256()
        try:
            with contextlib.closing(opener(url, DOWNLOAD_TIMEOUT_S)) as response:
                length_header = getattr(response, "headers", {}).get("Content-Length")
                total = int(length_header) if length_header else spec.zip_size_bytes
                progress = Progress(total, progress_stream)
                done = 0
                with part.open("wb") as sink:
                    for block in iter(lambda: response.read(DOWNLOAD_CHUNK_BYTES), b""):
                        sink.write(block)
                        digest.update(block)
                        done += len(block)
                        if done > MAX_UNPACKED_BYTES:
                            raise ModelError("download is far larger than the model; aborted")
                        progress.update(done)
                progress.finish()
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            raise ModelError(
                f"could not download {url}: {reason}. Offline? Get the model another way: "
                f"script/fetch-model (Maven Central), or "
                f"python -m assistant models install --from FILE.zip|FILE.aar|DIR"
            ) from exc
        got = digest.hexdigest()
        if got != spec.zip_sha256:
            raise ModelError(
                f"downloaded file has checksum {got}, expected {spec.zip_sha256}: "
                "damaged or tampered download, not installed"
            )
        official = part.with_name(f"{spec.name}.zip")
        staged = Path(tempfile.mkdtemp(prefix=".dl.", dir=target_root)) / official.name
        try:
            part.rename(staged)
            return install_from(staged, lang, target_root, force=True)
        finally:
            shutil.rmtree(staged.parent, ignore_errors=True)
    finally:
        part.unlink(missing_ok=True)


# --- listing --------------------------------------------------------------------------------


@dataclass
class InstalledModel:
    name: str
    path: Path
    complete: bool
    size_bytes: int


def list_models() -> list[InstalledModel]:
    found = []
    for folder in search_dirs():
        if not folder.is_dir():
            continue
        for child in sorted(folder.iterdir()):
            if child.is_dir() and not child.name.startswith("."):
                size = sum(p.stat().st_size for p in child.rglob("*") if p.is_file())
                found.append(InstalledModel(child.name, child, looks_like_model(child), size))
    return found
