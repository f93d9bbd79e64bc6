// Search hits as the API shows them, from the stored rows: highlighted title
// and snippet included.
import { highlight, snippet } from "../highlight.ts";
import type { SearchHit } from "../types.ts";
import type { StoredRow } from "./index-file.ts";
import type { DocumentMeta } from "./metadata.ts";
import type { HighlightTerm } from "./plan.ts";

/**
 * One hit per item, in the items' order (a row no longer stored is left
 * out). Each hit is highlighted with the terms that matched it when known
 * (`termsOf`), else with the query's terms.
 */
export function toHits(
  items: { meta: DocumentMeta; score: number }[],
  rows: StoredRow[],
  matchedTerms: HighlightTerm[],
  termsOf: ((rowid: number) => HighlightTerm[]) | null,
): SearchHit[] {
  const byRowid = new Map(rows.map((row) => [row.rowid, row]));
  return items.flatMap(({ meta, score }) => {
    const row = byRowid.get(meta.rowid);
    if (!row) return [];
    return [
      {
        id: row.id,
        type: row.type as SearchHit["type"],
        entityId: row.entity_id,
        slug: row.slug,
        title: row.title,
        summary: row.summary,
        organisationName: row.organisation_name,
        published: row.published === 1,
        priceMin: row.price_min,
        publishedAt: row.published_at,
        score,
        highlight: (() => {
          const terms = termsOf ? termsOf(row.rowid) : matchedTerms;
          return { title: highlight(row.title, terms), snippet: snippet([row.summary, row.body], terms) };
        })(),
      },
    ];
  });
}
