// What a short query asks for, as the embedded engine matches it: one slot
// per thing typed (a word, a quoted phrase, a thesaurus phrase), each with the
// ways a document can satisfy it and how well; and the "bonds" between
// neighbouring words that belong together ("giao" + "thông"), which a
// document should hold side by side. Scoring a document against the plan is
// in score(): the engine runs it over the rows FTS5 returns.
import type { ParsedQuery, QueryClause } from "../query.ts";
import { isVietnameseSyllable } from "../match/terms.ts";
import { typosBetween, type Token } from "../text.ts";
import {
  COLLOCATION_MIN_DOCUMENTS, COLLOCATION_SHARE, EXACT_QUALITY, FOLDED_QUALITY, MIN_WORD_WEIGHT_SHARE, SCATTERED_FACTOR,
  SHORT_PREFIX, SHORT_PREFIX_COMPLETIONS, SYNONYM_QUALITY, TYPO_EXPANSIONS, TYPO_QUALITY, TYPO_SHARE_WEIGHT,
} from "../tuning/search.ts";
import { exactPhraseFts, exactWordFts, foldedPhraseFts, foldedWordFts, quote } from "./expressions.ts";
import { forEachRow, intersectRows, type RowSet } from "./row-sets.ts";
import type { Vocabulary } from "./vocabulary.ts";

export interface PlanContext {
  vocabulary: Vocabulary;
  rowsOf(fts: string): RowSet;
  documents: number;
  /** One-word thesaurus phrases → every phrase of their group: a misspelt "hospitl" still brings "bệnh viện". */
  synonymWords: ReadonlyMap<string, string[][]>;
}

/**
 * Highlight terms: space-separated parts, each "=key" (that exact spelling),
 * a folded word (any spelling) or a folded prefix ending in "*". Several
 * parts are a phrase: only adjacent words are marked.
 */
export type HighlightTerm = string;

export interface Alternative {
  /** FTS5 expression; null when the rows are given (a conjunction). */
  fts: string | null;
  rows?: RowSet;
  quality: number;
  terms: HighlightTerm[];
}

export interface Slot {
  words: Token[];
  alternatives: Alternative[];
  weight: number;
  /** Quoted: documents without it are not results. */
  required: boolean;
  /** Bonds this slot takes part in (indexes into Plan.bonds). */
  bonds: number[];
  /** Matched through typo candidates: "did you mean" is offered. */
  misspelt: boolean;
}

export interface Bond {
  /** Null when the index never holds the two side by side. */
  fts: string | null;
  terms: HighlightTerm[];
}

/**
 * Another way to say several neighbouring slots at once (a thesaurus or
 * glossary equivalent of "tiết kiệm năng lượng": "energy saving"). A
 * document holding it satisfies each of those slots, as if together.
 */
export interface Span {
  from: number;
  to: number;
  alternatives: Alternative[];
}

export interface Plan {
  slots: Slot[];
  bonds: Bond[];
  spans: Span[];
  /** Every alternative, for bm25 and for the suggestion box. */
  anyFts: string;
  terms: HighlightTerm[];
}

const exactTerm = (token: Token) => `=${token.key}`;
// chosen[] values from here on name a span's alternative, not the slot's own.
const SPAN_CHOICE_BASE = 128;

/** A slot's own words as one highlight phrase, exact or folded. */
const phraseTerm = (tokens: readonly Token[], exact: boolean) => tokens.map((token) => (exact ? exactTerm(token) : token.folded)).join(" ");

