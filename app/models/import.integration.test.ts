import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import vi from "~/i18n/vi";
import { TEST_PASSWORD, makeUser } from "~/test-support/factories";
import { startTestServer, visibleText } from "~/test-support/http";
import { exportOffers, flattenForCsv, neutraliseCell, offerColumns, toCsv } from "./export.server";
import { importOffers, importProblems } from "./import.server";

const server = startTestServer();

describe("importing offers", () => {
  it("publishes valid rows, rejects a row without a title with its reason, and leaves nothing of it behind", async () => {
    await db.taxonomyTerm.create({
      data: { kind: "BUSINESS_NEED", slug: "hoa-don-dien-tu", nameVi: "Hóa đơn điện tử", nameEn: "E-invoicing" },
    });
    const jsonl = [
      JSON.stringify({
        externalId: "x-1",
        provider: "Công ty Mới Toanh",
        title: "Hóa đơn điện tử cho hộ kinh doanh",
        description: "## Mô tả\n\nXuất hóa đơn.",
        tags: ["Hóa đơn điện tử", "nhãn lạ"],
        trl: 9,
        packages: [{ name: "Cơ bản", priceVnd: "1.500.000", unit: "năm" }],
      }),
      JSON.stringify({ externalId: "x-2", provider: "Công ty Mới Toanh", description: "Thiếu tiêu đề" }),
      JSON.stringify({
        externalId: "x-3",
        provider: "Công ty Khác",
        title: "Giá sai",
        description: "Mô tả",
        packages: [{ name: "A", priceVnd: -5 }],
      }),
      JSON.stringify({ externalId: "x-1", provider: "Công ty Mới Toanh", title: "Trùng mã", description: "Mô tả" }),
    ].join("\n");
    const report = await importOffers("offers.jsonl", jsonl, null);
    expect(report.created).toBe(1);
    expect(report.rejected).toBe(3);
    expect(report.rows.find((r) => r.line === 2)?.reasons).toEqual(["import.field|title|validation.required"]);
    expect(report.rows.find((r) => r.line === 3)?.reasons[0]).toContain("validation.price");
    expect(report.rows.find((r) => r.line === 4)?.reasons).toEqual(["import.duplicateInFile"]);

    const offer = await db.offer.findUniqueOrThrow({
      where: { externalId: "x-1" },
      include: { terms: { include: { term: true } }, packages: true, organisation: true },
    });
    expect(offer.status).toBe("PUBLISHED");
    expect(offer.slug).toBe("hoa-don-dien-tu-cho-ho-kinh-doanh");
    expect(offer.terms.map((t) => t.term.slug)).toEqual(["hoa-don-dien-tu"]);
    expect(offer.tags).toBe("nhãn lạ");
    expect(Number(offer.packages[0]!.priceVnd)).toBe(1_500_000);
    expect(offer.organisation.verifiedAt).toBeNull();
    expect(await db.offer.count({ where: { externalId: { in: ["x-2", "x-3"] } } })).toBe(0);
    // "Công ty Khác" only appeared on a rejected row, so it was never created.
    expect(await db.organisation.count({ where: { name: "Công ty Khác" } })).toBe(0);
    expect(await db.auditEntry.count({ where: { action: "offer.imported", entityId: offer.id } })).toBe(1);
  });

  it("reads CSV with a BOM, and a second import of the same externalId updates instead of duplicating", async () => {
    const csv =
      "\uFEFFexternalId,provider,title,description,tags,deploymentModel\r\ncsv-1,Viện Số,Bản đồ số,Mô tả bản đồ,GIS; bản đồ,on-premise\r\n";
    expect((await importOffers("a.csv", csv, null)).created).toBe(1);
    const again = await importOffers("a.csv", csv.replace("Bản đồ số", "Bản đồ số 2.0"), null);
    expect(again.updated).toBe(1);
    const offers = await db.offer.findMany({ where: { externalId: "csv-1" } });
    expect(offers).toHaveLength(1);
    expect(offers[0]!.titleVi).toBe("Bản đồ số 2.0");
    expect(offers[0]!.deploymentModel).toBe("ON_PREMISE");
  });
});

