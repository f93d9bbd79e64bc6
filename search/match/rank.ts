// Engine-level matching: needs ↔ published offers. Candidates come from the
// search engine's "more like this" (bm25 over the need's words, word pairs
// and thesaurus wordings in both languages); they are then re-ranked by
// `fuse` with the sectors and technologies the classifier reads from both
// texts, TRL, budget, references and the staff's earlier decisions. No
// database here, so the benchmark runs the same code on 100,000 offers.
import type { TaxonomyClassifier, TaxonomyTermInput } from "../classify.ts";
import type { SynonymIndex } from "../query.ts";
import { tokenize } from "../text.ts";
import type { SearchDocType, SearchEngine, WeightedTerm } from "../types.ts";
import { SOLUTION_HINTS } from "../lexicon/solution-hints.ts";
import { CLASSIFIER_LIMIT, DEFAULT_TUNING, MAX_GRAM, type MatchTuning } from "../tuning/matching.ts";
import {
  fuse,
  pairSignals,
  weigh,
  withTermsReason,
  type FusionWeights,
  type MatchReason,
  type NeedProfile,
  type OfferProfile,
  type Signals,
  type TermRef,
} from "./score.ts";
import { buildHints, contentWords, matchTerms, overlap, type MatchText } from "./terms.ts";

// The weights and thresholds (DEFAULT_TUNING and the rest) are in search/tuning/matching.ts.
export type { MatchTuning };

export interface Taxonomy {
  classifier: TaxonomyClassifier;
  /** "KIND:slug" → names. */
  terms: Map<string, TermRef>;
}

export function buildTaxonomy(classifier: TaxonomyClassifier, terms: TaxonomyTermInput[]): Taxonomy {
  return {
    classifier,
    terms: new Map(
      terms.map((term) => [`${term.kind}:${term.slug}`, { slug: term.slug, nameVi: term.nameVi, nameEn: term.nameEn }]),
    ),
  };
}

export interface NeedInput {
  text: MatchText;
  declaredSectors: TermRef[];
  wantedTrl: number | null;
  budgetMaxVnd: number | null;
}

export interface OfferFacts extends Omit<OfferProfile, "sectors" | "technologies"> {
  declaredSectors: TermRef[];
  declaredTechnologies: TermRef[];
  /** Changes when the text does: classifier results are cached by it. */
  version?: string;
}

/** A need some staff member decided on, with the words it is compared by. */
export interface CuratedNeed {
  key: string;
  words: ReadonlySet<string>;
  approved: string[];
  rejected: string[];
}

export interface MatchContext {
  engine: SearchEngine;
  synonyms: SynonymIndex;
  taxonomy: Taxonomy;
  tuning?: Partial<MatchTuning>;
}

export interface RankedOfferMatch {
  offerId: string;
  score: number;
  reasons: MatchReason[];
}

const NEED_HINTS = buildHints(SOLUTION_HINTS);
// The other way for "needs that fit my offer": solution words → the problems they answer.
const OFFER_HINTS = buildHints(SOLUTION_HINTS.map(([triggers, solutions]) => [solutions, triggers] as const));

const byKey = <T extends TermRef>(terms: T[]) => [...new Map(terms.map((term) => [term.slug, term])).values()];

/** Sectors and technologies the classifier reads from a text, with the declared ones. */
export function readTerms(
  taxonomy: Taxonomy,
  text: MatchText,
  declared: { sectors: TermRef[]; technologies: TermRef[] },
  minScore: number,
) {
  const found = taxonomy.classifier.classify(text, {
    kinds: ["SECTOR", "TECHNOLOGY"],
    limit: CLASSIFIER_LIMIT,
    minScore,
  });
  const refs = (kind: string) =>
    found.filter((c) => c.kind === kind).flatMap((c) => taxonomy.terms.get(`${kind}:${c.slug}`) ?? []);
  return {
    sectors: byKey([...declared.sectors, ...refs("SECTOR")]),
    technologies: byKey([...declared.technologies, ...refs("TECHNOLOGY")]),
  };
}

// Offers are read by the classifier once per text version, not per request.
const profileCache = new Map<string, { sectors: TermRef[]; technologies: TermRef[]; grams: Set<string> }>();
const PROFILE_CACHE_LIMIT = 50_000;

/** Forgets classifier results (the benchmark measures with a cold cache). */
export function clearMatchCaches() {
  profileCache.clear();
}

function offerProfile(taxonomy: Taxonomy, facts: OfferFacts, minScore: number): OfferProfile & { grams: Set<string> } {
  const key = `${facts.id}\u0000${
    facts.version ?? `${facts.title.length}:${facts.body.length}`
  }\u0000${facts.declaredSectors.map((t) => t.slug).join(",")}\u0000${facts.declaredTechnologies
    .map((t) => t.slug)
    .join(",")}`;
  let terms = profileCache.get(key);
  if (!terms) {
    terms = {
      ...readTerms(
        taxonomy,
        { title: facts.title, body: facts.body },
        { sectors: facts.declaredSectors, technologies: facts.declaredTechnologies },
        minScore,
      ),
      grams: wordGrams(`${facts.title}\n${facts.body}`),
    };
    if (profileCache.size >= PROFILE_CACHE_LIMIT) profileCache.clear();
    profileCache.set(key, terms);
  }
  return { ...facts, ...terms };
}

