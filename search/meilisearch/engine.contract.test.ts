// The shared contract suite (search/contract.ts) against the Meilisearch
// engine and the MSW stand-in (app/test-support/msw/meilisearch.ts), with the
// same assertions as the embedded engine. The stand-in models Meilisearch's
// documented matching (phrases, attributesToSearchOn, matchingStrategy,
// synonyms, typo tolerance per attribute, ranking rules), so this checks
// that the engine asks Meilisearch the right questions; engine.live.test.ts
// runs the same suite against a real server when MEILI_URL is set.
import { setupServer } from "msw/node";
import { afterAll, beforeAll } from "vitest";
import { createMeilisearchStandIn } from "../../app/test-support/msw/meilisearch.ts";
import { describeSearchEngineContract } from "../contract.ts";
import { MeilisearchEngine } from "./engine.ts";

const meili = createMeilisearchStandIn({ url: "http://127.0.0.1:7711", processingPolls: 0 });
const server = setupServer(...meili.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

let counter = 0;
describeSearchEngineContract(
  "meilisearch (stand-in)",
  async () =>
    new MeilisearchEngine({
      host: meili.url,
      indexUid: `contract-${++counter}`,
      timeoutMs: 5_000,
      taskTimeoutMs: 5_000,
    }),
);
