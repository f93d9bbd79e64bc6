import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import vi from "~/i18n/vi";
import { makeUser } from "~/test-support/factories";
import { inputValue, startTestServer, type TestBrowser, visibleText } from "~/test-support/http";
import { makeOffer, makeTerms } from "~/test-support/offer-factories";
import { syncSearch } from "~/test-support/search";
import { makeProvider } from "~/test-support/statement-factories";

const server = startTestServer();
let staff: TestBrowser;
let staffId = "";

const apiTitles = async (q: string) => {
  const response = await fetch(`${server.baseUrl}/api/v1/search?q=${encodeURIComponent(q)}`);
  return ((await response.json()) as { hits: { title: string }[] }).hits.map((hit) => hit.title);
};

beforeAll(async () => {
  const user = await makeUser({ role: "STAFF" });
  staffId = user.id;
  staff = await server.signedIn(user);
  const owner = await makeUser();
  const provider = await makeProvider(owner.id);
  await makeOffer(provider.id, owner.id, await makeTerms(), {
    title: "Hệ thống giảm kẹt xe giờ cao điểm",
    status: "PUBLISHED",
  });
  await syncSearch();
});

describe("the search index page", () => {
  it("is for staff only", async () => {
    expect((await server.browser().get("/staff/search")).status).toBe(302);
    const user = await server.signedIn(await makeUser());
    expect((await user.get("/staff/search")).status).toBe(403);
    expect((await user.post("/staff/search", { intent: "reindex" })).status).toBe(403);
    expect(await db.searchOutbox.count({ where: { entityType: "all" } })).toBe(0);
  });

  it("shows the engine, the documents indexed and that nothing is waiting", async () => {
    const page = await staff.get("/staff/search");
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain(vi.searchAdmin.engineEmbedded);
    expect(text).toContain(vi.searchAdmin.upToDate);
    expect(text).toMatch(new RegExp(`${vi.searchAdmin.documents} 1\\b`));
  });

  it("shows each process's index, with the lag and error of one that is behind", async () => {
    const head = (await db.searchOutbox.aggregate({ _max: { id: true } }))._max.id ?? 0;
    // Another app process whose index cannot keep up: its engine refuses.
    await db.searchConsumer.create({
      data: {
        id: "embedded:may-b:test",
        label: "may-b:4242 · /srv/hte/b.search.sqlite",
        engine: "embedded",
        cursor: head,
        attempts: 3,
        lastError: "connect ECONNREFUSED",
        seenAt: new Date(),
      },
    });
    try {
      await db.searchOutbox.create({
        data: { entityType: "offer", entityId: "missing", createdAt: new Date(Date.now() - 90_000) },
      });
      await syncSearch();
      const text = visibleText((await staff.get("/staff/search")).text);
      expect(text).toContain(vi.searchAdmin.consumersTitle);
      expect(text).toContain("may-b:4242 · /srv/hte/b.search.sqlite");
      expect(text).toMatch(/Chậm (9\d|1\d\d) giây/);
      expect(text).toContain("connect ECONNREFUSED");
      // This process's own index is listed too, and has applied the entry.
      expect(text).toContain(vi.searchAdmin.consumerCurrent);
      expect(text).toMatch(new RegExp(`${vi.searchAdmin.pending} 0\\b`));
    } finally {
      await db.searchConsumer.delete({ where: { id: "embedded:may-b:test" } });
    }
  });

  it("queues an audited rebuild", async () => {
    const page = await staff.post("/staff/search", { intent: "reindex" });
    expect(page.status).toBe(302);
    await syncSearch();
    expect(visibleText((await staff.get("/staff/search")).text)).not.toMatch(/Chậm \d+ giây/);
    expect(await db.auditEntry.count({ where: { action: "search.reindex_requested", actorId: staffId } })).toBe(1);
    expect(await apiTitles("giờ cao điểm")).toContain("Hệ thống giảm kẹt xe giờ cao điểm");
  });
});

describe("editing synonyms", () => {
  it("saves the list, audits it, and searches use it at once", async () => {
    expect(await apiTitles("tắc nghẽn")).toEqual([]);
    const page = await staff.post("/staff/search", {
      intent: "synonyms",
      synonyms: "kẹt xe, tắc nghẽn, congestion\nAI, trí tuệ nhân tạo",
    });
    expect(page.status).toBe(302);
    expect(await db.searchSynonymGroup.count()).toBe(2);
    expect(await db.auditEntry.count({ where: { action: "search.synonyms_updated" } })).toBe(1);
    expect(await apiTitles("tắc nghẽn")).toContain("Hệ thống giảm kẹt xe giờ cao điểm");
    expect(
      inputValue((await staff.get("/staff/search")).text, "synonyms") ??
        visibleText((await staff.get("/staff/search")).text),
    ).toContain("kẹt xe, tắc nghẽn, congestion");
  });

  it("refuses a group of one phrase, says why, and keeps what was typed", async () => {
    const typed = "ùn tắc, kẹt xe\nchỉ một cụm";
    const page = await staff.post("/staff/search", { intent: "synonyms", synonyms: typed });
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain(vi.searchAdmin.validation.singlePhrase.replace("{{max}}", "chỉ một cụm"));
    expect(page.text).toContain("chỉ một cụm");
    expect(await db.searchSynonymGroup.count()).toBe(2);
  });
});
