"""Every object of the purchase-guard contract, as typed models.

The models are generated from `openapi/openapi.json` (`_generated.py`, by
`clients/python/generate_models.py`); a test fails when they drift from the contract.
Responses keep fields this SDK does not know yet (a newer service may add some). Below,
the names this SDK has always used for what it sends and for the contract's pages.
"""

from purchase_guard_client import _generated
from purchase_guard_client._generated import *  # noqa: F403
from purchase_guard_client._generated import (
    AuditEntryOut,
    CheckItem,
    OrderCreate,
    PreferencesUpdate,
    ProductUpsert,
    ReturnCreate,
    ReturnLineIn,
)

ProductIn = ProductUpsert
OrderIn = OrderCreate
ReturnIn = ReturnCreate
ReturnLine = ReturnLineIn
PreferencesIn = PreferencesUpdate
CartItem = CheckItem
AuditEntry = AuditEntryOut


class CheckResult(_generated.CheckResult):
    """A check's answer; `check_id` is None only when the SDK answered by itself (it failed
    open: the service was slow or away)."""

    check_id: str | None  # type: ignore[assignment]

    @property
    def answered_by_sdk(self) -> bool:
        return self.check_id is None
