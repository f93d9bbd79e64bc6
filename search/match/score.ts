// Fuses the text relevance of an offer to a need with the structured signals
// text can't carry (sector, technology, TRL, budget, references, the staff's
// past decisions) into one 0..1 score, and says why in reasons a person can
// read. Pure: every input is given, so the same code ranks in the app, the
// evaluation and the benchmark.
import { tokenize } from "../text.ts";

export type TermRef = { slug: string; nameVi: string; nameEn: string };
export type MatchReason =
  | { kind: "terms"; terms: string[] }
  | { kind: "sector"; terms: TermRef[] }
  | { kind: "technology"; terms: TermRef[] }
  | { kind: "trl"; offerTrl: number; wantedTrl: number | null; fit: "meets" | "below" }
  | { kind: "budget"; priceMinVnd: number; budgetMaxVnd: number; fit: "within" | "over" }
  | { kind: "reference"; count: number; sector: TermRef }
  | { kind: "curation"; approvedForSimilar: number };

/** What is known about a need (a major problem or a problem statement). */
export interface NeedProfile {
  sectors: TermRef[];
  technologies: TermRef[];
  wantedTrl: number | null;
  budgetMaxVnd: number | null;
}

/** What is known about an offer: declared terms and those read from its text. */
export interface OfferProfile {
  id: string;
  title: string;
  body: string;
  sectors: TermRef[];
  technologies: TermRef[];
  trl: number | null;
  priceMinVnd: number | null;
  /** The provider's references, by sector slug. */
  referencesBySector: Record<string, number>;
}

export interface PairEvidence {
  /** Text relevance divided by the best candidate's, 0..1. */
  text: number;
  /** Cosine of the two texts' words and thesaurus concepts, 0..1. */
  concept: number;
  /** Folded terms the offer holds (from the engine). */
  matched: string[];
  /** Σ similarity of other needs for which staff approved this offer. */
  approvedForSimilar: number;
  /** Count of such approvals (for the reason). */
  approvedCount: number;
  rejectedForSimilar: number;
}

export interface FusionWeights {
  text: number;
  concept: number;
  sector: number;
  technology: number;
  trl: number;
  budget: number;
  reference: number;
  curation: number;
}

export const DEFAULT_FUSION_WEIGHTS: FusionWeights = {
  text: 0.62,
  concept: 0,
  sector: 0.14,
  technology: 0.1,
  trl: 0.03,
  budget: 0.03,
  reference: 0.03,
  curation: 0.3,
};

const MAX_TERM_REASONS = 6;

/**
 * The matched terms as they are written in the offer ("Điều khiển tín hiệu"
 * rather than "dieu khien tin hieu"), longest first, without terms contained
 * in a longer one already listed.
 */
export function termsAsWritten(matched: string[], title: string, body: string): string[] {
  const texts = [title, body].map((text) => ({ text, tokens: tokenize(text) }));
  const found: string[] = [];
  const covered: string[] = [];
  for (const term of [...new Set(matched)].sort((a, b) => b.split(" ").length - a.split(" ").length || b.length - a.length)) {
    if (covered.some((longer) => ` ${longer} `.includes(` ${term} `))) continue;
    const words = term.split(" ");
    let written: string | null = null;
    for (const { text, tokens } of texts) {
      for (let i = 0; i + words.length <= tokens.length && written === null; i++) {
        if (words.every((word, k) => tokens[i + k]!.folded === word)) written = text.slice(tokens[i]!.start, tokens[i + words.length - 1]!.end);
      }
      if (written !== null) break;
    }
    covered.push(term);
    found.push(written ?? term);
    if (found.length >= MAX_TERM_REASONS) break;
  }
  return found;
}

function shared(a: TermRef[], b: TermRef[]): TermRef[] {
  const slugs = new Set(b.map((term) => term.slug));
  return a.filter((term) => slugs.has(term.slug));
}

export interface FusedScore {
  score: number;
  reasons: MatchReason[];
}

export function fuse(need: NeedProfile, offer: OfferProfile, evidence: PairEvidence, weights: FusionWeights = DEFAULT_FUSION_WEIGHTS): FusedScore {
  const reasons: MatchReason[] = [];
  let score = weights.text * evidence.text + weights.concept * evidence.concept;
  if (evidence.matched.length > 0) reasons.push({ kind: "terms", terms: termsAsWritten(evidence.matched, offer.title, offer.body) });

  const sectors = shared(need.sectors, offer.sectors);
  if (sectors.length > 0) {
    score += weights.sector;
    reasons.push({ kind: "sector", terms: sectors });
  }
  const technologies = shared(need.technologies, offer.technologies);
  if (technologies.length > 0) {
    score += weights.technology * Math.min(1, technologies.length / Math.max(1, Math.min(2, need.technologies.length)));
    reasons.push({ kind: "technology", terms: technologies });
  }

  if (offer.trl !== null) {
    // Without a wanted level, a proven solution (TRL 7+) still reads better.
    const meets = need.wantedTrl === null ? offer.trl >= 7 : offer.trl >= need.wantedTrl;
    score += meets ? weights.trl : -weights.trl;
    if (need.wantedTrl !== null || meets) reasons.push({ kind: "trl", offerTrl: offer.trl, wantedTrl: need.wantedTrl, fit: meets ? "meets" : "below" });
  }
  if (offer.priceMinVnd !== null && need.budgetMaxVnd !== null) {
    const within = offer.priceMinVnd <= need.budgetMaxVnd;
    score += within ? weights.budget : -weights.budget;
    reasons.push({ kind: "budget", priceMinVnd: offer.priceMinVnd, budgetMaxVnd: need.budgetMaxVnd, fit: within ? "within" : "over" });
  }
  const referenced = need.sectors
    .map((sector) => ({ sector, count: offer.referencesBySector[sector.slug] ?? 0 }))
    .sort((a, b) => b.count - a.count)[0];
  if (referenced && referenced.count > 0) {
    score += weights.reference * Math.min(1, Math.log2(1 + referenced.count) / 2);
    reasons.push({ kind: "reference", count: referenced.count, sector: referenced.sector });
  }

  if (evidence.approvedForSimilar > 0 || evidence.rejectedForSimilar > 0) {
    score += weights.curation * (Math.min(1, evidence.approvedForSimilar) - 0.5 * Math.min(1, evidence.rejectedForSimilar));
    if (evidence.approvedCount > 0) reasons.push({ kind: "curation", approvedForSimilar: evidence.approvedCount });
  }
  return { score: Math.max(0, Math.min(1, score)), reasons };
}
