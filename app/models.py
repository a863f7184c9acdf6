"""Every table, imported in one place so Alembic and tests see the whole metadata."""

from app.audit.models import AuditEntry
from app.catalog.models import Product
from app.checks.models import Check, Feedback
from app.customers.models import PreferenceVersion
from app.db import Base
from app.freshness.models import DataVersion
from app.keys.models import ApiKey
from app.orders.models import CustomerOrder, OrderLine, OrderReturn, ReturnLine

__all__ = [
    "ApiKey", "AuditEntry", "Base", "Check", "CustomerOrder",
    "DataVersion", "Feedback", "OrderLine", "OrderReturn", "PreferenceVersion", "Product",
    "ReturnLine",
]
