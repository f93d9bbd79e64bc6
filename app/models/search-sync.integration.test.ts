import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { archiveOffer, publishOffer, submitOffer } from "~/models/offer-workflow.server";
import { updateOrganisation } from "~/models/organisation.server";
import { enqueueFullReindex } from "~/models/search-index.server";
import { retryDelay, searchIndexHealth, SearchSyncWorker } from "~/models/search-sync.server";
import { makeOrganisation, makeUser } from "~/test-support/factories";
import { givePlan } from "~/test-support/plan-factories";
import { makeOffer, makeTerms, type Terms } from "~/test-support/offer-factories";
import { makePublishedMajorProblem } from "~/test-support/statement-factories";
import { EmbeddedSearchEngine } from "../../search/embedded/engine.ts";
import type { SearchDocument, SearchEngine } from "../../search/types.ts";

// An engine that can be switched off, as a crashed or unreachable server.
class UnreliableEngine implements SearchEngine {
  readonly name = "unreliable";
  down = false;
  writeAttempts = 0;
  constructor(private readonly inner: SearchEngine) {}
  private check() {
    if (this.down) throw new Error("ECONNREFUSED 127.0.0.1:7700");
  }
  init() {
    return this.inner.init();
  }
  async upsert(documents: SearchDocument[]) {
    this.writeAttempts += 1;
    this.check();
    return this.inner.upsert(documents);
  }
  async remove(ids: string[]) {
    this.check();
    return this.inner.remove(ids);
  }
  search: SearchEngine["search"] = (query) => this.inner.search(query);
  suggest: SearchEngine["suggest"] = (query) => this.inner.suggest(query);
  similar: SearchEngine["similar"] = (query) => this.inner.similar(query);
  setSynonyms: SearchEngine["setSynonyms"] = (groups) => this.inner.setSynonyms(groups);
  async count() {
    this.check();
    return this.inner.count();
  }
  clear() {
    this.check();
    return this.inner.clear();
  }
  async replaceAll(batches: AsyncIterable<SearchDocument[]>) {
    this.check();
    return this.inner.replaceAll(batches);
  }
  close() {
    return this.inner.close();
  }
  getMeta(key: string) {
    return this.inner.getMeta!(key);
  }
  setMeta(key: string, value: string) {
    return this.inner.setMeta!(key, value);
  }
}

const directory = fs.mkdtempSync(path.join(os.tmpdir(), "hte-sync-"));
let engine: UnreliableEngine;
let worker: SearchSyncWorker;
let terms: Terms;
let ownerId = "";
let organisationId = "";

// Entries this index has not applied yet: what a lagging index would miss.
const unapplied = async (reader: SearchSyncWorker = worker) => {
  const consumer = await db.searchConsumer.findUniqueOrThrow({ where: { id: reader.consumerId! } });
  return db.searchOutbox.count({ where: { id: { gt: consumer.cursor } } });
};

const found = async (q: string, organisationIds: string[] = []) =>
  (await engine.search({ q, visibility: { organisationIds } })).hits.map((hit) => hit.title);

beforeAll(async () => {
  engine = new UnreliableEngine(new EmbeddedSearchEngine({ path: path.join(directory, "index.sqlite") }));
  await engine.init();
  worker = new SearchSyncWorker(engine, { baseDelayMs: 20, maxDelayMs: 200 });
  terms = await makeTerms();
  ownerId = (await makeUser()).id;
  organisationId = (await makeOrganisation(ownerId, "Công ty Cảm biến Đông Anh")).id;
  // More offers than the Free plan's limit are published here.
  await givePlan(organisationId);
  // Other tests' factories may have queued entries: start from a clean outbox.
  await db.searchOutbox.deleteMany({});
});
afterAll(async () => {
  await engine.close();
  fs.rmSync(directory, { recursive: true, force: true });
});

