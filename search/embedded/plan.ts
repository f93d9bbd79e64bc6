// What a short query asks for, as the embedded engine matches it. Vietnamese
// writes words as syllables ("giao thông" is one word, traffic), so the query
// is first cut into units: quoted phrases, thesaurus and glossary phrases,
// and neighbouring syllables the index mostly holds side by side. Each unit
// has the ways a document can hold it and how well: the exact spelling typed,
// other diacritics, the nearest spellings of a typo, a synonym in either
// language, or, weakly, its syllables scattered. A document's score is the
// share of the query's information it holds (rarity-weighted), and the
// engine shows only documents scoring near the best one.
import { isVietnameseSyllable } from "../match/terms.ts";
import { synonymsOfPhrase, type ParsedQuery, type QueryClause, type SynonymIndex } from "../query.ts";
import { typosBetween, type Token } from "../text.ts";
import {
  COLLOCATION_MIN_DOCUMENTS,
  COLLOCATION_SHARE,
  COMMON_SHARE,
  EXACT_QUALITY,
  FOLDED_FALLBACK_BELOW,
  FOLDED_QUALITY,
  MIN_WORD_WEIGHT_SHARE,
  PARTIAL_QUALITY,
  PREFIX_QUALITY,
  SCATTERED_FACTOR,
  SHORT_PREFIX,
  SHORT_PREFIX_COMPLETIONS,
  SYNONYM_QUALITY,
  TYPO_EXPANSIONS,
  TYPO_QUALITY,
  TYPO_SHARE_WEIGHT,
} from "../tuning/search.ts";
import { exactPhraseFts, exactWordFts, foldedPhraseFts, foldedWordFts, quote } from "./expressions.ts";
import { forEachRow, type RowSet } from "./row-sets.ts";
import type { Vocabulary } from "./vocabulary.ts";

export interface PlanContext {
  vocabulary: Vocabulary;
  rowsOf(fts: string): RowSet;
  documents: number;
  /** One-word thesaurus phrases → every phrase of their group: a misspelt "hospitl" still brings "bệnh viện". */
  synonymWords: ReadonlyMap<string, string[][]>;
  synonyms: SynonymIndex;
}

/**
 * Highlight terms: space-separated parts, each "=key" (that exact spelling),
 * a folded word (any spelling) or a folded prefix ending in "*". Several
 * parts are a phrase: only adjacent words are marked.
 */
export type HighlightTerm = string;

export interface Alternative {
  fts: string;
  quality: number;
  terms: HighlightTerm[];
}

/** One typed word (syllable) and the ways a document can hold it on its own. */
interface Syllable {
  token: Token;
  alternatives: Alternative[];
  /** Folded spellings that stand for it in phrases: itself, or its typo candidates. */
  readings: { folded: string; key: string | null; quality: number }[];
  misspelt: boolean;
  prefix: boolean;
}

export interface Unit {
  /** Syllables of the unit, in order (indexes into Plan.syllables). */
  from: number;
  to: number;
  /** Ways to hold the whole unit: its syllables side by side, a synonym, a glued spelling. */
  alternatives: Alternative[];
  weight: number;
  /** Quoted: documents without it are not results. */
  required: boolean;
  misspelt: boolean;
}

export interface Plan {
  syllables: Syllable[];
  units: Unit[];
  /** Inside units of three or more syllables: each neighbouring pair held side by side ("tiết kiệm" | "năng lượng"). */
  pairs: { left: number; fts: string }[];
  /** Every expression, for bm25. */
  anyFts: string;
  terms: HighlightTerm[];
}

const exactTerm = (token: Token) => `=${token.key}`;

function rows(context: PlanContext, alternative: Alternative): RowSet {
  return context.rowsOf(alternative.fts);
}

