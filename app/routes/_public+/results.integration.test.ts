// The public results page: figures that match the data, and nothing that
// is not public (owners, unpublished problems, unpublished offers).
import { beforeAll, describe, expect, it } from "vitest";
import { publicResults } from "~/models/results.server";
import { makeUser } from "~/test-support/factories";
import { startTestServer, visibleText } from "~/test-support/http";
import { makeAgency, makeOffer, makeProvider, makeStatement } from "~/test-support/statement-factories";
import { link, makeList, makeProblem, publish } from "~/test-support/tracking-factories";

const server = startTestServer();

const OWNER_NAME = "Cán Bộ Phụ Trách Kín Tên";
const UNPUBLISHED_PROBLEM = "Bài toán thêm sau khi công bố";
const DRAFT_OFFER = "Giải pháp bản nháp không công khai";
const HIDDEN_LIST = "Danh mục chưa công bố lần nào";
let listSlug = "";
let ownerEmail = "";

beforeAll(async () => {
  const curator = await makeUser({ role: "STAFF" });
  const owner = await makeUser({ role: "STAFF", name: OWNER_NAME });
  ownerEmail = owner.email;
  const provider = await makeProvider((await makeUser()).id, "Công ty Kết Quả Công Khai");
  await makeProvider((await makeUser()).id, "Công ty chưa đăng gì");
  const agencyOwner = await makeUser();
  await makeStatement((await makeAgency(agencyOwner.id, "Sở Có Bài Toán Công Bố")).id, agencyOwner.id, {
    status: "PUBLISHED",
  });
  const [pilot, deployed, other] = [
    await makeOffer(provider.id),
    await makeOffer(provider.id),
    await makeOffer(provider.id),
  ];
  const draft = await makeOffer(provider.id, { status: "DRAFT", title: DRAFT_OFFER });

  const list = await makeList(curator.id, "Danh mục bài toán lớn 2026");
  listSlug = list.slug;
  const p1 = await makeProblem(curator.id, list.id, "BT-01", { ownerId: owner.id, deadline: "2026-12-31" });
  const p2 = await makeProblem(curator.id, list.id, "BT-02");
  const p3 = await makeProblem(curator.id, list.id, "BT-03");
  await makeProblem(curator.id, list.id, "BT-04");
  await publish(curator.id, list.id);
  // Added to the working copy after the last publication: not public yet.
  const late = await makeProblem(curator.id, list.id, "BT-05", { title: UNPUBLISHED_PROBLEM });

  await link(p1.id, pilot.id, {
    status: "APPROVED",
    stage: "PILOT",
    on: { introducedAt: "2026-02-01", pilotAt: "2026-03-01" },
  });
  await link(p1.id, other.id, { status: "SHORTLISTED" });
  await link(p2.id, deployed.id, {
    status: "APPROVED",
    stage: "DEPLOYED",
    on: { introducedAt: "2026-02-01", deployedAt: "2026-05-01" },
  });
  // Approved, but the offer is not public: does not count.
  await link(p3.id, draft.id, {
    status: "APPROVED",
    stage: "DEPLOYED",
    on: { introducedAt: "2026-02-01", deployedAt: "2026-05-01" },
  });
  await link(late.id, deployed.id, {
    status: "APPROVED",
    stage: "DEPLOYED",
    on: { introducedAt: "2026-02-01", deployedAt: "2026-05-01" },
  });
  // A dropped pilot is not a pilot the city has.
  await link(p3.id, other.id, {
    status: "APPROVED",
    stage: "DROPPED",
    on: { introducedAt: "2026-02-01", pilotAt: "2026-03-01", droppedAt: "2026-04-01" },
  });

  const hidden = await makeList(curator.id, HIDDEN_LIST);
  const hiddenProblem = await makeProblem(curator.id, hidden.id, "AN-01");
  await link(hiddenProblem.id, deployed.id, {
    status: "APPROVED",
    stage: "DEPLOYED",
    on: { introducedAt: "2026-02-01", deployedAt: "2026-05-01" },
  });
});

describe("public results", () => {
  it("counts only published problems and approved matches of published offers", async () => {
    const results = await publicResults();
    expect(results.lists).toEqual([
      expect.objectContaining({ slug: listSlug, version: 1, problems: 4, withApproved: 2, piloted: 2, deployed: 1 }),
    ]);
    // Three published offers; organisations with a published offer or statement.
    expect(results.totals).toEqual({
      problems: 4,
      withApproved: 2,
      piloted: 2,
      deployed: 1,
      offers: 3,
      organisations: 2,
    });
  });

  it("shows the headline figures and a table per list to anyone", async () => {
    const page = await server.browser().get("/results");
    expect(page.status).toBe(200);
    // The header names a signed-in visitor, so no shared cache may keep the page.
    expect(page.headers.get("cache-control") ?? "").not.toContain("public");
    expect(page.text).toContain("<title>Kết quả giải bài toán lớn của Hà Nội");
    expect(page.text).toMatch(/<meta name="description" content="Số bài toán lớn của Thủ đô[^"]+"/);
    const figure = (key: string) =>
      visibleText(page.text.match(new RegExp(`data-figure="${key}"[^>]*>([\\s\\S]*?)</li>`))?.[1] ?? "").trim();
    expect(figure("problems")).toBe("4 Bài toán lớn trong các danh mục");
    expect(figure("withApproved")).toBe("2 Có giải pháp được duyệt");
    expect(figure("piloted")).toBe("2 Đã thí điểm");
    expect(figure("deployed")).toBe("1 Đã triển khai");
    expect(figure("offers")).toBe("3 Giải pháp công nghệ đã đăng");
    const table = visibleText(
      page.text.match(new RegExp(`<table[^>]*data-list="${listSlug}"[\\s\\S]*?</table>`))?.[0] ?? "",
    );
    expect(table).toContain("Có giải pháp được duyệt 2 / 4");
    expect(table).toContain("Đã thí điểm 2 / 4");
    expect(table).toContain("Đã triển khai 1 / 4");
  });

  it("never shows owners, unpublished problems, unpublished offers or unpublished lists", async () => {
    const text = (await server.browser().get("/results")).text;
    for (const secret of [OWNER_NAME, ownerEmail, UNPUBLISHED_PROBLEM, DRAFT_OFFER, HIDDEN_LIST]) {
      expect(visibleText(text), secret).not.toContain(secret);
    }
  });

  it("is linked from every page's footer and reads in English too", async () => {
    expect((await server.browser().get("/")).text).toContain('href="/results"');
    const english = visibleText((await server.browser({ language: "en" }).get("/results")).text);
    expect(english).toContain("4 Major problems on the lists");
    expect(english).toContain("Deployed 1 / 4");
  });
});
