"""Typed errors built from the service's RFC 9457 problem details."""

from dataclasses import dataclass, field
from typing import Any

import httpx


@dataclass
class FieldError:
    loc: list[str | int]
    msg: str


class GuardError(Exception):
    """Anything that went wrong calling purchase-guard."""


class GuardUnavailableError(GuardError):
    """The service could not be reached or answered in time (no problem document)."""


class TimeoutError(GuardUnavailableError):  # noqa: A001 - a GuardError, not the builtin
    pass


class ConnectionError(GuardUnavailableError):  # noqa: A001
    pass


@dataclass
class APIError(GuardError):
    """The service answered with a problem document."""

    status: int
    title: str
    detail: str
    type: str = "about:blank"
    errors: list[FieldError] = field(default_factory=list)
    retry_after_s: float | None = None
    problem: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.status} {self.title}: {self.detail}"


class BadRequestError(APIError):
    pass


class AuthenticationError(APIError):
    pass


class PermissionDeniedError(APIError):
    pass


class NotFoundError(APIError):
    pass


class ConflictError(APIError):
    pass


class PayloadTooLargeError(APIError):
    pass


class ValidationError(APIError):
    """Input the service refused; `errors` names each field at fault."""


class ServiceUnavailableError(APIError):
    pass


class ServerError(APIError):
    pass


_BY_STATUS: dict[int, type[APIError]] = {
    400: BadRequestError, 401: AuthenticationError, 403: PermissionDeniedError,
    404: NotFoundError, 409: ConflictError, 413: PayloadTooLargeError, 422: ValidationError,
    503: ServiceUnavailableError,
}


def retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after")
    try:
        return max(float(value), 0.0) if value is not None else None
    except ValueError:
        return None


def from_response(response: httpx.Response) -> APIError:
    try:
        problem = response.json()
        if not isinstance(problem, dict):
            problem = {}
    except ValueError:
        problem = {}
    cls = _BY_STATUS.get(response.status_code,
                         ServerError if response.status_code >= 500 else APIError)
    return cls(
        status=response.status_code,
        title=str(problem.get("title") or response.reason_phrase),
        detail=str(problem.get("detail") or response.text[:200]),
        type=str(problem.get("type") or "about:blank"),
        errors=[FieldError(list(e.get("loc", [])), str(e.get("msg", "")))
                for e in problem.get("errors", []) if isinstance(e, dict)],
        retry_after_s=retry_after(response),
        problem=problem,
    )
