// Turns what a person typed into clauses an engine can match. Nothing typed
// ever reaches an engine's query syntax: only the words are kept, so
// `" OR 1=1`, `NEAR(` or `*` are just (mostly empty) text.
import { isStopWord, keyHasMarks, tokenize, type Token } from "./text.ts";
import type { SynonymGroups } from "./types.ts";

/** Meilisearch also only considers the first ten words. */
export const MAX_QUERY_WORDS = 10;

export interface QueryClause {
  /** The query words this clause covers, in order. */
  words: Token[];
  /** Quoted by the user: the words must be adjacent. */
  phrase: boolean;
  /** The last word typed may be unfinished (search as you type). */
  prefix: boolean;
  /** Other ways to say the same thing: folded word lists, matched as phrases. */
  synonyms: string[][];
  /** The same synonyms as written (keys, see toneKey), in the same order, when known. */
  synonymKeys?: string[][];
}

export interface ParsedQuery {
  clauses: QueryClause[];
  /** Every meaningful word, in order. */
  words: Token[];
  /**
   * Typed with Vietnamese diacritics somewhere: then every word means its
   * exact spelling first ("giao" is not "giáo"), and other spellings only
   * come after.
   */
  toned: boolean;
}

/** Whether a person typed diacritics (not just foreign accents such as "café"). */
export function isToned(tokens: readonly Token[]): boolean {
  return tokens.some((token) => keyHasMarks(token.key));
}

export interface SynonymIndex {
  /** Folded first word → phrases (folded word lists, and their keys: see toneKey) and their group. */
  byFirstWord: Map<string, { words: string[]; keys?: string[]; group: number }[]>;
  groups: string[][][];
  /** The groups' phrases as written (keys), when the index was built from written text. */
  keyGroups?: string[][][];
}

export function buildSynonymIndex(groups: SynonymGroups): SynonymIndex {
  const index: SynonymIndex = { byFirstWord: new Map(), groups: [], keyGroups: [] };
  for (const group of groups) {
    const tokenised = group.map((phrase) => tokenize(phrase)).filter((tokens) => tokens.length > 0);
    const phrases = tokenised.map((tokens) => tokens.map((token) => token.folded));
    if (phrases.length < 2) continue;
    const groupNumber = index.groups.length;
    index.groups.push(phrases);
    index.keyGroups!.push(tokenised.map((tokens) => tokens.map((token) => token.key)));
    for (const [position, words] of phrases.entries()) {
      const first = words[0]!;
      const list = index.byFirstWord.get(first) ?? [];
      list.push({ words, keys: tokenised[position]!.map((token) => token.key), group: groupNumber });
      // Longest phrase first, so "trí tuệ nhân tạo" wins over "trí tuệ".
      list.sort((a, b) => b.words.length - a.words.length);
      index.byFirstWord.set(first, list);
    }
  }
  return index;
}

export const EMPTY_SYNONYMS: SynonymIndex = { byFirstWord: new Map(), groups: [] };

interface Piece {
  tokens: Token[];
  quoted: boolean;
}

function splitQuoted(text: string): Piece[] {
  const normalised = text.normalize("NFC").replace(/[“”„]/g, '"');
  const parts = normalised.split('"');
  // An odd number of quotes leaves the last one unbalanced: it is ignored.
  const balancedParts = parts.length % 2 === 1 ? parts : [...parts.slice(0, -2), parts.slice(-2).join(" ")];
  return balancedParts.map((part, index) => ({ tokens: tokenize(part), quoted: index % 2 === 1 }));
}

/**
 * The thesaurus phrase starting at `start`, if any. In a query typed with
 * diacritics they must agree: "bảo" (protect) is not "bão" (storm).
 */
function synonymsAt(words: Token[], start: number, index: SynonymIndex, toned: boolean) {
  const candidates = index.byFirstWord.get(words[start]!.folded) ?? [];
  for (const candidate of candidates) {
    const span = candidate.words;
    if (start + span.length > words.length) continue;
    const same = (offset: number) =>
      toned && candidate.keys
        ? words[start + offset]!.key === candidate.keys[offset]
        : words[start + offset]!.folded === span[offset];
    if (span.every((_, offset) => same(offset))) {
      const keep = index.groups[candidate.group]!.map((phrase) => phrase.join(" ") !== span.join(" "));
      const others = index.groups[candidate.group]!.filter((_, position) => keep[position]);
      const otherKeys = index.keyGroups?.[candidate.group]?.filter((_, position) => keep[position]);
      return { length: span.length, others, otherKeys };
    }
  }
  return null;
}

/** The other phrases of the thesaurus group a folded phrase belongs to (for a typo read as a known word). */
export function synonymsOfPhrase(words: readonly string[], index: SynonymIndex): string[][] {
  const candidate = (index.byFirstWord.get(words[0] ?? "") ?? []).find(
    (entry) => entry.words.join(" ") === words.join(" "),
  );
  if (!candidate) return [];
  return index.groups[candidate.group]!.filter((phrase) => phrase.join(" ") !== words.join(" "));
}

export function parseQuery(text: string, synonyms: SynonymIndex = EMPTY_SYNONYMS): ParsedQuery {
  const pieces = splitQuoted(text);
  const clauses: QueryClause[] = [];
  let wordCount = 0;
  const hasMeaningfulWord = pieces.some((piece) => piece.quoted || piece.tokens.some((token) => !isStopWord(token)));
  const toned = isToned(pieces.flatMap((piece) => piece.tokens));

  for (const piece of pieces) {
    if (wordCount >= MAX_QUERY_WORDS) break;
    const tokens = piece.tokens.slice(0, MAX_QUERY_WORDS - wordCount);
    if (tokens.length === 0) continue;
    if (piece.quoted) {
      clauses.push({ words: tokens, phrase: tokens.length > 1, prefix: false, synonyms: [] });
      wordCount += tokens.length;
      continue;
    }
    for (let i = 0; i < tokens.length; ) {
      const synonym = synonymsAt(tokens, i, synonyms, toned);
      if (synonym) {
        clauses.push({
          words: tokens.slice(i, i + synonym.length),
          phrase: false,
          prefix: false,
          synonyms: synonym.others,
          synonymKeys: synonym.otherKeys,
        });
        i += synonym.length;
        continue;
      }
      const token = tokens[i]!;
      i += 1;
      if (hasMeaningfulWord && isStopWord(token)) continue;
      clauses.push({ words: [token], phrase: false, prefix: false, synonyms: [] });
    }
    wordCount += tokens.length;
  }

  // Only the very last thing typed can be unfinished, and only if it was not
  // closed by a quote or followed by a space.
  const last = clauses.at(-1);
  const lastPiece = pieces.at(-1);
  const endsOpen = !/[\s"”]$/u.test(text) && lastPiece !== undefined && !lastPiece.quoted;
  if (last && endsOpen && last.words.length === 1 && last.synonyms.length === 0) last.prefix = true;

  return { clauses, words: clauses.flatMap((clause) => clause.words), toned };
}
