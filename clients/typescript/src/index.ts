// A small fetch-based client for purchase-guard (Node 18+ and browsers).
//
// Checks fail open by default: when purchase-guard does not answer within the check budget
// (300 ms unless set), cannot be reached, or answers 5xx, `check()` resolves to `proceed`
// marked `degraded` (with `degraded_reason`) and calls `onDegraded`; `failOpen: false`
// throws instead. Other calls throw the typed errors of ./errors. Idempotent calls are
// retried on network errors, timeouts and 502/503/504 with jittered backoff and the
// server's Retry-After, never past the call's own budget.

import {
  APIError, GuardConnectionError, GuardError, GuardTimeoutError, GuardUnavailableError,
  ValidationError, fromResponse,
} from "./errors.js";
import type { components, operations } from "./schema.js";

export * from "./errors.js";
export type { components, operations, paths } from "./schema.js";

type Schemas = components["schemas"];
export type Product = Schemas["Product"];
export type ProductUpsert = Schemas["ProductUpsert"];
export type ProductBatchItem = Schemas["ProductBatchItem"];
export type ProductBatchResult = Schemas["ProductBatchResult"];
export type OrderCreate = Schemas["OrderCreate"];
export type Order = Schemas["Order"];
export type OrderBatchResult = Schemas["OrderBatchResult"];
export type ReturnCreate = Schemas["ReturnCreate"];
export type Return = Schemas["Return"];
export type PreferencesUpdate = Schemas["PreferencesUpdate"];
export type Preferences = Schemas["Preferences"];
export type CartItem = Schemas["CheckItem"];
export type WarningCode = Schemas["WarningCode"];
export type Verdict = Schemas["Verdict"];
export type CheckWarning = Schemas["CheckWarning"];
/** @deprecated The earlier name of `CheckWarning`. */
export type Warning = CheckWarning;
export type FeedbackResponse = Schemas["FeedbackResponse"];
export type FeedbackResult = Schemas["FeedbackResult"];
export type WarningStatsPage = Schemas["WarningStatsPage"];
export type KeyCreated = Schemas["KeyCreated"];
export type KeyPage = Schemas["KeyPage"];
export type Profile = Schemas["Profile"];
export type HistoryPage = Schemas["HistoryPage"];
export type AuditPage = Schemas["AuditPage"];
export type Role = Schemas["Role"];
/** A check's answer; `check_id` is null only when the SDK answered by itself (failed open). */
export type CheckResult = Omit<Schemas["CheckResult"], "check_id"> & { check_id: string | null };
export type HistoryQuery = NonNullable<operations["support-get_history"]["parameters"]["query"]>;

export interface GuardOptions {
  /** Default: `PURCHASE_GUARD_BASE_URL` (or the older `PURCHASE_GUARD_URL`), else :8000 here. */
  baseUrl?: string;
  /** Default: `PURCHASE_GUARD_API_KEY` (or the older `PURCHASE_GUARD_KEY`). */
  apiKey?: string;
  /** The older name of `apiKey`. */
  key?: string;
  /** Total time a check may take before it fails open (default 300 ms). */
  checkBudgetMs?: number;
  /** Total time any other call may take, retries included (default 10 s). */
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  failOpen?: boolean;
  onDegraded?: (reason: string, error: unknown) => void;
  fetch?: typeof fetch;
  /** An order recorded within this long of the customer's latest check through this client
   * names that check (`check_id`), unless it names one already (default 1 h; 0: never). */
  linkOrdersWithinMs?: number;
}

const MAX_LINKED_CUSTOMERS = 10_000;

interface Call {
  method: string;
  path: string;
  body?: unknown;
  rawBody?: string;
  contentType?: string;
  query?: Record<string, unknown>;
  idempotent?: boolean;
  empty?: boolean;
}

const env = (name: string): string | undefined =>
  typeof process !== "undefined" ? process.env?.[name] : undefined;

const seg = encodeURIComponent;

export class GuardClient {
  readonly baseUrl: string;
  private readonly key?: string;
  private readonly checkBudgetMs: number;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly failOpen: boolean;
  private readonly onDegraded?: (reason: string, error: unknown) => void;
  private readonly fetchImpl: typeof fetch;
  private readonly linkOrdersWithinMs: number;
  private readonly latestChecks = new Map<string, { checkId: string; at: number }>();

  constructor(options: GuardOptions = {}) {
    this.baseUrl = (options.baseUrl ?? env("PURCHASE_GUARD_BASE_URL") ?? env("PURCHASE_GUARD_URL")
      ?? "http://127.0.0.1:8000").replace(/\/+$/, "");
    this.key = options.apiKey ?? options.key ?? env("PURCHASE_GUARD_API_KEY")
      ?? env("PURCHASE_GUARD_KEY");
    this.checkBudgetMs = options.checkBudgetMs ?? 300;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.retries = Math.max(options.retries ?? 3, 0);
    this.backoffMs = options.backoffMs ?? 100;
    this.failOpen = options.failOpen ?? true;
    this.onDegraded = options.onDegraded;
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.linkOrdersWithinMs = options.linkOrdersWithinMs ?? 3_600_000;
  }

