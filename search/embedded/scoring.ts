// How well each document matches a query, as a score in [0, 1] by rowid.
// A query is read one of two ways: a few words through the plan (plan.ts:
// spellings, phrases, typos, synonyms), blended with matching's reading of the
// same words; a sentence the way problem → offer matching reads a need. The
// engine then keeps the documents scoring near the best (result-filter.ts).
import type { MatchSynonymIndex } from "../match/terms.ts";
import type { ParsedQuery } from "../query.ts";
import { blendedScore, isLongQuery, leadingSectorShares, liftedBySector, needTerms } from "../reading.ts";
import {
  BLEND_MIN_WORDS,
  LONG_RELATIVE_CUTOFF,
  RELATIVE_CUTOFF,
  SIMILAR_COMMON_FLOOR,
  SIMILAR_COMMON_SHARE,
  SIMILAR_PHRASE_COST_SHARE,
} from "../tuning/search.ts";
import type { FacetColumns } from "./columns.ts";
import { foldedPhraseFts } from "./expressions.ts";
import { FIELD_INDEX } from "./metadata.ts";
import { planQuery, scorePlan, termsForDocument, type HighlightTerm, type PlanContext } from "./plan.ts";
import { forEachRow, type RowSet } from "./row-sets.ts";
import type { Vocabulary } from "./vocabulary.ts";

/** How one query matched the index, whichever way it was read. */
export interface QueryMatch {
  candidates: number[];
  /** Match score in [0, 1] by rowid. */
  score: Float32Array;
  terms: HighlightTerm[];
  termsOf: (rowid: number) => HighlightTerm[];
  /** A word was read as another (a typo) or found nowhere: "did you mean" is worth offering. */
  offerCorrection: boolean;
  /** Results score at least this share of the best. */
  cutoff: number;
  /** The query as it was understood (typos read as the words they stand for). */
  readAs: string;
}

/** A plan context that also tells which expressions it has already read. */
export type ScoringPlanContext = PlanContext & { seen: (fts: string) => RowSet | undefined };

/** What scoring reads from the engine. */
export interface ScoringSource {
  /** A fresh context per query (its memo of rows read lives as long as the query). */
  planContext(): ScoringPlanContext;
  vocabulary: Vocabulary;
  matchSynonyms: MatchSynonymIndex;
  /** Documents in the index. */
  documents: number;
  matchRowidsUpTo(expression: string, limit: number): number[];
}

const rowList = (rows: RowSet): number[] => {
  const list: number[] = [];
  forEachRow(rows, (rowid) => list.push(rowid));
  return list;
};

/**
 * Scores every document matching the query; `passes` says which documents
 * are visible and within the filters (the best is judged among those), and
 * the sectors of the best few of them lift the others in those sectors.
 */
export function matchQuery(
  source: ScoringSource,
  columns: FacetColumns,
  text: string,
  parsed: ParsedQuery,
  size: number,
  passes: (rowid: number) => boolean,
): QueryMatch {
  const match = isLongQuery(text) ? matchLong(source, text, size) : matchBlended(source, parsed, size, passes);
  favourLeadingSectors(columns, match, passes);
  return match;
}

/** A short query: the words as typed, their phrases, spellings, typos and synonyms (see plan.ts). */
function matchShort(
  parsed: ParsedQuery,
  size: number,
  passes: (rowid: number) => boolean,
  context: PlanContext,
): QueryMatch {
  const plan = planQuery(context, parsed);
  const scores = scorePlan(context, plan, size, passes, RELATIVE_CUTOFF);
  return {
    candidates: scores.candidates,
    score: scores.score,
    terms: plan.terms,
    termsOf: (rowid) => termsForDocument(plan, scores, rowid),
    offerCorrection:
      plan.units.some((unit) => unit.misspelt) || plan.syllables.some((syllable) => syllable.alternatives.length === 0),
    cutoff: RELATIVE_CUTOFF,
    readAs: plan.syllables
      .map((syllable) =>
        syllable.misspelt ? syllable.readings[0]?.folded ?? syllable.token.exact : syllable.token.exact,
      )
      .join(" "),
  };
}

/**
 * The sectors of the best few matches say what the query is about: other
 * matches in those sectors rise a little ("trợ cấp xã hội" finds the other
 * social-welfare offers that say it differently), and those outside them
 * do not.
 */
function favourLeadingSectors(columns: FacetColumns, match: QueryMatch, canLead: (rowid: number) => boolean) {
  const field = FIELD_INDEX.sector;
  const stride = columns.strides[field]!;
  const column = columns.codes[field]!;
  const sectorsOf = (rowid: number) => {
    const codes: number[] = [];
    for (let k = rowid * stride; k < rowid * stride + stride && column[k]! >= 0; k++) codes.push(column[k]!);
    return codes;
  };
  const shares = leadingSectorShares(match.candidates, (rowid) => match.score[rowid]!, sectorsOf, canLead);
  if (shares.size === 0) return;
  // The same rule as sectorFeedback, applied in place over typed arrays: a
  // common word's candidates are most of a large index, and a list of codes
  // and a map entry per candidate were a tenth of the query time at 100,000.
  const shareByCode = new Float64Array(Math.max(...shares.keys()) + 1);
  for (const [code, share] of shares) shareByCode[code] = share;
  const { score } = match;
  for (const rowid of match.candidates) {
    const current = score[rowid]!;
    if (current <= 0) continue;
    let share = 0;
    for (let k = rowid * stride, end = k + stride; k < end; k++) {
      const code = column[k]!;
      if (code < 0) break;
      if (code < shareByCode.length) share = Math.max(share, shareByCode[code]!);
    }
    if (share > 0) score[rowid] = liftedBySector(current, share);
  }
}

