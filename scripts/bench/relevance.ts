// The hand-judged relevance set (search/relevance/*.jsonl), as search documents.
import fs from "node:fs";
import path from "node:path";
import type { SearchDocument } from "../../search/types.ts";
import type { Judgements } from "./metrics.ts";

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
export function loadRelevanceSet(directory: string): RelevanceSet | null {
  const offersFile = path.join(directory, "offers.jsonl");
  const queriesFile = path.join(directory, "queries.jsonl");
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
