// The app's one search engine and its sync worker. Kept on globalThis: the
// Express host and the Remix build are separate module graphs in one
// process, and both must reach the same engine and worker.
import path from "node:path";
import { db } from "~/db.server";
import { resolveDatabaseTarget } from "~/db-url";
import { env } from "~/env.server";
import { SearchSyncWorker } from "~/models/search-sync.server";
import { logger } from "~/utils/logger.server";
import { EmbeddedSearchEngine } from "../search/embedded/engine.ts";
import { MeilisearchEngine } from "../search/meilisearch/engine.ts";
import type { SearchEngine, SynonymGroups } from "../search/types.ts";

export interface SearchService {
  engine: SearchEngine;
  worker: SearchSyncWorker;
  ready: Promise<void>;
}

declare global {
  var __searchService: SearchService | undefined;
}

/** Next to a SQLite database (so each database has its own index), else in var/. */
export function defaultIndexPath(databaseUrl: string | undefined): string {
  const target = resolveDatabaseTarget(databaseUrl);
  if (target.provider === "sqlite") {
    const parsed = path.parse(target.filePath);
    return path.join(parsed.dir, `${parsed.name}.search.sqlite`);
  }
  const name = new URL(target.url).pathname.replace(/\W+/g, "") || "postgres";
  return path.resolve("var/search", `${name}.search.sqlite`);
}

function createEngine(): SearchEngine {
  if (env.MEILI_URL) {
    return new MeilisearchEngine({ host: env.MEILI_URL, apiKey: env.MEILI_API_KEY, indexUid: env.MEILI_INDEX });
  }
  return new EmbeddedSearchEngine({ path: env.SEARCH_INDEX_PATH ?? defaultIndexPath(env.DATABASE_URL) });
}

export async function staffSynonymGroups(): Promise<SynonymGroups> {
  const groups = await db.searchSynonymGroup.findMany({ orderBy: { createdAt: "asc" } });
  return groups.map((group) => group.terms.split("\n").map((term) => term.trim()).filter(Boolean));
}

async function start(service: Omit<SearchService, "ready">) {
  await service.engine.init();
  await service.engine.setSynonyms(await staffSynonymGroups());
  // An empty index beside a database that has content: a new index file or a
  // new Meilisearch. Fill it once; after that every change is incremental.
  if ((await service.engine.count()) === 0) {
    const startedAt = new Date();
    const indexed = await service.worker.rebuild();
    // A rebuild the seed asked for is now done.
    await db.searchOutbox.deleteMany({ where: { entityType: "all", createdAt: { lte: startedAt } } });
    if (indexed > 0) logger.info({ indexed, engine: service.engine.name }, "search index built from the database");
  }
  service.worker.start(env.SEARCH_SYNC_INTERVAL_MS);
  await service.worker.drain();
}

export function searchService(): SearchService {
  if (!globalThis.__searchService) {
    const engine = createEngine();
    const worker = new SearchSyncWorker(engine);
    const service = { engine, worker } as SearchService;
    service.ready = start(service).catch((error: unknown) => {
      // Search being down must not take the site down: writes still queue up.
      logger.error({ err: error, engine: engine.name }, "search engine failed to start");
    });
    globalThis.__searchService = service;
  }
  return globalThis.__searchService;
}

/** The engine, once it has started (or failed to). */
export async function searchEngine(): Promise<SearchEngine> {
  const service = searchService();
  await service.ready;
  return service.engine;
}

/**
 * Call after a transaction that enqueued search changes has committed. Only
 * the serving process runs a worker; elsewhere (seed, import CLI) the server
 * picks the entries up on its next poll.
 */
export function notifySearchSync() {
  globalThis.__searchService?.worker.notify();
}

/** Applies everything queued so far; for tests and scripts. */
export async function settleSearchIndex() {
  const service = searchService();
  await service.ready;
  return service.worker.drain();
}

export async function applySynonyms() {
  const engine = await searchEngine();
  await engine.setSynonyms(await staffSynonymGroups());
}

/** Wraps a transaction that enqueued search changes: notifies once it settles. */
export function withSearchNotify<T>(transaction: Promise<T>): Promise<T> {
  return transaction.finally(notifySearchSync);
}
