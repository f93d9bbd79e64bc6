// The default engine: SQLite FTS5 in its own file, in-process. FTS5 finds and
// scores the matching rows; filters, facet counts, sorting and the final
// re-ranking run over compact per-document metadata kept in memory, which is
// what keeps facet counts fast on 100,000 documents. The file persists, so a
// restart only reloads the metadata, and every write is incremental.
//
// This class holds the in-memory state and runs the pipeline; each step is a
// module of its own: index-file.ts (the SQLite file and all its SQL),
// plan.ts (how a short query is read), scoring.ts (how well each document
// matches), result-filter.ts (visibility, filters, the near-best cut, facet
// counts), ordering.ts (sorting and re-ranking), hits.ts and correction.ts
// ("did you mean").
import { MATCHING_GLOSSARY } from "../lexicon/index.ts";
import { buildMatchSynonyms, type MatchSynonymIndex } from "../match/terms.ts";
import { buildSynonymIndex, EMPTY_SYNONYMS, parseQuery, type ParsedQuery, type SynonymIndex } from "../query.ts";
import type {
  FacetField,
  SearchDocument,
  SearchEngine,
  SearchHit,
  SearchQuery,
  SearchResult,
  SimilarHit,
  SimilarQuery,
  SuggestQuery,
  Suggestion,
  SynonymGroups,
} from "../types.ts";
import { FACET_FIELDS } from "../types.ts";
import { FacetColumns, RowScratch } from "./columns.ts";
import { correction } from "./correction.ts";
import { toHits } from "./hits.ts";
import { IndexFile, type MetaRow } from "./index-file.ts";
import { FacetDictionary, FIELD_INDEX, isVisible, type DocumentMeta } from "./metadata.ts";
import { orderResults, type OrderingSource } from "./ordering.ts";
import { planQuery, type HighlightTerm } from "./plan.ts";
import { createResultFilter } from "./result-filter.ts";
import { bitRows, listRows, RowCache, unionRows, type RowSet } from "./row-sets.ts";
import { matchQuery, termScores, type QueryMatch, type ScoringPlanContext, type ScoringSource } from "./scoring.ts";
import { topK } from "./top-k.ts";
import { Vocabulary } from "./vocabulary.ts";

// Row sets of clauses matching at least this many documents are kept in
// memory until the next write, like Meilisearch's precomputed prefix
// postings: "th", "chuyển đổi số" and the like recur constantly (every
// search-as-you-type passes through them) and are the costliest to read.
const ROW_CACHE_MIN_ROWS = 2000;
const ROW_CACHE_MAX_BYTES = 24 * 1024 * 1024;
// An OR of single keys: ("congza" OR "congzas").
const ANY_OF_KEYS = /^\("[a-z0-9]+"( OR "[a-z0-9]+")+\)$/;
const MAX_PER_PAGE = 100;

export interface EmbeddedEngineOptions {
  /** Path of the index file; ":memory:" for a throwaway index. */
  path: string;
}

export class EmbeddedSearchEngine implements SearchEngine {
  readonly name = "embedded";
  private file: IndexFile | null = null;
  private rebuilding: Promise<void> = Promise.resolve();
  private metas = new Map<number, DocumentMeta>();
  // The same, as an array indexed by rowid, for the hot loops of search().
  private metaByRowid: (DocumentMeta | undefined)[] = [];
  private maxRowid = 0;
  private rowids = new Map<string, number>();
  private vocabulary = new Vocabulary();
  private synonyms: SynonymIndex = EMPTY_SYNONYMS;
  private matchSynonyms: MatchSynonymIndex = buildMatchSynonyms(MATCHING_GLOSSARY);
  /** One-word synonym phrases → every phrase of their group (itself included). */
  private synonymWords = new Map<string, string[][]>();
  private dataVersion = -1;
  private facets = new FacetDictionary();
  private columns = new FacetColumns(FACET_FIELDS.length);
  private scratch = new RowScratch();
  private rowCache = new RowCache(ROW_CACHE_MAX_BYTES);

  constructor(private readonly options: EmbeddedEngineOptions) {}

  private get index(): IndexFile {
    if (!this.file) throw new Error("Search index is not open: call init() first");
    return this.file;
  }

  async init(): Promise<void> {
    if (this.file) return;
    this.file = IndexFile.open(this.options.path);
    this.loadFromDisk();
  }

