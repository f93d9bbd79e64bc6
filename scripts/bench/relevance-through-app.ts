// The judged offers as the app holds them, searched as /api/v1/search
// searches them: the real import (sector, the classifier's technologies),
// the real index sync, and the API's own parsing. Used by `npm run
// eval:search` and by the app-level quality floor
// (app/models/search-quality.integration.test.ts). Import it only once
// DATABASE_URL and SEARCH_INDEX_PATH point where the caller wants.
import fs from "node:fs";
import { db } from "~/db.server";
import { importOffers } from "~/models/import.server";
import { enqueueSearchSync } from "~/models/search-index.server";
import { parseSearch, runSearch } from "~/models/search-request.server";
import { settleSearchIndex } from "~/search-service.server";
import { seedTerms } from "../../prisma/seed-taxonomy";
import { DEFAULT_SYNONYM_GROUPS } from "../../search/synonyms.ts";
import type { SearchResult } from "../../search/types.ts";

/** The seed taxonomy and the default synonym list, as a fresh install has them. */
export async function seedSearchVocabulary() {
  await db.taxonomyTerm.createMany({ data: seedTerms.map((term, index) => ({ ...term, sortOrder: index })) });
  await db.searchSynonymGroup.createMany({
    data: DEFAULT_SYNONYM_GROUPS.map((group) => ({ terms: group.join("\n") })),
  });
}

/**
 * Imports `offersFile` (offers.jsonl), publishes every offer and waits for
 * the index. Returns a searcher whose hits carry the file's offer ids.
 */
export async function importJudgedOffers(offersFile: string) {
  const report = await importOffers(offersFile, fs.readFileSync(offersFile, "utf8"), null);
  if (report.rejected > 0) throw new Error(`${report.rejected} judged offers were refused by the import`);
  // Imported offers wait for review; the judged set is of published ones.
  await db.offer.updateMany({ data: { status: "PUBLISHED", publishedAt: new Date() } });
  for (const offer of await db.offer.findMany({ select: { id: true } }))
    await enqueueSearchSync(db, { type: "offer", id: offer.id });
  await settleSearchIndex();
  const externalIds = new Map(
    (await db.offer.findMany({ select: { id: true, externalId: true } })).map((o) => [o.id, o.externalId ?? o.id]),
  );
  return {
    /** One query as `GET /api/v1/search?type=offer&q=…&perPage=…` runs it. */
    async search({ q, perPage }: { q: string; perPage: number }): Promise<SearchResult> {
      const url = new URL("http://localhost/api/v1/search");
      url.search = new URLSearchParams({ type: "offer", perPage: String(perPage), q }).toString();
      const parsed = parseSearch(url);
      if (!parsed.ok) throw new Error(`query refused: ${JSON.stringify(parsed.errors)}`);
      const result = await runSearch(parsed.params, null);
      return { ...result, hits: result.hits.map((hit) => ({ ...hit, entityId: externalIds.get(hit.entityId)! })) };
    },
  };
}
