// The dashboard page and the rows behind its figures, as staff and others
// see them; bad filters answer 400 with the reason in the reader's language.
import { beforeAll, describe, expect, it } from "vitest";
import en from "~/i18n/en";
import { db } from "~/db.server";
import vi from "~/i18n/vi";
import { buildKnownHistory, type KnownHistory } from "~/test-support/dashboard-factories";
import { makeUser, TEST_PASSWORD } from "~/test-support/factories";
import { inputValue, startTestServer, type TestBrowser, visibleText } from "~/test-support/http";

const server = startTestServer();
let h: KnownHistory;
let staff: TestBrowser;
const range = "from=2026-02-23&to=2026-03-22";

beforeAll(async () => {
  h = await buildKnownHistory();
  staff = await server.signedIn(h.staff);
});

// The figures in one table row, as the page shows them.
function rowFigures(html: string, table: string, period: string): string[] {
  const section = html.slice(html.indexOf(`data-table="${table}"`));
  const row = section.slice(section.indexOf(`data-period="${period}"`));
  const body = row.slice(0, row.indexOf("</tr>"));
  return [...body.matchAll(/<td[^>]*><a[^>]*>([^<]*)<\/a><\/td>/g)].map((m) => m[1]!);
}

describe("who may see it", () => {
  it("refuses a signed-in non-staff user (403) and sends a visitor to sign in", async () => {
    const member = await server.signedIn(await makeUser());
    expect((await member.get(`/staff/dashboard?${range}`)).status).toBe(403);
    expect((await member.get(`/staff/dashboard/list?metric=offersNew&${range}`)).status).toBe(403);
    const visitor = await server.browser().get("/staff/dashboard");
    expect(visitor.status).toBe(302);
    expect(visitor.location).toContain("/login");
  });
});

describe("the page", () => {
  it("shows each week's figures in a table, the quiet week as zeros, each figure linking to its list", async () => {
    const page = await staff.get(`/staff/dashboard?${range}`);
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain(vi.dashboard.tables.activity);
    expect(text).toContain("Tuần 09/03–15/03/2026");
    expect(rowFigures(page.text, "activity", "2026-02-23")).toEqual(["1", "1", "2", "1", "0", "0", "0", "0"]);
    expect(rowFigures(page.text, "activity", "2026-03-09")).toEqual(["0", "0", "0", "0", "0", "0", "0", "0"]);
    expect(rowFigures(page.text, "orders", "2026-03-16")).toEqual(["1", "2.500.000", "400.000", "2.100.000"]);
    expect(rowFigures(page.text, "durations", "2026-03-16")).toEqual(["—", "1,5", "—", "—", "5"]);
    expect(page.text).toContain(
      `href="/staff/dashboard/list?from=2026-02-23&amp;to=2026-03-22&amp;granularity=week&amp;metric=orgsNew&amp;period=2026-02-23"`,
    );
    expect(page.text).toContain(
      "/staff/dashboard/export.csv?from=2026-02-23&amp;to=2026-03-22&amp;granularity=week&amp;table=activity",
    );
  });

  it("filters by sector and keeps the choice in the form", async () => {
    const page = await staff.get(`/staff/dashboard?${range}&sector=${h.sectorA.slug}`);
    expect(page.status).toBe(200);
    expect(rowFigures(page.text, "activity", "2026-02-23")).toEqual(["1", "1", "1", "1", "0", "0", "0", "0"]);
    expect(page.text).toMatch(new RegExp(`<option value="${h.sectorA.slug}" selected="">`));
  });

  it("is linked from the staff area", async () => {
    expect((await staff.get("/staff")).text).toContain('href="/staff/dashboard"');
  });
});

describe("bad filters", () => {
  it("refuses an end before the start, keeping what was typed", async () => {
    const page = await staff.get("/staff/dashboard?from=2026-03-22&to=2026-03-01");
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain(vi.dashboard.errors.endBeforeStart);
    expect(inputValue(page.text, "from")).toBe("2026-03-22");
    expect(inputValue(page.text, "to")).toBe("2026-03-01");
  });

  it("refuses a range over five years, in English for an English reader", async () => {
    const english = server.browser({ language: "en" });
    await english.signIn(h.staff.email, TEST_PASSWORD);
    const page = await english.get("/staff/dashboard?from=2020-01-01&to=2025-01-01");
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain(en.dashboard.errors.rangeTooLong);
    expect((await staff.get("/staff/dashboard?from=2020-01-02&to=2025-01-01")).status).toBe(200);
  });

  it("refuses an unknown sector, an unknown agency and a date that does not exist", async () => {
    const sector = await staff.get(`/staff/dashboard?${range}&sector=khong-co`);
    expect(sector.status).toBe(400);
    expect(visibleText(sector.text)).toContain(vi.dashboard.errors.unknownSector);
    const agency = await staff.get(`/staff/dashboard?${range}&agency=${h.providerP.id}`);
    expect(agency.status).toBe(400);
    expect(visibleText(agency.text)).toContain(vi.dashboard.errors.unknownAgency);
    const date = await staff.get("/staff/dashboard?from=2026-02-30&to=2026-03-22");
    expect(date.status).toBe(400);
    expect(visibleText(date.text)).toContain(vi.dashboard.errors.dateInvalid);
  });
});

describe("the rows behind a figure", () => {
  it("lists the records counted, linking to their staff pages", async () => {
    const page = await staff.get(`/staff/dashboard/list?${range}&granularity=week&metric=offersPublished`);
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain(vi.dashboard.metrics.offersPublished);
    expect(text).toContain("Đèn tín hiệu O1");
    expect(text).toContain("Bệnh án O2");
    expect(page.text).toContain(`href="/staff/offers/${h.o1.id}"`);
  });

  it("names an offer by its English title to a reader who chose English, and by its own title when it has none", async () => {
    await db.offer.update({ where: { id: h.o1.id }, data: { titleEn: "Signal lights O1" } });
    try {
      const reader = server.browser({ language: "en" });
      await reader.signIn(h.staff.email, TEST_PASSWORD);
      const text = visibleText((await reader.get(`/staff/dashboard/list?${range}&metric=offersPublished`)).text);
      expect(text).toContain(en.dashboard.metrics.offersPublished);
      expect(text).toContain("Signal lights O1");
      expect(text).not.toContain("Đèn tín hiệu O1");
      // O2 has no English title: it keeps its Vietnamese one rather than a blank.
      expect(text).toContain("Bệnh án O2");
      // The Vietnamese reader still reads the Vietnamese title.
      const vietnamese = visibleText((await staff.get(`/staff/dashboard/list?${range}&metric=offersPublished`)).text);
      expect(vietnamese).toContain("Đèn tín hiệu O1");
      expect(vietnamese).not.toContain("Signal lights O1");
    } finally {
      await db.offer.update({ where: { id: h.o1.id }, data: { titleEn: null } });
    }
  });

  it("answers 400 for an unknown figure or a period outside the range", async () => {
    expect((await staff.get(`/staff/dashboard/list?${range}&metric=khong-co`)).status).toBe(400);
    const outside = await staff.get(`/staff/dashboard/list?${range}&metric=offersNew&period=2025-01-06`);
    expect(outside.status).toBe(400);
    expect(visibleText(outside.text)).toContain(vi.dashboard.errors.unknownPeriod);
  });
});