/** Ways one typed word can be held on its own, best first. */
function readSyllable(context: PlanContext, token: Token, prefix: boolean, toned: boolean): Syllable {
  const { vocabulary } = context;
  const word = token.folded;
  const alternatives: Alternative[] = [];
  const readings: Syllable["readings"] = [];
  const exact = toned ? exactWordFts(vocabulary, token.key) : null;
  if (exact) alternatives.push({ fts: exact, quality: EXACT_QUALITY, terms: [exactTerm(token)] });
  const folded = foldedWordFts(vocabulary, word);
  if (folded) {
    // Other spellings only where the exact one runs out.
    if (!exact || vocabulary.exactFrequency(token.key) < FOLDED_FALLBACK_BELOW) {
      alternatives.push({ fts: folded, quality: toned ? FOLDED_QUALITY : EXACT_QUALITY, terms: [word] });
    }
    readings.push({ folded: word, key: toned ? token.key : null, quality: EXACT_QUALITY });
  }
  // A whole word most documents hold ("so", "công") was finished, not
  // started: its completions would bring the whole index for nothing.
  const common = vocabulary.frequency(word) >= context.documents * COMMON_SHARE;
  if (prefix && !common) {
    // Search as you type: the last word may be unfinished. Its completions
    // count a little less than the word itself, so "tầng" typed in full
    // still means "tầng" first.
    if (word.length < SHORT_PREFIX) {
      // One letter would match most of the index; its most common completions
      // keep search-as-you-type useful and fast.
      for (const completion of vocabulary.completions(word, SHORT_PREFIX_COMPLETIONS)) {
        const fts = foldedWordFts(vocabulary, completion);
        if (fts && completion !== word) alternatives.push({ fts, quality: PREFIX_QUALITY, terms: [completion] });
      }
    } else if (vocabulary.hasPrefix(word)) {
      // Keys start with the folded word, so a folded prefix finds every spelling.
      alternatives.push({ fts: `${quote(word)} *`, quality: PREFIX_QUALITY, terms: [`${word}*`] });
    }
  }
  // A word the thesaurus or glossary knows is a word in the other language
  // ("parking" → "đỗ xe"), not a typo: read as its nearest spelling it
  // became another word ("packing") and brought its documents instead.
  const known = (prefix ? vocabulary.hasPrefix(word) : vocabulary.has(word)) || context.synonymWords.has(word);
  if (!known) {
    // The few nearest words, the most common weighing most: a typo fixes
    // the word, it does not turn it into half the vocabulary.
    const candidates = vocabulary.withinTypos(word, TYPO_EXPANSIONS);
    const most = Math.max(1, ...candidates.map(([candidate]) => vocabulary.frequency(candidate)));
    for (const [candidate] of candidates) {
      const fts = foldedWordFts(vocabulary, candidate);
      const quality =
        TYPO_QUALITY * (1 - TYPO_SHARE_WEIGHT + (TYPO_SHARE_WEIGHT * vocabulary.frequency(candidate)) / most);
      if (!fts) continue;
      alternatives.push({ fts, quality, terms: [candidate] });
      readings.push({ folded: candidate, key: null, quality });
    }
    const nearestInIndex = candidates[0]?.[1] ?? Infinity;
    for (const [candidate, phrases] of context.synonymWords) {
      const typos = candidate === word ? null : typosBetween(word, candidate);
      if (typos === null) continue;
      // Read as the thesaurus word when no word of the index is nearer
      // ("warehose" → "warehouse"): matching's reading of the query then
      // starts from the word meant, not from every offer saying "management".
      if (typos <= nearestInIndex)
        readings.unshift({ folded: candidate, key: null, quality: TYPO_QUALITY * SYNONYM_QUALITY });
      for (const phrase of phrases) {
        const fts = foldedPhraseFts(vocabulary, phrase);
        if (fts && !alternatives.some((alternative) => alternative.fts === fts)) {
          alternatives.push({ fts, quality: TYPO_QUALITY * SYNONYM_QUALITY, terms: [phrase.join(" ")] });
        }
      }
    }
  }
  return { token, alternatives, readings, misspelt: !known && alternatives.length > 0, prefix };
}