/** Ways one typed word can match, best first. */
function wordAlternatives(context: PlanContext, clause: QueryClause, toned: boolean): { alternatives: Alternative[]; misspelt: boolean } {
  const { vocabulary } = context;
  const token = clause.words[0]!;
  const word = token.folded;
  const alternatives: Alternative[] = [];
  if (clause.prefix) {
    if (word.length < SHORT_PREFIX) {
      // One letter would match most of the index; its most common completions
      // keep search-as-you-type useful and fast.
      const completions = vocabulary.completions(word, SHORT_PREFIX_COMPLETIONS);
      if (!completions.includes(word) && vocabulary.has(word)) completions.unshift(word);
      for (const completion of completions) {
        const fts = foldedWordFts(vocabulary, completion);
        if (fts) alternatives.push({ fts, quality: EXACT_QUALITY, terms: [completion] });
      }
    } else if (vocabulary.hasPrefix(word)) {
      // Keys start with the folded word, so a folded prefix finds every spelling.
      alternatives.push({ fts: `${quote(word)} *`, quality: EXACT_QUALITY, terms: [`${word}*`] });
    }
  } else {
    const exact = toned ? exactWordFts(vocabulary, token.key) : null;
    if (exact) alternatives.push({ fts: exact, quality: EXACT_QUALITY, terms: [exactTerm(token)] });
    const folded = foldedWordFts(vocabulary, word);
    if (folded) alternatives.push({ fts: folded, quality: toned ? FOLDED_QUALITY : EXACT_QUALITY, terms: [word] });
  }
  const known = clause.prefix ? vocabulary.hasPrefix(word) : vocabulary.has(word);
  let misspelt = false;
  if (!known) {
    // The few nearest words, the most common weighing most: a typo fixes
    // the word, it does not turn it into half the vocabulary.
    const candidates = vocabulary.withinTypos(word, TYPO_EXPANSIONS);
    const most = Math.max(1, ...candidates.map(([candidate]) => vocabulary.frequency(candidate)));
    for (const [candidate] of candidates) {
      const fts = foldedWordFts(vocabulary, candidate);
      const share = vocabulary.frequency(candidate) / most;
      if (fts) alternatives.push({ fts, quality: TYPO_QUALITY * (1 - TYPO_SHARE_WEIGHT + TYPO_SHARE_WEIGHT * share), terms: [candidate] });
    }
    for (const [candidate, phrases] of context.synonymWords) {
      if (candidate === word || typosBetween(word, candidate) === null) continue;
      for (const phrase of phrases) {
        const fts = foldedPhraseFts(vocabulary, phrase);
        if (fts && !alternatives.some((alternative) => alternative.fts === fts)) {
          alternatives.push({ fts, quality: TYPO_QUALITY * SYNONYM_QUALITY, terms: [phrase.join(" ")] });
        }
      }
    }
    misspelt = alternatives.length > 0;
  }
  return { alternatives, misspelt };
}

/** Ways a quoted phrase or thesaurus phrase can match. */
function phraseAlternatives(context: PlanContext, clause: QueryClause, toned: boolean): Alternative[] {
  const { vocabulary } = context;
  const alternatives: Alternative[] = [];
  const exact = toned ? exactPhraseFts(vocabulary, clause.words.map((token) => token.key)) : null;
  if (exact) alternatives.push({ fts: exact, quality: EXACT_QUALITY, terms: [phraseTerm(clause.words, true)] });
  const folded = foldedPhraseFts(vocabulary, clause.words.map((token) => token.folded));
  if (folded) alternatives.push({ fts: folded, quality: toned ? FOLDED_QUALITY : EXACT_QUALITY, terms: [phraseTerm(clause.words, false)] });
  if (!clause.phrase && clause.words.length > 1) {
    // Its words apart: weak, and never a highlight of the phrase.
    const parts = clause.words.map((token) => foldedWordFts(vocabulary, token.folded));
    if (parts.every((part) => part !== null)) {
      const rows = intersectRows(parts.map((part) => context.rowsOf(part!)));
      if (rows.size > 0) alternatives.push({ fts: null, rows, quality: SCATTERED_FACTOR, terms: clause.words.map((token) => token.folded) });
    }
  }
  return alternatives;
}

function synonymAlternatives(context: PlanContext, clause: QueryClause): Alternative[] {
  return clause.synonyms.flatMap((phrase) => {
    const fts = foldedPhraseFts(context.vocabulary, phrase);
    return fts ? [{ fts, quality: SYNONYM_QUALITY, terms: [phrase.join(" ")] }] : [];
  });
}

function rowsOfAlternative(context: PlanContext, alternative: Alternative): RowSet {
  return alternative.rows ?? context.rowsOf(alternative.fts!);
}

/** Documents holding the slot at all (any alternative): an upper bound is enough for rarity. */
function slotDocuments(context: PlanContext, slot: Omit<Slot, "weight">): number {
  let most = 0;
  let sum = 0;
  for (const alternative of slot.alternatives) {
    const size = rowsOfAlternative(context, alternative).size;
    most = Math.max(most, size);
    sum += size;
  }
  return Math.min(sum, Math.max(most, context.documents));
}

/**
 * Whether two neighbouring plain words belong together, judged on the index:
 * enough of the documents holding the rarer one hold the two side by side.
 * "giao thông" and "hệ thống" are; "quản lý" + "bệnh" is not.
 */
function bondBetween(context: PlanContext, left: Token, right: Token, toned: boolean, forced: boolean): Bond | null {
  const { vocabulary } = context;
  const exact = toned ? exactPhraseFts(vocabulary, [left.key, right.key]) : null;
  const folded = foldedPhraseFts(vocabulary, [left.folded, right.folded]);
  const fts = exact ?? folded;
  if (!fts) return forced ? { fts: null, terms: [] } : null;
  const together = context.rowsOf(fts).size;
  const leftDocuments = toned && exact ? vocabulary.exactFrequency(left.key) : vocabulary.frequency(left.folded);
  const rightDocuments = toned && exact ? vocabulary.exactFrequency(right.key) : vocabulary.frequency(right.folded);
  if (!forced && (together < COLLOCATION_MIN_DOCUMENTS || together < COLLOCATION_SHARE * Math.min(leftDocuments, rightDocuments))) return null;
  // Satisfied by adjacency in any spelling: how exact each word is, is the slot's business.
  return { fts: folded ?? fts, terms: [exact ? `${exactTerm(left)} ${exactTerm(right)}` : `${left.folded} ${right.folded}`, `${left.folded} ${right.folded}`] };
}

