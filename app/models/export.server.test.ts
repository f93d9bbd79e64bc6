// Formula neutralising in CSV exports: text a spreadsheet would run gets an
// apostrophe, numbers (negative ones too) stay numbers so totals add up.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { neutraliseCell, toCsv } from "./export.server";

describe("neutraliseCell", () => {
  it("leaves numbers as numbers, negative and decimal ones included", () => {
    expect(neutraliseCell(-1800)).toBe("-1800");
    expect(neutraliseCell(-12.5)).toBe("-12.5");
    expect(neutraliseCell(0)).toBe("0");
    expect(neutraliseCell(-400000n)).toBe("-400000");
    // Amounts often arrive as strings (BigInt đồng via toString()).
    expect(neutraliseCell("-1800")).toBe("-1800");
    expect(neutraliseCell("-12.5")).toBe("-12.5");
    expect(neutraliseCell("250000")).toBe("250000");
  });

  it("still neutralises text that starts like a formula", () => {
    expect(neutraliseCell("=1+2")).toBe("'=1+2");
    expect(neutraliseCell("+84 912 345 678")).toBe("'+84 912 345 678");
    expect(neutraliseCell("-1+2")).toBe("'-1+2");
    expect(neutraliseCell("-2-3")).toBe("'-2-3");
    expect(neutraliseCell("-SUM(A1:A9)")).toBe("'-SUM(A1:A9)");
    expect(neutraliseCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutraliseCell("\t=cmd")).toBe("'\t=cmd");
    expect(neutraliseCell("\r=cmd")).toBe("'\r=cmd");
    // Near-numbers are text: only a plain decimal escapes the apostrophe.
    expect(neutraliseCell("-1e5")).toBe("'-1e5");
    expect(neutraliseCell("-12.")).toBe("'-12.");
    expect(neutraliseCell("-.5")).toBe("'-.5");
    expect(neutraliseCell("-1800\n=1+1")).toBe("'-1800\n=1+1");
    expect(neutraliseCell(Number.NEGATIVE_INFINITY)).toBe("'-Infinity");
  });

  it("leaves ordinary text and empty cells alone", () => {
    expect(neutraliseCell("Hà Nội")).toBe("Hà Nội");
    expect(neutraliseCell("2026-03-16")).toBe("2026-03-16");
    expect(neutraliseCell(null)).toBe("");
    expect(neutraliseCell(undefined)).toBe("");
  });
});

describe("toCsv", () => {
  it("writes a negative amount unquoted and bare, and a formula with its apostrophe", () => {
    const csv = toCsv(
      [{ provider: '=HYPERLINK("http://x")', netVnd: "-1800", daysLeft: -3 }],
      ["provider", "netVnd", "daysLeft"],
    );
    const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://x"")",-1800,-3`);
    expect(parse(csv, { bom: true })).toEqual([
      ["provider", "netVnd", "daysLeft"],
      ['\'=HYPERLINK("http://x")', "-1800", "-3"],
    ]);
  });
});
