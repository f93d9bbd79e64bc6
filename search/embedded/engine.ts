// The default engine: SQLite FTS5 in its own file, in-process. FTS5 finds and
// scores the matching rows; filters, facet counts, sorting and the final
// re-ranking run over compact per-document metadata kept in memory, which is
// what keeps facet counts fast on 100,000 documents. The file persists, so a
// restart only reloads the metadata, and every write is incremental.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { highlight, snippet } from "../highlight.ts";
import { MATCHING_GLOSSARY } from "../lexicon/index.ts";
import { buildMatchSynonyms, type MatchSynonymIndex } from "../match/terms.ts";
import { blendedScore, isLongQuery, needTerms, sectorFeedback } from "../reading.ts";
import { rerankBonus, type RerankText } from "../rerank.ts";
import { buildSynonymIndex, EMPTY_SYNONYMS, parseQuery, type ParsedQuery, type SynonymIndex } from "../query.ts";
import { tokenize, type Token } from "../text.ts";
import {
  BLEND_MIN_WORDS, LONG_RELATIVE_CUTOFF, RELATIVE_CUTOFF, RERANK_WINDOW, SIMILAR_COMMON_FLOOR, SIMILAR_COMMON_SHARE,
  SIMILAR_PHRASE_COST_SHARE,
} from "../tuning/search.ts";
import { foldedPhraseFts, foldedWordFts } from "./expressions.ts";
import { planQuery, scorePlan, termsForDocument, type HighlightTerm, type PlanContext } from "./plan.ts";
import {
  FACET_FIELDS,
  facetValuesOf,
  type FacetCounts,
  type FacetField,
  type SearchDocument,
  type SearchEngine,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  type SimilarHit,
  type SimilarQuery,
  type SuggestQuery,
  type Suggestion,
  type SynonymGroups,
} from "../types.ts";
import { FacetColumns, PUBLISHED, RowScratch, UNPUBLISHED } from "./columns.ts";
import { bitRows, forEachRow, listRows, RowCache, unionRows, type RowSet } from "./row-sets.ts";
import { Vocabulary } from "./vocabulary.ts";

// Bump when the table layout or the text folding changes: the index is then
// rebuilt empty and the app's reindex fills it. 3: words are indexed as keys
// that keep their diacritics (see toneKey).
const SCHEMA_VERSION = 3;

// Row sets of clauses matching at least this many documents are kept in
// memory until the next write, like Meilisearch's precomputed prefix
// postings: "th", "chuyển đổi số" and the like recur constantly (every
// search-as-you-type passes through them) and are the costliest to read.
const ROW_CACHE_MIN_ROWS = 2000;
const ROW_CACHE_MAX_BYTES = 24 * 1024 * 1024;
// An OR of single keys: ("congza" OR "congzas").
const ANY_OF_KEYS = /^\("[a-z0-9]+"( OR "[a-z0-9]+")+\)$/;
// Scores are kept per document as a byte: enough to order by, fast to sort.
const SCORE_STEPS = 250;

/** The k smallest items by `compare`, in order, without sorting them all. */
function topK<T>(items: ArrayLike<T>, k: number, compare: (a: T, b: T) => number, count = items.length): T[] {
  if (count <= k * 4) return Array.from({ length: count }, (_, index) => items[index]!).sort(compare).slice(0, k);
  // A max-heap of the best k so far: O(n log k).
  const heap: T[] = [];
  const up = (index: number) => {
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (compare(heap[index]!, heap[parent]!) <= 0) break;
      [heap[index], heap[parent]] = [heap[parent]!, heap[index]!];
      index = parent;
    }
  };
  const down = (index: number) => {
    for (;;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let largest = index;
      if (left < heap.length && compare(heap[left]!, heap[largest]!) > 0) largest = left;
      if (right < heap.length && compare(heap[right]!, heap[largest]!) > 0) largest = right;
      if (largest === index) return;
      [heap[index], heap[largest]] = [heap[largest]!, heap[index]!];
      index = largest;
    }
  };
  for (let index = 0; index < count; index++) {
    const item = items[index]!;
    if (heap.length < k) {
      heap.push(item);
      up(heap.length - 1);
    } else if (compare(item, heap[0]!) < 0) {
      heap[0] = item;
      down(0);
    }
  }
  return heap.sort(compare);
}
const MAX_PER_PAGE = 100;

interface DocumentMeta {
  rowid: number;
  id: string;
  type: string;
  published: boolean;
  organisationId: string | null;
  /** Facet values as small integer codes, by field position in FACET_FIELDS. */
  facets: number[][];
  priceMin: number | null;
  publishedAt: number | null;
}

const FIELD_INDEX = Object.fromEntries(FACET_FIELDS.map((field, index) => [field, index])) as Record<FacetField, number>;