  // checks
  async check(customerId: string, items: (CartItem | string)[], asOf?: string): Promise<CheckResult> {
    const body: Record<string, unknown> = {
      customer_id: customerId,
      items: items.map((i) => (typeof i === "string" ? { sku: i } : i)),
    };
    if (asOf) body.as_of = asOf;
    try {
      const result = await this.send<CheckResult>({ method: "POST", path: "/v1/checks", body },
        this.checkBudgetMs);
      this.remember(result);
      return result;
    } catch (error) {
      const reason = this.failOpenReason(error);
      if (reason === null || !this.failOpen) throw error;
      this.onDegraded?.(reason, error);
      return {
        check_id: null, customer_id: customerId, verdict: "proceed", warnings: [],
        degraded: true, as_of: new Date().toISOString(), degraded_reason: reason,
        repeats_order: null,
      };
    }
  }

  getCheck(checkId: string): Promise<CheckResult> {
    return this.send({ method: "GET", path: `/v1/checks/${seg(checkId)}`, idempotent: true });
  }

  sendFeedback(checkId: string, responses: FeedbackResponse[]): Promise<FeedbackResult> {
    return this.send({ method: "POST", path: `/v1/checks/${seg(checkId)}/feedback`,
      body: { responses }, idempotent: true });
  }

  warningStats(query: { since?: string; until?: string } = {}): Promise<WarningStatsPage> {
    return this.send({ method: "GET", path: "/v1/stats/warnings", query, idempotent: true });
  }

  // history
  /** Records an order; it names the customer's latest check through this client (see
   * `linkOrdersWithinMs`). Should the service refuse that link, the order goes without it:
   * an order is never lost for the sake of a link. */
  async recordOrder(order: OrderCreate): Promise<Order> {
    const body = this.linkOrder(order);
    try {
      return await this.send({ method: "POST", path: "/v1/orders", body, idempotent: true });
    } catch (error) {
      const refused = error instanceof ValidationError && body.check_id &&
        error.errors.some((e) => e.loc.join(".") === "body.check_id");
      if (!refused) throw error;
      const { check_id: _dropped, ...unlinked } = body;
      return this.send({ method: "POST", path: "/v1/orders", body: unlinked, idempotent: true });
    }
  }

  /** The order as `recordOrder` sends it: naming the customer's latest check, if recent. */
  linkOrder(order: OrderCreate): OrderCreate {
    if (order.check_id || this.linkOrdersWithinMs <= 0) return order;
    const latest = this.latestChecks.get(order.customer_id);
    this.latestChecks.delete(order.customer_id);
    if (!latest || Date.now() - latest.at > this.linkOrdersWithinMs) return order;
    return { ...order, check_id: latest.checkId };
  }

  private remember(result: CheckResult): void {
    if (result.check_id === null) return;
    this.latestChecks.delete(result.customer_id);
    this.latestChecks.set(result.customer_id, { checkId: result.check_id, at: Date.now() });
    if (this.latestChecks.size > MAX_LINKED_CUSTOMERS) {
      this.latestChecks.delete(this.latestChecks.keys().next().value as string);
    }
  }

  importOrders(orders: OrderCreate[]): Promise<OrderBatchResult> {
    return this.send({ method: "POST", path: "/v1/orders/batch", idempotent: true,
      rawBody: orders.map((o) => JSON.stringify(o)).join("\n") + "\n",
      contentType: "application/x-ndjson" });
  }

  getOrder(orderId: string): Promise<Order> {
    return this.send({ method: "GET", path: `/v1/orders/${seg(orderId)}`, idempotent: true });
  }

  recordReturn(orderId: string, request: ReturnCreate): Promise<Return> {
    return this.send({ method: "POST", path: `/v1/orders/${seg(orderId)}/returns`,
      body: request, idempotent: Boolean(request.return_id) });
  }

  cancelOrder(orderId: string, cancelledAt?: string): Promise<Order> {
    return this.send({ method: "POST", path: `/v1/orders/${seg(orderId)}/cancel`,
      body: cancelledAt ? { cancelled_at: cancelledAt } : {}, idempotent: true });
  }

  // catalog
  putProduct(sku: string, product: ProductUpsert): Promise<Product> {
    return this.send({ method: "PUT", path: `/v1/products/${seg(sku)}`, body: product,
      idempotent: true });
  }

  getProduct(sku: string): Promise<Product> {
    return this.send({ method: "GET", path: `/v1/products/${seg(sku)}`, idempotent: true });
  }

  putProducts(products: ProductBatchItem[]): Promise<ProductBatchResult> {
    return this.send({ method: "POST", path: "/v1/products/batch", body: products,
      idempotent: true });
  }

  // customers
  putPreferences(customerId: string, preferences: PreferencesUpdate): Promise<Preferences> {
    return this.send({ method: "PUT", path: `/v1/customers/${seg(customerId)}/preferences`,
      body: preferences, idempotent: true });
  }

