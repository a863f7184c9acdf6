"""Whether the cart repeats one recent order: a checkout asks once, not once per line."""

from collections import Counter

from app.checks.facts import RepeatedOrder
from app.checks.messages import ago
from app.checks.rules.context import Context


def find(ctx: Context) -> RepeatedOrder | None:
    """The recent order that this share of the cart's lines (two or more) repeat.

    The cart's gifts and services are left out: postage is in every order, and a gift is
    someone else's. Among orders repeated equally, the newest is named.
    """
    lines = [line for line in ctx.own_lines() if not ctx.is_service(line.sku)]
    matched: Counter[str] = Counter()
    placed = {}
    for line in lines:
        for purchase in {p.order_id: p for p in ctx.customer.recent.get(line.sku, ())}.values():
            matched[purchase.order_id] += 1
            placed[purchase.order_id] = purchase.at
    if not matched:
        return None
    order_id = max(matched, key=lambda o: (matched[o], placed[o]))
    count = matched[order_id]
    if count < 2 or count < ctx.thresholds.repeat_order_share * len(lines):
        return None
    return RepeatedOrder(
        order_id=order_id,
        placed_at=placed[order_id],
        matched_lines=count,
        message=f"This cart repeats order {order_id}, placed {ago(ctx.now - placed[order_id])}.",
    )