/** Two plain words typed apart that the index holds as one ("cyber security" → "cybersecurity"). */
function gluedAlternative(context: PlanContext, left: Token, right: Token): Alternative | null {
  const joined = left.folded + right.folded;
  const fts = foldedWordFts(context.vocabulary, joined);
  return fts ? { fts, quality: EXACT_QUALITY, terms: [joined] } : null;
}

const wordClause = (token: Token, prefix = false): QueryClause => ({ words: [token], phrase: false, prefix, synonyms: [] });

export function planQuery(context: PlanContext, parsed: ParsedQuery): Plan {
  let clauses = parsed.clauses;
  // A single letter still being typed after other words would match most of
  // the index; wait for the next letter.
  const last = clauses.at(-1);
  if (clauses.length > 1 && last?.prefix && last.words[0]!.folded.length < SHORT_PREFIX) clauses = clauses.slice(0, -1);
  const toned = parsed.toned;
  const unweighted: Omit<Slot, "weight">[] = [];
  const spans: (Span & { syllable: boolean })[] = [];
  // Neighbours the lexicon says belong together, whatever the corpus says.
  const together = new Set<number>();
  // Slots that can bond with the next one: plain words, not quoted, not unfinished.
  const bondable: boolean[] = [];
  for (const clause of clauses) {
    if (clause.phrase) {
      unweighted.push({ words: clause.words, alternatives: phraseAlternatives(context, clause, toned), required: true, bonds: [], misspelt: false });
      bondable.push(false);
      continue;
    }
    // A lexicon phrase is matched word by word, its words bonded, so a
    // document saying "năng lượng tiết kiệm" still holds "tiết kiệm năng lượng".
    const from = unweighted.length;
    clause.words.forEach((token, index) => {
      const own = wordAlternatives(context, wordClause(token, clause.prefix), toned);
      unweighted.push({ words: [token], alternatives: own.alternatives, required: false, bonds: [], misspelt: own.misspelt });
      bondable.push(!clause.prefix);
      if (index > 0) together.add(unweighted.length - 2);
    });
    const alternatives = synonymAlternatives(context, clause);
    if (alternatives.length > 0) {
      const single = clause.words.length === 1;
      spans.push({ from, to: unweighted.length - 1, alternatives, syllable: single && isVietnameseSyllable(clause.words[0]!.folded) && clause.words[0]!.exact !== clause.words[0]!.folded });
    }
  }
  const bonds: Bond[] = [];
  const bonded = new Set<number>();
  for (let i = 0; i + 1 < unweighted.length; i++) {
    if (!bondable[i] || !bondable[i + 1]) continue;
    const [left, right] = [unweighted[i]!.words[0]!, unweighted[i + 1]!.words[0]!];
    const glued = gluedAlternative(context, left, right);
    if (glued) {
      unweighted[i]!.alternatives.push(glued);
      unweighted[i + 1]!.alternatives.push(glued);
    }
    const bond = bondBetween(context, left, right, toned, together.has(i));
    if (!bond) continue;
    const index = bonds.push(glued ? { fts: bond.fts ? `(${bond.fts} OR ${glued.fts})` : glued.fts, terms: [...bond.terms, ...glued.terms] } : bond) - 1;
    unweighted[i]!.bonds.push(index);
    unweighted[i + 1]!.bonds.push(index);
    if (!together.has(i)) bonded.add(i).add(i + 1);
  }
  // A one-syllable synonym ("dịch": epidemic) does not apply where the
  // syllable is part of a longer word ("giao dịch": transaction).
  const kept = spans.filter((span) => !(span.syllable && bonded.has(span.from)));
  // Rarity as bm25's idf: a word most documents hold says little.
  const rarity = unweighted.map((slot) => {
    const documents = slotDocuments(context, slot);
    return Math.log(1 + (context.documents - documents + 0.5) / (documents + 0.5));
  });
  const rarest = Math.max(0, ...rarity);
  const slots = unweighted.map((slot, index) => ({ ...slot, weight: Math.max(rarity[index]!, rarest * MIN_WORD_WEIGHT_SHARE, 1e-6) }));
  const all = [...slots.flatMap((slot) => slot.alternatives), ...kept.flatMap((span) => span.alternatives)];
  const expressions = all.flatMap((alternative) => (alternative.fts ? [alternative.fts] : []));
  return {
    slots,
    bonds,
    spans: kept.map(({ from, to, alternatives }) => ({ from, to, alternatives })),
    anyFts: expressions.length === 0 ? "" : `(${[...new Set(expressions)].join(" OR ")})`,
    terms: [...new Set(all.flatMap((alternative) => alternative.terms))],
  };
}

