import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";

import {
  AuthenticationError, ConflictError, GuardClient, GuardUnavailableError, NotFoundError,
  PermissionDeniedError, ServerError, ServiceUnavailableError, ValidationError,
} from "../src/index.js";
import { ADMIN_KEY, freePort, startFake, startService, type Service } from "./servers.js";

let service: Service;
const keys: Record<string, string> = {};

before(async () => {
  service = await startService();
  const admin = new GuardClient({ baseUrl: service.url, apiKey: ADMIN_KEY });
  keys.admin = ADMIN_KEY;
  for (const role of ["checkout", "support"] as const) {
    keys[role] = (await admin.createKey(role, `ts-${role}`)).key;
  }
});

after(async () => {
  await service?.stop();
});

const client = (role: string) => new GuardClient({ baseUrl: service.url, apiKey: keys[role] });
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

describe("against a real purchase-guard", () => {
  test("every endpoint of a shop's day", async () => {
    const id = randomUUID().slice(0, 8);
    const customer = `c-${id}`;
    const [admin, shop, agent] = [client("admin"), client("checkout"), client("support")];
    assert.equal((await admin.healthz()).status, "ok");
    assert.equal((await admin.readyz()).database, "ok");
    const ebook = await admin.putProduct(`eb-${id}`, { title: "Dune", kind: "digital" });
    assert.equal((await admin.getProduct(ebook.sku)).title, "Dune");
    assert.equal((await admin.putProducts([{ sku: `mug-${id}`, title: "Mug", kind: "durable" }]))
      .created, 1);
    const order = await shop.recordOrder({ order_id: `o-${id}`, customer_id: customer,
      placed_at: daysAgo(30), lines: [{ sku: ebook.sku, quantity: 1 },
        { sku: `mug-${id}`, quantity: 2 }] });
    assert.deepEqual(order.lines.map((l) => l.sku), [ebook.sku, `mug-${id}`]);
    assert.equal((await admin.importOrders([{ order_id: `o2-${id}`, customer_id: customer,
      placed_at: daysAgo(2), lines: [{ sku: "lamp", quantity: 1 }] }])).created, 1);
    const ret = await shop.recordReturn(order.order_id, { lines: [{ sku: `mug-${id}`,
      quantity: 1 }], reason: "defective", return_id: `r-${id}` });
    assert.equal(ret.return_id, `r-${id}`);
    assert.ok((await shop.cancelOrder(`o2-${id}`)).cancelled_at);
    await shop.putPreferences(customer, { formats: ["ebook"] });
    assert.deepEqual((await agent.getPreferences(customer)).formats, ["ebook"]);

    const result = await shop.check(customer, [ebook.sku, { sku: `mug-${id}` }]);
    assert.equal(result.verdict, "block");
    assert.ok(result.warnings.some((w) => w.code === "ALREADY_OWNED" && w.sku === ebook.sku));
    assert.equal((await shop.getCheck(result.check_id!)).check_id, result.check_id);
    const fed = await shop.sendFeedback(result.check_id!, [{ sku: ebook.sku,
      code: "ALREADY_OWNED", action: "removed" }]);
    assert.equal(fed.responses[0].action, "removed");
    assert.equal(result.repeats_order, null);
    await shop.recordOrder({ order_id: `o3-${id}`, customer_id: customer, placed_at: daysAgo(0.01),
      lines: [{ sku: "tea", quantity: 1 }, { sku: "cups", quantity: 1 }] });
    const repeat = await shop.check(customer, ["tea", "cups"]);
    assert.equal(repeat.repeats_order?.order_id, `o3-${id}`);
    assert.equal(repeat.repeats_order?.matched_lines, 2);
    // The next order names that check without being asked, and the guard learns from it.
    const linked = await shop.recordOrder({ order_id: `o4-${id}`, customer_id: customer,
      placed_at: daysAgo(0), lines: [{ sku: "tea", quantity: 1 }] });
    assert.equal(linked.check_id, repeat.check_id);
    const outcomes = (await agent.getProfile(customer)).outcomes ?? [];
    assert.deepEqual(outcomes.filter((o) => o.check_id === repeat.check_id)
      .map((o) => [o.sku, o.outcome, o.source]).sort(),
      [["cups", "removed", "order"], ["tea", "kept", "order"]]);
    assert.equal((await agent.warningStats()).items.length, 13);

    const profile = await agent.getProfile(customer);
    assert.ok(profile.owned.some((o) => o.sku === ebook.sku));
    const types = new Set<string>();
    for await (const event of agent.iterHistory(customer, { limit: 2 })) types.add(event.type);
    assert.deepEqual([...types].sort(),
      ["cancellation", "check", "feedback", "order", "preferences", "return"]);
    const returnsOnly = await agent.getHistory(customer, { type: ["return"] });
    assert.deepEqual(returnsOnly.items.map((e) => e.type), ["return"]);
    const audit = await admin.listAudit({ customer_id: customer });
    assert.ok(audit.items.some((a) => a.action === "read_profile"));

    const temp = await admin.createKey("support", `temp-${id}`);
    assert.ok((await admin.listKeys({ limit: 500 })).items.some((k) => k.key_id === temp.key_id));
    await admin.revokeKey(temp.key_id);
    await assert.rejects(new GuardClient({ baseUrl: service.url, key: temp.key })
      .getOrder(order.order_id), AuthenticationError);
    await admin.eraseCustomer(customer);
    await assert.rejects(agent.getProfile(customer), NotFoundError);
  });

  test("a client made with no options reads PURCHASE_GUARD_BASE_URL and _API_KEY", async () => {
    const saved = { url: process.env.PURCHASE_GUARD_BASE_URL, key: process.env.PURCHASE_GUARD_API_KEY };
    process.env.PURCHASE_GUARD_BASE_URL = service.url;
    process.env.PURCHASE_GUARD_API_KEY = keys.support;
    try {
      assert.equal((await new GuardClient().warningStats()).items.length, 13);
      process.env.PURCHASE_GUARD_API_KEY = "pgk_wrong";
      assert.equal((await new GuardClient({ apiKey: keys.support }).warningStats()).items.length,
        13, "an option wins over the environment");
      await assert.rejects(new GuardClient().warningStats(), AuthenticationError);
    } finally {
      for (const [name, value] of [["PURCHASE_GUARD_BASE_URL", saved.url],
                                   ["PURCHASE_GUARD_API_KEY", saved.key]] as const) {
        if (value === undefined) delete process.env[name]; else process.env[name] = value;
      }
    }
  });

  test("typed errors carry the problem", async () => {
    const id = randomUUID().slice(0, 8);
    const [shop, agent] = [client("checkout"), client("support")];
    const stranger = new GuardClient({ baseUrl: service.url, key: "pgk_wrong" });
    await assert.rejects(stranger.getCheck("chk_x"), (e: unknown) =>
      e instanceof AuthenticationError && e.status === 401);
    await assert.rejects(agent.check("c-1", ["a"]), PermissionDeniedError);
    await assert.rejects(agent.getOrder(`nope-${id}`), NotFoundError);
    const order = { order_id: `o-${id}`, customer_id: "c", placed_at: daysAgo(1),
      lines: [{ sku: "a", quantity: 1 }] };
    await shop.recordOrder(order);
    await assert.rejects(shop.recordOrder({ ...order, lines: [{ sku: "a", quantity: 2 }] }),
      ConflictError);
    await assert.rejects(shop.check("c-1", [{ sku: "has space", quantity: 0 }]),
      (e: unknown) => e instanceof ValidationError &&
        e.errors.map((f) => f.loc.join(".")).sort().join() ===
          "body.items.0.quantity,body.items.0.sku");
  });
});

