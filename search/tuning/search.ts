// Search-box tuning: every weight and threshold that decides what the search
// box finds and in what order, for every engine. Measured with
// `npm run eval:search` (dev set) and, once, on the held-out queries; see
// search/relevance/README.md for the figures behind each value.

/** How many of the best hits the phrase/title re-ranking reorders: one window for every engine, so their comparisons are about the index, not the tuning. */
export const RERANK_WINDOW = 100;

// --- How well a document matches one query word (0–1) ------------------------

/** The word as typed, diacritics included (or a query typed without any). */
export const EXACT_QUALITY = 1;
/**
 * The same letters with other diacritics ("thống" for "thông"). Below exact,
 * so those come first, and low enough that a document matching only this way
 * on every word is still shown after every exact one.
 */
export const FOLDED_QUALITY = 0.7;
/**
 * …and they are looked for only where the exact ones run out: when fewer
 * than ten documents, the top ten a searcher reads first, hold the word as
 * typed. Past that, "từ xa" (remote) read as "tự … xã" only adds look-alikes
 * below ten right answers. Measured on the look-alike phrases Q122–Q127 and
 * the held-out file (search/relevance/README.md); 500 before, for speed alone.
 */
export const FOLDED_FALLBACK_BELOW = 10;
/** A thesaurus or glossary equivalent, including the other language's. */
export const SYNONYM_QUALITY = 0.85;
/** The nearest spelling of a word the index does not hold, times its share of the typo candidates' frequency (see TYPO_SHARE_WEIGHT). */
export const TYPO_QUALITY = 0.85;
/** How much a typo candidate's quality depends on being the most common of them: 0.5 → the rarest gets half. */
export const TYPO_SHARE_WEIGHT = 0.5;
/** A word the last one typed may still grow into (search as you type), below the word as typed. */
export const PREFIX_QUALITY = 0.8;
/** Typo candidates tried per misspelt word: the few nearest, most common first, never the whole corpus. */
export const TYPO_EXPANSIONS = 3;
/**
 * A compound's syllables found in a document only apart from each other:
 * "thông" in "hệ thống thông tin" and "giao" in "giao diện" are other words
 * that share a syllable with "giao thông". Times the share of its syllables held.
 */
export const SCATTERED_FACTOR = 0.3;
/** The most a long phrase counts when held only in parts (each part side by side): below the whole phrase. */
export const PARTIAL_QUALITY = 0.75;

// --- Which neighbouring words belong together ------------------------------

/**
 * Two adjacent query syllables are one word when, among the documents holding the
 * rarer of the two, at least this share hold them side by side. Measured on
 * the corpus at query time, so new vocabulary needs no list.
 */
export const COLLOCATION_SHARE = 0.2;
/** …and at least this many documents do (one is a coincidence). */
export const COLLOCATION_MIN_DOCUMENTS = 2;
/** "Did you mean": spellings of each corrected word tried against its neighbours, most common first. */
export const CORRECTION_SPELLINGS = 3;
/** Meilisearch's "did you mean" counts spellings in the marked results: one seen beside the query's neighbouring word counts as this many seen elsewhere. */
export const CORRECTION_NEIGHBOUR_WEIGHT = 100;
/** Spelling combinations tried for a phrase typed without diacritics before falling back to prefixes. */
export const PHRASE_SPELLINGS_MAX = 32;

// --- What is shown -----------------------------------------------------------

/**
 * A document is a result only if its match score is at least this share of
 * the best document's: the tail of documents sharing a stray syllable is not
 * shown when better ones exist (the empty state and "did you mean" cover the
 * rest). Chosen on the dev set: search/relevance/README.md, "The cut-off is a
 * trade" (0.5 → nDCG 0.782, phrase noise 0.240; 0.6 → 0.757, 0.119).
 */
export const RELATIVE_CUTOFF = 0.6;
/** Word rarity (idf) never counts for less than this share of the rarest word's, so a common word still matters a little. */
export const MIN_WORD_WEIGHT_SHARE = 0.15;

/** How far matches in the leading matches' sectors rise towards the best (share of the gap), and how many leaders vote. */
export const SECTOR_FEEDBACK = 0.3;
export const SECTOR_FEEDBACK_LEADERS = 3;

// --- Long queries (a need typed in a sentence) -------------------------------

/** From this many meaningful words, the query is ranked as problem → offer matching ranks a problem's text. */
export const LONG_QUERY_WORDS = 7;
/** From this many words, a short query's score blends in matching's reading of it, at this share. */
export const BLEND_MIN_WORDS = 2;
export const MATCHING_BLEND = 0.4;
/** The most words of a long query that are read. */
export const LONG_QUERY_MAX_WORDS = 40;
/** Relative cut-off for long queries: their scores spread more. */
export const LONG_RELATIVE_CUTOFF = 0.35;

// --- The embedded engine -----------------------------------------------------

/** A last word shorter than this is completed from the vocabulary rather than matched as an FTS prefix. */
export const SHORT_PREFIX = 2;
export const SHORT_PREFIX_COMPLETIONS = 6;
/** Words held by more than this share of the index are very common: a last word that common was finished, not started (no completions). */
export const COMMON_SHARE = 0.1;
/** similar(): terms held by more than this share of documents (and more than the floor) are left out. */
export const SIMILAR_COMMON_SHARE = 0.01;
export const SIMILAR_COMMON_FLOOR = 50;
/**
 * A phrase costs FTS5 a walk of every posting of each of its words. One made
 * only of everyday syllables ("cơ sở dữ liệu", "sàn vận tải": over 1.5 postings
 * per document together) is left to the candidates' own-text scoring in
 * matching, which still counts it: at 100,000 offers these few phrases were a
 * third of the time, and on the labelled sets the cap changes almost nothing
 * (dev 0.771 → 0.770, holdout2 0.882 either way).
 */
export const SIMILAR_PHRASE_COST_SHARE = 1.5;
