// Applies search outbox entries to the engine. Writes never wait for the
// engine: if it is down or slow, entries stay in the outbox with a growing
// delay and are applied once it answers again, so nothing is lost.
import { db } from "~/db.server";
import { logger } from "~/utils/logger.server";
import type { SearchEngine } from "../../search/types.ts";
import { allSearchRefs, loadSearchDocuments, type SearchEntityType, type SearchRef } from "./search-index.server";

export interface SyncOptions {
  batchSize?: number;
  /** First retry delay; doubles per failed attempt up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export function retryDelay(attempts: number, baseDelayMs: number, maxDelayMs: number): number {
  return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

export interface DrainResult {
  applied: number;
  failed: number;
}

export class SearchSyncWorker {
  private running: Promise<DrainResult> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  lastSuccessAt: Date | null = null;
  lastError: string | null = null;
  private readonly batchSize: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;

  constructor(
    private readonly engine: SearchEngine,
    options: SyncOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 200;
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 5 * 60_000;
  }

  /** Polls for entries written by other processes (imports, scripts). */
  start(intervalMs: number) {
    this.stop();
    this.timer = setInterval(() => void this.drain().catch(() => undefined), intervalMs);
    this.timer.unref();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Called after a commit, so a change is searchable without waiting for a poll. */
  notify() {
    void this.drain().catch(() => undefined);
  }

  /** Applies every entry that is due. Concurrent calls share one run. */
  drain(): Promise<DrainResult> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      const total: DrainResult = { applied: 0, failed: 0 };
      try {
        do {
          this.again = false;
          for (;;) {
            const batch = await this.applyBatch();
            total.applied += batch.applied;
            total.failed += batch.failed;
            if (batch.applied + batch.failed < this.batchSize || batch.failed > 0) break;
          }
        } while (this.again);
      } finally {
        this.running = null;
      }
      return total;
    })();
    return this.running;
  }

  private async applyBatch(): Promise<DrainResult> {
    const entries = await db.searchOutbox.findMany({
      where: { availableAt: { lte: new Date() } },
      orderBy: { id: "asc" },
      take: this.batchSize,
    });
    if (entries.length === 0) return { applied: 0, failed: 0 };
    try {
      if (entries.some((entry) => entry.entityType === "all")) {
        await this.rebuild();
      } else {
        const refs: SearchRef[] = entries.map((entry) => ({ type: entry.entityType as SearchEntityType, id: entry.entityId }));
        const { upserts, removals } = await loadSearchDocuments(refs);
        await this.engine.upsert(upserts);
        await this.engine.remove(removals);
      }
      await db.searchOutbox.deleteMany({ where: { id: { in: entries.map((entry) => entry.id) } } });
      this.lastSuccessAt = new Date();
      this.lastError = null;
      return { applied: entries.length, failed: 0 };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.lastError = message;
      logger.warn({ err: error, entries: entries.length }, "search index sync failed; will retry");
      const now = Date.now();
      // Each entry keeps its own attempt count, so a long outage backs off
      // without delaying entries written after the engine recovered.
      const byAttempts = new Map<number, number[]>();
      for (const entry of entries) byAttempts.set(entry.attempts, [...(byAttempts.get(entry.attempts) ?? []), entry.id]);
      for (const [attempts, ids] of byAttempts) {
        await db.searchOutbox.updateMany({
          where: { id: { in: ids } },
          data: {
            attempts: attempts + 1,
            availableAt: new Date(now + retryDelay(attempts + 1, this.baseDelayMs, this.maxDelayMs)),
            lastError: message.slice(0, 500),
          },
        });
      }
      return { applied: 0, failed: entries.length };
    }
  }

  /** Clears the index and fills it from the database. */
  async rebuild(): Promise<number> {
    await this.engine.clear();
    let count = 0;
    for await (const refs of allSearchRefs()) {
      const { upserts } = await loadSearchDocuments(refs);
      await this.engine.upsert(upserts);
      count += upserts.length;
    }
    return count;
  }
}

export interface SearchIndexHealth {
  engine: string;
  documents: number | null;
  engineError: string | null;
  pending: number;
  failing: number;
  oldestPendingAt: Date | null;
  lagSeconds: number;
  lastSuccessAt: Date | null;
  lastError: string | null;
}

export async function searchIndexHealth(engine: SearchEngine, worker: SearchSyncWorker): Promise<SearchIndexHealth> {
  const [pending, failing, oldest, lastFailure] = await Promise.all([
    db.searchOutbox.count(),
    db.searchOutbox.count({ where: { attempts: { gt: 0 } } }),
    db.searchOutbox.findFirst({ orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    db.searchOutbox.findFirst({ where: { lastError: { not: null } }, orderBy: { id: "desc" }, select: { lastError: true } }),
  ]);
  let documents: number | null = null;
  let engineError: string | null = null;
  try {
    documents = await engine.count();
  } catch (error) {
    engineError = error instanceof Error ? error.message : String(error);
  }
  return {
    engine: engine.name,
    documents,
    engineError,
    pending,
    failing,
    oldestPendingAt: oldest?.createdAt ?? null,
    lagSeconds: oldest ? Math.max(0, (Date.now() - oldest.createdAt.getTime()) / 1000) : 0,
    lastSuccessAt: worker.lastSuccessAt,
    lastError: worker.lastError ?? lastFailure?.lastError ?? null,
  };
}