export function needProfile(taxonomy: Taxonomy, need: NeedInput, minScore: number): NeedProfile {
  const terms = readTerms(taxonomy, need.text, { sectors: need.declaredSectors, technologies: [] }, minScore);
  return { ...terms, wantedTrl: need.wantedTrl, budgetMaxVnd: need.budgetMaxVnd };
}

/** What the staff's decisions on other needs say about offers for this one. */
export function curationEvidence(
  key: string | null,
  words: ReadonlySet<string>,
  curated: readonly CuratedNeed[],
  similarFrom: number,
) {
  const approvedHere = new Set<string>();
  const rejectedHere = new Set<string>();
  const approved = new Map<string, { weight: number; count: number }>();
  const rejected = new Map<string, number>();
  for (const other of curated) {
    if (key !== null && other.key === key) {
      for (const id of other.approved) approvedHere.add(id);
      for (const id of other.rejected) rejectedHere.add(id);
      continue;
    }
    const similarity = overlap(words, other.words);
    if (similarity < similarFrom) continue;
    for (const id of other.approved) {
      const entry = approved.get(id) ?? { weight: 0, count: 0 };
      entry.weight += similarity;
      entry.count += 1;
      approved.set(id, entry);
    }
    for (const id of other.rejected) rejected.set(id, (rejected.get(id) ?? 0) + similarity);
  }
  return { approvedHere, rejectedHere, approved, rejected };
}

/** Every run of 1–4 folded words in a text, to look terms up in it. */
export function wordGrams(text: string): Set<string> {
  const words = tokenize(text).map((token) => token.folded);
  const grams = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    let gram = "";
    for (let n = 0; n < MAX_GRAM && i + n < words.length; n++) {
      gram = n === 0 ? words[i]! : `${gram} ${words[i + n]}`;
      grams.add(gram);
    }
  }
  return grams;
}

/**
 * How much of the need's weighted terms each candidate holds, each term
 * weighted by its rarity among the candidates, relative to the best (0..1).
 */
export function coverageScores(terms: readonly WeightedTerm[], candidates: readonly Set<string>[], lengthNorm = 0) {
  const keys = terms.map((term) => term.words.join(" "));
  const df = keys.map((key) => candidates.reduce((count, grams) => count + (grams.has(key) ? 1 : 0), 0));
  // A long listing holds more of any need's words by sheer size; as in bm25,
  // its score is divided by its length relative to the candidates' average.
  const averageSize = candidates.reduce((sum, grams) => sum + grams.size, 0) / Math.max(1, candidates.length);
  const raw = candidates.map((grams) => {
    const norm = lengthNorm > 0 && averageSize > 0 ? 1 - lengthNorm + (lengthNorm * grams.size) / averageSize : 1;
    let score = 0;
    const matched: string[] = [];
    keys.forEach((key, index) => {
      if (!grams.has(key)) return;
      score += terms[index]!.weight * Math.log(1 + candidates.length / df[index]!);
      matched.push(key);
    });
    return { score: score / norm, matched };
  });
  const best = Math.max(0, ...raw.map((item) => item.score));
  return raw.map((item) => ({ score: best > 0 ? item.score / best : 0, matched: item.matched }));
}

export function needWords(text: MatchText): Set<string> {
  return contentWords(`${text.title}\n${text.body}`);
}

export interface ScoredCandidate {
  offerId: string;
  signals: Signals;
  /** Without the matched terms (see withTermsReason). */
  reasons: MatchReason[];
  matched: string[];
  offer: OfferProfile;
  /** Staff rejected this offer for this very need. */
  rejected: boolean;
}

export interface OfferRankingOptions {
  loadOffers: (ids: string[]) => Promise<OfferFacts[]>;
  needKey?: string | null;
  curated?: readonly CuratedNeed[];
}

/**
 * Every candidate offer for a need with its signals, unweighted. `loadOffers`
 * returns facts for the ids it can show (published offers only); others are
 * dropped.
 */
