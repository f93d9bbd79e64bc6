// Query parameters typed into the address bar (issue 13): a version, page or
// day that cannot be one answers 400/404 with a message in the page's
// language and keeps what was typed in the filter form; never a 500.
import { beforeAll, describe, expect, it } from "vitest";
import en from "~/i18n/en";
import vi from "~/i18n/vi";
import { TEST_PASSWORD, makeUser } from "~/test-support/factories";
import { inputValue, startTestServer, type TestBrowser, visibleText } from "~/test-support/http";
import { makePublishedMajorProblem } from "~/test-support/statement-factories";

const server = startTestServer();
let staff: TestBrowser;
let staffEn: TestBrowser;
let listSlug = "";

beforeAll(async () => {
  const curator = await makeUser({ role: "STAFF" });
  staff = await server.signedIn(curator);
  // A second staff member, so two sessions never belong to one account.
  staffEn = server.browser({ language: "en" });
  await staffEn.signIn((await makeUser({ role: "STAFF" })).email, TEST_PASSWORD);
  listSlug = (await makePublishedMajorProblem(curator.id)).listSlug;
});

const tooBig = "99999999999999999999";

describe("a major-problem list's ?version=", () => {
  it("shows version 1 when asked, and the latest for an empty value", async () => {
    expect((await server.browser().get(`/major-problems/${listSlug}?version=1`)).status).toBe(200);
    expect((await server.browser().get(`/major-problems/${listSlug}?version=`)).status).toBe(200);
  });

  it.each([tooBig, "-1", "0", "abc", "1.5", "1e3", "2"])(
    "answers 404 with the not-found page for version=%s",
    async (version) => {
      const page = await server.browser().get(`/major-problems/${listSlug}?version=${encodeURIComponent(version)}`);
      expect(page.status).toBe(404);
      expect(visibleText(page.text)).toContain(vi.errors.notFound);
    },
  );
});

describe("the audit log's ?page= and days", () => {
  it.each([tooBig, "0", "-1", "abc", "1.5"])(
    "answers 400 with a message for page=%s and keeps the filter as typed",
    async (value) => {
      const page = await staff.get(`/staff/audit?action=order.&page=${encodeURIComponent(value)}`);
      expect(page.status).toBe(400);
      expect(visibleText(page.text)).toContain(vi.inputChecks.pageInvalid);
      expect(inputValue(page.text, "action")).toBe("order.");
    },
  );

  it("says it in English when English is chosen", async () => {
    const page = await staffEn.get(`/staff/audit?page=${tooBig}`);
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain(en.inputChecks.pageInvalid);
  });

  it.each([
    ["from", "0000-00-00"],
    ["to", "9999-99-99"],
    ["from", "2026-02-30"],
    ["to", "0001-01-01"],
  ])("answers 400 for %s=%s and keeps it in the form", async (field, value) => {
    const page = await staff.get(`/staff/audit?${field}=${value}`);
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain(vi.inputChecks.dayInvalid);
    expect(inputValue(page.text, field)).toBe(value);
  });

  it("still lists with a good page and days", async () => {
    const page = await staff.get("/staff/audit?page=1&from=2026-01-01&to=2026-12-31");
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).not.toContain(vi.inputChecks.pageInvalid);
  });
});

describe("the settlement ledger and the service revenue periods", () => {
  const periods: [string, Record<string, string>][] = [
    ["from=0000-00-00", { from: "0000-00-00", to: "2026-03-31" }],
    ["to=9999-99-99", { from: "2026-03-01", to: "9999-99-99" }],
    ["a 30 February", { from: "2026-02-30", to: "2026-03-31" }],
    ["year 10000", { from: "2026-03-01", to: "10000-01-01" }],
    ["year 1", { from: "0001-01-01", to: "2026-03-31" }],
    ["an end before the start", { from: "2026-05-01", to: "2026-04-01" }],
    ["text", { from: "hôm qua", to: "2026-03-31" }],
  ];

  it.each(
    ["/staff/ledger", "/staff/services"].flatMap((path) =>
      periods.map(([label, query]) => [path, label, query] as const),
    ),
  )("%s answers 400 for %s, with the message and the typed days kept", async (path, _label, query) => {
    const page = await staff.get(`${path}?${new URLSearchParams(query)}`);
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain(vi.payments.errors.periodInvalid);
    expect(inputValue(page.text, "from")).toBe(query.from);
    expect(inputValue(page.text, "to")).toBe(query.to);
  });

  it.each(["/staff/ledger", "/staff/services"])("%s says it in English when English is chosen", async (path) => {
    const page = await staffEn.get(`${path}?from=0000-00-00&to=2026-03-31`);
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain(en.payments.errors.periodInvalid);
  });

  it.each(["/staff/ledger.csv", "/staff/services.csv"])("%s answers 400 for the same periods", async (path) => {
    for (const [, query] of periods) {
      const response = await staff.get(`${path}?${new URLSearchParams(query)}`);
      expect(response.status, `${path} ${JSON.stringify(query)}`).toBe(400);
    }
  });

  it.each(["/staff/ledger", "/staff/services", "/staff/ledger.csv", "/staff/services.csv"])(
    "%s still answers a real period",
    async (path) => {
      expect((await staff.get(`${path}?from=2026-03-01&to=2026-03-31`)).status).toBe(200);
    },
  );
});

describe("the dashboard's days, read by the same day check", () => {
  it.each([
    ["0000-00-00", "2026-03-31"],
    ["0001-01-01", "0001-12-31"],
    ["2026-01-01", "9999-99-99"],
  ])("answers 400 for %s – %s", async (from, to) => {
    const page = await staff.get(`/staff/dashboard?from=${from}&to=${to}`);
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain(vi.dashboard.errors.dateInvalid);
  });
});
