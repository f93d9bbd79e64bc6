// Keeps search indexes in step with the database through a change log.
//
// Writers append a SearchOutbox entry in the same transaction as the change
// (search-index.server.ts). The log is not a queue: each index reads it from
// a cursor of its own (a SearchConsumer row), so every app process's embedded
// index sees every change, however many processes serve the site. A shared
// Meilisearch index has one cursor, applied by one process at a time under a
// database lease. Entries are pruned once every live reader is past them.
//
// Writes never wait for the engine: if it is down or slow, the cursor stays
// where it is, the consumer backs off, and the entries are applied once it
// answers again, so nothing is lost.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { db } from "~/db.server";
import { resolveDatabaseTarget } from "~/db-url";
import { env } from "~/env.server";
import { dataChanged } from "~/utils/data-version.server";
import { acquireLease, processIdentity, releaseLease } from "~/utils/lease.server";
import { logger } from "~/utils/logger.server";
import type { SearchEngine } from "../../search/types.ts";
import { allSearchRefs, loadSearchDocuments, type SearchEntityType, type SearchRef } from "./search-index.server";

/** The key under which an embedded index file remembers which reader of the log it is. */
export const CONSUMER_META_KEY = "search_consumer_id";

export type SearchConsumerMode =
  /** An index of this process's own (the embedded file): its id is kept inside the index. */
  | { kind: "own" }
  /** One index shared by every process (Meilisearch): one id, one applier at a time. */
  | { kind: "shared"; id: string };

export interface SyncOptions {
  batchSize?: number;
  /** First retry delay; doubles per failed attempt up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  consumer?: SearchConsumerMode;
  /** What staff read on the health page for this reader. */
  label?: string;
  /** Who holds the shared consumer's lease; this process unless a test plays two. */
  holder?: string;
  leaseTtlMs?: number;
  /** Readers not seen for this long no longer hold back pruning (see README). */
  staleMinutes?: number;
  /** Entries are kept at least this long, even once every reader is past them. */
  retainMs?: number;
  pruneEveryMs?: number;
  /** A hole in the ids is waited for at least this long (PostgreSQL). */
  gapMinAgeMs?: number;
  /** …and at most this long, whatever PostgreSQL says about open transactions. */
  gapMaxAgeMs?: number;
  /** Milliseconds since the epoch; tests move time on without waiting. */
  now?: () => number;
}

