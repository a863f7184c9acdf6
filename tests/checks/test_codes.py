"""A warning code lives in one place, its rule module: everything else follows from it."""

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from app.checks.codes import DECLARED, WarningCode, declared, docs_table
from app.checks.rules import NEVER_SUPPRESSED, OWNERSHIP_FAMILY

ROOT = Path(__file__).resolve().parents[2]
RULE_TESTS = ROOT / "tests" / "checks" / "rules"
WARNINGS_DOC = ROOT / "docs" / "warnings.md"


def test_the_enum_and_the_precedence_are_the_modules_declarations() -> None:
    assert [c.value for c in WarningCode] == [d.code for d in DECLARED]
    assert [rule.__module__ for rule in OWNERSHIP_FAMILY] == [
        d.module for d in DECLARED if d.ownership]
    assert NEVER_SUPPRESSED == {WarningCode.ALREADY_OWNED, WarningCode.DUPLICATE_ORDER}
    assert sorted(d.order for d in DECLARED) == list(range(1, len(DECLARED) + 1))


def test_every_code_has_its_rule_test() -> None:
    missing = [d.code for d in DECLARED
               if not (RULE_TESTS / f"test_{d.module.rsplit('.', 1)[1]}.py").exists()]
    assert missing == []


def test_every_code_has_its_section_and_row_in_the_docs() -> None:
    text = WARNINGS_DOC.read_text(encoding="utf-8")
    assert [d.code for d in DECLARED if f"\n## {d.code} (" not in text] == []
    assert docs_table() in text, "regenerate the table in docs/warnings.md:\n" + docs_table()


def test_adding_a_warning_as_the_docs_say_takes_one_module_and_its_test(tmp_path: Path) -> None:
    """docs/adding-a-warning.md followed for a throwaway code, on a copy of the project."""
    for part in ("app", "migrations", "tests/__init__.py", "tests/checks/__init__.py",
                 "tests/checks/rules/__init__.py", "tests/checks/rules/scenario.py"):
        source, target = ROOT / part, tmp_path / part
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target)
    (tmp_path / "app/checks/rules/gift_wrap_twice.py").write_text(textwrap.dedent('''
        from app.checks.facts import CartLine, WarningCode, Severity, CartWarning
        from app.checks.rules.context import Context

        CODE = "GIFT_WRAP_TWICE"
        SEVERITY = "info"
        ORDER = 14
        OWNERSHIP = False


        def check(line: CartLine, ctx: Context) -> list[CartWarning]:
            """Gift wrap on a line that is not a gift."""
            if line.sku != "wrap" or any(other.gift for other in ctx.cart):
                return []
            return [CartWarning(code=WarningCode.GIFT_WRAP_TWICE, severity=Severity.info, sku=line.sku,
                            message="Nothing in your cart is a gift.")]
    '''))
    (tmp_path / "tests/checks/rules/test_gift_wrap_twice.py").write_text(textwrap.dedent('''
        from tests.checks.rules.scenario import Scenario, codes


        def test_wrap_without_a_gift_is_told() -> None:
            assert codes(Scenario().run(["wrap", "mug"])) == [("wrap", "GIFT_WRAP_TWICE")]


        def test_wrap_with_a_gift_is_fine() -> None:
            assert Scenario().run(["wrap", ("mug", {"gift": True})]) == []
    '''))
    ran = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          "-c", "/dev/null", "--rootdir", str(tmp_path),
                          "tests/checks/rules/test_gift_wrap_twice.py"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    spec = subprocess.run([sys.executable, "-c", "from app.openapi_spec import render_spec; "
                           "print(render_spec())"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120, env={"PYTHONPATH": str(tmp_path)})
    assert spec.returncode == 0, spec.stderr
    schemas = json.loads(spec.stdout)["components"]["schemas"]
    assert schemas["WarningCode"]["enum"][-1] == "GIFT_WRAP_TWICE"
    assert [d.code for d in declared(tmp_path / "app/checks/rules")][-1] == "GIFT_WRAP_TWICE"
