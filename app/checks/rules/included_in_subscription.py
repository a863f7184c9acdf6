from app.checks.facts import CartLine, CartWarning, Severity, Suggestion, WarningCode
from app.checks.messages import day, iso, purchase_evidence
from app.checks.rules.context import Context

CODE = "INCLUDED_IN_SUBSCRIPTION"
SEVERITY = "confirm"
ORDER = 11
OWNERSHIP = False


def check(line: CartLine, ctx: Context) -> list[CartWarning]:
    """A running subscription of the customer's already includes this at no cost."""
    product = ctx.product(line.sku)
    if product is None or not product.included_in:
        return []
    included = set(product.included_in)
    covering = [
        sub for sub in ctx.customer.subscriptions if included & set(sub.product.provides)
    ]
    if not covering:
        return []
    sub = max(covering, key=lambda s: s.ends_at)
    return [CartWarning(
        code=WarningCode(CODE),
        severity=Severity.confirm,
        sku=line.sku,
        message=f"This is included in your {sub.product.title} subscription "
                f"(active until {day(sub.ends_at)}).",
        evidence=tuple(
            purchase_evidence(s.purchase, ends_at=iso(s.ends_at),
                              tag=sorted(included & set(s.product.provides))[0])
            for s in covering
        ),
        suggestion=Suggestion("remove", "You can have it with your subscription at no cost."),
    )]
