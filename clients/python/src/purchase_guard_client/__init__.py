"""purchase-guard's Python SDK: checks that never hold a checkout up.

    from purchase_guard_client import GuardClient
    guard = GuardClient(base_url="http://127.0.0.1:8000", api_key="pgk_...")
    result = guard.check("c-alice", ["bk-hobbit-ebook"])
"""

from purchase_guard_client import errors, models
from purchase_guard_client.client import AsyncGuardClient, GuardClient
from purchase_guard_client.errors import (
    APIError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    GuardError,
    GuardUnavailableError,
    NotFoundError,
    PayloadTooLargeError,
    PermissionDeniedError,
    ServerError,
    ServiceUnavailableError,
    ValidationError,
)
from purchase_guard_client.flow import AsyncCheckout, Checkout, OrderRecorder, Review
from purchase_guard_client.models import CheckResult, Verdict, WarningCode

__all__ = [
    "APIError", "AsyncCheckout", "AsyncGuardClient", "AuthenticationError", "BadRequestError",
    "CheckResult", "Checkout", "ConflictError", "GuardClient", "GuardError",
    "GuardUnavailableError", "NotFoundError", "OrderRecorder", "PayloadTooLargeError",
    "PermissionDeniedError", "Review", "ServerError", "ServiceUnavailableError",
    "ValidationError", "Verdict", "WarningCode", "errors", "models",
]
