import { describe, expect, it } from "vitest";
import { seedTerms } from "../prisma/seed-taxonomy.ts";
import { DATASET_SECTOR_TO_TAXONOMY, evaluate, formatEvaluation, loadDevSet } from "../scripts/eval-classify.ts";
import { TaxonomyClassifier, namePhrases, termKey, type Classification } from "./classify.ts";
import { TERM_KEYWORDS } from "./lexicon/index.ts";

const classifier = new TaxonomyClassifier(seedTerms);

function slugs(results: Classification[], kind: Classification["kind"]): string[] {
  return results.filter((result) => result.kind === kind).map((result) => result.slug);
}

describe("TaxonomyClassifier", () => {
  it("finds the sector in Vietnamese, with and without diacritics, and in English", () => {
    const texts = [
      "Giải pháp giảm ùn tắc giao thông và tìm bãi đỗ xe trong nội thành",
      "Giai phap giam un tac giao thong va tim bai do xe trong noi thanh",
      "Reducing traffic congestion and finding parking in the city centre",
    ];
    for (const text of texts) {
      expect(slugs(classifier.classify(text), "SECTOR")[0]).toBe("giao-thong");
    }
  });

  it("does not read giao thương (trade) as giao thông (transport)", () => {
    const results = classifier.classify("Nền tảng kết nối giao thương cho doanh nghiệp xuất khẩu");
    expect(slugs(results, "SECTOR")).not.toContain("giao-thong");
    expect(slugs(results, "SECTOR")[0]).toBe("tai-chinh-thuong-mai");
  });

  it("matches the word AI, not 'tai' or the Vietnamese 'ai' (who)", () => {
    expect(slugs(classifier.classify("Ứng dụng AI trong chẩn đoán hình ảnh y tế"), "TECHNOLOGY")).toContain(
      "tri-tue-nhan-tao",
    );
    expect(classifier.classify("Tai nghe bị hỏng mà không ai hay biết")).toEqual([]);
    expect(slugs(classifier.classify("Tai nạn, cứu hộ"), "TECHNOLOGY")).toEqual([]);
  });

  it("classifies adaptive traffic lights as transport plus AI or computer vision", () => {
    for (const text of [
      "Điều khiển đèn tín hiệu thích ứng tại nút giao bằng camera AI, giảm thời gian chờ giờ cao điểm",
      "Adaptive traffic signal control at intersections using AI cameras to cut waiting times",
    ]) {
      const results = classifier.classify(text);
      expect(slugs(results, "SECTOR")[0]).toBe("giao-thong");
      const technologies = slugs(results, "TECHNOLOGY");
      expect(technologies.some((slug) => slug === "tri-tue-nhan-tao" || slug === "thi-giac-may-tinh")).toBe(true);
    }
  });

  it("lists the phrases found, as written in the text", () => {
    const [transport] = classifier.classify("Kẹt xe ở Cầu Giấy: đèn tín hiệu, xe buýt và KẸT XE", {
      kinds: ["SECTOR"],
    });
    expect(transport?.slug).toBe("giao-thong");
    expect(transport?.evidence).toEqual(expect.arrayContaining(["Kẹt xe", "đèn tín hiệu", "xe buýt"]));
  });

  it("returns nothing for empty or meaningless text", () => {
    for (const text of ["", "   ", "!!! ??? 123", "asdf qwerty zxcv", "và của các những"]) {
      expect(classifier.classify(text)).toEqual([]);
    }
  });

  it("keeps trap phrases apart: electricity bill, network traffic, machine learning", () => {
    const bill = classifier.classify("Hoá đơn tiền điện tăng mạnh mùa hè");
    expect(slugs(bill, "SECTOR")[0]).toBe("nang-luong");
    expect(slugs(bill, "BUSINESS_NEED")).not.toContain("hoa-don-dien-tu");
    expect(slugs(classifier.classify("Anomaly detection on network traffic"), "SECTOR")).not.toContain("giao-thong");
    expect(slugs(classifier.classify("Machine learning models for credit scoring"), "SECTOR")).not.toContain(
      "giao-duc",
    );
  });

  it("respects kinds, limit and minScore, sorted by score", () => {
    const text = "Hệ thống hóa đơn điện tử, kế toán và thanh toán không tiền mặt cho hộ kinh doanh, cửa hàng bán lẻ";
    const all = classifier.classify(text, { minScore: 0, limit: 10 });
    expect(all.map((result) => result.score)).toEqual([...all.map((result) => result.score)].sort((a, b) => b - a));
    const needs = classifier.classify(text, { kinds: ["BUSINESS_NEED"], limit: 2 });
    expect(needs).toHaveLength(2);
    expect(needs.every((result) => result.kind === "BUSINESS_NEED")).toBe(true);
    expect(classifier.classify(text, { minScore: 1000 })).toEqual([]);
  });

  it("counts a title hit more than a body hit", () => {
    const asTitle = classifier.classify({ title: "Xe buýt thông minh", body: "Ứng dụng cho người dân" });
    const asBody = classifier.classify({ body: "Xe buýt thông minh. Ứng dụng cho người dân" });
    const score = (results: Classification[]) => results.find((result) => result.slug === "giao-thong")?.score ?? 0;
    expect(score(asTitle)).toBeGreaterThan(score(asBody));
  });

  it("counts repeated phrases with diminishing returns", () => {
    const once = classifier.classify("kẹt xe", { minScore: 0 })[0]!.score;
    const four = classifier.classify("kẹt xe kẹt xe kẹt xe kẹt xe", { minScore: 0 })[0]!.score;
    expect(four).toBeGreaterThan(once);
    expect(four).toBeLessThan(4 * once);
  });

  it("uses term names as keywords, parentheses stripped", () => {
    expect(namePhrases("Trí tuệ nhân tạo (AI)")).toEqual(["Trí tuệ nhân tạo", "AI"]);
    const custom = new TaxonomyClassifier(
      [{ kind: "TECHNOLOGY", slug: "luong-tu", nameVi: "Điện toán lượng tử", nameEn: "Quantum computing (QC)" }],
      { keywords: {} },
    );
    expect(custom.classify("Nghiên cứu điện toán lượng tử")[0]?.slug).toBe("luong-tu");
    expect(custom.classify("Quantum computing for logistics")[0]?.slug).toBe("luong-tu");
  });

  it("has 15 or more bilingual keywords for every seeded term", () => {
    for (const term of seedTerms) {
      const keywords = TERM_KEYWORDS[termKey(term)] ?? [];
      expect(keywords.length, termKey(term)).toBeGreaterThanOrEqual(15);
      expect(
        keywords.some((keyword) => /[^\x20-\x7e]/.test(keyword)),
        `${termKey(term)} has Vietnamese`,
      ).toBe(true);
      expect(
        keywords.some((keyword) => /^~?[\x20-\x7e]+$/.test(keyword)),
        `${termKey(term)} has English`,
      ).toBe(true);
    }
  });

  it("can learn extra evidence from labelled examples", () => {
    const learner = new TaxonomyClassifier(seedTerms);
    expect(slugs(learner.classify("quản lý nghĩa trang liệt sĩ, mộ phần", { minScore: 0 }), "SECTOR")).toEqual([]);
    learner.train([
      { text: "số hoá nghĩa trang liệt sĩ và thông tin mộ phần", slugs: ["lao-dong-xa-hoi"] },
      { text: "tra cứu mộ phần tại nghĩa trang liệt sĩ", slugs: ["lao-dong-xa-hoi"] },
      { text: "đèn tín hiệu giao thông", slugs: ["giao-thong"] },
    ]);
    expect(slugs(learner.classify("quản lý nghĩa trang liệt sĩ, mộ phần", { minScore: 0 }), "SECTOR")[0]).toBe(
      "lao-dong-xa-hoi",
    );
  });
});

