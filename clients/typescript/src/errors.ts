// Typed errors built from the service's RFC 9457 problem details.

export interface FieldError {
  loc: (string | number)[];
  msg: string;
}

export class GuardError extends Error {}

/** The service could not be reached or did not answer in time. */
export class GuardUnavailableError extends GuardError {}
export class GuardTimeoutError extends GuardUnavailableError {}
export class GuardConnectionError extends GuardUnavailableError {}

export class APIError extends GuardError {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly type: string,
    readonly errors: FieldError[],
    readonly retryAfterS: number | null,
    readonly problem: Record<string, unknown>,
  ) {
    super(`${status} ${title}: ${detail}`);
  }
}

export class BadRequestError extends APIError {}
export class AuthenticationError extends APIError {}
export class PermissionDeniedError extends APIError {}
export class NotFoundError extends APIError {}
export class ConflictError extends APIError {}
export class PayloadTooLargeError extends APIError {}
/** Input the service refused; `errors` names each field at fault. */
export class ValidationError extends APIError {}
export class ServiceUnavailableError extends APIError {}
export class ServerError extends APIError {}

const BY_STATUS: Record<number, typeof APIError> = {
  400: BadRequestError, 401: AuthenticationError, 403: PermissionDeniedError,
  404: NotFoundError, 409: ConflictError, 413: PayloadTooLargeError, 422: ValidationError,
  503: ServiceUnavailableError,
};

export function retryAfter(response: Response): number | null {
  const value = response.headers.get("retry-after");
  if (value === null) return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) ? Math.max(seconds, 0) : null;
}

export async function fromResponse(response: Response): Promise<APIError> {
  const text = await response.text();
  let problem: Record<string, unknown> = {};
  try {
    const parsed = JSON.parse(text);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) problem = parsed;
  } catch {
    // not a problem document: keep the text as the detail
  }
  const Kind = BY_STATUS[response.status] ?? (response.status >= 500 ? ServerError : APIError);
  const errors = Array.isArray(problem.errors)
    ? (problem.errors as FieldError[]).map((e) => ({ loc: e.loc ?? [], msg: String(e.msg ?? "") }))
    : [];
  return new Kind(
    response.status,
    String(problem.title ?? response.statusText),
    String(problem.detail ?? text.slice(0, 200)),
    String(problem.type ?? "about:blank"),
    errors,
    retryAfter(response),
    problem,
  );
}
