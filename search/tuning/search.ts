// Search-box tuning (the lead adds the embedded engine's constants here).
/** How many of the best bm25 hits the phrase/title re-ranking reorders: one window for every engine, so their comparisons are about the index, not the tuning. */
export const RERANK_WINDOW = 100;
