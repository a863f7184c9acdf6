from app.checks.facts import CartLine, CartWarning, Severity, WarningCode
from app.checks.messages import day, purchase_evidence, with_article
from app.checks.rules.context import Context

CODE = "OWNED_OTHER_FORMAT"
SEVERITY = "info"
ORDER = 6
OWNERSHIP = True


def check(line: CartLine, ctx: Context) -> list[CartWarning]:
    """The customer owns this work in another format (the hardcover of this ebook)."""
    product = ctx.product(line.sku)
    if product is None or not product.work_id or not product.format:
        return []
    others = [
        (p, ctx.customer.owned[p.sku])
        for p in ctx.catalog.by_work.get(product.work_id, ())
        if p.sku != product.sku and p.format and p.format != product.format
        and ctx.customer.owns(p.sku)
    ]
    if not others:
        return []
    other, owned = min(others, key=lambda pair: pair[1].first.at)
    return [CartWarning(
        code=WarningCode(CODE),
        severity=Severity.info,
        sku=line.sku,
        message=f"You already own this as {with_article(other.format or 'item')}: "
                f"bought {day(owned.first.at)} (order {owned.first.order_id}).",
        evidence=tuple(purchase_evidence(o.first) for _, o in others),
    )]
