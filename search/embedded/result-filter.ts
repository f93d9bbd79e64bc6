// Which matching documents are results of one search: visible to the reader,
// within every facet filter, and scoring near the best. Also counts the
// facets of the results. These loops run once per matching document (up to
// the whole index), so they read typed arrays indexed by rowid and facet
// code (columns.ts), and allocate nothing per document.
import { FACET_FIELDS, type FacetCounts, type FacetField, type FacetFilters } from "../types.ts";
import { PUBLISHED, UNPUBLISHED, type FacetColumns, type RowScratch } from "./columns.ts";
import { FIELD_INDEX, type DocumentMeta, type FacetDictionary } from "./metadata.ts";
import type { QueryMatch } from "./scoring.ts";

// Scores are kept per document as a byte: enough to order by, fast to sort.
const SCORE_STEPS = 250;

/** The documents a query accepted, with each one's match score. */
export interface Accepted {
  /** The first `count` entries are the accepted rowids. */
  rowids: Int32Array;
  count: number;
  /** Match score by rowid, in SCORE_STEPS steps (0 when browsing without a query). */
  coverage: Uint8Array;
}

export interface ResultFilterInput {
  columns: FacetColumns;
  dictionary: FacetDictionary;
  /** Working arrays, reset here for this query. */
  scratch: RowScratch;
  byRowid: readonly (DocumentMeta | undefined)[];
  /** Rowids run below this. */
  size: number;
  organisationIds: ReadonlySet<string>;
  filters: FacetFilters | undefined;
}

export interface ResultFilter {
  accepted: Accepted;
  /** Visible and within the filters: the best result is judged among these. */
  passes(rowid: number): boolean;
  /** Browsing without a query: every visible document within the filters is a result. */
  acceptAll(rowids: Iterable<number>): void;
  /** The matches that score near the best one (after filters) are results. */
  acceptMatches(match: QueryMatch): void;
  /** Counts per value of each wanted field; a field's counts ignore its own filter. */
  countFacets(wanted: readonly FacetField[]): FacetCounts;
}

