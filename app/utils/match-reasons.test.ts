import { createInstance, type TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { i18nOptions } from "~/i18n/config";
import { describeMatchReason, type MatchReason } from "./match-reasons";

const translators: Record<"vi" | "en", TFunction> = {} as Record<"vi" | "en", TFunction>;

beforeAll(async () => {
  for (const lng of ["vi", "en"] as const) {
    const instance = createInstance();
    await instance.init({ ...i18nOptions, lng });
    translators[lng] = instance.t;
  }
});

const transport = { slug: "giao-thong", nameVi: "Giao thông", nameEn: "Transport" };
const ai = { slug: "tri-tue-nhan-tao", nameVi: "Trí tuệ nhân tạo", nameEn: "Artificial intelligence" };

describe("describeMatchReason", () => {
  it("writes one sentence per reason in Vietnamese, with Vietnamese term names and prices", () => {
    const t = translators.vi;
    expect(describeMatchReason({ kind: "terms", terms: ["Điều khiển tín hiệu", "camera"] }, t)).toBe(
      "Trùng từ ngữ: “Điều khiển tín hiệu”, “camera”.",
    );
    expect(describeMatchReason({ kind: "sector", terms: [transport] }, t)).toBe("Cùng lĩnh vực: Giao thông.");
    expect(describeMatchReason({ kind: "technology", terms: [ai] }, t)).toBe("Cùng công nghệ: Trí tuệ nhân tạo.");
    expect(describeMatchReason({ kind: "trl", offerTrl: 5, wantedTrl: 6, fit: "below" }, t)).toContain(
      "thấp hơn mức mong muốn TRL 6",
    );
    const budget = describeMatchReason(
      { kind: "budget", priceMinVnd: 900_000_000, budgetMaxVnd: 3_000_000_000, fit: "within" },
      t,
    );
    expect(budget).toMatch(/^Giá từ 900\.000\.000\s₫, trong ngân sách tối đa 3\.000\.000\.000\s₫\.$/);
    expect(describeMatchReason({ kind: "reference", count: 2, sector: transport }, t)).toBe(
      "Nhà cung cấp có 2 khách hàng tham chiếu trong lĩnh vực Giao thông.",
    );
    expect(describeMatchReason({ kind: "curation", approvedForSimilar: 3 }, t)).toBe(
      "Cán bộ đã duyệt giải pháp này cho 3 bài toán tương tự.",
    );
  });

  it("writes the same reasons in English with English term names", () => {
    const t = translators.en;
    const reasons: MatchReason[] = [
      { kind: "sector", terms: [transport, ai] },
      { kind: "trl", offerTrl: 8, wantedTrl: null, fit: "meets" },
      { kind: "budget", priceMinVnd: 5_000_000_000, budgetMaxVnd: 3_000_000_000, fit: "over" },
    ];
    expect(reasons.map((reason) => describeMatchReason(reason, t))).toEqual([
      "Same sector: Transport, Artificial intelligence.",
      "Technology readiness TRL 8: proven in real use.",
      expect.stringMatching(/^Priced from ₫5,000,000,000, over the maximum budget of ₫3,000,000,000\.$/),
    ]);
  });
});