  getPreferences(customerId: string): Promise<Preferences> {
    return this.send({ method: "GET", path: `/v1/customers/${seg(customerId)}/preferences`,
      idempotent: true });
  }

  getProfile(customerId: string): Promise<Profile> {
    return this.send({ method: "GET", path: `/v1/customers/${seg(customerId)}/profile`,
      idempotent: true });
  }

  getHistory(customerId: string, query: HistoryQuery = {}): Promise<HistoryPage> {
    return this.send({ method: "GET", path: `/v1/customers/${seg(customerId)}/history`,
      query, idempotent: true });
  }

  /** Every event, newest first, following `next_cursor` page after page. */
  async *iterHistory(customerId: string, query: HistoryQuery = {}) {
    let cursor: string | null | undefined = undefined;
    do {
      const page: HistoryPage = await this.getHistory(customerId, { ...query, cursor });
      yield* page.items;
      cursor = page.next_cursor;
    } while (cursor);
  }

  eraseCustomer(customerId: string): Promise<void> {
    return this.send({ method: "DELETE", path: `/v1/customers/${seg(customerId)}`,
      idempotent: true, empty: true });
  }

  // keys, audit, health
  createKey(role: Role, name: string): Promise<KeyCreated> {
    return this.send({ method: "POST", path: "/v1/keys", body: { role, name } });
  }

  listKeys(query: { limit?: number; cursor?: string } = {}): Promise<KeyPage> {
    return this.send({ method: "GET", path: "/v1/keys", query, idempotent: true });
  }

  revokeKey(keyId: string): Promise<void> {
    return this.send({ method: "DELETE", path: `/v1/keys/${seg(keyId)}`, idempotent: true,
      empty: true });
  }

  listAudit(query: { customer_id?: string; key_id?: string; limit?: number; cursor?: string } = {}
  ): Promise<AuditPage> {
    return this.send({ method: "GET", path: "/v1/audit", query, idempotent: true });
  }

  healthz(): Promise<{ status: string }> {
    return this.send({ method: "GET", path: "/healthz", idempotent: true });
  }

  readyz(): Promise<Schemas["Readiness"]> {
    return this.send({ method: "GET", path: "/readyz", idempotent: true });
  }

  /** Send one call with retries (idempotent calls only), all within `budgetMs`. */
  async send<T>(call: Call, budgetMs: number = this.timeoutMs): Promise<T> {
    const deadline = Date.now() + budgetMs;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once<T>(call, deadline - Date.now());
      } catch (error) {
        if (!call.idempotent || attempt >= this.retries || !retryable(error)) throw error;
        const pause = this.backoff(attempt, error);
        if (Date.now() + pause >= deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  }

  private async once<T>(call: Call, remainingMs: number): Promise<T> {
    const url = new URL(this.baseUrl + call.path);
    for (const [name, value] of Object.entries(call.query ?? {})) {
      if (value === undefined || value === null) continue;
      for (const one of Array.isArray(value) ? value : [value]) {
        url.searchParams.append(name, String(one));
      }
    }
    const headers: Record<string, string> = {};
    if (this.key) headers.Authorization = `Bearer ${this.key}`;
    let body: string | undefined;
    if (call.rawBody !== undefined) {
      body = call.rawBody;
      headers["Content-Type"] = call.contentType ?? "text/plain";
    } else if (call.body !== undefined) {
      body = JSON.stringify(call.body);
      headers["Content-Type"] = "application/json";
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), Math.max(remainingMs, 1));
    let response: Response;
    try {
      response = await this.fetchImpl(url, { method: call.method, headers, body,
        signal: controller.signal });
      if (response.status >= 400) throw await fromResponse(response);
      if (call.empty || response.status === 204) {
        await response.arrayBuffer();
        return undefined as T;
      }
      return (await response.json()) as T;
    } catch (error) {
      if (error instanceof GuardError) throw error;
      if (controller.signal.aborted) {
        throw new GuardTimeoutError(`no answer within ${Math.round(remainingMs)} ms`);
      }
      throw new GuardConnectionError(`cannot reach purchase-guard: ${String(error)}`);
    } finally {
      clearTimeout(timer);
    }
  }

  private backoff(attempt: number, error: unknown): number {
    let delay = Math.random() * this.backoffMs * 2 ** attempt;
    if (error instanceof APIError && error.retryAfterS !== null) {
      delay = Math.max(delay, error.retryAfterS * 1000);
    }
    return delay;
  }

  private failOpenReason(error: unknown): string | null {
    if (error instanceof GuardTimeoutError) {
      return `purchase-guard did not answer within ${this.checkBudgetMs} ms`;
    }
    if (error instanceof GuardUnavailableError) return `purchase-guard unreachable: ${error.message}`;
    if (error instanceof APIError && error.status >= 500) {
      return `purchase-guard answered ${error.status}`;
    }
    return null;
  }
}

function retryable(error: unknown): boolean {
  if (error instanceof GuardUnavailableError) return true;
  return error instanceof APIError && [502, 503, 504].includes(error.status);
}
