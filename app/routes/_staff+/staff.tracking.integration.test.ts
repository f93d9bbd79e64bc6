// The "6 rõ" tracking table: figures for a known set of matches, stages and
// deadlines (fixed dates), the staff page, its filters and its downloads.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import en from "~/i18n/en";
import { trackProblems, type TrackingRow } from "~/models/problem-tracking.server";
import { makeUser } from "~/test-support/factories";
import { startTestServer, visibleText } from "~/test-support/http";
import { makeMatch } from "~/test-support/match-factories";
import { makeOffer, makeProposal, makeProvider } from "~/test-support/statement-factories";
import { link, makeList, makeProblem, publish } from "~/test-support/tracking-factories";

const server = startTestServer();
const hanoi = (local: string) => new Date(`${local}+07:00`);
const JULY_1 = hanoi("2021-07-01T08:00:00");

let curator: Awaited<ReturnType<typeof makeUser>>;
let owner: Awaited<ReturnType<typeof makeUser>>;
let listId = "";
let otherListId = "";
const DEPLOYED_TITLE = "Hệ thống đèn thích ứng đã triển khai";

beforeAll(async () => {
  curator = await makeUser({ role: "STAFF" });
  owner = await makeUser({ role: "STAFF", name: "Nguyễn Thị Phụ Trách" });
  const provider = await makeProvider((await makeUser()).id);
  const offer = async (title?: string) => ({
    ...(await makeOffer(provider.id, { title })),
    organisationId: provider.id,
  });
  const [a, b, c, d, e, f] = await Promise.all([offer(), offer(), offer(), offer(), offer(), offer()]);
  const deployed = await offer(DEPLOYED_TITLE);

  const list = await makeList(curator.id, "Danh mục theo dõi 2021");
  listId = list.id;
  const p1 = await makeProblem(curator.id, listId, "BT-01", { ownerId: owner.id, deadline: "2021-06-30" });
  const p2 = await makeProblem(curator.id, listId, "BT-02", { deadline: "2021-06-30" });
  const p3 = await makeProblem(curator.id, listId, "BT-03");
  await makeProblem(curator.id, listId, "BT-04", { deadline: "2021-01-31", status: "WITHDRAWN" });
  const p5 = await makeProblem(curator.id, listId, "BT-05", {
    deadline: "2099-12-31",
    title: '=HYPERLINK("http://x")',
  });
  await publish(curator.id, listId);

  // BT-01: a pilot; a rejected, a dropped (after its pilot) and a suggested
  // card; proposals: one new offer, one already matched, one declined.
  await link(p1.id, a!.id, {
    status: "APPROVED",
    stage: "PILOT",
    on: { introducedAt: "2021-03-01", pilotAt: "2021-04-01" },
  });
  await link(p1.id, b!.id, { status: "REJECTED" });
  await link(p1.id, c!.id, {
    status: "APPROVED",
    stage: "DROPPED",
    on: { introducedAt: "2021-02-01", pilotAt: "2021-02-15", droppedAt: "2021-03-01" },
  });
  await link(p1.id, d!.id, { status: "SUGGESTED" });
  await makeProposal({ majorProblemId: p1.id }, e!);
  await makeProposal({ majorProblemId: p1.id }, a!);
  const declined = await makeProposal({ majorProblemId: p1.id }, f!);
  await db.proposal.update({ where: { id: declined.id }, data: { status: "DECLINED", declineReason: "OUT_OF_SCOPE" } });
  // BT-02: deployed before the deadline.
  await link(p2.id, deployed.id, {
    status: "APPROVED",
    stage: "DEPLOYED",
    on: { introducedAt: "2021-02-01", deployedAt: "2021-06-01" },
  });
  await link(p3.id, a!.id, { status: "REJECTED" });
  await link(p5.id, c!.id, {
    status: "APPROVED",
    stage: "DROPPED",
    on: { introducedAt: "2021-02-01", droppedAt: "2021-03-01" },
  });
  await link(p5.id, d!.id, { status: "SHORTLISTED" });

  const other = await makeList(curator.id, "Danh mục khác chưa công bố");
  otherListId = other.id;
  await makeProblem(curator.id, otherListId, "KH-01", { ownerId: owner.id, deadline: "2021-01-01" });
});

