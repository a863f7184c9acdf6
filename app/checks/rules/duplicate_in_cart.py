from app.checks.facts import CartLine, CartWarning, ProductFacts, Severity, WarningCode
from app.checks.rules.context import Context

CODE = "DUPLICATE_IN_CART"
SEVERITY = "info"
ORDER = 8
OWNERSHIP = False


def check(line: CartLine, ctx: Context) -> list[CartWarning]:
    """A later cart line repeats an earlier one's sku or work (two formats of one book)."""
    if line.gift:
        return []
    product = ctx.product(line.sku)
    earlier = [other for other in ctx.own_lines() if other.index < line.index]
    same_sku = [other for other in earlier if other.sku == line.sku]
    if same_sku:
        return [CartWarning(
            code=WarningCode(CODE),
            severity=Severity.info,
            sku=line.sku,
            message="This item is in your cart more than once.",
            evidence=tuple(_line_evidence(o) for o in (*same_sku, line)),
        )]
    if product is None or not product.work_id:
        return []
    relatives = [
        (other, p) for other in earlier
        if (p := ctx.product(other.sku)) is not None and p.work_id == product.work_id
        and other.sku != line.sku
    ]
    if not relatives:
        return []
    _, first = relatives[0]
    return [CartWarning(
        code=WarningCode(CODE),
        severity=Severity.info,
        sku=line.sku,
        message=f"Your cart also has {_describe(first)} of this.",
        evidence=tuple(_line_evidence(o) for o, _ in relatives),
    )]


def _line_evidence(line: CartLine) -> dict[str, object]:
    return {"sku": line.sku, "line": line.index, "quantity": line.quantity}


def _describe(product: ProductFacts) -> str:
    if product.format:
        return f"the {product.format}"
    if product.size:
        return f"size {product.size}"
    return "another version"
