// npm run eval:matching -- [--offers FILE] [--problems FILE] [--qrels FILE] [--curation-folds K] [--per-problem]
// Measures problem → offer matching the way the app does it: a throwaway
// SQLite database and search index, the real import (importOffers /
// importProblems), the real index sync and the real rankOffersFor. Prints
// nDCG@10 and recall@10 (grade ≥ 2) against TREC qrels
// ("problemCode 0 offerExternalId grade"). Defaults: the development set in
// search/relevance/.
//
// --curation-folds K: how much staff decisions teach the ranking. Problems are
// split into K folds; for each fold, staff are simulated curating the top 10
// of every OTHER problem (qrels grade ≥ 2 → approved, anything else →
// rejected), then the fold's problems are ranked again. Prints nDCG@10 of
// held-out problems before and after: the fold's own problems are never
// curated, so any gain is learning, not memory. Also prints the same
// problems ranked again after their own top 10 was decided.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { DATASET_SECTOR_TO_TAXONOMY } from "./eval-classify";
import { meanOf, ndcgAtK, recallAtK, type Judgements } from "./bench/metrics";
import { openThrowawayApp } from "./bench/throwaway-app";

const relevanceDir = path.join(import.meta.dirname, "..", "search", "relevance");
const { values } = parseArgs({
  options: {
    offers: { type: "string", default: path.join(relevanceDir, "offers.jsonl") },
    problems: { type: "string", default: path.join(relevanceDir, "problems.jsonl") },
    qrels: { type: "string", default: path.join(relevanceDir, "match-qrels.tsv") },
    "curation-folds": { type: "string" },
    "per-problem": { type: "boolean", default: false },
  },
});

function readQrels(file: string): Map<string, Record<string, number>> {
  const qrels = new Map<string, Record<string, number>>();
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 4) continue;
    const [problem, , offer, grade] = fields as [string, string, string, string];
    const judgements = qrels.get(problem) ?? {};
    judgements[offer] = Number(grade);
    qrels.set(problem, judgements);
  }
  return qrels;
}

// The dev set uses its own sector names; the import knows taxonomy slugs and
// people's labels. A dev-set name that maps to exactly one taxonomy sector is
// rewritten; an ambiguous one is left out (the classifier reads the text).
// Any other label goes to the import as written, as the hidden set's would.
function withTaxonomySectors(content: string, known: Set<string>): string {
  return content
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const row = JSON.parse(line) as Record<string, unknown>;
      const sector = typeof row.sector === "string" ? row.sector : null;
      if (sector && !known.has(sector) && sector in DATASET_SECTOR_TO_TAXONOMY) {
        const mapped = DATASET_SECTOR_TO_TAXONOMY[sector];
        if (mapped?.length === 1) row.sector = mapped[0];
        else delete row.sector;
      }
      return JSON.stringify(row);
    })
    .join("\n");
}

const app = await openThrowawayApp("eval-matching");
const { db, seedTerms } = app;
// Imported after the throwaway app set the environment.
const { importOffers, importProblems } = await import("~/models/import.server");
const { rankOffersFor } = await import("~/models/match-ranking.server");

