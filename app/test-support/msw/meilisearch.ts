// A Meilisearch stand-in for tests, served through MSW at a loopback URL. It
// answers in Meilisearch's documented shapes and keeps an honest, small
// in-memory store, so tests can check what an engine sends and how it reads
// the answers. It does not rank like Meilisearch (no typos, synonyms or
// relevance): words must all be present, the last one may be a prefix, and
// hits come in insertion order unless sorted.
//
//   const meili = createMeilisearchStandIn();
//   const server = setupServer(...meili.handlers);
//   meili.fail("task-failed");           // the next write's task fails
//   meili.requestsTo("POST", "/multi-search")[0].body
import { http, HttpResponse, type HttpHandler } from "msw";
import { editDistanceWithin, fold, tokenize } from "../../../search/text.ts";

export type FaultKind = "http-500" | "task-failed" | "hang";

export interface RecordedRequest {
  method: string;
  /** Path without the host, e.g. "/indexes/hte-search/documents". */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  /** Parsed JSON when the body was JSON, the raw text otherwise, null when empty. */
  body: unknown;
  rawBody: string;
}

type Json = Record<string, unknown>;

interface StoredIndex {
  uid: string;
  primaryKey: string | null;
  documents: Map<string, Json>;
  settings: Json;
  createdAt: string;
  updatedAt: string;
}

interface Task {
  uid: number;
  batchUid: number | null;
  indexUid: string | null;
  status: "enqueued" | "processing" | "succeeded" | "failed";
  type: string;
  canceledBy: null;
  details: Json;
  error: { message: string; code: string; type: string; link: string } | null;
  duration: string | null;
  enqueuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

interface PendingTask {
  task: Task;
  pollsLeft: number;
  /** Applies the change; returns an error to fail the task. */
  apply: () => TaskError | void;
  forcedFailure: boolean;
}

interface TaskError {
  message: string;
  code: string;
  type?: string;
}

interface Fault {
  kind: FaultKind;
  remaining: number;
  method?: string;
  path?: RegExp;
  hangMs: number;
}

const DEFAULT_SETTINGS: Json = {
  displayedAttributes: ["*"],
  searchableAttributes: ["*"],
  filterableAttributes: [],
  sortableAttributes: [],
  rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness"],
  stopWords: [],
  nonSeparatorTokens: [],
  separatorTokens: [],
  dictionary: [],
  synonyms: {},
  distinctAttribute: null,
  typoTolerance: {
    enabled: true,
    minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
    disableOnWords: [],
    disableOnAttributes: [],
  },
  faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { "*": "alpha" } },
  pagination: { maxTotalHits: 1000 },
  proximityPrecision: "byWord",
  localizedAttributes: null,
  facetSearch: true,
  prefixSearch: "indexingTime",
  searchCutoffMs: null,
  embedders: {},
};

const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,511}$/;

class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly type = "invalid_request") {
    super(message);
  }
}

const errorBody = (code: string, message: string, type = "invalid_request") => ({
  message,
  code,
  type,
  link: `https://docs.meilisearch.com/errors#${code}`,
});

/** An API key's rights, as Meilisearch's /keys holds them. */
export interface StandInKey {
  /** e.g. "search", "documents.add", "indexes.*", "*". */
  actions: readonly string[];
  /** Index uids or patterns ending in "*"; default every index. */
  indexes?: readonly string[];
}

export interface MeilisearchStandInOptions {
  /** Default http://127.0.0.1:7700. */
  url?: string;
  /**
   * The master key: when set (or when `keys` is), every request must carry
   * `Authorization: Bearer <key>`; the master key may do anything.
   */
  apiKey?: string;
  /**
   * Other keys and what each may do. A request whose key lacks the route's
   * action on every index it touches is answered 403 invalid_api_key, as
   * Meilisearch does; a document or settings write to a missing index with a
   * key lacking indexes.create enqueues a task that fails index_not_found.
   */
  keys?: Record<string, StandInKey>;
  /** Request bodies over this many bytes get 413 payload_too_large. Default 100,000,000 (the server's "100 MB"). */
  payloadLimitBytes?: number;
  /**
   * How the stand-in compares words: "fold" drops diacritics and maps đ→d
   * (what a folding tokenizer does); "lowercase" keeps diacritics, like a
   * server that does not fold Vietnamese. Default "fold".
   */
  tokenizer?: "fold" | "lowercase";
  /** Task lookups that answer "processing" before a task is applied. Default 1. */
  processingPolls?: number;
}