export async function scoreOfferCandidates(
  context: MatchContext,
  need: NeedInput,
  options: OfferRankingOptions,
): Promise<ScoredCandidate[]> {
  const tuning = { ...DEFAULT_TUNING, ...context.tuning };
  // Solution hints run from the need's words to the offers' (see search/lexicon/solution-hints.ts).
  const terms = matchTerms(need.text, context.synonyms, tuning.terms, NEED_HINTS);
  const hits = await context.engine.similar({
    terms: terms.slice(0, tuning.retrievalTerms),
    filters: { type: ["offer"] },
    limit: tuning.candidates,
  });
  const curation = curationEvidence(
    options.needKey ?? null,
    needWords(need.text),
    options.curated ?? [],
    tuning.similarFrom,
  );
  const best = hits[0]?.score ?? 0;
  const textOf = new Map(
    hits.map((hit) => [hit.entityId, { text: best > 0 ? hit.score / best : 0, matched: hit.matched }]),
  );
  // Offers approved for similar needs are candidates even when they share no words.
  const ids = [...new Set([...textOf.keys(), ...curation.approved.keys(), ...curation.approvedHere])];
  const facts = await options.loadOffers(ids);
  const profile = needProfile(context.taxonomy, need, tuning.classifierMinScore);
  const offers = facts.map((offer) => offerProfile(context.taxonomy, offer, tuning.classifierMinScore));
  if (tuning.coverage > 0) {
    const covered = coverageScores(
      terms,
      offers.map((offer) => offer.grams),
      tuning.lengthNorm,
    );
    offers.forEach((offer, index) => {
      const text = textOf.get(offer.id);
      textOf.set(offer.id, {
        text: (1 - tuning.coverage) * (text?.text ?? 0) + tuning.coverage * covered[index]!.score,
        matched: [...new Set([...(text?.matched ?? []), ...covered[index]!.matched])],
      });
    });
  }
  return offers.map((offer) => {
    const text = textOf.get(offer.id);
    const approved = curation.approved.get(offer.id);
    const { signals, reasons } = pairSignals(profile, offer, {
      text: text?.text ?? 0,
      matched: text?.matched ?? [],
      approvedForSimilar: (approved?.weight ?? 0) + (curation.approvedHere.has(offer.id) ? 1 : 0),
      approvedCount: approved?.count ?? 0,
      rejectedForSimilar: curation.rejected.get(offer.id) ?? 0,
    });
    return {
      offerId: offer.id,
      signals,
      reasons,
      matched: text?.matched ?? [],
      offer,
      rejected: curation.rejectedHere.has(offer.id),
    };
  });
}

/**
 * Published offers for a need, best first. Offers staff rejected for this
 * need come after every other. `weights` (learned from staff decisions, see
 * learn.ts) replace the default fusion weights.
 */
export async function rankOffers(
  context: MatchContext,
  need: NeedInput,
  options: OfferRankingOptions & { limit: number; weights?: FusionWeights },
): Promise<RankedOfferMatch[]> {
  const weights = options.weights ?? { ...DEFAULT_TUNING, ...context.tuning }.fusion;
  const ranked = (await scoreOfferCandidates(context, need, options)).map((candidate) => ({
    ...candidate,
    score: weigh(candidate.signals, weights),
  }));
  ranked.sort(
    (a, b) => Number(a.rejected) - Number(b.rejected) || b.score - a.score || a.offerId.localeCompare(b.offerId),
  );
  return ranked.slice(0, options.limit).map(({ offerId, score, reasons, matched, offer }) => ({
    offerId,
    score: Math.round(score * 1000) / 1000,
    reasons: withTermsReason(reasons, matched, offer),
  }));
}

export interface NeedFacts extends NeedInput {
  /** Search document type and entity id. */
  type: Extract<SearchDocType, "problem" | "major-problem">;
  id: string;
}

export interface RankedNeedMatch {
  type: NeedFacts["type"];
  id: string;
  score: number;
  reasons: MatchReason[];
}

/** Needs (open statements, published major problems) an offer could answer, best first. */
export async function rankNeeds(
  context: MatchContext,
  offer: OfferFacts,
  options: { limit: number; loadNeeds: (refs: { type: NeedFacts["type"]; id: string }[]) => Promise<NeedFacts[]> },
): Promise<RankedNeedMatch[]> {
  const tuning = { ...DEFAULT_TUNING, ...context.tuning };
  const terms = matchTerms({ title: offer.title, body: offer.body }, context.synonyms, tuning.terms, OFFER_HINTS);
  const hits = await context.engine.similar({
    terms,
    filters: { type: ["problem", "major-problem"] },
    limit: tuning.candidates,
  });
  const best = hits[0]?.score ?? 0;
  const needs = await options.loadNeeds(hits.map((hit) => ({ type: hit.type as NeedFacts["type"], id: hit.entityId })));
  const textOf = new Map(hits.map((hit) => [`${hit.type}:${hit.entityId}`, hit]));
  const profile = offerProfile(context.taxonomy, offer, tuning.classifierMinScore);
  const ranked = needs.map((need) => {
    const hit = textOf.get(`${need.type}:${need.id}`);
    const fused = fuse(
      needProfile(context.taxonomy, need, tuning.classifierMinScore),
      profile,
      {
        text: hit && best > 0 ? hit.score / best : 0,
        matched: hit?.matched ?? [],
        approvedForSimilar: 0,
        approvedCount: 0,
        rejectedForSimilar: 0,
      },
      tuning.fusion,
    );
    return { type: need.type, id: need.id, ...fused };
  });
  ranked.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  return ranked.slice(0, options.limit).map((item) => ({ ...item, score: Math.round(item.score * 1000) / 1000 }));
}
