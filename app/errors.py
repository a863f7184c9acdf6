"""RFC 9457 problem details: one error family, one renderer."""

import logging
import re
from collections.abc import Sequence
from typing import Any

import asyncpg
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

logger = logging.getLogger("purchase_guard")

PROBLEM_JSON = "application/problem+json"

# A database that is down, unreachable or out of connections: 503, never 500.
DEPENDENCY_DOWN: tuple[type[Exception], ...] = (
    OperationalError, InterfaceError, PoolTimeout, ConnectionError, OSError, TimeoutError,
)
# What a read may meet when the database is slow, gone or refuses: the reader carries on
# without it (a degraded check, a later warm-up) instead of failing.
DATABASE_ERRORS: tuple[type[Exception], ...] = (SQLAlchemyError, *DEPENDENCY_DOWN)


class ProblemError(Exception):
    type: str = "about:blank"
    title: str = "Error"
    status: int = 500

    def __init__(
        self,
        detail: str,
        *,
        errors: Sequence[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = list(errors) if errors is not None else None
        self.headers = headers


def _problem_type(slug: str) -> str:
    return f"urn:purchase-guard:problem:{slug}"


class BadRequest(ProblemError):
    type, title, status = _problem_type("bad-request"), "Bad request", 400


class Unauthorized(ProblemError):
    type, title, status = _problem_type("unauthorized"), "Unauthorized", 401

    def __init__(self, detail: str) -> None:
        super().__init__(detail, headers={"WWW-Authenticate": "Bearer"})


class Forbidden(ProblemError):
    type, title, status = _problem_type("forbidden"), "Forbidden", 403


class NotFound(ProblemError):
    type, title, status = _problem_type("not-found"), "Not found", 404


class MethodNotAllowed(ProblemError):
    type, title, status = _problem_type("method-not-allowed"), "Method not allowed", 405


class Conflict(ProblemError):
    type, title, status = _problem_type("conflict"), "Conflict", 409


class PayloadTooLarge(ProblemError):
    type, title, status = _problem_type("payload-too-large"), "Payload too large", 413


class UnsupportedMediaType(ProblemError):
    type, title, status = _problem_type("unsupported-media-type"), "Unsupported media type", 415


class InvalidInput(ProblemError):
    type, title, status = _problem_type("validation"), "Invalid input", 422

    def __init__(
        self,
        detail: str,
        *,
        loc: Sequence[str | int] = (),
        errors: Sequence[dict[str, Any]] | None = None,
    ) -> None:
        super().__init__(detail, errors=errors or [{"loc": list(loc), "msg": detail}])


class ServiceUnavailable(ProblemError):
    type, title, status = _problem_type("unavailable"), "Service unavailable", 503

    def __init__(self, detail: str, *, retry_after_s: int = 1) -> None:
        super().__init__(detail, headers={"Retry-After": str(retry_after_s)})


# Each status's problem type and title, as its class above states them.
_TITLES = {problem.status: problem for problem in (
    BadRequest, Unauthorized, Forbidden, NotFound, MethodNotAllowed, Conflict, PayloadTooLarge,
    UnsupportedMediaType, InvalidInput, ServiceUnavailable)}


def problem_response(
    *,
    status: int,
    title: str,
    detail: str,
    type_: str = "about:blank",
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {"type": type_, "title": title, "status": status, "detail": detail}
    if errors is not None:
        body["errors"] = errors
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def render_problem(error: ProblemError) -> JSONResponse:
    return problem_response(
        status=error.status,
        title=error.title,
        detail=error.detail,
        type_=error.type,
        errors=error.errors,
        headers=error.headers,
    )


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    return [
        {"loc": [str(part) if not isinstance(part, int) else part for part in e["loc"]],
         "msg": e["msg"]}
        for e in exc.errors()
    ]


async def _on_problem(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ProblemError)
    return render_problem(exc)


async def _on_validation(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = _validation_errors(exc)
    if any(e.get("type") == "json_invalid" for e in exc.errors()):
        return render_problem(BadRequest("The request body is not valid JSON.", errors=errors))
    fields = ", ".join(".".join(str(p) for p in e["loc"]) for e in errors[:5])
    return render_problem(InvalidInput(f"Invalid field(s): {fields}.", errors=errors))


async def _on_http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    cls = _TITLES.get(exc.status_code)
    title = cls.title if cls else "Error"
    type_ = cls.type if cls else "about:blank"
    detail = exc.detail if isinstance(exc.detail, str) else title
    headers = dict(exc.headers) if exc.headers else {}
    if exc.status_code == 405:
        # Starlette names only the first matching route's methods; a path may have several.
        headers["Allow"] = ", ".join(_allowed_methods(request))
    return problem_response(
        status=exc.status_code, title=title, detail=detail, type_=type_, headers=headers or None,
    )


def _allowed_methods(request: Request) -> list[str]:
    patterns = getattr(request.app.state, "path_methods", None)
    if patterns is None:
        patterns = [
            (re.compile("^" + re.sub(r"\\{[^}]+\\}", "[^/]+", re.escape(path)) + "$"),
             sorted(m.upper() for m in ops), "{" in path)
            for path, ops in request.app.openapi()["paths"].items()
        ]
        request.app.state.path_methods = patterns
    path = request.url.path
    literal = [methods for pattern, methods, templated in patterns
               if not templated and pattern.match(path)]
    if literal:  # `/v1/products/batch` is that path, not the product `batch`
        return sorted(literal[0])
    return sorted({m for pattern, methods, _ in patterns if pattern.match(path) for m in methods})


# Failures after which a write's outcome is known: no connection was ever had.
_NOTHING_SENT = (PoolTimeout, ConnectionRefusedError)
_READS = frozenset({"GET", "HEAD", "OPTIONS"})


_CONNECTION_LOST = (asyncpg.exceptions.InterfaceError, asyncpg.exceptions.PostgresConnectionError,
                    asyncpg.exceptions.OperatorInterventionError)


def is_dependency_failure(exc: BaseException) -> bool:
    """The database (or the network to it) failed, as opposed to a bug of ours."""
    if isinstance(exc, DEPENDENCY_DOWN):
        return True
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    # asyncpg's own errors (a connection closed mid-operation, the server shutting down),
    # raised directly where we COPY, or under SQLAlchemy's generic DBAPIError, which does
    # not always mark the connection invalidated.
    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            return False
        if isinstance(seen, _CONNECTION_LOST):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def failure_response(method: str, path: str, exc: BaseException) -> JSONResponse:
    """503 for a failed dependency, 500 for anything else; never a false "nothing was
    written": a write cut off by a lost connection may have been committed."""
    if is_dependency_failure(exc):
        logger.warning("dependency unavailable on %s %s: %s: %s", method, path,
                       type(exc).__name__, exc)
        if method in _READS or isinstance(exc, _NOTHING_SENT):
            detail = "The database is unavailable; nothing was written. Retry shortly."
        else:
            detail = ("The database connection was lost while this request ran: it may or "
                      "may not have been recorded. Send it again: orders, cancellations, "
                      "updates and returns with a return_id are idempotent.")
        return render_problem(ServiceUnavailable(detail, retry_after_s=2))
    logger.error("unexpected %s on %s %s: %s", type(exc).__name__, method, path, exc,
                 exc_info=exc)
    detail = "Something went wrong on our side."
    if method not in _READS:
        detail += " This request may or may not have been recorded; sending it again is safe."
    return problem_response(status=500, title="Internal server error", detail=detail,
                            type_=_problem_type("internal"))


async def _on_failure(request: Request, exc: Exception) -> JSONResponse:
    return failure_response(request.method, request.url.path, exc)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ProblemError, _on_problem)
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    # Handled here rather than by Starlette's last-resort handler, which would answer and
    # then re-raise, dropping the keep-alive connection (see app/last_resort.py).
    for failure in (*DEPENDENCY_DOWN, DBAPIError, asyncpg.exceptions.InterfaceError,
                    asyncpg.exceptions.PostgresError):
        app.add_exception_handler(failure, _on_failure)
    app.add_exception_handler(Exception, _on_failure)