describe("when purchase-guard is in trouble", () => {
  test("a stopped service fails open and tells the hook", async () => {
    const reasons: string[] = [];
    const guard = new GuardClient({ baseUrl: `http://127.0.0.1:${await freePort()}`, key: "k",
      onDegraded: (reason) => reasons.push(reason) });
    const result = await guard.check("c-1", ["a"]);
    assert.equal(result.verdict, "proceed");
    assert.equal(result.degraded, true);
    assert.equal(result.check_id, null);
    assert.deepEqual(reasons, [result.degraded_reason]);
    const strict = new GuardClient({ baseUrl: guard.baseUrl, key: "k", failOpen: false });
    await assert.rejects(strict.check("c-1", ["a"]), GuardUnavailableError);
  });

  test("a slow service costs the budget, not more", async () => {
    const slow = await startFake("sleepy", 2000);
    try {
      const started = Date.now();
      const result = await new GuardClient({ baseUrl: slow.url, key: "k", checkBudgetMs: 300 })
        .check("c-1", ["a"]);
      assert.equal(result.degraded, true);
      assert.match(result.degraded_reason ?? "", /300 ms/);
      assert.ok(Date.now() - started < 1500, "the checkout waited for the slow service");
    } finally {
      await slow.close();
    }
  });

  test("a 5xx fails open for checks and throws for the rest", async () => {
    const broken = await startFake("broken");
    try {
      const guard = new GuardClient({ baseUrl: broken.url, key: "k", retries: 0 });
      assert.equal((await guard.check("c-1", ["a"])).degraded, true);
      await assert.rejects(guard.getProduct("a"), ServerError);
    } finally {
      await broken.close();
    }
  });

  test("idempotent calls retry 503 honouring Retry-After, within the budget", async () => {
    const flaky = await startFake("flaky", 2);
    try {
      const started = Date.now();
      const product = await new GuardClient({ baseUrl: flaky.url, key: "k", backoffMs: 10 })
        .getProduct("a");
      assert.equal(product.sku, "a");
      assert.equal(flaky.seen, 3);
      assert.ok(Date.now() - started >= 2000, "Retry-After: 1 was not honoured");
    } finally {
      await flaky.close();
    }
    const tight = await startFake("flaky", 5);
    try {
      const started = Date.now();
      await assert.rejects(new GuardClient({ baseUrl: tight.url, key: "k", timeoutMs: 500 })
        .getProduct("a"), ServiceUnavailableError);
      assert.ok(Date.now() - started < 1000);
      assert.equal(tight.seen, 1);
      await assert.rejects(new GuardClient({ baseUrl: tight.url, key: "k", backoffMs: 10 })
        .recordReturn("o-1", { lines: [{ sku: "a", quantity: 1 }], reason: "other" }),
      ServiceUnavailableError);
      assert.equal(tight.seen, 2, "a return without its own id must not be retried");
    } finally {
      await tight.close();
    }
  });
});
