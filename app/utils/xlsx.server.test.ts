import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { toXlsx } from "./xlsx.server";

async function readBack(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { name: sheet.name, rows };
}

describe("toXlsx", () => {
  it("writes headers, keeps numbers as numbers and Vietnamese intact", async () => {
    const buffer = await toXlsx(
      [{ code: "HN-01", title: "Ùn tắc giao thông", offers: 3 }],
      ["code", { key: "title", header: "Vấn đề" }, { key: "offers", header: "Số giải pháp" }],
      "Theo dõi",
    );
    const { name, rows } = await readBack(buffer);
    expect(name).toBe("Theo dõi");
    expect(rows).toEqual([
      ["code", "Vấn đề", "Số giải pháp"],
      ["HN-01", "Ùn tắc giao thông", 3],
    ]);
  });

  it("neutralises text that a spreadsheet would run as a formula", async () => {
    const buffer = await toXlsx([{ a: '=HYPERLINK("http://x")', b: "@SUM(A1)", c: -5 }], ["a", "b", "c"], "x");
    const { rows } = await readBack(buffer);
    expect(rows[1]).toEqual(['\'=HYPERLINK("http://x")', "'@SUM(A1)", -5]);
  });

  it("with no rows still has the header row", async () => {
    const { rows } = await readBack(await toXlsx([], ["code", "title"], "Sheet: [1]/2"));
    expect(rows).toEqual([["code", "title"]]);
  });
});