export function createMeilisearchStandIn(options: MeilisearchStandInOptions = {}) {
  const base = (options.url ?? "http://127.0.0.1:7700").replace(/\/$/, "");
  const normaliseWord =
    options.tokenizer === "lowercase"
      ? (word: string) => word.normalize("NFC").toLowerCase()
      : (word: string) => fold(word);
  const indexes = new Map<string, StoredIndex>();
  const tasks = new Map<number, PendingTask>();
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  let nextTaskUid = 0;
  let processingPolls = options.processingPolls ?? 1;

  const now = () => new Date().toISOString();

  function takeFault(kind: FaultKind, method: string, path: string): Fault | null {
    const fault = faults.find(
      (candidate) =>
        candidate.kind === kind &&
        candidate.remaining > 0 &&
        (!candidate.method || candidate.method === method) &&
        (!candidate.path || candidate.path.test(path)),
    );
    if (!fault) return null;
    fault.remaining -= 1;
    return fault;
  }

  function getIndex(uid: string): StoredIndex {
    const index = indexes.get(uid);
    if (!index) throw new ApiError(404, "index_not_found", `Index \`${uid}\` not found.`);
    return index;
  }

  function createIndex(uid: string, primaryKey: string | null): StoredIndex {
    const index: StoredIndex = {
      uid,
      primaryKey,
      documents: new Map(),
      settings: structuredClone(DEFAULT_SETTINGS),
      createdAt: now(),
      updatedAt: now(),
    };
    indexes.set(uid, index);
    return index;
  }

  function enqueue(
    indexUid: string | null,
    type: string,
    details: Json,
    apply: PendingTask["apply"],
    method: string,
    path: string,
  ) {
    const uid = nextTaskUid++;
    const task: Task = {
      uid,
      batchUid: null,
      indexUid,
      status: "enqueued",
      type,
      canceledBy: null,
      details,
      error: null,
      duration: null,
      enqueuedAt: now(),
      startedAt: null,
      finishedAt: null,
    };
    const forcedFailure = takeFault("task-failed", method, path) !== null;
    tasks.set(uid, { task, pollsLeft: processingPolls, apply, forcedFailure });
    return HttpResponse.json(
      { taskUid: uid, indexUid, status: "enqueued", type, enqueuedAt: task.enqueuedAt },
      { status: 202 },
    );
  }

  /** Tasks run in order, as Meilisearch's queue does. */
  function finish(pending: PendingTask) {
    for (const earlier of tasks.values()) {
      if (earlier.task.uid >= pending.task.uid) break;
      if (earlier.task.status === "enqueued" || earlier.task.status === "processing") finish(earlier);
    }
    const error: TaskError | void = pending.forcedFailure
      ? { message: "Simulated failure: the task could not be processed.", code: "internal", type: "internal" }
      : pending.apply();
    const task = pending.task;
    task.startedAt ??= now();
    task.finishedAt = now();
    task.duration = "PT0.001S";
    task.batchUid = task.uid;
    if (error) {
      task.status = "failed";
      task.error = errorBody(error.code, error.message, error.type);
    } else task.status = "succeeded";
    if (task.indexUid) {
      const index = indexes.get(task.indexUid);
      if (index) index.updatedAt = now();
    }
  }

  function lookupTask(uid: number): Task {
    const pending = tasks.get(uid);
    if (!pending) throw new ApiError(404, "task_not_found", `Task \`${uid}\` not found.`);
    if (pending.task.status === "enqueued" || pending.task.status === "processing") {
      if (pending.pollsLeft > 0) {
        pending.pollsLeft -= 1;
        pending.task.status = "processing";
        pending.task.startedAt ??= now();
      } else finish(pending);
    }
    return pending.task;
  }

  function putDocuments(
    uid: string,
    documents: unknown,
    primaryKeyParam: string | null,
    replace: boolean,
    mayCreate: boolean,
  ): TaskError | void {
    if (!Array.isArray(documents))
      return { code: "malformed_payload", message: "The payload must be an array of documents." };
    const existing = indexes.get(uid);
    if (existing && primaryKeyParam && existing.primaryKey && existing.primaryKey !== primaryKeyParam) {
      return {
        code: "index_primary_key_already_exists",
        message: `Index \`${uid}\` already has a primary key: \`${existing.primaryKey}\`.`,
      };
    }
    const index = writableIndex(uid, mayCreate);
    if (!("documents" in index)) return index;
    index.primaryKey ??= primaryKeyParam;
    const primaryKey = index.primaryKey;
    if (!primaryKey)
      return { code: "index_primary_key_no_candidate_found", message: "The primary key inference failed." };
    for (const document of documents as Json[]) {
      const id = document[primaryKey];
      if (id === undefined)
        return { code: "missing_document_id", message: `Document doesn't have a \`${primaryKey}\` attribute.` };
      if (!(typeof id === "number" && Number.isInteger(id)) && !(typeof id === "string" && DOCUMENT_ID.test(id))) {
        return {
          code: "invalid_document_id",
          message: `Document identifier \`${JSON.stringify(
            id,
          )}\` is invalid. A document identifier can be of type integer or string, only composed of alphanumeric characters (a-z A-Z 0-9), hyphens (-) and underscores (_), and can not be more than 511 bytes.`,
        };
      }
    }
    for (const document of documents as Json[]) {
      const key = String(document[primaryKey]);
      const previous = index.documents.get(key);
      index.documents.set(
        key,
        replace || !previous ? structuredClone(document) : { ...previous, ...structuredClone(document) },
      );
    }
  }

  // --- search ---------------------------------------------------------------

  // A small model of Meilisearch's documented matching (docs: "Phrase
  // search", "Synonyms", "Typo tolerance", "Prefix search", "Matching
  // strategy", "Ranking rules", search parameter attributesToSearchOn):
  // - the query is at most ten words; text in double quotes is a phrase: its
  //   words must stand consecutively, in order, in one attribute value, with
  //   no typo, no prefix and no synonym; an unclosed quote is plain text;
  // - stop words are dropped from the query (unless nothing else remains);
  // - the last word is a prefix unless a space or quote follows it;
  // - typos: from minWordSizeForTypos.oneTypo letters one, from twoTypos two
  //   (Damerau-Levenshtein); a wrong first letter costs two; none on an
  //   attribute in disableOnAttributes, none for a query word in
  //   disableOnWords, none when disabled;
  // - synonyms are looked up for runs of one to three query words, lower
  //   cased and folded ("de-unicoded"); a multi-word synonym matches as a
  //   phrase; a run matched by a synonym satisfies all its words;
  // - matchingStrategy "all": every word; "last" (default): documents
  //   holding the first k words for the largest k ≥ 1, ranked by k;
  // - hits are bucket-sorted by the index's rankingRules (words, typo,
  //   proximity, attribute, exactness, sort); _rankingScore is a model (the
  //   mean of each rule's share), only its order means anything.
  type QueryTerm = { kind: "word"; word: string; prefix: boolean } | { kind: "phrase"; words: (string | null)[] };
  interface Located {
    attribute: number;
    item: number;
    position: number;
    length: number;
  }
  interface TermMatch {
    typos: number;
    exact: boolean;
    at: Located[];
  }

  // Documents are replaced whole on every write, so their words can be kept by object.
  const analysed = new WeakMap<Json, Map<string, string[][]>>();
  // Normalised once per synonyms setting (the glossary makes it thousands of entries).
  const synonymTables = new WeakMap<object, Map<string, string[][]>>();

  function normaliseText(text: string): string[] {
    return tokenize(text).map((token) => normaliseWord(token.exact));
  }

  function queryTerms(index: StoredIndex, q: string): QueryTerm[] {
    const stopWords = new Set((index.settings.stopWords as string[]).map(normaliseWord));
    const parts = q.split('"');
    const balanced = parts.length % 2 === 1 ? parts : [...parts.slice(0, -2), parts.slice(-2).join(" ")];
    const terms: QueryTerm[] = [];
    let count = 0;
    balanced.forEach((part, position) => {
      const words = normaliseText(part).slice(0, Math.max(0, 10 - count));
      count += words.length;
      // In a phrase a stop word holds its place but matches any word; a
      // phrase of nothing but stop words is no term at all (Meilisearch's
      // PhraseBuilder), which can leave a placeholder search.
      if (position % 2 === 1) {
        if (words.some((word) => !stopWords.has(word)))
          terms.push({ kind: "phrase", words: words.map((word) => (stopWords.has(word) ? null : word)) });
      } else for (const word of words) terms.push({ kind: "word", word, prefix: false });
    });
    const meaningful = terms.filter((term) => term.kind === "phrase" || !stopWords.has(term.word));
    const kept = meaningful.length > 0 ? meaningful : terms;
    const last = kept.at(-1);
    if (last?.kind === "word" && last === terms.at(-1) && !/[\s"]$/.test(q)) last.prefix = true;
    return kept;
  }

  function synonymRuns(index: StoredIndex, terms: QueryTerm[]) {
    const settings = (index.settings.synonyms as Record<string, string[]>) ?? {};
    let table = synonymTables.get(settings);
    if (!table) {
      table = new Map<string, string[][]>();
      for (const [key, values] of Object.entries(settings))
        table.set(normaliseText(key).join(" "), values.map(normaliseText));
      synonymTables.set(settings, table);
    }
    const runs: { from: number; to: number; phrases: string[][] }[] = [];
    for (let from = 0; from < terms.length; from++) {
      for (let to = from; to < Math.min(terms.length, from + 3); to++) {
        const run = terms.slice(from, to + 1);
        if (run.some((term) => term.kind !== "word")) break;
        const phrases = table.get(run.map((term) => (term as { word: string }).word).join(" "));
        if (phrases) runs.push({ from, to, phrases });
      }
    }
    return runs;
  }

  /** Each searched attribute's values, as normalised words, by the attribute's rank in searchableAttributes. */
  function searchedValues(
    index: StoredIndex,
    document: Json,
    attributesToSearchOn: unknown,
  ): { attribute: number; name: string; items: string[][] }[] {
    const configured = index.settings.searchableAttributes as string[];
    let attributes = configured.includes("*") ? Object.keys(document) : configured;
    if (Array.isArray(attributesToSearchOn)) {
      for (const attribute of attributesToSearchOn as string[]) {
        if (!configured.includes("*") && !configured.includes(attribute)) {
          throw new ApiError(
            400,
            "invalid_search_attributes_to_search_on",
            `Attribute \`${attribute}\` is not searchable.`,
          );
        }
      }
      attributes = attributes.filter((attribute) => (attributesToSearchOn as string[]).includes(attribute));
    }
    let cached = analysed.get(document);
    if (!cached) analysed.set(document, (cached = new Map()));
    return attributes.map((name) => {
      let items = cached.get(name);
      if (!items) {
        const value = document[name];
        const texts = (Array.isArray(value) ? value : [value]).filter(
          (text): text is string => typeof text === "string",
        );
        cached.set(name, (items = texts.map(normaliseText)));
      }
      return { attribute: configured.indexOf(name), name, items };
    });
  }

  function typosAllowed(index: StoredIndex, attribute: string, word: string): number {
    const tolerance = index.settings.typoTolerance as {
      enabled?: boolean;
      minWordSizeForTypos?: { oneTypo?: number; twoTypos?: number };
      disableOnAttributes?: string[];
      disableOnWords?: string[];
    };
    if (tolerance.enabled === false || (tolerance.disableOnAttributes ?? []).includes(attribute)) return 0;
    if ((tolerance.disableOnWords ?? []).some((listed) => listed.toLowerCase() === word)) return 0;
    const length = [...word].length;
    if (length >= (tolerance.minWordSizeForTypos?.twoTypos ?? 9)) return 2;
    if (length >= (tolerance.minWordSizeForTypos?.oneTypo ?? 5)) return 1;
    return 0;
  }

  function wordTypos(index: StoredIndex, attribute: string, query: string, word: string): number | null {
    if (query === word) return 0;
    const budget = typosAllowed(index, attribute, query);
    if (budget === 0) return null;
    const distance = editDistanceWithin(query, word, budget);
    const cost = distance + (query[0] !== word[0] ? 1 : 0);
    return distance <= budget && cost <= budget ? distance : null;
  }

  /** Where the phrase stands; a null word (a stop word in the phrase) stands for any word. */
  function phraseAt(items: string[][], words: readonly (string | null)[], attribute: number): Located[] {
    const found: Located[] = [];
    items.forEach((tokens, item) => {
      for (let position = 0; position + words.length <= tokens.length; position++) {
        if (words.every((word, offset) => word === null || tokens[position + offset] === word))
          found.push({ attribute, item, position, length: words.length });
      }
    });
    return found;
  }

  function termMatch(index: StoredIndex, term: QueryTerm, values: ReturnType<typeof searchedValues>): TermMatch | null {
    let best = null as TermMatch | null;
    for (const { attribute, name, items } of values) {
      if (term.kind === "phrase") {
        const at = phraseAt(items, term.words, attribute);
        if (at.length > 0) best = { typos: 0, exact: true, at: [...(best?.at ?? []), ...at] };
        continue;
      }
      items.forEach((tokens, item) => {
        tokens.forEach((token, position) => {
          let typos: number | null = wordTypos(index, name, term.word, token);
          let exact = typos === 0;
          if (typos === null && term.prefix && token.startsWith(term.word)) {
            typos = 0;
            exact = false;
          }
          if (typos === null) return;
          const at = { attribute, item, position, length: 1 };
          if (!best || typos < best.typos || (typos === best.typos && exact && !best.exact))
            best = { typos, exact, at: [at] };
          else if (typos === best.typos) best.at.push(at);
        });
      });
    }
    return best;
  }

  interface Ranked {
    document: Json;
    words: number;
    typos: number;
    proximity: number;
    attribute: number;
    exactness: number;
  }

  function rank(
    index: StoredIndex,
    document: Json,
    terms: QueryTerm[],
    runs: ReturnType<typeof synonymRuns>,
    body: Json,
  ): Ranked | null {
    const values = searchedValues(index, document, body.attributesToSearchOn);
    const matches: (TermMatch | null)[] = terms.map((term) => termMatch(index, term, values));
    for (const run of runs) {
      const at = run.phrases.flatMap((phrase) =>
        values.flatMap(({ attribute, items }) => phraseAt(items, phrase, attribute)),
      );
      if (at.length === 0) continue;
      for (let term = run.from; term <= run.to; term++) matches[term] ??= { typos: 0, exact: false, at };
    }
    let words = 0;
    while (words < terms.length && matches[words]) words++;
    const strategy = body.matchingStrategy ?? "last";
    if (terms.length > 0 && (strategy === "all" ? words < terms.length : words === 0)) return null;
    const used = matches.slice(0, words) as TermMatch[];
    let proximity = 0;
    for (let i = 1; i < used.length; i++) {
      let closest = 8;
      for (const a of used[i - 1]!.at) {
        for (const b of used[i]!.at) {
          if (a.attribute !== b.attribute || a.item !== b.item) continue;
          const gap =
            b.position >= a.position + a.length
              ? b.position - (a.position + a.length) + 1
              : a.position - b.position + 1;
          closest = Math.min(closest, Math.max(1, gap));
        }
      }
      proximity += closest;
    }
    return {
      document,
      words,
      typos: used.reduce((sum, match) => sum + match.typos, 0),
      proximity,
      attribute: Math.min(Infinity, ...used.flatMap((match) => match.at.map((at) => at.attribute))),
      exactness: used.filter((match) => match.exact).length,
    };
  }

  function compareSort(sort: string[]) {
    return (a: Json, b: Json) => {
      for (const rule of sort) {
        const [field, direction] = rule.split(":") as [string, string];
        const x = a[field];
        const y = b[field];
        if (x === undefined || x === null || y === undefined || y === null) {
          const missing = (x === undefined || x === null ? 1 : 0) - (y === undefined || y === null ? 1 : 0);
          if (missing !== 0) return missing;
          continue;
        }
        const order = (x as number) < (y as number) ? -1 : (x as number) > (y as number) ? 1 : 0;
        if (order !== 0) return direction === "desc" ? -order : order;
      }
      return 0;
    };
  }

  function rankingScore(ranked: Ranked, terms: number, attributes: number): number {
    if (terms === 0) return 1;
    const shares = [
      ranked.words / terms,
      1 - ranked.typos / (2 * terms + 1),
      terms > 1 ? 1 - (ranked.proximity - (terms - 1)) / (8 * (terms - 1)) : 1,
      1 - (Number.isFinite(ranked.attribute) ? ranked.attribute : attributes) / Math.max(1, attributes),
      ranked.exactness / terms,
    ];
    return shares.reduce((sum, share) => sum + share, 0) / shares.length;
  }

  interface Formatting {
    /** Tags around matches, or null: the attribute is not in attributesToHighlight. */
    tags: { pre: string; post: string } | null;
    /** Words kept around the best matches, or null: not in attributesToCrop. */
    crop: { length: number; marker: string } | null;
  }

  /**
   * The attribute as `_formatted` shows it. Highlighted only when asked
   * (a field only in attributesToCrop comes back cropped, without tags), a
   * prefix match marking only the typed part; cropped to the window of
   * `length` words holding the most distinct matched words (the start when
   * none matched), the marker where text was cut.
   */
  function formatted(
    index: StoredIndex,
    attribute: string,
    value: unknown,
    terms: QueryTerm[],
    runs: ReturnType<typeof synonymRuns>,
    format: Formatting,
  ): unknown {
    if (Array.isArray(value)) return value.map((item) => formatted(index, attribute, item, terms, runs, format));
    if (typeof value !== "string") return value;
    const nfc = value.normalize("NFC");
    const tokens = tokenize(nfc);
    const words = tokens.map((token) => normaliseWord(token.exact));
    const marks: number[] = tokens.map(() => 0);
    const markPhrase = (phrase: readonly (string | null)[]) => {
      for (let position = 0; position + phrase.length <= words.length; position++) {
        if (phrase.every((word, offset) => word === null || words[position + offset] === word)) {
          for (let offset = 0; offset < phrase.length; offset++) marks[position + offset] = -1;
        }
      }
    };
    for (const term of terms) {
      if (term.kind === "phrase") {
        markPhrase(term.words);
        continue;
      }
      words.forEach((word, position) => {
        if (marks[position] === -1) return;
        if (wordTypos(index, attribute, term.word, word) !== null) marks[position] = -1;
        else if (term.prefix && word.startsWith(term.word))
          marks[position] = Math.max(marks[position]!, [...term.word].length);
      });
    }
    for (const run of runs) for (const phrase of run.phrases) markPhrase(phrase);
    let from = 0;
    let to = tokens.length;
    if (format.crop && tokens.length > format.crop.length) {
      const size = format.crop.length;
      let best = -1;
      marks.forEach((mark, position) => {
        if (mark === 0) return;
        const start = Math.max(0, Math.min(position - Math.floor((size - 1) / 2), tokens.length - size));
        const distinct = new Set(words.slice(start, start + size).filter((_, offset) => marks[start + offset] !== 0))
          .size;
        if (distinct > best) {
          best = distinct;
          from = start;
        }
      });
      to = Math.min(tokens.length, from + size);
    }
    const textFrom = from === 0 ? 0 : tokens[from]!.start;
    const textTo = to === tokens.length ? nfc.length : tokens[to - 1]!.end;
    let out = from > 0 && format.crop ? format.crop.marker : "";
    let cursor = textFrom;
    if (format.tags) {
      for (let position = from; position < to; position++) {
        const mark = marks[position]!;
        if (mark === 0) continue;
        const token = tokens[position]!;
        const length = mark === -1 ? token.end - token.start : mark;
        out +=
          nfc.slice(cursor, token.start) +
          format.tags.pre +
          nfc.slice(token.start, token.start + length) +
          format.tags.post;
        cursor = token.start + length;
      }
    }
    out += nfc.slice(cursor, textTo);
    return to < tokens.length && format.crop ? out + format.crop.marker : out;
  }

  function search(index: StoredIndex, body: Json) {
    const q = typeof body.q === "string" ? body.q : "";
    const filterable = index.settings.filterableAttributes as string[];
    const filter =
      body.filter === undefined || body.filter === null
        ? null
        : parseFilter(body.filter as string | (string | string[])[], filterable);
    const facets = (body.facets as string[] | undefined) ?? [];
    for (const facet of facets) {
      if (!filterable.includes(facet))
        throw new ApiError(400, "invalid_search_facets", `Attribute \`${facet}\` is not filterable.`);
    }
    const sort = (body.sort as string[] | undefined) ?? [];
    const sortable = index.settings.sortableAttributes as string[];
    for (const rule of sort) {
      const [field] = rule.split(":");
      if (!sortable.includes(field!))
        throw new ApiError(400, "invalid_search_sort", `Attribute \`${field}\` is not sortable.`);
    }

    const terms = queryTerms(index, q);
    const runs = synonymRuns(index, terms);
    const candidates = [...index.documents.values()].filter((document) => !filter || filter(document));
    const ranked = candidates.flatMap((document) => {
      const entry = rank(index, document, terms, runs, body);
      return entry ? [entry] : [];
    });
    const bySort = compareSort(sort);
    const rules: Record<string, (a: Ranked, b: Ranked) => number> = {
      words: (a, b) => b.words - a.words,
      typo: (a, b) => a.typos - b.typos,
      proximity: (a, b) => a.proximity - b.proximity,
      attribute: (a, b) => a.attribute - b.attribute,
      exactness: (a, b) => b.exactness - a.exactness,
      sort: (a, b) => bySort(a.document, b.document),
    };
    // With no query words, only the sort orders (Meilisearch's placeholder search).
    const order =
      terms.length === 0 ? ["sort"] : (index.settings.rankingRules as string[]).filter((rule) => rule in rules);
    if (!order.includes("sort")) order.push("sort");
    const stable = ranked.map((entry, position) => ({ entry, position }));
    stable.sort((a, b) => {
      for (const rule of order) {
        const difference = rules[rule]!(a.entry, b.entry);
        if (difference !== 0) return difference;
      }
      return a.position - b.position;
    });
    const scores = new Map(
      stable.map(({ entry }) => [
        entry.document,
        rankingScore(entry, terms.length, (index.settings.searchableAttributes as string[]).length),
      ]),
    );
    const matched = stable.map(({ entry }) => entry.document);

    const facetDistribution: Record<string, Record<string, number>> = {};
    for (const facet of facets) {
      const counts: Record<string, number> = {};
      for (const document of matched) {
        const value = document[facet];
        for (const item of Array.isArray(value) ? value : [value]) {
          if (item === null || item === undefined || typeof item === "object") continue;
          counts[String(item)] = (counts[String(item)] ?? 0) + 1;
        }
      }
      facetDistribution[facet] = counts;
    }

    const maxTotalHits = ((index.settings.pagination as Json | undefined)?.maxTotalHits as number | undefined) ?? 1000;
    const reachable = matched.slice(0, maxTotalHits);
    const finite = body.page !== undefined || body.hitsPerPage !== undefined;
    const hitsPerPage = (body.hitsPerPage as number | undefined) ?? 20;
    const page = (body.page as number | undefined) ?? 1;
    const offset = finite ? (page - 1) * hitsPerPage : (body.offset as number | undefined) ?? 0;
    const limit = finite ? hitsPerPage : (body.limit as number | undefined) ?? 20;
    const retrieve = body.attributesToRetrieve as string[] | undefined;
    const toHighlight = (body.attributesToHighlight as string[] | undefined) ?? [];
    // "body" or "body:15" (a length of its own).
    const toCrop = new Map(
      ((body.attributesToCrop as string[] | undefined) ?? []).map((entry) => {
        const [name, length] = entry.split(":");
        return [name!, length === undefined ? null : Number(length)] as const;
      }),
    );
    const tags = {
      pre: (body.highlightPreTag as string | undefined) ?? "<em>",
      post: (body.highlightPostTag as string | undefined) ?? "</em>",
    };
    const cropLength = (body.cropLength as number | undefined) ?? 10;
    const cropMarker = body.cropMarker === null ? "" : (body.cropMarker as string | undefined) ?? "…";

    const hits = reachable.slice(offset, offset + limit).map((document) => {
      const shown =
        retrieve && !retrieve.includes("*")
          ? Object.fromEntries(retrieve.filter((key) => key in document).map((key) => [key, document[key]]))
          : { ...document };
      const hit: Json = structuredClone(shown);
      if (toHighlight.length > 0 || toCrop.size > 0) {
        // _formatted holds the retrieved, highlighted and cropped attributes together.
        const formattedHit: Json = structuredClone(shown);
        const highlightAll = toHighlight.includes("*");
        const cropAll = toCrop.has("*");
        for (const attribute of new Set(
          [...toHighlight, ...toCrop.keys()].flatMap((name) => (name === "*" ? Object.keys(document) : [name])),
        )) {
          if (!(attribute in document)) continue;
          const length = toCrop.has(attribute) ? toCrop.get(attribute) ?? cropLength : cropAll ? cropLength : null;
          formattedHit[attribute] = formatted(index, attribute, document[attribute], terms, runs, {
            tags: highlightAll || toHighlight.includes(attribute) ? tags : null,
            crop: length === null || length === 0 ? null : { length, marker: cropMarker },
          });
        }
        hit._formatted = formattedHit;
      }
      if (body.showRankingScore) hit._rankingScore = scores.get(document) ?? 0;
      return hit;
    });

    return {
      hits,
      query: q,
      processingTimeMs: 0,
      ...(facets.length > 0 ? { facetDistribution, facetStats: {} } : {}),
      ...(finite
        ? {
            page,
            hitsPerPage,
            totalHits: reachable.length,
            totalPages: Math.ceil(reachable.length / Math.max(hitsPerPage, 1)),
          }
        : { offset, limit, estimatedTotalHits: reachable.length }),
    };
  }

  // --- HTTP -----------------------------------------------------------------

  async function record(request: Request): Promise<RecordedRequest> {
    const url = new URL(request.url);
    const rawBody = await request.clone().text();
    let body: unknown = null;
    if (rawBody !== "") {
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = rawBody;
      }
    }
    const recorded: RecordedRequest = {
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      headers: Object.fromEntries(request.headers.entries()),
      body,
      rawBody,
    };
    requests.push(recorded);
    return recorded;
  }

  interface Access {
    /** Whether the request's key may do `action` on index `uid`. */
    allows(action: string, uid: string): boolean;
  }
  type Route = (
    recorded: RecordedRequest,
    params: Record<string, string>,
    access: Access,
  ) => Response | Promise<Response>;
  /** The indexes a request touches, for the key's index scope. */
  type Scope = (recorded: RecordedRequest, params: Record<string, string>) => string[];
  const byPath: Scope = (_, params) => (params.uid ? [params.uid] : []);
  const payloadLimit = options.payloadLimitBytes ?? 100_000_000;
  const secured = options.apiKey !== undefined || options.keys !== undefined;

  function keyAllows(key: StandInKey | "master", action: string, uid: string | null): boolean {
    if (key === "master") return true;
    const [group] = action.split(".");
    const acts = key.actions.includes("*") || key.actions.includes(action) || key.actions.includes(`${group}.*`);
    const patterns = key.indexes ?? ["*"];
    const on =
      uid === null ||
      patterns.some(
        (pattern) =>
          pattern === "*" || pattern === uid || (pattern.endsWith("*") && uid.startsWith(pattern.slice(0, -1))),
      );
    return acts && on;
  }

  const route = (
    method: "get" | "post" | "put" | "patch" | "delete",
    path: string,
    action: string,
    handle: Route,
    scope: Scope = byPath,
  ): HttpHandler =>
    http[method](`${base}${path}`, async ({ request, params }) => {
      const recorded = await record(request);
      let key: StandInKey | "master" = "master";
      if (secured) {
        const header = request.headers.get("authorization");
        if (!header)
          return HttpResponse.json(
            errorBody(
              "missing_authorization_header",
              "The Authorization header is missing. It must use the bearer authorization method.",
              "auth",
            ),
            { status: 401 },
          );
        const token = header.replace(/^Bearer /, "");
        const known = token === options.apiKey ? "master" : options.keys?.[token];
        if (!known)
          return HttpResponse.json(errorBody("invalid_api_key", "The provided API key is invalid.", "auth"), {
            status: 403,
          });
        key = known;
        const uids = scope(recorded, params as Record<string, string>);
        const permitted =
          uids.length === 0 ? keyAllows(key, action, null) : uids.every((uid) => keyAllows(key, action, uid));
        if (!permitted)
          return HttpResponse.json(errorBody("invalid_api_key", "The provided API key is invalid.", "auth"), {
            status: 403,
          });
      }
      if (Buffer.byteLength(recorded.rawBody) > payloadLimit) {
        return HttpResponse.json(
          errorBody(
            "payload_too_large",
            `The provided payload reached the size limit. The maximum accepted payload size is ${payloadLimit} bytes.`,
          ),
          { status: 413 },
        );
      }
      const hang = takeFault("hang", recorded.method, recorded.path);
      if (hang) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, hang.hangMs);
          request.signal?.addEventListener("abort", () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      if (takeFault("http-500", recorded.method, recorded.path)) {
        return HttpResponse.json(errorBody("internal", "Simulated internal error.", "internal"), { status: 500 });
      }
      const access: Access = { allows: (wanted, uid) => keyAllows(key, wanted, uid) };
      try {
        return await handle(recorded, params as Record<string, string>, access);
      } catch (error) {
        if (error instanceof ApiError)
          return HttpResponse.json(errorBody(error.code, error.message, error.type), { status: error.status });
        throw error;
      }
    });

  /** Meilisearch creates a missing index on a write only for a key that may create indexes. */
  function writableIndex(uid: string, mayCreate: boolean): StoredIndex | TaskError {
    const index = indexes.get(uid);
    if (index) return index;
    if (!mayCreate) return { code: "index_not_found", message: `Index \`${uid}\` not found.` };
    return createIndex(uid, null);
  }

  const bodyUid: Scope = ({ body }) => [String(((body ?? {}) as { uid?: unknown }).uid ?? "")];
  const swapped: Scope = ({ body }) =>
    Array.isArray(body)
      ? body.flatMap((swap) => ((swap as { indexes?: unknown }).indexes as string[] | undefined) ?? [])
      : [];
  const searched: Scope = ({ body }) =>
    (((body ?? {}) as { queries?: Json[] }).queries ?? []).map((query) => String(query.indexUid));

  const handlers: HttpHandler[] = [
    route(
      "post",
      "/indexes",
      "indexes.create",
      ({ body, method, path }) => {
        const { uid, primaryKey } = (body ?? {}) as { uid?: string; primaryKey?: string };
        if (!uid) throw new ApiError(400, "missing_index_uid", "Missing field `uid`");
        return enqueue(
          uid,
          "indexCreation",
          { primaryKey: primaryKey ?? null },
          () => {
            if (indexes.has(uid)) return { code: "index_already_exists", message: `Index \`${uid}\` already exists.` };
            createIndex(uid, primaryKey ?? null);
          },
          method,
          path,
        );
      },
      bodyUid,
    ),
    route("get", "/indexes/:uid", "indexes.get", (_, { uid }) => {
      const index = getIndex(uid!);
      return HttpResponse.json({
        uid: index.uid,
        primaryKey: index.primaryKey,
        createdAt: index.createdAt,
        updatedAt: index.updatedAt,
      });
    }),
    route("delete", "/indexes/:uid", "indexes.delete", ({ method, path }, { uid }) =>
      enqueue(
        uid!,
        "indexDeletion",
        { deletedDocuments: indexes.get(uid!)?.documents.size ?? 0 },
        () => {
          if (!indexes.delete(uid!)) return { code: "index_not_found", message: `Index \`${uid}\` not found.` };
        },
        method,
        path,
      ),
    ),
    // Both indexes of every pair must exist when the task runs; the swap is atomic.
    route(
      "post",
      "/swap-indexes",
      "indexes.swap",
      ({ body, method, path }) => {
        const swaps = Array.isArray(body) ? (body as { indexes?: unknown; rename?: unknown }[]) : null;
        if (!swaps)
          throw new ApiError(400, "bad_request", "Invalid value type: expected an array, but found an object");
        swaps.forEach((swap, position) => {
          for (const key of Object.keys(swap)) {
            if (key !== "indexes" && key !== "rename")
              throw new ApiError(
                400,
                "bad_request",
                `Unknown field \`${key}\` inside \`[${position}]\`: expected one of \`indexes\`, \`rename\``,
              );
          }
          if (!Array.isArray(swap.indexes) || swap.indexes.length !== 2) {
            throw new ApiError(
              400,
              "invalid_swap_indexes",
              `Invalid value at \`[${position}].indexes\`: two index uids must be given, one to swap with the other.`,
            );
          }
        });
        return enqueue(
          null,
          "indexSwap",
          { swaps },
          () => {
            const missing = swaps.flatMap((swap) => (swap.indexes as string[]).filter((uid) => !indexes.has(uid)));
            if (missing.length > 0) return { code: "index_not_found", message: `Index \`${missing[0]}\` not found.` };
            for (const swap of swaps) {
              const [a, b] = swap.indexes as [string, string];
              const [first, second] = [indexes.get(a)!, indexes.get(b)!];
              indexes.set(a, { ...second, uid: a });
              indexes.set(b, { ...first, uid: b });
            }
          },
          method,
          path,
        );
      },
      swapped,
    ),
    route("get", "/indexes/:uid/settings", "settings.get", (_, { uid }) => HttpResponse.json(getIndex(uid!).settings)),
    route("get", "/indexes/:uid/settings/synonyms", "settings.get", (_, { uid }) =>
      HttpResponse.json(getIndex(uid!).settings.synonyms as Json),
    ),
    // Validated on arrival (400, nothing queued); merged when the task runs.
    route("patch", "/indexes/:uid/settings", "settings.update", ({ body, method, path }, { uid }, access) => {
      const patch = validateSettings(body);
      const mayCreate = access.allows("indexes.create", uid!);
      return enqueue(
        uid!,
        "settingsUpdate",
        patch,
        () => {
          const index = writableIndex(uid!, mayCreate);
          if (!("settings" in index)) return index;
          const merged = mergeSettings(index.settings, patch);
          const typos = (merged.typoTolerance as { minWordSizeForTypos: { oneTypo: number; twoTypos: number } })
            .minWordSizeForTypos;
          if (typos.oneTypo > typos.twoTypos) {
            return {
              code: "invalid_settings_typo_tolerance",
              message: `\`minWordSizeForTypos\` setting is invalid. \`twoTypos\` should be greater or equals to \`oneTypo\` but found \`oneTypo: ${typos.oneTypo}\` and twoTypos: ${typos.twoTypos}\`.`,
            };
          }
          index.settings = merged;
        },
        method,
        path,
      );
    }),
    route("post", "/indexes/:uid/documents", "documents.add", ({ body, query, method, path }, { uid }, access) => {
      const mayCreate = access.allows("indexes.create", uid!);
      return enqueue(
        uid!,
        "documentAdditionOrUpdate",
        { receivedDocuments: Array.isArray(body) ? body.length : 0 },
        () => putDocuments(uid!, body, query.get("primaryKey"), true, mayCreate),
        method,
        path,
      );
    }),
    route("put", "/indexes/:uid/documents", "documents.add", ({ body, query, method, path }, { uid }, access) => {
      const mayCreate = access.allows("indexes.create", uid!);
      return enqueue(
        uid!,
        "documentAdditionOrUpdate",
        { receivedDocuments: Array.isArray(body) ? body.length : 0 },
        () => putDocuments(uid!, body, query.get("primaryKey"), false, mayCreate),
        method,
        path,
      );
    }),
    route("post", "/indexes/:uid/documents/delete-batch", "documents.delete", ({ body, method, path }, { uid }) =>
      enqueue(
        uid!,
        "documentDeletion",
        { providedIds: Array.isArray(body) ? body.length : 0 },
        () => {
          const index = indexes.get(uid!);
          if (!index) return { code: "index_not_found", message: `Index \`${uid}\` not found.` };
          for (const id of (body as unknown[]) ?? []) index.documents.delete(String(id));
        },
        method,
        path,
      ),
    ),
    route("delete", "/indexes/:uid/documents", "documents.delete", ({ method, path }, { uid }) =>
      enqueue(
        uid!,
        "documentDeletion",
        {},
        () => {
          const index = indexes.get(uid!);
          if (!index) return { code: "index_not_found", message: `Index \`${uid}\` not found.` };
          index.documents.clear();
        },
        method,
        path,
      ),
    ),
    route("get", "/indexes/:uid/stats", "stats.get", (_, { uid }) => HttpResponse.json(indexStats(getIndex(uid!)))),
    route("get", "/stats", "stats.get", () =>
      HttpResponse.json({
        databaseSize: 0,
        usedDatabaseSize: 0,
        lastUpdate: now(),
        indexes: Object.fromEntries([...indexes.values()].map((index) => [index.uid, indexStats(index)])),
      }),
    ),
    route("get", "/tasks/:taskUid", "tasks.get", (_, { taskUid }) => HttpResponse.json(lookupTask(Number(taskUid)))),
    route("post", "/indexes/:uid/search", "search", ({ body }, { uid }) =>
      HttpResponse.json(search(getIndex(uid!), (body ?? {}) as Json)),
    ),
    route(
      "post",
      "/multi-search",
      "search",
      ({ body }) => {
        const queries = ((body ?? {}) as { queries?: Json[] }).queries ?? [];
        const results = queries.map((query, position) => {
          try {
            return { indexUid: query.indexUid, ...search(getIndex(String(query.indexUid)), query) };
          } catch (error) {
            if (error instanceof ApiError) {
              throw new ApiError(
                error.status,
                error.code,
                `Inside \`.queries[${position}]\`: ${error.message}`,
                error.type,
              );
            }
            throw error;
          }
        });
        return HttpResponse.json({ results });
      },
      searched,
    ),
  ];

  function indexStats(index: StoredIndex) {
    const fieldDistribution: Record<string, number> = {};
    for (const document of index.documents.values()) {
      for (const key of Object.keys(document)) fieldDistribution[key] = (fieldDistribution[key] ?? 0) + 1;
    }
    return {
      numberOfDocuments: index.documents.size,
      isIndexing: [...tasks.values()].some(
        (pending) =>
          pending.task.indexUid === index.uid &&
          (pending.task.status === "enqueued" || pending.task.status === "processing"),
      ),
      fieldDistribution,
      rawDocumentDbSize: 0,
      avgDocumentSize: 0,
      numberOfEmbeddedDocuments: 0,
      numberOfEmbeddings: 0,
      indexSize: 0,
      usedIndexSize: 0,
    };
  }

  return {
    url: base,
    handlers,
    /** Every request received, oldest first. */
    requests,
    requestsTo(method: string, path: string | RegExp) {
      return requests.filter(
        (request) =>
          request.method === method && (typeof path === "string" ? request.path === path : path.test(request.path)),
      );
    },
    /**
     * The next `times` matching requests fail: "http-500" answers 500,
     * "task-failed" lets the request enqueue a task that then fails, and
     * "hang" holds the response for `hangMs` (default a minute) or until the
     * client gives up.
     */
    fail(kind: FaultKind, options: { times?: number; method?: string; path?: RegExp; hangMs?: number } = {}) {
      faults.push({
        kind,
        remaining: options.times ?? 1,
        method: options.method,
        path: options.path,
        hangMs: options.hangMs ?? 60_000,
      });
    },
    index(uid: string) {
      return indexes.get(uid) ?? null;
    },
    /** Documents of an index by primary key (after their tasks were applied). */
    documents(uid: string): Map<string, Json> {
      return indexes.get(uid)?.documents ?? new Map();
    },
    tasks() {
      return [...tasks.values()].map((pending) => pending.task);
    },
    setProcessingPolls(count: number) {
      processingPolls = count;
    },
    reset() {
      indexes.clear();
      tasks.clear();
      requests.length = 0;
      faults.length = 0;
      processingPolls = options.processingPolls ?? 1;
    },
  };
}

export type MeilisearchStandIn = ReturnType<typeof createMeilisearchStandIn>;

// --- settings validation -------------------------------------------------------
// Meilisearch checks a settings payload's shape when the request arrives
// (its deserr layer), before any task is queued: an unknown field is a 400
// bad_request, a nested unknown field or a value of the wrong type a 400
// invalid_settings_<field>. The messages follow its own (tests/settings/
// errors.rs in the Meilisearch repository).

type Check = (value: unknown, at: string, code: string) => void;

function jsonKind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return "a string";
  if (typeof value === "boolean") return "a boolean";
  if (typeof value === "number")
    return Number.isInteger(value) && value >= 0 ? "a positive integer" : "a negative or decimal number";
  return typeof value;
}

