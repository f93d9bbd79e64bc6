// The embedded engine's SQLite file: table layout, writes (incremental and a
// full rebuild through staging tables), and the reads a search makes. All the
// SQL lives here; the engine keeps what it reads in memory (metadata.ts,
// vocabulary.ts) and never touches the database itself.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { RerankText } from "../rerank.ts";
import { tokenize, type Token } from "../text.ts";
import { facetValuesOf, type SearchDocument, type SynonymGroups } from "../types.ts";
import { Vocabulary } from "./vocabulary.ts";

// Bump when the table layout or the text folding changes: the index is then
// rebuilt empty and the app's reindex fills it. 3: words are indexed as keys
// that keep their diacritics (see toneKey).
const SCHEMA_VERSION = 3;

export interface StoredRow {
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

/** The columns the engine keeps in memory for each document (see metadata.ts). */
export type MetaRow = Pick<
  StoredRow,
  "rowid" | "id" | "type" | "published" | "organisation_id" | "facets" | "price_min" | "published_at"
>;

interface Tables {
  docs: string;
  fts: string;
}
const LIVE_TABLES: Tables = { docs: "docs", fts: "fts" };
const STAGING_TABLES: Tables = { docs: "docs_rebuild", fts: "fts_rebuild" };

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

export class IndexFile {
  // Keys whose written form is stored: most words repeat, so each is written once.
  private spelled = new Set<string>();

  // One prepared statement per SQL text: preparing one per query left native
  // memory waiting for the garbage collector (matching runs dozens of
  // lookups per problem; RSS grew by 200 MB over a benchmark).
  private statements = new Map<string, Database.Statement>();

  private constructor(private readonly db: Database.Database) {}

