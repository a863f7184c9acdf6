from app.checks.facts import DOUBLE_CLICK, CartLine, Code, Purchase, Severity, Suggestion, Warning
from app.checks.messages import ago, purchase_evidence
from app.checks.rules.context import Context


def check(line: CartLine, ctx: Context) -> list[Warning]:
    """The same sku in an order placed within the duplicate window: a double click, often.

    `info` rather than `confirm` for a customer who often re-orders within the window and
    kept those orders, unless this looks like a double click all the same: the same
    quantity within the hour, or a cart that repeats the recent order.
    """
    recent = ctx.customer.recent.get(line.sku)
    if not recent or ctx.is_service(line.sku):
        return []
    latest = recent[0]
    ordered = (f"ordered {latest.quantity} of this" if latest.quantity != line.quantity
               else "already ordered this")
    when = f"{ago(ctx.now - latest.at)} (order {latest.order_id})"
    habitual = _habitual(line, latest, recent, ctx)
    return [Warning(
        code=Code.DUPLICATE_ORDER,
        severity=Severity.info if habitual else Severity.confirm,
        sku=line.sku,
        message=(f"You often order again within a day; you {ordered} {when}." if habitual
                 else f"You {ordered} {when}."),
        evidence=tuple(purchase_evidence(p) for p in recent),
        suggestion=Suggestion("remove", "Remove it if the earlier order already covers it."),
    )]


def _habitual(line: CartLine, latest: Purchase, recent: tuple[Purchase, ...],
              ctx: Context) -> bool:
    after = ctx.thresholds.habit_after
    if not after or ctx.customer.kept_repeat_orders < after:
        return False
    if line.quantity == latest.quantity and ctx.now - latest.at < DOUBLE_CLICK:
        return False
    repeats = ctx.repeats
    return repeats is None or all(p.order_id != repeats.order_id for p in recent)
