"""The SDK's models are the contract's: `_generated.py` is exactly what
`generate_models.py` makes of `openapi/openapi.json` today."""

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent


def test_the_models_match_the_contract() -> None:
    spec = importlib.util.spec_from_file_location("generate_models",
                                                  HERE.parent / "generate_models.py")
    assert spec is not None and spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    assert generator.OUTPUT.read_text() == generator.generate(), (
        "the contract changed: run python clients/python/generate_models.py")


def test_a_field_the_contract_does_not_know_yet_is_kept() -> None:
    from purchase_guard_client import models as m

    result = m.CheckResult.model_validate({
        "check_id": "chk_1", "customer_id": "c-1", "verdict": "proceed", "warnings": [],
        "degraded": False, "as_of": "2026-12-06T10:00:00Z", "added_later": 1})
    assert result.model_extra == {"added_later": 1}


def test_every_model_is_named_once() -> None:
    """`Source` and `Source1`: the contract wrote one shape inline twice; it must name it."""
    import re

    generated = (HERE.parent / "src" / "purchase_guard_client" / "_generated.py").read_text()
    numbered = re.findall(r"^class ([A-Za-z]+\d+)\(", generated, flags=re.MULTILINE)
    assert numbered == []
