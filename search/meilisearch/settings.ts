// Index settings for the Meilisearch engine, kept in code so every
// environment's index is configured the same way and a deploy re-applies them.
// The values that tune ranking are in search/tuning/meilisearch.ts.
import type { Settings } from "meilisearch";
import { fold, STOP_WORDS_EXACT, STOP_WORDS_FOLDED, tokenize } from "../text.ts";
import { ATTRIBUTE_ORDER, LOCALES, MAX_TOTAL_HITS, MAX_VALUES_PER_FACET, RANKING_RULES, TYPO_MIN_WORD_SIZE } from "../tuning/meilisearch.ts";
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

export const SEARCHABLE_ATTRIBUTES = [...ATTRIBUTE_ORDER, ...ATTRIBUTE_ORDER.map((field) => FOLDED_ATTRIBUTES[field])] as const;

export const FILTERABLE_ATTRIBUTES = [...new Set<string>([...FACET_FIELDS, "type", "published", "organisationId"])];

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
 * Every phrase of a group maps to every other phrase, each also in its folded
 * spelling, so "kẹt xe", "ket xe" and "congestion" all find one another
 * whether or not the server folds diacritics itself.
 */
export function meilisearchSynonyms(groups: SynonymGroups): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  for (const group of groups) {
    const phrases = new Set<string>();
    for (const phrase of group) {
      const words = tokenize(phrase);
      if (words.length === 0) continue;
      phrases.add(words.map((word) => word.exact).join(" "));
      phrases.add(words.map((word) => word.folded).join(" "));
    }
    if (phrases.size < 2) continue;
    for (const phrase of phrases) {
      const others = [...phrases].filter((other) => other !== phrase);
      synonyms[phrase] = [...new Set([...(synonyms[phrase] ?? []), ...others])];
    }
  }
  return synonyms;
}

export function meilisearchSettings(synonyms: SynonymGroups): Settings {
  return {
    searchableAttributes: [...SEARCHABLE_ATTRIBUTES],
    filterableAttributes: FILTERABLE_ATTRIBUTES,
    sortableAttributes: [...SORTABLE_ATTRIBUTES],
    rankingRules: [...RANKING_RULES],
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { ...TYPO_MIN_WORD_SIZE },
      disableOnWords: [],
      disableOnAttributes: [],
    },
    stopWords: [...new Set(MEILISEARCH_STOP_WORDS)],
    synonyms: meilisearchSynonyms(synonyms),
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
