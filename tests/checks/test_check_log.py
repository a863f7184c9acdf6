"""The check log after a write whose outcome was unknown: a connection that died while its
batch was stored may have stored it anyway. The retry must neither fail on the rows already
there (which would stall the log and every read that flushes it) nor write them twice."""

import uuid

import orjson
import pytest
from sqlalchemy import func, select

from app.batch_writer import Sink
from app.checks.log_writer import LoggedCheck, check_log_sink, check_log_writer
from app.checks.models import Check
from app.db import create_engine, create_sessionmaker, utcnow
from app.settings import Settings


class AnswerLostOnce:
    """The writer's own sink on the real database; its first write lands, then its
    connection 'dies' before the answer reaches us, as a cut network does."""

    def __init__(self, sink: Sink[LoggedCheck]) -> None:
        self.sink = sink
        self.lost = False

    async def write(self, rows: list[LoggedCheck]) -> None:
        await self.sink.write(rows)
        if not self.lost:
            self.lost = True
            raise ConnectionResetError("the connection died as the write landed")

    async def unwritten(self, rows: list[LoggedCheck]) -> list[LoggedCheck]:
        return await self.sink.unwritten(rows)

    async def close(self) -> None:
        await self.sink.close()


def _logged(check_id: str) -> LoggedCheck:
    now = utcnow()
    body = {"check_id": check_id, "customer_id": "c-1", "verdict": "confirm",
            "warnings": [{"sku": "a", "code": "DUPLICATE_ORDER", "severity": "confirm"}],
            "degraded": False, "as_of": "2026-11-30T00:00:00Z", "degraded_reason": None}
    return LoggedCheck(
        check=(check_id, "c-1", now, now, "confirm", orjson.dumps(body).decode(),
               '[{"sku": "a"}, {"sku": "b"}]', " a b ", '["DUPLICATE_ORDER"]'),
    )


async def test_a_batch_whose_commit_was_lost_is_stored_once_on_retry(settings: Settings) -> None:
    engine = create_engine(settings)
    sessionmaker = create_sessionmaker(engine)
    writer = check_log_writer(AnswerLostOnce(check_log_sink(settings, sessionmaker)))
    ids = [f"chk_{uuid.uuid4().hex}" for _ in range(3)]
    for check_id in ids:
        writer.record(_logged(check_id))
    with pytest.raises(ConnectionResetError):
        await writer.flush()
    assert writer.pending == 3, "rows whose write failed are kept for the retry"
    writer.record(_logged(later := f"chk_{uuid.uuid4().hex}"))
    await writer.flush()
    assert writer.pending == 0
    async with sessionmaker() as session:
        stored = await session.scalar(select(func.count()).select_from(Check).where(
            Check.check_id.in_([*ids, later])))
        assert stored == 4
    await writer.close()
    await engine.dispose()