const byCode = (rows: TrackingRow[]) => Object.fromEntries(rows.map((r) => [r.code, r]));

describe("tracking figures", () => {
  it("gives furthest stage, offers linked, approved and overdue per problem", async () => {
    const rows = byCode(await trackProblems({ listId }, JULY_1));
    expect(Object.keys(rows)).toEqual(["BT-01", "BT-02", "BT-03", "BT-04", "BT-05"]);
    // Rejected and dropped cards make no progress; the dropped one is still linked.
    expect(rows["BT-01"]).toMatchObject({
      furthest: "PILOT",
      offersLinked: 4,
      approved: 1,
      overdue: true,
      daysLeft: -1,
      owner: { name: "Nguyễn Thị Phụ Trách" },
    });
    expect(rows["BT-02"]).toMatchObject({
      furthest: "DEPLOYED",
      offersLinked: 1,
      approved: 1,
      overdue: false,
      owner: null,
    });
    expect(rows["BT-02"]!.produced.map((p) => p.titleVi)).toEqual([DEPLOYED_TITLE]);
    expect(rows["BT-03"]).toMatchObject({
      furthest: null,
      offersLinked: 0,
      approved: 0,
      overdue: false,
      deadline: null,
      daysLeft: null,
    });
    expect(rows["BT-04"]).toMatchObject({ overdue: false }); // withdrawn: nothing left to be late for
    expect(rows["BT-05"]).toMatchObject({ furthest: "SHORTLISTED", offersLinked: 2, approved: 0, overdue: false });
    expect(rows["BT-01"]!.publicCode).toBe("BT-01");
  });

  it("counts a deadline as the whole of that day in Hanoi", async () => {
    const stored = await db.majorProblem.findFirstOrThrow({ where: { listId, code: "BT-01" } });
    expect(stored.deadline!.toISOString()).toBe("2021-06-30T16:59:59.999Z");
    const lastMinute = byCode(await trackProblems({ listId }, hanoi("2021-06-30T23:59:00")))["BT-01"]!;
    expect(lastMinute).toMatchObject({ overdue: false, daysLeft: 0 });
    const nextDay = byCode(await trackProblems({ listId }, hanoi("2021-07-01T00:00:01")))["BT-01"]!;
    expect(nextDay).toMatchObject({ overdue: true, daysLeft: -1 });
  });

  it("names a deployed offer even when its deployment date was never recorded", async () => {
    const list = await makeList(curator.id);
    const problem = await makeProblem(curator.id, list.id, "CU-01");
    const provider = await makeProvider((await makeUser()).id);
    const offer = await makeOffer(provider.id, { title: "Triển khai trước khi có ngày" });
    await makeMatch({ majorProblemId: problem.id }, offer.id, { status: "APPROVED", stage: "DEPLOYED" });
    const [row] = await trackProblems({ listId: list.id }, JULY_1);
    expect(row).toMatchObject({ furthest: "DEPLOYED", approved: 1 });
    expect(row!.produced.map((p) => p.titleVi)).toEqual(["Triển khai trước khi có ngày"]);
  });

  it("filters by list, owner and overdue", async () => {
    expect((await trackProblems({ listId, overdueOnly: true }, JULY_1)).map((r) => r.code)).toEqual(["BT-01"]);
    expect((await trackProblems({ ownerId: owner.id }, JULY_1)).map((r) => r.code).sort()).toEqual(["BT-01", "KH-01"]);
    expect((await trackProblems({ listId, ownerId: "none" }, JULY_1)).map((r) => r.code)).toEqual([
      "BT-02",
      "BT-03",
      "BT-04",
      "BT-05",
    ]);
    expect(await trackProblems({ listId: "no-such-list" }, JULY_1)).toEqual([]);
  });
});

