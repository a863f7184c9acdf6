from dataclasses import dataclass
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

    def product(self, sku: str) -> ProductFacts | None:
        return self.catalog.get(sku)

    def is_service(self, sku: str) -> bool:
        product = self.catalog.get(sku)
        return product is not None and product.is_service

    def own_lines(self) -> tuple[CartLine, ...]:
        """Cart lines the customer buys for themselves (gifts are someone else's)."""
        return tuple(line for line in self.cart if not line.gift)

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