describe("sector accuracy on the labelled development set (search/relevance)", () => {
  const sectors = new Set(seedTerms.filter((term) => term.kind === "SECTOR").map((term) => term.slug));

  it("maps every dataset sector to taxonomy sectors", () => {
    const dev = loadDevSet();
    for (const text of [...dev.offers, ...dev.problems]) {
      const mapped = DATASET_SECTOR_TO_TAXONOMY[text.sector];
      expect(mapped, text.sector).toBeDefined();
      for (const slug of mapped!) expect(sectors.has(slug), slug).toBe(true);
    }
  });

  it("reaches the accuracy floors (title + description only, no tags)", () => {
    const rows = evaluate();
    process.stdout.write(`\nclassify — sector accuracy on search/relevance (dev set):\n${formatEvaluation(rows)}`);
    // Floors a little under what the lexicon reaches today, so that honest
    // keyword edits can move them; the dev set was used to review the lexicon.
    const floors: Record<string, { at1: number; at3: number }> = {
      "offers/vi": { at1: 0.85, at3: 0.93 },
      "offers/en": { at1: 0.8, at3: 0.9 },
      "problems/vi": { at1: 0.85, at3: 0.95 },
      "problems/en": { at1: 0.75, at3: 0.85 },
    };
    for (const row of rows) {
      const floor = floors[`${row.set}/${row.language}`];
      if (!floor) continue;
      expect(row.accuracy.at1, `${row.set}/${row.language} acc@1`).toBeGreaterThanOrEqual(floor.at1);
      expect(row.accuracy.at3, `${row.set}/${row.language} acc@3`).toBeGreaterThanOrEqual(floor.at3);
    }
  });
});
