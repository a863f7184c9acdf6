from datetime import timedelta

from app.checks.facts import CartLine, CartWarning, Severity, WarningCode
from app.checks.messages import ago, purchase_evidence
from app.checks.rules.context import Context

CODE = "EARLY_REPURCHASE"
SEVERITY = "info"
ORDER = 5
OWNERSHIP = True


def check(line: CartLine, ctx: Context) -> list[CartWarning]:
    """A consumable bought again before half its usual interval has passed."""
    product = ctx.product(line.sku)
    owned = ctx.customer.owned.get(line.sku)
    if product is None or product.kind != "consumable" or not product.replenish_days:
        return []
    if owned is None:
        return []
    last = owned.last
    if ctx.now - last.at >= timedelta(days=product.replenish_days / 2):
        return []
    return [CartWarning(
        code=WarningCode(CODE),
        severity=Severity.info,
        sku=line.sku,
        message=f"You bought this {ago(ctx.now - last.at)} (order {last.order_id}); "
                f"it usually lasts about {product.replenish_days} days.",
        evidence=(purchase_evidence(last),),
    )]
