// Meilisearch tuning: the index settings that decide what the Meilisearch
// engine finds and in what order. Its own module, not matching's: these are
// the search box's knobs expressed in Meilisearch's vocabulary (ranking
// rules, attribute order, typo sizes), and they must say the same thing as
// the embedded engine's (search/tuning/search.ts), which the contract suite
// (search/contract.ts) checks for both engines. Matching's weights
// (search/tuning/matching.ts) are applied by search/match/ on top of any
// engine's `similar()`, so they are not repeated here.
// search/meilisearch/settings.ts builds the settings object from these.

/**
 * Searchable fields, most telling first: Meilisearch's `attribute` rule
 * prefers a match in an earlier one. The same order as the embedded engine's
 * bm25 column weights (title 8, keywords 4, summary 3, body 1). The folded
 * copies follow all of these, in the same order, so text as written wins.
 */
export const ATTRIBUTE_ORDER = ["title", "keywords", "summary", "body"] as const;

/**
 * Meilisearch's default rules, except that `sort` comes straight after
 * `words`: a person who picks "newest" or "price" expects that order, as the
 * embedded engine gives it, not relevance with dates as a tie break. Without
 * a `sort` parameter the rule does nothing.
 */
export const RANKING_RULES = ["words", "sort", "typo", "proximity", "attribute", "exactness"] as const;

/**
 * Word lengths (in letters) from which one and two typos are forgiven:
 * Meilisearch's defaults, stated so the embedded engine's typoBudget()
 * (search/text.ts) and this index cannot drift apart silently
 * (search/tuning/meilisearch.test.ts checks they agree).
 */
export const TYPO_MIN_WORD_SIZE = { oneTypo: 5, twoTypos: 9 } as const;

/** The text is Vietnamese or English; without this the language detector may pick another Latin-script language for short, diacritic-free text. */
export const LOCALES = ["vie", "eng"] as const;

/**
 * Meilisearch caps `totalHits` (and the pages that can be reached) at this.
 * The default, 1000, would make the result count wrong on broad searches; the
 * catalogue is expected to stay well under this.
 */
export const MAX_TOTAL_HITS = 100_000;

/** Facet values counted per field: far above any facet's today (at most 18, the technologies), so no filter loses its count. */
export const MAX_VALUES_PER_FACET = 500;

/**
 * A query is asked of Meilisearch in a few readings (exact spellings or any,
 * compounds side by side or scattered), shown best reading first. Paging past
 * the first reading needs its documents' ids to leave them out of the next:
 * at most this many are fetched, so pages deeper than this follow the widest
 * reading's own order.
 */
export const READING_ID_WINDOW = 1000;

/**
 * A need typed as a sentence (and a few words, blended) is also read as
 * matching reads a problem (search/reading.ts): one Meilisearch search per
 * term, in one multi-search. The heaviest this many are asked; a sentence
 * gives 30–40 (words, pairs, glossary, solution hints), so this keeps them
 * all while bounding the request.
 */
export const MATCHING_READING_MAX_TERMS = 48;
