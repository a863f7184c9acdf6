// Regenerates src/schema.ts from the service's committed spec (../../openapi/openapi.json).
// `node scripts/generate.mjs --check` exits 1 when the committed file has drifted.
import { readFile, writeFile } from "node:fs/promises";
import openapiTS, { astToString } from "openapi-typescript";

const specUrl = new URL("../../../openapi/openapi.json", import.meta.url);
const target = new URL("../src/schema.ts", import.meta.url);

export async function render() {
  const spec = JSON.parse(await readFile(specUrl, "utf8"));
  // Fields with a default are optional to send (the service fills them in).
  const ast = await openapiTS(spec, { alphabetize: true, defaultNonNullable: false });
  return "// Generated from openapi/openapi.json by scripts/generate.mjs: do not edit.\n" +
    astToString(ast);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const fresh = await render();
  if (process.argv.includes("--check")) {
    const committed = await readFile(target, "utf8");
    if (committed !== fresh) {
      console.error("src/schema.ts is out of date: run `npm run generate`");
      process.exit(1);
    }
  } else {
    await writeFile(target, fresh);
    console.log("wrote src/schema.ts");
  }
}
