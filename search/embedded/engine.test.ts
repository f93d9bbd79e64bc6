import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { describeSearchEngineContract, searchDocument } from "../contract.ts";
import { EmbeddedSearchEngine } from "./engine.ts";

const directory = fs.mkdtempSync(path.join(os.tmpdir(), "hte-search-"));
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));
let counter = 0;
const freshPath = () => path.join(directory, `index-${++counter}.sqlite`);

describeSearchEngineContract("embedded", async () => new EmbeddedSearchEngine({ path: freshPath() }));

describe("embedded engine on disk", () => {
  it("keeps its documents and synonyms across a restart, without a rebuild", async () => {
    const file = freshPath();
    const first = new EmbeddedSearchEngine({ path: file });
    await first.init();
    await first.setSynonyms([["kẹt xe", "ùn tắc"]]);
    await first.upsert([searchDocument({ entityId: "a", title: "Giảm ùn tắc tại nút giao" })]);
    await first.close();

    const second = new EmbeddedSearchEngine({ path: file });
    await second.init();
    expect(await second.count()).toBe(1);
    expect((await second.search({ q: "kẹt xe" })).hits.map((hit) => hit.entityId)).toEqual(["a"]);
    await second.close();
  });

  it("sees documents another process wrote to the same file", async () => {
    const file = freshPath();
    const reader = new EmbeddedSearchEngine({ path: file });
    const writer = new EmbeddedSearchEngine({ path: file });
    await reader.init();
    await writer.init();
    expect((await reader.search({ q: "quan trắc" })).total).toBe(0);
    await writer.upsert([searchDocument({ entityId: "b", title: "Quan trắc chất lượng nước" })]);
    expect((await reader.search({ q: "quan trắc" })).total).toBe(1);
    await writer.close();
    await reader.close();
  });

  it("swaps a rebuild in for another connection to the file too, and clears one a crash interrupted", async () => {
    const file = freshPath();
    const reader = new EmbeddedSearchEngine({ path: file });
    const writer = new EmbeddedSearchEngine({ path: file });
    await reader.init();
    await writer.init();
    await writer.upsert([searchDocument({ entityId: "old", title: "Quan trắc chất lượng nước" })]);
    expect((await reader.search({ q: "quan trắc" })).total).toBe(1);
    // Staging tables left by a process killed mid-rebuild.
    const raw = new Database(file);
    raw.exec("CREATE TABLE docs_rebuild (junk TEXT); INSERT INTO docs_rebuild VALUES ('x');");
    raw.close();
    const batches = (async function* () {
      yield [searchDocument({ entityId: "new", title: "Cảnh báo ngập úng" })];
    })();
    expect(await writer.replaceAll(batches)).toBe(1);
    expect((await reader.search({ q: "quan trắc" })).total).toBe(0);
    expect((await reader.search({ q: "ngập úng" })).hits.map((hit) => hit.entityId)).toEqual(["new"]);
    expect(await reader.count()).toBe(1);
    await writer.upsert([searchDocument({ entityId: "later", title: "Cảnh báo sạt lở" })]);
    expect((await reader.search({ q: "cảnh báo" })).total).toBe(2);
    await writer.close();
    await reader.close();
    // And it all survives a restart.
    const again = new EmbeddedSearchEngine({ path: file });
    await again.init();
    expect(await again.count()).toBe(2);
    await again.close();
  });

  it("offers a correction when nothing matches", async () => {
    const engine = new EmbeddedSearchEngine({ path: ":memory:" });
    await engine.init();
    await engine.upsert([searchDocument({ entityId: "c", title: "Hệ thống quản lý bệnh viện" })]);
    const partial = await engine.search({ q: "bệnh vein" });
    expect(partial.didYouMean).toBe("bệnh viện");
    const nothing = await engine.search({ q: "benh vein" });
    expect(nothing.didYouMean).toBe("bệnh viện");
    expect((await engine.search({ q: "zzzz qqqq" })).didYouMean).toBeNull();
    await engine.close();
  });

  it("reads a misspelt English word as the thesaurus word it is nearest to, and ranks its offers first", async () => {
    const engine = new EmbeddedSearchEngine({ path: ":memory:" });
    await engine.init();
    await engine.setSynonyms([["kho hàng", "warehouse"]]);
    await engine.upsert([
      searchDocument({ entityId: "warehouse-vi", title: "Quản lý kho hàng cho nhà phân phối" }),
      searchDocument({ entityId: "charging-en", title: "EV charging network management platform", language: ["en"] }),
      searchDocument({ entityId: "casework-en", title: "Case management for social workers", language: ["en"] }),
    ]);
    // "warehose" is in no offer: read as "warehouse", the need is the
    // warehouse offer, not every offer that says "management".
    const result = await engine.search({ q: "warehose management" });
    expect(result.hits.map((hit) => hit.entityId)).toEqual(["warehouse-vi"]);
    await engine.close();
  });

  it("drops words from the end when all of them together find nothing", async () => {
    const engine = new EmbeddedSearchEngine({ path: ":memory:" });
    await engine.init();
    await engine.upsert([searchDocument({ entityId: "d", title: "Cảnh báo ngập úng đô thị" })]);
    const result = await engine.search({ q: "cảnh báo ngập xyzw" });
    expect(result.hits.map((hit) => hit.entityId)).toEqual(["d"]);
    await engine.close();
  });
});

describe("embedded engine ranking and visibility", () => {
  it("never lets another organisation's draft reorder what the public sees", async () => {
    // Equally good public matches; the leading ones are health offers. The
    // newest of the last two comes first unless a leading sector lifts one.
    const offer = (entityId: string, sector: string, day: number) =>
      searchDocument({
        entityId,
        title: "Đặt lịch khám cho người dân",
        sector: [sector],
        organisationId: `org-${entityId}`,
        publishedAt: Date.UTC(2026, 0, day),
      });
    const publicOffers = [
      offer("clinic-1", "y-te", 9),
      offer("clinic-2", "y-te", 8),
      offer("clinic-3", "y-te", 7),
      offer("bus", "giao-thong", 1),
      offer("school", "giao-duc", 2),
    ];
    // As good a match, found first, in the transport sector: unpublished, another organisation's.
    const draft = searchDocument({
      entityId: "draft",
      title: "Đặt lịch khám cho người dân",
      sector: ["giao-thong"],
      organisationId: "org-d",
      published: false,
    });
    const ranked = async (documents: ReturnType<typeof searchDocument>[]) => {
      const engine = new EmbeddedSearchEngine({ path: ":memory:" });
      await engine.init();
      await engine.upsert(documents);
      const result = await engine.search({ q: "đặt lịch trực tuyến" });
      await engine.close();
      return result.hits.map((hit) => hit.entityId);
    };
    const without = await ranked(publicOffers);
    expect(without.slice(-2)).toEqual(["school", "bus"]);
    expect(await ranked([draft, ...publicOffers])).toEqual(without);
  });
});
