// Relevance and latency figures for the search benchmark.

/** Graded judgements: document id → grade (0 = not relevant, higher is better). */
export type Judgements = Readonly<Record<string, number>>;

/**
 * DCG with linear gain and the standard log2(rank + 1) discount (rank from 1),
 * as trec_eval computes it: Σ grade / log2(rank + 1).
 */
export function dcg(grades: readonly number[], k: number): number {
  let total = 0;
  for (let i = 0; i < Math.min(k, grades.length); i++) total += grades[i]! / Math.log2(i + 2);
  return total;
}

/**
 * nDCG@k of a ranking. The ideal ranking is built from every judgement, not
 * only the retrieved ones, so a relevant document never found costs score.
 * Null when no document is judged relevant: the query cannot be scored.
 */
export function ndcgAtK(ranking: readonly string[], judgements: Judgements, k = 10): number | null {
  const ideal = dcg(
    Object.values(judgements)
      .filter((grade) => grade > 0)
      .sort((a, b) => b - a),
    k,
  );
  if (ideal === 0) return null;
  return (
    dcg(
      ranking.slice(0, k).map((id) => judgements[id] ?? 0),
      k,
    ) / ideal
  );
}

/** Share of the documents graded ≥ minGrade found in the top k; null when there are none. */
export function recallAtK(ranking: readonly string[], judgements: Judgements, k = 10, minGrade = 2): number | null {
  const relevant = new Set(
    Object.entries(judgements)
      .filter(([, grade]) => grade >= minGrade)
      .map(([id]) => id),
  );
  if (relevant.size === 0) return null;
  const found = ranking.slice(0, k).filter((id) => relevant.has(id)).length;
  return found / relevant.size;
}

/** Nearest-rank percentile (p in 0–100) of unsorted values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarise(values: readonly number[]): LatencySummary {
  return {
    count: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: values.length ? Math.max(...values) : Number.NaN,
    mean: values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : Number.NaN,
  };
}

/** Mean of the scorable values, ignoring nulls; null when none. */
export function meanOf(values: readonly (number | null)[]): number | null {
  const scored = values.filter((value): value is number => value !== null);
  return scored.length ? scored.reduce((sum, value) => sum + value, 0) / scored.length : null;
}
