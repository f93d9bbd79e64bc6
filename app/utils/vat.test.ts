import { describe, expect, it } from "vitest";
import { vatBreakdown } from "./vat";
import { vndInWords } from "./vnd-words.server";

describe("VAT inside a price", () => {
  it("splits 1.100.000 ₫ at 10% into 1.000.000 ₫ before VAT and 100.000 ₫ VAT", () => {
    expect(vatBreakdown(1_100_000n, 10)).toEqual({ preVatVnd: 1_000_000n, vatVnd: 100_000n, totalVnd: 1_100_000n });
  });

  it("rounds the VAT half up to the whole đồng and keeps pre-VAT + VAT = total", () => {
    // 500.000 × 10 / 110 = 45.454,54… → 45.455
    expect(vatBreakdown(500_000n, 10)).toEqual({ preVatVnd: 454_545n, vatVnd: 45_455n, totalVnd: 500_000n });
    // 11 × 10 / 110 = 1 exactly; 16 × 10 / 110 = 1,45… → 1; 17 × 10/110 = 1,545… → 2
    expect(vatBreakdown(16n, 10).vatVnd).toBe(1n);
    expect(vatBreakdown(17n, 10).vatVnd).toBe(2n);
    for (const total of [1n, 99n, 999_999n, 3_000_000_000n]) {
      const { preVatVnd, vatVnd } = vatBreakdown(total, 8);
      expect(preVatVnd + vatVnd).toBe(total);
    }
    expect(vatBreakdown(1_200_000n, 0)).toEqual({ preVatVnd: 1_200_000n, vatVnd: 0n, totalVnd: 1_200_000n });
  });

  it("refuses a rate that is not a whole, non-negative percent", () => {
    expect(() => vatBreakdown(100n, 5.5)).toThrow(RangeError);
    expect(() => vatBreakdown(100n, -1)).toThrow(RangeError);
  });
});

describe("amount in words", () => {
  it("reads đồng amounts as Vietnamese invoices write them", () => {
    expect(vndInWords(1_200_000n)).toBe("Một triệu hai trăm nghìn đồng");
    expect(vndInWords(500_000)).toBe("Năm trăm nghìn đồng");
    expect(vndInWords(1_005_000n)).toBe("Một triệu không trăm lẻ năm nghìn đồng");
    expect(vndInWords(21n)).toBe("Hai mươi mốt đồng");
  });
});