function invalidValue(code: string, at: string, expected: string, value: unknown): ApiError {
  return new ApiError(
    400,
    code,
    `Invalid value type at \`${at}\`: expected ${expected}, but found ${jsonKind(value)}: \`${JSON.stringify(value)}\``,
  );
}

const nullable =
  (check: Check): Check =>
  (value, at, code) => {
    if (value !== null) check(value, at, code);
  };
const isString: Check = (value, at, code) => {
  if (typeof value !== "string") throw invalidValue(code, at, "a string", value);
};
const isBoolean: Check = (value, at, code) => {
  if (typeof value !== "boolean") throw invalidValue(code, at, "a boolean", value);
};
const isCount: Check = (value, at, code) => {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0)
    throw invalidValue(code, at, "a positive integer", value);
};
const arrayOf =
  (item: Check): Check =>
  (value, at, code) => {
    if (!Array.isArray(value)) throw invalidValue(code, at, "an array", value);
    value.forEach((entry, index) => item(entry, `${at}[${index}]`, code));
  };
const oneOf =
  (allowed: readonly string[]): Check =>
  (value, at, code) => {
    if (typeof value !== "string" || !allowed.includes(value)) {
      throw new ApiError(
        400,
        code,
        `Unknown value \`${String(value)}\` at \`${at}\`: expected one of ${allowed
          .map((entry) => `\`${entry}\``)
          .join(", ")}`,
      );
    }
  };
const objectOf =
  (fields: Record<string, Check>): Check =>
  (value, at, code) => {
    if (value === null || typeof value !== "object" || Array.isArray(value))
      throw invalidValue(code, at, "an object", value);
    for (const [key, entry] of Object.entries(value)) {
      const check = fields[key];
      if (!check) {
        throw new ApiError(
          400,
          code,
          `Unknown field \`${key}\` inside \`${at}\`: expected one of ${Object.keys(fields)
            .map((name) => `\`${name}\``)
            .join(", ")}`,
        );
      }
      check(entry, `${at}.${key}`, code);
    }
  };
const recordOf =
  (item: Check): Check =>
  (value, at, code) => {
    if (value === null || typeof value !== "object" || Array.isArray(value))
      throw invalidValue(code, at, "an object", value);
    for (const [key, entry] of Object.entries(value)) item(entry, `${at}.${key}`, code);
  };
const rankingRule: Check = (value, at, code) => {
  const builtIn = ["words", "typo", "proximity", "attribute", "sort", "exactness", "attributeRank", "wordPosition"];
  if (typeof value !== "string") throw invalidValue(code, at, "a string", value);
  if (!builtIn.includes(value) && !/^[^:\s]+:(asc|desc)$/.test(value)) {
    throw new ApiError(
      400,
      code,
      `Invalid value at \`${at}\`: \`${value}\` ranking rule is invalid. Valid ranking rules are words, typo, sort, proximity, attribute, exactness and custom ranking rules.`,
    );
  }
};
const filterableAttribute: Check = (value, at, code) => {
  if (typeof value === "string") return;
  objectOf({ attributePatterns: arrayOf(isString), features: recordOf(() => undefined) })(value, at, code);
};

