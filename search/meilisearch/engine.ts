// The production engine: a Meilisearch server. Meilisearch does the matching,
// ranking, typo tolerance, synonyms and facet counting; this file turns our
// query into safe Meilisearch requests and maps the answers back, so the app
// sees exactly what the embedded engine would give it (highlights included,
// which come from search/highlight.ts, never from Meilisearch's HTML).
import {
  Meilisearch,
  MeilisearchApiError,
  type EnqueuedTaskPromise,
  type IndexSwap,
  type Hit,
  type MultiSearchQuery,
  type MultiSearchResult,
  type SearchParams,
} from "meilisearch";
import { highlight, snippet } from "../highlight.ts";
import { buildMatchSynonyms, isVietnameseSyllable, type MatchSynonymIndex } from "../match/terms.ts";
import { acceptedReadings, collocationStrength } from "../plan-shared.ts";
import { blendedScore, isLongQuery, needTerms, sectorFeedback } from "../reading.ts";
import {
  buildSynonymIndex,
  parseQuery,
  synonymsOfPhrase,
  type ParsedQuery,
  type QueryClause,
  type SynonymIndex,
} from "../query.ts";
import { fold, foldedWords, isStopWord, tokenize, typosBetween, type Token } from "../text.ts";
import {
  BLEND_MIN_WORDS,
  CORRECTION_NEIGHBOUR_WEIGHT,
  EXACT_QUALITY,
  FOLDED_QUALITY,
  LONG_RELATIVE_CUTOFF,
  RELATIVE_CUTOFF,
  SCATTERED_FACTOR,
  SHORT_PREFIX,
  SIMILAR_COMMON_FLOOR,
  SIMILAR_COMMON_SHARE,
} from "../tuning/search.ts";
import { MATCHING_READING_MAX_TERMS, READING_ID_WINDOW, TYPO_MIN_WORD_SIZE } from "../tuning/meilisearch.ts";
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
  type WeightedTerm,
} from "../types.ts";
import {
  FOLDED_ATTRIBUTES,
  foldedCopies,
  KEY_ATTRIBUTE_LIST,
  KEY_ATTRIBUTES,
  keyCopies,
  MEILISEARCH_STOP_WORDS,
  meilisearchSettings,
  meilisearchSynonyms,
  searchSynonymGroups,
  TEXT_ATTRIBUTES,
  typoFreeWords,
} from "./settings.ts";

export const PRIMARY_KEY = "pk";
const MAX_PER_PAGE = 100;
// A reindex in slices of at most this many documents keeps each request (and
// the task the outbox waits on) small.
const UPSERT_BATCH = 1000;
/**
 * Meilisearch refuses a request body over its `--http-payload-size-limit`
 * with 413 payload_too_large; the default is "100 MB", which it reads as
 * 100,000,000 bytes. Slices are cut below it (see payloadLimitBytes).
 */
export const DEFAULT_PAYLOAD_LIMIT_BYTES = 100_000_000;

// Private-use characters: they never occur in real text, so whatever sits
// between them in `_formatted` is exactly what Meilisearch matched.
const PRE_TAG = "\uE000";
const POST_TAG = "\uE001";

// The body is not among them: it can be long, and only the window around the
// matches that Meilisearch crops (in `_formatted`) is used, for the snippet.
const RETRIEVED_ATTRIBUTES = [
  "id",
  "type",
  "entityId",
  "slug",
  "title",
  "summary",
  "organisationName",
  "published",
  "priceMin",
  "publishedAt",
];
// Bodies can be long: only a window around the matches is sent back, which is
// enough to learn which words matched there and to show as the snippet.
const CROPPED_ATTRIBUTES = ["body", FOLDED_ATTRIBUTES.body];
// Meilisearch highlights only what attributesToHighlight names, cropped or
// not (its "_formatted" rules: a field in both is cropped and highlighted),
// so the cropped bodies are listed here too, or a match there goes unmarked.
const HIGHLIGHTED_ATTRIBUTES = [
  "title",
  "summary",
  "keywords",
  FOLDED_ATTRIBUTES.title,
  FOLDED_ATTRIBUTES.summary,
  FOLDED_ATTRIBUTES.keywords,
  ...CROPPED_ATTRIBUTES,
];
const CROP_LENGTH = 30;
// Meilisearch's default crop marker, named so the snippet can rely on it.
const CROP_MARKER = "…";

export interface MeilisearchEngineOptions {
  host: string;
  apiKey?: string;
  /** Default "hte-search". */
  indexUid?: string;
  /** Per HTTP request; a hung server makes the call reject after this. Default 5 s. */
  timeoutMs?: number;
  /** How long a write waits for Meilisearch to finish its task. Default 30 s. */
  taskTimeoutMs?: number;
  /** The server's --http-payload-size-limit in bytes. Default 100,000,000 (Meilisearch's "100 MB"). */
  payloadLimitBytes?: number;
}

