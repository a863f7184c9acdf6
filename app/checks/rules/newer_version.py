from app.checks.facts import CartLine, CartWarning, Severity, Suggestion, WarningCode
from app.checks.rules.context import Context

CODE = "NEWER_VERSION"
SEVERITY = "info"
ORDER = 12
OWNERSHIP = False


def check(line: CartLine, ctx: Context) -> list[CartWarning]:
    """A newer edition or model is on sale (and the customer does not have it yet)."""
    product = ctx.product(line.sku)
    if product is None or not product.superseded_by:
        return []
    newer = ctx.product(product.superseded_by)
    if newer is None or not newer.active:
        return []
    if ctx.customer.owns(newer.sku) or ctx.in_cart(newer.sku):
        return []
    return [CartWarning(
        code=WarningCode(CODE),
        severity=Severity.info,
        sku=line.sku,
        message=f"A newer version exists: {newer.title}.",
        evidence=({"sku": newer.sku},),
        suggestion=Suggestion("replace", f"Consider {newer.title} instead.", sku=newer.sku),
    )]
