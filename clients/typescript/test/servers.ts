// A real purchase-guard for the tests (started with the repo's Python), and stand-ins
// that sleep, fail or are gone.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { type AddressInfo, createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const ADMIN_KEY = "ts-test-admin";
const ROOT = resolve(import.meta.dirname, "../../../..");

export async function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createNetServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });
}

function python(): string {
  const given = process.env.PURCHASE_GUARD_PYTHON;
  if (given) return given;
  const local = join(ROOT, ".venv", "bin", "python");
  return existsSync(local) ? local : "python3";
}

export interface Service {
  url: string;
  stop(): Promise<void>;
}

export async function startService(): Promise<Service> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "pg-ts-"));
  const child: ChildProcess = spawn(python(), [
    "-c", "from app.cli import main; raise SystemExit(main())", "serve", "--port", String(port),
  ], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      PURCHASE_GUARD_DATABASE_URL: `sqlite+aiosqlite:///${join(dir, "ts.db")}`,
      PURCHASE_GUARD_ADMIN_KEY: ADMIN_KEY,
      PURCHASE_GUARD_LOG_LEVEL: "warning",
      PURCHASE_GUARD_CHECK_BUDGET_MS: "2000",
      PURCHASE_GUARD_REDIS_URL: "",
    },
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`purchase-guard exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    stop: () => new Promise((done) => {
      child.once("exit", () => done());
      child.kill("SIGTERM");
    }),
  };
}

export interface Fake {
  url: string;
  seen: number;
  close(): Promise<void>;
}

/** `sleepy`: answers after `arg` ms; `flaky`: 503 + Retry-After: 1 `arg` times, then 200;
 *  `broken`: 500 to everything. */
export async function startFake(kind: "sleepy" | "flaky" | "broken", arg = 0): Promise<Fake> {
  const fake = { url: "", seen: 0, close: async () => {} } as Fake;
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      fake.seen += 1;
      const reply = (status: number, body: object, headers: Record<string, string> = {}) => {
        response.writeHead(status, { "content-type": status < 400 ? "application/json"
          : "application/problem+json", ...headers });
        response.end(JSON.stringify(body));
      };
      const problem = (status: number) => ({ type: "about:blank", title: "Unavailable", status,
        detail: "try later" });
      if (kind === "sleepy") {
        setTimeout(() => reply(200, { check_id: "chk_slow", customer_id: "c-1",
          verdict: "proceed", warnings: [], degraded: false }), arg);
      } else if (kind === "flaky" && fake.seen <= arg) {
        reply(503, problem(503), { "retry-after": "1" });
      } else if (kind === "broken") {
        reply(500, problem(500));
      } else {
        reply(200, { sku: "a", title: "A", attributes: {} });
      }
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise((done) => {
    server.closeAllConnections();
    server.close(() => done());
  });
  return fake;
}
