// Fuses the text relevance of an offer to a need with the structured signals
// text can't carry (sector, technology, TRL, budget, references, the staff's
// past decisions) into one 0..1 score, and says why in reasons a person can
// read. Pure: every input is given, so the same code ranks in the app, the
// evaluation and the benchmark.
import { tokenize } from "../text.ts";
import { DEFAULT_FUSION_WEIGHTS, PROVEN_TRL, REFERENCE_LOG2_FOR_FULL_SIGNAL, REJECTION_SHARE, TECHNOLOGIES_FOR_FULL_SIGNAL } from "../tuning/matching.ts";

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
  /** Folded terms the offer holds (from the engine). */
  matched: string[];
  /** Σ similarity of other needs for which staff approved this offer. */
  approvedForSimilar: number;
  /** Count of such approvals (for the reason). */
  approvedCount: number;
  rejectedForSimilar: number;
}

/** One weight per signal; the defaults are in search/tuning/matching.ts. */
export type FusionWeights = Record<Signal, number>;

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

/** The signals one weight each multiplies. */
export const SIGNALS = ["text", "sector", "technology", "trl", "budget", "reference", "curation"] as const;
export type Signal = (typeof SIGNALS)[number];
export type Signals = Record<Signal, number>;

/**
 * Each signal of a pair in -1..1, and the reasons a person can read. The
 * matched terms' reason is left to `withTermsReason`: finding them in the
 * offer's text costs, and only the shown matches need it.
 */
export function pairSignals(need: NeedProfile, offer: OfferProfile, evidence: PairEvidence): { signals: Signals; reasons: MatchReason[] } {
  const reasons: MatchReason[] = [];
  const signals: Signals = { text: evidence.text, sector: 0, technology: 0, trl: 0, budget: 0, reference: 0, curation: 0 };
  const sectors = shared(need.sectors, offer.sectors);
  if (sectors.length > 0) {
    signals.sector = 1;
    reasons.push({ kind: "sector", terms: sectors });
  }
  const technologies = shared(need.technologies, offer.technologies);
  if (technologies.length > 0) {
    signals.technology = Math.min(1, technologies.length / Math.max(1, Math.min(TECHNOLOGIES_FOR_FULL_SIGNAL, need.technologies.length)));
    reasons.push({ kind: "technology", terms: technologies });
  }
  if (offer.trl !== null) {
    // Without a wanted level, a proven solution still reads better.
    const meets = need.wantedTrl === null ? offer.trl >= PROVEN_TRL : offer.trl >= need.wantedTrl;
    signals.trl = meets ? 1 : -1;
    if (need.wantedTrl !== null || meets) reasons.push({ kind: "trl", offerTrl: offer.trl, wantedTrl: need.wantedTrl, fit: meets ? "meets" : "below" });
  }
  if (offer.priceMinVnd !== null && need.budgetMaxVnd !== null) {
    const within = offer.priceMinVnd <= need.budgetMaxVnd;
    signals.budget = within ? 1 : -1;
    reasons.push({ kind: "budget", priceMinVnd: offer.priceMinVnd, budgetMaxVnd: need.budgetMaxVnd, fit: within ? "within" : "over" });
  }
  const referenced = need.sectors
    .map((sector) => ({ sector, count: offer.referencesBySector[sector.slug] ?? 0 }))
    .sort((a, b) => b.count - a.count)[0];
  if (referenced && referenced.count > 0) {
    signals.reference = Math.min(1, Math.log2(1 + referenced.count) / REFERENCE_LOG2_FOR_FULL_SIGNAL);
    reasons.push({ kind: "reference", count: referenced.count, sector: referenced.sector });
  }
  if (evidence.approvedForSimilar > 0 || evidence.rejectedForSimilar > 0) {
    signals.curation = Math.max(-1, Math.min(1, Math.min(1, evidence.approvedForSimilar) - REJECTION_SHARE * Math.min(1, evidence.rejectedForSimilar)));
    if (evidence.approvedCount > 0) reasons.push({ kind: "curation", approvedForSimilar: evidence.approvedCount });
  }
  return { signals, reasons };
}

export function weigh(signals: Signals, weights: FusionWeights): number {
  let score = 0;
  for (const signal of SIGNALS) score += weights[signal] * signals[signal];
  return Math.max(0, Math.min(1, score));
}

/** The reasons with the matched terms first, as the offer writes them. */
export function withTermsReason(reasons: MatchReason[], matched: string[], offer: { title: string; body: string }): MatchReason[] {
  return matched.length > 0 ? [{ kind: "terms", terms: termsAsWritten(matched, offer.title, offer.body) }, ...reasons] : reasons;
}

export function fuse(need: NeedProfile, offer: OfferProfile, evidence: PairEvidence, weights: FusionWeights = DEFAULT_FUSION_WEIGHTS): FusedScore {
  const { signals, reasons } = pairSignals(need, offer, evidence);
  return { score: weigh(signals, weights), reasons: withTermsReason(reasons, evidence.matched, offer) };
}
