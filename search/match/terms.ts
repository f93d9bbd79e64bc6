// Turns a problem's (or an offer's) text into the weighted terms a "more like
// this" query looks for. Vietnamese words are syllables, so single words say
// little ("giao" is in both "giao thông" and "giao thương"): adjacent pairs
// are added as phrases, and thesaurus phrases found in the text bring in their
// other wordings in both languages, which is what lets "ùn tắc" find an
// English offer about "congestion".
import type { SynonymIndex } from "../query.ts";
import { isStopWord, tokenize, type Token } from "../text.ts";
import { DEFAULT_TERM_WEIGHTS, type TermWeights } from "../tuning/matching.ts";
import type { WeightedTerm } from "../types.ts";

export type { TermWeights };

export interface MatchText {
  title: string;
  body: string;
}

/**
 * The diacritics of a word wherever the tone mark sits ("hoá" = "hóa"), so
 * that "thông" and "thương", or "bão" (storm), "bảo" and "báo" stay apart
 * once folded.
 */
export function markSignature(word: string): string {
  const marks = word.normalize("NFD").match(/\p{M}/gu) ?? [];
  return (/[đĐ]/.test(word) ? "đ" : "") + [...marks].sort().join("");
}

/**
 * A thesaurus index that also remembers how each phrase is spelled. With it,
 * a word written with diacritics only matches a phrase word with the same
 * ones (text without diacritics still matches anything). A one-syllable
 * Vietnamese wording sent on its own is folded and so still finds
 * look-alikes; `loneSynonym` weighs it (dropping it costs English needs
 * their only way to "nước").
 */
export interface MatchSynonymIndex extends SynonymIndex {
  /** group → phrase → one mark signature per word. */
  marks: string[][][];
}

export function buildMatchSynonyms(groups: readonly (readonly string[])[], minPhrases = 2): MatchSynonymIndex {
  const index: MatchSynonymIndex = { byFirstWord: new Map(), groups: [], marks: [] };
  for (const group of groups) {
    const phrases = group.map((phrase) => tokenize(phrase)).filter((tokens) => tokens.length > 0);
    if (phrases.length < minPhrases) continue;
    const groupNumber = index.groups.length;
    index.groups.push(phrases.map((tokens) => tokens.map((token) => token.folded)));
    index.marks.push(
      phrases.map((tokens) => tokens.map((token) => (token.exact === token.folded ? "" : markSignature(token.exact)))),
    );
    for (const [phrase, tokens] of phrases.entries()) {
      const words = tokens.map((token) => token.folded);
      const list = index.byFirstWord.get(words[0]!) ?? [];
      list.push({ words, group: groupNumber, phrase } as { words: string[]; group: number });
      list.sort((a, b) => b.words.length - a.words.length);
      index.byFirstWord.set(words[0]!, list);
    }
  }
  return index;
}

/** Problem words (found with the spelling check) → solution wordings (folded words). */
export interface HintIndex {
  triggers: MatchSynonymIndex;
  solutions: string[][][];
}

export function buildHints(hints: readonly (readonly [readonly string[], readonly string[]])[]): HintIndex {
  const usable = hints.filter(([triggers, solutions]) => triggers.length > 0 && solutions.length > 0);
  return {
    triggers: buildMatchSynonyms(
      usable.map(([triggers]) => triggers),
      1,
    ),
    solutions: usable.map(([, solutions]) =>
      solutions.map((phrase) => tokenize(phrase).map((token) => token.folded)).filter((words) => words.length > 0),
    ),
  };
}

const marksOf = (index: SynonymIndex) => ("marks" in index ? (index as MatchSynonymIndex).marks : null);

/**
 * The longest thesaurus phrase starting at `start`, and every group holding it.
 * In a text `toned` (written with diacritics somewhere), a word without any is
 * taken as spelled: "xa" (far) in "từ xa" is not "xã" (commune). Only inside
 * a longer phrase whose other words carry their marks may it stand for a
 * marked word, as a forgotten mark: "báo chay" is "báo cháy" (fire alarm).
 */
export function thesaurusAt(
  tokens: readonly Token[],
  start: number,
  index: SynonymIndex,
  toned = false,
): { length: number; groups: number[] } | null {
  let found: { length: number; groups: number[] } | null = null;
  const marks = marksOf(index);
  const marked = (offset: number) => tokens[start + offset]!.exact !== tokens[start + offset]!.folded;
  for (const candidate of index.byFirstWord.get(tokens[start]!.folded) ?? []) {
    const span = candidate.words;
    if (found && span.length < found.length) break;
    if (start + span.length > tokens.length) continue;
    if (!span.every((word, offset) => tokens[start + offset]!.folded === word)) continue;
    const spelled = marks?.[candidate.group]?.[(candidate as { phrase?: number }).phrase ?? -1];
    const unmarkedMayBeTypo = !toned || (span.length > 1 && span.some((_, offset) => marked(offset)));
    if (
      spelled &&
      !span.every((_, offset) => {
        const token = tokens[start + offset]!;
        return (unmarkedMayBeTypo && !marked(offset)) || markSignature(token.exact) === spelled[offset];
      })
    )
      continue;
    if (found) found.groups.push(candidate.group);
    else found = { length: span.length, groups: [candidate.group] };
  }
  return found;
}

