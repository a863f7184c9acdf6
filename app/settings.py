from datetime import timedelta
from functools import cached_property

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything configurable, read from `PURCHASE_GUARD_*` environment variables."""

    model_config = SettingsConfigDict(env_prefix="PURCHASE_GUARD_", extra="ignore")

    database_url: str = "sqlite+aiosqlite:///./purchase-guard.db"
    redis_url: str | None = None
    redis_key_prefix: str = "pg:"
    redis_cluster: bool = False
    admin_key: SecretStr | None = None
    duplicate_window_hours: float = Field(default=24, gt=0, le=24 * 365)
    # A customer with this many kept repeat orders re-orders on purpose: DUPLICATE_ORDER
    # is `info` for them (0 keeps it `confirm` for everyone). 8 by the backtest of the
    # Online Retail year: fewer lets a likely double order through (bench/RESULTS.md).
    habit_after: int = Field(default=8, ge=0, le=1_000)
    # DUPLICATE_ORDER is `info` for a sku the customer bought anyway this many times, each
    # through an order naming its check and kept a week (0: never).
    routine_after: int = Field(default=2, ge=0, le=1_000)
    # A cart repeats an order when this share of its lines (two or more) are in it.
    repeat_order_share: float = Field(default=0.8, gt=0, le=1)
    suppress_days: float = Field(default=30, ge=0, le=3650)
    check_budget_ms: int = Field(default=150, ge=10, le=60_000)
    db_pool_size: int = Field(default=20, ge=1, le=200)
    db_pool_timeout_s: float = Field(default=2.0, gt=0, le=60)
    db_connect_timeout_s: float = Field(default=3.0, gt=0, le=60)
    db_command_timeout_s: float = Field(default=5.0, gt=0, le=600)
    redis_timeout_s: float = Field(default=0.1, gt=0, le=10)
    redis_retry_s: float = Field(default=0.25, ge=0, le=300)
    redis_max_connections: int = Field(default=1024, ge=1, le=100_000)
    max_body_bytes: int = Field(default=4 * 1024 * 1024, ge=1024)
    max_batch_body_bytes: int = Field(default=128 * 1024 * 1024, ge=1024)
    # What one worker keeps in process: bounded, and shown in /metrics.
    snapshot_max_entries: int = Field(default=20_000, ge=0)
    snapshot_max_rows: int = Field(default=5_000_000, ge=0)
    # A fresh worker loads this many of the most recently active customers' snapshots.
    snapshot_warm_up_customers: int = Field(default=2_000, ge=0)
    # ... and takes checks once they are loaded, or after this long, whichever comes first.
    snapshot_warm_up_s: float = Field(default=10.0, ge=0, le=300)
    catalog_cache_max_entries: int = Field(default=200_000, ge=100)
    log_level: str = "info"

    @field_validator("database_url")
    @classmethod
    def _known_driver(cls, value: str) -> str:
        value = value.strip()
        if value.startswith("postgresql://") or value.startswith("postgres://"):
            value = "postgresql+asyncpg://" + value.split("://", 1)[1]
        if not (value.startswith("sqlite+aiosqlite://") or value.startswith("postgresql+asyncpg://")):
            raise ValueError(
                "use sqlite+aiosqlite:///path.db or postgresql+asyncpg://user@host/db"
            )
        return value

    @field_validator("redis_url")
    @classmethod
    def _redis_scheme(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        if not value.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("use redis://host:port/db")
        return value.strip()

    @property
    def duplicate_window(self) -> timedelta:
        return timedelta(hours=self.duplicate_window_hours)

    @cached_property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")
