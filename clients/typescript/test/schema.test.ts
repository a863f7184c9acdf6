import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";

test("src/schema.ts matches openapi/openapi.json (run `npm run generate`)", async () => {
  // @ts-expect-error: a plain .mjs script without types
  const { render } = await import("../../scripts/generate.mjs");
  const committed = await readFile(new URL("../../src/schema.ts", import.meta.url), "utf8");
  assert.equal(committed, await render());
});
