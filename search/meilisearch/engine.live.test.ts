// The shared contract against a real Meilisearch, only when one is given:
//   MEILI_URL=http://127.0.0.1:7700 MEILI_MASTER_KEY=... npx vitest run search/meilisearch/engine.live.test.ts
// Each run uses its own index and deletes it afterwards, so it is safe to
// point at a shared development server.
import { Meilisearch } from "meilisearch";
import { afterAll, describe } from "vitest";
import { describeSearchEngineContract } from "../contract.ts";
import { MeilisearchEngine } from "./engine.ts";

const host = process.env.MEILI_URL;
const apiKey = process.env.MEILI_MASTER_KEY ?? process.env.MEILI_API_KEY;
const indexUid = `hte-search-contract-${process.pid}-${Date.now()}`;

describe.runIf(Boolean(host))("Meilisearch, live", () => {
  describeSearchEngineContract("meilisearch", async () =>
    new MeilisearchEngine({ host: host!, apiKey, indexUid, timeoutMs: 10_000, taskTimeoutMs: 60_000 }),
  );

  afterAll(async () => {
    await new Meilisearch({ host: host!, apiKey }).deleteIndex(indexUid).waitTask({ timeout: 60_000 });
  }, 70_000);
});
