from app.checks.facts import CartLine, CartWarning, Severity, Suggestion, WarningCode
from app.checks.messages import day, iso, purchase_evidence
from app.checks.rules.context import Context

CODE = "ALREADY_SUBSCRIBED"
SEVERITY = "confirm"
ORDER = 2
OWNERSHIP = True


def check(line: CartLine, ctx: Context) -> list[CartWarning]:
    """A subscription whose tags the customer already has running."""
    product = ctx.product(line.sku)
    if product is None or product.kind != "subscription":
        return []
    wanted = set(product.provides)
    active_tags = {t for sub in ctx.customer.subscriptions for t in sub.product.provides}
    covering = [
        sub for sub in ctx.customer.subscriptions
        if sub.product.sku == product.sku or (wanted and wanted & set(sub.product.provides))
    ]
    if not covering or (wanted and not wanted <= active_tags):
        return []
    latest = max(covering, key=lambda s: s.ends_at)
    name = "this subscription" if latest.product.sku == product.sku \
        else f"{latest.product.title}, which covers this"
    return [CartWarning(
        code=WarningCode(CODE),
        severity=Severity.confirm,
        sku=line.sku,
        message=f"You already have {name}, until {day(latest.ends_at)} "
                f"(order {latest.purchase.order_id}).",
        evidence=tuple(
            purchase_evidence(s.purchase, ends_at=iso(s.ends_at)) for s in covering
        ),
        suggestion=Suggestion("remove", "Remove it unless you mean to extend it now."),
    )]
