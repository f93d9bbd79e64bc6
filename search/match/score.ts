// Fuses the text relevance of an offer to a need with the structured signals
// text can't carry (sector, technology, TRL, budget, references, the staff's
// past decisions) into one 0..1 score, and says why in reasons a person can
// read. Pure: every input is given, so the same code ranks in the app, the
// evaluation and the benchmark.
import { STOP_WORDS_EXACT, tokenize, type Token } from "../text.ts";
import {
  DEFAULT_FUSION_WEIGHTS,
  PROVEN_TRL,
  REFERENCE_LOG2_FOR_FULL_SIGNAL,
  REJECTION_SHARE,
  TECHNOLOGIES_FOR_FULL_SIGNAL,
} from "../tuning/matching.ts";

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

// Prepositions end no Vietnamese phrase: they come before their object, so a
// matched pair such as "lượng theo" (from "lưu lượng theo giờ") that ends in
// one straddles two words. At the start they are kept ("theo dõi", "từ xa").
const TRAILING_PREPOSITIONS = new Set([
  "theo",
  "từ",
  "từng",
  "mỗi",
  "bằng",
  "tới",
  "giữa",
  "cùng",
  "một",
  "mọi",
  "hơn",
  "sau",
  "trước",
]);
// As written: the search's own stop-word test spares "cho" typed without marks (it may be "chó").
const isStopWord = (token: Token) => STOP_WORDS_EXACT.has(token.exact);

/**
 * The matched terms as whole words and phrases written in the offer ("Điều
 * khiển tín hiệu" rather than "dieu khien tin hieu"), longest first. Matched
 * n-grams are syllables, so they are found in the offer's text and every
 * overlapping or adjoining match in one clause is joined ("lưu lượng" +
 * "lượng theo" + "theo giờ" → "lưu lượng theo giờ"); a run loses stop words
 * at its edges and prepositions at its end, and a run cut down to one
 * syllable from longer matches (a pair that only straddled two words) is
 * dropped.
 */