/** A write Meilisearch accepted but could not apply. */
export class MeilisearchTaskError extends Error {
  override name = "MeilisearchTaskError";
  constructor(readonly taskUid: number, readonly status: string, readonly code: string | null, message: string) {
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
    [...text]
      .map((character) => (/[A-Za-z0-9-]/.test(character) ? character : `_${character.codePointAt(0)!.toString(16)}_`))
      .join("");
  const colon = id.indexOf(":");
  const type = id.slice(0, colon);
  if (colon > 0 && (SEARCH_DOC_TYPES as readonly string[]).includes(type))
    return `${type}-${escape(id.slice(colon + 1))}`;
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

const SERVER_STOP_WORDS: ReadonlySet<string> = new Set(MEILISEARCH_STOP_WORDS);

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
      const short = clause.synonyms
        .filter((synonym) => synonym.length <= MAX_SYNONYM_WORDS)
        .sort((a, b) => a.length - b.length)[0];
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
  for (const { text } of markedTexts(value)) for (const word of foldedWords(text)) into.add(word);
}

/** The texts between Meilisearch's highlight tags, each widened to whole words (it marks prefixes), with the words either side. */
function markedTexts(value: string): { text: string; before: string | null; after: string | null }[] {
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
  return ranges.map(([from, to]) => {
    while (from > 0 && wordUnit.test(plain[from - 1]!)) from--;
    while (to < plain.length && wordUnit.test(plain[to]!)) to++;
    return {
      text: plain.slice(from, to),
      before: plain.slice(0, from).match(/([\p{L}\p{N}\p{M}]+)[^\p{L}\p{N}\p{M}]*$/u)?.[1] ?? null,
      after: plain.slice(to).match(/^[^\p{L}\p{N}\p{M}]*([\p{L}\p{N}\p{M}]+)/u)?.[1] ?? null,
    };
  });
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
    else
      for (const token of clause.words)
        parts.push({ kind: "word", token, prefix: clause.prefix, thesaurus: clause.synonyms.length > 0, clause });
  }
  // A single letter still being typed after other words would match most of
  // the index; wait for the next letter (as the embedded engine does).
  const last = parts.at(-1);
  if (parts.length > 1 && last?.kind === "word" && last.prefix && last.token.folded.length < SHORT_PREFIX) parts.pop();
  return parts;
}

function reading(
  parts: Part[],
  bonds: ReadonlySet<number>,
  exact: boolean,
  scattered: boolean,
  quality: number,
): Reading {
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
      const short = part.clause.synonyms
        .filter((synonym) => synonym.length <= MAX_SYNONYM_WORDS)
        .sort((a, b) => a.length - b.length)[0];
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
  if (bonded)
    readings.push(
      reading(parts, bonds, false, true, (parsed.toned ? FOLDED_QUALITY : EXACT_QUALITY) * SCATTERED_FACTOR),
    );
  return readings.sort((a, b) => b.quality - a.quality);
}

/** Whether every document `inner` finds, `outer` finds too. */
function contains(outer: Reading, inner: Reading): boolean {
  return (
    (outer.scattered || !inner.scattered) &&
    (!outer.exact || inner.exact) &&
    (outer.matchingStrategy === "last" || inner.matchingStrategy === "all")
  );
}

/**
 * Words Meilisearch marked that are typos of a query word: they are
 * highlighted, and their spellings counted towards "did you mean".
 */
function addForgivenTypos(
  words: readonly Token[],
  marked: readonly MarkedToken[],
  terms: Set<string>,
  corrections: Map<string, Map<string, number>>,
) {
  words.forEach((word, index) => {
    if (marked.some((token) => token.folded === word.folded)) return;
    for (const token of marked) {
      if (typosBetween(word.folded, token.folded) === null) continue;
      terms.add(token.folded);
      // Seen beside the query's neighbouring word, it is the word meant:
      // "thongg" after "giao" is "thông", though "thống" is commoner.
      const besideNeighbour =
        (token.before !== null && token.before === words[index - 1]?.folded) ||
        (token.after !== null && token.after === words[index + 1]?.folded);
      const spellings = corrections.get(word.folded) ?? new Map<string, number>();
      // A folded copy has lost the diacritics: its spelling only counts where no text shows one.
      const weight = (besideNeighbour ? CORRECTION_NEIGHBOUR_WEIGHT : 1) * (token.foldedCopy ? FOLDED_COPY_WEIGHT : 1);
      spellings.set(token.exact, (spellings.get(token.exact) ?? 0) + weight);
      corrections.set(word.folded, spellings);
    }
  });
}

/** A marked word, with the folded words beside it in the text (for "did you mean"). */
export type MarkedToken = Token & { before: string | null; after: string | null; foldedCopy?: boolean };

const FOLDED_COPIES: ReadonlySet<string> = new Set(Object.values(FOLDED_ATTRIBUTES));
/** Far below one mark in the text itself, however many folded copies agree. */
const FOLDED_COPY_WEIGHT = 1e-4;

/** What Meilisearch marked in a hit's formatted attributes, each word knowing whether it came from a folded copy. */
function markedTokensOf(formatted: Record<string, unknown> | undefined): MarkedToken[] {
  return Object.entries(formatted ?? {}).flatMap(([attribute, value]) =>
    markedTokens(value).map((token) => ({ ...token, foldedCopy: FOLDED_COPIES.has(attribute) })),
  );
}

/** Words Meilisearch marked, widened to whole words (it marks prefixes), as written and folded. */
export function markedTokens(value: unknown, into: MarkedToken[] = []): MarkedToken[] {
  if (Array.isArray(value)) {
    for (const item of value) markedTokens(item, into);
    return into;
  }
  if (typeof value !== "string" || !value.includes(PRE_TAG)) return into;
  for (const { text, before, after } of markedTexts(value)) {
    const tokens = tokenize(text);
    tokens.forEach((token, index) =>
      into.push({
        ...token,
        before: index > 0 ? tokens[index - 1]!.folded : before && fold(before),
        after: index + 1 < tokens.length ? tokens[index + 1]!.folded : after && fold(after),
      }),
    );
  }
  return into;
}

/**
 * The query with each word Meilisearch had to forgive a typo for replaced by
 * the spelling the documents use (with its diacritics: "chuyn đổi số" →
 * "chuyển đổi số"); null when no word needed it.
 */
