// The search log read by several indexes at once, as when several app
// processes serve the site: each with an embedded index file of its own, or
// all sharing one index (Meilisearch) applied by one process at a time.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { resolveDatabaseTarget } from "~/db-url";
import { enqueueSearchSync } from "~/models/search-index.server";
import { pruneSearchLog, SearchSyncWorker } from "~/models/search-sync.server";
import { startSearchService } from "~/search-service.server";
import { makeOrganisation, makeUser } from "~/test-support/factories";
import { makeOffer, makeTerms, type Terms } from "~/test-support/offer-factories";
import { givePlan } from "~/test-support/plan-factories";
import { dataVersion } from "~/utils/data-version.server";
import { leaseHolder } from "~/utils/lease.server";
import { EmbeddedSearchEngine } from "../../search/embedded/engine.ts";
import type { SearchDocument, SearchEngine } from "../../search/types.ts";

const directory = fs.mkdtempSync(path.join(os.tmpdir(), "hte-consumers-"));
const onPostgres = resolveDatabaseTarget(process.env.DATABASE_URL).provider === "postgresql";
let terms: Terms;
let ownerId = "";
let organisationId = "";
const opened: SearchEngine[] = [];

function embedded(name: string) {
  const engine = new EmbeddedSearchEngine({ path: path.join(directory, `${name}.search.sqlite`) });
  opened.push(engine);
  return engine;
}

async function indexProcess(name: string, options: ConstructorParameters<typeof SearchSyncWorker>[1] = {}) {
  const engine = embedded(name);
  await engine.init();
  return { engine, worker: new SearchSyncWorker(engine, { label: `test · ${name}`, ...options }) };
}

// Whether searching for a title finds the offer under exactly that title.
const has = async (engine: SearchEngine, title: string) =>
  (await engine.search({ q: title, perPage: 50, visibility: { organisationIds: [organisationId] } })).hits.some(
    (hit) => hit.title === title,
  );