/** Syllables side by side, exactly as typed and in any spelling (or their typo readings). */
function adjacentAlternatives(context: PlanContext, syllables: readonly Syllable[], toned: boolean): Alternative[] {
  const { vocabulary } = context;
  const tokens = syllables.map((syllable) => syllable.token);
  const alternatives: Alternative[] = [];
  const exact = toned
    ? exactPhraseFts(
        vocabulary,
        tokens.map((token) => token.key),
      )
    : null;
  if (exact) alternatives.push({ fts: exact, quality: EXACT_QUALITY, terms: [tokens.map(exactTerm).join(" ")] });
  // Other spellings only where the exact phrase runs out: on a large index
  // they would only rank below documents enough to fill every page.
  const exactRows = exact ? context.rowsOf(exact).size : 0;
  // Every combination of readings (one per typo candidate), best first.
  let combinations: { words: string[]; quality: number }[] = [{ words: [], quality: 1 }];
  for (const syllable of syllables) {
    combinations = combinations.flatMap((combination) =>
      syllable.readings.map((reading) => ({
        words: [...combination.words, reading.folded],
        quality: Math.min(combination.quality, reading.quality),
      })),
    );
  }
  for (const combination of combinations.slice(0, TYPO_EXPANSIONS * 2)) {
    if (combination.quality >= 1 && exactRows >= FOLDED_FALLBACK_BELOW) continue;
    const fts = foldedPhraseFts(vocabulary, combination.words);
    if (!fts) continue;
    const quality = combination.quality < 1 ? combination.quality : toned ? FOLDED_QUALITY : EXACT_QUALITY;
    alternatives.push({ fts, quality, terms: [combination.words.join(" ")] });
  }
  return alternatives;
}

/**
 * A thesaurus phrase is looked for as written: listings spell their words
 * properly, and every spelling of a common phrase ("điện tử") is the
 * costliest look-up a query can make on a large index.
 */
function synonymAlternatives(context: PlanContext, clause: QueryClause): Alternative[] {
  return clause.synonyms.flatMap((phrase, index) => {
    const keys = clause.synonymKeys?.[index];
    const fts = keys ? exactPhraseFts(context.vocabulary, keys) : foldedPhraseFts(context.vocabulary, phrase);
    return fts
      ? [{ fts, quality: SYNONYM_QUALITY, terms: [keys ? keys.map((key) => `=${key}`).join(" ") : phrase.join(" ")] }]
      : [];
  });
}

/**
 * How strongly two neighbouring syllables belong together, judged on the
 * index: the share of the documents holding the rarer one that hold the two
 * side by side. "giao thông" and "hệ thống" score high; "quản lý" + "bệnh"
 * does not. Null below the threshold.
 */
function collocation(context: PlanContext, left: Syllable, right: Syllable, toned: boolean): number | null {
  const { vocabulary } = context;
  const [a, b] = [left.readings[0], right.readings[0]];
  if (!a || !b) return null;
  const exact = toned && a.key && b.key ? exactPhraseFts(vocabulary, [a.key, b.key]) : null;
  const fts = exact ?? foldedPhraseFts(vocabulary, [a.folded, b.folded]);
  if (!fts) return null;
  const together = context.rowsOf(fts).size;
  const documents = (reading: typeof a) =>
    exact && reading.key ? vocabulary.exactFrequency(reading.key) : vocabulary.frequency(reading.folded);
  const share = together / Math.max(1, Math.min(documents(a), documents(b)));
  return together >= COLLOCATION_MIN_DOCUMENTS && share >= COLLOCATION_SHARE ? share : null;
}

/** Two words typed apart that the index holds as one ("cyber security" → "cybersecurity"). */
function gluedAlternative(context: PlanContext, left: Token, right: Token): Alternative | null {
  const joined = left.folded + right.folded;
  const fts = foldedWordFts(context.vocabulary, joined);
  return fts ? { fts, quality: EXACT_QUALITY, terms: [joined] } : null;
}

/** Documents holding the unit at all: for its rarity. */
function unitDocuments(context: PlanContext, unit: Omit<Unit, "weight">, syllables: readonly Syllable[]): number {
  let documents = 0;
  for (const alternative of unit.alternatives) documents = Math.max(documents, rows(context, alternative).size);
  if (documents === 0) {
    // Nothing holds it whole: as rare as its rarest syllable.
    documents = Infinity;
    for (let index = unit.from; index <= unit.to; index++) {
      for (const alternative of syllables[index]!.alternatives)
        documents = Math.min(documents, rows(context, alternative).size);
    }
    if (documents === Infinity) documents = 0;
  }
  return documents;
}

