"""Regenerate the SDK's typed client from the hub's OpenAPI schema, or check that it is current.

    python clients/python/tools/regenerate.py          # rewrite openapi.yaml and chatops_client/generated
    python clients/python/tools/regenerate.py --check  # exit 1 (and list the files) when either is stale

Run from the hub's virtualenv (the hub and openapi-python-client installed; ``scripts/sdk-generate``
does it). The schema is dumped with ``manage.py spectacular`` in a clean environment (fixed
settings, no developer variables), and openapi-python-client runs without formatters, so the
same sources give the same bytes on any machine.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SDK = Path(__file__).resolve().parent.parent
HUB = SDK.parent.parent
SCHEMA = SDK / "openapi.yaml"
GENERATED = SDK / "chatops_client" / "generated"
CONFIG = SDK / "openapi-python-client.yaml"


def dump_schema(target: Path, work: Path) -> None:
    """The hub's schema, as ``/api/schema/`` serves it, from a clean environment."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(work),
        "DJANGO_SETTINGS_MODULE": "chatops.settings",
        "SECRET_KEY": "schema-dump-only-secret-key-0123456789abcdefghij",
        "DEBUG": "false",
        "CHATOPS_VAR_DIR": str(work / "var"),
        "DATABASE_URL": f"sqlite:///{work / 'schema.sqlite3'}",
        "PYTHONHASHSEED": "0",
    }
    subprocess.run(  # noqa: S603 - our own manage.py with the running interpreter
        [sys.executable, "manage.py", "spectacular", "--validate", "--file", str(target)],
        cwd=HUB, env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip


def generate(schema: Path, target: Path) -> None:
    """openapi-python-client's package for ``schema`` at ``target`` (a new directory)."""
    result = subprocess.run(  # noqa: S603 - the pinned generator with the running interpreter
        [
            sys.executable, "-c", "import sys; from openapi_python_client.cli import app; sys.exit(app())",
            "generate", "--path", str(schema), "--config", str(CONFIG), "--meta", "none",
            "--output-path", str(target),
        ],
        # The generator iterates sets of enum values: a fixed hash seed keeps their order.
        cwd=target.parent, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"},
    )  # fmt: skip
    if result.returncode != 0 or not (target / "__init__.py").exists():
        raise SystemExit(f"openapi-python-client failed:\n{result.stdout}\n{result.stderr}")


def differences(expected: Path, actual: Path) -> list[str]:
    """Relative paths that differ between two trees (missing, extra or changed files)."""

    def files(root: Path) -> set[str]:
        if not root.exists():
            return set()
        return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts}

    want, have = files(expected), files(actual)
    changed = [name for name in want & have if not filecmp.cmp(expected / name, actual / name, shallow=False)]
    return sorted(
        [f"missing: {n}" for n in want - have]
        + [f"extra: {n}" for n in have - want]
        + [f"changed: {n}" for n in changed]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 when the committed client is stale")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="chatops-sdk-") as tmp:
        work = Path(tmp)
        schema = work / "openapi.yaml"
        dump_schema(schema, work)
        out = work / "generated"
        generate(schema, out)
        if args.check:
            stale = differences(out, GENERATED)
            if not SCHEMA.exists() or not filecmp.cmp(schema, SCHEMA, shallow=False):
                stale.insert(0, "changed: openapi.yaml")
            if stale:
                print("The SDK is stale; run scripts/sdk-generate and commit the result:", file=sys.stderr)
                for line in stale[:50]:
                    print(f"  {line}", file=sys.stderr)
                if len(stale) > 50:
                    print(f"  … and {len(stale) - 50} more", file=sys.stderr)
                return 1
            print("The SDK matches the hub's schema.")
            return 0
        shutil.copyfile(schema, SCHEMA)
        if GENERATED.exists():
            shutil.rmtree(GENERATED)
        shutil.copytree(out, GENERATED)
        count = sum(1 for p in GENERATED.rglob("*.py"))
        print(f"Wrote {SCHEMA.relative_to(HUB)} and {GENERATED.relative_to(HUB)}/ ({count} modules).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