try {
  const offerReport = await importOffers(values.offers, fs.readFileSync(values.offers, "utf8"), null);
  const problemContent = withTaxonomySectors(
    fs.readFileSync(values.problems, "utf8"),
    new Set(seedTerms.filter((t) => t.kind === "SECTOR").map((t) => t.slug)),
  );
  const problemReport = await importProblems(path.basename(values.problems), problemContent, "Đánh giá ghép nối", null);
  await app.settleIndex();
  process.stdout.write(
    `imported: ${offerReport.created} offers (${offerReport.rejected} rejected), ${problemReport.created} problems (${problemReport.rejected} rejected)\n`,
  );

  const qrels = readQrels(values.qrels);
  const problems = await db.majorProblem.findMany({ select: { id: true, code: true }, orderBy: { code: "asc" } });
  const externalIds = new Map(
    (await db.offer.findMany({ select: { id: true, externalId: true } })).map((offer) => [
      offer.id,
      offer.externalId ?? offer.id,
    ]),
  );
  const judged = problems.filter((problem) => qrels.has(problem.code));

  const rank = async (problemId: string) =>
    (await rankOffersFor({ majorProblemId: problemId }, { limit: 10 })).map((match) => externalIds.get(match.offerId)!);
  const evaluate = async (subset: typeof judged) => {
    const rows = [];
    for (const problem of subset) {
      const ranking = await rank(problem.id);
      const judgements: Judgements = qrels.get(problem.code)!;
      rows.push({
        code: problem.code,
        ndcg: ndcgAtK(ranking, judgements, 10),
        recall: recallAtK(ranking, judgements, 10, 2),
        ranking,
      });
    }
    return rows;
  };

  // Staff decide on a problem's top 10 as the qrels say: grade ≥ 2 approved, the rest rejected.
  const curateTopTen = async (problem: (typeof judged)[number]) => {
    const judgements = qrels.get(problem.code)!;
    const top = await rankOffersFor({ majorProblemId: problem.id }, { limit: 10 });
    await db.match.createMany({
      data: top.map((match) => ({
        offerId: match.offerId,
        majorProblemId: problem.id,
        status: (judgements[externalIds.get(match.offerId)!] ?? 0) >= 2 ? ("APPROVED" as const) : ("REJECTED" as const),
      })),
    });
  };

  const started = performance.now();
  const rows = await evaluate(judged);
  const perProblemMs = (performance.now() - started) / Math.max(1, judged.length);
  if (values["per-problem"]) {
    for (const row of rows)
      process.stdout.write(
        `${row.code}\tnDCG@10 ${row.ndcg?.toFixed(3)}\trecall@10 ${row.recall?.toFixed(3)}\t${row.ranking.join(" ")}\n`,
      );
  }
  process.stdout.write(
    `problems judged: ${judged.length}\nnDCG@10   ${meanOf(rows.map((r) => r.ndcg))?.toFixed(3)}\nrecall@10 ${meanOf(
      rows.map((r) => r.recall),
    )?.toFixed(3)}\n` + `mean time per problem: ${perProblemMs.toFixed(1)} ms (database + engine + re-ranking)\n`,
  );

  const folds = Number(values["curation-folds"] ?? 0);
  if (folds >= 2) {
    const before: (number | null)[] = [];
    const after: (number | null)[] = [];
    const recallBefore: (number | null)[] = [];
    const recallAfter: (number | null)[] = [];
    for (let fold = 0; fold < folds; fold++) {
      const heldOut = judged.filter((_, index) => index % folds === fold);
      const training = judged.filter((_, index) => index % folds !== fold);
      await db.match.deleteMany();
      const baseline = await evaluate(heldOut);
      // Staff look at each training problem's top 10 and decide.
      for (const problem of training) await curateTopTen(problem);
      const curated = await evaluate(heldOut);
      before.push(...baseline.map((r) => r.ndcg));
      after.push(...curated.map((r) => r.ndcg));
      recallBefore.push(...baseline.map((r) => r.recall));
      recallAfter.push(...curated.map((r) => r.recall));
    }
    await db.match.deleteMany();
    // The same problems after staff decided on their own top 10: rejected
    // offers leave the list and the next candidates move up.
    for (const problem of judged) await curateTopTen(problem);
    const again = await evaluate(judged);
    await db.match.deleteMany();
    process.stdout.write(
      `curation, same problems (top 10 of each decided, then ranked again):\n` +
        `  before: nDCG@10 ${meanOf(rows.map((r) => r.ndcg))?.toFixed(3)}  recall@10 ${meanOf(
          rows.map((r) => r.recall),
        )?.toFixed(3)}\n` +
        `  after:  nDCG@10 ${meanOf(again.map((r) => r.ndcg))?.toFixed(3)}  recall@10 ${meanOf(
          again.map((r) => r.recall),
        )?.toFixed(3)}\n`,
    );
    process.stdout.write(
      `curation, ${folds}-fold (held-out problems, never curated themselves):\n` +
        `  before: nDCG@10 ${meanOf(before)?.toFixed(3)}  recall@10 ${meanOf(recallBefore)?.toFixed(3)}\n` +
        `  after:  nDCG@10 ${meanOf(after)?.toFixed(3)}  recall@10 ${meanOf(recallAfter)?.toFixed(3)}\n`,
    );
  }
} finally {
  await app.close();
}
process.exit(0);
