import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import vi from "~/i18n/vi";
import { fold } from "~/models/offer-views.server";
import { isStale } from "~/models/offer-content.server";
import { offerSchema, parseVnd } from "~/schemas/offer";

const valid = {
  titleVi: "Đèn tín hiệu thông minh",
  summaryVi: "Tóm tắt.",
  descriptionMd: "Mô tả.",
  sectorIds: "s1",
  trl: "5",
  deploymentModel: "SAAS",
};

describe("parseVnd", () => {
  it.each([
    ["1500000", 1_500_000],
    ["1.500.000", 1_500_000],
    [" 1 500 000 ", 1_500_000],
    ["3.000.000.000 đ", 3_000_000_000],
    ["0", 0],
    ["250000₫", 250_000],
  ])("reads %s", (text, value) => {
    expect(parseVnd(text)).toEqual({ ok: true, value });
  });

  it.each([
    ["-1500000", "offers.validation.priceNegative"],
    ["1,5 triệu", "offers.validation.priceFormat"],
    ["1.5", "offers.validation.priceFormat"],
    ["1.50.000", "offers.validation.priceFormat"],
    ["1,500,000", "offers.validation.priceFormat"],
    ["99999999999999999999", "offers.validation.priceTooLarge"],
  ])("refuses %s", (text, error) => {
    expect(parseVnd(text)).toEqual({ ok: false, error });
  });
});

describe("offerSchema", () => {
  it("turns package rows into prices, dropping empty rows", () => {
    const result = offerSchema.safeParse({
      ...valid,
      sectorIds: ["s1"],
      technologyIds: [],
      businessNeedIds: [],
      removeMedia: [],
      packages: [
        { name: "Cơ bản", price: "1.500.000", unit: "tháng", description: "  Tối đa 50 camera.  " },
        {},
        { name: "Doanh nghiệp", onRequest: true, unit: "năm" },
      ],
      references: [{ customer: "UBND phường", year: "2024", result: "Tốt" }, {}],
    });
    expect(result.success && result.data.packages).toEqual([
      { name: "Cơ bản", priceVnd: 1_500_000, unit: "tháng", description: "Tối đa 50 camera." },
      { name: "Doanh nghiệp", priceVnd: null, unit: "năm", description: null },
    ]);
    expect(result.success && result.data.references).toEqual([{ customer: "UBND phường", year: 2024, result: "Tốt" }]);
  });

  it.each([0, 10, 5.5])("refuses TRL %s", (trl) => {
    const result = offerSchema.safeParse({
      ...valid,
      sectorIds: ["s1"],
      technologyIds: [],
      businessNeedIds: [],
      removeMedia: [],
      packages: [],
      references: [],
      trl,
    });
    expect(result.success ? [] : result.error.issues.map((i) => i.message)).toContain("offers.validation.trl");
  });
});

describe("offer helpers", () => {
  it("folds Vietnamese for matching", () => {
    expect(fold("Đèn GIAO thông")).toBe("den giao thong");
  });

  it("calls content stale after 180 days", () => {
    const now = new Date("2026-07-01T00:00:00Z");
    expect(isStale(new Date("2026-01-01T00:00:00Z"), now)).toBe(true);
    expect(isStale(new Date("2026-03-01T00:00:00Z"), now)).toBe(false);
  });

  it("has every offers.validation message the schema and model use", () => {
    const source = ["app/schemas/offer.ts", "app/route-actions/offer-form.server.ts"]
      .map((file) => readFileSync(file, "utf8"))
      .join("\n");
    const keys = [...source.matchAll(/["'`]offers\.validation\.([A-Za-z]+)/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(5);
    expect(keys.filter((key) => !(key in vi.offers.validation))).toEqual([]);
  });
});
