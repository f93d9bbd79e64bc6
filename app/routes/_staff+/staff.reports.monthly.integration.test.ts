// The printable monthly report: a bad month is refused with a clear
// message; a good one counts the month in Hanoi time and lists its
// deployments, overdue problems and the tracking table.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { monthlyReport, parseReportMonth } from "~/models/monthly-report.server";
import { makeUser } from "~/test-support/factories";
import { startTestServer, type TestBrowser, visibleText } from "~/test-support/http";
import { makeAgency, makeOffer, makeProvider, makeStatement } from "~/test-support/statement-factories";
import { link, makeList, makeProblem, publish } from "~/test-support/tracking-factories";

const server = startTestServer();
let staff: TestBrowser;

const EARLY = "Cảm biến ngập triển khai ngày đầu tháng";
const LATE = "Camera giao thông triển khai đêm cuối tháng";
const APRIL = "Đèn thông minh triển khai sang tháng Tư";
const STATEMENT_OFFER = "Phần mềm một cửa cho Sở";

beforeAll(async () => {
  const curator = await makeUser({ role: "STAFF" });
  staff = await server.signedIn(curator);
  const provider = await makeProvider((await makeUser()).id, "Công ty Báo Cáo Tháng");
  const list = await makeList(curator.id, "Danh mục báo cáo tháng");
  const flood = await makeProblem(curator.id, list.id, "BT-01", { title: "Chống ngập", deadline: "2026-03-15" });
  const traffic = await makeProblem(curator.id, list.id, "BT-02", { title: "Giảm ùn tắc", deadline: "2026-12-31" });
  await publish(curator.id, list.id);

  const pilot = await makeOffer(provider.id);
  await link(flood.id, pilot.id, {
    status: "APPROVED",
    stage: "PILOT",
    on: { introducedAt: "2026-02-10", pilotAt: "2026-03-05" },
  });
  // 00:10 on 1 March in Hanoi is still 28 February in UTC: it belongs to March.
  const early = await makeOffer(provider.id, { title: EARLY });
  await link(traffic.id, early.id, {
    status: "APPROVED",
    stage: "DEPLOYED",
    on: { introducedAt: "2026-02-01", deployedAt: "2026-03-01T00:10:00+07:00" },
  });
  // 23:30 on 31 March in Hanoi; and 00:30 on 1 April in Hanoi, which is still March in UTC.
  const late = await makeOffer(provider.id, { title: LATE });
  await link(traffic.id, late.id, {
    status: "APPROVED",
    stage: "DEPLOYED",
    on: { introducedAt: "2026-02-01", deployedAt: "2026-03-31T23:30:00+07:00" },
  });
  const april = await makeOffer(provider.id, { title: APRIL });
  await link(flood.id, april.id, {
    status: "APPROVED",
    stage: "DEPLOYED",
    on: { introducedAt: "2026-02-01", deployedAt: "2026-04-01T00:30:00+07:00" },
  });

  const agencyOwner = await makeUser();
  const agency = await makeAgency(agencyOwner.id, "Sở Nội vụ Báo Cáo");
  const statement = await makeStatement(agency.id, agencyOwner.id, { status: "PUBLISHED" });
  const oneStop = await makeOffer(provider.id, { title: STATEMENT_OFFER });
  await db.match.create({
    data: {
      problemStatementId: statement.id,
      offerId: oneStop.id,
      status: "APPROVED",
      stage: "DEPLOYED",
      deployedAt: new Date("2026-03-20T10:00:00+07:00"),
    },
  });
});

describe("monthly report", () => {
  it("refuses a month that is not YYYY-MM with a clear message", async () => {
    for (const month of ["2026-13", "2026-3", "tháng ba", "2026-03-01", "1999-12"]) {
      const page = await staff.get(`/staff/reports/monthly?month=${encodeURIComponent(month)}`);
      expect(page.status, month).toBe(400);
      expect(visibleText(page.text), month).toContain(
        "Tháng không hợp lệ. Hãy nhập theo dạng năm-tháng, ví dụ 2026-03.",
      );
    }
    expect(parseReportMonth("2026-00")).toBeNull();
  });

  it("takes the month's bounds in Hanoi time", () => {
    const march = parseReportMonth("2026-03")!;
    expect(march.start.toISOString()).toBe("2026-02-28T17:00:00.000Z");
    expect(march.end.toISOString()).toBe("2026-03-31T17:00:00.000Z");
    expect([march.previous, march.next]).toEqual(["2026-02", "2026-04"]);
    expect(parseReportMonth("2026-12")!.next).toBe("2027-01");
  });

  it("counts the month's deployments and pilots, and judges overdue at the month's end", async () => {
    const report = await monthlyReport(parseReportMonth("2026-03")!, new Date("2026-11-22T00:00:00Z"));
    expect(report.figures).toMatchObject({ deployments: 3, pilots: 1, introduced: 0, overdueNow: 1 });
    expect(report.deployments.map((d) => d.offer.titleVi)).toEqual([EARLY, STATEMENT_OFFER, LATE]);
    expect(report.tracking.find((r) => r.code === "BT-01")).toMatchObject({ overdue: true, furthest: "PILOT" });
    // In April the flood problem has its deployment: no longer overdue.
    const april = await monthlyReport(parseReportMonth("2026-04")!, new Date("2026-11-22T00:00:00Z"));
    expect(april.figures).toMatchObject({ deployments: 1, overdueNow: 0 });
  });

  it("prints the month's deployments, the overdue list and the tracking table", async () => {
    const page = await staff.get("/staff/reports/monthly?month=2026-03");
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain("Báo cáo tháng 03/2026");
    const deployments = visibleText(page.text.match(/<table[^>]*report-deployments[\s\S]*?<\/table>/)?.[0] ?? "");
    for (const title of [EARLY, LATE, STATEMENT_OFFER]) expect(deployments).toContain(title);
    expect(deployments).not.toContain(APRIL);
    expect(deployments).toContain("Sở Nội vụ Báo Cáo");
    expect(page.text).toMatch(/data-figure="deployments"[^>]*>.*?<td>3<\/td>/);
    expect(text).toContain("Bài toán quá hạn");
    expect(text).toContain("BT-01 Chống ngập");
    expect(text).toContain("Quá hạn");
    // Links to the curation board are staff navigation, not report content.
    expect(page.text).not.toContain("/staff/matches/major/");
  });

  it("is for staff only", async () => {
    const outsider = await server.signedIn(await makeUser());
    expect((await outsider.get("/staff/reports/monthly?month=2026-03")).status).toBe(403);
    expect((await server.browser().get("/staff/reports/monthly")).status).toBe(302);
  });
});
