from app.checks.facts import CartLine, CartWarning, Severity, WarningCode
from app.checks.messages import day, purchase_evidence
from app.checks.rules.context import Context

CODE = "PREVIOUSLY_PURCHASED"
SEVERITY = "confirm"
ORDER = 4
OWNERSHIP = True


def check(line: CartLine, ctx: Context) -> list[CartWarning]:
    """A durable thing the customer still has: ask before buying a second one."""
    product = ctx.product(line.sku)
    owned = ctx.customer.owned.get(line.sku)
    if product is None or product.kind != "durable" or owned is None:
        return []
    last = owned.last
    return [CartWarning(
        code=WarningCode(CODE),
        severity=Severity.confirm,
        sku=line.sku,
        message=f"You bought this on {day(last.at)} (order {last.order_id}). Buy again?",
        evidence=tuple(purchase_evidence(p) for p in owned.purchases),
    )]
