// The default engine: SQLite FTS5 in its own file, in-process. FTS5 finds and
// scores the matching rows; filters, facet counts, sorting and the final
// re-ranking run over compact per-document metadata kept in memory, which is
// what keeps facet counts fast on 100,000 documents. The file persists, so a
// restart only reloads the metadata, and every write is incremental.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { highlight, snippet } from "../highlight.ts";
import { rerankBonus, type RerankText } from "../rerank.ts";
import { buildSynonymIndex, EMPTY_SYNONYMS, parseQuery, type ParsedQuery, type QueryClause, type SynonymIndex } from "../query.ts";
import { tokenize, typosBetween, type Token } from "../text.ts";
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
import { bitRows, forEachRow, intersectRows, listRows, RowCache, type RowSet } from "./row-sets.ts";
import { Vocabulary } from "./vocabulary.ts";

// Bump when the table layout or the text folding changes: the index is then
// rebuilt empty and the app's reindex fills it.
const SCHEMA_VERSION = 2;

// bm25 weights for the FTS columns, in order: title, summary, keywords, body.
const COLUMN_WEIGHTS = [8, 3, 4, 1];
const RERANK_WINDOW = 100;
// A last word shorter than this is completed from the vocabulary rather than
// matched as an FTS prefix.
const SHORT_PREFIX = 2;
const SHORT_PREFIX_COMPLETIONS = 6;
// In the partial tier, words held by more than this share of the index (and
// more than the floor) are left out when rarer ones exist.
const PARTIAL_COMMON_SHARE = 0.1;
const PARTIAL_COMMON_FLOOR = 500;
// similar(): terms held by more than this share of documents (and more than
// the floor) are left out.
const SIMILAR_COMMON_SHARE = 0.01;
const SIMILAR_COMMON_FLOOR = 50;
// A phrase costs FTS5 a walk of every posting of each of its words. One made
// only of everyday syllables ("cơ sở dữ liệu", "sàn vận tải": over 1.5 postings
// per document together) is left to the candidates' own-text scoring in
// matching, which still counts it: at 100,000 offers these few phrases were a
// third of the time, and on the labelled sets (a few hundred offers) the cap
// changes almost nothing (dev 0.771 → 0.770, holdout2 0.882 either way).
const SIMILAR_PHRASE_COST_SHARE = 1.5;
// Above this many matches, bm25 is not computed (see scoreCandidates).
const SCORE_LIMIT = 4000;
// Row sets of clauses matching at least this many documents are kept in
// memory until the next write, like Meilisearch's precomputed prefix
// postings: "th", "chuyển đổi số" and the like recur constantly (every
// search-as-you-type passes through them) and are the costliest to read.
const ROW_CACHE_MIN_ROWS = 2000;
const ROW_CACHE_MAX_BYTES = 24 * 1024 * 1024;

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

