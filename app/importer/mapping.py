"""Which CSV column holds which field, and the presets for known datasets."""

from dataclasses import dataclass, field, replace
from zoneinfo import ZoneInfo

FIELDS = ("order_id", "customer_id", "placed_at", "sku", "quantity", "unit_price", "check_id")
REQUIRED = ("order_id", "customer_id", "placed_at", "sku", "quantity")


@dataclass(frozen=True)
class ColumnMapping:
    columns: dict[str, str] = field(default_factory=lambda: {f: f for f in FIELDS})
    # Timestamps without a zone are read in this one.
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("UTC"))
    # Orders whose id starts with this are returns of earlier lines (negative quantities).
    return_prefix: str | None = None
    # Non-goods codes of the dataset (sku -> title), created as `service` products when the
    # catalog does not have them yet: postage and fees are never warned as repeats.
    services: tuple[tuple[str, str], ...] = ()

    def with_overrides(self, spec: str | None) -> "ColumnMapping":
        """`order_id=InvoiceNo,sku=StockCode`: override some columns."""
        if not spec:
            return self
        columns = dict(self.columns)
        for pair in spec.split(","):
            name, _, column = pair.partition("=")
            name, column = name.strip(), column.strip()
            if name not in FIELDS or not column:
                raise ValueError(f"--map: {pair!r} is not field=column with field one of "
                                 f"{', '.join(FIELDS)}")
            columns[name] = column
        return replace(self, columns=columns)

    def missing(self, header: list[str]) -> list[str]:
        return [f"{name} (column {self.columns[name]!r})" for name in REQUIRED
                if self.columns[name] not in header]


PRESETS = {
    # The UCI "Online Retail" dataset in ../shared/data/online_retail.csv.gz.
    "online-retail": ColumnMapping(
        columns={"order_id": "InvoiceNo", "customer_id": "CustomerID",
                 "placed_at": "InvoiceDate", "sku": "StockCode", "quantity": "Quantity",
                 "unit_price": "UnitPrice"},
        timezone=ZoneInfo("Europe/London"),
        return_prefix="C",
        # Every stock code of the year that is not a product, by its description: postage,
        # carriage, fees, commission, manual and accounting adjustments. (`BANK CHARGES`
        # is one too, but its space makes it no sku: its rows are reported, not imported.)
        services=(
            ("POST", "Postage"), ("DOT", "Dotcom postage"), ("C2", "Carriage"),
            ("M", "Manual"), ("m", "Manual"), ("D", "Discount"), ("S", "Samples"),
            ("AMAZONFEE", "Amazon fee"), ("CRUK", "CRUK commission"), ("B", "Adjust bad debt"),
        ),
    ),
}
