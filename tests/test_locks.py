"""The lock files pin what CI (`requirements/test.lock`) and the Docker image
(`requirements/service.lock`) install: a dependency added to a pyproject.toml without
re-locking (`python3 dev.py lock`) would be installed by neither."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _pinned(lock: str) -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements" / lock).read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"{lock}: {line!r} is not pinned to one version"
            pins[name.lower().replace("_", "-")] = version
    return pins


def _project(path: str) -> dict:
    return tomllib.loads((ROOT / path).read_text())["project"]


def test_the_service_lock_pins_every_runtime_dependency() -> None:
    pinned = _pinned("service.lock")
    missing = [r for r in _project("pyproject.toml")["dependencies"] if _name(r) not in pinned]
    assert missing == []


def test_the_test_lock_pins_the_service_its_tools_and_the_sdk() -> None:
    pinned = _pinned("test.lock")
    service, sdk = _project("pyproject.toml"), _project("clients/python/pyproject.toml")
    wanted = [*service["dependencies"], *service["optional-dependencies"]["test"],
              *sdk["dependencies"]]
    assert [r for r in wanted if _name(r) not in pinned] == []
    assert {name: version for name, version in _pinned("service.lock").items()
            if pinned.get(name) != version} == {}, "the image runs what CI tested"
