import { describe, expect, it } from "vitest";
import { dcg, meanOf, ndcgAtK, percentile, recallAtK, summarise } from "./metrics.ts";

describe("dcg", () => {
  it("discounts by log2(rank + 1)", () => {
    // 3/log2(2) + 2/log2(3) + 0 + 1/log2(5) = 3 + 1.26186 + 0.43068
    expect(dcg([3, 2, 0, 1], 10)).toBeCloseTo(4.69254, 4);
    expect(dcg([3, 2, 0, 1], 2)).toBeCloseTo(4.26186, 4);
  });
});

describe("ndcgAtK", () => {
  const judgements = { A: 3, B: 2, C: 1, D: 0 };

  it("is 1 for the ideal ranking", () => {
    expect(ndcgAtK(["A", "B", "C", "D"], judgements)).toBeCloseTo(1, 10);
  });

  it("scores a swapped ranking against the ideal from all judgements", () => {
    // DCG(B, A, C) = 2 + 3/log2(3) + 1/2 = 4.39279; ideal 3 + 2/log2(3) + 1/2 = 4.76186
    expect(ndcgAtK(["B", "A", "C"], judgements)).toBeCloseTo(4.39279 / 4.76186, 4);
  });

  it("counts unjudged and missing documents as not relevant", () => {
    // Only A found, at rank 2: (3/log2(3)) / 4.76186
    expect(ndcgAtK(["X", "A"], judgements)).toBeCloseTo(1.89279 / 4.76186, 4);
    expect(ndcgAtK([], judgements)).toBe(0);
  });

  it("only looks at the top k", () => {
    expect(ndcgAtK(["D", "A"], judgements, 1)).toBe(0);
  });

  it("cannot score a query without relevant documents", () => {
    expect(ndcgAtK(["A"], { A: 0 })).toBeNull();
  });
});

describe("recallAtK", () => {
  it("counts grade ≥ 2 as relevant", () => {
    expect(recallAtK(["A", "C"], { A: 3, B: 2, C: 1 })).toBe(0.5);
    expect(recallAtK(["B", "A"], { A: 3, B: 2, C: 1 })).toBe(1);
  });

  it("only looks at the top k", () => {
    expect(recallAtK(["X", "A"], { A: 2 }, 1)).toBe(0);
  });

  it("cannot score a query without relevant documents", () => {
    expect(recallAtK(["A"], { A: 1 })).toBeNull();
  });
});

describe("latency figures", () => {
  it("uses nearest-rank percentiles", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
  });

  it("summarises", () => {
    expect(summarise([1, 2, 3, 4])).toMatchObject({ count: 4, p50: 2, max: 4, mean: 2.5 });
  });

  it("averages scorable values only", () => {
    expect(meanOf([1, null, 0])).toBe(0.5);
    expect(meanOf([null])).toBeNull();
  });
});