export function planQuery(context: PlanContext, parsed: ParsedQuery): Plan {
  let clauses = parsed.clauses;
  // A single letter still being typed after other words would match most of
  // the index; wait for the next letter.
  const last = clauses.at(-1);
  if (clauses.length > 1 && last?.prefix && last.words[0]!.folded.length < SHORT_PREFIX) clauses = clauses.slice(0, -1);
  const toned = parsed.toned;
  const syllables: Syllable[] = [];
  const units: Omit<Unit, "weight">[] = [];
  // Runs of single typed words, to be cut into compounds below.
  let run: { syllable: number; clause: QueryClause }[] = [];

  const closeRun = () => {
    let index = 0;
    const pairs: { at: number; strength: number; glued: Alternative | null }[] = [];
    for (let i = 0; i + 1 < run.length; i++) {
      const [left, right] = [syllables[run[i]!.syllable]!, syllables[run[i + 1]!.syllable]!];
      const glued = gluedAlternative(context, left.token, right.token);
      // Only Vietnamese syllables make compounds; English words are words.
      const vietnamese = [left, right].every((syllable) =>
        isVietnameseSyllable(syllable.readings[0]?.folded ?? syllable.token.folded),
      );
      // A misspelt word read as its nearest spelling may make a thesaurus
      // phrase with its neighbour ("tranport management"): typed right, the
      // parser would have kept the two together, so they stay together.
      const readAsPhrase =
        (left.misspelt || right.misspelt) &&
        synonymsOfPhrase(
          [left, right].map((syllable) => syllable.readings[0]?.folded ?? syllable.token.folded),
          context.synonyms,
        ).length > 0;
      const strength = glued || readAsPhrase ? Infinity : vietnamese ? collocation(context, left, right, toned) : null;
      if (strength !== null) pairs.push({ at: i, strength, glued });
    }
    // The strongest pairs first, none overlapping: "giao thông | công cộng".
    const paired = new Map<number, (typeof pairs)[number]>();
    for (const pair of pairs.sort((a, b) => b.strength - a.strength)) {
      if (paired.has(pair.at) || paired.has(pair.at + 1)) continue;
      paired.set(pair.at, pair).set(pair.at + 1, pair);
    }
    while (index < run.length) {
      const pair = paired.get(index);
      if (pair && pair.at === index) {
        const members = [syllables[run[index]!.syllable]!, syllables[run[index + 1]!.syllable]!];
        const alternatives = adjacentAlternatives(context, members, toned);
        if (pair.glued) alternatives.push(pair.glued);
        // Read through a typo, the pair may be a thesaurus phrase after all ("giao thongg").
        if (members.some((member) => member.misspelt)) {
          const read = members.map((member) => member.readings[0]?.folded ?? member.token.folded);
          alternatives.push(
            ...synonymAlternatives(context, {
              words: [],
              phrase: false,
              prefix: false,
              synonyms: synonymsOfPhrase(read, context.synonyms),
            }),
          );
        }
        units.push({
          from: run[index]!.syllable,
          to: run[index + 1]!.syllable,
          alternatives,
          required: false,
          misspelt: members.some((member) => member.misspelt),
        });
        index += 2;
        continue;
      }
      const { syllable, clause } = run[index]!;
      units.push({
        from: syllable,
        to: syllable,
        alternatives: [...syllables[syllable]!.alternatives, ...synonymAlternatives(context, clause)],
        required: false,
        misspelt: syllables[syllable]!.misspelt,
      });
      index += 1;
    }
    run = [];
  };

  for (const clause of clauses) {
    const from = syllables.length;
    for (const token of clause.words) syllables.push(readSyllable(context, token, clause.prefix, toned));
    if (clause.words.length === 1 && !clause.phrase) {
      run.push({ syllable: from, clause });
      continue;
    }
    closeRun();
    // A quoted phrase, or a thesaurus/glossary phrase: one unit, its words
    // matched side by side ("năng lượng tiết kiệm" still holds each word).
    const members = syllables.slice(from);
    units.push({
      from,
      to: syllables.length - 1,
      alternatives: [...adjacentAlternatives(context, members, toned), ...synonymAlternatives(context, clause)],
      required: clause.phrase,
      misspelt: members.some((member) => member.misspelt),
    });
  }
  closeRun();

  // Rarity as bm25's idf: a word most documents hold says little.
  const rarity = units.map((unit) => {
    const documents = unitDocuments(context, unit, syllables);
    return Math.log(1 + (context.documents - documents + 0.5) / (documents + 0.5));
  });
  const rarest = Math.max(0, ...rarity);
  const pairs: Plan["pairs"] = [];
  for (const unit of units) {
    if (unit.required || unit.to - unit.from < 2) continue;
    for (let left = unit.from; left < unit.to; left++) {
      const [a, b] = [syllables[left]!.token, syllables[left + 1]!.token];
      const fts = toned
        ? exactPhraseFts(context.vocabulary, [a.key, b.key])
        : foldedPhraseFts(context.vocabulary, [a.folded, b.folded]);
      if (fts) pairs.push({ left, fts });
    }
  }
  const weighted = units.map((unit, index) => ({
    ...unit,
    weight: Math.max(rarity[index]!, rarest * MIN_WORD_WEIGHT_SHARE, 1e-6),
  }));
  const all = [
    ...weighted.flatMap((unit) => unit.alternatives),
    ...syllables.flatMap((syllable) => syllable.alternatives),
  ];
  return {
    syllables,
    units: weighted,
    pairs,
    anyFts: all.length === 0 ? "" : `(${[...new Set(all.map((alternative) => alternative.fts))].join(" OR ")})`,
    terms: [...new Set(all.flatMap((alternative) => alternative.terms))],
  };
}

