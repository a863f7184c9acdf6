"""The warning codes, read from the rule modules that raise them: a code lives in one place.

Each module of `app/checks/rules/` that raises a warning declares, at its top:

    CODE = "ALREADY_OWNED"      # the code it raises
    SEVERITY = "block"          # as the contract's table gives it ("confirm / info" if both)
    ORDER = 1                   # its row in the contract's table
    OWNERSHIP = True            # one of the ownership family (tried in ORDER, first wins)
    SUPPRESSIBLE = False        # whether a kept warning may go quiet (default True)

The declarations are read from the source (not imported), so the enum exists before the
rules that use it; the enum, the family's precedence, what is never suppressed and the
docs' table all come from them.
"""

import ast
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

RULES = Path(__file__).resolve().parent / "rules"


@dataclass(frozen=True, slots=True)
class Declared:
    code: str
    module: str  # app.checks.rules.<name>
    severity: str
    order: int
    ownership: bool
    suppressible: bool


def _read(path: Path) -> Declared | None:
    values: dict[str, object] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(
                node.targets[0], ast.Name) and isinstance(node.value, ast.Constant):
            values[node.targets[0].id] = node.value.value
    if "CODE" not in values:
        return None  # a helper of the rules, not a rule
    return Declared(code=str(values["CODE"]), module=f"app.checks.rules.{path.stem}",
                    severity=str(values["SEVERITY"]), order=int(str(values["ORDER"])),
                    ownership=bool(values.get("OWNERSHIP", False)),
                    suppressible=bool(values.get("SUPPRESSIBLE", True)))


def declared(rules: Path = RULES) -> tuple[Declared, ...]:
    found = [d for path in sorted(rules.glob("*.py")) if (d := _read(path)) is not None]
    return tuple(sorted(found, key=lambda d: d.order))


DECLARED = declared()

WarningCode = StrEnum("WarningCode", [(d.code, d.code) for d in DECLARED])  # type: ignore[misc]
WarningCode.__doc__ = "The warning codes, in the contract's order."


def docs_table(rules: tuple[Declared, ...] = DECLARED) -> str:
    """The table at the top of docs/warnings.md."""
    rows = ["| code | severity | ownership family | quieted by a kept warning |",
            "|---|---|---|---|"]
    rows += [f"| `{d.code}` | {d.severity} | "
             f"{'yes' if d.ownership else 'no'} | {'yes' if d.suppressible else 'never'} |"
             for d in rules]
    return "\n".join(rows)
