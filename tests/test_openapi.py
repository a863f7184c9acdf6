import json

from app.openapi_spec import SPEC_PATH, render_spec


def test_committed_spec_matches_the_app() -> None:
    """Regenerate with `purchase-guard openapi --output openapi/openapi.json`."""
    assert SPEC_PATH.read_text(encoding="utf-8") == render_spec()


def test_spec_names_every_contract_path() -> None:
    paths = json.loads(render_spec())["paths"]
    for path in ("/v1/checks", "/v1/checks/{check_id}", "/v1/checks/{check_id}/feedback",
                 "/v1/orders", "/v1/orders/batch", "/v1/orders/{order_id}",
                 "/v1/orders/{order_id}/returns", "/v1/orders/{order_id}/cancel",
                 "/v1/products/{sku}", "/v1/products/batch", "/v1/keys", "/v1/keys/{key_id}",
                 "/v1/customers/{customer_id}/preferences", "/v1/stats/warnings",
                 "/healthz", "/readyz", "/metrics"):
        assert path in paths, path
