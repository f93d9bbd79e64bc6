// Dashboard downloads: the CSV (UTF-8 BOM, formula-safe) and the XLSX carry
// the page's figures; an empty period is the header row alone, not an error.
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import en from "~/i18n/en";
import vi from "~/i18n/vi";
import { buildKnownHistory, type KnownHistory } from "~/test-support/dashboard-factories";
import { makeUser, TEST_PASSWORD } from "~/test-support/factories";
import { startTestServer, type TestBrowser } from "~/test-support/http";

const server = startTestServer();
let h: KnownHistory;
let staff: TestBrowser;
const range = "from=2026-02-23&to=2026-03-22&granularity=week";

beforeAll(async () => {
  h = await buildKnownHistory();
  staff = await server.signedIn(h.staff);
});

async function download(browser: TestBrowser, path: string) {
  const response = await fetch(server.baseUrl + path, {
    headers: { cookie: browser.cookieHeader() },
    redirect: "manual",
  });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

const csvRows = (bytes: Buffer) =>
  parse(bytes.toString("utf8").replace(/^\uFEFF/, ""), { relax_column_count: false }) as string[][];

async function xlsxRows(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe("CSV", () => {
  it("starts with a BOM, heads columns in Vietnamese and carries every week's figures", async () => {
    const file = await download(staff, `/staff/dashboard/export.csv?${range}&table=orders`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toContain("text/csv");
    expect(file.headers.get("content-disposition")).toContain("dashboard-orders-week-2026-02-23-2026-03-22.csv");
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const m = vi.dashboard.metrics;
    expect(csvRows(file.bytes)).toEqual([
      [vi.dashboard.period, m.ordersPaid, m.revenue, m.refunds, m.net],
      ["2026-02-23", "0", "0", "0", "0"],
      ["2026-03-02", "1", "1000000", "0", "1000000"],
      ["2026-03-09", "0", "0", "0", "0"],
      ["2026-03-16", "1", "2500000", "400000", "2100000"],
    ]);
  });

  it("keeps a negative net a number (no apostrophe), so a spreadsheet can total it", async () => {
    const file = await download(staff, `/staff/dashboard/export.csv?${range}&table=orders&sector=${h.sectorA.slug}`);
    expect(csvRows(file.bytes)[4]).toEqual(["2026-03-16", "0", "0", "400000", "-400000"]);
    expect(file.bytes.toString("utf8")).toContain("\r\n2026-03-16,0,0,400000,-400000");
  });

  it("is the header row alone for a period with no activity", async () => {
    const file = await download(staff, "/staff/dashboard/export.csv?from=2025-01-01&to=2025-01-31&table=activity");
    expect(file.status).toBe(200);
    const rows = csvRows(file.bytes);
    expect(rows).toHaveLength(1);
    expect(rows[0]![0]).toBe(vi.dashboard.period);
  });

  it("heads columns in English for an English reader", async () => {
    const english = server.browser({ language: "en" });
    await english.signIn(h.staff.email, TEST_PASSWORD);
    const file = await download(english, `/staff/dashboard/export.csv?${range}&table=matches`);
    const rows = csvRows(file.bytes);
    expect(rows[0]).toEqual([en.dashboard.period, ...Object.values(en.dashboard.metrics).slice(8, 15)]);
  });
});

describe("XLSX", () => {
  it("parses back to the same figures, as numbers", async () => {
    const file = await download(staff, `/staff/dashboard/export.xlsx?${range}&table=durations`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toContain("spreadsheetml");
    const rows = await xlsxRows(file.bytes);
    const m = vi.dashboard.metrics;
    expect(rows[0]).toEqual([
      vi.dashboard.period,
      m.offerReview,
      m.statementReview,
      m.offerFirstMatch,
      m.statementFirstMatch,
      m.matchToDeployment,
    ]);
    expect(rows[2]).toEqual(["2026-03-02", 4, 1, 3, 2]);
    expect(rows[4]).toEqual(["2026-03-16", undefined, 1.5, undefined, undefined, 5]);
  });

  it("is the header row alone for a period with no activity", async () => {
    const file = await download(
      staff,
      "/staff/dashboard/export.xlsx?from=2025-01-01&to=2025-03-31&granularity=month&table=orders",
    );
    expect(file.status).toBe(200);
    expect(await xlsxRows(file.bytes)).toHaveLength(1);
  });
});

describe("refusals", () => {
  it("answers 400 in Vietnamese for bad filters or an unknown table, and 403 to non-staff", async () => {
    const backwards = await download(staff, "/staff/dashboard/export.csv?from=2026-03-22&to=2026-03-01&table=orders");
    expect(backwards.status).toBe(400);
    expect(backwards.bytes.toString("utf8")).toContain(vi.dashboard.errors.endBeforeStart);
    const table = await download(staff, `/staff/dashboard/export.xlsx?${range}&table=khong-co`);
    expect(table.status).toBe(400);
    expect(table.bytes.toString("utf8")).toContain(vi.dashboard.errors.unknownTable);
    const member = await server.signedIn(await makeUser());
    expect((await download(member, `/staff/dashboard/export.csv?${range}&table=orders`)).status).toBe(403);
  });
});