// Other test files share the PostgreSQL cluster, and their transactions
// count as running ones: a hole may take a few polls to be passed.
async function eventually(worker: SearchSyncWorker, done: () => Promise<boolean>, ms = 5_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    await worker.drain();
    if ((await done()) || Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const publish = (title: string) => makeOffer(organisationId, ownerId, terms, { title, status: "PUBLISHED" });

beforeAll(async () => {
  terms = await makeTerms();
  ownerId = (await makeUser()).id;
  organisationId = (await makeOrganisation(ownerId, "Công ty Nhiều Tiến Trình")).id;
  await givePlan(organisationId);
});

afterAll(async () => {
  for (const engine of opened) await engine.close().catch(() => undefined);
  fs.rmSync(directory, { recursive: true, force: true });
});

describe("two processes, each with its own embedded index", () => {
  it("both apply a change written once, and each index resumes as the same reader after a restart", async () => {
    const a = await indexProcess("a");
    const b = await indexProcess("b");
    await Promise.all([a.worker.drain(), b.worker.drain()]);
    expect(a.worker.consumerId).not.toBe(b.worker.consumerId);

    await publish("Hệ thống đo mực nước sông Tô Lịch");
    // Applying another process's change empties this process's public page
    // cache (its data version moves); an idle poll does not.
    const version = dataVersion();
    await Promise.all([a.worker.drain(), b.worker.drain()]);
    expect(dataVersion()).toBeGreaterThan(version);
    const idle = dataVersion();
    await Promise.all([a.worker.drain(), b.worker.drain()]);
    expect(dataVersion()).toBe(idle);
    expect(await has(a.engine, "Hệ thống đo mực nước sông Tô Lịch")).toBe(true);
    expect(await has(b.engine, "Hệ thống đo mực nước sông Tô Lịch")).toBe(true);

    // B restarts with the same file: same reader, no rebuild, and it picks up
    // what was written while it was down.
    const bId = b.worker.consumerId;
    const bRow = await db.searchConsumer.findUniqueOrThrow({ where: { id: bId! } });
    await b.worker.stop();
    await b.engine.close();
    await publish("Cảm biến ngập nước Phố Huế");
    await a.worker.drain();
    const restarted = await indexProcess("b");
    await restarted.worker.drain();
    expect(restarted.worker.consumerId).toBe(bId);
    expect((await db.searchConsumer.findUniqueOrThrow({ where: { id: bId! } })).createdAt).toEqual(bRow.createdAt);
    expect(await has(restarted.engine, "Cảm biến ngập nước Phố Huế")).toBe(true);
    expect(await has(restarted.engine, "Hệ thống đo mực nước sông Tô Lịch")).toBe(true);
    await a.worker.stop();
    await restarted.worker.stop();
  });

  it("prunes an entry only once every live index has read it", async () => {
    await db.searchConsumer.deleteMany({});
    const a = await indexProcess("prune-a");
    const b = await indexProcess("prune-b");
    await Promise.all([a.worker.drain(), b.worker.drain()]);
    const offer = await publish("Trạm sạc xe điện Hà Đông");
    const entry = await db.searchOutbox.findFirstOrThrow({ where: { entityId: offer.id } });

    await a.worker.drain();
    await pruneSearchLog({ retainMs: 0 });
    // B has not read it: it stays.
    expect(await db.searchOutbox.count({ where: { id: entry.id } })).toBe(1);

    await b.worker.drain();
    expect(await has(b.engine, "Trạm sạc xe điện Hà Đông")).toBe(true);
    const pruned = await pruneSearchLog({ retainMs: 0 });
    expect(pruned.through).toBeGreaterThanOrEqual(entry.id);
    expect(await db.searchOutbox.count({ where: { id: { lte: entry.id } } })).toBe(0);

    // Entries are kept a while even when read (a reader may be registering).
    await publish("Đèn đường thông minh Thanh Xuân");
    await Promise.all([a.worker.drain(), b.worker.drain()]);
    await pruneSearchLog();
    expect(await db.searchOutbox.count()).toBeGreaterThan(0);
    await a.worker.stop();
    await b.worker.stop();
  });

  it("an index away long enough to be pruned past rebuilds from the database when it returns", async () => {
    await db.searchConsumer.deleteMany({});
    const a = await indexProcess("away-a");
    const b = await indexProcess("away-b");
    await Promise.all([a.worker.drain(), b.worker.drain()]);
    const bId = b.worker.consumerId!;
    await b.worker.stop();
    await b.engine.close();
    // B's process has been gone for two hours; meanwhile A keeps working.
    await db.searchConsumer.update({ where: { id: bId }, data: { seenAt: new Date(Date.now() - 2 * 3_600_000) } });
    await publish("Hệ thống tưới cây tự động Long Biên");
    await a.worker.drain();
    await pruneSearchLog({ retainMs: 0, staleMs: 60 * 60_000 });
    // B no longer holds entries back, and its row is gone with the entries it missed.
    expect(await db.searchConsumer.findUnique({ where: { id: bId } })).toBeNull();

    const back = await indexProcess("away-b");
    const applied = await back.worker.drain();
    expect(applied.failed).toBe(0);
    expect(back.worker.consumerId).toBe(bId);
    expect(await has(back.engine, "Hệ thống tưới cây tự động Long Biên")).toBe(true);
    // And it reads on from the log's head.
    await publish("Bãi đỗ xe thông minh Cầu Giấy");
    await back.worker.drain();
    expect(await has(back.engine, "Bãi đỗ xe thông minh Cầu Giấy")).toBe(true);
    await a.worker.stop();
    await back.worker.stop();
  });
});

// An engine that counts the writes made through it, on a file another one
// shares: two processes in front of one shared index.
class CountingEngine extends EmbeddedSearchEngine {
  writes = 0;
  override async upsert(documents: SearchDocument[]) {
    this.writes += 1;
    return super.upsert(documents);
  }
  override async replaceAll(batches: AsyncIterable<SearchDocument[]>) {
    this.writes += 1;
    return super.replaceAll(batches);
  }
}

describe("one shared index (as Meilisearch) in front of two processes", () => {
  it("is applied by one process at a time, and another takes over when the holder dies", async () => {
    const file = path.join(directory, "shared.search.sqlite");
    const one = new CountingEngine({ path: file });
    const two = new CountingEngine({ path: file });
    opened.push(one, two);
    await one.init();
    await two.init();
    const consumer = { kind: "shared" as const, id: "meilisearch:test-shared" };
    const first = new SearchSyncWorker(one, { consumer, holder: "process-1", leaseTtlMs: 1_500 });
    const second = new SearchSyncWorker(two, { consumer, holder: "process-2", leaseTtlMs: 1_500 });
    await Promise.all([first.drain(), second.drain()]);
    await publish("Cổng dữ liệu mở quận Hoàn Kiếm");
    await Promise.all([first.drain(), second.drain(), first.drain(), second.drain()]);

    const holder = (await leaseHolder("search-sync:meilisearch:test-shared"))!.holder;
    expect(["process-1", "process-2"]).toContain(holder);
    const [holding, waiting] = holder === "process-1" ? [one, two] : [two, one];
    const [holdingWorker, waitingWorker] = holder === "process-1" ? [first, second] : [second, first];
    expect(holding.writes).toBeGreaterThan(0);
    expect(waiting.writes).toBe(0);
    expect(await has(waiting, "Cổng dữ liệu mở quận Hoàn Kiếm")).toBe(true);
    expect(await db.searchConsumer.count({ where: { id: "meilisearch:test-shared" } })).toBe(1);

    // The holder dies without a word (no stop(), so no release): the other
    // one does nothing until the lease runs out, then carries on.
    await publish("Bản đồ tiếng ồn Đống Đa");
    await waitingWorker.drain();
    expect(waiting.writes).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1_700));
    await waitingWorker.drain();
    expect(waiting.writes).toBeGreaterThan(0);
    expect((await leaseHolder("search-sync:meilisearch:test-shared"))!.holder).not.toBe(holder);
    expect(await has(holding, "Bản đồ tiếng ồn Đống Đa")).toBe(true);

    // A graceful stop gives the lease back at once.
    await waitingWorker.stop();
    const writesBefore = holding.writes;
    await publish("Giám sát chất lượng nước Hồ Tây");
    await holdingWorker.drain();
    expect(holding.writes).toBeGreaterThan(writesBefore);
    expect(await has(holding, "Giám sát chất lượng nước Hồ Tây")).toBe(true);
    await holdingWorker.stop();
  });
});

