// The order results are shown in: newest, by price, or by match score with
// the title re-ranking (rerank.ts) ordering equals among the first
// RERANK_WINDOW. Only the first page's worth is ever sorted (top-k.ts).
import type { RerankText } from "../rerank.ts";
import { rerankBonus } from "../rerank.ts";
import type { Token } from "../text.ts";
import { RERANK_WINDOW } from "../tuning/search.ts";
import type { SearchQuery } from "../types.ts";
import type { FacetColumns } from "./columns.ts";
import type { DocumentMeta } from "./metadata.ts";
import type { Accepted } from "./result-filter.ts";
import { topK } from "./top-k.ts";

export interface OrderingSource {
  byRowid: readonly (DocumentMeta | undefined)[];
  columns: FacetColumns;
  /** Title and head words of these rows, for the re-ranking. */
  readTexts(rowids: number[]): Map<number, RerankText>;
}

/** The first `needed` accepted documents in order; only those are sorted. */
export function orderResults(
  source: OrderingSource,
  accepted: Accepted,
  sort: NonNullable<SearchQuery["sort"]>,
  hasQuery: boolean,
  words: readonly Token[],
  needed: number,
): { meta: DocumentMeta; score: number }[] {
  const byRowid = source.byRowid as DocumentMeta[];
  const { coverage } = accepted;
  const { publishedAt, priceMin } = source.columns;
  const newest = (a: number, b: number) => publishedAt[b]! - publishedAt[a]! || a - b;
  let compare: (a: number, b: number) => number;
  if (sort === "newest" || (sort === "relevance" && !hasQuery)) {
    compare = newest;
  } else if (sort === "price-asc" || sort === "price-desc") {
    const direction = sort === "price-asc" ? 1 : -1;
    // Listings without a price go last either way.
    compare = (a, b) => {
      const pa = priceMin[a]!;
      const pb = priceMin[b]!;
      if (Number.isNaN(pa) || Number.isNaN(pb))
        return (Number.isNaN(pa) ? 1 : 0) - (Number.isNaN(pb) ? 1 : 0) || newest(a, b);
      return direction * (pa - pb) || newest(a, b);
    };
  } else {
    // The better match first; the title re-ranking below orders equals.
    compare = (a, b) => coverage[b]! - coverage[a]! || newest(a, b);
  }
  const relevance = sort === "relevance" && hasQuery;
  const top = topK(accepted.rowids, Math.max(needed, relevance ? RERANK_WINDOW : 0), compare, accepted.count);
  if (!relevance) return top.map((rowid) => ({ meta: byRowid[rowid]!, score: 0 }));
  const head = top.slice(0, RERANK_WINDOW);
  const texts = source.readTexts(head);
  const reranked = head
    .map((rowid) => ({ rowid, meta: byRowid[rowid]!, score: rerankBonus(words, texts.get(rowid)) }))
    .sort((a, b) => coverage[b.rowid]! - coverage[a.rowid]! || b.score - a.score || newest(a.rowid, b.rowid));
  return [
    ...reranked.map(({ meta, score }) => ({ meta, score })),
    ...top.slice(RERANK_WINDOW).map((rowid) => ({ meta: byRowid[rowid]!, score: 0 })),
  ];
}