describe("importing major problems", () => {
  it("puts problems into a published list version and reports rows without a title", async () => {
    const staff = await makeUser({ role: "STAFF" });
    const csv =
      "code,title,description,sector\r\nIMP-1,Ngập úng nội đô,Giảm 30% điểm ngập,không có lĩnh vực này\r\nIMP-2,,Thiếu tiêu đề,\r\n";
    const report = await importProblems("problems.csv", csv, "Danh mục nhập thử", staff.id);
    expect(report.created).toBe(1);
    expect(report.rejected).toBe(1);
    expect(report.rows[0]!.reasons).toEqual(["import.unknownSector|không có lĩnh vực này"]);
    expect(report.listVersion).toBe(1);
    const page = visibleText((await server.browser().get("/major-problems/danh-muc-nhap-thu/IMP-1")).text);
    expect(page).toContain("Ngập úng nội đô");
    expect(await db.majorProblem.count({ where: { code: "IMP-2" } })).toBe(0);
  });

  it("carries English titles and summaries into the published version; a blank English cell keeps the translation", async () => {
    const staff = await makeUser({ role: "STAFF" });
    const csv =
      "code,title,description,titleEn,summaryEn\r\nEN-1,Cấp nước sạch,Nước sạch cho 100% hộ dân,Clean water,Clean water for every household\r\nEN-2,Rác thải,Phân loại rác tại nguồn,,\r\n";
    const report = await importProblems("problems.csv", csv, "Danh mục nhập song ngữ", staff.id);
    expect(report.created).toBe(2);
    const items = await db.majorProblemVersionItem.findMany({
      where: { version: { list: { slug: "danh-muc-nhap-song-ngu" } } },
      orderBy: { code: "asc" },
    });
    expect(items.map((item) => [item.code, item.titleEn, item.summaryEn])).toEqual([
      ["EN-1", "Clean water", "Clean water for every household"],
      ["EN-2", null, null],
    ]);
    await importProblems(
      "problems.csv",
      "code,title,description\r\nEN-1,Cấp nước sạch đô thị,Nước sạch cho 100% hộ dân\r\n",
      "Danh mục nhập song ngữ",
      staff.id,
    );
    expect(
      await db.majorProblem.findFirstOrThrow({ where: { code: "EN-1", list: { slug: "danh-muc-nhap-song-ngu" } } }),
    ).toMatchObject({ title: "Cấp nước sạch đô thị", titleEn: "Clean water" });
    const api = (await (
      await fetch(`${server.baseUrl}/api/v1/major-problems/EN-1?list=danh-muc-nhap-song-ngu`)
    ).json()) as { problem: { titleEn: string | null; summaryEn: string | null; list: { nameEn: string | null } } };
    expect(api.problem).toMatchObject({
      titleEn: "Clean water",
      summaryEn: "Clean water for every household",
      list: { nameEn: null },
    });
  });
});

describe("the staff import page and exports", () => {
  it("imports an uploaded file and shows each rejected row with its reason in Vietnamese", async () => {
    const staff = await makeUser({ role: "STAFF" });
    const browser = server.browser();
    await browser.signIn(staff.email, TEST_PASSWORD);
    const form = new FormData();
    form.append(
      "offers",
      new File(
        [
          '{"externalId":"ui-1","provider":"Công ty UI","title":"Giải pháp UI","description":"Mô tả"}\n{"externalId":"ui-2","provider":"Công ty UI","description":"Không tiêu đề"}\n',
        ],
        "offers.jsonl",
      ),
    );
    const response = await fetch(`${server.baseUrl}/staff/import`, {
      method: "POST",
      body: form,
      headers: { cookie: browser.cookieHeader(), origin: server.baseUrl },
    });
    const text = visibleText(await response.text());
    expect(response.status).toBe(200);
    expect(text).toContain(
      vi.import.summary.replace("{{created}}", "1").replace("{{updated}}", "0").replace("{{rejected}}", "1"),
    );
    expect(text).toContain(`title: ${vi.validation.required}`);
  });

  it("exports CSV with a BOM and neutralises spreadsheet formulas", async () => {
    await importOffers(
      "evil.jsonl",
      JSON.stringify({
        externalId: "evil-1",
        provider: "Công ty Công thức",
        title: '=HYPERLINK("http://evil")',
        description: "@SUM(A1)",
      }),
      null,
    );
    const csv = toCsv(flattenForCsv(await exportOffers()), offerColumns);
    expect(csv.startsWith("\uFEFFexternalId,")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain("'@SUM(A1)");
    expect(neutraliseCell("-1+2")).toBe("'-1+2");
    expect(neutraliseCell("Hà Nội")).toBe("Hà Nội");

    const staff = await makeUser({ role: "STAFF" });
    const browser = server.browser();
    await browser.signIn(staff.email, TEST_PASSWORD);
    const json = await browser.get("/staff/export/offers.json");
    expect(json.headers.get("content-disposition")).toMatch(/attachment; filename="offers-\d{4}-\d{2}-\d{2}\.json"/);
    expect((JSON.parse(json.text) as { externalId: string }[]).some((o) => o.externalId === "evil-1")).toBe(true);
    expect((await server.browser().get("/staff/export/offers.csv")).status).toBe(302);
  });
});