/**
 * A few words typed: the plan's reading (exact spellings, phrases), blended
 * with matching's reading of the same words (pairs, glossary, solution
 * hints), which finds offers that say the same thing differently.
 */
function matchBlended(
  source: ScoringSource,
  parsed: ParsedQuery,
  size: number,
  passes: (rowid: number) => boolean,
): QueryMatch {
  const context = source.planContext();
  const short = matchShort(parsed, size, passes, context);
  if (parsed.words.length < BLEND_MIN_WORDS || parsed.clauses.some((clause) => clause.phrase)) return short;
  // Typos read as the words they stand for, as the plan read them; the
  // phrases the plan already looked up are not looked up again.
  const long = matchLong(source, short.readAs, size, context.seen);
  const score = new Float32Array(size);
  const seen = new Uint8Array(size);
  const candidates: number[] = [];
  for (const rowid of [...short.candidates, ...long.candidates]) {
    if (seen[rowid] === 1) continue;
    seen[rowid] = 1;
    candidates.push(rowid);
    score[rowid] = blendedScore(short.score[rowid]!, long.score[rowid]!);
  }
  return {
    ...short,
    candidates,
    score,
    termsOf: (rowid) => (short.score[rowid]! > 0 ? short.termsOf(rowid) : long.termsOf(rowid)),
    terms: [...new Set([...short.terms, ...long.terms])],
  };
}

/**
 * A need typed in a sentence, read the way problem → offer matching reads
 * a problem (search/match/terms.ts: words, pairs, thesaurus, glossary and
 * solution hints), and scored like similar().
 */
function matchLong(
  source: ScoringSource,
  text: string,
  size: number,
  seen?: (fts: string) => RowSet | undefined,
): QueryMatch {
  const terms = needTerms(text, source.matchSynonyms);
  const found = termScores(source, terms, seen);
  const score = new Float32Array(size);
  let best = 0;
  for (const entry of found.values()) best = Math.max(best, entry.score);
  for (const [rowid, entry] of found) score[rowid] = best > 0 ? entry.score / best : 0;
  return {
    candidates: [...found.keys()],
    score,
    terms: [...new Set(terms.map((term) => term.words.join(" ")))],
    termsOf: (rowid) => found.get(rowid)?.matched ?? [],
    offerCorrection: false,
    cutoff: LONG_RELATIVE_CUTOFF,
    readAs: text,
  };
}

/**
 * Documents holding the terms, each scored by the terms' rarity (bm25's
 * idf) times their weight. Terms held by too many documents say little and
 * cost the most; they are left out.
 */
export function termScores(
  source: ScoringSource,
  terms: readonly { words: string[]; weight: number }[],
  seen?: (fts: string) => RowSet | undefined,
): Map<number, { score: number; matched: string[] }> {
  const vocabulary = source.vocabulary;
  // A term in more than this many documents says little about likeness
  // and costs the most to look up.
  const size = source.documents;
  const commonLimit = Math.max(SIMILAR_COMMON_FLOOR, size * SIMILAR_COMMON_SHARE);
  const phraseCostLimit = Math.max(SIMILAR_COMMON_FLOOR, size * SIMILAR_PHRASE_COST_SHARE);
  const scores = new Map<number, { score: number; matched: string[] }>();
  const seenTerms = new Set<string>();
  for (const term of terms) {
    const words = term.words.filter(Boolean);
    const key = words.join(" ");
    if (words.length === 0 || seenTerms.has(key)) continue;
    seenTerms.add(key);
    if (words.some((word) => vocabulary.frequency(word) === 0)) continue;
    if (words.length === 1 && vocabulary.frequency(words[0]!) > commonLimit) continue;
    if (words.length > 1 && words.reduce((sum, word) => sum + vocabulary.frequency(word), 0) > phraseCostLimit)
      continue;
    const fts = foldedPhraseFts(vocabulary, words);
    if (!fts) continue;
    // Stops reading once the term proves too common: a phrase of two
    // everyday words ("phần mềm", 35,000 documents) otherwise costs a full
    // walk of both position lists only to be dropped.
    const known = seen?.(fts);
    const rows = known
      ? known.size > commonLimit
        ? []
        : rowList(known)
      : source.matchRowidsUpTo(fts, commonLimit + 1);
    if (known && known.size > commonLimit) continue;
    if (rows.length === 0 || rows.length > commonLimit) continue;
    // Rarity (bm25's idf) times the term's weight. Per-row bm25 cost a
    // second query per term, most of the time on large indexes, and ranked
    // no better (matching dev set, text alone: 0.670 with it, 0.680 without).
    const rarity = Math.log(1 + (size - rows.length + 0.5) / (rows.length + 0.5)) * term.weight;
    for (const rowid of rows) {
      const entry = scores.get(rowid);
      if (entry) {
        entry.score += rarity;
        entry.matched.push(key);
      } else scores.set(rowid, { score: rarity, matched: [key] });
    }
  }
  return scores;
}
