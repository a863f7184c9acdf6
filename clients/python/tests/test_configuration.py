"""Where a client finds its service and key: arguments first, then the environment, as
HTTP SDKs usually do (`PURCHASE_GUARD_BASE_URL`, `PURCHASE_GUARD_API_KEY`)."""

import pytest
from purchase_guard_client import AuthenticationError, GuardClient


def test_a_client_made_with_no_arguments_reads_the_environment(
        service: str, keys: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PURCHASE_GUARD_BASE_URL", service)
    monkeypatch.setenv("PURCHASE_GUARD_API_KEY", keys["support"])
    with GuardClient() as agent:
        assert agent.warning_stats().items, "the support key was sent to that service"


def test_arguments_win_over_the_environment(
        service: str, keys: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PURCHASE_GUARD_BASE_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("PURCHASE_GUARD_API_KEY", "pgk_wrong")
    with GuardClient(base_url=service, api_key=keys["support"]) as agent:
        assert agent.warning_stats().items
    with GuardClient(base_url=service) as stranger, pytest.raises(AuthenticationError):
        stranger.warning_stats()
