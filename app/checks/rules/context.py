from dataclasses import dataclass, field
from datetime import datetime

from app.checks.customer import CustomerView
from app.checks.facts import CartLine, Catalog, ProductFacts, RepeatedOrder, Thresholds


@dataclass(frozen=True, slots=True)
class Context:
    """Everything a rule may read: the customer at `now`, the catalog and the whole cart."""

    customer: CustomerView
    catalog: Catalog
    cart: tuple[CartLine, ...]
    now: datetime
    thresholds: Thresholds = Thresholds()
    # The recent order most of the cart repeats, when there is one.
    repeats: RepeatedOrder | None = None
    _own: tuple[CartLine, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Every rule asks for the customer's own lines, for every line: found once.
        object.__setattr__(self, "_own", tuple(line for line in self.cart if not line.gift))

    def product(self, sku: str) -> ProductFacts | None:
        return self.catalog.products.get(sku)

    def is_service(self, sku: str) -> bool:
        product = self.catalog.products.get(sku)
        return product is not None and product.is_service

    def own_lines(self) -> tuple[CartLine, ...]:
        """Cart lines the customer buys for themselves (gifts are someone else's)."""
        return self._own

    def in_cart(self, sku: str) -> bool:
        return any(line.sku == sku for line in self.own_lines())

    def active_variants(self, product: ProductFacts) -> tuple[ProductFacts, ...]:
        """Other active products of the same work: its formats, editions and sizes."""
        if not product.work_id:
            return ()
        return tuple(
            p for p in self.catalog.by_work.get(product.work_id, ())
            if p.sku != product.sku and p.active
        )