// English plurals and singulars find each other ("leaks" ↔ "leak"); the
// engine indexes words as written. Vietnamese has no inflection.
export function englishVariant(word: string): string | null {
  if (!/^[a-z]{4,}$/.test(word)) return null;
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) return null;
  if (word.endsWith("s")) return word.slice(0, -1);
  if (word.endsWith("y") && !/[aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return /(sh|ch|x|z)$/.test(word) ? `${word}es` : `${word}s`;
}

// Onset, vowels, final: the shape of one Vietnamese syllable once folded.
// Loanwords and English ("camera", "blockchain", "GPS") do not fit it.
const SYLLABLE = /^(ngh|ng|gh|gi|kh|ph|th|tr|ch|nh|qu|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(ch|nh|ng|c|m|n|p|t)?$/;

export function isVietnameseSyllable(folded: string): boolean {
  return SYLLABLE.test(folded);
}

// "AI", "IoT", "PCCC": capitals say it is a name, not the syllable "ai".
const isAcronym = (written: string) => written.length >= 2 && /\p{Lu}.*\p{Lu}/u.test(written);

/**
 * Weighted terms for a text. A word's weight grows with how often it occurs,
 * but only logarithmically: a description repeating "hệ thống" ten times is
 * not ten times about it.
 */
export function matchTerms(
  text: MatchText,
  synonyms: SynonymIndex,
  weights: TermWeights = DEFAULT_TERM_WEIGHTS,
  hints: HintIndex | null = null,
): WeightedTerm[] {
  const raw = new Map<string, number>();
  const add = (words: string[], weight: number) => {
    const key = words.join(" ");
    raw.set(key, (raw.get(key) ?? 0) + weight);
  };
  for (const [part, weight] of [
    [text.title, weights.title],
    [text.body, weights.body],
  ] as const) {
    const tokens = tokenize(part);
    const vietnamese = tokens.some((token) => token.exact !== token.folded);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const stop = isStopWord(token);
      if (!stop && token.folded.length > 1 && !/^\d+$/.test(token.folded)) {
        // A Vietnamese syllable alone means little ("giao": traffic or
        // trade?) and is in a large share of documents, which is what makes
        // a query slow; its pairs carry the meaning.
        const syllable =
          vietnamese && isVietnameseSyllable(token.folded) && !isAcronym(part.slice(token.start, token.end));
        const single = syllable ? weights.syllable : 1;
        if (single > 0) add([token.folded], weight * single);
        const variant = englishVariant(token.folded);
        if (variant) add([variant], weight * weights.variant);
      }
      const next = tokens[i + 1];
      if (!stop && next && !isStopWord(next)) add([token.folded, next.folded], weight * weights.bigram);
      const hinted = hints && weights.hint > 0 ? thesaurusAt(tokens, i, hints.triggers, vietnamese) : null;
      if (hinted)
        for (const group of hinted.groups)
          for (const solution of hints!.solutions[group]!) add(solution, weight * weights.hint);
      const phrase = thesaurusAt(tokens, i, synonyms, vietnamese);
      if (phrase) {
        const marks = marksOf(synonyms);
        for (const group of phrase.groups) {
          synonyms.groups[group]!.forEach((other, index) => {
            const lone = marks !== null && other.length === 1 && Boolean(marks[group]?.[index]?.[0]);
            if (lone && weights.loneSynonym <= 0) return;
            add(other, weight * weights.synonym * (lone ? weights.loneSynonym : 1));
          });
        }
      }
    }
  }
  // Repetition counts logarithmically: 1 → 1, 2 → 1.5, 4 → 2 (in units of the first occurrence).
  const terms = [...raw].map(([key, total]) => ({
    words: key.split(" "),
    weight: total > 0 ? Math.log2(1 + total) : 0,
  }));
  return terms
    .sort((a, b) => b.weight - a.weight || a.words.join(" ").localeCompare(b.words.join(" ")))
    .slice(0, weights.maxTerms);
}

/** Folded content words of a text, for comparing two texts cheaply. */
export function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (isStopWord(token) || token.folded.length < 2) continue;
    words.add(token.folded);
    const next = tokens[i + 1];
    if (next && !isStopWord(next)) words.add(`${token.folded} ${next.folded}`);
  }
  return words;
}

/** Overlap of two word sets, 0..1 (cosine of binary vectors). */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const word of small) if (large.has(word)) shared++;
  return shared / Math.sqrt(a.size * b.size);
}
