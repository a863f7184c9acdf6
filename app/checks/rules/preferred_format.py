from app.checks.facts import CartLine, CartWarning, Severity, Suggestion, WarningCode
from app.checks.messages import with_article
from app.checks.rules.context import Context

CODE = "PREFERRED_FORMAT"
SEVERITY = "info"
ORDER = 13
OWNERSHIP = False


def check(line: CartLine, ctx: Context) -> list[CartWarning]:
    """The customer prefers another format, and this work exists in it."""
    product = ctx.product(line.sku)
    formats = ctx.customer.formats
    if product is None or not product.format or not product.work_id or not formats:
        return []
    if ctx.customer.owns(product.sku):
        return []  # they chose this format before; no nudge toward another purchase

    def rank(fmt: str | None) -> int:
        return formats.index(fmt) if fmt in formats else len(formats)

    better = [
        v for v in ctx.active_variants(product)
        if rank(v.format) < rank(product.format)
        and not ctx.customer.owns(v.sku) and not ctx.in_cart(v.sku)
    ]
    if not better:
        return []
    best = min(better, key=lambda v: (rank(v.format), v.sku))
    assert best.format is not None
    return [CartWarning(
        code=WarningCode(CODE),
        severity=Severity.info,
        sku=line.sku,
        message=f"You prefer {best.format} over {product.format}: this is also available as "
                f"{with_article(best.format)}.",
        evidence=({"source": "preferences", "format": best.format, "sku": best.sku},),
        suggestion=Suggestion("replace", f"Take the {best.format} instead.", sku=best.sku),
    )]
