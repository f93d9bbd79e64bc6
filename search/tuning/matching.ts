// Matching tuning (needs ↔ offers, search/match/): every weight and threshold
// the ranking uses, in one place, so a change is one edit and one measurement.
// The same values rank in the app, `npm run eval:matching` and the benchmark.
// Measure a change with `npx tsx scripts/eval-matching-ablation.ts` (dev set;
// `--dir search/relevance/holdout2` for text nobody tuned on; `--tuning JSON`
// overrides any of DEFAULT_TUNING without editing this file), then confirm
// with `npm run eval:matching`. The rows behind each value are in
// search/relevance/README.md ("Matching"). The vocabulary these weights act
// on (glossaries, solution hints) is data in search/lexicon/.
import type { FusionWeights } from "../match/score.ts";

// --- Terms: a text → the weighted terms a "more like this" query looks for --

export interface TermWeights {
  title: number;
  body: number;
  /** Share of a word's weight given to the pair it starts. */
  bigram: number;
  /** Share of a thesaurus phrase's weight given to each of its other wordings. */
  synonym: number;
  /** Weight of a lone word in Vietnamese text relative to an English word (0: pairs only). */
  syllable: number;
  /** Share of an English word's weight given to its plural or singular. */
  variant: number;
  /** At most this many terms reach the engine (the heaviest). */
  maxTerms: number;
  /** Share given to a one-syllable Vietnamese wording of a thesaurus group (see buildMatchSynonyms). */
  loneSynonym: number;
  /** Share of a problem word's weight given to each solution wording it hints at (see search/lexicon/solution-hints.ts). */
  hint: number;
}

export const DEFAULT_TERM_WEIGHTS: TermWeights = {
  // A title names the subject; the body also tells the story around it.
  title: 2,
  body: 1,
  // Vietnamese meaning lives in syllable pairs ("giao thông"); without pairs nDCG drops 0.50 → 0.465 (README row 1b).
  bigram: 0.5,
  // A thesaurus wording is strong evidence but not the text's own word (0.7 since the prototype, row 0).
  synonym: 0.7,
  // "leaks" ↔ "leak": nearly the same word, a little less sure than as written (not tuned on its own).
  variant: 0.6,
  // Lone syllables ("giao") swamp the phrases and slow queries; 1 costs 0.665 → 0.593 (row 7e).
  syllable: 0,
  // Bounds the query; 80 instead of 200 cost 0.05 nDCG (row 5e).
  maxTerms: 200,
  // English needs' only way to a one-syllable Vietnamese word ("nước"); its spelling check keeps look-alikes out.
  loneSynonym: 1,
  // 1 and 1.2 were best and within 0.002 of each other; 0.5 cost 0.015 nDCG on dev (rows 12, 13, 13a).
  hint: 1,
};

// --- Fusion: text relevance and the structured signals → one 0..1 score ----

export const DEFAULT_FUSION_WEIGHTS: FusionWeights = {
  // Most of what says an offer fits a need is in the words.
  text: 0.62,
  // Same sector (declared or read by the classifier): without it and technology, −0.02 to −0.05 nDCG (rows 7c, 13b).
  sector: 0.14,
  // Same technology: a weaker hint than sector, needs often name none.
  technology: 0.1,
  // TRL, budget and references break ties between fitting offers and must not outvote the text
  // (the relevance sets carry none of them, so these are judgement, not measurement).
  trl: 0.03,
  budget: 0.03,
  reference: 0.03,
  // Staff approved this offer for a similar need: people's judgement, second only to the text
  // (app/models/match-ranking.integration.test.ts checks an approval lifts the offer).
  curation: 0.3,
};

/** Without a wanted level, an offer from this TRL up counts as proven (TRL 7: prototype shown in its real setting). */
export const PROVEN_TRL = 7;
/** Sharing this many of the need's technologies gives the full technology signal: needs rarely name more than two. */
export const TECHNOLOGIES_FOR_FULL_SIGNAL = 2;
/** The reference signal is log2(1 + references) divided by this: 3 references give the full signal, more add nothing. */
export const REFERENCE_LOG2_FOR_FULL_SIGNAL = 2;
/** A rejection for a similar need weighs this share of an approval: a "no" is often about that need alone. */
export const REJECTION_SHARE = 0.5;

// --- Ranking: candidates, classifier, curation, coverage --------------------

export interface MatchTuning {
  terms: TermWeights;
  fusion: FusionWeights;
  /** How many engine hits are re-ranked. */
  candidates: number;
  /** Other needs count as similar from this overlap of their words. */
  similarFrom: number;
  /** Classifier results scoring above this become signals. */
  classifierMinScore: number;
  /**
   * Only this many (the heaviest) terms are asked of the engine; every term
   * is then looked for in the candidates' own text. Each term costs the
   * engine a query, so this bounds latency on large indexes.
   */
  retrievalTerms: number;
  /** Share of the text score from the candidates' own text (all terms) rather than the engine's bm25. */
  coverage: number;
  /** How much the coverage score is divided by a candidate's length relative to the others (bm25's b; 0: not). */
  lengthNorm: number;
}

export const DEFAULT_TUNING: MatchTuning = {
  terms: DEFAULT_TERM_WEIGHTS,
  fusion: DEFAULT_FUSION_WEIGHTS,
  // 60–150 candidates added at most 0.003 nDCG (rows 5d, 7f); each one costs classifier and coverage work.
  candidates: 40,
  // Below this word overlap (cosine), another need is about something else and its decisions would be
  // noise (judgement: the relevance sets hold no staff decisions).
  similarFrom: 0.3,
  // The classifier's own default bar (DEFAULT_MIN_SCORE in search/classify.ts), so matching reads a text
  // as the taxonomy suggestions do.
  classifierMinScore: 1,
  // 40 lost 0.02 nDCG against all terms but bounds match latency (rows 6, 6a, 6c, 7f).
  retrievalTerms: 40,
  // Half bm25, half own-text coverage: +0.04 nDCG over bm25 alone (row 7d).
  coverage: 0.5,
  // bm25's usual b: long listings stop winning by size. +0.05 nDCG on lengthened copies, −0.009 on
  // holdout2 as written (row 15 and "Listings of different lengths").
  lengthNorm: 0.5,
};

/** Sectors and technologies (together) the classifier may read from one text: its own default (DEFAULT_LIMIT). */
export const CLASSIFIER_LIMIT = 3;
/**
 * Longest run of words looked up in a candidate's own text (coverage). About 98% of glossary and
 * hint wordings are 1–4 words; every extra length grows each cached offer's set of word runs.
 */
export const MAX_GRAM = 4;