describe.runIf(onPostgres)("ids that become visible out of order (PostgreSQL)", () => {
  it("waits for a transaction that holds a smaller id, and passes one that rolled back", async () => {
    await db.searchConsumer.deleteMany({});
    const a = await indexProcess("gaps");
    await a.worker.drain();
    const slow = await publish("Phân loại rác tại nguồn Ba Đình");
    const other = await publish("Thu gom dầu ăn Tây Hồ");
    await a.worker.drain();

    // T1 takes a log id, then waits; a later write (to another record, so
    // no row lock is shared) commits first with a larger id.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const t1 = db.$transaction(
      async (tx) => {
        await tx.offer.update({ where: { id: slow.id }, data: { titleVi: "Phân loại rác thông minh Ba Đình" } });
        await enqueueSearchSync(tx, { type: "offer", id: slow.id });
        entered();
        await gate;
      },
      { timeout: 30_000 },
    );
    await inside;
    await db.$transaction(async (tx) => {
      await tx.offer.update({ where: { id: other.id }, data: { titleVi: "Thu gom dầu ăn thải Tây Hồ" } });
      await enqueueSearchSync(tx, { type: "offer", id: other.id });
    });
    const later = await db.searchOutbox.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(later.entityId).toBe(other.id);

    await a.worker.drain();
    // Not past the hole: the later entry waits, the cursor stays below T1's id.
    const cursorWhileOpen = (await db.searchConsumer.findUniqueOrThrow({ where: { id: a.worker.consumerId! } })).cursor;
    expect(cursorWhileOpen).toBeLessThan(later.id);
    expect(await has(a.engine, "Thu gom dầu ăn thải Tây Hồ")).toBe(false);

    release();
    await t1;
    await eventually(a.worker, () => has(a.engine, "Thu gom dầu ăn thải Tây Hồ"));
    expect(await has(a.engine, "Phân loại rác thông minh Ba Đình")).toBe(true);
    expect(await has(a.engine, "Thu gom dầu ăn thải Tây Hồ")).toBe(true);

    // A transaction that takes an id and rolls back leaves a hole for good:
    // once it has ended, the reader goes on past it.
    const failed = db.$transaction(async (tx) => {
      await enqueueSearchSync(tx, { type: "offer", id: slow.id });
      throw new Error("rolled back");
    });
    await expect(failed).rejects.toThrow("rolled back");
    await publish("Xe buýt điện tuyến Cầu Giấy");
    await eventually(a.worker, () => has(a.engine, "Xe buýt điện tuyến Cầu Giấy"));
    expect(await has(a.engine, "Xe buýt điện tuyến Cầu Giấy")).toBe(true);
    await a.worker.stop();
  });
});