function didYouMeanOf(
  parsed: ParsedQuery,
  corrections: ReadonlyMap<string, ReadonlyMap<string, number>>,
): string | null {
  if (corrections.size === 0) return null;
  const best = (spellings: ReadonlyMap<string, number>) =>
    [...spellings].sort(
      ([a, x], [b, y]) => y - x || Number(fold(b) !== b) - Number(fold(a) !== a) || a.localeCompare(b),
    )[0]![0];
  return parsed.words
    .map((word) => (corrections.has(word.folded) ? best(corrections.get(word.folded)!) : word.exact))
    .join(" ");
}

type StoredHit = Hit<Omit<MeilisearchDocument, "pk">>;

/** What is fetched of each candidate: enough to score, filter, count facets and sort it here. */
type CandidateDocument = { pk: string; publishedAt?: number; priceMin?: number } & Partial<
  Record<FacetField, string | string[] | null>
>;

interface Candidate {
  document: CandidateDocument;
  /** Quality of the best reading holding it (0: found only by matching's reading), and that reading. */
  own: number;
  reading: number;
  /** First seen at this position, best readings first, in Meilisearch's order: the tie-break. */
  rank: number;
  /** Matching's reading: the terms' rarity × weight, and the terms. */
  matching: number;
  matched: string[];
  score: number;
}

function valuesOf(document: CandidateDocument, field: FacetField): string[] {
  const value = document[field];
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [String(value)];
}

/** The heaviest `count` terms: the rest weigh least and cost a search each. */
function heaviest(terms: readonly WeightedTerm[], count: number): WeightedTerm[] {
  return [...terms].sort((a, b) => b.weight - a.weight).slice(0, count);
}

/**
 * A term's worth to each document holding it, as the embedded engine's
 * similar() counts it: rarity (bm25's idf) times weight; nothing for a term
 * no document or too many documents hold (it says little about a match).
 */
function termRarity(documents: number, size: number, commonLimit: number, weight: number): number {
  if (documents === 0 || documents > commonLimit) return 0;
  return Math.log(1 + (size - documents + 0.5) / (documents + 0.5)) * weight;
}

export class MeilisearchEngine implements SearchEngine {
  readonly name = "meilisearch";
  private readonly client: Meilisearch;
  private readonly indexUid: string;
  private readonly taskTimeoutMs: number;
  private readonly payloadLimitBytes: number;
  /** Known only once setSynonyms() ran in this process; init() leaves the server's alone. */
  private synonymGroups: SynonymGroups | null = null;
  private thesaurusWords: { groups: SynonymGroups | null; words: string[] } | null = null;
  // The matching glossary is always known; the staff's thesaurus joins it in setSynonyms().
  private synonyms: SynonymIndex = buildSynonymIndex(searchSynonymGroups([]));
  // Matching's reading of a query (search/reading.ts) uses the same groups.
  private matchSynonyms: MatchSynonymIndex = buildMatchSynonyms(searchSynonymGroups([]));