/** The settings a PATCH may carry, each with its check; null resets a setting. */
const SETTINGS_CHECKS: Record<string, Check> = {
  displayedAttributes: nullable(arrayOf(isString)),
  searchableAttributes: nullable(arrayOf(isString)),
  filterableAttributes: nullable(arrayOf(filterableAttribute)),
  sortableAttributes: nullable(arrayOf(isString)),
  rankingRules: nullable(arrayOf(rankingRule)),
  stopWords: nullable(arrayOf(isString)),
  nonSeparatorTokens: nullable(arrayOf(isString)),
  separatorTokens: nullable(arrayOf(isString)),
  dictionary: nullable(arrayOf(isString)),
  synonyms: nullable(recordOf(arrayOf(isString))),
  distinctAttribute: nullable(isString),
  proximityPrecision: nullable(oneOf(["byWord", "byAttribute"])),
  typoTolerance: nullable(
    objectOf({
      enabled: nullable(isBoolean),
      minWordSizeForTypos: nullable(objectOf({ oneTypo: nullable(isCount), twoTypos: nullable(isCount) })),
      disableOnWords: nullable(arrayOf(isString)),
      disableOnAttributes: nullable(arrayOf(isString)),
      disableOnNumbers: nullable(isBoolean),
    }),
  ),
  faceting: nullable(
    objectOf({
      maxValuesPerFacet: nullable(isCount),
      sortFacetValuesBy: nullable(recordOf(oneOf(["alpha", "count"]))),
    }),
  ),
  pagination: nullable(objectOf({ maxTotalHits: nullable(isCount) })),
  localizedAttributes: nullable(
    arrayOf(objectOf({ attributePatterns: arrayOf(isString), locales: arrayOf(isString) })),
  ),
  facetSearch: nullable(isBoolean),
  prefixSearch: nullable(oneOf(["indexingTime", "disabled"])),
  searchCutoffMs: nullable(isCount),
  embedders: nullable(recordOf(() => undefined)),
};

