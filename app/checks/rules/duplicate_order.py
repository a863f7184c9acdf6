from app.checks.facts import CartLine, Code, Severity, Suggestion, Warning
from app.checks.messages import ago, purchase_evidence
from app.checks.rules.context import Context


def check(line: CartLine, ctx: Context) -> list[Warning]:
    """The same sku in an order placed within the duplicate window: a double click, often."""
    recent = ctx.customer.recent.get(line.sku)
    if not recent:
        return []
    latest = recent[0]
    return [Warning(
        code=Code.DUPLICATE_ORDER,
        severity=Severity.confirm,
        sku=line.sku,
        message=f"You already ordered this {ago(ctx.now - latest.at)} "
                f"(order {latest.order_id}).",
        evidence=tuple(purchase_evidence(p) for p in recent),
        suggestion=Suggestion("remove", "Remove it if the earlier order already covers it."),
    )]
