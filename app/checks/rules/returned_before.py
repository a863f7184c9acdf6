from app.checks.facts import CartLine, CartWarning, Severity, Suggestion, WarningCode
from app.checks.messages import REASON_TEXT, day, return_evidence
from app.checks.rules.context import Context
from app.checks.sizes import neighbour_size

CODE = "RETURNED_BEFORE"
SEVERITY = "info"
ORDER = 7
OWNERSHIP = True

_SIZE_STEP = {"too_small": 1, "too_large": -1}


def check(line: CartLine, ctx: Context) -> list[CartWarning]:
    """The customer sent this back before and has none now: say why, point to what fits."""
    returns = ctx.customer.returns.get(line.sku)
    if not returns or ctx.customer.owns(line.sku):
        return []
    latest = returns[0]
    message = (f"You returned this on {day(latest.at)} (order {latest.order_id}): "
               f"{REASON_TEXT.get(latest.reason, latest.reason)}.")
    suggestion = None
    product = ctx.product(line.sku)
    step = _SIZE_STEP.get(latest.reason)
    if product is not None and step is not None:
        variant = neighbour_size(product, ctx.active_variants(product), step=step)
        if variant is not None:
            direction = "up" if step > 0 else "down"
            suggestion = Suggestion(
                "replace", f"Size {variant.size} is one size {direction}.", sku=variant.sku
            )
            message += f" Size {variant.size} may fit better."
    return [CartWarning(
        code=WarningCode(CODE),
        severity=Severity.info,
        sku=line.sku,
        message=message,
        evidence=tuple(return_evidence(r) for r in returns),
        suggestion=suggestion,
    )]