export function retryDelay(attempts: number, baseDelayMs: number, maxDelayMs: number): number {
  return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

export interface DrainResult {
  applied: number;
  failed: number;
}

type BatchResult = DrainResult & { more?: boolean };

const NOTHING: BatchResult = { applied: 0, failed: 0 };
// A reader that is idle still says it is alive this often (a write each time,
// so not on every poll).
const SEEN_EVERY_MS = 30_000;
// Consumers gone this long are dropped from the health page; they rebuild if they return.
const FORGET_AFTER_MS = 7 * 24 * 3_600_000;
// The window of recent ids a new reader checks for transactions still in flight.
const REGISTRATION_WINDOW = 1_000;
// How often, and how many times, one drain looks again at a hole in the ids.
const GAP_LOOKS = 25;
const GAP_LOOK_EVERY_MS = 20;

const onPostgres = () => resolveDatabaseTarget(env.DATABASE_URL).provider === "postgresql";

interface Snapshot {
  xmin: bigint;
  xmax: bigint;
}

/** PostgreSQL's view of running transactions: every txid below xmin has ended. */
async function snapshot(): Promise<Snapshot> {
  const rows = await db.$queryRawUnsafe<{ xmin: string; xmax: string }[]>(
    "SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin, pg_snapshot_xmax(pg_current_snapshot())::text AS xmax",
  );
  return { xmin: BigInt(rows[0]!.xmin), xmax: BigInt(rows[0]!.xmax) };
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

export class SearchSyncWorker {
  private running: Promise<DrainResult> | null = null;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  lastSuccessAt: Date | null = null;
  lastError: string | null = null;
  /** This reader's SearchConsumer id, once open() has run. */
  consumerId: string | null = null;
  private readonly batchSize: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly mode: SearchConsumerMode;
  private readonly label: string;
  private readonly holder: string;
  private readonly leaseTtlMs: number;
  private readonly staleMs: number;
  private readonly retainMs: number;
  private readonly pruneEveryMs: number;
  private readonly gapMinAgeMs: number;
  private readonly gapMaxAgeMs: number;
  private readonly now: () => number;
  private readonly postgres = onPostgres();
  // Set when the index must be filled from the database before reading on:
  // an empty index on open, or a new holder of the shared index finding it empty.
  private mustRebuild = false;
  private retryAt = 0;
  private attempts = 0;
  private seenWrittenAt = 0;
  private prunedAt = 0;
  private leaseUntil = 0;
  private sharedCursorSeen: number | null = null;
  // Holes in the ids after the cursor: when first seen, and which
  // transactions could still fill them (PostgreSQL only).
  private gaps = new Map<number, { firstSeen: number; xmax: bigint }>();

  constructor(private readonly engine: SearchEngine, options: SyncOptions = {}) {
    this.batchSize = options.batchSize ?? 200;
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 5 * 60_000;
    this.mode = options.consumer ?? { kind: "own" };
    this.holder = options.holder ?? processIdentity();
    this.label = options.label ?? `${engine.name} · ${this.holder}`;
    this.leaseTtlMs = options.leaseTtlMs ?? 30_000;
    this.staleMs = (options.staleMinutes ?? env.SEARCH_CONSUMER_STALE_MINUTES) * 60_000;
    this.retainMs = options.retainMs ?? 5 * 60_000;
    this.pruneEveryMs = options.pruneEveryMs ?? 60_000;
    // No wait by default: the snapshot check is exact as long as the
    // transaction holding an id already has a transaction id, which it does
    // when it wrote anything before its log entry (every writer does: the
    // entry follows the change it names).
    this.gapMinAgeMs = options.gapMinAgeMs ?? 0;
    this.gapMaxAgeMs = options.gapMaxAgeMs ?? 10 * 60_000;
    this.now = options.now ?? Date.now;
  }

  private get shared() {
    return this.mode.kind === "shared";
  }

  /**
   * Finds out which reader of the log this index is. An embedded index keeps
   * its id inside the file: the same file after a restart resumes from its
   * cursor; a new file is a new reader, filled from the database. Call once
   * the engine has started; drain() does nothing before.
   */
  async open(): Promise<void> {
    if (this.mode.kind === "shared") {
      this.consumerId = this.mode.id;
      return;
    }
    let id = (await this.engine.getMeta?.(CONSUMER_META_KEY)) ?? null;
    if (!id) {
      id = `${this.engine.name}:${hostname()}:${randomBytes(6).toString("hex")}`;
      // An engine that cannot remember its id is a new reader on every start.
      await this.engine.setMeta?.(CONSUMER_META_KEY, id);
    }
    this.consumerId = id;
    // An index emptied behind our back (a new schema version, a deleted file
    // kept by another name) is filled again rather than trusted. An engine
    // that cannot count now fails its first batch and is retried instead.
    if ((await this.engine.count().catch(() => null)) === 0) this.mustRebuild = true;
  }

  /** stop() was called (and start() not since). */
  get isStopped(): boolean {
    return this.stopped;
  }

  /** True until the index has been filled from the database (when it needs to be). */
  get needsRebuild(): boolean {
    return this.mustRebuild;
  }

  /** Forgets the back-off, so the next drain tries at once (a startup retry). */
  retryNow() {
    this.retryAt = 0;
  }

  /** Polls the log for entries written by any process. */
  start(intervalMs: number) {
    if (this.timer) clearInterval(this.timer);
    this.stopped = false;
    this.timer = setInterval(() => void this.drain().catch(() => undefined), intervalMs);
    this.timer.unref();
  }

  /** Stops polling; resolves once the batch being applied (if any) is done. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
    if (this.shared && this.leaseUntil > 0) {
      this.leaseUntil = 0;
      await releaseLease(this.leaseName, this.holder).catch(() => undefined);
    }
  }

  /** Called after a commit, so a change is searchable without waiting for a poll. */
  notify() {
    void this.drain().catch(() => undefined);
  }

  /** Applies every entry that can be applied now. Concurrent calls share one run. */
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
          if (!this.consumerId) {
            try {
              await this.open();
            } catch (error) {
              this.lastError = errorText(error);
              total.failed += 1;
              break;
            }
          }
          while (!this.stopped) {
            const batch = await this.applyBatch();
            total.applied += batch.applied;
            total.failed += batch.failed;
            if (!batch.more) break;
          }
        } while (this.again && !this.stopped);
        if (total.failed === 0 && !this.stopped)
          await this.pruneIfDue().catch((error: unknown) => logger.warn({ err: error }, "search log pruning failed"));
      } finally {
        this.running = null;
      }
      return total;
    })();
    return this.running;
  }

  private get leaseName() {
    return `search-sync:${this.consumerId}`;
  }

  /** For a shared index: true while this process may apply entries. */
  private async holdLease(): Promise<boolean> {
    const now = this.now();
    // Renewed once a third of it has gone, not on every poll.
    if (now < this.leaseUntil - (this.leaseTtlMs * 2) / 3) return true;
    // Still ours until it runs out: no one else can have applied meanwhile.
    const continuing = now < this.leaseUntil;
    const held = await acquireLease(this.leaseName, this.leaseTtlMs, this.holder);
    if (!held) {
      this.leaseUntil = 0;
      return false;
    }
    if (!continuing) {
      // Newly ours: the previous holder may have left the index empty or
      // half-built, or this may be a new Meilisearch.
      if ((await this.engine.count()) === 0) this.mustRebuild = true;
      this.retryAt = 0;
    }
    this.leaseUntil = now + this.leaseTtlMs;
    return true;
  }

  /** Throws if a long rebuild outlived the shared lease, so two processes never write at once. */
  private async keepLease() {
    if (this.shared && !(await this.holdLease())) throw new Error("search sync lease lost to another process");
  }

  private async applyBatch(): Promise<BatchResult> {
    const id = this.consumerId!;
    if (this.shared && !(await this.holdLease())) {
      await this.watchSharedCursor();
      return NOTHING;
    }
    const now = this.now();
    if (now < this.retryAt) return NOTHING;
    const consumer = await db.searchConsumer.findUnique({ where: { id } });
    if (!consumer || this.mustRebuild) return this.rebuildAndRegister(consumer === null);

    const entries = await db.searchOutbox.findMany({
      where: { id: { gt: consumer.cursor } },
      orderBy: { id: "asc" },
      take: this.batchSize,
    });
    const { ready, cursor } = await this.withoutOpenGaps(consumer.cursor, entries);
    if (cursor === consumer.cursor) {
      await this.stillHere(id, now);
      return NOTHING;
    }
    try {
      if (ready.some((entry) => entry.entityType === "all")) {
        await this.rebuild();
      } else {
        const refs: SearchRef[] = ready.map((entry) => ({
          type: entry.entityType as SearchEntityType,
          id: entry.entityId,
        }));
        const { upserts, removals } = await loadSearchDocuments(refs);
        await this.engine.upsert(upserts);
        await this.engine.remove(removals);
      }
    } catch (error) {
      return this.failed(id, consumer.attempts, error, ready.length);
    }
    await this.advance(id, consumer.cursor, cursor);
    // A full batch: read on. (Entries behind a hole still open wait for the next poll.)
    return {
      applied: ready.length,
      failed: 0,
      more: entries.length === this.batchSize && ready.length === entries.length,
    };
  }

  /** Moves the cursor on, unless the row was dropped meanwhile (pruned past: rebuild). */
  private async advance(id: string, from: number, to: number) {
    const now = new Date(this.now());
    const moved = await db.searchConsumer.updateMany({
      where: { id, cursor: { lte: to } },
      data: { cursor: to, attempts: 0, lastError: null, lastAppliedAt: now, seenAt: now, label: this.label },
    });
    if (moved.count === 0 && !(await db.searchConsumer.findUnique({ where: { id }, select: { id: true } }))) {
      this.mustRebuild = true;
    }
    for (const start of this.gaps.keys()) if (start <= to) this.gaps.delete(start);
    this.seenWrittenAt = this.now();
    this.attempts = 0;
    this.retryAt = 0;
    this.lastSuccessAt = now;
    this.lastError = null;
    if (to !== from) dataChanged();
  }

  private async failed(id: string, attemptsBefore: number, error: unknown, entries: number): Promise<BatchResult> {
    const message = errorText(error);
    this.lastError = message;
    this.attempts = Math.max(this.attempts, attemptsBefore) + 1;
    this.retryAt = this.now() + retryDelay(this.attempts, this.baseDelayMs, this.maxDelayMs);
    logger.warn({ err: error, entries, consumer: id, attempts: this.attempts }, "search index sync failed; will retry");
    await db.searchConsumer
      .updateMany({
        where: { id },
        data: { attempts: this.attempts, lastError: message, seenAt: new Date(this.now()) },
      })
      .catch(() => undefined);
    return { applied: 0, failed: Math.max(1, entries) };
  }

  /** An idle reader still counts as live for pruning and on the health page. */
  private async stillHere(id: string, now: number) {
    if (now - this.seenWrittenAt < SEEN_EVERY_MS) return;
    this.seenWrittenAt = now;
    await db.searchConsumer.updateMany({ where: { id }, data: { seenAt: new Date(now), label: this.label } });
  }

  /**
   * Processes that do not hold the shared index's lease still serve pages
   * from it: when its cursor moves, their public page cache must not keep
   * answers older than the index.
   */
  private async watchSharedCursor() {
    const row = await db.searchConsumer.findUnique({ where: { id: this.consumerId! }, select: { cursor: true } });
    const cursor = row?.cursor ?? null;
    if (this.sharedCursorSeen !== null && cursor !== this.sharedCursorSeen) dataChanged();
    this.sharedCursorSeen = cursor;
  }

  /**
   * The entries that can be applied now and the cursor after them. On
   * PostgreSQL ids are handed out before commit, so id 7 may become visible
   * after id 8: a reader that moved past a hole would never see 7. A hole is
   * waited for until every transaction that was running when it was first
   * seen has ended (then it was rolled back), and at most `gapMaxAgeMs`. On
   * SQLite one writer at a time commits, so ids appear in order and a hole
   * is an entry deleted by hand.
   */
  private async withoutOpenGaps(cursor: number, entries: { id: number; entityType: string; entityId: string }[]) {
    let expected = cursor + 1;
    let count = 0;
    for (const entry of entries) {
      if (entry.id > expected && !(await this.gapClosed(expected))) break;
      count += 1;
      expected = entry.id + 1;
    }
    const ready = entries.slice(0, count);
    return { ready, cursor: count > 0 ? ready[count - 1]!.id : cursor };
  }

  private async gapClosed(start: number): Promise<boolean> {
    if (!this.postgres) return true;
    let gap = this.gaps.get(start);
    let current: Snapshot | null = null;
    if (!gap) {
      // Taken after the entries were read: the transaction holding the
      // missing id began before then, so it is below this snapshot's xmax.
      current = await snapshot();
      gap = { firstSeen: this.now(), xmax: current.xmax };
      this.gaps.set(start, gap);
    }
    // App transactions last milliseconds: look again a few times before
    // leaving the hole to the next poll.
    for (let look = 0; ; look++) {
      const age = this.now() - gap.firstSeen;
      if (age >= this.gapMaxAgeMs) {
        logger.warn(
          { consumer: this.consumerId, id: start, ageMs: age },
          "search log: a transaction held a log id too long; reading on without it",
        );
        return true;
      }
      current ??= await snapshot();
      // Every transaction running when the hole was seen has ended: the id
      // was rolled back (or deleted), and never will be visible.
      if (age >= this.gapMinAgeMs && current.xmin >= gap.xmax) return true;
      if (look >= GAP_LOOKS) return false;
      await new Promise((resolve) => setTimeout(resolve, GAP_LOOK_EVERY_MS));
      current = null;
    }
  }

  /**
   * Where a reader that has just been filled from the database starts: at
   * the log's head, or just before the oldest recent hole in the ids (a
   * transaction that may still commit there was not in what was read).
   * Entries read twice are harmless: each names a record, not a change.
   */
  private async registrationCursor(): Promise<number> {
    const recent = await db.searchOutbox.findMany({
      select: { id: true },
      orderBy: { id: "desc" },
      take: REGISTRATION_WINDOW,
    });
    if (recent.length === 0) {
      // An empty log (all pruned): ids keep counting up, so 0 is safe.
      return 0;
    }
    if (!this.postgres) return recent[0]!.id;
    const ids = recent.map((row) => row.id).reverse();
    for (let index = 1; index < ids.length; index++) {
      if (ids[index] !== ids[index - 1]! + 1) return ids[index - 1]!;
    }
    return ids.at(-1)!;
  }

  /** Fills the index from the database, then reads the log on from (about) its head. */
  private async rebuildAndRegister(isNew: boolean): Promise<BatchResult> {
    const id = this.consumerId!;
    try {
      const cursor = await this.registrationCursor();
      const indexed = await this.rebuild();
      const now = new Date(this.now());
      await db.searchConsumer.upsert({
        where: { id },
        create: { id, label: this.label, engine: this.engine.name, cursor, lastAppliedAt: now, seenAt: now },
        update: { cursor, label: this.label, attempts: 0, lastError: null, lastAppliedAt: now, seenAt: now },
      });
      this.mustRebuild = false;
      this.gaps.clear();
      this.attempts = 0;
      this.retryAt = 0;
      this.seenWrittenAt = this.now();
      this.lastSuccessAt = now;
      this.lastError = null;
      dataChanged();
      logger.info(
        { consumer: id, indexed, cursor, reason: isNew ? "new reader of the search log" : "empty index" },
        "search index built from the database",
      );
      return { applied: indexed, failed: 0, more: true };
    } catch (error) {
      this.mustRebuild = true;
      return this.failed(id, 0, error, 0);
    }
  }

  /**
   * Fills a new index from the database and swaps it in: searches keep
   * answering from the old one meanwhile. Changes written after the pages
   * were read are re-applied from the log by the caller.
   */
  async rebuild(): Promise<number> {
    await this.keepLease();
    const documents = async function* (this: SearchSyncWorker) {
      for await (const refs of allSearchRefs()) {
        const { upserts } = await loadSearchDocuments(refs);
        // A rebuild of a large catalogue can outlast the shared lease.
        await this.keepLease();
        yield upserts;
      }
    }.call(this);
    return this.engine.replaceAll(documents);
  }

  /**
   * Rebuilds now (the search:reindex command) and records that this index
   * holds everything up to the log's current head.
   */
  async rebuildNow(): Promise<number> {
    if (!this.consumerId) await this.open();
    if (this.shared) {
      // The serving processes hold the shared index's lease: ask for the
      // rebuild through the log, apply it here if no one else does, and
      // wait until the index is past it.
      const entry = await db.searchOutbox.create({ data: { entityType: "all", entityId: "*" } });
      this.stopped = false;
      for (;;) {
        await this.drain();
        const row = await db.searchConsumer.findUnique({ where: { id: this.consumerId! }, select: { cursor: true } });
        if (row && row.cursor >= entry.id) return this.engine.count();
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    const cursor = await this.registrationCursor();
    const indexed = await this.rebuild();
    const id = this.consumerId!;
    const now = new Date(this.now());
    await db.searchConsumer.upsert({
      where: { id },
      create: { id, label: this.label, engine: this.engine.name, cursor, lastAppliedAt: now, seenAt: now },
      update: { cursor, attempts: 0, lastError: null, lastAppliedAt: now, seenAt: now },
    });
    this.mustRebuild = false;
    return indexed;
  }

  private async pruneIfDue() {
    const now = this.now();
    if (now - this.prunedAt < this.pruneEveryMs) return;
    this.prunedAt = now;
    await pruneSearchLog({ now: new Date(now), staleMs: this.staleMs, retainMs: this.retainMs });
  }
}

/**
 * Deletes log entries every live reader is past. A reader not seen for
 * `staleMs` no longer holds entries back; once entries it had not read are
 * gone, its row is dropped too, so if it returns it knows to rebuild instead
 * of reading on over the hole. Safe to run from any process at any time.
 */
export async function pruneSearchLog(
  options: { now?: Date; staleMs?: number; retainMs?: number } = {},
): Promise<{ through: number; deleted: number }> {
  const now = (options.now ?? new Date()).getTime();
  const staleBefore = new Date(now - (options.staleMs ?? env.SEARCH_CONSUMER_STALE_MINUTES * 60_000));
  const live = await db.searchConsumer.aggregate({ where: { seenAt: { gte: staleBefore } }, _min: { cursor: true } });
  const lowest = live._min.cursor;
  if (lowest === null) return { through: 0, deleted: 0 };
  // Recent entries stay a while even when read, so that a reader registering
  // at this moment never needs one that is already gone.
  const last = await db.searchOutbox.aggregate({
    where: { id: { lte: lowest }, createdAt: { lt: new Date(now - (options.retainMs ?? 5 * 60_000)) } },
    _max: { id: true },
  });
  const through = last._max.id;
  if (through === null) return { through: 0, deleted: 0 };
  const [deleted] = await db.$transaction([
    db.searchOutbox.deleteMany({ where: { id: { lte: through } } }),
    db.searchConsumer.deleteMany({ where: { seenAt: { lt: staleBefore }, cursor: { lt: through } } }),
    db.searchConsumer.deleteMany({ where: { seenAt: { lt: new Date(now - FORGET_AFTER_MS) } } }),
  ]);
  return { through, deleted: deleted.count };
}

export interface SearchConsumerHealth {
  id: string;
  label: string;
  engine: string;
  cursor: number;
  /** Entries written after the cursor. */
  behind: number;
  /** Age of the oldest entry this reader has not applied; 0 when up to date. */
  lagSeconds: number;
  lastAppliedAt: Date | null;
  lastError: string | null;
  attempts: number;
  seenAt: Date;
  /** Not seen for longer than the stale limit: no longer holds entries back. */
  stale: boolean;
  /** The index this process reads from. */
  current: boolean;
}

export interface SearchIndexHealth {
  engine: string;
  documents: number | null;
  engineError: string | null;
  /** Entries still in the log (not yet pruned). */
  retained: number;
  /** This process's index. */
  pending: number;
  lagSeconds: number;
  lastSuccessAt: Date | null;
  lastError: string | null;
  /** Every reader of the log: one per process with an embedded index, one for a shared index. */
  consumers: SearchConsumerHealth[];
}

export async function searchConsumersHealth(
  currentId: string | null,
  staleMs = env.SEARCH_CONSUMER_STALE_MINUTES * 60_000,
): Promise<SearchConsumerHealth[]> {
  const rows = await db.searchConsumer.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const now = Date.now();
  return Promise.all(
    rows.map(async (row) => {
      const [behind, oldest] = await Promise.all([
        db.searchOutbox.count({ where: { id: { gt: row.cursor } } }),
        db.searchOutbox.findFirst({
          where: { id: { gt: row.cursor } },
          orderBy: { id: "asc" },
          select: { createdAt: true },
        }),
      ]);
      return {
        id: row.id,
        label: row.label,
        engine: row.engine,
        cursor: row.cursor,
        behind,
        lagSeconds: oldest ? Math.max(0, (now - oldest.createdAt.getTime()) / 1000) : 0,
        lastAppliedAt: row.lastAppliedAt,
        lastError: row.lastError,
        attempts: row.attempts,
        seenAt: row.seenAt,
        stale: now - row.seenAt.getTime() > staleMs,
        current: row.id === currentId,
      };
    }),
  );
}

export async function searchIndexHealth(engine: SearchEngine, worker: SearchSyncWorker): Promise<SearchIndexHealth> {
  const [retained, consumers] = await Promise.all([db.searchOutbox.count(), searchConsumersHealth(worker.consumerId)]);
  let documents: number | null = null;
  let engineError: string | null = null;
  try {
    documents = await engine.count();
  } catch (error) {
    engineError = error instanceof Error ? error.message : String(error);
  }
  const mine = consumers.find((consumer) => consumer.current);
  return {
    engine: engine.name,
    documents,
    engineError,
    retained,
    pending: mine?.behind ?? retained,
    lagSeconds: mine?.lagSeconds ?? 0,
    lastSuccessAt: worker.lastSuccessAt ?? mine?.lastAppliedAt ?? null,
    lastError: worker.lastError ?? mine?.lastError ?? null,
    consumers,
  };
}
