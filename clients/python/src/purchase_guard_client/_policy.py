"""Budgets, retries and failing open: the rules both clients follow."""

import os
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

from purchase_guard_client import errors
from purchase_guard_client.models import CheckResult, Verdict

DEFAULT_URL = "http://127.0.0.1:8000"
DegradedHook = Callable[[str, BaseException], None]


@dataclass(frozen=True)
class Settings:
    base_url: str
    key: str | None
    check_budget_s: float
    timeout_s: float
    retries: int
    backoff_s: float
    fail_open: bool
    on_degraded: DegradedHook | None


def settings(base_url: str | None, api_key: str | None, *, check_budget_s: float,
             timeout_s: float, retries: int, backoff_s: float, fail_open: bool,
             on_degraded: DegradedHook | None) -> Settings:
    """The arguments, else the environment (`PURCHASE_GUARD_BASE_URL`,
    `PURCHASE_GUARD_API_KEY`; the older `PURCHASE_GUARD_URL` and `PURCHASE_GUARD_KEY` still
    count), else a service on this machine."""
    return Settings(
        base_url=(base_url or _env("PURCHASE_GUARD_BASE_URL", "PURCHASE_GUARD_URL")
                  or DEFAULT_URL).rstrip("/"),
        key=api_key or _env("PURCHASE_GUARD_API_KEY", "PURCHASE_GUARD_KEY"),
        check_budget_s=check_budget_s, timeout_s=timeout_s, retries=max(retries, 0),
        backoff_s=backoff_s, fail_open=fail_open, on_degraded=on_degraded,
    )


def _env(*names: str) -> str | None:
    return next((value for name in names if (value := os.environ.get(name))), None)


def headers(config: Settings) -> dict[str, str]:
    out = {"User-Agent": "purchase-guard-client-python/0.1.0"}
    if config.key:
        out["Authorization"] = f"Bearer {config.key}"
    return out


def transport_error(exc: httpx.HTTPError) -> errors.GuardUnavailableError:
    if isinstance(exc, httpx.TimeoutException):
        return errors.TimeoutError(f"no answer in time: {exc!r}")
    return errors.ConnectionError(f"cannot reach purchase-guard: {exc!r}")


def retryable(error: errors.GuardError) -> bool:
    if isinstance(error, errors.GuardUnavailableError):
        return True
    return isinstance(error, errors.APIError) and error.status in (502, 503, 504)


def backoff(config: Settings, attempt: int, error: errors.GuardError) -> float:
    """Exponential with full jitter; the server's Retry-After wins when it says more."""
    delay = random.uniform(0, config.backoff_s * 2 ** attempt)
    if isinstance(error, errors.APIError) and error.retry_after_s is not None:
        delay = max(delay, error.retry_after_s)
    return delay


def proceed(customer_id: str, reason: str) -> CheckResult:
    """What the checkout gets when purchase-guard cannot answer: go ahead, marked degraded."""
    return CheckResult(check_id=None, customer_id=customer_id, verdict=Verdict.proceed,
                       warnings=[], degraded=True, as_of=datetime.now(UTC),
                       degraded_reason=reason)


def fail_open_reason(error: errors.GuardError, budget_s: float) -> str | None:
    """Why a check may answer `proceed` by itself, or None when the error must be raised."""
    if isinstance(error, errors.TimeoutError):
        return f"purchase-guard did not answer within {budget_s * 1000:.0f} ms"
    if isinstance(error, errors.GuardUnavailableError):
        return f"purchase-guard unreachable: {error}"
    if isinstance(error, errors.APIError) and error.status >= 500:
        return f"purchase-guard answered {error.status}"
    return None