// An engine whose first starts fail, as a Meilisearch that is not up yet.
class LateEngine extends EmbeddedSearchEngine {
  failInits: number;
  failRebuilds: number;
  constructor(file: string, failInits: number, failRebuilds: number) {
    super({ path: file });
    this.failInits = failInits;
    this.failRebuilds = failRebuilds;
  }
  override async init() {
    if (this.failInits > 0) {
      this.failInits -= 1;
      throw new Error("connect ECONNREFUSED 127.0.0.1:7700");
    }
    return super.init();
  }
  override async replaceAll(batches: AsyncIterable<SearchDocument[]>) {
    if (this.failRebuilds > 0) {
      this.failRebuilds -= 1;
      throw new Error("task timed out");
    }
    return super.replaceAll(batches);
  }
}

describe("starting the engine", () => {
  it("is retried with back-off until it works; meanwhile it says why it is not ready, and writes are kept", async () => {
    const engine = new LateEngine(path.join(directory, "late.search.sqlite"), 2, 1);
    opened.push(engine);
    const service = startSearchService(
      { engine, worker: new SearchSyncWorker(engine, { label: "test · late" }) },
      { baseMs: 50, maxMs: 200 },
    );
    await service.ready;
    expect(service.readiness.ready).toBe(false);
    expect(service.readiness.error).toContain("ECONNREFUSED");

    // Written while search is not up: kept in the log.
    await publish("Cảnh báo sạt lở bờ sông Hồng");
    const deadline = Date.now() + 10_000;
    while (!service.readiness.ready && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(service.readiness).toEqual({ ready: true, error: null });
    // Two failed starts and one failed first rebuild, each retried.
    expect(engine.failInits).toBe(0);
    expect(engine.failRebuilds).toBe(0);
    await service.worker.drain();
    expect(await has(engine, "Cảnh báo sạt lở bờ sông Hồng")).toBe(true);
    await service.worker.stop();
  });
});

// An engine that takes its time over a write.
class SlowEngine extends EmbeddedSearchEngine {
  override async upsert(documents: SearchDocument[]) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return super.upsert(documents);
  }
}

describe("stopping", () => {
  it("resolves once the batch being applied is done, and polls no more", async () => {
    const engine = new SlowEngine({ path: path.join(directory, "slow.search.sqlite") });
    opened.push(engine);
    await engine.init();
    const worker = new SearchSyncWorker(engine);
    await worker.drain();
    await publish("Quan trắc không khí Hoàng Mai");
    worker.start(20);
    // Wait until a batch is under way.
    await new Promise((resolve) => setTimeout(resolve, 80));
    await worker.stop();
    expect(await has(engine, "Quan trắc không khí Hoàng Mai")).toBe(true);
    await publish("Đèn giao thông thích ứng Hà Đông");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await has(engine, "Đèn giao thông thích ứng Hà Đông")).toBe(false);
    expect((await worker.drain()).applied).toBe(0);
  });
});
