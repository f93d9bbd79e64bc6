// Pieces of the query plan that every engine decides the same way, whatever
// it asks its index with: the embedded engine counts FTS5 rows, the
// Meilisearch engine counts totalHits. The numbers live in
// search/tuning/search.ts.
import { COLLOCATION_MIN_DOCUMENTS, COLLOCATION_SHARE } from "./tuning/search.ts";

/**
 * Whether two neighbouring query words belong together, judged on the index:
 * enough of the documents holding the rarer one hold the two side by side
 * ("giao thông", "hệ thống"; not "quản lý" + "bệnh").
 */
export function isCollocation(together: number, leftDocuments: number, rightDocuments: number): boolean {
  return collocationStrength(together, leftDocuments, rightDocuments) !== null;
}

/** The share of the rarer word's documents holding the two side by side, or null below the thresholds: stronger pairs win overlaps. */
export function collocationStrength(together: number, leftDocuments: number, rightDocuments: number): number | null {
  const share = together / Math.max(1, Math.min(leftDocuments, rightDocuments));
  return together >= COLLOCATION_MIN_DOCUMENTS && share >= COLLOCATION_SHARE ? share : null;
}

/**
 * Which of the ways a query was read are results: those scoring at least
 * `cutoff` of the best one that found anything. `qualities` and `found` are
 * in the same order.
 */
export function acceptedReadings(qualities: readonly number[], found: readonly number[], cutoff: number): boolean[] {
  const best = Math.max(0, ...qualities.filter((_, index) => found[index]! > 0));
  return qualities.map((quality, index) => found[index]! > 0 && best > 0 && quality >= best * cutoff);
}
