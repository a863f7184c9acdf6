"""The read audit as a route's dependency: the caller, path and route are known here, so a
route says only what it read and whose it was."""

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from app.audit import service
from app.audit.writer import AuditWriter
from app.auth import CallerDep
from app.deps import AuditWriterDep
from app.keys.principals import Principal


@dataclass(frozen=True)
class ReadAudit:
    writer: AuditWriter
    caller: service.Caller

    def record(self, action: str, customer_id: str | None) -> None:
        service.record_read(self.writer, self.caller, action=action, customer_id=customer_id)


def read_audit(request: Request, writer: AuditWriterDep, principal: CallerDep) -> ReadAudit:
    return ReadAudit(writer, caller_of(request, principal))


def caller_of(request: Request, principal: Principal) -> service.Caller:
    route = request.scope.get("route")
    path = request.url.path
    return service.Caller(principal, path, getattr(route, "path", path))


ReadAuditDep = Annotated[ReadAudit, Depends(read_audit)]
