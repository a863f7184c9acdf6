"""The imports of `app/` run one way: no cycle, and no import from a lower layer back up.

Layers, from the bottom: the foundation (settings, types, errors, the database handle...),
the tables (`*.models`), the domain (services, repositories, the rules engine), the HTTP
edge (routers, the admission, the fast check route), and the entry points (the app, the
command line, the backtest). A module may import its own layer or a lower one.
"""

import ast
import re
from collections import defaultdict
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"

FOUNDATION = {"app.types", "app.settings", "app.ids", "app.errors", "app.problems",
              "app.metrics", "app.deadline", "app.coalesce", "app.pagination", "app.db"}
EDGE = {"app.admission", "app.checks.fast_route", "app.last_resort"}
ENTRY = {"app.main", "app.cli", "app.openapi_spec", "app.demo", "app.migrate"}
LAYERS = ("foundation", "tables", "domain", "edge", "entry")


def layer(module: str) -> str:
    if module in FOUNDATION:
        return "foundation"
    if module.endswith(".models") or module == "app.models":
        return "tables"
    if module in EDGE or module.endswith(".router"):
        return "edge"
    if module in ENTRY or module.startswith("app.backtest"):
        return "entry"
    return "domain"


def modules() -> dict[str, Path]:
    found = {}
    for path in APP.rglob("*.py"):
        name = ".".join(path.relative_to(APP.parent).with_suffix("").parts)
        found[name.removesuffix(".__init__")] = path
    return found


def imports() -> dict[str, set[str]]:
    known = modules()
    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in known.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            graph[name].update(t for t in targets if t in known and t != name
                               and not name.startswith(t + "."))
    return graph


def cycle_in(graph: dict[str, set[str]]) -> list[str] | None:
    visiting: list[str] = []
    done: set[str] = set()

    def visit(module: str) -> list[str] | None:
        if module in visiting:
            return visiting[visiting.index(module):] + [module]
        if module in done:
            return None
        visiting.append(module)
        for target in sorted(graph.get(module, ())):
            if (found := visit(target)) is not None:
                return found
        visiting.pop()
        done.add(module)
        return None

    for module in sorted(graph):
        if (found := visit(module)) is not None:
            return found
    return None


def upward_in(graph: dict[str, set[str]]) -> list[str]:
    return sorted(
        f"{module} ({layer(module)}) imports {target} ({layer(target)})"
        for module, targets in graph.items() for target in targets
        if LAYERS.index(layer(target)) > LAYERS.index(layer(module))
    )


def test_no_module_of_app_imports_itself_back_through_others() -> None:
    assert cycle_in(imports()) is None


def test_no_import_runs_from_a_lower_layer_back_up() -> None:
    assert upward_in(imports()) == []


def test_the_checks_see_a_cycle_and_an_upward_import() -> None:
    assert cycle_in({"app.a": {"app.b"}, "app.b": {"app.c"}, "app.c": {"app.a"}}) == [
        "app.a", "app.b", "app.c", "app.a"]
    assert upward_in({"app.orders.models": {"app.orders.service"}}) == [
        "app.orders.models (tables) imports app.orders.service (domain)"]
    assert FOUNDATION | EDGE | ENTRY <= modules().keys()  # the layers name real modules


# The lifespan builds `Runtime`; FastAPI routes receive its parts from app/deps.py; the two
# ASGI layers before FastAPI's dependencies (admission and the fast check route) take the
# one part they need from app state. Nothing else reaches into it.
RUNTIME_READERS = {"app.deps", "app.main", "app.admission", "app.checks.fast_route"}


def runtime_readers() -> set[str]:
    return {name for name, path in modules().items()
            if re.search(r"\bRuntime\b|\.runtime\b", path.read_text(encoding="utf-8"))}


def test_only_the_composition_root_and_dependencies_reach_into_the_runtime() -> None:
    assert runtime_readers() <= RUNTIME_READERS, runtime_readers() - RUNTIME_READERS


# The domain modules that are FastAPI dependencies, and so read the request.
HTTP_DEPENDENCIES = {"app.deps", "app.auth", "app.audit.reads"}


def test_services_take_no_http_request() -> None:
    takes_request = {name for name, path in modules().items()
                     if layer(name) == "domain" and name not in HTTP_DEPENDENCIES
                     and re.search(r"\bfrom fastapi import [^\n]*\bRequest\b",
                                   path.read_text(encoding="utf-8"))}
    assert takes_request == set()


def test_the_domain_areas_depend_one_way() -> None:
    """Areas, not only modules: checks read customers and orders, erasure and support read
    checks, and none of them reaches back (the FastAPI dependency modules aside)."""
    areas: dict[str, set[str]] = defaultdict(set)
    for module, targets in imports().items():
        if layer(module) != "domain" or module in HTTP_DEPENDENCIES:
            continue
        for target in targets:
            # An area's tables count as the area: reading another's tables depends on it.
            if (layer(target) in ("domain", "tables") and target not in HTTP_DEPENDENCIES
                    and target != "app.models"):
                areas[_area(module)].add(_area(target))
    for area, targets in areas.items():
        targets.discard(area)
    assert cycle_in(areas) is None


def _area(module: str) -> str:
    return ".".join(module.split(".")[:2])