  /** Reads metadata, vocabulary and synonyms: a restart, or another process wrote. */
  private loadFromDisk() {
    const { rows, vocabulary, synonyms } = this.index.load();
    this.metas.clear();
    this.metaByRowid = [];
    this.columns.clear();
    this.forgetRows();
    this.maxRowid = 0;
    this.rowids.clear();
    for (const row of rows) this.remember(row);
    this.vocabulary = vocabulary;
    this.useSynonyms(synonyms);
    this.dataVersion = this.index.dataVersion();
  }

  /** `data_version` changes only when another connection commits. */
  private refreshIfChangedElsewhere() {
    if (this.index.dataVersion() !== this.dataVersion) this.loadFromDisk();
  }

  private remember(row: MetaRow) {
    const facets = JSON.parse(row.facets) as Record<FacetField, string[]>;
    const meta: DocumentMeta = {
      rowid: row.rowid,
      id: row.id,
      type: row.type,
      published: row.published === 1,
      organisationId: row.organisation_id,
      facets: FACET_FIELDS.map((field, index) =>
        (facets[field] ?? []).map((value) => this.facets.intern(index, value)),
      ),
      priceMin: row.price_min,
      publishedAt: row.published_at,
    };
    this.metas.set(row.rowid, meta);
    this.metaByRowid[row.rowid] = meta;
    this.columns.set(row.rowid, meta.published, meta.facets, meta.publishedAt, meta.priceMin);
    if (row.rowid > this.maxRowid) this.maxRowid = row.rowid;
    this.rowids.set(row.id, row.rowid);
  }

  async upsert(documents: SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    this.refreshIfChangedElsewhere();
    const remembered = this.index.upsert(documents, this.vocabulary);
    for (const row of remembered) this.remember(row);
    this.forgetRows();
  }

