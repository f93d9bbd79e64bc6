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
import { isVietnameseSyllable } from "../match/terms.ts";
import { acceptedReadings, collocationStrength } from "../plan-shared.ts";
import { buildSynonymIndex, parseQuery, type ParsedQuery, type QueryClause, type SynonymIndex } from "../query.ts";
import { fold, foldedWords, tokenize, typosBetween, type Token } from "../text.ts";
import { EXACT_QUALITY, FOLDED_QUALITY, RELATIVE_CUTOFF, SCATTERED_FACTOR, SHORT_PREFIX } from "../tuning/search.ts";
import { READING_ID_WINDOW } from "../tuning/meilisearch.ts";
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
import {
  FOLDED_ATTRIBUTES,
  foldedCopies,
  KEY_ATTRIBUTE_LIST,
  KEY_ATTRIBUTES,
  keyCopies,
  meilisearchSettings,
  meilisearchSynonyms,
  searchSynonymGroups,
  TEXT_ATTRIBUTES,
} from "./settings.ts";

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
  Record<(typeof FOLDED_ATTRIBUTES)[keyof typeof FOLDED_ATTRIBUTES], string | string[]> &
  Record<(typeof KEY_ATTRIBUTES)[keyof typeof KEY_ATTRIBUTES], string | string[]> & {
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
    ...keyCopies(document),
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


// --- Reading a query the way the embedded engine does --------------------
// The embedded engine scores every document against a plan (exact spellings,
// other spellings, compounds side by side or scattered: search/embedded/
// plan.ts). Meilisearch cannot score that way, so the same distinctions are
// made as a few "readings" of the query, each one Meilisearch search:
//   exact     the words' keys (search/text.ts toneKey) on the key attributes,
//             where typos are off: "thông" finds "thông", never "thống";
//   folded    the folded words on the text and its folded copies: any spelling;
//   bonded    compounds (bonds) quoted, so Meilisearch's phrase search keeps
//             their syllables side by side; "scattered" leaves them bare.
// Each reading has the embedded engine's quality for what it matches
// (EXACT_QUALITY, FOLDED_QUALITY, × SCATTERED_FACTOR), and the same relative
// cut-off keeps only those near the best reading that found anything. The
// readings nest (exact ⊆ folded, bonded ⊆ scattered), so the widest one shown
// holds them all: it gives the total, the facets and the later pages.

interface WordPart {
  kind: "word";
  token: Token;
  prefix: boolean;
  /** Part of a thesaurus or glossary phrase: left bare so Meilisearch's synonyms apply. */
  thesaurus: boolean;
  clause: QueryClause;
}
type Part = WordPart | { kind: "phrase"; tokens: Token[] };

interface Reading {
  q: string;
  exact: boolean;
  scattered: boolean;
  quality: number;
  /** attributesToSearchOn; null: every searchable attribute. */
  attributes: string[] | null;
  matchingStrategy: "all" | "last";
  /** Highlight terms (search/highlight.ts) for what this reading matches. */
  terms: string[];
}

function queryParts(parsed: ParsedQuery): Part[] {
  const parts: Part[] = [];
  for (const clause of parsed.clauses) {
    if (clause.phrase) parts.push({ kind: "phrase", tokens: clause.words });
    else for (const token of clause.words) parts.push({ kind: "word", token, prefix: clause.prefix, thesaurus: clause.synonyms.length > 0, clause });
  }
  // A single letter still being typed after other words would match most of
  // the index; wait for the next letter (as the embedded engine does).
  const last = parts.at(-1);
  if (parts.length > 1 && last?.kind === "word" && last.prefix && last.token.folded.length < SHORT_PREFIX) parts.pop();
  return parts;
}

function reading(parts: Part[], bonds: ReadonlySet<number>, exact: boolean, scattered: boolean, quality: number): Reading {
  const text = (token: Token) => (exact ? token.key : token.folded);
  const term = (token: Token) => (exact ? `=${token.key}` : token.folded);
  const pieces: string[] = [];
  const terms = new Set<string>();
  let open = false;
  parts.forEach((part, index) => {
    if (part.kind === "phrase") {
      pieces.push(`"${part.tokens.map(text).join(" ")}"`);
      terms.add(part.tokens.map(term).join(" "));
      return;
    }
    const next = parts[index + 1];
    if (!scattered && bonds.has(index) && next?.kind === "word") {
      pieces.push(`"${text(part.token)} ${text(next.token)}"`);
      terms.add(`${term(part.token)} ${term(next.token)}`);
    }
    if (!scattered && (bonds.has(index) || bonds.has(index - 1))) return;
    const { token } = part;
    if (part.thesaurus && part.clause.words.length > MAX_SYNONYM_WORDS) {
      // Meilisearch looks synonyms up for three words at most: "trí tuệ nhân
      // tạo" would never reach "AI"; its short form finds both, as synonyms go
      // both ways.
      const short = part.clause.synonyms.filter((synonym) => synonym.length <= MAX_SYNONYM_WORDS).sort((a, b) => a.length - b.length)[0];
      if (short) {
        if (part.clause.words[0] === token) {
          pieces.push(short.join(" "));
          terms.add(part.clause.words.map(term).join(" "));
          for (const synonym of part.clause.synonyms) terms.add(synonym.join(" "));
        }
        return;
      }
    }
    // Meilisearch reads the last word as a prefix unless a space follows.
    // A key is never asked as a prefix: "thongza" would grow into "thongzas".
    if (part.prefix && (!exact || token.key === token.folded)) {
      pieces.push(token.folded);
      terms.add(`${token.folded}*`);
      open = index === parts.length - 1;
    } else {
      pieces.push(text(token));
      terms.add(term(token));
    }
    if (part.thesaurus && part.clause.words[0] === token) {
      terms.add(part.clause.words.map(term).join(" "));
      for (const synonym of part.clause.synonyms) terms.add(synonym.join(" "));
    }
  });
  return {
    q: pieces.join(" ") + (open ? "" : " "),
    exact,
    scattered,
    quality,
    attributes: exact ? [...KEY_ATTRIBUTE_LIST] : [...TEXT_ATTRIBUTES],
    matchingStrategy: "all",
    terms: [...terms],
  };
}

/** The readings of a query, best first (see above). */
function readingsOf(parts: Part[], bonds: ReadonlySet<number>, parsed: ParsedQuery): Reading[] {
  const readings: Reading[] = [];
  const bonded = bonds.size > 0;
  if (parsed.toned) readings.push(reading(parts, bonds, true, false, EXACT_QUALITY));
  readings.push(reading(parts, bonds, false, false, parsed.toned ? FOLDED_QUALITY : EXACT_QUALITY));
  if (bonded && parsed.toned) readings.push(reading(parts, bonds, true, true, EXACT_QUALITY * SCATTERED_FACTOR));
  if (bonded) readings.push(reading(parts, bonds, false, true, (parsed.toned ? FOLDED_QUALITY : EXACT_QUALITY) * SCATTERED_FACTOR));
  return readings.sort((a, b) => b.quality - a.quality);
}

/** Whether every document `inner` finds, `outer` finds too. */
function contains(outer: Reading, inner: Reading): boolean {
  return (outer.scattered || !inner.scattered) && (!outer.exact || inner.exact) && (outer.matchingStrategy === "last" || inner.matchingStrategy === "all");
}

/** Words Meilisearch marked, widened to whole words (it marks prefixes), as written and folded. */
export function markedTokens(value: unknown, into: Token[] = []): Token[] {
  if (Array.isArray(value)) {
    for (const item of value) markedTokens(item, into);
    return into;
  }
  if (typeof value !== "string" || !value.includes(PRE_TAG)) return into;
  let plain = "";
  const ranges: [number, number][] = [];
  let start = -1;
  for (const unit of value) {
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
    into.push(...tokenize(plain.slice(from, to)));
  }
  return into;
}

/**
 * The query with each word Meilisearch had to forgive a typo for replaced by
 * the spelling the documents use (with its diacritics: "chuyn đổi số" →
 * "chuyển đổi số"); null when no word needed it.
 */
function didYouMeanOf(parsed: ParsedQuery, corrections: ReadonlyMap<string, ReadonlyMap<string, number>>): string | null {
  if (corrections.size === 0) return null;
  const best = (spellings: ReadonlyMap<string, number>) =>
    [...spellings].sort(([a, x], [b, y]) => y - x || Number(fold(b) !== b) - Number(fold(a) !== a) || a.localeCompare(b))[0]![0];
  return parsed.words.map((word) => (corrections.has(word.folded) ? best(corrections.get(word.folded)!) : word.exact)).join(" ");
}

type StoredHit = Hit<Omit<MeilisearchDocument, "pk">>;

export class MeilisearchEngine implements SearchEngine {
  readonly name = "meilisearch";
  private readonly client: Meilisearch;
  private readonly indexUid: string;
  private readonly taskTimeoutMs: number;
  /** Known only once setSynonyms() ran in this process; init() leaves the server's alone. */
  private synonymGroups: SynonymGroups | null = null;
  // The matching glossary is always known; the staff's thesaurus joins it in setSynonyms().
  private synonyms: SynonymIndex = buildSynonymIndex(searchSynonymGroups([]));

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
    await this.completed(this.index.updateSettings({ synonyms: meilisearchSynonyms(searchSynonymGroups(groups)) }), "synonyms update");
    this.synonymGroups = groups;
    this.synonyms = buildSynonymIndex(searchSynonymGroups(groups));
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
    const parts = queryParts(parsed);
    const sortBy =
      sort === "newest" || (sort === "relevance" && parts.length === 0)
        ? ["publishedAt:desc"]
        : sort === "price-asc"
          ? ["priceMin:asc"]
          : sort === "price-desc"
            ? ["priceMin:desc"]
            : undefined;

    // Which reading(s) of the query are results: the best that finds
    // anything, and those within RELATIVE_CUTOFF of it (see readingsOf).
    let shown: Reading[];
    if (parts.length === 0) {
      shown = [{ q: "", exact: false, scattered: false, quality: 1, attributes: null, matchingStrategy: "all", terms: [] }];
    } else {
      const readings = readingsOf(parts, await this.bonds(parts, parsed.toned), parsed);
      const counts = await this.totals(readings, filterWithout(null));
      const accepted = acceptedReadings(readings.map((reading) => reading.quality), counts, RELATIVE_CUTOFF);
      shown = readings.filter((_, index) => accepted[index]);
      if (shown.length === 0 && parsed.words.length > 1) {
        // As in the embedded engine: when every word together finds nothing,
        // drop words from the end rather than show an empty page.
        shown = [{ ...readings.at(-1)!, matchingStrategy: "last", quality: SCATTERED_FACTOR }];
      }
      if (shown.length === 0) shown = [readings.at(-1)!];
      // Every reading shown must sit inside the widest one, which gives the
      // total, the facets and the order past the first readings.
      const widest = shown.at(-1)!;
      shown = shown.filter((reading) => contains(widest, reading));
    }
    const widest = shown.at(-1)!;
    const base = (reading: Reading): MultiSearchQuery => ({
      indexUid: this.indexUid,
      q: reading.q,
      matchingStrategy: reading.matchingStrategy,
      ...(reading.attributes ? { attributesToSearchOn: reading.attributes } : {}),
    });
    const formatting =
      widest.q === ""
        ? {}
        : {
            attributesToHighlight: HIGHLIGHTED_ATTRIBUTES,
            attributesToCrop: CROPPED_ATTRIBUTES,
            cropLength: 30,
            highlightPreTag: PRE_TAG,
            highlightPostTag: POST_TAG,
          };

    // The page: straight from the widest reading when only one is shown or
    // the order is not relevance; otherwise the better readings' documents
    // first, each reading's own documents in Meilisearch's order.
    let pagePks: string[] | null = null;
    const readingOf = new Map<string, number>();
    const from = (page - 1) * perPage;
    if (shown.length > 1 && !sortBy && from < READING_ID_WINDOW) {
      const end = Math.min(page * perPage, READING_ID_WINDOW);
      const { results } = await this.client.multiSearch<{ queries: MultiSearchQuery[] }, { pk: string }>({
        queries: shown.map((reading) => ({
          ...base(reading),
          filter: filterWithout(null),
          limit: READING_ID_WINDOW + end,
          attributesToRetrieve: [PRIMARY_KEY],
        })),
      });
      const ordered: string[] = [];
      results.forEach((result, position) => {
        for (const hit of result.hits) {
          if (readingOf.has(hit.pk)) continue;
          readingOf.set(hit.pk, position);
          ordered.push(hit.pk);
        }
      });
      pagePks = ordered.slice(from, end);
    }

    const main: MultiSearchQuery = {
      ...base(widest),
      filter: pagePks ? [...filterWithout(null), inFilter(PRIMARY_KEY, pagePks.length > 0 ? pagePks : ["-"])] : filterWithout(null),
      ...(pagePks ? { page: 1, hitsPerPage: Math.max(pagePks.length, 1) } : { page, hitsPerPage: perPage }),
      attributesToRetrieve: [...RETRIEVED_ATTRIBUTES, PRIMARY_KEY],
      showRankingScore: true,
      ...(sortBy ? { sort: sortBy } : {}),
      ...formatting,
    };
    const undisjunctive = wanted.filter((field) => !fieldFilters.has(field));
    const totalQuery: MultiSearchQuery = {
      ...base(widest),
      filter: filterWithout(null),
      page: 1,
      hitsPerPage: 0,
      ...(undisjunctive.length > 0 ? { facets: undisjunctive } : {}),
    };
    // A field's counts ignore that field's own filter (ticking one sector
    // still shows the others), so each filtered facet gets its own count.
    const disjunctive = wanted.filter((field) => fieldFilters.has(field));
    const facetQueries: MultiSearchQuery[] = disjunctive.map((field) => ({
      ...base(widest),
      filter: filterWithout(field),
      facets: [field],
      limit: 0,
    }));
    const { results } = await this.client.multiSearch<{ queries: MultiSearchQuery[] }, Omit<MeilisearchDocument, "pk"> & { pk: string }>({
      queries: [main, totalQuery, ...facetQueries],
    });
    const [pageResult, totalResult] = [results[0]!, results[1]!];

    const facets: FacetCounts = {};
    for (const field of undisjunctive) facets[field] = { ...(totalResult.facetDistribution?.[field] ?? {}) };
    disjunctive.forEach((field, index) => {
      facets[field] = { ...(results[index + 2]!.facetDistribution?.[field] ?? {}) };
    });

    let hits = pageResult.hits as (StoredHit & { pk: string })[];
    if (pagePks) {
      const byPk = new Map(hits.map((hit) => [hit.pk, hit]));
      hits = pagePks.flatMap((pk) => (byPk.has(pk) ? [byPk.get(pk)!] : []));
    }

    // Highlights: what each document matched in the reading it came from,
    // plus the spellings Meilisearch forgave a typo for.
    const corrections = new Map<string, Map<string, number>>();
    const hitTerms = hits.map((hit) => {
      const reading = shown[readingOf.get(hit.pk) ?? shown.length - 1] ?? widest;
      const marked = markedTokens(Object.values(hit._formatted ?? {}));
      const terms = new Set(reading.terms);
      for (const word of parsed.words) {
        if (marked.some((token) => token.folded === word.folded)) continue;
        for (const token of marked) {
          if (typosBetween(word.folded, token.folded) === null) continue;
          terms.add(token.folded);
          const spellings = corrections.get(word.folded) ?? new Map<string, number>();
          spellings.set(token.exact, (spellings.get(token.exact) ?? 0) + 1);
          corrections.set(word.folded, spellings);
        }
      }
      return [...terms];
    });
    const matchedTerms = [...new Set(hitTerms.flat())];

    return {
      total: totalOf(totalResult),
      page,
      perPage,
      hits: hits.map((hit, index) => toSearchHit(hit, hitTerms[index]!)),
      facets,
      matchedTerms,
      didYouMean: didYouMeanOf(parsed, corrections),
    };
  }

  /**
   * Which neighbouring typed words are one compound ("giao thông"), judged
   * on the index as the embedded engine judges it (search/plan-shared.ts):
   * how many documents hold them side by side against how many hold the
   * rarer one. Counted in one multi-search of totals.
   */
  private async bonds(parts: Part[], toned: boolean): Promise<Set<number>> {
    const pairs: number[] = [];
    for (let i = 0; i + 1 < parts.length; i++) {
      const [left, right] = [parts[i]!, parts[i + 1]!];
      if (left.kind !== "word" || right.kind !== "word" || left.thesaurus || right.thesaurus) continue;
      if (!isVietnameseSyllable(left.token.folded) || !isVietnameseSyllable(right.token.folded)) continue;
      pairs.push(i);
    }
    if (pairs.length === 0) return new Set();
    const questions: { q: string; attributes: string[] }[] = [];
    const ask = (q: string, attributes: string[]) => {
      const found = questions.findIndex((question) => question.q === q && question.attributes === attributes);
      return found >= 0 ? found : questions.push({ q, attributes }) - 1;
    };
    const planned = pairs.map((i) => {
      const [left, right] = [(parts[i] as WordPart).token, (parts[i + 1] as WordPart).token];
      return {
        i,
        exact: toned ? [ask(`"${left.key} ${right.key}"`, KEY_ATTRIBUTE_LIST), ask(`${left.key} `, KEY_ATTRIBUTE_LIST), ask(`${right.key} `, KEY_ATTRIBUTE_LIST)] : null,
        folded: [ask(`"${left.folded} ${right.folded}"`, TEXT_ATTRIBUTES), ask(`${left.folded} `, TEXT_ATTRIBUTES), ask(`${right.folded} `, TEXT_ATTRIBUTES)],
      };
    });
    const { results } = await this.client.multiSearch<{ queries: MultiSearchQuery[] }>({
      queries: questions.map((question) => ({
        indexUid: this.indexUid,
        q: question.q,
        attributesToSearchOn: question.attributes,
        matchingStrategy: "all" as const,
        page: 1,
        hitsPerPage: 0,
      })),
    });
    const count = (index: number) => totalOf(results[index]!);
    const strengths = planned.flatMap(({ i, exact, folded }) => {
      // Exact spellings when the index holds both as typed, else any spelling.
      const [together, left, right] = (exact && count(exact[1]!) > 0 && count(exact[2]!) > 0 ? exact : folded).map(count) as [number, number, number];
      const strength = collocationStrength(together, left, right);
      return strength === null ? [] : [{ i, strength }];
    });
    // The strongest pairs first, none overlapping: "giao thông | công cộng".
    const bonded = new Set<number>();
    const taken = new Set<number>();
    for (const { i } of strengths.sort((a, b) => b.strength - a.strength)) {
      if (taken.has(i) || taken.has(i + 1)) continue;
      bonded.add(i);
      taken.add(i).add(i + 1);
    }
    return bonded;
  }

  /** How many documents each reading finds, within the filters. */
  private async totals(readings: Reading[], filter: string[]): Promise<number[]> {
    const { results } = await this.client.multiSearch<{ queries: MultiSearchQuery[] }>({
      queries: readings.map((reading) => ({
        indexUid: this.indexUid,
        q: reading.q,
        matchingStrategy: reading.matchingStrategy,
        ...(reading.attributes ? { attributesToSearchOn: reading.attributes } : {}),
        filter,
        page: 1,
        hitsPerPage: 0,
      })),
    });
    return results.map(totalOf);
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
