// The default engine: SQLite FTS5 in its own file, in-process. FTS5 finds and
// scores the matching rows; filters, facet counts, sorting and the final
// re-ranking run over compact per-document metadata kept in memory, which is
// what keeps facet counts fast on 100,000 documents. The file persists, so a
// restart only reloads the metadata, and every write is incremental.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { highlight, snippet } from "../highlight.ts";
import { buildSynonymIndex, EMPTY_SYNONYMS, parseQuery, type ParsedQuery, type QueryClause, type SynonymIndex } from "../query.ts";
import { normalise, tokenize, typosBetween } from "../text.ts";
import {
  type FacetCounts,
  type FacetField,
  type SearchDocument,
  type SearchEngine,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  type SuggestQuery,
  type Suggestion,
  type SynonymGroups,
} from "../types.ts";
import { Vocabulary } from "./vocabulary.ts";

// Bump when the table layout or the text folding changes: the index is then
// rebuilt empty and the app's reindex fills it.
const SCHEMA_VERSION = 1;

// bm25 weights for the FTS columns, in order: title, summary, keywords, body.
const COLUMN_WEIGHTS = [8, 3, 4, 1];
const RERANK_WINDOW = 200;
const MAX_PER_PAGE = 100;

interface DocumentMeta {
  rowid: number;
  id: string;
  type: string;
  published: boolean;
  organisationId: string | null;
  facets: Record<FacetField, string[]>;
  priceMin: number | null;
  publishedAt: number | null;
}

