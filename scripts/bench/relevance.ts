// The hand-judged relevance set (search/relevance/*.jsonl), as search documents.
import fs from "node:fs";
import path from "node:path";
import type { SearchDocument } from "../../search/types.ts";
import { meanOf, ndcgAtK, recallAtK, type Judgements } from "./metrics.ts";

export interface RelevanceOffer {
  externalId: string;
  provider: string;
  title: string;
  description: string;
  tags: string[];
  language: string;
  sector: string;
}

export interface RelevanceQuery {
  id: string;
  q: string;
  kinds: string[];
  judgements: Judgements;
}

export interface RelevanceSet {
  offers: RelevanceOffer[];
  queries: RelevanceQuery[];
}

const readLines = <T>(file: string): T[] =>
  fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);

/** Null when either file is missing: the set is being written separately. */
export function loadRelevanceSet(
  directory: string,
  queriesFile = path.join(directory, "queries.jsonl"),
): RelevanceSet | null {
  const offersFile = path.join(directory, "offers.jsonl");
  if (!fs.existsSync(offersFile) || !fs.existsSync(queriesFile)) return null;
  return { offers: readLines<RelevanceOffer>(offersFile), queries: readLines<RelevanceQuery>(queriesFile) };
}

/** Up to and including the first sentence end, or the whole text. */
export function firstSentence(text: string): string {
  const match = /^[\s\S]*?[.!?…](?=\s|$)/u.exec(text.trim());
  return (match ? match[0] : text).trim();
}

export function toSearchDocument(offer: RelevanceOffer, index: number): SearchDocument {
  return {
    id: `offer:${offer.externalId}`,
    type: "offer",
    entityId: offer.externalId,
    slug: offer.externalId.toLowerCase(),
    title: offer.title,
    summary: firstSentence(offer.description),
    body: offer.description,
    keywords: [...offer.tags, offer.provider],
    published: true,
    organisationId: null,
    organisationName: offer.provider,
    sector: [offer.sector],
    technology: [],
    trlBand: null,
    deployment: null,
    priceBand: null,
    evidenceLevel: null,
    orgKind: null,
    language: [offer.language],
    priceMin: null,
    // Distinct and stable, so "newest" ties never depend on engine internals.
    publishedAt: Date.UTC(2026, 0, 1) - index * 60_000,
  };
}

/** One judged query's outcome: what a searcher would see on the first page. */
export interface QueryOutcome {
  id: string;
  q: string;
  kinds: string[];
  ndcg: number | null;
  recall: number | null;
  /** Share of the shown top 10 judged unrelated (grade 0); 0 when nothing is shown. */
  noise: number;
  total: number;
  top: string[];
}

interface RelevanceSearcher {
  search(query: {
    q: string;
    perPage: number;
    filters?: { type?: ("offer" | "problem" | "major-problem")[] };
  }): Promise<{
    total: number;
    hits: { entityId: string }[];
  }>;
}

export async function judgeQueries(
  engine: RelevanceSearcher,
  queries: readonly RelevanceQuery[],
): Promise<QueryOutcome[]> {
  const outcomes: QueryOutcome[] = [];
  for (const query of queries) {
    const result = await engine.search({ q: query.q, perPage: 10, filters: { type: ["offer"] } });
    const top = result.hits.map((hit) => hit.entityId);
    const unrelated = top.filter((id) => (query.judgements[id] ?? 0) === 0).length;
    outcomes.push({
      id: query.id,
      q: query.q,
      kinds: query.kinds,
      ndcg: ndcgAtK(top, query.judgements, 10),
      recall: recallAtK(top, query.judgements, 10, 2),
      noise: top.length === 0 ? 0 : unrelated / top.length,
      total: result.total,
      top,
    });
  }
  return outcomes;
}

export interface OutcomeSummary {
  queries: number;
  ndcg10: number | null;
  recall10: number | null;
  noise10: number | null;
  meanTotal: number | null;
}

const summariseOutcomes = (rows: readonly QueryOutcome[]): OutcomeSummary => ({
  queries: rows.length,
  ndcg10: meanOf(rows.map((row) => row.ndcg)),
  recall10: meanOf(rows.map((row) => row.recall)),
  noise10: meanOf(rows.map((row) => row.noise)),
  meanTotal: meanOf(rows.map((row) => row.total)),
});

/** Overall, and per kind; "phrase noise" is byKind.phrase.noise10. */
export function summariseByKind(rows: readonly QueryOutcome[]) {
  const kinds = [...new Set(rows.flatMap((row) => row.kinds))].sort();
  return {
    overall: summariseOutcomes(rows),
    byKind: Object.fromEntries(
      kinds.map((kind) => [kind, summariseOutcomes(rows.filter((row) => row.kinds.includes(kind)))]),
    ),
  };
}
