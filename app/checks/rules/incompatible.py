from app.checks.customer import TagSource, tag_kind
from app.checks.facts import CartLine, CartWarning, ProductFacts, Severity, Suggestion, WarningCode
from app.checks.messages import purchase_evidence
from app.checks.rules.context import Context

CODE = "INCOMPATIBLE"
SEVERITY = "confirm"
ORDER = 9
OWNERSHIP = False


def check(line: CartLine, ctx: Context) -> list[CartWarning]:
    """It needs a device the customer does not have, though they have one of that kind.

    Knowing nothing of the customer's devices of that kind, we stay quiet.
    """
    product = ctx.product(line.sku)
    if product is None or not product.requires_any:
        return []
    required = set(product.requires_any)
    if required & _cart_tags(ctx, line) or required & set(ctx.customer.tags):
        return []
    devices = [
        source for kind in sorted({tag_kind(t) for t in required})
        for source in ctx.customer.tags_of_kind(kind)
    ]
    if not devices:
        return []
    device = devices[0]
    kind = tag_kind(device.tag)
    suggestion = None
    alternative = _compatible_alternative(product, ctx)
    if alternative is not None:
        suggestion = Suggestion(
            "replace", f"{alternative.title} fits your {device.product.title}.",
            sku=alternative.sku,
        )
    return [CartWarning(
        code=WarningCode(CODE),
        severity=Severity.confirm,
        sku=line.sku,
        message=f"This fits none of the {kind}s you have: you have {device.product.title} "
                f"(order {device.purchase.order_id}).",
        evidence=tuple(_device_evidence(d) for d in devices),
        suggestion=suggestion,
    )]


def _cart_tags(ctx: Context, line: CartLine) -> set[str]:
    tags: set[str] = set()
    for other in ctx.own_lines():
        product = ctx.product(other.sku)
        if other.index != line.index and product is not None:
            tags.update(product.provides)
    return tags


def _compatible_alternative(product: ProductFacts, ctx: Context) -> ProductFacts | None:
    """An active product of the same category that fits something the customer has."""
    if not product.category:
        return None
    have = set(ctx.customer.tags)
    candidates = [
        p for p in ctx.catalog.by_category.get(product.category, ())
        if p.active and p.sku != product.sku and have & set(p.requires_any)
    ]
    if not candidates:
        return None
    # What they bought and kept before first: it fitted then.
    return min(candidates, key=lambda p: (not ctx.customer.owns(p.sku), p.title, p.sku))


def _device_evidence(source: TagSource) -> dict[str, object]:
    return purchase_evidence(source.purchase, tag=source.tag)
