import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importedOfferSchema, importedProblemSchema } from "~/schemas/import";
import { bigrams, jaccard } from "../overlap.ts";

// Sanity checks for the second, independent matching set (see README.md here).
// Rows must go through the real import schemas unchanged, as the hidden set will.

const dir = import.meta.dirname;

type Offer = {
  externalId: string;
  provider: string;
  title: string;
  description: string;
  tags?: string[];
  language: "vi" | "en";
};
type Problem = { code: string; title: string; description: string; sector?: string; language: "vi" | "en" };
type Qrel = { problem: string; offer: string; grade: number };

function lines(file: string): string[] {
  return readFileSync(join(dir, file), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "");
}

function readJsonl<T>(file: string): T[] {
  return lines(file).map((line, i) => {
    try {
      return JSON.parse(line) as T;
    } catch (error) {
      throw new Error(`${file}:${i + 1} is not valid JSON: ${String(error)}`);
    }
  });
}

const offers = readJsonl<Offer>("offers.jsonl");
const problems = readJsonl<Problem>("problems.jsonl");
const qrels: Qrel[] = lines("match-qrels.tsv").map((line, i) => {
  const fields = line.split("\t");
  if (fields.length !== 4 || fields[1] !== "0" || !/^[0-3]$/.test(fields[3] ?? ""))
    throw new Error(`match-qrels.tsv:${i + 1} is not a qrels line`);
  return { problem: fields[0]!, offer: fields[2]!, grade: Number(fields[3]) };
});
const offerById = new Map(offers.map((o) => [o.externalId, o]));
const problemByCode = new Map(problems.map((p) => [p.code, p]));

describe("holdout2 offers", () => {
  it("has at least 80 offers, at least 25 in English, unique ids, accepted by the import schema", () => {
    expect(offers.length).toBeGreaterThanOrEqual(80);
    expect(offers.filter((o) => o.language === "en").length).toBeGreaterThanOrEqual(25);
    expect(new Set(offers.map((o) => o.externalId)).size).toBe(offers.length);
    for (const o of offers) {
      const parsed = importedOfferSchema.safeParse(o);
      expect(parsed.success, `${o.externalId}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      for (const text of [o.provider, o.title, o.description, ...(o.tags ?? [])])
        expect(text === text.normalize("NFC"), o.externalId).toBe(true);
    }
  });
});

describe("holdout2 problems and qrels", () => {
  it("has at least 12 problems, at least 4 in English, accepted by the import schema", () => {
    expect(problems.length).toBeGreaterThanOrEqual(12);
    expect(problems.filter((p) => p.language === "en").length).toBeGreaterThanOrEqual(4);
    expect(new Set(problems.map((p) => p.code)).size).toBe(problems.length);
    for (const p of problems) {
      expect(importedProblemSchema.safeParse(p).success, p.code).toBe(true);
      for (const text of [p.title, p.description]) expect(text === text.normalize("NFC"), p.code).toBe(true);
    }
  });

  it("gives some problems a human sector label rather than a slug, and some none", () => {
    const labels = problems.map((p) => p.sector).filter((s) => s !== undefined);
    expect(labels.some((s) => /[^a-z0-9-]/.test(s))).toBe(true);
    expect(labels.length).toBeLessThan(problems.length);
  });

  it("judges only known pairs, once each, with at least two good offers per problem", () => {
    for (const r of qrels) {
      expect(problemByCode.has(r.problem), r.problem).toBe(true);
      expect(offerById.has(r.offer), r.offer).toBe(true);
    }
    expect(new Set(qrels.map((r) => `${r.problem}/${r.offer}`)).size).toBe(qrels.length);
    for (const p of problems)
      expect(qrels.filter((r) => r.problem === p.code && r.grade >= 2).length, p.code).toBeGreaterThanOrEqual(2);
  });

  it("includes cross-language and low-overlap relevant pairs", () => {
    const pairs = qrels
      .filter((r) => r.grade >= 2)
      .map((r) => ({ p: problemByCode.get(r.problem)!, o: offerById.get(r.offer)! }));
    expect(pairs.filter(({ p, o }) => p.language !== o.language).length).toBeGreaterThanOrEqual(15);
    const lowOverlap = pairs.filter(
      ({ p, o }) =>
        p.language === o.language &&
        jaccard(
          bigrams(`${p.title} ${p.description}`),
          bigrams(`${o.title} . ${(o.tags ?? []).join(" . ")} . ${o.description}`),
        ) < 0.03,
    );
    expect(lowOverlap.length).toBeGreaterThanOrEqual(10);
  });
});

describe("merged-pool-qrels.tsv", () => {
  it("judges dev-set offers against holdout2 problems only, once per pair", () => {
    const devIds = new Set(
      readFileSync(join(dir, "..", "offers.jsonl"), "utf8")
        .split("\n")
        .filter((line) => line.trim())
        .map((line) => (JSON.parse(line) as Offer).externalId),
    );
    const pool = lines("merged-pool-qrels.tsv").map((line) => line.split("\t"));
    expect(pool.length).toBeGreaterThan(0);
    for (const [problem, zero, offer, grade] of pool) {
      expect(problemByCode.has(problem!), problem).toBe(true);
      expect(devIds.has(offer!), offer).toBe(true);
      expect(zero).toBe("0");
      expect(["1", "2", "3"]).toContain(grade);
    }
    expect(new Set(pool.map(([problem, , offer]) => `${problem}/${offer}`)).size).toBe(pool.length);
  });
});
