// The contract every search engine implements. The app talks only to this
// interface, so the embedded engine (the default) and Meilisearch
// (production) are interchangeable and tested by one contract suite.

export const SEARCH_DOC_TYPES = ["offer", "problem", "major-problem"] as const;
export type SearchDocType = (typeof SEARCH_DOC_TYPES)[number];

// Facets shown in the UI. `type` is a facet too, so one query can show the
// per-tab counts.
export const FACET_FIELDS = [
  "type",
  "sector",
  "technology",
  "trlBand",
  "deployment",
  "priceBand",
  "evidenceLevel",
  "orgKind",
  "language",
] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

export const SORT_ORDERS = ["relevance", "newest", "price-asc", "price-desc"] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export interface SearchDocument {
  /** Unique across types: `${type}:${entityId}`. */
  id: string;
  type: SearchDocType;
  entityId: string;
  /** Path segment(s) the public page lives at. */
  slug: string;
  title: string;
  summary: string;
  /** Plain text (no markdown), searched with the lowest weight. */
  body: string;
  /** Taxonomy labels (both languages), tags and the organisation's name. */
  keywords: string[];
  /** Public when true; otherwise only members of `organisationId` see it. */
  published: boolean;
  organisationId: string | null;
  organisationName: string | null;
  sector: string[];
  technology: string[];
  trlBand: string | null;
  deployment: string | null;
  priceBand: string | null;
  evidenceLevel: string | null;
  orgKind: string | null;
  language: string[];
  /** Lowest package price in VND (integer), for the price sort. */
  priceMin: number | null;
  /** Epoch milliseconds, for the newest sort. */
  publishedAt: number | null;
}

export type FacetFilters = Partial<Record<FacetField, string[]>>;

export interface SearchVisibility {
  /** Organisations whose unpublished documents the viewer may see. */
  organisationIds: string[];
}

export interface SearchQuery {
  q: string;
  /** OR within one field, AND across fields. */
  filters?: FacetFilters;
  visibility?: SearchVisibility;
  sort?: SortOrder;
  /** 1-based. */
  page?: number;
  perPage?: number;
  /** Facets to count; counts for a field ignore that field's own filter. */
  facets?: readonly FacetField[];
}

/** A run of text, marked when it matched the query. */
export interface HighlightSegment {
  text: string;
  match: boolean;
}

export interface SearchHit {
  id: string;
  type: SearchDocType;
  entityId: string;
  slug: string;
  title: string;
  summary: string;
  organisationName: string | null;
  published: boolean;
  priceMin: number | null;
  publishedAt: number | null;
  score: number;
  highlight: { title: HighlightSegment[]; snippet: HighlightSegment[] };
}

export type FacetCounts = Partial<Record<FacetField, Record<string, number>>>;

export interface SearchResult {
  total: number;
  page: number;
  perPage: number;
  hits: SearchHit[];
  facets: FacetCounts;
  /** Terms the query was matched with, folded; used for highlighting. */
  matchedTerms: string[];
  /** When nothing matched: a corrected query that would match, if any. */
  didYouMean: string | null;
}

export interface Suggestion {
  id: string;
  type: SearchDocType;
  slug: string;
  title: string;
  highlight: HighlightSegment[];
}

export interface SuggestQuery {
  q: string;
  types?: readonly SearchDocType[];
  limit?: number;
}

/** A word or phrase (folded words) to look for, and how much it matters. */
export interface WeightedTerm {
  words: string[];
  weight: number;
}

/** "More like this": documents sharing the most, and rarest, of the terms. */
export interface SimilarQuery {
  terms: WeightedTerm[];
  filters?: FacetFilters;
  visibility?: SearchVisibility;
  limit: number;
}

export interface SimilarHit {
  id: string;
  type: SearchDocType;
  entityId: string;
  /** Text relevance, higher is better; comparable within one query only. */
  score: number;
  /** The terms (words joined by spaces) the document holds. */
  matched: string[];
}

/** Groups of words or phrases that mean the same thing, in any language. */
export type SynonymGroups = string[][];

export interface SearchEngine {
  readonly name: string;
  /** Creates the index and applies settings; safe to call repeatedly. */
  init(): Promise<void>;
  upsert(documents: SearchDocument[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  /** Published documents whose title starts with or contains the query. */
  suggest(query: SuggestQuery): Promise<Suggestion[]>;
  similar(query: SimilarQuery): Promise<SimilarHit[]>;
  setSynonyms(groups: SynonymGroups): Promise<void>;
  count(): Promise<number>;
  /** Removes every document; settings stay. */
  clear(): Promise<void>;
  /**
   * Rebuilds the index from scratch with the documents `batches` yields, and
   * swaps it in once complete: searches keep answering from the old documents
   * until then, and none of them is left afterwards. Resolves with the
   * number of documents now indexed; on failure the old index stays live.
   * Writes made while it runs are replaced with it: re-apply changes made
   * after the snapshot the batches come from.
   */
  replaceAll(batches: AsyncIterable<SearchDocument[]>): Promise<number>;
  close(): Promise<void>;
  /**
   * A small value kept inside the index itself, for an index that belongs to
   * one process (the embedded file remembers which reader of the search log
   * it is). Optional: a shared index needs none.
   */
  getMeta?(key: string): Promise<string | null>;
  setMeta?(key: string, value: string): Promise<void>;
}

/** A document's values for every facet field; single-valued fields as zero or one value. */
export function facetValuesOf(document: SearchDocument): Record<FacetField, string[]> {
  const single = (value: string | null) => (value ? [value] : []);
  return {
    type: [document.type],
    sector: document.sector,
    technology: document.technology,
    trlBand: single(document.trlBand),
    deployment: single(document.deployment),
    priceBand: single(document.priceBand),
    evidenceLevel: single(document.evidenceLevel),
    orgKind: single(document.orgKind),
    language: document.language,
  };
}