/** Per-document match of a plan: filled by scorePlan, read by the engine. */
export interface PlanScores {
  /** Rows anything matched. */
  candidates: number[];
  /** Match score in [0, 1] by rowid: Σ weight × quality / Σ weight. */
  score: Float32Array;
  /** Per unit, the best whole-unit alternative's index + 1 by rowid (0: held only scattered, or not at all). */
  unitChoice: Uint8Array[];
  /** Per syllable, the best alternative's index + 1 by rowid. */
  syllableChoice: Uint8Array[];
}

/** Best quality per rowid over some alternatives, and which one gave it. */
function bestOf(
  context: PlanContext,
  alternatives: readonly Alternative[],
  size: number,
  touch: (rowid: number) => void,
) {
  const quality = new Float32Array(size);
  const choice = new Uint8Array(size);
  alternatives.forEach((alternative, index) => {
    const visit = (value: number) => (rowid: number) => {
      if (value > quality[rowid]!) {
        quality[rowid] = value;
        choice[rowid] = index + 1;
      }
      touch(rowid);
    };
    forEachRow(rows(context, alternative), visit(alternative.quality));
  });
  return { quality, choice };
}

/**
 * Scores every document that can be a result. Only documents that could reach
 * the cut-off are candidates: one holding nothing but the lightest units (a
 * syllable most documents hold) or a compound's syllables scattered cannot,
 * once some document holds the heavier units. Reading their rows costs
 * little; carrying them through filters, facets and sorting is what costs on
 * a large index. If the best document turns out too weak for that argument,
 * every document is scored.
 */