export function createResultFilter({
  columns,
  dictionary,
  scratch,
  byRowid,
  size,
  organisationIds,
  filters,
}: ResultFilterInput): ResultFilter {
  const filterSets = Object.entries(filters ?? {})
    .filter(([, values]) => values && values.length > 0)
    .map(([field, values]) => {
      const index = FIELD_INDEX[field as FacetField];
      const codes = new Set(
        (values ?? []).flatMap((value) => {
          const code = dictionary.codeOf(index, value);
          return code === undefined ? [] : [code];
        }),
      );
      return [index, codes] as const;
    });
  const counts = FACET_FIELDS.map((_, index) => new Int32Array(dictionary.size(index)));

  scratch.reset(size);
  const accepted: Accepted = { rowids: scratch.rowids, count: 0, coverage: scratch.coverage };
  const isAccepted = scratch.accepted;
  const seen = scratch.seen;
  const { visibility, strides, codes } = columns;
  const filterFields = filterSets.map(([field]) => field);
  const filterMasks = filterSets.map(([field, wanted]) => {
    const mask = new Uint8Array(dictionary.size(field));
    for (const code of wanted) mask[code] = 1;
    return mask;
  });
  const nearMisses: number[] = [];
  const nearMissFields: number[] = [];
  const accept = (rowid: number, coverage: number) => {
    if (seen[rowid] === 1) return;
    seen[rowid] = 1;
    const state = visibility[rowid] ?? 0;
    if (state !== PUBLISHED) {
      if (state !== UNPUBLISHED) return;
      const owner = byRowid[rowid]?.organisationId;
      if (owner == null || !organisationIds.has(owner)) return;
    }
    let failedField = -1;
    let failures = 0;
    for (let f = 0; f < filterFields.length; f++) {
      const field = filterFields[f]!;
      const stride = strides[field]!;
      const column = codes[field]!;
      const mask = filterMasks[f]!;
      let hit = false;
      for (let k = rowid * stride, end = k + stride; k < end; k++) {
        const code = column[k]!;
        if (code < 0) break;
        if (mask[code] === 1) {
          hit = true;
          break;
        }
      }
      if (!hit) {
        failures += 1;
        failedField = field;
        if (failures > 1) return;
      }
    }
    // A field's counts ignore its own filter, so ticking one sector still
    // shows how many the other sectors have: a document failing only that
    // filter counts for that field alone.
    if (failures === 1) {
      nearMisses.push(rowid);
      nearMissFields.push(failedField);
      return;
    }
    if (failures === 0) {
      isAccepted[rowid] = 1;
      accepted.coverage[rowid] = coverage;
      accepted.rowids[accepted.count++] = rowid;
    }
  };

  const passes = (rowid: number) => {
    const state = visibility[rowid] ?? 0;
    if (state !== PUBLISHED && (state !== UNPUBLISHED || !organisationIds.has(byRowid[rowid]?.organisationId ?? "")))
      return false;
    for (let f = 0; f < filterFields.length; f++) {
      const field = filterFields[f]!;
      const stride = strides[field]!;
      let hit = false;
      for (let k = rowid * stride, end = k + stride; k < end && !hit; k++) {
        const code = codes[field]![k]!;
        if (code < 0) break;
        hit = filterMasks[f]![code] === 1;
      }
      if (!hit) return false;
    }
    return true;
  };

  const acceptAll = (rowids: Iterable<number>) => {
    for (const rowid of rowids) accept(rowid, 0);
  };

  const acceptMatches = (match: QueryMatch) => {
    for (const rowid of match.candidates) {
      const score = match.score[rowid]!;
      if (score > 0) accept(rowid, Math.max(1, Math.round(score * SCORE_STEPS)));
    }
    // Only documents scoring near the best one are results: the tail that
    // shares a stray syllable with the query is not shown when better
    // documents exist. The best is taken after filters, so a filter never
    // empties the list because an unfiltered document scored higher.
    let best = 0;
    for (let i = 0; i < accepted.count; i++) best = Math.max(best, accepted.coverage[accepted.rowids[i]!]!);
    const threshold = Math.ceil(best * match.cutoff);
    let kept = 0;
    for (let i = 0; i < accepted.count; i++) {
      const rowid = accepted.rowids[i]!;
      if (accepted.coverage[rowid]! >= threshold) accepted.rowids[kept++] = rowid;
      else isAccepted[rowid] = 0;
    }
    accepted.count = kept;
    let keptNear = 0;
    for (let i = 0; i < nearMisses.length; i++) {
      if (Math.round(match.score[nearMisses[i]!]! * SCORE_STEPS) < threshold) continue;
      nearMisses[keptNear] = nearMisses[i]!;
      nearMissFields[keptNear++] = nearMissFields[i]!;
    }
    nearMisses.length = keptNear;
    nearMissFields.length = keptNear;
  };

  const countFacets = (wanted: readonly FacetField[]): FacetCounts => {
    const wantedFacets = wanted.map((field) => FIELD_INDEX[field]);
    // Counted field by field after matching, in tight loops over typed arrays.
    for (const field of wantedFacets) {
      const bucket = counts[field]!;
      const stride = strides[field]!;
      const column = codes[field]!;
      const rows = accepted.rowids;
      if (stride === 1) {
        for (let i = 0; i < accepted.count; i++) {
          const code = column[rows[i]!]!;
          if (code >= 0) bucket[code]! += 1;
        }
      } else {
        for (let i = 0; i < accepted.count; i++) {
          for (let k = rows[i]! * stride, end = k + stride; k < end; k++) {
            const code = column[k]!;
            if (code < 0) break;
            bucket[code]! += 1;
          }
        }
      }
      for (let i = 0; i < nearMisses.length; i++) {
        if (nearMissFields[i] !== field) continue;
        for (let k = nearMisses[i]! * stride, end = k + stride; k < end; k++) {
          const code = column[k]!;
          if (code < 0) break;
          bucket[code]! += 1;
        }
      }
    }
    const facets: FacetCounts = {};
    for (const field of wantedFacets) {
      const bucket: Record<string, number> = {};
      counts[field]!.forEach((count, code) => {
        if (count > 0) bucket[dictionary.valueOf(field, code)] = count;
      });
      facets[FACET_FIELDS[field]!] = bucket;
    }
    return facets;
  };

  return { accepted, passes, acceptAll, acceptMatches, countFacets };
}
