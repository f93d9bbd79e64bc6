// FTS5 expressions over the index's keys (see toneKey in search/text.ts). The
// index holds each word as a key that keeps its diacritics, so an exact match
// is one key and a match "whatever the diacritics" is every key the
// vocabulary holds for the folded word.
import { PHRASE_SPELLINGS_MAX } from "../tuning/search.ts";
import { KEY_MARKS_SEPARATOR } from "../text.ts";
import type { Vocabulary } from "./vocabulary.ts";

export const quote = (word: string) => `"${word}"`;

const anyOf = (expressions: string[]) => (expressions.length === 1 ? expressions[0]! : `(${expressions.join(" OR ")})`);

/** One folded word in any spelling; null when the index has none. */
export function foldedWordFts(vocabulary: Vocabulary, word: string): string | null {
  const spellings = vocabulary.spellings(word);
  return spellings.length === 0 ? null : anyOf(spellings.map(quote));
}

/** One key, exactly; null when the index does not hold it. */
export function exactWordFts(vocabulary: Vocabulary, key: string): string | null {
  return vocabulary.exactFrequency(key) > 0 ? quote(key) : null;
}

/** Adjacent keys, exactly. */
export function exactPhraseFts(vocabulary: Vocabulary, keys: readonly string[]): string | null {
  if (keys.length === 1) return exactWordFts(vocabulary, keys[0]!);
  return keys.every((key) => vocabulary.exactFrequency(key) > 0) ? quote(keys.join(" ")) : null;
}

/**
 * Adjacent folded words, each in any spelling. FTS5 has no OR inside a
 * phrase, so it is an OR of phrases, one per combination of the spellings the
 * index holds; past PHRASE_SPELLINGS_MAX combinations each word becomes
 * "the word or any marked spelling of it" (a prefix on its key), which stays
 * exact about the letters.
 */
export function foldedPhraseFts(vocabulary: Vocabulary, words: readonly string[]): string | null {
  if (words.length === 1) return foldedWordFts(vocabulary, words[0]!);
  const spellings = words.map((word) => vocabulary.spellings(word));
  if (spellings.some((list) => list.length === 0)) return null;
  const combinations = spellings.reduce((product, list) => product * list.length, 1);
  if (combinations <= PHRASE_SPELLINGS_MAX) {
    let phrases: string[][] = [[]];
    for (const list of spellings) phrases = phrases.flatMap((phrase) => list.map((key) => [...phrase, key]));
    return anyOf(phrases.map((phrase) => quote(phrase.join(" "))));
  }
  // Two forms per word: as written without marks, or any marked key.
  let phrases: string[][] = [[]];
  for (const [index, word] of words.entries()) {
    const forms: string[] = [];
    if (spellings[index]!.includes(word)) forms.push(quote(word));
    if (spellings[index]!.some((key) => key !== word)) forms.push(`${quote(word + KEY_MARKS_SEPARATOR)} *`);
    phrases = phrases.flatMap((phrase) => forms.map((form) => [...phrase, form]));
    if (phrases.length > PHRASE_SPELLINGS_MAX * 4) return null;
  }
  return anyOf(phrases.map((phrase) => phrase.join(" + ")));
}
