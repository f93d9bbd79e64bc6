// The search service: the app's one search engine (from the search library in
// search/) and its sync worker. Kept on globalThis: the
// Express host and the Remix build are separate module graphs in one
// process, and both must reach the same engine and worker.
import path from "node:path";
import { db } from "~/db.server";
import { resolveDatabaseTarget } from "~/db-url";
import { env } from "~/env.server";
import { retryDelay, SearchSyncWorker } from "~/models/search-sync.server";
import { processIdentity } from "~/utils/lease.server";
import { logger } from "~/utils/logger.server";
import { EmbeddedSearchEngine } from "../search/embedded/engine.ts";
import { MeilisearchEngine } from "../search/meilisearch/engine.ts";
import type { SearchEngine, SynonymGroups } from "../search/types.ts";

export interface SearchService {
  engine: SearchEngine;
  worker: SearchSyncWorker;
  /** Settles after the first start attempt, whether it worked or not. */
  ready: Promise<void>;
  /** Whether the engine has started; until then, why not. */
  readiness: { ready: boolean; error: string | null };
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

export function indexPath(): string {
  return env.SEARCH_INDEX_PATH ?? defaultIndexPath(env.DATABASE_URL);
}

function createService(): Pick<SearchService, "engine" | "worker"> {
  if (env.MEILI_URL) {
    const engine = new MeilisearchEngine({ host: env.MEILI_URL, apiKey: env.MEILI_API_KEY, indexUid: env.MEILI_INDEX });
    // One index for every process: one reader of the log, applied by
    // whichever process holds its lease.
    const id = `meilisearch:${env.MEILI_INDEX}`;
    const worker = new SearchSyncWorker(engine, {
      consumer: { kind: "shared", id },
      label: `${id} · ${processIdentity()}`,
    });
    return { engine, worker };
  }
  const file = indexPath();
  const engine = new EmbeddedSearchEngine({ path: file });
  // Each process's own file is its own reader of the log.
  const worker = new SearchSyncWorker(engine, { consumer: { kind: "own" }, label: `${processIdentity()} · ${file}` });
  return { engine, worker };
}

export async function staffSynonymGroups(): Promise<SynonymGroups> {
  const groups = await db.searchSynonymGroup.findMany({ orderBy: { createdAt: "asc" } });
  return groups.map((group) =>
    group.terms
      .split("\n")
      .map((term) => term.trim())
      .filter(Boolean),
  );
}

/** Startup retry delays: 1 s, 2 s, 4 s … up to 30 s. */
export const STARTUP_RETRY = { baseMs: 1_000, maxMs: 30_000 };

async function startOnce(service: SearchService) {
  await service.engine.init();
  await service.engine.setSynonyms(await staffSynonymGroups());
  await service.worker.open();
  service.worker.retryNow();
  const first = await service.worker.drain();
  // An index that had to be filled from the database and could not be is
  // not ready: searching it would miss everything.
  if (first.failed > 0 && service.worker.needsRebuild)
    throw new Error(service.worker.lastError ?? "search index could not be built");
}

/**
 * Starts the engine, retrying with back-off until it works (Meilisearch may
 * come up after the app, or be briefly unreachable). The site serves
 * meanwhile and writes keep being logged; nothing is applied to an engine
 * that has not started, so a Meilisearch index is never created with
 * default settings by a first write.
 */
async function start(service: SearchService, retry: typeof STARTUP_RETRY, onFirstAttempt: () => void) {
  for (let attempt = 1; ; attempt++) {
    // Stopped (shutdown, a script done with it): stop trying too.
    if (service.worker.isStopped) return onFirstAttempt();
    try {
      await startOnce(service);
      service.readiness = { ready: true, error: null };
      if (attempt > 1) logger.info({ engine: service.engine.name, attempt }, "search engine started");
      // Not if the process began shutting down meanwhile.
      if (!service.worker.isStopped) service.worker.start(env.SEARCH_SYNC_INTERVAL_MS);
      onFirstAttempt();
      return;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      service.readiness = { ready: false, error: message };
      const delay = retryDelay(attempt, retry.baseMs, retry.maxMs);
      // Search being down must not take the site down: writes still queue up.
      logger.error(
        { err: error, engine: service.engine.name, attempt, retryInMs: delay },
        "search engine failed to start; will retry",
      );
      onFirstAttempt();
      await new Promise((resolve) => setTimeout(resolve, delay).unref());
    }
  }
}

/** Builds a service around an engine and worker and starts it; for the app and tests. */
export function startSearchService(
  parts: Pick<SearchService, "engine" | "worker">,
  retry = STARTUP_RETRY,
): SearchService {
  const service = { ...parts, readiness: { ready: false, error: null } } as SearchService;
  service.ready = new Promise<void>((resolve) => void start(service, retry, resolve));
  return service;
}

export function searchService(): SearchService {
  globalThis.__searchService ??= startSearchService(createService());
  return globalThis.__searchService;
}

/** For /readyz: not ready, with the reason, until the engine has started. */
export function searchReadiness(): { ready: boolean; error: string | null } {
  const service = globalThis.__searchService;
  if (!service) return { ready: false, error: "search engine not started" };
  return { ...service.readiness };
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
  const service = globalThis.__searchService;
  // Before the engine has started, entries wait in the log for it.
  if (service?.readiness.ready) service.worker.notify();
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