  /**
   * Replaces every document with the ones `batches` yields, and searches keep
   * answering from the old set until the new one is complete: the batches go
   * into staging tables (each batch its own short transaction, so the event
   * loop and other readers are never held for the whole rebuild), which one
   * transaction then renames over the live ones. Another connection to the
   * file sees the switch through data_version, as for any other write. If a
   * batch fails, the staging tables are dropped and the live index is as it
   * was. Writes made to the live index while the rebuild runs are replaced
   * with it: the caller re-applies changes made after its snapshot.
   */
  async replaceAll(batches: AsyncIterable<SearchDocument[]>): Promise<number> {
    const run = this.rebuilding.then(() => this.rebuild(batches));
    // One rebuild at a time; a failed one does not block the next.
    this.rebuilding = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async rebuild(batches: AsyncIterable<SearchDocument[]>): Promise<number> {
    await this.index.rebuild(batches);
    this.loadFromDisk();
    // Documents, not batch entries: an id yielded twice is one document.
    return this.metas.size;
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    this.refreshIfChangedElsewhere();
    const removed = this.index.remove(ids, this.vocabulary);
    if (removed.length > 0) this.forgetRows();
    for (const id of removed) {
      const rowid = this.rowids.get(id);
      if (rowid !== undefined) {
        this.metas.delete(rowid);
        this.metaByRowid[rowid] = undefined;
        this.columns.delete(rowid);
      }
      this.rowids.delete(id);
    }
  }

  async setSynonyms(groups: SynonymGroups): Promise<void> {
    this.index.saveSynonyms(groups);
    this.useSynonyms(groups);
  }

  /**
   * The staff's thesaurus plus the matching glossary: the same bilingual
   * knowledge finds Vietnamese offers for English words in the search box as
   * in problem → offer matching.
   */
  private useSynonyms(groups: SynonymGroups) {
    const index = buildSynonymIndex([...groups, ...MATCHING_GLOSSARY]);
    this.matchSynonyms = buildMatchSynonyms([...groups, ...MATCHING_GLOSSARY]);
    this.synonyms = index;
    this.synonymWords = new Map();
    for (const group of index.groups) {
      for (const phrase of group) if (phrase.length === 1) this.synonymWords.set(phrase[0]!, group);
    }
  }

  async getMeta(key: string): Promise<string | null> {
    return this.index.getAppMeta(key);
  }

  async setMeta(key: string, value: string): Promise<void> {
    this.index.setAppMeta(key, value);
  }

  async count(): Promise<number> {
    this.refreshIfChangedElsewhere();
    return this.metas.size;
  }

  async clear(): Promise<void> {
    this.index.clear();
    this.metas.clear();
    this.metaByRowid = [];
    this.columns.clear();
    this.forgetRows();
    this.maxRowid = 0;
    this.rowids.clear();
    this.vocabulary = new Vocabulary();
  }

  async close(): Promise<void> {
    this.file?.close();
    this.file = null;
  }

  // --- searching -----------------------------------------------------------

  /**
   * Reads the query, scores the matching documents (scoring.ts), keeps the
   * visible ones within the filters that score near the best
   * (result-filter.ts), counts their facets, orders them (ordering.ts) and
   * reads the page's rows from the index file.
   */
  async search(query: SearchQuery): Promise<SearchResult> {
    this.refreshIfChangedElsewhere();
    const perPage = Math.min(Math.max(query.perPage ?? 20, 1), MAX_PER_PAGE);
    const page = Math.max(query.page ?? 1, 1);
    const organisationIds = new Set(query.visibility?.organisationIds ?? []);
    const parsed = parseQuery(query.q, this.synonyms);
    const hasQuery = parsed.clauses.length > 0;
    const size = this.maxRowid + 1;
    const results = createResultFilter({
      columns: this.columns,
      dictionary: this.facets,
      scratch: this.scratch,
      byRowid: this.metaByRowid,
      size,
      organisationIds,
      filters: query.filters,
    });

    let match: QueryMatch | null = null;
    if (hasQuery) {
      match = matchQuery(this.scoring, this.columns, query.q, parsed, size, results.passes);
      results.acceptMatches(match);
    } else results.acceptAll(this.metas.keys());

    const facets = results.countFacets(query.facets ?? []);
    const { accepted } = results;
    const ordered = orderResults(
      this.ordering,
      accepted,
      query.sort ?? "relevance",
      hasQuery,
      parsed.words,
      page * perPage,
    );
    const matchedTerms = match?.terms ?? [];
    const hits = this.loadHits(
      ordered.slice((page - 1) * perPage, page * perPage),
      matchedTerms,
      match?.termsOf ?? null,
    );
    // Offered when nothing was found, or a word had to be read as another.
    const didYouMean =
      (accepted.count === 0 || match?.offerCorrection === true) && hasQuery
        ? this.correction(parsed, organisationIds)
        : null;
    return { total: accepted.count, page, perPage, hits, facets, matchedTerms, didYouMean };
  }

  private planContext(): ScoringPlanContext {
    // One query asks for the same expression several times (rarity, scoring,
    // pairs); rows too few for the shared cache are remembered for the query.
    const memo = new Map<string, RowSet>();
    return {
      seen: (fts) => memo.get(fts) ?? this.rowCache.get(fts),
      vocabulary: this.vocabulary,
      rowsOf: (fts) => {
        let rows = memo.get(fts);
        if (!rows) memo.set(fts, (rows = this.rowsOf(fts)));
        return rows;
      },
      documents: Math.max(1, this.metas.size),
      synonymWords: this.synonymWords,
      synonyms: this.synonyms,
    };
  }

  private get scoring(): ScoringSource {
    return {
      planContext: () => this.planContext(),
      vocabulary: this.vocabulary,
      matchSynonyms: this.matchSynonyms,
      documents: this.metas.size,
      matchRowidsUpTo: (expression, limit) => this.index.matchRowidsUpTo(expression, limit),
    };
  }

  private get ordering(): OrderingSource {
    return { byRowid: this.metaByRowid, columns: this.columns, readTexts: (rowids) => this.index.readTexts(rowids) };
  }

  private forgetRows() {
    this.rowCache.clear();
  }

  /** Rows matching one expression, from memory when it is a common one. */
  private rowsOf(expression: string): RowSet {
    const cached = this.rowCache.get(expression);
    if (cached) return cached;
    // A word in any spelling is the union of its spellings' rows: each
    // spelling is then read once and shared with the queries that ask for
    // it exactly ("công" and "cong").
    if (ANY_OF_KEYS.test(expression)) {
      const keys = expression.slice(1, -1).split(" OR ");
      const union = unionRows(
        keys.map((key) => this.rowsOf(key)),
        this.maxRowid,
      );
      if (union.size >= ROW_CACHE_MIN_ROWS) this.rowCache.set(expression, union as RowSet & { bits: Uint32Array });
      return union;
    }
    const rows = this.index.matchRowids(expression);
    if (rows.length < ROW_CACHE_MIN_ROWS) return listRows(rows);
    const bits = bitRows(rows, this.maxRowid) as RowSet & { bits: Uint32Array };
    this.rowCache.set(expression, bits);
    return bits;
  }

  /**
   * Each term is looked up on its own and its bm25 added up, which is bm25 of
   * the whole "OR" query, without the cost of scoring one huge expression.
   * Terms held by more than a fifth of the index say little about a match and
   * are skipped.
   */
  async similar(query: SimilarQuery): Promise<SimilarHit[]> {
    this.refreshIfChangedElsewhere();
    const organisationIds = new Set(query.visibility?.organisationIds ?? []);
    const filters = Object.entries(query.filters ?? {}).filter(([, values]) => values && values.length > 0) as [
      FacetField,
      string[],
    ][];
    const wanted = filters.map(
      ([field, values]) =>
        [FIELD_INDEX[field], new Set(values.map((value) => this.facets.codeOf(FIELD_INDEX[field], value)))] as const,
    );
    const scores = termScores(this.scoring, query.terms);
    const hits: SimilarHit[] = [];
    for (const [rowid, entry] of scores) {
      const meta = this.metaByRowid[rowid];
      if (!meta || !isVisible(meta, organisationIds)) continue;
      if (!wanted.every(([field, codes]) => meta.facets[field]!.some((code) => codes.has(code)))) continue;
      hits.push({
        id: meta.id,
        type: meta.type as SimilarHit["type"],
        entityId: meta.id.slice(meta.type.length + 1),
        score: entry.score,
        matched: entry.matched,
      });
    }
    return topK(hits, query.limit, (a, b) => b.score - a.score || a.id.localeCompare(b.id));
  }

  private loadHits(
    items: { meta: DocumentMeta; score: number }[],
    matchedTerms: HighlightTerm[],
    termsOf: ((rowid: number) => HighlightTerm[]) | null = null,
  ): SearchHit[] {
    if (items.length === 0) return [];
    return toHits(items, this.index.readRows(items.map((item) => item.meta.rowid)), matchedTerms, termsOf);
  }

  /** "Did you mean", among what the reader may see. */
  private correction(parsed: ParsedQuery, organisationIds: ReadonlySet<string>): string | null {
    return correction(
      {
        vocabulary: this.vocabulary,
        spellingOf: (key) => this.index.spellingOf(key),
        matchRowids: (expression) => this.index.matchRowids(expression),
        thesaurusWords: this.synonymWords,
        isVisible: (rowid) => {
          const meta = this.metas.get(rowid);
          return meta !== undefined && isVisible(meta, organisationIds);
        },
      },
      parsed,
    );
  }

  async suggest(query: SuggestQuery): Promise<Suggestion[]> {
    this.refreshIfChangedElsewhere();
    const limit = Math.min(Math.max(query.limit ?? 8, 1), 20);
    const parsed = parseQuery(query.q, this.synonyms);
    if (parsed.clauses.length === 0) return [];
    const types = new Set<string>(query.types ?? []);
    const plan = planQuery(this.planContext(), parsed);
    const units = plan.units.map((unit) => unit.alternatives.map((alternative) => alternative.fts));
    if (units.length === 0 || units.some((options) => options.length === 0)) return [];
    const expression = `{title} : (${units.map((options) => `(${options.join(" OR ")})`).join(" AND ")})`;
    const rowids = this.index.rankedRowids(expression);
    const chosen = rowids
      .map((rowid) => this.metas.get(rowid))
      .filter(
        (meta): meta is DocumentMeta =>
          meta !== undefined && meta.published && (types.size === 0 || types.has(meta.type)),
      )
      .slice(0, limit);
    return this.loadHits(
      chosen.map((meta) => ({ meta, score: 0 })),
      plan.terms,
    ).map((hit) => ({
      id: hit.id,
      type: hit.type,
      slug: hit.slug,
      title: hit.title,
      highlight: hit.highlight.title,
    }));
  }
}
