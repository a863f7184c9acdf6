from app.checks.customer import size_key
from app.checks.facts import CartLine, CartWarning, ProductFacts, Severity, Suggestion, WarningCode
from app.checks.messages import purchase_evidence
from app.checks.rules.context import Context
from app.checks.sizes import in_size

CODE = "PREFERENCE_CONFLICT"
SEVERITY = "confirm / info"
ORDER = 10
OWNERSHIP = False


def check(line: CartLine, ctx: Context) -> list[CartWarning]:
    """Something the customer asked to avoid, or a size other than theirs."""
    product = ctx.product(line.sku)
    if product is None:
        return []
    return [w for w in (_avoided(product, ctx), _other_size(product, ctx)) if w is not None]


def _avoided(product: ProductFacts, ctx: Context) -> CartWarning | None:
    hits = sorted(set(product.contains) & ctx.customer.avoid)
    if not hits:
        return None
    return CartWarning(
        code=WarningCode(CODE),
        severity=Severity.confirm,
        sku=product.sku,
        message=f"This contains {', '.join(hits)}, which you asked to avoid.",
        evidence=tuple({"source": "preferences", "tag": tag} for tag in hits),
    )


def _other_size(product: ProductFacts, ctx: Context) -> CartWarning | None:
    if not product.size or not product.category:
        return None
    stated = ctx.customer.stated_sizes.get(product.category)
    learned = ctx.customer.learned_sizes.get(product.category)
    theirs = stated or (learned.size if learned else None)
    if theirs is None or size_key(theirs) == size_key(product.size):
        return None
    if stated:
        message = f"This is size {product.size}; you told us you take {stated}."
        evidence: tuple[dict[str, object], ...] = (
            {"source": "preferences", "size": stated, "category": product.category},
        )
    else:
        assert learned is not None
        orders = ", ".join(sorted({p.order_id for p in learned.purchases}))
        message = (f"This is size {product.size}; you usually take {learned.size} "
                   f"(kept in orders {orders}).")
        evidence = tuple(purchase_evidence(p, size=learned.size) for p in learned.purchases)
    suggestion = None
    variant = in_size(ctx.active_variants(product), theirs)
    if variant is not None:
        suggestion = Suggestion("replace", f"Size {variant.size} is available.", sku=variant.sku)
    return CartWarning(
        code=WarningCode(CODE),
        severity=Severity.info,
        sku=product.sku,
        message=message,
        evidence=evidence,
        suggestion=suggestion,
    )