/** The documents a query accepted, with per-rowid bm25 (lower is better) and coverage. */
interface Accepted {
  /** The first `count` entries are the accepted rowids. */
  rowids: Int32Array;
  count: number;
  bm25: Float64Array;
  /** How many of the query's clauses each document matched. */
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

/** One way a clause can match: FTS5 syntax plus the folded terms it covers. */
interface Alternative {
  fts: string;
  terms: string[];
  typos: number;
}

const quote = (word: string) => `"${word}"`;

/** Each field tokenised once: FTS columns, re-ranking strings and the vocabulary. */
function analyse(document: SearchDocument) {
  const title = tokenize(document.title);
  const summary = tokenize(document.summary);
  const keywords = tokenize(document.keywords.join(" . "));
  const body = tokenize(document.body);
  const folded = (tokens: Token[]) => tokens.map((token) => token.folded).join(" ");
  const head = [...summary, ...keywords];
  const words = new Set<string>();
  for (const list of [title, summary, keywords, body]) for (const token of list) words.add(token.folded);
  return {
    columns: [folded(title), folded(summary), folded(keywords), folded(body)] as const,
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

export class EmbeddedSearchEngine implements SearchEngine {
  readonly name = "embedded";
  private database: Database.Database | null = null;
  private metas = new Map<number, DocumentMeta>();
  // The same, as an array indexed by rowid, for the hot loop in search().
  private metaByRowid: (DocumentMeta | undefined)[] = [];
  private maxRowid = 0;
  private rowids = new Map<string, number>();
  private vocabulary = new Vocabulary();
  private synonyms: SynonymIndex = EMPTY_SYNONYMS;
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
      db.exec("DROP TABLE IF EXISTS docs; DROP TABLE IF EXISTS fts; DROP TABLE IF EXISTS fts_vocab;");
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
    const synonyms = db.prepare("SELECT value FROM meta WHERE key = 'synonyms'").pluck().get() as string | undefined;
    this.useSynonyms(synonyms ? buildSynonymIndex(JSON.parse(synonyms) as SynonymGroups) : EMPTY_SYNONYMS);
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
    const db = this.db;
    const findOld = db.prepare("SELECT rowid, title, summary, keywords, body FROM docs WHERE id = ?");
    const deleteFts = db.prepare("DELETE FROM fts WHERE rowid = ?");
    const upsertDoc = db.prepare(`
      INSERT INTO docs (id, type, entity_id, slug, title, summary, body, keywords, organisation_name, published,
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
    const insertFts = db.prepare("INSERT INTO fts (rowid, title, summary, keywords, body) VALUES (?, ?, ?, ?, ?)");
    const remembered: Parameters<EmbeddedSearchEngine["remember"]>[0][] = [];
    db.transaction(() => {
      for (const document of documents) {
        const old = findOld.get(document.id) as { rowid: number; title: string; summary: string; keywords: string; body: string } | undefined;
        if (old) {
          deleteFts.run(old.rowid);
          this.vocabulary.removeText(`${old.title} ${old.summary} ${old.keywords} ${old.body}`);
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
        this.vocabulary.addWords(analysed.words);
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
    for (const row of remembered) this.remember(row);
    this.forgetRows();
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
    this.useSynonyms(buildSynonymIndex(groups));
  }

  private useSynonyms(index: SynonymIndex) {
    this.synonyms = index;
    this.synonymWords = new Map();
    for (const group of index.groups) {
      for (const phrase of group) if (phrase.length === 1) this.synonymWords.set(phrase[0]!, group);
    }
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

  /**
   * The ways one query word (or quoted phrase, or synonym phrase) can match.
   * Typo variants are only tried for words the index doesn't hold, so a real
   * word is never drifted to a neighbour ("giao thông" to "giao thương").
   */
  private alternativesFor(clause: QueryClause): Alternative[] {
    const words = clause.words.map((word) => word.folded);
    const alternatives: Alternative[] = [];
    if (clause.phrase) {
      alternatives.push({ fts: quote(words.join(" ")), terms: words, typos: 0 });
    } else if (words.length > 1) {
      alternatives.push({ fts: `(${words.map(quote).join(" AND ")})`, terms: words, typos: 0 });
    } else {
      const word = words[0]!;
      if (clause.prefix && word.length < SHORT_PREFIX) {
        // One or two letters would match most of the index; the most common
        // completions keep search-as-you-type useful and fast.
        const completions = this.vocabulary.completions(word, SHORT_PREFIX_COMPLETIONS);
        if (!completions.includes(word)) completions.unshift(word);
        for (const completion of completions) alternatives.push({ fts: quote(completion), terms: [completion], typos: 0 });
      } else {
        alternatives.push({ fts: clause.prefix ? `${quote(word)} *` : quote(word), terms: [clause.prefix ? `${word}*` : word], typos: 0 });
      }
      const known = clause.prefix ? this.vocabulary.hasPrefix(word) : this.vocabulary.has(word);
      if (!known) {
        for (const [candidate, typos] of this.vocabulary.withinTypos(word)) {
          alternatives.push({ fts: quote(candidate), terms: [candidate], typos });
        }
        // A misspelt word that is in the synonym list ("hospitl") brings its
        // synonyms ("bệnh viện"), even when the index never uses the word.
        for (const candidate of this.synonymWords.keys()) {
          if (candidate === word || typosBetween(word, candidate) === null) continue;
          for (const phrase of this.synonymWords.get(candidate)!) {
            if (phrase.length === 1 && alternatives.some((alternative) => alternative.terms[0] === phrase[0])) continue;
            alternatives.push({ fts: quote(phrase.join(" ")), terms: phrase, typos: 1 });
          }
        }
      }
    }
    for (const synonym of clause.synonyms) {
      alternatives.push({ fts: quote(synonym.join(" ")), terms: synonym, typos: 0 });
    }
    return alternatives;
  }

  /**
   * Clauses as FTS5 expressions. Two plain words whose concatenation is an
   * indexed word also match it: "cyber security" finds "cybersecurity".
   */
  private clauseExpressions(clauses: QueryClause[]): { fts: string; terms: string[] }[] {
    const result: { fts: string; terms: string[] }[] = [];
    // A single letter still being typed after other words would match most
    // of the index; wait for the next letter.
    const last = clauses.at(-1);
    if (clauses.length > 1 && last?.prefix && last.words[0]!.folded.length < SHORT_PREFIX) clauses = clauses.slice(0, -1);
    const plain = (clause: QueryClause | undefined) => clause && !clause.phrase && clause.words.length === 1 && clause.synonyms.length === 0;
    for (let i = 0; i < clauses.length; i++) {
      const clause = clauses[i]!;
      const next = clauses[i + 1];
      const options = this.alternativesFor(clause);
      if (plain(clause) && plain(next) && !clause.prefix) {
        const joined = clause.words[0]!.folded + next!.words[0]!.folded;
        const joinedOptions = this.vocabulary.has(joined) ? [[joined, 0] as [string, number]] : this.vocabulary.withinTypos(joined, 2);
        if (joinedOptions.length > 0) {
          const nextOptions = this.alternativesFor(next!);
          const both = `((${options.map((o) => o.fts).join(" OR ")}) AND (${nextOptions.map((o) => o.fts).join(" OR ")}))`;
          result.push({
            fts: `(${[both, ...joinedOptions.map(([word]) => quote(word))].join(" OR ")})`,
            terms: [...options, ...nextOptions].flatMap((o) => o.terms).concat(joinedOptions.map(([word]) => word)),
          });
          i += 1;
          continue;
        }
      }
      result.push({ fts: `(${options.map((o) => o.fts).join(" OR ")})`, terms: options.flatMap((o) => o.terms) });
    }
    return result;
  }

  private forgetRows() {
    this.rowCache.clear();
  }

  /**
   * Documents a clause must match to count as very common: such clauses say
   * little (near-zero IDF) and cost the most, so the partial tier and scoring
   * leave them out and short prefixes are evaluated with a rarer word.
   */
  private veryCommon(): number {
    return Math.max(PARTIAL_COMMON_FLOOR, this.metas.size * PARTIAL_COMMON_SHARE);
  }

  /** How many documents a clause matches, when that is known without asking FTS5. */
  private clauseSize(expression: { fts: string; terms: string[] }): number | null {
    const cached = this.rowCache.get(expression.fts);
    if (cached) return cached.size;
    if (expression.terms.length !== 1) return null;
    const term = expression.terms[0]!;
    if (!term.endsWith("*")) return this.vocabulary.frequency(term);
    return this.vocabulary.prefixDocuments(term.slice(0, -1), this.veryCommon());
  }

  /** Rows matching one expression, from memory when it is a common one. */
  private rowsOf(expression: string): RowSet {
    const cached = this.rowCache.get(expression);
    if (cached) return cached;
    const rows = this.matchRowids(expression);
    if (rows.length < ROW_CACHE_MIN_ROWS) return listRows(rows);
    const bits = bitRows(rows, this.maxRowid) as RowSet & { bits: Uint32Array };
    this.rowCache.set(expression, bits);
    return bits;
  }

  /**
   * Rows matching every clause. Clauses whose rows are in memory, or whose
   * single word is common enough to be worth keeping, are intersected here;
   * FTS5 only evaluates the rest, which are rare and cheap.
   */
  private conjunctionRows(expressions: { fts: string; terms: string[] }[]): RowSet {
    if (expressions.length === 1) return this.rowsOf(expressions[0]!.fts);
    const lists: RowSet[] = [];
    const rest: { fts: string; terms: string[] }[] = [];
    let rarestListed: string | null = null;
    let rarestSize = Infinity;
    for (const expression of expressions) {
      const common = expression.terms.length === 1 && this.vocabulary.frequency(expression.terms[0]!) >= ROW_CACHE_MIN_ROWS;
      if (!this.rowCache.has(expression.fts) && !common) {
        rest.push(expression);
        continue;
      }
      const rows = this.rowsOf(expression.fts);
      lists.push(rows);
      if (rows.size < rarestSize) [rarestListed, rarestSize] = [expression.fts, rows.size];
    }
    if (rest.length > 0) {
      // A short prefix ("gia" after "mật độ") alone would read every posting
      // of giao, giai, giá...; ANDed with the rarest other word FTS5 seeks
      // through them instead.
      const veryCommon = this.veryCommon();
      const restIsHuge = rest.every((expression) => (this.clauseSize(expression) ?? 0) >= veryCommon);
      const restFts = rest.map((expression) => expression.fts);
      if (restIsHuge && rarestListed) restFts.push(rarestListed);
      lists.push(listRows(this.matchRowids(restFts.join(" AND "))));
    }
    return intersectRows(lists);
  }

  /** Matching rows, unscored: cheap even when most of the index matches. */
  private matchRowids(expression: string): number[] {
    return this.statement("SELECT rowid FROM fts WHERE fts MATCH ?").pluck().all(expression) as number[];
  }

  private matchRowidsUpTo(expression: string, limit: number): number[] {
    return this.statement("SELECT rowid FROM fts WHERE fts MATCH ? LIMIT ?").pluck().all(expression, limit) as number[];
  }

  /** Matching rows with bm25 (lower is better): costly on very large sets. */
  private matchScored(expression: string): [number, number][] {
    return this
      .statement(`SELECT rowid, bm25(fts, ${COLUMN_WEIGHTS.join(", ")}) FROM fts WHERE fts MATCH ?`)
      .raw()
      .all(expression) as [number, number][];
  }

  /**
   * bm25 for every candidate when there are few enough; otherwise those with
   * the words in their title come first. bm25 over tens of thousands of rows
   * costs hundreds of milliseconds, and on a word that common it says little.
   */
  private scoreCandidates(expression: string, rowCount: number, apply: (rowid: number, bm25: number) => void) {
    if (rowCount <= SCORE_LIMIT) {
      for (const [rowid, bm25] of this.matchScored(expression)) apply(rowid, bm25);
      return;
    }
    forEachRow(this.rowsOf(`{title} : (${expression})`), (rowid) => apply(rowid, -1));
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
    const accepted: Accepted = { rowids: scratch.rowids, count: 0, bm25: scratch.bm25, coverage: scratch.coverage };
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

    let matchedTerms: string[] = [];
    let allWordsMatched = true;
    const ranked = parsed.clauses.length > 0 && (query.sort ?? "relevance") === "relevance";
    if (parsed.clauses.length === 0) {
      for (const rowid of this.metas.keys()) accept(rowid, 0);
    } else {
      const expressions = this.clauseExpressions(parsed.clauses);
      matchedTerms = expressions.flatMap((expression) => expression.terms);
      const all = expressions.length;
      const conjunction = expressions.map((e) => e.fts).join(" AND ");
      const rows = this.conjunctionRows(expressions);
      forEachRow(rows, (rowid) => accept(rowid, all));
      if (ranked) {
        // A word in a tenth of the index adds almost nothing to bm25 (its
        // IDF is near zero) but reading its postings again is most of the
        // cost: score on the other words, or by title if all are that common.
        const veryCommon = this.veryCommon();
        const scoring = expressions.filter((expression) => (this.clauseSize(expression) ?? 0) < veryCommon);
        const scoringExpression = scoring.length === all || scoring.length === 0 ? conjunction : scoring.map((expression) => expression.fts).join(" AND ");
        this.scoreCandidates(scoringExpression, scoring.length === 0 ? Infinity : rows.size, (rowid, bm25) => {
          if (isAccepted[rowid] === 1) accepted.bm25[rowid] = bm25;
        });
      }
      // Too few documents hold every word: add those that hold most of them,
      // ranked after, as Meilisearch does (but dropping any word, not only
      // the last one typed).
      if (accepted.count < page * perPage && all >= 2) {
        const before = accepted.count;
        // Typed arrays, not a Map: a common word can bring most of the index.
        const coverage = new Uint8Array(this.maxRowid + 1);
        const scores = new Float64Array(this.maxRowid + 1);
        const touched: number[] = [];
        // A word most documents hold ("số", "cơ") would only add noise
        // after the rarer words were tried, and costs the most: leave it out
        // unless every word is that common.
        const clauseRowSets = expressions.map((expression) => this.rowsOf(expression.fts));
        const common = this.veryCommon();
        const usable = clauseRowSets.some((rows) => rows.size <= common);
        for (const [index, expression] of expressions.entries()) {
          const clauseRows = clauseRowSets[index]!;
          if (usable && clauseRows.size > common) continue;
          forEachRow(clauseRows, (rowid) => {
            if (seen[rowid] === 1) return;
            if (coverage[rowid] === 0) touched.push(rowid);
            coverage[rowid] = coverage[rowid]! + 1;
          });
          if (ranked) {
            this.scoreCandidates(expression.fts, clauseRows.size, (rowid, bm25) => {
              if (coverage[rowid]! > 0) scores[rowid] = scores[rowid]! + bm25;
            });
          }
        }
        for (const rowid of touched) {
          accept(rowid, coverage[rowid]!);
          if (isAccepted[rowid] === 1) accepted.bm25[rowid] = scores[rowid]!;
        }
        allWordsMatched = accepted.count === before;
      }
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
    const hits = this.loadHits(pageItems, matchedTerms);
    // Offered when nothing, or not everything typed, was found.
    const didYouMean = (accepted.count === 0 || !allWordsMatched) && parsed.clauses.length > 0 ? this.correction(parsed, query) : null;
    return { total: accepted.count, page, perPage, hits, facets, matchedTerms, didYouMean };
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
    // A term in more than this many documents says little about likeness
    // and costs the most to look up.
    const size = this.metas.size;
    const commonLimit = Math.max(SIMILAR_COMMON_FLOOR, size * SIMILAR_COMMON_SHARE);
    const phraseCostLimit = Math.max(SIMILAR_COMMON_FLOOR, size * SIMILAR_PHRASE_COST_SHARE);
    const scores = new Map<number, { score: number; matched: string[] }>();
    const seenTerms = new Set<string>();
    for (const term of query.terms) {
      const words = term.words.filter(Boolean);
      const key = words.join(" ");
      if (words.length === 0 || seenTerms.has(key)) continue;
      seenTerms.add(key);
      if (words.some((word) => this.vocabulary.frequency(word) === 0)) continue;
      if (words.length === 1 && this.vocabulary.frequency(words[0]!) > commonLimit) continue;
      if (words.length > 1 && words.reduce((sum, word) => sum + this.vocabulary.frequency(word), 0) > phraseCostLimit) continue;
      // Stops reading once the term proves too common: a phrase of two
      // everyday words ("phần mềm", 35,000 documents) otherwise costs a full
      // walk of both position lists only to be dropped.
      const rows = this.matchRowidsUpTo(quote(key), commonLimit + 1);
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
    const { bm25, coverage } = accepted;
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
      // Documents holding more of the words first; bm25 (lower is better) within.
      compare = (a, b) => coverage[b]! - coverage[a]! || bm25[a]! - bm25[b]! || newest(a, b);
    }
    const relevance = sort === "relevance" && hasQuery;
    const top = topK(accepted.rowids, Math.max(needed, relevance ? RERANK_WINDOW : 0), compare, accepted.count);
    if (!relevance) return top.map((rowid) => ({ meta: byRowid[rowid]!, score: 0 }));
    const head = top.slice(0, RERANK_WINDOW);
    const texts = this.loadTexts(head);
    const reranked = head
      .map((rowid) => ({ rowid, meta: byRowid[rowid]!, score: -bm25[rowid]! + rerankBonus(parsed.words, texts.get(rowid)) }))
      .sort((a, b) => coverage[b.rowid]! - coverage[a.rowid]! || b.score - a.score || newest(a.rowid, b.rowid));
    return [
      ...reranked.map(({ meta, score }) => ({ meta, score })),
      ...top.slice(RERANK_WINDOW).map((rowid) => ({ meta: byRowid[rowid]!, score: -bm25[rowid]! })),
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

  private loadHits(items: { meta: DocumentMeta; score: number }[], matchedTerms: string[]): SearchHit[] {
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
          highlight: { title: highlight(row.title, matchedTerms), snippet: snippet([row.summary, row.body], matchedTerms) },
        },
      ];
    });
  }

  /** The closest spelling of each word that the index knows, if that finds anything. */
  private correction(parsed: ParsedQuery, query: SearchQuery): string | null {
    let changed = false;
    const corrected = parsed.words.map((word) => {
      if (this.vocabulary.has(word.folded)) return word.exact;
      const best = this.vocabulary.closest(word.folded);
      if (!best) return word.exact;
      changed = true;
      return best;
    });
    if (!changed) return null;
    const text = corrected.join(" ");
    const rows = this.matchRowids(this.clauseExpressions(parseQuery(`${text} `, this.synonyms).clauses).map((e) => e.fts).join(" AND "));
    const organisationIds = new Set(query.visibility?.organisationIds ?? []);
    const visible = rows.some((rowid) => {
      const meta = this.metas.get(rowid);
      return meta !== undefined && this.isVisible(meta, organisationIds);
    });
    return visible ? text : null;
  }

  async suggest(query: SuggestQuery): Promise<Suggestion[]> {
    this.refreshIfChangedElsewhere();
    const limit = Math.min(Math.max(query.limit ?? 8, 1), 20);
    const parsed = parseQuery(query.q, this.synonyms);
    if (parsed.clauses.length === 0) return [];
    const types = new Set<string>(query.types ?? []);
    const alternatives = parsed.clauses.map((clause) => this.alternativesFor(clause));
    const expression = `{title} : (${alternatives.map((options) => `(${options.map((option) => option.fts).join(" OR ")})`).join(" AND ")})`;
    const rowids = this
      .statement("SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT 200")
      .pluck()
      .all(expression) as number[];
    const chosen = rowids
      .map((rowid) => this.metas.get(rowid))
      .filter((meta): meta is DocumentMeta => meta !== undefined && meta.published && (types.size === 0 || types.has(meta.type)))
      .slice(0, limit);
    const terms = alternatives.flat().flatMap((option) => option.terms);
    return this.loadHits(chosen.map((meta) => ({ meta, score: 0 })), terms).map((hit) => ({
      id: hit.id,
      type: hit.type,
      slug: hit.slug,
      title: hit.title,
      highlight: hit.highlight.title,
    }));
  }
}