/** The documents a query accepted, with each one's match score. */
interface Accepted {
  /** The first `count` entries are the accepted rowids. */
  rowids: Int32Array;
  count: number;
  /** Match score by rowid, in SCORE_STEPS steps (0 when browsing without a query). */
  coverage: Uint8Array;
}

interface StoredRow {
  rowid: number;
  id: string;
  type: string;
  entity_id: string;
  slug: string;
  title: string;
  summary: string;
  body: string;
  keywords: string;
  organisation_name: string | null;
  published: number;
  organisation_id: string | null;
  facets: string;
  price_min: number | null;
  published_at: number | null;
}


const rowList = (rows: RowSet): number[] => {
  const list: number[] = [];
  forEachRow(rows, (rowid) => list.push(rowid));
  return list;
};

/** How one query matched the index, whichever way it was read. */
interface QueryMatch {
  candidates: number[];
  /** Match score in [0, 1] by rowid. */
  score: Float32Array;
  terms: HighlightTerm[];
  termsOf: (rowid: number) => HighlightTerm[];
  /** A word was read as another (a typo) or found nowhere: "did you mean" is worth offering. */
  offerCorrection: boolean;
  /** Results score at least this share of the best. */
  cutoff: number;
  /** The query as it was understood (typos read as the words they stand for). */
  readAs: string;
}

/** Each field tokenised once: FTS columns, re-ranking strings and the vocabulary. */
function analyse(document: SearchDocument) {
  const title = tokenize(document.title);
  const summary = tokenize(document.summary);
  const keywords = tokenize(document.keywords.join(" . "));
  const body = tokenize(document.body);
  const folded = (tokens: Token[]) => tokens.map((token) => token.folded).join(" ");
  const keys = (tokens: Token[]) => tokens.map((token) => token.key).join(" ");
  const head = [...summary, ...keywords];
  const words = new Set<string>();
  const spellings = new Map<string, string>();
  for (const list of [title, summary, keywords, body]) {
    for (const token of list) {
      words.add(token.key);
      if (token.key !== token.folded) spellings.set(token.key, token.exact);
    }
  }
  return {
    columns: [keys(title), keys(summary), keys(keywords), keys(body)] as const,
    spellings,
    titleFolded: folded(title),
    headFolded: folded(head),
    headExact: [...title, ...head].map((token) => token.exact).join(" "),
    words,
  };
}

export interface EmbeddedEngineOptions {
  /** Path of the index file; ":memory:" for a throwaway index. */
  path: string;
}

interface Tables {
  docs: string;
  fts: string;
}
const LIVE_TABLES: Tables = { docs: "docs", fts: "fts" };
const STAGING_TABLES: Tables = { docs: "docs_rebuild", fts: "fts_rebuild" };

export class EmbeddedSearchEngine implements SearchEngine {
  readonly name = "embedded";
  private database: Database.Database | null = null;
  private rebuilding: Promise<void> = Promise.resolve();
  private metas = new Map<number, DocumentMeta>();
  // The same, as an array indexed by rowid, for the hot loop in search().
  private metaByRowid: (DocumentMeta | undefined)[] = [];
  private maxRowid = 0;
  private rowids = new Map<string, number>();
  private vocabulary = new Vocabulary();
  // Keys whose written form is stored: most words repeat, so each is written once.
  private spelled = new Set<string>();
  private synonyms: SynonymIndex = EMPTY_SYNONYMS;
  private matchSynonyms: MatchSynonymIndex = buildMatchSynonyms(MATCHING_GLOSSARY);
  /** One-word synonym phrases → every phrase of their group (itself included). */
  private synonymWords = new Map<string, string[][]>();
  private dataVersion = -1;
  // Facet values interned per field: counting into typed arrays by code is
  // several times faster than counting string keys on 100,000 documents.
  private facetCodes = FACET_FIELDS.map(() => new Map<string, number>());
  private facetValues: string[][] = FACET_FIELDS.map(() => []);
  private columns = new FacetColumns(FACET_FIELDS.length);
  private scratch = new RowScratch();
  private rowCache = new RowCache(ROW_CACHE_MAX_BYTES);

  private facetCode(field: number, value: string): number {
    const codes = this.facetCodes[field]!;
    let code = codes.get(value);
    if (code === undefined) {
      code = this.facetValues[field]!.length;
      codes.set(value, code);
      this.facetValues[field]!.push(value);
    }
    return code;
  }

  constructor(private readonly options: EmbeddedEngineOptions) {}

  // One prepared statement per SQL text: preparing one per query left native
  // memory waiting for the garbage collector (matching runs dozens of
  // lookups per problem; RSS grew by 200 MB over a benchmark).
  private statements = new Map<string, Database.Statement>();