async function publishedOffer(title: string) {
  const offer = await makeOffer(organisationId, ownerId, terms, { title });
  await submitOffer(ownerId, organisationId, offer.id);
  await publishOffer(ownerId, offer.id, "SELF_DECLARED");
  return offer;
}

describe("the outbox", () => {
  it("records a search entry in the same transaction as each write, and the worker applies it", async () => {
    const offer = await makeOffer(organisationId, ownerId, terms, { title: "Trạm quan trắc bụi mịn PM2.5" });
    expect(await db.searchOutbox.count({ where: { entityType: "offer", entityId: offer.id } })).toBe(1);
    await worker.drain();
    expect(await unapplied()).toBe(0);
    // A draft: only its organisation finds it.
    expect(await found("quan trắc bụi mịn")).toEqual([]);
    expect(await found("quan trac bui min", [organisationId])).toEqual(["Trạm quan trắc bụi mịn PM2.5"]);

    await submitOffer(ownerId, organisationId, offer.id);
    await publishOffer(ownerId, offer.id, "SELF_DECLARED");
    await worker.drain();
    expect(await found("quan trac bui min")).toEqual(["Trạm quan trắc bụi mịn PM2.5"]);

    await archiveOffer(ownerId, offer.id, organisationId);
    await worker.drain();
    expect(await found("quan trac bui min", [organisationId])).toEqual([]);
  });

  it("re-indexes an organisation's listings when its name changes", async () => {
    await publishedOffer("Phần mềm quản lý kho lạnh");
    await worker.drain();
    expect(await found("Đông Anh")).toContain("Phần mềm quản lý kho lạnh");
    await updateOrganisation(ownerId, organisationId, { name: "Công ty Logistics Sóc Sơn", kind: "PROVIDER" });
    await worker.drain();
    expect(await found("Sóc Sơn")).toContain("Phần mềm quản lý kho lạnh");
    expect(await found("Đông Anh")).not.toContain("Phần mềm quản lý kho lạnh");
  });

  it("indexes a major problem as published, not the staff's working copy", async () => {
    const staff = await makeUser({ role: "STAFF" });
    const problem = await makePublishedMajorProblem(staff.id);
    await worker.drain();
    const result = await engine.search({ q: "giảm ùn tắc giao thông nội đô", filters: { type: ["major-problem"] } });
    expect(result.hits.map((hit) => hit.slug)).toContain(`${problem.listSlug}/${problem.code}`);
  });
});

describe("when the search engine is down", () => {
  it("still saves every write, backs off, and catches up with nothing lost", async () => {
    // Time passing, without waiting for it.
    let skew = 0;
    const timePasses = (ms: number) => (skew += ms);
    const patient = new SearchSyncWorker(engine, {
      baseDelayMs: 60_000,
      maxDelayMs: 600_000,
      now: () => Date.now() + skew,
    });
    await patient.drain();
    engine.down = true;
    const titles = ["Đèn tín hiệu thích ứng Cầu Giấy", "Camera đếm xe Long Biên", "Cảnh báo ngập Hoàng Mai"];
    const offers = [];
    for (const title of titles) offers.push(await publishedOffer(title));
    expect(await db.offer.count({ where: { id: { in: offers.map((offer) => offer.id) }, status: "PUBLISHED" } })).toBe(
      3,
    );

    const failed = await patient.drain();
    expect(failed.failed).toBeGreaterThan(0);
    const waiting = await unapplied(patient);
    expect(waiting).toBeGreaterThanOrEqual(titles.length);
    const consumer = await db.searchConsumer.findUniqueOrThrow({ where: { id: patient.consumerId! } });
    expect(consumer.attempts).toBe(1);
    expect(consumer.lastError).toContain("ECONNREFUSED");

    // Not retried in a tight loop before the delay is up.
    const attemptsBefore = engine.writeAttempts;
    await patient.drain();
    expect(engine.writeAttempts).toBe(attemptsBefore);

    const health = await searchIndexHealth(engine, patient);
    expect(health.pending).toBe(waiting);
    expect(health.engineError).toContain("ECONNREFUSED");
    const mine = health.consumers.find((entry) => entry.current)!;
    expect(mine.behind).toBe(waiting);
    expect(mine.lastError).toContain("ECONNREFUSED");
    expect(mine.lagSeconds).toBeGreaterThanOrEqual(0);

    // A second failure doubles the delay: due after 60 s, then after 120 s more.
    timePasses(61_000);
    await patient.drain();
    expect((await db.searchConsumer.findUniqueOrThrow({ where: { id: patient.consumerId! } })).attempts).toBe(2);
    const attemptsAfterSecond = engine.writeAttempts;
    timePasses(61_000);
    await patient.drain();
    expect(engine.writeAttempts).toBe(attemptsAfterSecond);

    engine.down = false;
    timePasses(120_000);
    await patient.drain();
    expect(await unapplied(patient)).toBe(0);
    for (const title of titles) expect(await found(title)).toContain(title);
    const after = await searchIndexHealth(engine, patient);
    expect(after.lagSeconds).toBe(0);
    expect(after.consumers.find((entry) => entry.current)!.lastError).toBeNull();
  });
});