  constructor(options: MeilisearchEngineOptions) {
    this.indexUid = options.indexUid ?? "hte-search";
    this.taskTimeoutMs = options.taskTimeoutMs ?? 30_000;
    this.payloadLimitBytes = options.payloadLimitBytes ?? DEFAULT_PAYLOAD_LIMIT_BYTES;
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
  private async completed(
    enqueued: EnqueuedTaskPromise,
    what: string,
    tolerated: readonly string[] = [],
  ): Promise<void> {
    const task = await enqueued.waitTask({ timeout: this.taskTimeoutMs, interval: 50 });
    if (task.status === "succeeded") return;
    const code = task.error?.code ?? null;
    if (task.status === "failed" && code !== null && tolerated.includes(code)) return;
    throw new MeilisearchTaskError(
      task.uid,
      task.status,
      code,
      `Meilisearch ${what} task ${task.uid} ${task.status}${
        task.error ? `: ${task.error.code}: ${task.error.message}` : ""
      }`,
    );
  }

  async init(): Promise<void> {
    await this.ensureIndex(this.indexUid);
    const settings = meilisearchSettings(this.synonymGroups ?? []);
    // Synonyms are edited in the app and live on the server; a restart must
    // not wipe them before setSynonyms() runs again.
    if (this.synonymGroups === null) delete settings.synonyms;
    await this.completed(this.index.updateSettings(settings), "settings update");
  }

  /**
   * Looks the index up and creates it only when Meilisearch says
   * index_not_found: a restart then needs no `indexes.create` on its key and
   * leaves no failed creation task behind. Two processes starting together
   * may both create it; the second task fails with index_already_exists,
   * which is what was wanted.
   */
  private async ensureIndex(uid: string): Promise<void> {
    try {
      const existing = await this.client.getRawIndex(uid);
      if (existing.primaryKey !== null && existing.primaryKey !== PRIMARY_KEY) {
        throw new Error(
          `Meilisearch index ${uid} has primary key ${existing.primaryKey}, not ${PRIMARY_KEY}: delete it and rebuild the search index`,
        );
      }
      return;
    } catch (error) {
      if (!(error instanceof MeilisearchApiError) || error.cause?.code !== "index_not_found") throw error;
    }
    try {
      await this.completed(this.client.createIndex(uid, { primaryKey: PRIMARY_KEY }), "index creation", [
        "index_already_exists",
      ]);
    } catch (error) {
      // Meilisearch answers a missing action with "The provided API key is invalid.", which misleads an operator.
      if (error instanceof MeilisearchApiError && error.cause?.code === "invalid_api_key") {
        throw new Error(`Meilisearch index ${uid} does not exist and the API key may not create it (indexes.create)`, {
          cause: error,
        });
      }
      throw error;
    }
  }

  async upsert(documents: SearchDocument[]): Promise<void> {
    await this.upsertInto(this.indexUid, documents);
  }

  /** Add-or-replace in slices under UPSERT_BATCH documents and the server's payload limit. */
  private async upsertInto(uid: string, documents: SearchDocument[]): Promise<void> {
    const index = this.client.index<MeilisearchDocument>(uid);
    // The JSON array's brackets, and a comma per document after the first.
    const limit = this.payloadLimitBytes - 2;
    let slice: MeilisearchDocument[] = [];
    let bytes = 0;
    const send = async () => {
      if (slice.length === 0) return;
      const batch = slice;
      slice = [];
      bytes = 0;
      // Add-or-replace, not update: a field that became null must disappear.
      await this.completed(index.addDocuments(batch, { primaryKey: PRIMARY_KEY }), "document upsert");
    };
    for (const document of documents) {
      const stored = toMeilisearchDocument(document);
      const size = Buffer.byteLength(JSON.stringify(stored)) + 1;
      if (size > limit) {
        throw new Error(
          `Search document ${document.id} is ${size} bytes as JSON, over Meilisearch's payload limit of ${this.payloadLimitBytes} bytes`,
        );
      }
      if (slice.length >= UPSERT_BATCH || bytes + size > limit) await send();
      slice.push(stored);
      bytes += size;
    }
    await send();
  }

  /**
   * Builds a new index beside the live one ("<uid>_rebuild_<stamp>", same
   * settings and synonyms), fills it, then swaps the two with one
   * swap-indexes task, which Meilisearch applies atomically, and deletes the
   * old documents (now under the rebuild name). Searches answer from the old
   * index until the swap. If anything fails before the swap, the new index is
   * deleted and the live one is untouched. The key needs, on "<uid>*":
   * indexes.create, settings.update, settings.get (synonyms, when this
   * process has not set them), documents.add, indexes.swap, indexes.delete,
   * stats.get and tasks.get.
   */
  async replaceAll(batches: AsyncIterable<SearchDocument[]>): Promise<number> {
    // Both sides of a swap must exist.
    await this.ensureIndex(this.indexUid);
    const staging = `${this.indexUid}_rebuild_${Date.now().toString(36)}`;
    await this.ensureIndex(staging);
    try {
      const settings = meilisearchSettings(this.synonymGroups ?? []);
      // Not set in this process: the live index's own synonyms come along.
      if (this.synonymGroups === null) settings.synonyms = await this.index.getSynonyms();
      await this.completed(this.client.index(staging).updateSettings(settings), "rebuild settings update");
      for await (const batch of batches) await this.upsertInto(staging, batch);
      // `rename` left out: it defaults to false, and servers older than 1.18 refuse the field.
      await this.completed(this.client.swapIndexes([{ indexes: [this.indexUid, staging] } as IndexSwap]), "index swap");
    } catch (error) {
      // Best effort: the failure that matters is the one rethrown; a
      // leftover "_rebuild_" index holds nothing the live one needs.
      await this.client
        .deleteIndex(staging)
        .waitTask({ timeout: this.taskTimeoutMs, interval: 50 })
        .catch(() => undefined);
      throw error;
    }
    // The rebuild name now holds the old documents.
    await this.completed(this.client.deleteIndex(staging), "old index deletion");
    return this.count();
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.completed(this.index.deleteDocuments(ids.map(primaryKeyFor)), "document deletion");
  }

  /** The one-word thesaurus phrase fewest typos from a word, if any (see typoFreeWords). */
  private nearestThesaurusWord(word: string): string | null {
    // Worked out once per thesaurus, not per query: the glossaries hold thousands of phrases.
    if (this.thesaurusWords?.groups !== this.synonymGroups)
      this.thesaurusWords = {
        groups: this.synonymGroups,
        words: typoFreeWords(searchSynonymGroups(this.synonymGroups ?? [])),
      };
    let best: { word: string; typos: number } | null = null;
    for (const candidate of this.thesaurusWords.words) {
      if (candidate === word) return null;
      const typos = typosBetween(word, candidate);
      if (typos !== null && (best === null || typos < best.typos)) best = { word: candidate, typos };
    }
    return best?.word ?? null;
  }

  async setSynonyms(groups: SynonymGroups): Promise<void> {
    const all = searchSynonymGroups(groups);
    await this.completed(
      // Their one-word phrases are words, not typos, whoever edits them.
      this.index.updateSettings({
        synonyms: meilisearchSynonyms(all),
        typoTolerance: { disableOnWords: typoFreeWords(all) },
      }),
      "synonyms update",
    );
    this.synonymGroups = groups;
    this.synonyms = buildSynonymIndex(all);
    this.matchSynonyms = buildMatchSynonyms(all);
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
      shown = [
        { q: "", exact: false, scattered: false, quality: 1, attributes: null, matchingStrategy: "all", terms: [] },
      ];
    } else {
      // Read as the embedded engine reads it (search/reading.ts): a sentence
      // as matching reads a problem; a few words blended with that reading,
      // typos read as the word Meilisearch forgave them for.
      const long = isLongQuery(query.q);
      const blend = !long && parsed.words.length >= BLEND_MIN_WORDS && !parsed.clauses.some((clause) => clause.phrase);
      const prepared = long
        ? { bonds: new Set<number>(), corrected: new Map<string, string>() }
        : await this.prepare(parts, parsed, blend);
      const { corrected } = prepared;
      // A typo that makes a thesaurus phrase with its neighbour once read
      // ("tranport management"): Meilisearch applies no synonym across a
      // typo, so the query is read as corrected, as the embedded engine
      // reads it; "did you mean" still comes from the words as typed.
      const reread = long ? null : this.rereadThroughTypos(parsed, corrected);
      const readParts = reread ? queryParts(reread) : parts;
      const { bonds } = reread ? await this.prepare(readParts, reread, false) : prepared;
      const readings = long ? [] : readingsOf(readParts, bonds, reread ?? parsed);
      const scored = await this.searchScored({
        parsed: reread ?? parsed,
        typed: parsed,
        readings,
        matchingText: long
          ? query.q
          : blend
          ? parsed.words.map((word) => corrected.get(word.folded) ?? word.exact).join(" ")
          : null,
        cutoff: long ? LONG_RELATIVE_CUTOFF : RELATIVE_CUTOFF,
        visibility,
        filters: FACET_FIELDS.flatMap((field) => {
          const values = query.filters?.[field];
          return values && values.length > 0 ? [[field, new Set(values)] as const] : [];
        }),
        wanted,
        sort,
        page,
        perPage,
      });
      if (scored) return scored;
      const counts = await this.totals(readings, filterWithout(null));
      const accepted = acceptedReadings(
        readings.map((reading) => reading.quality),
        counts,
        RELATIVE_CUTOFF,
      );
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
    // The body always as a crop (its start when nothing matched there), marked when there is a query.
    const formatting = {
      attributesToCrop: CROPPED_ATTRIBUTES,
      cropLength: CROP_LENGTH,
      cropMarker: CROP_MARKER,
      ...(widest.q === ""
        ? {}
        : { attributesToHighlight: HIGHLIGHTED_ATTRIBUTES, highlightPreTag: PRE_TAG, highlightPostTag: POST_TAG }),
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
      filter: pagePks
        ? [...filterWithout(null), inFilter(PRIMARY_KEY, pagePks.length > 0 ? pagePks : ["-"])]
        : filterWithout(null),
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
    const { results } = await this.client.multiSearch<
      { queries: MultiSearchQuery[] },
      Omit<MeilisearchDocument, "pk"> & { pk: string }
    >({
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
      const marked = markedTokensOf(hit._formatted);
      const terms = new Set(reading.terms);
      addForgivenTypos(parsed.words, marked, terms, corrections);
      return [...terms];
    });
    const matchedTerms = [...new Set(hitTerms.flat())];

    return {
      total: totalOf(totalResult),
      page,
      perPage,
      hits: hits.map((hit, index) => toSearchHit(hit, hitTerms[index]!, croppedBody(hit._formatted))),
      facets,
      matchedTerms,
      didYouMean: didYouMeanOf(parsed, corrections),
    };
  }

  /**
   * Scores the documents a query's readings and matching's reading of it
   * find, here rather than in Meilisearch, so the three steps of
   * search/reading.ts apply as in the embedded engine: a document scores the
   * quality of the best reading holding it, blended with matching's reading
   * (or that alone for a sentence); the leading matches' sectors lift the
   * others in them; the relative cut-off and the filters follow. Round trips:
   * the readings' and the terms' ids in one multi-search, then the page's
   * documents in another (plus one for Meilisearch's "fewer words" reading
   * when nothing at all was found). Null when a reading that would be shown
   * holds more than READING_ID_WINDOW documents: the whole set cannot be
   * scored here, and Meilisearch's own order by readings is used instead.
   */
  private async searchScored(args: {
    parsed: ParsedQuery;
    /** The query as typed, when `parsed` is its reading through typos: for "did you mean". */
    typed?: ParsedQuery;
    readings: Reading[];
    matchingText: string | null;
    cutoff: number;
    visibility: string;
    filters: (readonly [FacetField, Set<string>])[];
    wanted: FacetField[];
    sort: NonNullable<SearchQuery["sort"]>;
    page: number;
    perPage: number;
  }): Promise<SearchResult | null> {
    const { parsed, matchingText, visibility, filters, wanted, sort, page, perPage } = args;
    const readings = [...args.readings];
    // Facets are counted and filters applied here, over the candidates'
    // own values; the visibility filter stays with Meilisearch.
    const fields = [...new Set<FacetField>(["sector", ...wanted, ...filters.map(([field]) => field)])];
    const window = {
      filter: [visibility],
      page: 1,
      hitsPerPage: READING_ID_WINDOW,
      attributesToRetrieve: [PRIMARY_KEY, ...fields, "publishedAt", "priceMin"],
    };
    const terms =
      matchingText === null ? [] : heaviest(needTerms(matchingText, this.matchSynonyms), MATCHING_READING_MAX_TERMS);
    const { results } = await this.client.multiSearch<{ queries: MultiSearchQuery[] }, CandidateDocument>({
      queries: [
        ...readings.map((reading) => ({ ...this.readingQuery(reading), ...window })),
        ...terms.map((term) => ({ ...this.termQuery(term), ...window })),
        // The index's size, for the terms' rarity.
        { indexUid: this.indexUid, q: "", page: 1, hitsPerPage: 0 },
      ],
    });

    const candidates = new Map<string, Candidate>();
    const add = (document: CandidateDocument) => {
      let candidate = candidates.get(document.pk);
      if (!candidate)
        candidates.set(
          document.pk,
          (candidate = { document, own: 0, reading: -1, rank: candidates.size, matching: 0, matched: [], score: 0 }),
        );
      return candidate;
    };
    const fromReading = (index: number, result: MultiSearchResult<CandidateDocument>) => {
      for (const hit of result.hits) {
        const candidate = add(hit);
        if (readings[index]!.quality > candidate.own) {
          candidate.own = readings[index]!.quality;
          candidate.reading = index;
        }
      }
    };
    const bestFound = Math.max(
      0,
      ...readings.map((reading, index) => (totalOf(results[index]!) > 0 ? reading.quality : 0)),
    );
    for (let index = 0; index < readings.length; index++) {
      const result = results[index]!;
      // Readings below the cut-off give their best-ranked documents only:
      // those can still rise above it, through matching or their sector.
      if (totalOf(result) > result.hits.length && readings[index]!.quality >= bestFound * RELATIVE_CUTOFF) return null;
      fromReading(index, result);
    }
    const size = totalOf(results.at(-1)!);
    const commonLimit = Math.max(SIMILAR_COMMON_FLOOR, size * SIMILAR_COMMON_SHARE);
    terms.forEach((term, index) => {
      const result = results[readings.length + index]!;
      const rarity = termRarity(totalOf(result), size, commonLimit, term.weight);
      if (rarity === 0) return;
      for (const hit of result.hits) {
        const candidate = add(hit);
        candidate.matching += rarity;
        candidate.matched.push(term.words.join(" "));
      }
    });

    const failedField = (candidate: Candidate): FacetField | null | "several" => {
      let failed: FacetField | null | "several" = null;
      for (const [field, values] of filters) {
        if (valuesOf(candidate.document, field).some((value) => values.has(value))) continue;
        failed = failed === null ? field : "several";
      }
      return failed;
    };
    if (
      readings.length > 0 &&
      parsed.words.length > 1 &&
      ![...candidates.values()].some((candidate) => failedField(candidate) === null)
    ) {
      // As before: when every word together finds nothing, Meilisearch drops
      // words from the end rather than show an empty page.
      const last: Reading = { ...readings.at(-1)!, matchingStrategy: "last", quality: SCATTERED_FACTOR };
      readings.push(last);
      const { results: relaxed } = await this.client.multiSearch<{ queries: MultiSearchQuery[] }, CandidateDocument>({
        queries: [{ ...this.readingQuery(last), ...window }],
      });
      fromReading(readings.length - 1, relaxed[0]!);
    }

    const all = [...candidates.values()];
    const bestMatching = Math.max(0, ...all.map((candidate) => candidate.matching));
    for (const candidate of all) {
      const matching = bestMatching > 0 ? candidate.matching / bestMatching : 0;
      candidate.score =
        readings.length === 0
          ? matching
          : matchingText !== null
          ? blendedScore(candidate.own, matching)
          : candidate.own;
    }
    for (const [candidate, score] of sectorFeedback(
      all,
      (candidate) => candidate.score,
      (candidate) => valuesOf(candidate.document, "sector"),
    ))
      candidate.score = score;

    // Results score at least `cutoff` of the best within the filters.
    const failed = new Map(all.map((candidate) => [candidate, failedField(candidate)]));
    const best = Math.max(
      0,
      ...all.filter((candidate) => failed.get(candidate) === null).map((candidate) => candidate.score),
    );
    const reaches = (candidate: Candidate) => candidate.score > 0 && candidate.score >= best * args.cutoff;
    const accepted = all.filter((candidate) => failed.get(candidate) === null && reaches(candidate));

    // A field's counts ignore its own filter: a result failing only that one counts for it.
    const facets: FacetCounts = {};
    for (const field of wanted) {
      const bucket: Record<string, number> = {};
      for (const candidate of all) {
        const failure = failed.get(candidate);
        if ((failure !== null && failure !== field) || !reaches(candidate)) continue;
        for (const value of new Set(valuesOf(candidate.document, field))) bucket[value] = (bucket[value] ?? 0) + 1;
      }
      facets[field] = bucket;
    }

    const newest = (a: Candidate, b: Candidate) =>
      (b.document.publishedAt ?? -Infinity) - (a.document.publishedAt ?? -Infinity) || a.rank - b.rank;
    const price = (direction: number) => (a: Candidate, b: Candidate) => {
      const [x, y] = [a.document.priceMin, b.document.priceMin];
      if (x === undefined || y === undefined) return Number(x === undefined) - Number(y === undefined) || newest(a, b);
      return direction * (x - y) || newest(a, b);
    };
    const compare =
      sort === "newest"
        ? newest
        : sort === "price-asc"
        ? price(1)
        : sort === "price-desc"
        ? price(-1)
        : (a: Candidate, b: Candidate) => b.score - a.score || a.rank - b.rank;
    const pageCandidates = accepted.sort(compare).slice((page - 1) * perPage, page * perPage);
    const pagePks = pageCandidates.map((candidate) => candidate.document.pk);

    // The page's documents, and what the widest reading marked in them
    // (typos Meilisearch forgave, for highlights and "did you mean") with
    // their bodies cropped around the marks. A document only matching's
    // reading found holds none of the reading's words, so no query can crop
    // its body around its terms: its body is fetched whole instead.
    const marking = readings.at(-1);
    const pageFilter = [visibility, inFilter(PRIMARY_KEY, pagePks)];
    const marked = marking
      ? pageCandidates.filter((candidate) => candidate.own > 0).map((candidate) => candidate.document.pk)
      : [];
    const unmarked = pageCandidates
      .filter((candidate) => !marked.includes(candidate.document.pk))
      .map((candidate) => candidate.document.pk);
    const queries: MultiSearchQuery[] = [
      {
        indexUid: this.indexUid,
        q: "",
        filter: pageFilter,
        page: 1,
        hitsPerPage: pagePks.length,
        attributesToRetrieve: [...RETRIEVED_ATTRIBUTES, PRIMARY_KEY],
      },
    ];
    if (marking && marked.length > 0) {
      queries.push({
        ...this.readingQuery(marking),
        filter: [visibility, inFilter(PRIMARY_KEY, marked)],
        page: 1,
        hitsPerPage: marked.length,
        attributesToRetrieve: [PRIMARY_KEY],
        attributesToHighlight: HIGHLIGHTED_ATTRIBUTES,
        attributesToCrop: CROPPED_ATTRIBUTES,
        cropLength: CROP_LENGTH,
        cropMarker: CROP_MARKER,
        highlightPreTag: PRE_TAG,
        highlightPostTag: POST_TAG,
      });
    }
    const markedAt = queries.length - 1;
    if (unmarked.length > 0) {
      queries.push({
        indexUid: this.indexUid,
        q: "",
        filter: [visibility, inFilter(PRIMARY_KEY, unmarked)],
        page: 1,
        hitsPerPage: unmarked.length,
        attributesToRetrieve: [PRIMARY_KEY, "body"],
      });
    }
    const pageResults =
      pagePks.length === 0
        ? []
        : (
            await this.client.multiSearch<
              { queries: MultiSearchQuery[] },
              Omit<MeilisearchDocument, "pk"> & { pk: string }
            >({ queries })
          ).results;
    const stored = new Map((pageResults[0]?.hits ?? []).map((hit) => [hit.pk, hit]));
    const formatted = new Map(
      markedAt > 0 ? (pageResults[markedAt]?.hits ?? []).map((hit) => [hit.pk, hit._formatted]) : [],
    );
    const wholeBodies = new Map(
      unmarked.length > 0 ? (pageResults.at(-1)?.hits ?? []).map((hit) => [hit.pk, hit.body ?? ""]) : [],
    );

    const corrections = new Map<string, Map<string, number>>();
    const hits: SearchHit[] = [];
    for (const candidate of pageCandidates) {
      const hit = stored.get(candidate.document.pk);
      if (!hit) continue;
      // What this document matched: its reading's words, or matching's terms.
      const terms = new Set(candidate.own > 0 ? readings[candidate.reading]!.terms : candidate.matched);
      const marks = candidate.own > 0 ? markedTokensOf(formatted.get(candidate.document.pk)) : [];
      addForgivenTypos((args.typed ?? parsed).words, marks, terms, corrections);
      const body = wholeBodies.get(candidate.document.pk) ?? croppedBody(formatted.get(candidate.document.pk));
      hits.push({ ...toSearchHit(hit, [...terms], body), score: candidate.score });
    }
    return {
      total: accepted.length,
      page,
      perPage,
      hits,
      facets,
      matchedTerms: [
        ...new Set(
          hits.flatMap((_, index) => [
            ...(pageCandidates[index]!.own > 0
              ? readings[pageCandidates[index]!.reading]!.terms
              : pageCandidates[index]!.matched),
          ]),
        ),
      ],
      didYouMean: readings.length > 0 ? didYouMeanOf(args.typed ?? parsed, corrections) : null,
    };
  }

  /**
   * The query with its typos read as corrected, when a corrected word and
   * its neighbour are a thesaurus or glossary phrase; null otherwise.
   */
  private rereadThroughTypos(parsed: ParsedQuery, corrected: ReadonlyMap<string, string>): ParsedQuery | null {
    if (corrected.size === 0 || parsed.clauses.some((clause) => clause.phrase)) return null;
    const read = parsed.words.map((word) => corrected.get(word.folded) ?? word.folded);
    const makesPhrase = parsed.words.some(
      (word, index) =>
        index + 1 < parsed.words.length &&
        (corrected.has(word.folded) || corrected.has(parsed.words[index + 1]!.folded)) &&
        synonymsOfPhrase([read[index]!, read[index + 1]!], this.synonyms).length > 0,
    );
    if (!makesPhrase) return null;
    return parseQuery(parsed.words.map((word) => corrected.get(word.folded) ?? word.exact).join(" "), this.synonyms);
  }

  /** One reading as a Meilisearch query. */
  private readingQuery(reading: Reading) {
    return {
      indexUid: this.indexUid,
      q: reading.q,
      matchingStrategy: reading.matchingStrategy,
      ...(reading.attributes ? { attributesToSearchOn: reading.attributes } : {}),
    };
  }

  /**
   * One of matching's terms (folded words) as a Meilisearch query: quoted,
   * so its words are side by side and taken as written, with no typo,
   * prefix or synonym (matching has already added the synonyms it wants),
   * in any spelling through the folded copies.
   */
  private termQuery(term: WeightedTerm) {
    return {
      indexUid: this.indexUid,
      q: `"${term.words.join(" ")}"`,
      attributesToSearchOn: [...TEXT_ATTRIBUTES],
      matchingStrategy: "all" as const,
    };
  }

  /**
   * Which neighbouring typed words are one compound ("giao thông"), judged
   * on the index as the embedded engine judges it (search/plan-shared.ts):
   * how many documents hold them side by side against how many hold the
   * rarer one; and, for a blended query, which word each typo stands for.
   * One multi-search, skipped when there is nothing to ask.
   */
  private async prepare(
    parts: Part[],
    parsed: ParsedQuery,
    probeTypos: boolean,
  ): Promise<{ bonds: Set<number>; corrected: Map<string, string> }> {
    const toned = parsed.toned;
    const pairs: number[] = [];
    for (let i = 0; i + 1 < parts.length; i++) {
      const [left, right] = [parts[i]!, parts[i + 1]!];
      if (left.kind !== "word" || right.kind !== "word" || left.thesaurus || right.thesaurus) continue;
      if (!isVietnameseSyllable(left.token.folded) || !isVietnameseSyllable(right.token.folded)) continue;
      pairs.push(i);
    }
    // Words long enough for Meilisearch to forgive a typo in: the top hit
    // for the word alone (fewest typos first) shows which word it read.
    const probed = probeTypos
      ? parsed.words.filter(
          (word, index, all) =>
            word.folded.length >= TYPO_MIN_WORD_SIZE.oneTypo &&
            !isStopWord(word) &&
            all.findIndex((other) => other.folded === word.folded) === index,
        )
      : [];
    if (pairs.length === 0 && probed.length === 0) return { bonds: new Set(), corrected: new Map() };
    const questions: { q: string; attributes: string[] }[] = [];
    const ask = (q: string, attributes: string[]) => {
      const found = questions.findIndex((question) => question.q === q && question.attributes === attributes);
      return found >= 0 ? found : questions.push({ q, attributes }) - 1;
    };
    const planned = pairs.map((i) => {
      const [left, right] = [(parts[i] as WordPart).token, (parts[i + 1] as WordPart).token];
      return {
        i,
        exact: toned
          ? [
              ask(`"${left.key} ${right.key}"`, KEY_ATTRIBUTE_LIST),
              ask(`${left.key} `, KEY_ATTRIBUTE_LIST),
              ask(`${right.key} `, KEY_ATTRIBUTE_LIST),
            ]
          : null,
        folded: [
          ask(`"${left.folded} ${right.folded}"`, TEXT_ATTRIBUTES),
          ask(`${left.folded} `, TEXT_ATTRIBUTES),
          ask(`${right.folded} `, TEXT_ATTRIBUTES),
        ],
      };
    });
    const { results } = await this.client.multiSearch<{ queries: MultiSearchQuery[] }>({
      queries: [
        ...questions.map((question) => ({
          indexUid: this.indexUid,
          q: question.q,
          attributesToSearchOn: question.attributes,
          matchingStrategy: "all" as const,
          page: 1,
          hitsPerPage: 0,
        })),
        ...probed.map((word) => ({
          indexUid: this.indexUid,
          q: `${word.folded} `,
          attributesToSearchOn: [...TEXT_ATTRIBUTES],
          matchingStrategy: "all" as const,
          page: 1,
          hitsPerPage: 1,
          attributesToRetrieve: [PRIMARY_KEY],
          attributesToHighlight: HIGHLIGHTED_ATTRIBUTES,
          attributesToCrop: CROPPED_ATTRIBUTES,
          cropLength: 10,
          cropMarker: CROP_MARKER,
          highlightPreTag: PRE_TAG,
          highlightPostTag: POST_TAG,
        })),
      ],
    });
    const corrected = new Map<string, string>();
    probed.forEach((word, index) => {
      const marked = markedTokens(Object.values(results[questions.length + index]!.hits[0]?._formatted ?? {}));
      if (marked.some((token) => token.folded === word.folded)) return;
      const read = marked.find((token) => typosBetween(word.folded, token.folded) !== null);
      if (read) corrected.set(word.folded, read.folded);
      else {
        // Meilisearch forgives no typo towards a synonym ("warehose" finds
        // nothing when only "kho hàng" is written): read it as the nearest
        // thesaurus word, as the embedded engine does.
        const nearest = this.nearestThesaurusWord(word.folded);
        if (nearest) corrected.set(word.folded, nearest);
      }
    });
    const count = (index: number) => totalOf(results[index]!);
    const strengths = planned.flatMap(({ i, exact, folded }) => {
      // Exact spellings when the index holds both as typed, else any spelling.
      const [together, left, right] = (exact && count(exact[1]!) > 0 && count(exact[2]!) > 0 ? exact : folded).map(
        count,
      ) as [number, number, number];
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
    return { bonds: bonded, corrected };
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
   * One query per term (the heaviest ones: each is a search on the server),
   * in one multi-search with the index's size; a document's score is the sum
   * of its terms' rarity × weight, as in the embedded engine.
   */
  async similar(query: SimilarQuery): Promise<SimilarHit[]> {
    // A phrase of nothing but the server's stop words is no term at all to
    // Meilisearch: the query would turn into a placeholder search matching
    // every document.
    const terms = heaviest(
      query.terms.filter((term) => term.words.some((word) => word !== "" && !SERVER_STOP_WORDS.has(word))),
      SIMILAR_MAX_TERMS,
    );
    if (terms.length === 0) return [];
    const filter = [
      visibilityFilter(query.visibility?.organisationIds ?? []),
      ...FACET_FIELDS.flatMap((field) => {
        const values = query.filters?.[field];
        return values && values.length > 0 ? [inFilter(field, values)] : [];
      }),
    ];
    const { results } = await this.client.multiSearch<
      { queries: MultiSearchQuery[] },
      { id: string; type: SimilarHit["type"]; entityId: string }
    >({
      queries: [
        ...terms.map((term) => ({
          ...this.termQuery({ ...term, words: term.words.filter(Boolean) }),
          filter,
          page: 1,
          hitsPerPage: READING_ID_WINDOW,
          attributesToRetrieve: ["id", "type", "entityId"],
        })),
        { indexUid: this.indexUid, q: "", page: 1, hitsPerPage: 0 },
      ],
    });
    const size = totalOf(results.at(-1)!);
    const commonLimit = Math.max(SIMILAR_COMMON_FLOOR, size * SIMILAR_COMMON_SHARE);
    const scores = new Map<string, SimilarHit>();
    terms.forEach((term, index) => {
      const result = results[index]!;
      const rarity = termRarity(totalOf(result), size, commonLimit, term.weight);
      if (rarity === 0) return;
      for (const hit of result.hits) {
        const entry = scores.get(hit.id) ?? {
          id: hit.id,
          type: hit.type,
          entityId: hit.entityId,
          score: 0,
          matched: [],
        };
        entry.score += rarity;
        entry.matched.push(term.words.filter(Boolean).join(" "));
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

/** The body as Meilisearch cropped it (with its crop markers), without highlight tags. */
function croppedBody(formatted: Record<string, unknown> | undefined): string {
  const body = formatted?.body;
  return typeof body === "string" ? body.replaceAll(PRE_TAG, "").replaceAll(POST_TAG, "") : "";
}

function toSearchHit(hit: StoredHit, matchedTerms: string[], body: string): SearchHit {
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
    highlight: { title: highlight(hit.title, matchedTerms), snippet: snippet([hit.summary, body], matchedTerms) },
  };
}
