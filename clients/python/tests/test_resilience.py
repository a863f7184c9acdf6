"""What a checkout feels when purchase-guard is gone, slow or failing: it proceeds."""

import asyncio
import time

import pytest
from purchase_guard_client import (
    AsyncGuardClient,
    GuardClient,
    GuardUnavailableError,
    ServerError,
    ServiceUnavailableError,
    Verdict,
)


def test_a_stopped_service_fails_open_and_tells_the_hook(stopped_url: str) -> None:
    seen: list[str] = []
    with GuardClient(stopped_url, "k", on_degraded=lambda reason, _: seen.append(reason)) as guard:
        result = guard.check("c-1", ["a"])
    assert (result.verdict, result.degraded, result.warnings) == (Verdict.proceed, True, [])
    assert result.answered_by_sdk and "unreachable" in (result.degraded_reason or "")
    assert seen == [result.degraded_reason]


def test_fail_open_false_raises_instead(stopped_url: str) -> None:
    with GuardClient(stopped_url, "k", fail_open=False) as guard, \
            pytest.raises(GuardUnavailableError):
        guard.check("c-1", ["a"])


def test_a_slow_service_costs_the_budget_not_more(fake) -> None:  # type: ignore[no-untyped-def]
    slow = fake("sleepy", "2")
    with GuardClient(slow.url, "k", check_budget_s=0.3) as guard:
        started = time.perf_counter()
        result = guard.check("c-1", ["a"])
        elapsed = time.perf_counter() - started
    assert result.degraded and "300 ms" in (result.degraded_reason or "")
    assert elapsed < 1.5, "the checkout waited for the slow service"


def test_a_5xx_fails_open(fake) -> None:  # type: ignore[no-untyped-def]
    broken = fake("broken")
    with GuardClient(broken.url, "k") as guard:
        assert guard.check("c-1", ["a"]).degraded
    with GuardClient(broken.url, "k", retries=0) as guard, pytest.raises(ServerError):
        guard.get_product("a")


def test_idempotent_calls_retry_503_honouring_retry_after(fake) -> None:  # type: ignore[no-untyped-def]
    flaky = fake("flaky", "2")
    with GuardClient(flaky.url, "k", retries=3, backoff_s=0.01) as guard:
        started = time.perf_counter()
        assert guard.get_product("a").sku == "a"
        elapsed = time.perf_counter() - started
    assert flaky.count() == 3
    assert elapsed >= 2.0, "Retry-After: 1 was not honoured"


def test_retries_never_go_past_the_call_budget(fake) -> None:  # type: ignore[no-untyped-def]
    flaky = fake("flaky", "5")
    with GuardClient(flaky.url, "k", timeout_s=0.5) as guard:
        started = time.perf_counter()
        with pytest.raises(ServiceUnavailableError) as failed:
            guard.get_product("a")
        assert time.perf_counter() - started < 1.0
    assert failed.value.retry_after_s == 1.0 and flaky.count() == 1


def test_a_return_without_its_own_id_is_never_retried(fake) -> None:  # type: ignore[no-untyped-def]
    flaky = fake("flaky", "1")
    with GuardClient(flaky.url, "k", backoff_s=0.01) as guard, \
            pytest.raises(ServiceUnavailableError):
        guard.record_return("o-1", {"lines": [{"sku": "a", "quantity": 1}], "reason": "other"})
    assert flaky.count() == 1


def test_the_async_client_fails_open_the_same_way(fake, stopped_url: str) -> None:  # type: ignore[no-untyped-def]
    slow = fake("sleepy", "2")

    async def run() -> None:
        async with AsyncGuardClient(stopped_url, "k") as gone:
            assert (await gone.check("c-1", ["a"])).degraded
        async with AsyncGuardClient(slow.url, "k", check_budget_s=0.3) as guard:
            started = time.perf_counter()
            assert (await guard.check("c-1", ["a"])).degraded
            assert time.perf_counter() - started < 1.0

    asyncio.run(run())
