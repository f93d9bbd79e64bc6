// Index settings for the Meilisearch engine, kept in code so every
// environment's index is configured the same way and a deploy re-applies them.
// The values that tune ranking are in search/tuning/meilisearch.ts.
import type { Settings } from "meilisearch";
import { MATCHING_GLOSSARY } from "../lexicon/index.ts";
import { fold, STOP_WORDS_EXACT, STOP_WORDS_FOLDED, tokenize } from "../text.ts";
import {
  ATTRIBUTE_ORDER,
  LOCALES,
  MAX_TOTAL_HITS,
  MAX_VALUES_PER_FACET,
  RANKING_RULES,
  TYPO_MIN_WORD_SIZE,
} from "../tuning/meilisearch.ts";
import { FACET_FIELDS, type SynonymGroups } from "../types.ts";

/**
 * Plain copies of the searchable text with diacritics and đ folded away. The
 * server's tokenizer may or may not fold Vietnamese (it depends on its version
 * and language detection); with these copies a query typed without diacritics
 * matches either way. They come after the originals, so the `attribute` rule
 * still prefers a match in the text as written.
 */
export const FOLDED_ATTRIBUTES = {
  title: "titleFolded",
  summary: "summaryFolded",
  keywords: "keywordsFolded",
  body: "bodyFolded",
} as const;

/**
 * The text as keys that keep each word's diacritics in ASCII (toneKey in
 * search/text.ts: "thống" → "thongzas", "thông" → "thongza"). A query typed
 * with diacritics asks these for the exact spellings first; no server
 * normalisation can fold an ASCII key, and typos are off on them, so
 * "thongza" never reaches "thongzas" (that is the folded copies' job, ranked
 * below). Listed last: only asked for through attributesToSearchOn.
 */
export const KEY_ATTRIBUTES = {
  title: "titleKeys",
  summary: "summaryKeys",
  keywords: "keywordsKeys",
  body: "bodyKeys",
} as const;

export const TEXT_ATTRIBUTES = [...ATTRIBUTE_ORDER, ...ATTRIBUTE_ORDER.map((field) => FOLDED_ATTRIBUTES[field])];
export const KEY_ATTRIBUTE_LIST = ATTRIBUTE_ORDER.map((field) => KEY_ATTRIBUTES[field]);

export const SEARCHABLE_ATTRIBUTES = [...TEXT_ATTRIBUTES, ...KEY_ATTRIBUTE_LIST] as const;

// "pk" (the primary key): a page drawn from several readings of a query is
// fetched by its documents' keys.
export const FILTERABLE_ATTRIBUTES = [
  ...new Set<string>([...FACET_FIELDS, "type", "published", "organisationId", "pk"]),
];

export const SORTABLE_ATTRIBUTES = ["publishedAt", "priceMin"] as const;

/**
 * Stop words for the server. Meilisearch may fold diacritics before it checks
 * them, so only words whose folded spelling is itself unambiguous are sent:
 * sending "đến" would also silence "đèn" (lamp) on such a server.
 */
export const MEILISEARCH_STOP_WORDS = [
  ...STOP_WORDS_FOLDED,
  ...[...STOP_WORDS_EXACT].filter((word) => STOP_WORDS_FOLDED.has(fold(word))),
];

/**
 * The staff's thesaurus plus the matching glossary (search/lexicon/), as the
 * embedded engine uses them: English queries find Vietnamese offers and back.
 */
export function searchSynonymGroups(staff: SynonymGroups): SynonymGroups {
  return [...staff, ...MATCHING_GLOSSARY.map((group) => [...group])];
}

/**
 * Every phrase of a group maps to every other phrase, each also in its folded
 * spelling, so "kẹt xe", "ket xe" and "congestion" all find one another
 * whether or not the server folds diacritics itself; and each as keys
 * ("ketzj xe" ↔ "unzf taczbs"), for queries asked of the key attributes.
 * Meilisearch only looks synonyms up for runs of up to three query words.
 */
export function meilisearchSynonyms(groups: SynonymGroups): Record<string, string[]> {
  const synonyms: Record<string, Set<string>> = {};
  const add = (from: string, to: Iterable<string>) => {
    const set = (synonyms[from] ??= new Set());
    for (const other of to) if (other !== from) set.add(other);
  };
  for (const group of groups) {
    const written = new Set<string>();
    const keys = new Set<string>();
    for (const phrase of group) {
      const words = tokenize(phrase);
      if (words.length === 0) continue;
      written.add(words.map((word) => word.exact).join(" "));
      written.add(words.map((word) => word.folded).join(" "));
      keys.add(words.map((word) => word.key).join(" "));
    }
    if (written.size < 2) continue;
    for (const phrase of written) add(phrase, written);
    // Keys lead to keys: the key attributes hold nothing else.
    if (keys.size >= 2) for (const key of keys) add(key, keys);
  }
  const result: Record<string, string[]> = {};
  for (const [phrase, others] of Object.entries(synonyms)) if (others.size > 0) result[phrase] = [...others];
  return result;
}

/**
 * One-word phrases of the thesaurus and glossary, as typed and folded. Such a
 * word is a word in the other language ("parking" → "bãi đỗ xe"), not a typo
 * of a look-alike the index holds ("packing"), as the embedded engine reads it.
 */
export function typoFreeWords(groups: SynonymGroups): string[] {
  const words = new Set<string>();
  for (const group of groups) {
    for (const phrase of group) {
      const tokens = tokenize(phrase);
      if (tokens.length !== 1) continue;
      words.add(tokens[0]!.exact);
      words.add(tokens[0]!.folded);
    }
  }
  return [...words].sort();
}

export function meilisearchSettings(synonyms: SynonymGroups): Settings {
  const groups = searchSynonymGroups(synonyms);
  return {
    searchableAttributes: [...SEARCHABLE_ATTRIBUTES],
    filterableAttributes: FILTERABLE_ATTRIBUTES,
    sortableAttributes: [...SORTABLE_ATTRIBUTES],
    rankingRules: [...RANKING_RULES],
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { ...TYPO_MIN_WORD_SIZE },
      disableOnWords: typoFreeWords(groups),
      // Keys are exact spellings: a typo there would turn "thông" into "thống".
      disableOnAttributes: [...KEY_ATTRIBUTE_LIST],
    },
    stopWords: [...new Set(MEILISEARCH_STOP_WORDS)],
    synonyms: meilisearchSynonyms(groups),
    localizedAttributes: [{ attributePatterns: ["*"], locales: [...LOCALES] }],
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
    faceting: { maxValuesPerFacet: MAX_VALUES_PER_FACET },
  };
}

/** The folded copies stored next to a document's text. */
export function foldedCopies(document: { title: string; summary: string; keywords: string[]; body: string }) {
  return {
    [FOLDED_ATTRIBUTES.title]: fold(document.title),
    [FOLDED_ATTRIBUTES.summary]: fold(document.summary),
    [FOLDED_ATTRIBUTES.keywords]: document.keywords.map(fold),
    [FOLDED_ATTRIBUTES.body]: fold(document.body),
  };
}

/** The key copies (see KEY_ATTRIBUTES) stored next to a document's text. */
export function keyCopies(document: { title: string; summary: string; keywords: string[]; body: string }) {
  const keys = (text: string) =>
    tokenize(text)
      .map((token) => token.key)
      .join(" ");
  return {
    [KEY_ATTRIBUTES.title]: keys(document.title),
    [KEY_ATTRIBUTES.summary]: keys(document.summary),
    [KEY_ATTRIBUTES.keywords]: document.keywords.map(keys),
    [KEY_ATTRIBUTES.body]: keys(document.body),
  };
}