const settingsCode = (field: string) =>
  `invalid_settings_${field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}`;

/** Throws Meilisearch's 400 for a settings payload it would refuse on arrival. */
export function validateSettings(body: unknown): Json {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new ApiError(
      400,
      "bad_request",
      `Invalid value type: expected an object, but found ${jsonKind(body)}: \`${JSON.stringify(body)}\``,
    );
  }
  for (const [key, value] of Object.entries(body)) {
    const check = SETTINGS_CHECKS[key];
    if (!check) {
      throw new ApiError(
        400,
        "bad_request",
        `Unknown field \`${key}\`: expected one of ${Object.keys(SETTINGS_CHECKS)
          .map((name) => `\`${name}\``)
          .join(", ")}`,
      );
    }
    check(value, `.${key}`, settingsCode(key));
  }
  return body as Json;
}

/**
 * A PATCH as Meilisearch applies it: absent settings stay, null resets one to
 * its default, and the nested ones (typoTolerance and its
 * minWordSizeForTypos, faceting, pagination) are merged field by field, a
 * null field resetting only that field.
 */
export function mergeSettings(current: Json, patch: Json): Json {
  const merged = structuredClone(current);
  const mergeInto = (target: Json, defaults: Json, changes: Json) => {
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) target[key] = structuredClone(defaults[key] ?? null);
      else if (key === "minWordSizeForTypos" && typeof value === "object") {
        const inner = (
          target[key] && typeof target[key] === "object" ? target[key] : structuredClone(defaults[key])
        ) as Json;
        mergeInto(inner, defaults[key] as Json, value as Json);
        target[key] = inner;
      } else target[key] = structuredClone(value);
    }
  };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) merged[key] = structuredClone(DEFAULT_SETTINGS[key] ?? null);
    else if (["typoTolerance", "faceting", "pagination"].includes(key)) {
      const inner = structuredClone((merged[key] ?? DEFAULT_SETTINGS[key]) as Json);
      mergeInto(inner, DEFAULT_SETTINGS[key] as Json, value as Json);
      merged[key] = inner;
    } else merged[key] = structuredClone(value);
  }
  return merged;
}

// --- filters -----------------------------------------------------------------
// The subset of Meilisearch's filter grammar an engine needs: comparisons,
// IN [...], EXISTS, IS NULL, NOT, AND, OR and parentheses; values bare or
// double-quoted with backslash escapes. Anything else is a 400, as on the
// real server, so a badly escaped value shows up as a failed search.

type Token = { kind: "word" | "string" | "punct"; value: string };
type Predicate = (document: Json) => boolean;

function lexFilter(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const character = text[index]!;
    if (/\s/.test(character)) {
      index++;
    } else if (character === '"' || character === "'") {
      const quote = character;
      let value = "";
      index++;
      for (;;) {
        if (index >= text.length) throw filterError(`unclosed quote in \`${text}\``);
        const next = text[index]!;
        if (next === "\\" && index + 1 < text.length) {
          value += text[index + 1];
          index += 2;
        } else if (next === quote) {
          index++;
          break;
        } else {
          value += next;
          index++;
        }
      }
      tokens.push({ kind: "string", value });
    } else if ("()[],".includes(character)) {
      tokens.push({ kind: "punct", value: character });
      index++;
    } else if (/[=!<>]/.test(character)) {
      const two = text.slice(index, index + 2);
      const operator = ["!=", ">=", "<="].includes(two) ? two : character;
      if (operator === "!") throw filterError(`unexpected \`!\` in \`${text}\``);
      tokens.push({ kind: "punct", value: operator });
      index += operator.length;
    } else {
      let value = "";
      while (index < text.length && !/[\s()[\],=!<>"']/.test(text[index]!)) value += text[index++];
      tokens.push({ kind: "word", value });
    }
  }
  return tokens;
}

