// The shared contract against a real Meilisearch, only when one is given:
//   MEILI_URL=http://127.0.0.1:7700 MEILI_MASTER_KEY=... npx vitest run --project unit search/meilisearch/engine.live.test.ts
// Each run uses its own indexes and deletes them afterwards, so it is safe to
// point at a shared development server. The second part checks, on the real
// server, the behaviours the MSW stand-in models (stand-in.test.ts), so a
// difference between the two shows up here.
import { Meilisearch, MeilisearchApiError, type IndexSwap } from "meilisearch";
import { afterAll, describe, expect, it } from "vitest";
import { describeSearchEngineContract } from "../contract.ts";
import { MeilisearchEngine } from "./engine.ts";

const host = process.env.MEILI_URL;
const apiKey = process.env.MEILI_MASTER_KEY ?? process.env.MEILI_API_KEY;
const prefix = `hte-search-contract-${process.pid}-${Date.now()}`;
const indexUid = prefix;
const wait = { timeout: 60_000, interval: 50 };

describe.runIf(Boolean(host))("Meilisearch, live", () => {
  const client = () => new Meilisearch({ host: host!, apiKey });

  describeSearchEngineContract(
    "meilisearch",
    async () => new MeilisearchEngine({ host: host!, apiKey, indexUid, timeoutMs: 10_000, taskTimeoutMs: 60_000 }),
  );

  describe("what the stand-in models", () => {
    const uid = `${prefix}-parity`;

    it("looks the index up on a restart: one creation task, none failed", async () => {
      const engine = () =>
        new MeilisearchEngine({ host: host!, apiKey, indexUid: uid, timeoutMs: 10_000, taskTimeoutMs: 60_000 });
      await engine().init();
      await engine().init();
      const { results } = await client().tasks.getTasks({ indexUids: [uid], types: ["indexCreation"] });
      expect(results).toHaveLength(1);
      expect(results[0]!.status).toBe("succeeded");
    }, 120_000);

    it("refuses an unknown settings field at once with 400 bad_request, and a bad value with invalid_settings_*", async () => {
      const refused = await client()
        .index(uid)
        .updateSettings({ rankingRulez: ["words"] } as never)
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(MeilisearchApiError);
      expect((refused as MeilisearchApiError).response.status).toBe(400);
      expect((refused as MeilisearchApiError).cause?.code).toBe("bad_request");
      const bad = await client()
        .index(uid)
        .updateSettings({ typoTolerance: { minWordSizeForTypo: {} } } as never)
        .catch((error: unknown) => error);
      expect((bad as MeilisearchApiError).cause?.code).toBe("invalid_settings_typo_tolerance");
    });

    it("merges nested settings", async () => {
      const index = client().index(uid);
      await index.updateSettings({ typoTolerance: { enabled: false } }).waitTask(wait);
      await index.updateSettings({ typoTolerance: { disableOnAttributes: ["title"] } }).waitTask(wait);
      expect((await index.getSettings()).typoTolerance).toMatchObject({
        enabled: false,
        disableOnAttributes: ["title"],
      });
    }, 120_000);

    it("crops without highlighting unless asked, and takes a quoted word exactly", async () => {
      const index = client().index(uid);
      const body = `${"Mở đầu dài dòng về dự án. ".repeat(
        10,
      )}Camera đếm phương tiện tại nút giao. ${"Phần kết thúc rất dài. ".repeat(10)}`;
      await index
        .addDocuments(
          [
            { pk: "a", title: "AI camera", body },
            { pk: "b", title: "Aim tracking", body: "" },
          ],
          { primaryKey: "pk" },
        )
        .waitTask(wait);
      const cropped = await index.search("camera", {
        attributesToHighlight: ["title"],
        attributesToCrop: ["body"],
        cropLength: 6,
        attributesToRetrieve: ["pk"],
      });
      const hit = cropped.hits.find((found) => found.pk === "a")!;
      expect(hit).not.toHaveProperty("body");
      expect(hit._formatted!.title).toBe("AI <em>camera</em>");
      expect(hit._formatted!.body).not.toContain("<em>");
      expect(hit._formatted!.body).toContain("Camera");
      expect((await index.search('"ai"')).hits.map((found) => found.pk)).toEqual(["a"]);
    }, 120_000);

    it("swaps two indexes in one task", async () => {
      const other = `${uid}-other`;
      await client().createIndex(other, { primaryKey: "pk" }).waitTask(wait);
      await client()
        .index(other)
        .addDocuments([{ pk: "z", title: "swapped in" }])
        .waitTask(wait);
      const task = await client()
        .swapIndexes([{ indexes: [uid, other] } as IndexSwap])
        .waitTask(wait);
      expect(task.status).toBe("succeeded");
      expect((await client().index(uid).getStats()).numberOfDocuments).toBe(1);
      await client().deleteIndex(other).waitTask(wait);
    }, 120_000);
  });

  afterAll(async () => {
    const { results } = await client().getRawIndexes({ limit: 1000 });
    for (const index of results.filter((found) => found.uid.startsWith(prefix)))
      await client().deleteIndex(index.uid).waitTask(wait);
  }, 120_000);
});
