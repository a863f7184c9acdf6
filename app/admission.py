"""A request is admitted in one order on every route: 401, 403, 415, then 413 and 400.

Before the route sees the request: who is calling (401) and whether their role may use the
route (403), whether the body is of the route's media type (415), whether it fits (413),
and whether a JSON body is text the parser can read (400: a UTF-8 byte order mark or
invalid UTF-8). A query parameter the route does not know is a 422 naming it, as an unknown
body field is: `sinse=` silently ignored would answer a question nobody asked. The route
then parses and validates (400/422). The key found here is kept
in the request state, so the route's own key dependency does not look it up again.

Ordinary bodies are read here whole (they are small), so an oversized one is refused with
or without a Content-Length. A streamed route (the NDJSON batch) is counted as it is read
instead, and stops at its limit.
"""

from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from fastapi.routing import APIRoute
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.auth import bearer_key
from app.errors import (
    BadRequest,
    InvalidInput,
    MethodNotAllowed,
    PayloadTooLarge,
    ProblemError,
    Unauthorized,
    UnsupportedMediaType,
    render_problem,
)
from app.keys.principals import Role

_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class RouteRules:
    roles: frozenset[Role] | None  # None: the route needs no key
    media_type: str | None  # None: the route takes no body
    body_required: bool
    query: frozenset[str]  # the query parameters it takes


def route_rules(route: APIRoute) -> RouteRules:
    """What a route demands, read off its declaration: its key dependency and its body."""
    roles = _roles(route.dependant)
    declared = (route.openapi_extra or {}).get("requestBody")
    if declared is not None:
        media_type: str | None = next(iter(declared["content"]))
        required = bool(declared.get("required"))
    elif route.body_field is not None:
        media_type, required = "application/json", route.body_field.field_info.is_required()
    else:
        media_type, required = None, False
    return RouteRules(roles, media_type, required, frozenset(_query_names(route.dependant)))


def _query_names(dependant: Any) -> list[str]:
    names = [param.alias for param in dependant.query_params]
    for sub in dependant.dependencies:
        names += _query_names(sub)
    return names


def _roles(dependant: Any) -> frozenset[Role] | None:
    for sub in dependant.dependencies:
        roles = getattr(sub.call, "roles", None)
        if roles is not None:
            return frozenset(roles)
        found = _roles(sub)
        if found is not None:
            return found
    return None


class Admission:
    """`routes`: the app's API routes in the order the router tries them."""

    def __init__(self, app: ASGIApp, *, routes: list[APIRoute], default_limit: int,
                 streamed_limits: dict[str, int]) -> None:
        self.app = app
        self.default_limit = default_limit
        self.streamed_limits = streamed_limits
        self._routes = [(route, route_rules(route)) for route in routes]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        try:
            rules = self._rules_for(scope)
            if rules is not None:
                await self._admit(scope, rules)
            limit = self.streamed_limits.get(scope["path"], self.default_limit)
            _declared_size_within(scope, limit)
            streamed = scope["path"] in self.streamed_limits
            messages, body = ([], b"") if streamed else await _read(receive, limit)
            if rules is not None and rules.media_type == "application/json":
                _readable_json_text(body)
            if rules is not None:
                _known_query(scope, rules.query)
        except ProblemError as error:
            await render_problem(error)(scope, receive, send)
            return
        if streamed:  # counted as the route reads it
            await self.app(scope, _counting(receive, limit), send)
        else:
            await self.app(scope, replaying(messages, receive), send)

    def _rules_for(self, scope: Scope) -> RouteRules | None:
        found: tuple[APIRoute, RouteRules] | None = None
        literal_methods: set[str] = set()  # of routes on this exact path, without ids in it
        for route, rules in self._routes:
            match = route.matches(scope)[0]
            if match == Match.FULL and found is None:
                found = (route, rules)
            if match != Match.NONE and "{" not in route.path:
                literal_methods |= route.methods or set()
        if literal_methods and (found is None or "{" in found[0].path):
            # `PUT /v1/products/batch` is the batch endpoint with the wrong method, not the
            # product `batch`.
            allowed = ", ".join(sorted(literal_methods))
            raise MethodNotAllowed(f"{scope['method']} is not allowed here; use {allowed}.",
                                   headers={"Allow": allowed})
        return None if found is None else found[1]  # None: the router answers 404 or 405

    async def _admit(self, scope: Scope, rules: RouteRules) -> None:
        if rules.roles is not None:
            key = bearer_key(_header(scope, b"authorization"))
            if key is None:
                raise Unauthorized("Send an API key as `Authorization: Bearer <key>`.")
            principal = await scope["app"].state.runtime.keys.authenticate(key, rules.roles)
            scope.setdefault("state", {})["principal"] = principal
        if rules.media_type is None or scope["method"] not in _BODY_METHODS:
            return
        sent = _header(scope, b"content-type")
        if sent is None and not rules.body_required and not _may_have_body(scope):
            return
        media_type = (sent or "").split(";", 1)[0].strip().lower()
        if media_type != rules.media_type:
            raise UnsupportedMediaType(
                f"Send the body as {rules.media_type}"
                + (f", not {media_type}." if media_type else " (no Content-Type was given)."))


def _known_query(scope: Scope, known: frozenset[str]) -> None:
    if not scope["query_string"]:
        return
    sent = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
    unknown = sorted({name for name, _ in sent if name not in known})
    if unknown:
        raise InvalidInput(f"Unknown query parameter(s): {', '.join(map(repr, unknown))}.",
                           errors=[{"loc": ["query", name], "msg": "not a parameter of this "
                                    "operation"} for name in unknown])


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return str(value.decode("latin-1"))
    return None


def _may_have_body(scope: Scope) -> bool:
    length = _header(scope, b"content-length")
    return _header(scope, b"transfer-encoding") is not None or (length not in (None, "0"))


def _declared_size_within(scope: Scope, limit: int) -> None:
    declared = _header(scope, b"content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)


async def read_body(receive: Receive, limit: int) -> tuple[list[Message], bytes | None]:
    """The messages read and the whole body; None for the body once it passes `limit` (the
    messages read so far are still returned, so the request can be replayed)."""
    messages: list[Message] = []
    chunks: list[bytes] = []
    total = 0
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            return messages, None
        if not message.get("more_body", False):
            break
    return messages, b"".join(chunks)


async def _read(receive: Receive, limit: int) -> tuple[list[Message], bytes]:
    messages, body = await read_body(receive, limit)
    if body is None:
        raise _too_large(limit)
    return messages, body


def _readable_json_text(body: bytes) -> None:
    where = [{"loc": ["body"], "msg": ""}]
    if body.startswith(_BOM):
        where[0]["msg"] = "JSON text must not start with a byte order mark (RFC 8259)"
        raise BadRequest("The request body starts with a UTF-8 byte order mark.", errors=where)
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as exc:
        where[0]["msg"] = f"invalid UTF-8 at byte {exc.start}"
        raise BadRequest("The request body is not valid UTF-8.", errors=where) from None


def _counting(receive: Receive, limit: int) -> Receive:
    received = 0

    async def counting_receive() -> Message:
        nonlocal received
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > limit:
                raise _too_large(limit)
        return message

    return counting_receive


def replaying(messages: list[Message], receive: Receive) -> Receive:
    pending = list(messages)

    async def replaying_receive() -> Message:
        return pending.pop(0) if pending else await receive()

    return replaying_receive


def _too_large(limit: int) -> PayloadTooLarge:
    return PayloadTooLarge(f"The body is larger than {limit:,} bytes.")
