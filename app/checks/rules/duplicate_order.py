from app.checks.facts import DOUBLE_CLICK, CartLine, CartWarning, Purchase, Severity, Suggestion, WarningCode
from app.checks.messages import ago, purchase_evidence
from app.checks.rules.context import Context

CODE = "DUPLICATE_ORDER"
SEVERITY = "confirm"
ORDER = 3
OWNERSHIP = True
SUPPRESSIBLE = False  # feedback never quiets it


def check(line: CartLine, ctx: Context) -> list[CartWarning]:
    """The same sku in an order placed within the duplicate window: a double click, often.

    `info` rather than `confirm` when the customer re-orders this sku as a routine (they
    bought it anyway despite this warning and kept it, `routine_after` times), or re-orders
    within the window as a habit (`habit_after` kept repeat orders); unless this looks like
    a double click all the same: the same quantity within the hour, or a cart that repeats
    the recent order.
    """
    recent = ctx.customer.recent.get(line.sku)
    if not recent or ctx.is_service(line.sku):
        return []
    latest = recent[0]
    ordered = (f"ordered {latest.quantity} of this" if latest.quantity != line.quantity
               else "already ordered this")
    when = f"{ago(ctx.now - latest.at)} (order {latest.order_id})"
    thresholds = ctx.thresholds
    routine = bool(thresholds.routine_after) and \
        ctx.customer.routine.get(line.sku, 0) >= thresholds.routine_after
    habit = bool(thresholds.habit_after) and \
        ctx.customer.kept_repeat_orders >= thresholds.habit_after
    told = (routine or habit) and not _looks_doubled(line, latest, recent, ctx)
    if told and routine:
        message = f"You often re-order this; last ordered {when}."
    elif told:
        message = f"You often order again within a day; you {ordered} {when}."
    else:
        message = f"You {ordered} {when}."
    return [CartWarning(
        code=WarningCode(CODE),
        severity=Severity.info if told else Severity.confirm,
        sku=line.sku,
        message=message,
        evidence=tuple(purchase_evidence(p) for p in recent),
        suggestion=Suggestion("remove", "Remove it if the earlier order already covers it."),
    )]


def _looks_doubled(line: CartLine, latest: Purchase, recent: tuple[Purchase, ...],
                   ctx: Context) -> bool:
    if line.quantity == latest.quantity and ctx.now - latest.at < DOUBLE_CLICK:
        return True
    repeats = ctx.repeats
    return repeats is not None and any(p.order_id == repeats.order_id for p in recent)