export function scorePlan(
  context: PlanContext,
  plan: Plan,
  size: number,
  passes: (rowid: number) => boolean,
  cutoff: number,
): PlanScores {
  const totalWeight = plan.units.reduce((sum, unit) => sum + unit.weight, 0);
  const compound = (unit: Unit) => unit.to > unit.from && !unit.required;
  // The lightest units whose weight together stays under the cut-off.
  const light = new Set<number>();
  let lightShare = 0;
  for (const index of plan.units
    .map((_, index) => index)
    .sort((a, b) => plan.units[a]!.weight - plan.units[b]!.weight)) {
    const share = plan.units[index]!.weight / Math.max(totalWeight, 1e-9);
    if (lightShare + share >= cutoff || plan.units[index]!.required) break;
    lightShare += share;
    light.add(index);
  }
  // The most a document gets without holding a heavy unit whole or in pairs.
  const scatteredShare = plan.units.reduce(
    (sum, unit, index) =>
      sum + (!light.has(index) && compound(unit) ? (unit.weight * SCATTERED_FACTOR) / totalWeight : 0),
    0,
  );

  let candidates: number[] = [];
  let touched = new Uint8Array(size);
  const touch = (rowid: number) => {
    if (touched[rowid] === 0) {
      touched[rowid] = 1;
      candidates.push(rowid);
    }
  };
  const skip = () => {};
  const units = plan.units.map((unit, index) =>
    bestOf(context, unit.alternatives, size, light.has(index) ? skip : touch),
  );
  // Syllables on their own only count inside a compound (scattered); a
  // one-syllable unit already holds its syllable's alternatives.
  const inCompound = new Set(plan.units.filter(compound).flatMap((unit) => range(unit.from, unit.to)));
  const syllables = plan.syllables.map((syllable, index) =>
    inCompound.has(index)
      ? bestOf(context, syllable.alternatives, size, skip)
      : { quality: null, choice: new Uint8Array(0) },
  );
  // Syllables of long units held next to a neighbour of the unit.
  const beside = plan.syllables.map(() => null as Uint8Array | null);
  const heavyPair = new Set(
    plan.units.filter((unit, index) => !light.has(index)).flatMap((unit) => range(unit.from, unit.to)),
  );
  for (const pair of plan.pairs) {
    forEachRow(context.rowsOf(pair.fts), (rowid) => {
      (beside[pair.left] ??= new Uint8Array(size))[rowid] = 1;
      (beside[pair.left + 1] ??= new Uint8Array(size))[rowid] = 1;
      if (heavyPair.has(pair.left)) touch(rowid);
    });
  }
  const score = new Float32Array(size);
  const scoreOf = (rowid: number) => {
    let sum = 0;
    let complete = true;
    plan.units.forEach((unit, index) => {
      let quality = units[index]!.quality[rowid]!;
      if (compound(unit)) {
        // Its syllables apart: other words sharing a syllable, mostly; but
        // part of a long phrase held together ("năng lượng tiết kiệm" for
        // "tiết kiệm năng lượng") still counts for those syllables.
        let held = 0;
        for (let syllable = unit.from; syllable <= unit.to; syllable++) {
          held += syllables[syllable]!.quality![rowid]! * (beside[syllable]?.[rowid] === 1 ? 1 : SCATTERED_FACTOR);
        }
        quality = Math.max(quality, Math.min(PARTIAL_QUALITY, held / (unit.to - unit.from + 1)));
      }
      if (quality === 0 && unit.required) complete = false;
      sum += unit.weight * quality;
    });
    return complete && totalWeight > 0 ? sum / totalWeight : 0;
  };
  let best = 0;
  for (const rowid of candidates) {
    score[rowid] = scoreOf(rowid);
    if (score[rowid]! > best && passes(rowid)) best = score[rowid]!;
  }
  if (lightShare + scatteredShare >= cutoff * best) {
    // Too weak a best for the shortcut: everything that matched anything.
    const all: number[] = [];
    touched = new Uint8Array(size);
    candidates = all;
    const every = (alternatives: readonly Alternative[]) =>
      alternatives.forEach((alternative) => forEachRow(rows(context, alternative), touch));
    plan.units.forEach((unit) => every(unit.alternatives));
    plan.syllables.forEach((syllable, index) => inCompound.has(index) && every(syllable.alternatives));
    for (const rowid of candidates) score[rowid] = scoreOf(rowid);
  }
  return {
    candidates,
    score,
    unitChoice: units.map((unit) => unit.choice),
    syllableChoice: syllables.map((syllable) => syllable.choice),
  };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

/** What to mark in one document: each unit as held whole, or the syllables it holds apart. */
export function termsForDocument(plan: Plan, scores: PlanScores, rowid: number): HighlightTerm[] {
  const terms = new Set<HighlightTerm>();
  plan.units.forEach((unit, index) => {
    const choice = scores.unitChoice[index]![rowid]!;
    if (choice > 0) {
      for (const term of unit.alternatives[choice - 1]!.terms) terms.add(term);
      return;
    }
    for (const syllable of range(unit.from, unit.to)) {
      const syllableChoice = scores.syllableChoice[syllable]![rowid] ?? 0;
      if (syllableChoice > 0)
        for (const term of plan.syllables[syllable]!.alternatives[syllableChoice - 1]!.terms) terms.add(term);
    }
  });
  return [...terms];
}
