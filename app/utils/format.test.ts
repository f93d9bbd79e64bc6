import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatNumber, formatVnd } from "./format";

// Intl puts a NO-BREAK SPACE (U+00A0) between the amount and "₫", so the
// symbol never wraps onto its own line.
const NBSP = "\u00A0";

describe("formatVnd", () => {
  it("groups Vietnamese amounts with dots and puts ₫ after a no-break space", () => {
    expect(formatVnd(1_500_000, "vi")).toBe(`1.500.000${NBSP}₫`);
    expect(formatVnd(1_500_000, "vi")).not.toContain(" "); // no ordinary space
  });

  it("formats English amounts with commas and the ₫ sign first", () => {
    expect(formatVnd(1_500_000, "en")).toBe("₫1,500,000");
  });

  it("never shows decimals: the đồng has no minor unit", () => {
    expect(formatVnd(1234.6, "vi")).toBe(`1.235${NBSP}₫`);
    expect(formatVnd(1234.4, "en")).toBe("₫1,234");
    expect(formatVnd(0, "vi")).toBe(`0${NBSP}₫`);
  });

  it("handles large amounts (billions of đồng)", () => {
    expect(formatVnd(2_500_000_000, "vi")).toBe(`2.500.000.000${NBSP}₫`);
  });
});

describe("formatDate", () => {
  it("shows day before month in both languages (dd/mm/yyyy)", () => {
    const date = new Date("2025-03-04T05:00:00Z"); // 4 March, 12:00 in Hanoi
    expect(formatDate(date, "vi")).toBe("04/03/2025");
    expect(formatDate(date, "en")).toBe("04/03/2025");
  });

  it("uses Hanoi time: late on 31 Dec UTC is already 1 Jan next year in Hanoi", () => {
    const instant = "2024-12-31T18:30:00Z"; // 01:30 on 1 Jan 2025 in UTC+7
    expect(formatDate(instant, "vi")).toBe("01/01/2025");
    expect(formatDate(new Date(instant), "en")).toBe("01/01/2025");
  });

  it("just before the Hanoi midnight is still the old day", () => {
    expect(formatDate("2024-12-31T16:59:59Z", "vi")).toBe("31/12/2024");
    expect(formatDate("2024-12-31T17:00:00Z", "vi")).toBe("01/01/2025");
  });

  it("accepts ISO strings as loaders serialise dates", () => {
    expect(formatDate("2025-09-02T03:00:00.000Z", "vi")).toBe("02/09/2025");
  });
});

describe("formatDateTime", () => {
  it("shows Hanoi wall-clock time on a 24-hour clock", () => {
    const vi = formatDateTime("2024-12-31T18:30:00Z", "vi");
    expect(vi).toContain("01/01/2025");
    expect(vi).toContain("01:30");

    const en = formatDateTime("2025-06-15T06:05:00Z", "en"); // 13:05 in Hanoi
    expect(en).toContain("15/06/2025");
    expect(en).toContain("13:05");
    expect(en).not.toMatch(/PM/i);
  });
});

describe("formatNumber", () => {
  it("uses the language's grouping and decimal separators", () => {
    expect(formatNumber(1_234_567.5, "vi")).toBe("1.234.567,5");
    expect(formatNumber(1_234_567.5, "en")).toBe("1,234,567.5");
  });
});