/** Per-document match of a plan: filled by scorePlan, read by the engine. */
export interface PlanScores {
  /** Rows any slot matched. */
  candidates: number[];
  /** Match score in [0, 1] by rowid: Σ weight × quality × (bond factor) / Σ weight. */
  score: Float32Array;
  /** Per slot, the best alternative's index + 1 by rowid (0: none). */
  chosen: Uint8Array[];
  /** Per bond, 1 by rowid where the bonded words sit side by side. */
  together: Uint8Array[];
}

export function scorePlan(context: PlanContext, plan: Plan, size: number): PlanScores {
  const candidates: number[] = [];
  const touched = new Uint8Array(size);
  const quality = plan.slots.map(() => new Float32Array(size));
  const chosen = plan.slots.map(() => new Uint8Array(size));
  plan.slots.forEach((slot, slotIndex) => {
    const best = quality[slotIndex]!;
    const choice = chosen[slotIndex]!;
    slot.alternatives.forEach((alternative, alternativeIndex) => {
      const rows = rowsOfAlternative(context, alternative);
      const visit = (rowid: number) => {
        if (alternative.quality > best[rowid]!) {
          best[rowid] = alternative.quality;
          choice[rowid] = alternativeIndex + 1;
        }
        if (touched[rowid] === 0) {
          touched[rowid] = 1;
          candidates.push(rowid);
        }
      };
      forEachRow(rows, visit);
    });
  });
  // A span's synonym satisfies each of its slots, together.
  const spanHeld = plan.slots.map(() => null as Uint8Array | null);
  plan.spans.forEach((span) => {
    span.alternatives.forEach((alternative, alternativeIndex) => {
      forEachRow(rowsOfAlternative(context, alternative), (rowid) => {
        for (let slotIndex = span.from; slotIndex <= span.to; slotIndex++) {
          const held = (spanHeld[slotIndex] ??= new Uint8Array(size));
          held[rowid] = 1;
          if (alternative.quality > quality[slotIndex]![rowid]!) {
            quality[slotIndex]![rowid] = alternative.quality;
            // Past the slot's own alternatives: see termsForDocument.
            chosen[slotIndex]![rowid] = SPAN_CHOICE_BASE + alternativeIndex;
          }
        }
        if (touched[rowid] === 0) {
          touched[rowid] = 1;
          candidates.push(rowid);
        }
      });
    });
  });
  const together = plan.bonds.map((bond) => {
    const marks = new Uint8Array(size);
    if (bond.fts === null) return marks;
    forEachRow(context.rowsOf(bond.fts), (rowid) => {
      if (rowid < size) marks[rowid] = 1;
    });
    return marks;
  });
  const totalWeight = plan.slots.reduce((sum, slot) => sum + slot.weight, 0);
  const score = new Float32Array(size);
  for (const rowid of candidates) {
    let sum = 0;
    let complete = true;
    plan.slots.forEach((slot, slotIndex) => {
      const q = quality[slotIndex]![rowid]!;
      if (q === 0) {
        if (slot.required) complete = false;
        return;
      }
      const held = slot.bonds.length === 0 || spanHeld[slotIndex]?.[rowid] === 1 || slot.bonds.some((bond) => together[bond]![rowid] === 1);
      sum += slot.weight * q * (held ? 1 : SCATTERED_FACTOR);
    });
    score[rowid] = complete && totalWeight > 0 ? sum / totalWeight : 0;
  }
  return { candidates, score, chosen, together };
}

/** What to mark in one document: the phrases it holds together, and each slot's matched alternative. */
export function termsForDocument(plan: Plan, scores: PlanScores, rowid: number): HighlightTerm[] {
  const terms = new Set<HighlightTerm>();
  plan.bonds.forEach((bond, index) => {
    if (scores.together[index]![rowid] === 1) for (const term of bond.terms) terms.add(term);
  });
  plan.slots.forEach((slot, index) => {
    const choice = scores.chosen[index]![rowid]!;
    if (choice === 0) return;
    const alternative =
      choice >= SPAN_CHOICE_BASE
        ? plan.spans.find((span) => span.from <= index && index <= span.to)?.alternatives[choice - SPAN_CHOICE_BASE]
        : slot.alternatives[choice - 1];
    for (const term of alternative?.terms ?? []) terms.add(term);
  });
  return [...terms];
}
