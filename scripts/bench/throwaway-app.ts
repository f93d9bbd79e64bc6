// A throwaway copy of the app for evaluation scripts (eval:matching,
// eval:search): a fresh SQLite database and embedded search index in a
// temporary directory, migrated, with the seed taxonomy and the default
// synonym list, so the real import, index sync and models run against it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase } from "../db-migrate";

export async function openThrowawayApp(name: string) {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `hte-${name}-`));
  process.env.DATABASE_URL = `file:${path.join(workDir, "eval.db")}`;
  process.env.SEARCH_INDEX_PATH = path.join(workDir, "eval.search.sqlite");
  process.env.LOG_LEVEL ??= "warn";
  process.env.SEARCH_SYNC_INTERVAL_MS ??= "60000";
  await migrateDatabase(process.env.DATABASE_URL);
  // Imported after the environment points at the throwaway database.
  const { db } = await import("~/db.server");
  const { settleSearchIndex, searchEngine } = await import("~/search-service.server");
  const { seedTerms } = await import("../../prisma/seed-taxonomy");
  const { seedSearchVocabulary } = await import("./relevance-through-app.ts");
  await seedSearchVocabulary();
  return {
    db,
    seedTerms,
    /** Starts the index and waits until every logged change is in it. */
    async settleIndex() {
      await searchEngine();
      await settleSearchIndex();
    },
    async close() {
      globalThis.__searchService?.worker.stop();
      await (await searchEngine()).close();
      await db.$disconnect();
      fs.rmSync(workDir, { recursive: true, force: true });
    },
  };
}
