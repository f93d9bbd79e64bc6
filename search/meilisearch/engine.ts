// The production engine: a Meilisearch server. Meilisearch does the matching,
// ranking, typo tolerance, synonyms and facet counting; this file turns our
// query into safe Meilisearch requests and maps the answers back, so the app
// sees exactly what the embedded engine would give it (highlights included,
// which come from search/highlight.ts, never from Meilisearch's HTML).
import {
  Meilisearch,
  type EnqueuedTaskPromise,
  type Hit,
  type MultiSearchQuery,
  type MultiSearchResult,
  type SearchParams,
} from "meilisearch";
import { highlight, snippet } from "../highlight.ts";
import { buildSynonymIndex, EMPTY_SYNONYMS, parseQuery, type ParsedQuery, type SynonymIndex } from "../query.ts";
import { foldedWords } from "../text.ts";
import {
  FACET_FIELDS,
  SEARCH_DOC_TYPES,
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
import { FOLDED_ATTRIBUTES, foldedCopies, meilisearchSettings, meilisearchSynonyms } from "./settings.ts";

export const PRIMARY_KEY = "pk";
const MAX_PER_PAGE = 100;
// Meilisearch accepts up to 100 MB a request; a reindex in slices of this many
// keeps each request (and the task the outbox waits on) small.
const UPSERT_BATCH = 1000;

// Private-use characters: they never occur in real text, so whatever sits
// between them in `_formatted` is exactly what Meilisearch matched.
const PRE_TAG = "\uE000";
const POST_TAG = "\uE001";

const RETRIEVED_ATTRIBUTES = [
  "id",
  "type",
  "entityId",
  "slug",
  "title",
  "summary",
  "body",
  "organisationName",
  "published",
  "priceMin",
  "publishedAt",
];
const HIGHLIGHTED_ATTRIBUTES = [
  "title",
  "summary",
  "keywords",
  FOLDED_ATTRIBUTES.title,
  FOLDED_ATTRIBUTES.summary,
  FOLDED_ATTRIBUTES.keywords,
];
// Bodies can be long: only a window around the matches is sent back, which is
// enough to learn which words matched there.
const CROPPED_ATTRIBUTES = ["body", FOLDED_ATTRIBUTES.body];

export interface MeilisearchEngineOptions {
  host: string;
  apiKey?: string;
  /** Default "hte-search". */
  indexUid?: string;
  /** Per HTTP request; a hung server makes the call reject after this. Default 5 s. */
  timeoutMs?: number;
  /** How long a write waits for Meilisearch to finish its task. Default 30 s. */
  taskTimeoutMs?: number;
}

/** A write Meilisearch accepted but could not apply. */
export class MeilisearchTaskError extends Error {
  override name = "MeilisearchTaskError";
  constructor(
    readonly taskUid: number,
    readonly status: string,
    readonly code: string | null,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Meilisearch ids allow only [A-Za-z0-9_-]. `offer:abc-1` becomes
 * `offer-abc-1`: the type, "-", then the entity id with any character but
 * [A-Za-z0-9-] (including `_` itself) written as `_<hex>_`. No "type-" is
 * the start of another, so two different ids never share a key.
 */
export function primaryKeyFor(id: string): string {
  const escape = (text: string) =>
    [...text].map((character) => (/[A-Za-z0-9-]/.test(character) ? character : `_${character.codePointAt(0)!.toString(16)}_`)).join("");
  const colon = id.indexOf(":");
  const type = id.slice(0, colon);
  if (colon > 0 && (SEARCH_DOC_TYPES as readonly string[]).includes(type)) return `${type}-${escape(id.slice(colon + 1))}`;
  // Not a `${type}:${entityId}` id: the leading "_" keeps it apart from those.
  return `_${escape(id)}`;
}

/** The document as stored in Meilisearch. */
export type MeilisearchDocument = Omit<SearchDocument, "priceMin" | "publishedAt"> &
  Record<(typeof FOLDED_ATTRIBUTES)[keyof typeof FOLDED_ATTRIBUTES], string | string[]> & {
    [PRIMARY_KEY]: string;
    // Left out rather than null, so the price and date sorts put documents
    // without one last.
    priceMin?: number;
    publishedAt?: number;
  };

export function toMeilisearchDocument(document: SearchDocument): MeilisearchDocument {
  const { priceMin, publishedAt, ...rest } = document;
  return {
    ...rest,
    [PRIMARY_KEY]: primaryKeyFor(document.id),
    ...foldedCopies(document),
    ...(priceMin === null ? {} : { priceMin }),
    ...(publishedAt === null ? {} : { publishedAt }),
  } as MeilisearchDocument;
}

/** A filter string value: always double-quoted, so no value can add syntax. */
export function filterValue(value: string): string {
  return `"${String(value).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function inFilter(field: string, values: readonly string[]): string {
  return `${field} IN [${values.map(filterValue).join(", ")}]`;
}

export function visibilityFilter(organisationIds: readonly string[]): string {
  return organisationIds.length === 0
    ? "published = true"
    : `(published = true OR ${inFilter("organisationId", organisationIds)})`;
}

// Queries in one similar() call; each costs a search on the server.
const SIMILAR_MAX_TERMS = 12;

// Meilisearch only looks up synonyms for runs of up to three words.
const MAX_SYNONYM_WORDS = 3;

/**
 * What is sent as `q`, rebuilt from parseQuery()'s clauses: the same first ten
 * words, quoted phrases kept, nothing else typed (Meilisearch reads `-word`
 * as "without", which the embedded engine does not).
 */
export function meilisearchQueryText(parsed: ParsedQuery): string {
  const parts = parsed.clauses.map((clause) => {
    const words = clause.words.map((word) => word.exact);
    if (clause.phrase) return `"${words.join(" ")}"`;
    if (words.length > MAX_SYNONYM_WORDS) {
      // "trí tuệ nhân tạo" would never reach its synonym "AI"; asking for the
      // short form instead finds both, as synonyms go both ways.
      const short = clause.synonyms.filter((synonym) => synonym.length <= MAX_SYNONYM_WORDS).sort((a, b) => a.length - b.length)[0];
      if (short) return short.join(" ");
    }
    return words.join(" ");
  });
  const q = parts.join(" ");
  // Meilisearch reads the last word as a prefix unless a space follows it.
  const last = parsed.clauses.at(-1);
  return q !== "" && last && !last.prefix && !last.phrase ? `${q} ` : q;
}

/** The folded words Meilisearch marked, widened to whole words (it marks prefixes). */
export function markedWords(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) markedWords(item, into);
    return;
  }
  if (typeof value !== "string" || !value.includes(PRE_TAG)) return;
  let plain = "";
  const ranges: [number, number][] = [];
  let start = -1;
  for (let index = 0; index < value.length; index++) {
    const unit = value[index]!;
    if (unit === PRE_TAG) start = plain.length;
    else if (unit === POST_TAG) {
      if (start >= 0 && plain.length > start) ranges.push([start, plain.length]);
      start = -1;
    } else plain += unit;
  }
  const wordUnit = /[\p{L}\p{N}\p{M}]/u;
  for (let [from, to] of ranges) {
    while (from > 0 && wordUnit.test(plain[from - 1]!)) from--;
    while (to < plain.length && wordUnit.test(plain[to]!)) to++;
    for (const word of foldedWords(plain.slice(from, to))) into.add(word);
  }
}

/** The terms the embedded engine would highlight for this query, before typos. */
function queryTerms(parsed: ParsedQuery): string[] {
  return parsed.clauses.flatMap((clause) => {
    const words = clause.words.map((word) => word.folded);
    const own = clause.prefix && words.length === 1 ? [`${words[0]}*`] : words;
    return [...own, ...clause.synonyms.flat()];
  });
}

type StoredHit = Hit<Omit<MeilisearchDocument, "pk">>;

export class MeilisearchEngine implements SearchEngine {
  readonly name = "meilisearch";
  private readonly client: Meilisearch;
  private readonly indexUid: string;
  private readonly taskTimeoutMs: number;
  /** Known only once setSynonyms() ran in this process; init() leaves the server's alone. */
  private synonymGroups: SynonymGroups | null = null;
  private synonyms: SynonymIndex = EMPTY_SYNONYMS;

  constructor(options: MeilisearchEngineOptions) {
    this.indexUid = options.indexUid ?? "hte-search";
    this.taskTimeoutMs = options.taskTimeoutMs ?? 30_000;
    this.client = new Meilisearch({
      host: options.host,
      apiKey: options.apiKey,
      timeout: options.timeoutMs ?? 5_000,
      clientAgents: ["hanoi-tech-exchange"],
    });
  }

  private get index() {
    return this.client.index<MeilisearchDocument>(this.indexUid);
  }

  /**
   * Resolves only once the task succeeded: the outbox takes a resolved write
   * to mean "searchable now" and a rejection to mean "retry later".
   */
  private async completed(enqueued: EnqueuedTaskPromise, what: string, tolerated: readonly string[] = []): Promise<void> {
    const task = await enqueued.waitTask({ timeout: this.taskTimeoutMs, interval: 50 });
    if (task.status === "succeeded") return;
    const code = task.error?.code ?? null;
    if (task.status === "failed" && code !== null && tolerated.includes(code)) return;
    throw new MeilisearchTaskError(
      task.uid,
      task.status,
      code,
      `Meilisearch ${what} task ${task.uid} ${task.status}${task.error ? `: ${task.error.code}: ${task.error.message}` : ""}`,
    );
  }

  async init(): Promise<void> {
    await this.completed(this.client.createIndex(this.indexUid, { primaryKey: PRIMARY_KEY }), "index creation", [
      "index_already_exists",
    ]);
    const settings = meilisearchSettings(this.synonymGroups ?? []);
    // Synonyms are edited in the app and live on the server; a restart must
    // not wipe them before setSynonyms() runs again.
    if (this.synonymGroups === null) delete settings.synonyms;
    await this.completed(this.index.updateSettings(settings), "settings update");
  }

  async upsert(documents: SearchDocument[]): Promise<void> {
    for (let start = 0; start < documents.length; start += UPSERT_BATCH) {
      const batch = documents.slice(start, start + UPSERT_BATCH).map(toMeilisearchDocument);
      // Add-or-replace, not update: a field that became null must disappear.
      await this.completed(this.index.addDocuments(batch, { primaryKey: PRIMARY_KEY }), "document upsert");
    }
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.completed(this.index.deleteDocuments(ids.map(primaryKeyFor)), "document deletion");
  }

  async setSynonyms(groups: SynonymGroups): Promise<void> {
    await this.completed(this.index.updateSettings({ synonyms: meilisearchSynonyms(groups) }), "synonyms update");
    this.synonymGroups = groups;
    this.synonyms = buildSynonymIndex(groups);
  }

  async count(): Promise<number> {
    return (await this.index.getStats()).numberOfDocuments;
  }

  async clear(): Promise<void> {
    await this.completed(this.index.deleteAllDocuments(), "clear");
  }

  async close(): Promise<void> {}

  // --- searching -----------------------------------------------------------

  async search(query: SearchQuery): Promise<SearchResult> {
    const perPage = Math.min(Math.max(Math.trunc(query.perPage ?? 20), 1), MAX_PER_PAGE);
    const page = Math.max(Math.trunc(query.page ?? 1), 1);
    const parsed = parseQuery(query.q, this.synonyms);
    const q = meilisearchQueryText(parsed);
    const wanted = FACET_FIELDS.filter((field) => query.facets?.includes(field));

    // Only known facet fields, each value quoted: the filter's shape never
    // depends on what was typed or ticked.
    const fieldFilters = new Map<FacetField, string>();
    for (const field of FACET_FIELDS) {
      const values = query.filters?.[field];
      if (values && values.length > 0) fieldFilters.set(field, inFilter(field, values));
    }
    const visibility = visibilityFilter(query.visibility?.organisationIds ?? []);
    const filterWithout = (skipped: FacetField | null) => [
      visibility,
      ...[...fieldFilters].filter(([field]) => field !== skipped).map(([, filter]) => filter),
    ];

    const sort = query.sort ?? "relevance";
    const sortBy =
      sort === "newest" || (sort === "relevance" && q === "")
        ? ["publishedAt:desc"]
        : sort === "price-asc"
          ? ["priceMin:asc"]
          : sort === "price-desc"
            ? ["priceMin:desc"]
            : undefined;

    const run = async (matchingStrategy: "all" | "last") => {
      const main: MultiSearchQuery = {
        indexUid: this.indexUid,
        q,
        matchingStrategy,
        filter: filterWithout(null),
        page,
        hitsPerPage: perPage,
        attributesToRetrieve: RETRIEVED_ATTRIBUTES,
        showRankingScore: true,
        ...(sortBy ? { sort: sortBy } : {}),
        ...(q === ""
          ? {}
          : {
              attributesToHighlight: HIGHLIGHTED_ATTRIBUTES,
              attributesToCrop: CROPPED_ATTRIBUTES,
              cropLength: 30,
              highlightPreTag: PRE_TAG,
              highlightPostTag: POST_TAG,
            }),
        ...(wanted.some((field) => !fieldFilters.has(field)) ? { facets: wanted.filter((field) => !fieldFilters.has(field)) } : {}),
      };
      // A field's counts ignore that field's own filter (ticking one sector
      // still shows the others), so each filtered facet gets its own count.
      const disjunctive = wanted.filter((field) => fieldFilters.has(field));
      const facetQueries: MultiSearchQuery[] = disjunctive.map((field) => ({
        indexUid: this.indexUid,
        q,
        matchingStrategy,
        filter: filterWithout(field),
        facets: [field],
        limit: 0,
      }));
      const { results } = await this.client.multiSearch<{ queries: MultiSearchQuery[] }, Omit<MeilisearchDocument, "pk">>({
        queries: [main, ...facetQueries],
      });
      return { main: results[0]!, facetResults: disjunctive.map((field, index) => [field, results[index + 1]!] as const) };
    };

    let outcome = await run("all");
    // As in the embedded engine: when every word together finds nothing,
    // drop words from the end rather than show an empty page.
    if (totalOf(outcome.main) === 0 && parsed.words.length > 1) {
      const relaxed = await run("last");
      if (totalOf(relaxed.main) > 0) outcome = relaxed;
    }

    const facets: FacetCounts = {};
    for (const field of wanted) facets[field] = { ...(outcome.main.facetDistribution?.[field] ?? {}) };
    for (const [field, result] of outcome.facetResults) facets[field] = { ...(result.facetDistribution?.[field] ?? {}) };

    const hits = outcome.main.hits as StoredHit[];
    const terms = new Set(q === "" ? [] : queryTerms(parsed));
    for (const hit of hits) markedWords(Object.values(hit._formatted ?? {}), terms);
    const matchedTerms = [...terms];

    return {
      total: totalOf(outcome.main),
      page,
      perPage,
      hits: hits.map((hit) => toSearchHit(hit, matchedTerms)),
      facets,
      matchedTerms,
      // Meilisearch already forgives typos; it offers no corrected query.
      didYouMean: null,
    };
  }

  /**
   * One query per term (the heaviest ones: Meilisearch reads ten words at
   * most), in one multi-search; a document's score is the weighted sum of its
   * ranking scores.
   */
  async similar(query: SimilarQuery): Promise<SimilarHit[]> {
    const terms = [...query.terms].sort((a, b) => b.weight - a.weight).slice(0, SIMILAR_MAX_TERMS);
    if (terms.length === 0) return [];
    const filter = [
      visibilityFilter(query.visibility?.organisationIds ?? []),
      ...FACET_FIELDS.flatMap((field) => {
        const values = query.filters?.[field];
        return values && values.length > 0 ? [inFilter(field, values)] : [];
      }),
    ];
    const { results } = await this.client.multiSearch<{ queries: MultiSearchQuery[] }, Omit<MeilisearchDocument, "pk">>({
      queries: terms.map((term) => ({
        indexUid: this.indexUid,
        q: term.words.length > 1 ? `"${term.words.join(" ")}"` : term.words[0]!,
        matchingStrategy: "all" as const,
        filter,
        limit: Math.max(query.limit * 2, 50),
        attributesToRetrieve: ["id", "type", "entityId"],
        showRankingScore: true,
      })),
    });
    const scores = new Map<string, SimilarHit>();
    results.forEach((result, index) => {
      const term = terms[index]!;
      for (const hit of result.hits as { id: string; type: SimilarHit["type"]; entityId: string; _rankingScore?: number }[]) {
        const entry = scores.get(hit.id) ?? { id: hit.id, type: hit.type, entityId: hit.entityId, score: 0, matched: [] };
        entry.score += (hit._rankingScore ?? 0) * term.weight;
        entry.matched.push(term.words.join(" "));
        scores.set(hit.id, entry);
      }
    });
    return [...scores.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, query.limit);
  }

  async suggest(query: SuggestQuery): Promise<Suggestion[]> {
    const limit = Math.min(Math.max(Math.trunc(query.limit ?? 8), 1), 20);
    const parsed = parseQuery(query.q, this.synonyms);
    if (parsed.clauses.length === 0) return [];
    const filter = ["published = true"];
    if (query.types && query.types.length > 0) filter.push(inFilter("type", query.types));
    const params: SearchParams = {
      attributesToSearchOn: ["title", FOLDED_ATTRIBUTES.title],
      matchingStrategy: "all",
      filter,
      limit,
      attributesToRetrieve: ["id", "type", "slug", "title"],
      attributesToHighlight: ["title", FOLDED_ATTRIBUTES.title],
      highlightPreTag: PRE_TAG,
      highlightPostTag: POST_TAG,
    };
    const result = await this.index.search<Omit<MeilisearchDocument, "pk">>(meilisearchQueryText(parsed), params);
    const terms = new Set(queryTerms(parsed));
    for (const hit of result.hits) markedWords(Object.values(hit._formatted ?? {}), terms);
    const matchedTerms = [...terms];
    return result.hits.map((hit) => ({
      id: hit.id,
      type: hit.type,
      slug: hit.slug,
      title: hit.title,
      highlight: highlight(hit.title, matchedTerms),
    }));
  }
}

function totalOf(result: MultiSearchResult<unknown>): number {
  return result.totalHits ?? result.estimatedTotalHits ?? result.hits.length;
}

function toSearchHit(hit: StoredHit, matchedTerms: string[]): SearchHit {
  return {
    id: hit.id,
    type: hit.type,
    entityId: hit.entityId,
    slug: hit.slug,
    title: hit.title,
    summary: hit.summary,
    organisationName: hit.organisationName ?? null,
    published: hit.published === true,
    priceMin: hit.priceMin ?? null,
    publishedAt: hit.publishedAt ?? null,
    score: hit._rankingScore ?? 0,
    highlight: { title: highlight(hit.title, matchedTerms), snippet: snippet([hit.summary, hit.body ?? ""], matchedTerms) },
  };
}