export function termsAsWritten(matched: string[], title: string, body: string): string[] {
  const texts = [title, body].map((text) => ({ text, tokens: tokenize(text) }));
  // Per text, which tokens a match covers and whether it was a multi-word one.
  const spans: { text: number; from: number; to: number; words: number }[] = [];
  const unwritten: string[] = [];
  for (const term of new Set(matched)) {
    const words = term.split(" ");
    let found = false;
    texts.forEach(({ tokens }, text) => {
      if (found) return;
      for (let i = 0; i + words.length <= tokens.length && !found; i++) {
        if (words.every((word, k) => tokens[i + k]!.folded === word)) {
          spans.push({ text, from: i, to: i + words.length, words: words.length });
          found = true;
        }
      }
    });
    // Found only through a synonym or a spelling the text does not hold: quoted as matched.
    if (!found) unwritten.push(term);
  }
  spans.sort((a, b) => a.text - b.text || a.from - b.from);
  const runs: (typeof spans)[number][] = [];
  for (const span of spans) {
    const last = runs[runs.length - 1];
    const { text, tokens } = texts[span.text]!;
    // Adjoining tokens join only within a clause: nothing but spaces between them.
    const joins =
      last &&
      last.text === span.text &&
      (span.from < last.to ||
        (span.from === last.to && /^\s+$/.test(text.slice(tokens[last.to - 1]!.end, tokens[span.from]!.start))));
    if (joins) {
      last.to = Math.max(last.to, span.to);
      last.words = Math.max(last.words, span.words);
    } else {
      runs.push({ ...span });
    }
  }
  const phrases: { written: string; folded: string; length: number }[] = [];
  for (const run of runs) {
    const { text, tokens } = texts[run.text]!;
    let { from, to } = run;
    while (from < to && isStopWord(tokens[from]!)) from++;
    while (to > from && (isStopWord(tokens[to - 1]!) || TRAILING_PREPOSITIONS.has(tokens[to - 1]!.exact))) to--;
    if (to === from || (to - from === 1 && run.words > 1)) continue;
    const folded = tokens
      .slice(from, to)
      .map((token) => token.folded)
      .join(" ");
    phrases.push({ written: text.slice(tokens[from]!.start, tokens[to - 1]!.end), folded, length: to - from });
  }
  phrases.sort((a, b) => b.length - a.length || b.written.length - a.written.length);
  const found: string[] = [];
  const listed: string[] = [];
  for (const { written, folded } of [...phrases, ...unwritten.map((term) => ({ written: term, folded: term }))]) {
    // A phrase inside one already listed (the same words elsewhere in the text) adds nothing.
    if (listed.some((longer) => ` ${longer} `.includes(` ${folded} `))) continue;
    listed.push(folded);
    found.push(written);
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
export function pairSignals(
  need: NeedProfile,
  offer: OfferProfile,
  evidence: PairEvidence,
): { signals: Signals; reasons: MatchReason[] } {
  const reasons: MatchReason[] = [];
  const signals: Signals = {
    text: evidence.text,
    sector: 0,
    technology: 0,
    trl: 0,
    budget: 0,
    reference: 0,
    curation: 0,
  };
  const sectors = shared(need.sectors, offer.sectors);
  if (sectors.length > 0) {
    signals.sector = 1;
    reasons.push({ kind: "sector", terms: sectors });
  }
  const technologies = shared(need.technologies, offer.technologies);
  if (technologies.length > 0) {
    signals.technology = Math.min(
      1,
      technologies.length / Math.max(1, Math.min(TECHNOLOGIES_FOR_FULL_SIGNAL, need.technologies.length)),
    );
    reasons.push({ kind: "technology", terms: technologies });
  }
  if (offer.trl !== null) {
    // Without a wanted level, a proven solution still reads better.
    const meets = need.wantedTrl === null ? offer.trl >= PROVEN_TRL : offer.trl >= need.wantedTrl;
    signals.trl = meets ? 1 : -1;
    if (need.wantedTrl !== null || meets)
      reasons.push({ kind: "trl", offerTrl: offer.trl, wantedTrl: need.wantedTrl, fit: meets ? "meets" : "below" });
  }
  if (offer.priceMinVnd !== null && need.budgetMaxVnd !== null) {
    const within = offer.priceMinVnd <= need.budgetMaxVnd;
    signals.budget = within ? 1 : -1;
    reasons.push({
      kind: "budget",
      priceMinVnd: offer.priceMinVnd,
      budgetMaxVnd: need.budgetMaxVnd,
      fit: within ? "within" : "over",
    });
  }
  const referenced = need.sectors
    .map((sector) => ({ sector, count: offer.referencesBySector[sector.slug] ?? 0 }))
    .sort((a, b) => b.count - a.count)[0];
  if (referenced && referenced.count > 0) {
    signals.reference = Math.min(1, Math.log2(1 + referenced.count) / REFERENCE_LOG2_FOR_FULL_SIGNAL);
    reasons.push({ kind: "reference", count: referenced.count, sector: referenced.sector });
  }
  if (evidence.approvedForSimilar > 0 || evidence.rejectedForSimilar > 0) {
    signals.curation = Math.max(
      -1,
      Math.min(
        1,
        Math.min(1, evidence.approvedForSimilar) - REJECTION_SHARE * Math.min(1, evidence.rejectedForSimilar),
      ),
    );
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
export function withTermsReason(
  reasons: MatchReason[],
  matched: string[],
  offer: { title: string; body: string },
): MatchReason[] {
  return matched.length > 0
    ? [{ kind: "terms", terms: termsAsWritten(matched, offer.title, offer.body) }, ...reasons]
    : reasons;
}

export function fuse(
  need: NeedProfile,
  offer: OfferProfile,
  evidence: PairEvidence,
  weights: FusionWeights = DEFAULT_FUSION_WEIGHTS,
): FusedScore {
  const { signals, reasons } = pairSignals(need, offer, evidence);
  return { score: weigh(signals, weights), reasons: withTermsReason(reasons, evidence.matched, offer) };
}