  /** Opens (or creates) the file; an index of an older layout is dropped and recreated empty. */
  static open(file: string): IndexFile {
    if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    // Posting lists of common words are read on most queries: a 32 MB page
    // cache keeps them rather than copying them from the OS cache each time.
    // (Mapping the file was a little faster again but counts 250 MB more RSS.)
    db.pragma("cache_size = -32768");
    db.exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    const version = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get() as
      | string
      | undefined;
    if (version !== String(SCHEMA_VERSION)) {
      db.exec(
        "DROP TABLE IF EXISTS docs; DROP TABLE IF EXISTS fts; DROP TABLE IF EXISTS fts_vocab; DROP TABLE IF EXISTS spellings;",
      );
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
    return new IndexFile(db);
  }

  statement(sql: string): Database.Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  close() {
    this.statements.clear();
    this.db.close();
  }

  /** Changes only when another connection commits. */
  dataVersion(): number {
    return this.db.pragma("data_version", { simple: true }) as number;
  }

  /** Everything the engine keeps in memory: each document's metadata, the vocabulary and the synonyms. */
  load(): { rows: MetaRow[]; vocabulary: Vocabulary; synonyms: SynonymGroups } {
    const db = this.db;
    const rows = db
      .prepare("SELECT rowid, id, type, published, organisation_id, facets, price_min, published_at FROM docs")
      .all() as StoredRow[];
    const vocabulary = Vocabulary.fromRows(
      db.prepare("SELECT term, doc FROM fts_vocab").raw().all() as [string, number][],
    );
    this.spelled = new Set(db.prepare("SELECT key FROM spellings").pluck().all() as string[]);
    const synonyms = db.prepare("SELECT value FROM meta WHERE key = 'synonyms'").pluck().get() as string | undefined;
    return { rows, vocabulary, synonyms: synonyms ? (JSON.parse(synonyms) as SynonymGroups) : [] };
  }

  /** Inserts or replaces documents in the live tables, keeping `vocabulary` current. */
  upsert(documents: SearchDocument[], vocabulary: Vocabulary): MetaRow[] {
    return this.writeDocuments(documents, LIVE_TABLES, vocabulary);
  }

  /**
   * Inserts or replaces documents in `tables`, in one transaction. The live
   * tables also keep the in-memory vocabulary current; a rebuild's staging
   * tables leave it alone (it is reloaded when they are swapped in).
   */
  private writeDocuments(documents: SearchDocument[], tables: Tables, vocabulary: Vocabulary | null) {
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
    const insertFts = db.prepare(
      `INSERT INTO ${tables.fts} (rowid, title, summary, keywords, body) VALUES (?, ?, ?, ?, ?)`,
    );
    const insertSpelling = db.prepare("INSERT OR IGNORE INTO spellings (key, word) VALUES (?, ?)");
    const remembered: MetaRow[] = [];
    db.transaction(() => {
      for (const document of documents) {
        const old = findOld.get(document.id) as
          | { rowid: number; title: string; summary: string; keywords: string; body: string }
          | undefined;
        if (old) {
          deleteFts.run(old.rowid);
          if (vocabulary) vocabulary.removeText(`${old.title} ${old.summary} ${old.keywords} ${old.body}`);
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
        if (vocabulary) vocabulary.addKeys(analysed.words);
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
   * Writes every document `batches` yields into staging tables (each batch
   * its own short transaction, so the event loop and other readers are never
   * held for the whole rebuild), then one transaction renames them over the
   * live ones. If a batch fails, the staging tables are dropped and the live
   * tables are as they were. The caller reloads what it keeps in memory.
   */
  async rebuild(batches: AsyncIterable<SearchDocument[]>): Promise<void> {
    const db = this.db;
    const ddl = (name: string) => {
      const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = ?").pluck().get(name) as string | undefined;
      if (!sql) throw new Error(`Search index table ${name} is missing`);
      // "CREATE TABLE docs (" / "CREATE VIRTUAL TABLE fts USING": the same definition under the staging name.
      return sql.replace(
        new RegExp(`^(CREATE (?:VIRTUAL )?TABLE )"?${name}"?`),
        `$1${STAGING_TABLES[name as keyof Tables]}`,
      );
    };
    const dropStaging = () =>
      db.exec(`DROP TABLE IF EXISTS ${STAGING_TABLES.fts}; DROP TABLE IF EXISTS ${STAGING_TABLES.docs};`);
    // Left over from a rebuild a crash interrupted.
    dropStaging();
    db.exec(`${ddl("docs")}; ${ddl("fts")};`);
    try {
      for await (const batch of batches) {
        if (batch.length > 0) this.writeDocuments(batch, STAGING_TABLES, null);
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
  }

  /** Deletes the documents, keeping `vocabulary` current; returns the ids that were there. */
  remove(ids: string[], vocabulary: Vocabulary): string[] {
    const db = this.db;
    const findOld = db.prepare("SELECT rowid, title, summary, keywords, body FROM docs WHERE id = ?");
    const deleteFts = db.prepare("DELETE FROM fts WHERE rowid = ?");
    const deleteDoc = db.prepare("DELETE FROM docs WHERE rowid = ?");
    const removed: string[] = [];
    db.transaction(() => {
      for (const id of ids) {
        const old = findOld.get(id) as
          | { rowid: number; title: string; summary: string; keywords: string; body: string }
          | undefined;
        if (!old) continue;
        deleteFts.run(old.rowid);
        deleteDoc.run(old.rowid);
        vocabulary.removeText(`${old.title} ${old.summary} ${old.keywords} ${old.body}`);
        removed.push(id);
      }
    })();
    return removed;
  }

  clear() {
    this.db.exec("DELETE FROM docs; INSERT INTO fts (fts) VALUES ('delete-all');");
  }

  saveSynonyms(groups: SynonymGroups) {
    this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('synonyms', ?)").run(JSON.stringify(groups));
  }

  /** The app's own key/value pairs, apart from the index's. */
  getAppMeta(key: string): string | null {
    return (
      (this.statement("SELECT value FROM meta WHERE key = ?").pluck().get(`app:${key}`) as string | undefined) ?? null
    );
  }

  setAppMeta(key: string, value: string) {
    this.statement("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)").run(`app:${key}`, value);
  }

  // --- reads made while searching -------------------------------------------

  /** Matching rows, unscored: cheap even when most of the index matches. */
  matchRowids(expression: string): number[] {
    return this.statement("SELECT rowid FROM fts WHERE fts MATCH ?").pluck().all(expression) as number[];
  }

  matchRowidsUpTo(expression: string, limit: number): number[] {
    return this.statement("SELECT rowid FROM fts WHERE fts MATCH ? LIMIT ?").pluck().all(expression, limit) as number[];
  }

  /** The best 200 rows by FTS5's own rank, for suggestions. */
  rankedRowids(expression: string): number[] {
    return this.statement("SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT 200")
      .pluck()
      .all(expression) as number[];
  }

  /** Title and head words of the rows, folded and as written, for re-ranking. */
  readTexts(rowids: number[]) {
    const texts = new Map<number, RerankText>();
    if (rowids.length === 0) return texts;
    const rows = this.statement(
      `SELECT rowid, title_folded, head_folded, head_exact FROM docs WHERE rowid IN (${rowids
        .map(() => "?")
        .join(",")})`,
    ).all(...rowids) as { rowid: number; title_folded: string; head_folded: string; head_exact: string }[];
    for (const row of rows)
      texts.set(row.rowid, { titleFolded: row.title_folded, headFolded: row.head_folded, headExact: row.head_exact });
    return texts;
  }

  /** The stored rows, in no particular order. */
  readRows(rowids: number[]): StoredRow[] {
    return this.statement(`SELECT * FROM docs WHERE rowid IN (${rowids.map(() => "?").join(",")})`).all(
      ...rowids,
    ) as StoredRow[];
  }

  /** How a key is written in the documents ("thongzas" → "thống"). */
  spellingOf(key: string): string {
    const written = this.statement("SELECT word FROM spellings WHERE key = ?").pluck().get(key) as string | undefined;
    return written ?? key;
  }
}