function filterError(message: string) {
  return new ApiError(400, "invalid_search_filter", `Invalid filter: ${message}`);
}

function parseFilterString(text: string, filterable: readonly string[]): Predicate {
  const tokens = lexFilter(text);
  let position = 0;
  const peek = () => tokens[position];
  const isKeyword = (token: Token | undefined, keyword: string) =>
    token?.kind === "word" && token.value.toUpperCase() === keyword;
  const expect = (value: string) => {
    const token = tokens[position++];
    if (token?.kind !== "punct" || token.value !== value) throw filterError(`expected \`${value}\` in \`${text}\``);
  };
  const value = (): string => {
    const token = tokens[position++];
    if (!token || token.kind === "punct") throw filterError(`expected a value in \`${text}\``);
    return token.value;
  };
  const valuesOf = (document: Json, field: string): string[] => {
    const raw = document[field];
    return (Array.isArray(raw) ? raw : [raw]).filter((item) => item !== null && item !== undefined).map(String);
  };

  const condition = (): Predicate => {
    if (isKeyword(peek(), "NOT")) {
      position++;
      const inner = condition();
      return (document) => !inner(document);
    }
    if (peek()?.kind === "punct" && peek()!.value === "(") {
      position++;
      const inner = or();
      expect(")");
      return inner;
    }
    const fieldToken = tokens[position++];
    if (!fieldToken || fieldToken.kind === "punct") throw filterError(`expected an attribute in \`${text}\``);
    const field = fieldToken.value;
    if (!filterable.includes(field)) {
      throw new ApiError(
        400,
        "invalid_search_filter",
        `Attribute \`${field}\` is not filterable. Available filterable attributes are: \`${filterable.join(", ")}\`.`,
      );
    }
    const next = tokens[position++];
    let negate = false;
    let operator = next;
    if (isKeyword(next, "NOT")) {
      negate = true;
      operator = tokens[position++];
    }
    let predicate: Predicate;
    if (isKeyword(operator, "IN")) {
      expect("[");
      const wanted: string[] = [];
      if (!(peek()?.kind === "punct" && peek()!.value === "]")) {
        wanted.push(value());
        while (peek()?.kind === "punct" && peek()!.value === ",") {
          position++;
          wanted.push(value());
        }
      }
      expect("]");
      predicate = (document) => valuesOf(document, field).some((item) => wanted.includes(item));
    } else if (isKeyword(operator, "EXISTS")) {
      predicate = (document) => document[field] !== undefined;
    } else if (isKeyword(operator, "IS")) {
      const what = tokens[position++];
      if (isKeyword(what, "NULL")) predicate = (document) => document[field] === null;
      else if (isKeyword(what, "EMPTY"))
        predicate = (document) => valuesOf(document, field).every((item) => item === "");
      else throw filterError(`expected NULL or EMPTY in \`${text}\``);
    } else if (operator?.kind === "punct" && ["=", "!=", ">", ">=", "<", "<="].includes(operator.value)) {
      if (negate) throw filterError(`unexpected NOT in \`${text}\``);
      const wanted = value();
      const compare = operator.value;
      predicate = (document) =>
        compare === "!="
          ? !valuesOf(document, field).includes(wanted)
          : valuesOf(document, field).some((item) => {
              if (compare === "=") return item === wanted;
              const [a, b] = [Number(item), Number(wanted)];
              return compare === ">" ? a > b : compare === ">=" ? a >= b : compare === "<" ? a < b : a <= b;
            });
    } else {
      throw filterError(`expected an operator after \`${field}\` in \`${text}\``);
    }
    return negate ? (document) => !predicate(document) : predicate;
  };
  const and = (): Predicate => {
    const parts = [condition()];
    while (isKeyword(peek(), "AND")) {
      position++;
      parts.push(condition());
    }
    return (document) => parts.every((part) => part(document));
  };
  const or = (): Predicate => {
    const parts = [and()];
    while (isKeyword(peek(), "OR")) {
      position++;
      parts.push(and());
    }
    return (document) => parts.some((part) => part(document));
  };

  const predicate = or();
  if (position !== tokens.length) throw filterError(`unexpected \`${tokens[position]!.value}\` in \`${text}\``);
  return predicate;
}

/** A filter as Meilisearch takes it: a string, or an array (AND) of strings or arrays (OR). */
export function parseFilter(filter: string | (string | string[])[], filterable: readonly string[]): Predicate {
  if (typeof filter === "string") return parseFilterString(filter, filterable);
  const parts = filter.map((part): Predicate => {
    if (typeof part === "string") return parseFilterString(part, filterable);
    const alternatives = part.map((alternative) => parseFilterString(alternative, filterable));
    return (document) => alternatives.some((alternative) => alternative(document));
  });
  return (document) => parts.every((part) => part(document));
}