describe("/staff/tracking", () => {
  it("shows the 6 rõ table with overdue rows marked in words, not colour only", async () => {
    const staff = await server.signedIn(curator);
    const page = await staff.get(`/staff/tracking?list=${listId}`);
    expect(page.status).toBe(200);
    const rows = page.text.split("<tr").slice(2);
    const row = (code: string) => rows.find((r) => r.includes(`>${code}<`)) ?? "";
    expect(row("BT-01")).toContain("row-overdue");
    expect(visibleText(row("BT-01"))).toContain("Quá hạn");
    expect(visibleText(row("BT-01"))).toContain("Phụ trách: Nguyễn Thị Phụ Trách");
    expect(visibleText(row("BT-01"))).toContain("Xa nhất: Thí điểm");
    expect(visibleText(row("BT-02"))).toContain(`Đã triển khai: ${DEPLOYED_TITLE}`);
    for (const code of ["BT-02", "BT-03", "BT-04", "BT-05"]) {
      expect(row(code), code).toContain("<td");
      expect(row(code), code).not.toContain("row-overdue");
      expect(visibleText(row(code)), code).not.toContain("Quá hạn");
    }
    expect(row("BT-01")).toContain(`href="/staff/matches/major/`);
    expect(visibleText(page.text)).not.toContain("KH-01");

    const overdueOnly = visibleText((await staff.get("/staff/tracking?overdue=1")).text);
    expect(overdueOnly).toContain("BT-01");
    expect(overdueOnly).toContain("KH-01");
    expect(overdueOnly).not.toContain("BT-02");
  });

  it("reads in English for an English-speaking staff member", async () => {
    const staff = await server.signedIn(curator);
    await staff.post("/language", { language: "en", redirectTo: "/staff/tracking" });
    const text = visibleText((await staff.get(`/staff/tracking?list=${listId}&overdue=1`)).text);
    expect(text).toContain(en.tracking.title);
    expect(text).toContain("Overdue");
    expect(text).toContain("Furthest: Pilot");
  });

  it("refuses anyone who is not staff", async () => {
    const outsider = await server.signedIn(await makeUser());
    for (const path of ["/staff/tracking", "/staff/tracking.csv", "/staff/tracking.xlsx"]) {
      expect((await outsider.get(path)).status, path).toBe(403);
      expect((await server.browser().get(path)).status, path).toBe(302);
    }
  });
});

describe("tracking downloads", () => {
  it("CSV has a BOM, the same rows as the page and formula-safe text", async () => {
    const staff = await server.signedIn(curator);
    const response = await fetch(`${server.baseUrl}/staff/tracking.csv?list=${listId}`, {
      headers: { cookie: staff.cookieHeader() },
    });
    expect(response.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "list,code,title,leadAgency,owner,deadline,daysLeft,overdue,furthestStage,offersLinked,approved,produced,status",
    );
    expect(lines).toHaveLength(6);
    const bt01 = lines.find((l) => l.includes(",BT-01,"))!;
    expect(bt01).toContain(",Nguyễn Thị Phụ Trách,2021-06-30,");
    expect(bt01).toContain(",Quá hạn,PILOT,4,1,");
    expect(lines.find((l) => l.includes(",BT-05,"))).toContain(`,"'=HYPERLINK(""http://x"")",`);
  });

  it("CSV of an empty selection is the header line only", async () => {
    const staff = await server.signedIn(curator);
    const page = await staff.get("/staff/tracking.csv?list=no-such-list");
    expect(page.status).toBe(200);
    expect(
      page.text
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n"),
    ).toEqual([
      "list,code,title,leadAgency,owner,deadline,daysLeft,overdue,furthestStage,offersLinked,approved,produced,status",
    ]);
  });

  it("XLSX reads back with the same rows, numbers as numbers", async () => {
    const staff = await server.signedIn(curator);
    const response = await fetch(`${server.baseUrl}/staff/tracking.xlsx?list=${listId}&overdue=1`, {
      headers: { cookie: staff.cookieHeader() },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(
      /attachment; filename="theo-doi-bai-toan-\d{4}-\d{2}-\d{2}\.xlsx"/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const row = Object.fromEntries(header.map((h, i) => [h, (sheet.getRow(2).values as unknown[])[i + 1]]));
    expect(row).toMatchObject({
      code: "BT-01",
      owner: "Nguyễn Thị Phụ Trách",
      overdue: "Quá hạn",
      furthestStage: "PILOT",
      offersLinked: 4,
      approved: 1,
    });
  });
});