describe("a full rebuild", () => {
  it("restores every searchable record and drops ones that no longer exist", async () => {
    await engine.upsert([
      {
        id: "offer:ghost",
        type: "offer",
        entityId: "ghost",
        slug: "ghost",
        title: "Tài liệu ma đã bị xoá",
        summary: "",
        body: "",
        keywords: [],
        published: true,
        organisationId: null,
        organisationName: null,
        sector: [],
        technology: [],
        trlBand: null,
        deployment: null,
        priceBand: null,
        evidenceLevel: null,
        orgKind: null,
        language: ["vi"],
        priceMin: null,
        publishedAt: null,
      },
    ]);
    await enqueueFullReindex();
    await worker.drain();
    expect(await found("tài liệu ma đã bị xoá")).not.toContain("Tài liệu ma đã bị xoá");
    const expected = await db.offer.count({ where: { status: { not: "ARCHIVED" } } });
    const offersIndexed = (
      await engine.search({
        q: "",
        filters: { type: ["offer"] },
        visibility: { organisationIds: (await db.organisation.findMany()).map((o) => o.id) },
      })
    ).total;
    expect(offersIndexed).toBe(expected);
  });
});

describe("a full rebuild of more offers than one SQLite statement can name", () => {
  // Prisma binds at most 999 values per SQLite statement; a rebuild page of
  // 1,000 ids plus the status list once failed (P2029) on any real catalogue.
  it("indexes all of them", async () => {
    const batch = `bulk-${Date.now()}`;
    await db.offer.createMany({
      data: Array.from({ length: 1_050 }, (_, index) => ({
        organisationId,
        slug: `${batch}-${index}`,
        status: "PUBLISHED" as const,
        titleVi: `Giải pháp số ${index} lô ${batch}`,
        summaryVi: "Tóm tắt",
        descriptionMd: "Mô tả",
        publishedAt: new Date(),
      })),
    });
    await enqueueFullReindex();
    await worker.drain();
    expect(worker.lastError).toBeNull();
    const expected = await db.offer.count({ where: { status: { not: "ARCHIVED" } } });
    const offersIndexed = (
      await engine.search({
        q: "",
        filters: { type: ["offer"] },
        visibility: { organisationIds: (await db.organisation.findMany()).map((o) => o.id) },
      })
    ).total;
    expect(offersIndexed).toBe(expected);
  });
});

describe("retry delay", () => {
  it("doubles per attempt up to the ceiling", () => {
    expect([1, 2, 3, 4, 10].map((attempt) => retryDelay(attempt, 500, 5000))).toEqual([500, 1000, 2000, 4000, 5000]);
  });
});