  private statement(sql: string): Database.Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  private get db(): Database.Database {
    if (!this.database) throw new Error("Search index is not open: call init() first");
    return this.database;
  }

  async init(): Promise<void> {
    if (this.database) return;
    if (this.options.path !== ":memory:") fs.mkdirSync(path.dirname(this.options.path), { recursive: true });
    const db = new Database(this.options.path);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    // Posting lists of common words are read on most queries: a 32 MB page
    // cache keeps them rather than copying them from the OS cache each time.
    // (Mapping the file was a little faster again but counts 250 MB more RSS.)
    db.pragma("cache_size = -32768");
    db.exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    const version = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get() as string | undefined;
    if (version !== String(SCHEMA_VERSION)) {
      db.exec("DROP TABLE IF EXISTS docs; DROP TABLE IF EXISTS fts; DROP TABLE IF EXISTS fts_vocab; DROP TABLE IF EXISTS spellings;");
      db.exec(`
        CREATE TABLE docs (
          rowid INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          type TEXT NOT NULL,
          entity_id TEXT NOT NULL,
          slug TEXT NOT NULL,
          title TEXT NOT NULL,
          summary TEXT NOT NULL,
          body TEXT NOT NULL,
          keywords TEXT NOT NULL,
          organisation_name TEXT,
          published INTEGER NOT NULL,
          organisation_id TEXT,
          facets TEXT NOT NULL,
          price_min INTEGER,
          published_at INTEGER,
          -- Words of the title and of summary+keywords, folded and as written,
          -- space-separated, so re-ranking is string matching, not tokenising.
          title_folded TEXT NOT NULL,
          head_folded TEXT NOT NULL,
          head_exact TEXT NOT NULL
        );
        CREATE VIRTUAL TABLE fts USING fts5(
          title, summary, keywords, body,
          content = '', contentless_delete = 1,
          tokenize = 'unicode61 remove_diacritics 0',
          prefix = '2 3'
        );
        CREATE VIRTUAL TABLE fts_vocab USING fts5vocab(fts, row);
        -- How each key is written, for "did you mean".
        CREATE TABLE IF NOT EXISTS spellings (key TEXT PRIMARY KEY, word TEXT NOT NULL) WITHOUT ROWID;
      `);
      db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)").run(String(SCHEMA_VERSION));
    }
    this.database = db;
    this.loadFromDisk();
  }

  /** Reads metadata, vocabulary and synonyms: a restart, or another process wrote. */
  private loadFromDisk() {
    const db = this.db;
    this.metas.clear();
    this.metaByRowid = [];
    this.columns.clear();
    this.forgetRows();
    this.maxRowid = 0;
    this.rowids.clear();
    const rows = db
      .prepare("SELECT rowid, id, type, published, organisation_id, facets, price_min, published_at FROM docs")
      .all() as StoredRow[];
    for (const row of rows) this.remember(row);
    this.vocabulary = Vocabulary.fromRows(db.prepare("SELECT term, doc FROM fts_vocab").raw().all() as [string, number][]);
    this.spelled = new Set(db.prepare("SELECT key FROM spellings").pluck().all() as string[]);
    const synonyms = db.prepare("SELECT value FROM meta WHERE key = 'synonyms'").pluck().get() as string | undefined;
    this.useSynonyms(synonyms ? (JSON.parse(synonyms) as SynonymGroups) : []);
    this.dataVersion = db.pragma("data_version", { simple: true }) as number;
  }

  /** `data_version` changes only when another connection commits. */
  private refreshIfChangedElsewhere() {
    const version = this.db.pragma("data_version", { simple: true }) as number;
    if (version !== this.dataVersion) this.loadFromDisk();
  }

  private remember(row: Pick<StoredRow, "rowid" | "id" | "type" | "published" | "organisation_id" | "facets" | "price_min" | "published_at">) {
    const facets = JSON.parse(row.facets) as Record<FacetField, string[]>;
    const meta: DocumentMeta = {
      rowid: row.rowid,
      id: row.id,
      type: row.type,
      published: row.published === 1,
      organisationId: row.organisation_id,
      facets: FACET_FIELDS.map((field, index) => (facets[field] ?? []).map((value) => this.facetCode(index, value))),
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
    const remembered = this.writeDocuments(documents, LIVE_TABLES, true);
    for (const row of remembered) this.remember(row);
    this.forgetRows();
  }

  /**
   * Inserts or replaces documents in `tables`, in one transaction. The live
   * tables also keep the in-memory vocabulary current; a rebuild's staging
   * tables leave it alone (it is reloaded when they are swapped in).
   */
  private writeDocuments(documents: SearchDocument[], tables: Tables, live: boolean) {
    const db = this.db;
    const findOld = db.prepare(`SELECT rowid, title, summary, keywords, body FROM ${tables.docs} WHERE id = ?`);
    const deleteFts = db.prepare(`DELETE FROM ${tables.fts} WHERE rowid = ?`);
    const upsertDoc = db.prepare(`
      INSERT INTO ${tables.docs} (id, type, entity_id, slug, title, summary, body, keywords, organisation_name, published,
                        organisation_id, facets, price_min, published_at, title_folded, head_folded, head_exact)
      VALUES (@id, @type, @entityId, @slug, @title, @summary, @body, @keywords, @organisationName, @published,
              @organisationId, @facets, @priceMin, @publishedAt, @titleFolded, @headFolded, @headExact)
      ON CONFLICT (id) DO UPDATE SET type = excluded.type, entity_id = excluded.entity_id, slug = excluded.slug,
        title = excluded.title, summary = excluded.summary, body = excluded.body, keywords = excluded.keywords,
        organisation_name = excluded.organisation_name, published = excluded.published,
        organisation_id = excluded.organisation_id, facets = excluded.facets, price_min = excluded.price_min,
        published_at = excluded.published_at, title_folded = excluded.title_folded,
        head_folded = excluded.head_folded, head_exact = excluded.head_exact
      RETURNING rowid`);
    const insertFts = db.prepare(`INSERT INTO ${tables.fts} (rowid, title, summary, keywords, body) VALUES (?, ?, ?, ?, ?)`);
    const insertSpelling = db.prepare("INSERT OR IGNORE INTO spellings (key, word) VALUES (?, ?)");
    const remembered: Parameters<EmbeddedSearchEngine["remember"]>[0][] = [];
    db.transaction(() => {
      for (const document of documents) {
        const old = findOld.get(document.id) as { rowid: number; title: string; summary: string; keywords: string; body: string } | undefined;
        if (old) {
          deleteFts.run(old.rowid);
          if (live) this.vocabulary.removeText(`${old.title} ${old.summary} ${old.keywords} ${old.body}`);
        }
        const facets = JSON.stringify(facetValuesOf(document));
        const analysed = analyse(document);
        const { rowid } = upsertDoc.get({
          ...document,
          keywords: document.keywords.join(" . "),
          published: document.published ? 1 : 0,
          facets,
          titleFolded: analysed.titleFolded,
          headFolded: analysed.headFolded,
          headExact: analysed.headExact,
        }) as { rowid: number };
        insertFts.run(rowid, ...analysed.columns);
        if (live) this.vocabulary.addKeys(analysed.words);
        for (const [key, word] of analysed.spellings) {
          if (this.spelled.has(key)) continue;
          this.spelled.add(key);
          insertSpelling.run(key, word);
        }
        remembered.push({
          rowid,
          id: document.id,
          type: document.type,
          published: document.published ? 1 : 0,
          organisation_id: document.organisationId,
          facets,
          price_min: document.priceMin,
          published_at: document.publishedAt,
        });
      }
    })();
    return remembered;
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
    const db = this.db;
    const ddl = (name: string) => {
      const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = ?").pluck().get(name) as string | undefined;
      if (!sql) throw new Error(`Search index table ${name} is missing`);
      // "CREATE TABLE docs (" / "CREATE VIRTUAL TABLE fts USING": the same definition under the staging name.
      return sql.replace(new RegExp(`^(CREATE (?:VIRTUAL )?TABLE )"?${name}"?`), `$1${STAGING_TABLES[name as keyof Tables]}`);
    };
    const dropStaging = () => db.exec(`DROP TABLE IF EXISTS ${STAGING_TABLES.fts}; DROP TABLE IF EXISTS ${STAGING_TABLES.docs};`);
    // Left over from a rebuild a crash interrupted.
    dropStaging();
    db.exec(`${ddl("docs")}; ${ddl("fts")};`);
    try {
      for await (const batch of batches) {
        if (batch.length > 0) this.writeDocuments(batch, STAGING_TABLES, false);
      }
      db.transaction(() => {
        db.exec(`
          DROP TABLE fts_vocab; DROP TABLE fts; DROP TABLE docs;
          ALTER TABLE ${STAGING_TABLES.docs} RENAME TO docs;
          ALTER TABLE ${STAGING_TABLES.fts} RENAME TO fts;
          CREATE VIRTUAL TABLE fts_vocab USING fts5vocab(fts, row);
        `);
      })();
    } catch (error) {
      dropStaging();
      throw error;
    }
    // Statements prepared against the old tables are dropped with them.
    this.statements.clear();
    this.loadFromDisk();
    // Documents, not batch entries: an id yielded twice is one document.
    return this.metas.size;
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    this.refreshIfChangedElsewhere();
    const db = this.db;
    const findOld = db.prepare("SELECT rowid, title, summary, keywords, body FROM docs WHERE id = ?");
    const deleteFts = db.prepare("DELETE FROM fts WHERE rowid = ?");
    const deleteDoc = db.prepare("DELETE FROM docs WHERE rowid = ?");
    const removed: string[] = [];
    db.transaction(() => {
      for (const id of ids) {
        const old = findOld.get(id) as { rowid: number; title: string; summary: string; keywords: string; body: string } | undefined;
        if (!old) continue;
        deleteFts.run(old.rowid);
        deleteDoc.run(old.rowid);
        this.vocabulary.removeText(`${old.title} ${old.summary} ${old.keywords} ${old.body}`);
        removed.push(id);
      }
    })();
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
    this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('synonyms', ?)").run(JSON.stringify(groups));
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
    return (this.statement("SELECT value FROM meta WHERE key = ?").pluck().get(`app:${key}`) as string | undefined) ?? null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    this.statement("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)").run(`app:${key}`, value);
  }

  async count(): Promise<number> {
    this.refreshIfChangedElsewhere();
    return this.metas.size;
  }

  async clear(): Promise<void> {
    this.db.exec("DELETE FROM docs; INSERT INTO fts (fts) VALUES ('delete-all');");
    this.metas.clear();
    this.metaByRowid = [];
    this.columns.clear();
    this.forgetRows();
    this.maxRowid = 0;
    this.rowids.clear();
    this.vocabulary = new Vocabulary();
  }

  async close(): Promise<void> {
    this.statements.clear();
    this.database?.close();
    this.database = null;
  }

  // --- searching -----------------------------------------------------------

  private get planContext(): PlanContext & { seen: (fts: string) => RowSet | undefined } {
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
      const union = unionRows(keys.map((key) => this.rowsOf(key)), this.maxRowid);
      if (union.size >= ROW_CACHE_MIN_ROWS) this.rowCache.set(expression, union as RowSet & { bits: Uint32Array });
      return union;
    }
    const rows = this.matchRowids(expression);
    if (rows.length < ROW_CACHE_MIN_ROWS) return listRows(rows);
    const bits = bitRows(rows, this.maxRowid) as RowSet & { bits: Uint32Array };
    this.rowCache.set(expression, bits);
    return bits;
  }

  /** Matching rows, unscored: cheap even when most of the index matches. */
  private matchRowids(expression: string): number[] {
    return this.statement("SELECT rowid FROM fts WHERE fts MATCH ?").pluck().all(expression) as number[];
  }

  private matchRowidsUpTo(expression: string, limit: number): number[] {
    return this.statement("SELECT rowid FROM fts WHERE fts MATCH ? LIMIT ?").pluck().all(expression, limit) as number[];
  }

  private isVisible(meta: DocumentMeta, organisationIds: ReadonlySet<string>) {
    return meta.published || (meta.organisationId !== null && organisationIds.has(meta.organisationId));
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    this.refreshIfChangedElsewhere();
    const perPage = Math.min(Math.max(query.perPage ?? 20, 1), MAX_PER_PAGE);
    const page = Math.max(query.page ?? 1, 1);
    const organisationIds = new Set(query.visibility?.organisationIds ?? []);
    const filterSets = Object.entries(query.filters ?? {})
      .filter(([, values]) => values && values.length > 0)
      .map(([field, values]) => {
        const index = FIELD_INDEX[field as FacetField];
        const codes = new Set((values ?? []).flatMap((value) => {
          const code = this.facetCodes[index]!.get(value);
          return code === undefined ? [] : [code];
        }));
        return [index, codes] as const;
      });
    const wantedFacets = (query.facets ?? []).map((field) => FIELD_INDEX[field]);
    const counts = FACET_FIELDS.map((_, index) => new Int32Array(this.facetValues[index]!.length));
    const parsed = parseQuery(query.q, this.synonyms);

    // This loop runs once per matching document (up to the whole index), so
    // it reads typed arrays indexed by rowid and facet code, and allocates nothing.
    const size = this.maxRowid + 1;
    const scratch = this.scratch;
    scratch.reset(size);
    const accepted: Accepted = { rowids: scratch.rowids, count: 0, coverage: scratch.coverage };
    const isAccepted = scratch.accepted;
    const seen = scratch.seen;
    const byRowid = this.metaByRowid;
    const { visibility, strides, codes } = this.columns;
    const filterFields = filterSets.map(([field]) => field);
    const filterMasks = filterSets.map(([field, wanted]) => {
      const mask = new Uint8Array(this.facetValues[field]!.length);
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

    let matchedTerms: HighlightTerm[] = [];
    let termsOf: ((rowid: number) => HighlightTerm[]) | null = null;
    let offerCorrection = false;
    if (parsed.clauses.length === 0) {
      for (const rowid of this.metas.keys()) accept(rowid, 0);
    } else {
      // Visible and within the filters: the best result is judged among these.
      const passes = (rowid: number) => {
        const state = visibility[rowid] ?? 0;
        if (state !== PUBLISHED && (state !== UNPUBLISHED || !organisationIds.has(byRowid[rowid]?.organisationId ?? ""))) return false;
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
      const match = isLongQuery(query.q) ? this.matchLong(query.q, size) : this.matchBlended(parsed, size, passes);
      this.favourLeadingSectors(match, passes);
      matchedTerms = match.terms;
      termsOf = match.termsOf;
      offerCorrection = match.offerCorrection;
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
    }

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
        if (count > 0) bucket[this.facetValues[field]![code]!] = count;
      });
      facets[FACET_FIELDS[field]!] = bucket;
    }

    const sort = query.sort ?? "relevance";
    const ordered = this.order(accepted, sort, parsed.clauses.length > 0, parsed, page * perPage);
    const pageItems = ordered.slice((page - 1) * perPage, page * perPage);
    const hits = this.loadHits(pageItems, matchedTerms, termsOf);
    // Offered when nothing was found, or a word had to be read as another.
    const didYouMean = (accepted.count === 0 || offerCorrection) && parsed.clauses.length > 0 ? this.correction(parsed, query) : null;
    return { total: accepted.count, page, perPage, hits, facets, matchedTerms, didYouMean };
  }

  /** A short query: the words as typed, their phrases, spellings, typos and synonyms (see plan.ts). */
  private matchShort(parsed: ParsedQuery, size: number, passes: (rowid: number) => boolean, context = this.planContext): QueryMatch {
    const plan = planQuery(context, parsed);
    const scores = scorePlan(context, plan, size, passes, RELATIVE_CUTOFF);
    return {
      candidates: scores.candidates,
      score: scores.score,
      terms: plan.terms,
      termsOf: (rowid) => termsForDocument(plan, scores, rowid),
      offerCorrection: plan.units.some((unit) => unit.misspelt) || plan.syllables.some((syllable) => syllable.alternatives.length === 0),
      cutoff: RELATIVE_CUTOFF,
      readAs: plan.syllables.map((syllable) => (syllable.misspelt ? (syllable.readings[0]?.folded ?? syllable.token.exact) : syllable.token.exact)).join(" "),
    };
  }

  /**
   * The sectors of the best few matches say what the query is about: other
   * matches in those sectors rise a little ("trợ cấp xã hội" finds the other
   * social-welfare offers that say it differently), and those outside them
   * do not.
   */
  private favourLeadingSectors(match: QueryMatch, canLead: (rowid: number) => boolean) {
    const field = FIELD_INDEX.sector;
    const stride = this.columns.strides[field]!;
    const column = this.columns.codes[field]!;
    const sectorsOf = (rowid: number) => {
      const codes: number[] = [];
      for (let k = rowid * stride; k < rowid * stride + stride && column[k]! >= 0; k++) codes.push(column[k]!);
      return codes;
    };
    for (const [rowid, score] of sectorFeedback(match.candidates, (rowid) => match.score[rowid]!, sectorsOf, canLead)) match.score[rowid] = score;
  }

  /**
   * A few words typed: the plan's reading (exact spellings, phrases), blended
   * with matching's reading of the same words (pairs, glossary, solution
   * hints), which finds offers that say the same thing differently.
   */
  private matchBlended(parsed: ParsedQuery, size: number, passes: (rowid: number) => boolean): QueryMatch {
    const context = this.planContext;
    const short = this.matchShort(parsed, size, passes, context);
    if (parsed.words.length < BLEND_MIN_WORDS || parsed.clauses.some((clause) => clause.phrase)) return short;
    // Typos read as the words they stand for, as the plan read them; the
    // phrases the plan already looked up are not looked up again.
    const long = this.matchLong(short.readAs, size, context.seen);
    const score = new Float32Array(size);
    const seen = new Uint8Array(size);
    const candidates: number[] = [];
    for (const rowid of [...short.candidates, ...long.candidates]) {
      if (seen[rowid] === 1) continue;
      seen[rowid] = 1;
      candidates.push(rowid);
      score[rowid] = blendedScore(short.score[rowid]!, long.score[rowid]!);
    }
    return {
      ...short,
      candidates,
      score,
      termsOf: (rowid) => (short.score[rowid]! > 0 ? short.termsOf(rowid) : long.termsOf(rowid)),
      terms: [...new Set([...short.terms, ...long.terms])],
    };
  }

  /**
   * A need typed in a sentence, read the way problem → offer matching reads
   * a problem (search/match/terms.ts: words, pairs, thesaurus, glossary and
   * solution hints), and scored like similar().
   */
  private matchLong(text: string, size: number, seen?: (fts: string) => RowSet | undefined): QueryMatch {
    const terms = needTerms(text, this.matchSynonyms);
    const found = this.termScores(terms, seen);
    const score = new Float32Array(size);
    let best = 0;
    for (const entry of found.values()) best = Math.max(best, entry.score);
    for (const [rowid, entry] of found) score[rowid] = best > 0 ? entry.score / best : 0;
    return {
      candidates: [...found.keys()],
      score,
      terms: [...new Set(terms.map((term) => term.words.join(" ")))],
      termsOf: (rowid) => found.get(rowid)?.matched ?? [],
      offerCorrection: false,
      cutoff: LONG_RELATIVE_CUTOFF,
      readAs: text,
    };
  }

  /**
   * Documents holding the terms, each scored by the terms' rarity (bm25's
   * idf) times their weight. Terms held by too many documents say little and
   * cost the most; they are left out.
   */
  private termScores(terms: readonly { words: string[]; weight: number }[], seen?: (fts: string) => RowSet | undefined): Map<number, { score: number; matched: string[] }> {
    // A term in more than this many documents says little about likeness
    // and costs the most to look up.
    const size = this.metas.size;
    const commonLimit = Math.max(SIMILAR_COMMON_FLOOR, size * SIMILAR_COMMON_SHARE);
    const phraseCostLimit = Math.max(SIMILAR_COMMON_FLOOR, size * SIMILAR_PHRASE_COST_SHARE);
    const scores = new Map<number, { score: number; matched: string[] }>();
    const seenTerms = new Set<string>();
    for (const term of terms) {
      const words = term.words.filter(Boolean);
      const key = words.join(" ");
      if (words.length === 0 || seenTerms.has(key)) continue;
      seenTerms.add(key);
      if (words.some((word) => this.vocabulary.frequency(word) === 0)) continue;
      if (words.length === 1 && this.vocabulary.frequency(words[0]!) > commonLimit) continue;
      if (words.length > 1 && words.reduce((sum, word) => sum + this.vocabulary.frequency(word), 0) > phraseCostLimit) continue;
      const fts = foldedPhraseFts(this.vocabulary, words);
      if (!fts) continue;
      // Stops reading once the term proves too common: a phrase of two
      // everyday words ("phần mềm", 35,000 documents) otherwise costs a full
      // walk of both position lists only to be dropped.
      const known = seen?.(fts);
      const rows = known ? (known.size > commonLimit ? [] : rowList(known)) : this.matchRowidsUpTo(fts, commonLimit + 1);
      if (known && known.size > commonLimit) continue;
      if (rows.length === 0 || rows.length > commonLimit) continue;
      // Rarity (bm25's idf) times the term's weight. Per-row bm25 cost a
      // second query per term, most of the time on large indexes, and ranked
      // no better (matching dev set, text alone: 0.670 with it, 0.680 without).
      const rarity = Math.log(1 + (size - rows.length + 0.5) / (rows.length + 0.5)) * term.weight;
      for (const rowid of rows) {
        const entry = scores.get(rowid);
        if (entry) {
          entry.score += rarity;
          entry.matched.push(key);
        } else scores.set(rowid, { score: rarity, matched: [key] });
      }
    }
    return scores;
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
    const filters = Object.entries(query.filters ?? {}).filter(([, values]) => values && values.length > 0) as [FacetField, string[]][];
    const wanted = filters.map(([field, values]) => [FIELD_INDEX[field], new Set(values.map((value) => this.facetCodes[FIELD_INDEX[field]]!.get(value)))] as const);
    const scores = this.termScores(query.terms);
    const hits: SimilarHit[] = [];
    for (const [rowid, entry] of scores) {
      const meta = this.metaByRowid[rowid];
      if (!meta || !this.isVisible(meta, organisationIds)) continue;
      if (!wanted.every(([field, codes]) => meta.facets[field]!.some((code) => codes.has(code)))) continue;
      hits.push({ id: meta.id, type: meta.type as SimilarHit["type"], entityId: meta.id.slice(meta.type.length + 1), score: entry.score, matched: entry.matched });
    }
    return topK(hits, query.limit, (a, b) => b.score - a.score || a.id.localeCompare(b.id));
  }

  /** The first `needed` accepted documents in order; only those are sorted. */
  private order(
    accepted: Accepted,
    sort: NonNullable<SearchQuery["sort"]>,
    hasQuery: boolean,
    parsed: ParsedQuery,
    needed: number,
  ): { meta: DocumentMeta; score: number }[] {
    const byRowid = this.metaByRowid as DocumentMeta[];
    const { coverage } = accepted;
    const { publishedAt, priceMin } = this.columns;
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
        if (Number.isNaN(pa) || Number.isNaN(pb)) return (Number.isNaN(pa) ? 1 : 0) - (Number.isNaN(pb) ? 1 : 0) || newest(a, b);
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
    const texts = this.loadTexts(head);
    const reranked = head
      .map((rowid) => ({ rowid, meta: byRowid[rowid]!, score: rerankBonus(parsed.words, texts.get(rowid)) }))
      .sort((a, b) => coverage[b.rowid]! - coverage[a.rowid]! || b.score - a.score || newest(a.rowid, b.rowid));
    return [
      ...reranked.map(({ meta, score }) => ({ meta, score })),
      ...top.slice(RERANK_WINDOW).map((rowid) => ({ meta: byRowid[rowid]!, score: 0 })),
    ];
  }

  private loadTexts(rowids: number[]) {
    const texts = new Map<number, RerankText>();
    if (rowids.length === 0) return texts;
    const rows = this
      .statement(`SELECT rowid, title_folded, head_folded, head_exact FROM docs WHERE rowid IN (${rowids.map(() => "?").join(",")})`)
      .all(...rowids) as { rowid: number; title_folded: string; head_folded: string; head_exact: string }[];
    for (const row of rows) texts.set(row.rowid, { titleFolded: row.title_folded, headFolded: row.head_folded, headExact: row.head_exact });
    return texts;
  }

  private loadHits(items: { meta: DocumentMeta; score: number }[], matchedTerms: HighlightTerm[], termsOf: ((rowid: number) => HighlightTerm[]) | null = null): SearchHit[] {
    if (items.length === 0) return [];
    const rows = this
      .statement(`SELECT * FROM docs WHERE rowid IN (${items.map(() => "?").join(",")})`)
      .all(...items.map((item) => item.meta.rowid)) as StoredRow[];
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

  /** How a key is written in the documents ("thongzas" → "thống"). */
  private spellingOf(key: string): string {
    const written = this.statement("SELECT word FROM spellings WHERE key = ?").pluck().get(key) as string | undefined;
    return written ?? key;
  }

  /**
   * The query with each word the index does not know replaced by the
   * closest, most common one, spelled as the documents spell it
   * ("chuyn đổi số" → "chuyển đổi số"), if that query finds something.
   */
  private correction(parsed: ParsedQuery, query: SearchQuery): string | null {
    let changed = false;
    const folded: string[] = [];
    // Typed without diacritics, the proposal is spelled properly throughout
    // ("benh vein" → "bệnh viện"); typed with them, known words stay as typed.
    const corrected = parsed.words.map((word) => {
      if (this.vocabulary.has(word.folded)) {
        folded.push(word.folded);
        return parsed.toned ? word.exact : this.spellingOf(this.vocabulary.usualSpelling(word.folded));
      }
      const best = this.vocabulary.closest(word.folded);
      if (!best) return word.exact;
      changed = true;
      folded.push(best);
      return this.spellingOf(this.vocabulary.usualSpelling(best));
    });
    if (!changed || folded.length !== parsed.words.length) return null;
    const expressions = folded.map((word) => foldedWordFts(this.vocabulary, word));
    if (expressions.some((expression) => expression === null)) return null;
    const rows = this.matchRowids(expressions.join(" AND "));
    const organisationIds = new Set(query.visibility?.organisationIds ?? []);
    const visible = rows.some((rowid) => {
      const meta = this.metas.get(rowid);
      return meta !== undefined && this.isVisible(meta, organisationIds);
    });
    return visible ? corrected.join(" ") : null;
  }

  async suggest(query: SuggestQuery): Promise<Suggestion[]> {
    this.refreshIfChangedElsewhere();
    const limit = Math.min(Math.max(query.limit ?? 8, 1), 20);
    const parsed = parseQuery(query.q, this.synonyms);
    if (parsed.clauses.length === 0) return [];
    const types = new Set<string>(query.types ?? []);
    const plan = planQuery(this.planContext, parsed);
    const units = plan.units.map((unit) => unit.alternatives.map((alternative) => alternative.fts));
    if (units.length === 0 || units.some((options) => options.length === 0)) return [];
    const expression = `{title} : (${units.map((options) => `(${options.join(" OR ")})`).join(" AND ")})`;
    const rowids = this
      .statement("SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT 200")
      .pluck()
      .all(expression) as number[];
    const chosen = rowids
      .map((rowid) => this.metas.get(rowid))
      .filter((meta): meta is DocumentMeta => meta !== undefined && meta.published && (types.size === 0 || types.has(meta.type)))
      .slice(0, limit);
    return this.loadHits(chosen.map((meta) => ({ meta, score: 0 })), plan.terms).map((hit) => ({
      id: hit.id,
      type: hit.type,
      slug: hit.slug,
      title: hit.title,
      highlight: hit.highlight.title,
    }));
  }
}

