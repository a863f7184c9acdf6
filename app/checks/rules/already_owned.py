from app.checks.facts import CartLine, CartWarning, Severity, Suggestion, WarningCode
from app.checks.messages import day, noun, purchase_evidence
from app.checks.rules.context import Context

CODE = "ALREADY_OWNED"
SEVERITY = "block"
ORDER = 1
OWNERSHIP = True
SUPPRESSIBLE = False  # feedback never quiets it


def check(line: CartLine, ctx: Context) -> list[CartWarning]:
    """A digital licence the customer holds: buying it again buys nothing."""
    product = ctx.product(line.sku)
    owned = ctx.customer.owned.get(line.sku)
    if product is None or product.kind != "digital" or owned is None:
        return []
    first = owned.first
    return [CartWarning(
        code=WarningCode(CODE),
        severity=Severity.block,
        sku=line.sku,
        message=f"You already own this {noun(product)}: bought {day(first.at)} "
                f"(order {first.order_id}).",
        evidence=tuple(purchase_evidence(p) for p in owned.purchases),
        suggestion=Suggestion("remove", "Remove it from the cart: it is already yours."),
    )]
