#!/usr/bin/env python3
"""The two set-up commands, needing nothing but Python 3.11+.

    python3 dev.py demo   # a virtualenv, the demo data, then the service on :8000
    python3 dev.py test   # mypy --strict, then the whole test suite: the service, the Python
                          # and TypeScript SDKs
    python3 dev.py lock   # (maintainers) re-pin requirements/*.lock after a dependency change

Each makes `.venv/` on first use from the pinned versions in `requirements/test.lock` (the
Dockerfile installs `requirements/service.lock`), and reinstalls only when a lock file or
a pyproject.toml changes. The
TypeScript SDK's tests need Node 18+ and npm; without them they are reported as not run
(and fail the run when PURCHASE_GUARD_TEST_REQUIRE_SERVICES is set, as in CI).
"""

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".installed"
LOCKS = ROOT / "requirements"
# What each lock pins: the service alone (the Docker image), and the service with its test
# tools and the Python SDK (CI and development).
LOCKED = {"service.lock": ["."], "test.lock": [".[test]", "./clients/python"]}


def ensure_venv() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may be started by an older python3
        sys.exit(f"purchase-guard needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    wanted = hashlib.sha256(b"".join(
        (ROOT / p).read_bytes() for p in ("pyproject.toml", "clients/python/pyproject.toml",
                                          "requirements/test.lock")
    )).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    if not (BIN / "python").exists():
        print("creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("installing purchase-guard and its test tools into .venv ...", flush=True)
    subprocess.run([str(BIN / "python"), "-m", "pip", "install", "--quiet", "--upgrade", "pip"],
                   check=True)
    subprocess.run([str(BIN / "python"), "-m", "pip", "install", "--quiet", "-r",
                    str(LOCKS / "test.lock")], check=True, cwd=ROOT)
    subprocess.run([str(BIN / "python"), "-m", "pip", "install", "--quiet", "--no-deps",
                    "-e", ".", "-e", "clients/python"], check=True, cwd=ROOT)
    STAMP.write_text(wanted)


def lock() -> int:
    """Pin every package the service (and its tests) install, each in a fresh virtualenv
    so that nothing else present here is pinned."""
    import tempfile

    for name, targets in LOCKED.items():
        with tempfile.TemporaryDirectory() as tmp:
            venv.EnvBuilder(with_pip=True).create(tmp)
            python = str(Path(tmp) / BIN.name / "python")
            # The test lock holds the service's pins as they are: the image runs what CI tested.
            constrained = [] if name == "service.lock" else ["-c", str(LOCKS / "service.lock")]
            subprocess.run([python, "-m", "pip", "install", "--quiet", *constrained, *targets],
                           check=True, cwd=ROOT)
            frozen = subprocess.run([python, "-m", "pip", "freeze"], check=True,
                                    cwd=ROOT, capture_output=True, text=True).stdout
        pinned = sorted(line for line in frozen.splitlines()
                        if "==" in line and not line.startswith("purchase-guard"))
        (LOCKS / name).write_text(f"# {' '.join(targets)}: written by `python3 dev.py lock`\n"
                                  + "\n".join(pinned) + "\n")
        print(f"requirements/{name}: {len(pinned)} packages")
    return 0


def run(*args: str) -> int:
    return subprocess.run(list(args), cwd=ROOT, check=False).returncode


def main() -> int:
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    extra = sys.argv[2:]
    if command not in ("demo", "test", "lock"):
        print(__doc__)
        return 2
    if command == "lock":
        return lock()
    ensure_venv()
    cli = str(BIN / "purchase-guard")
    if command == "demo":
        port = extra[extra.index("--port") + 1] if "--port" in extra[:-1] else "8000"
        status = run(cli, "demo", "--served-next", "--base-url", f"http://127.0.0.1:{port}")
        if status != 0:
            return status
        print(f"\nserving on http://127.0.0.1:{port} (Ctrl-C stops it)", flush=True)
        return run(cli, "serve", *extra)
    print("mypy --strict (app, clients/python/src):", flush=True)
    typed = run(str(BIN / "python"), "-m", "mypy")
    status = run(str(BIN / "python"), "-m", "pytest", *extra)
    return typescript_tests() or status or typed


def typescript_tests() -> int:
    """The TypeScript SDK's tests (node --test) against a live service, when Node is here."""
    npm = shutil.which("npm")
    required = os.environ.get("PURCHASE_GUARD_TEST_REQUIRE_SERVICES", "") not in ("", "0")
    if npm is None:
        print("\nTypeScript SDK tests NOT run: npm (Node 18+) is not installed.", flush=True)
        return 1 if required else 0
    package = ROOT / "clients" / "typescript"
    env = {**os.environ, "PURCHASE_GUARD_PYTHON": str(BIN / "python")}
    print("\nTypeScript SDK tests (clients/typescript):", flush=True)
    for step in ([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                 [npm, "test", "--silent"]):
        status = subprocess.run(step, cwd=package, env=env, check=False).returncode
        if status != 0:
            return status
    return 0


if __name__ == "__main__":
    sys.exit(main())
