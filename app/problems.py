"""How the problem responses appear in the OpenAPI spec, so clients can rely on them."""

from typing import Any

from pydantic import BaseModel

from app.errors import PROBLEM_JSON


class FieldError(BaseModel):
    loc: list[str | int]
    msg: str


class Problem(BaseModel):
    type: str
    title: str
    status: int
    detail: str
    errors: list[FieldError] | None = None


_DESCRIPTIONS = {
    400: "Malformed request (body is not valid JSON)",
    401: "No valid API key",
    403: "The key's role may not do this",
    404: "Not found",
    405: "`batch` is not an id: it names the batch endpoint, which takes only POST",
    409: "Conflicts with what is stored",
    413: "Body too large",
    415: "The body is not of the media type the operation takes",
    422: "Invalid input; `errors` names each field at fault",
    503: "A dependency is unavailable; retry after `Retry-After` seconds",
}

# Every /v1 call can meet these, whatever it does (415 only where there is a body to send,
# but a client sending one where none is expected meets nothing else).
COMMON = (400, 401, 403, 413, 415, 422, 503)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    codes = sorted(set(COMMON) | set(statuses))
    return {
        code: {
            "description": _DESCRIPTIONS[code],
            "model": Problem,
            "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for code in codes
    }