interface Candidate {
  meta: DocumentMeta;
  bm25: number;
  /** How many of the query's clauses the document matched. */
  coverage: number;
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

function facetsOf(document: SearchDocument): Record<FacetField, string[]> {
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

function foldedColumns(document: SearchDocument) {
  const foldText = (text: string) => tokenize(text).map((token) => token.folded).join(" ");
  return [foldText(document.title), foldText(document.summary), foldText(document.keywords.join(" . ")), foldText(document.body)];
}

export interface EmbeddedEngineOptions {
  /** Path of the index file; ":memory:" for a throwaway index. */
  path: string;
}

export class EmbeddedSearchEngine implements SearchEngine {
  readonly name = "embedded";
  private database: Database.Database | null = null;
  private metas = new Map<number, DocumentMeta>();
  private rowids = new Map<string, number>();
  private vocabulary = new Vocabulary();
  private synonyms: SynonymIndex = EMPTY_SYNONYMS;
  /** One-word synonym phrases → every phrase of their group (itself included). */
  private synonymWords = new Map<string, string[][]>();
  private dataVersion = -1;

  constructor(private readonly options: EmbeddedEngineOptions) {}

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
          published_at INTEGER
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
    this.metas.set(row.rowid, {
      rowid: row.rowid,
      id: row.id,
      type: row.type,
      published: row.published === 1,
      organisationId: row.organisation_id,
      facets: JSON.parse(row.facets) as Record<FacetField, string[]>,
      priceMin: row.price_min,
      publishedAt: row.published_at,
    });
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
                        organisation_id, facets, price_min, published_at)
      VALUES (@id, @type, @entityId, @slug, @title, @summary, @body, @keywords, @organisationName, @published,
              @organisationId, @facets, @priceMin, @publishedAt)
      ON CONFLICT (id) DO UPDATE SET type = excluded.type, entity_id = excluded.entity_id, slug = excluded.slug,
        title = excluded.title, summary = excluded.summary, body = excluded.body, keywords = excluded.keywords,
        organisation_name = excluded.organisation_name, published = excluded.published,
        organisation_id = excluded.organisation_id, facets = excluded.facets, price_min = excluded.price_min,
        published_at = excluded.published_at
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
        const facets = JSON.stringify(facetsOf(document));
        const keywords = document.keywords.join(" . ");
        const { rowid } = upsertDoc.get({
          ...document,
          keywords,
          published: document.published ? 1 : 0,
          facets,
        }) as { rowid: number };
        insertFts.run(rowid, ...foldedColumns(document));
        this.vocabulary.addText(`${document.title} ${document.summary} ${keywords} ${document.body}`);
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
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    this.refreshIfChangedElsewhere();
    const db = this.db;
    const findOld = db.prepare("SELECT rowid, title, summary, keywords, body FROM docs WHERE id = ?");
    const removed: string[] = [];
    db.transaction(() => {
      for (const id of ids) {
        const old = findOld.get(id) as { rowid: number; title: string; summary: string; keywords: string; body: string } | undefined;
        if (!old) continue;
        db.prepare("DELETE FROM fts WHERE rowid = ?").run(old.rowid);
        db.prepare("DELETE FROM docs WHERE rowid = ?").run(old.rowid);
        this.vocabulary.removeText(`${old.title} ${old.summary} ${old.keywords} ${old.body}`);
        removed.push(id);
      }
    })();
    for (const id of removed) {
      const rowid = this.rowids.get(id);
      if (rowid !== undefined) this.metas.delete(rowid);
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
    this.rowids.clear();
    this.vocabulary = new Vocabulary();
  }

  async close(): Promise<void> {
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
      alternatives.push({ fts: clause.prefix ? `${quote(word)} *` : quote(word), terms: [clause.prefix ? `${word}*` : word], typos: 0 });
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

  private matchExpression(expression: string): [number, number][] {
    return this.db
      .prepare(`SELECT rowid, bm25(fts, ${COLUMN_WEIGHTS.join(", ")}) FROM fts WHERE fts MATCH ?`)
      .raw()
      .all(expression) as [number, number][];
  }

  private isVisible(meta: DocumentMeta, organisationIds: ReadonlySet<string>) {
    return meta.published || (meta.organisationId !== null && organisationIds.has(meta.organisationId));
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    this.refreshIfChangedElsewhere();
    const perPage = Math.min(Math.max(query.perPage ?? 20, 1), MAX_PER_PAGE);
    const page = Math.max(query.page ?? 1, 1);
    const organisationIds = new Set(query.visibility?.organisationIds ?? []);
    const filters = Object.entries(query.filters ?? {}).filter(([, values]) => values && values.length > 0) as [FacetField, string[]][];
    const filterSets = filters.map(([field, values]) => [field, new Set(values)] as const);
    const wantedFacets = query.facets ?? [];
    const parsed = parseQuery(query.q, this.synonyms);

    const counts: FacetCounts = {};
    for (const field of wantedFacets) counts[field] = {};
    const accepted: Candidate[] = [];
    const seen = new Set<number>();
    const accept = (rowid: number, bm25: number, coverage: number) => {
      if (seen.has(rowid)) return;
      seen.add(rowid);
      const meta = this.metas.get(rowid);
      if (!meta || !this.isVisible(meta, organisationIds)) return;
      let failedField: FacetField | null = null;
      let failures = 0;
      for (const [field, wanted] of filterSets) {
        if (!meta.facets[field].some((value) => wanted.has(value))) {
          failures += 1;
          failedField = field;
          if (failures > 1) return;
        }
      }
      // A field's counts ignore its own filter, so ticking one sector still
      // shows how many the other sectors have.
      for (const field of wantedFacets) {
        if (failures === 1 && field !== failedField) continue;
        const bucket = counts[field]!;
        for (const value of meta.facets[field]) bucket[value] = (bucket[value] ?? 0) + 1;
      }
      if (failures === 0) accepted.push({ meta, bm25, coverage });
    };

    let matchedTerms: string[] = [];
    let allWordsMatched = true;
    if (parsed.clauses.length === 0) {
      for (const rowid of this.metas.keys()) accept(rowid, 0, 0);
    } else {
      const expressions = this.clauseExpressions(parsed.clauses);
      matchedTerms = expressions.flatMap((expression) => expression.terms);
      const all = expressions.length;
      for (const [rowid, bm25] of this.matchExpression(expressions.map((e) => e.fts).join(" AND "))) accept(rowid, bm25, all);
      // Too few documents hold every word: add those that hold most of them,
      // ranked after, as Meilisearch does (but dropping any word, not only
      // the last one typed).
      const wanted = page * perPage;
      if (accepted.length < wanted && all >= 2) {
        const perClause = expressions.map((expression) => new Map(this.matchExpression(expression.fts)));
        const partial = new Map<number, { bm25: number; coverage: number }>();
        for (const matches of perClause) {
          for (const [rowid, bm25] of matches) {
            if (seen.has(rowid)) continue;
            const entry = partial.get(rowid) ?? { bm25: 0, coverage: 0 };
            entry.bm25 += bm25;
            entry.coverage += 1;
            partial.set(rowid, entry);
          }
        }
        const before = accepted.length;
        for (const [rowid, entry] of partial) accept(rowid, entry.bm25, entry.coverage);
        allWordsMatched = accepted.length === before;
      }
    }

    const sort = query.sort ?? "relevance";
    const ordered = this.order(accepted, sort, parsed.clauses.length > 0, parsed);
    const pageItems = ordered.slice((page - 1) * perPage, page * perPage);
    const hits = this.loadHits(pageItems, matchedTerms);
    // Offered when nothing, or not everything typed, was found.
    const didYouMean = (ordered.length === 0 || !allWordsMatched) && parsed.clauses.length > 0 ? this.correction(parsed, query) : null;
    return { total: ordered.length, page, perPage, hits, facets: counts, matchedTerms, didYouMean };
  }

  private order(
    accepted: Candidate[],
    sort: NonNullable<SearchQuery["sort"]>,
    hasQuery: boolean,
    parsed: ParsedQuery,
  ): { meta: DocumentMeta; score: number }[] {
    const newest = (a: DocumentMeta, b: DocumentMeta) => (b.publishedAt ?? 0) - (a.publishedAt ?? 0) || a.rowid - b.rowid;
    if (sort === "newest" || (sort === "relevance" && !hasQuery)) {
      return accepted.sort((a, b) => newest(a.meta, b.meta)).map(({ meta }) => ({ meta, score: 0 }));
    }
    if (sort === "price-asc" || sort === "price-desc") {
      const direction = sort === "price-asc" ? 1 : -1;
      // Listings without a price go last either way.
      return accepted
        .sort((a, b) => {
          const pa = a.meta.priceMin;
          const pb = b.meta.priceMin;
          if (pa === null || pb === null) return (pa === null ? 1 : 0) - (pb === null ? 1 : 0) || newest(a.meta, b.meta);
          return direction * (pa - pb) || newest(a.meta, b.meta);
        })
        .map(({ meta }) => ({ meta, score: 0 }));
    }
    // Documents holding more of the words first; bm25 (lower is better) within.
    const byBm25 = accepted.sort((a, b) => b.coverage - a.coverage || a.bm25 - b.bm25 || a.meta.rowid - b.meta.rowid);
    const head = byBm25.slice(0, RERANK_WINDOW);
    const texts = this.loadTexts(head.map((item) => item.meta.rowid));
    const reranked = head
      .map((item) => ({ meta: item.meta, coverage: item.coverage, score: -item.bm25 + this.bonus(parsed, texts.get(item.meta.rowid)) }))
      .sort((a, b) => b.coverage - a.coverage || b.score - a.score || a.meta.rowid - b.meta.rowid);
    return [...reranked, ...byBm25.slice(RERANK_WINDOW).map((item) => ({ meta: item.meta, score: -item.bm25 }))];
  }

  /**
   * What bm25 can't see: the words as a phrase, the exact diacritics typed,
   * and every word in the title.
   */
  private bonus(parsed: ParsedQuery, text: { title: string; rest: string } | undefined): number {
    if (!text) return 0;
    const titleTokens = tokenize(text.title);
    const restTokens = tokenize(text.rest);
    const foldedTitle = ` ${titleTokens.map((token) => token.folded).join(" ")} `;
    const foldedAll = `${foldedTitle}${restTokens.map((token) => token.folded).join(" ")} `;
    const exactAll = new Set([...titleTokens, ...restTokens].map((token) => token.exact));
    let bonus = 0;
    const words = parsed.words;
    if (words.length > 1) {
      const phrase = ` ${words.map((word) => word.folded).join(" ")} `;
      if (foldedTitle.includes(phrase)) bonus += 6;
      else if (foldedAll.includes(phrase)) bonus += 4;
      else {
        for (let i = 0; i + 1 < words.length; i++) {
          if (foldedAll.includes(` ${words[i]!.folded} ${words[i + 1]!.folded} `)) bonus += 1;
        }
      }
    }
    const accented = words.filter((word) => word.exact !== word.folded);
    if (accented.length > 0) {
      const exact = accented.filter((word) => exactAll.has(word.exact)).length;
      bonus += (4 * exact) / accented.length;
    }
    if (words.length > 0 && words.every((word) => foldedTitle.includes(` ${word.folded}`))) bonus += 2;
    return bonus;
  }

  private loadTexts(rowids: number[]) {
    const texts = new Map<number, { title: string; rest: string }>();
    if (rowids.length === 0) return texts;
    const rows = this.db
      .prepare(`SELECT rowid, title, summary, keywords, body FROM docs WHERE rowid IN (${rowids.map(() => "?").join(",")})`)
      .all(...rowids) as Pick<StoredRow, "rowid" | "title" | "summary" | "keywords" | "body">[];
    for (const row of rows) texts.set(row.rowid, { title: normalise(row.title), rest: normalise(`${row.summary} ${row.keywords} ${row.body}`) });
    return texts;
  }

  private loadHits(items: { meta: DocumentMeta; score: number }[], matchedTerms: string[]): SearchHit[] {
    if (items.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT * FROM docs WHERE rowid IN (${items.map(() => "?").join(",")})`)
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
    const rows = this.matchExpression(this.clauseExpressions(parseQuery(`${text} `, this.synonyms).clauses).map((e) => e.fts).join(" AND "));
    const organisationIds = new Set(query.visibility?.organisationIds ?? []);
    const visible = rows.some(([rowid]) => {
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
    const rowids = this.db
      .prepare("SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT 200")
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

