"""Checksums of installed models: the manifest written at install, checked by ``verify``."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from assistant.model_store.lookup import missing_files

MANIFEST_NAME = ".installed.json"
HASH_CHUNK_BYTES = 1024 * 1024
MAX_MANIFEST_BYTES = 1024 * 1024
"""A manifest lists a few dozen files; anything bigger is not ours."""


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


def _read_manifest(path: Path) -> dict[str, dict[str, int | str]]:
    with path.open("rb") as handle:
        data = handle.read(MAX_MANIFEST_BYTES + 1)
    if len(data) > MAX_MANIFEST_BYTES:
        raise ValueError("larger than any manifest this tool writes")
    files = json.loads(data)["files"]
    if not isinstance(files, dict):
        raise TypeError("no file list")
    return files


def package_record(package: str, model_dir: Path) -> dict[str, dict[str, int | str]] | None:
    """The model's files as pip recorded them (the RECORD of the package's distribution)."""
    import base64
    import importlib.metadata

    root = model_dir.resolve()
    for name in importlib.metadata.packages_distributions().get(package, []):
        dist = importlib.metadata.distribution(name)
        files: dict[str, dict[str, int | str]] = {}
        for record in dist.files or []:
            path = Path(str(dist.locate_file(record))).resolve()
            if record.hash is None or record.hash.mode != "sha256" or root not in path.parents:
                continue
            padded = record.hash.value + "=" * (-len(record.hash.value) % 4)
            digest = base64.urlsafe_b64decode(padded).hex()
            files[path.relative_to(root).as_posix()] = {
                "size_bytes": record.size or 0,
                "sha256": digest,
            }
        if files:
            return files
    return None


def verify_model(model_dir: Path, package: str | None = None) -> VerifyResult:
    """Required files present and every file as installed: as in our manifest, or, for a
    model inside the Python package ``package``, as in pip's record of that package."""
    problems = [f"missing {rel}" for rel in missing_files(model_dir)]
    manifest_path = model_dir / MANIFEST_NAME
    expected_files: dict[str, dict[str, int | str]] | None = None
    try:
        if manifest_path.is_file():
            expected_files = _read_manifest(manifest_path)
        elif package is not None:
            expected_files = package_record(package, model_dir)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        return VerifyResult(model_dir, False, [*problems, f"unreadable manifest: {exc}"])
    if expected_files is None:
        if problems:
            return VerifyResult(model_dir, False, problems)
        note = "no install manifest (not installed by this tool): checked files only"
        return VerifyResult(model_dir, True, [note])
    for rel, expected in expected_files.items():
        path = model_dir / rel
        if not path.is_file():
            problems.append(f"missing {rel}")
        elif path.stat().st_size != expected["size_bytes"]:
            problems.append(f"size changed: {rel}")
        elif sha256_file(path) != expected["sha256"]:
            problems.append(f"checksum mismatch: {rel}")
    return VerifyResult(model_dir, not problems, problems)
