// An in-memory engine on MiniSearch, kept as a yardstick for the embedded
// engine in `npm run bench:search`: same folding, query parsing, typo and
// word-dropping strategy, filters, facet counts, visibility, ordering and
// highlighting, so the two answer the same queries with the same documents
// and only the index underneath differs. Nothing persists: a restart means a
// full reindex. Not used by the app: it lives with the benchmark.
import MiniSearch, { type Query } from "minisearch";
import { Vocabulary } from "../../../search/embedded/vocabulary.ts";
import { highlight, snippet } from "../../../search/highlight.ts";
import {
  buildSynonymIndex,
  EMPTY_SYNONYMS,
  parseQuery,
  type ParsedQuery,
  type QueryClause,
  type SynonymIndex,
} from "../../../search/query.ts";
import { rerankBonus, rerankText, type RerankText } from "../../../search/rerank.ts";
import { foldedWords } from "../../../search/text.ts";
import { RERANK_WINDOW } from "../../../search/tuning/search.ts";
import type {
  FacetCounts,
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
} from "../../../search/types.ts";
import { facetValuesOf } from "../../../search/types.ts";

// Same field weights (search/embedded/engine.ts's bm25 column weights) and
// re-ranking window (imported) as the embedded engine, so the relevance
// comparison is about the index, not the tuning.
const FIELD_BOOSTS = { title: 8, summary: 3, keywords: 4, body: 1 };
const MAX_PER_PAGE = 100;

interface Stored {
  document: SearchDocument;
  facets: Record<FacetField, string[]>;
  /** Insertion order, kept across updates: the tie-breaker, like a rowid. */
  rank: number;
  rerank: RerankText;
}

interface Alternative {
  /** Folded words; all must match. */
  words: string[];
  /** The words must be adjacent, in order, in one field. */
  phrase: boolean;
  prefix: boolean;
  /** For highlighting: folded words, "*" marks a prefix. */
  terms: string[];
}

interface Candidate {
  stored: Stored;
  score: number;
}

const keywordText = (document: SearchDocument) => document.keywords.join(" . ");
const searchableText = (document: SearchDocument) =>
  `${document.title} ${document.summary} ${keywordText(document)} ${document.body}`;

export class MiniSearchEngine implements SearchEngine {
  readonly name = "minisearch";
  private index = MiniSearchEngine.createIndex();
  private documents = new Map<string, Stored>();
  private vocabulary = new Vocabulary();
  private synonyms: SynonymIndex = EMPTY_SYNONYMS;
  private nextRank = 1;

  private static createIndex() {
    return new MiniSearch<SearchDocument>({
      idField: "id",
      fields: ["title", "summary", "keywords", "body"],
      extractField: (document, field) =>
        field === "keywords" ? keywordText(document) : (document[field as keyof SearchDocument] as string),
      // Folding happens here rather than in processTerm so one tokenizer
      // (search/text.ts) decides what a word is for every engine.
      tokenize: (text) => foldedWords(text),
      processTerm: (term) => term,
      searchOptions: { tokenize: (text) => text.split(" "), processTerm: (term) => term, boost: FIELD_BOOSTS },
    });
  }

  async init(): Promise<void> {}

  async upsert(documents: SearchDocument[]): Promise<void> {
    for (const document of documents) {
      const old = this.documents.get(document.id);
      if (old) {
        this.index.discard(document.id);
        this.vocabulary.removeText(searchableText(old.document));
      }
      this.index.add(document);
      this.vocabulary.addText(searchableText(document));
      this.documents.set(document.id, {
        document,
        facets: facetValuesOf(document),
        rank: old?.rank ?? this.nextRank++,
        rerank: rerankText(document.title, `${document.summary} ${keywordText(document)}`),
      });
    }
  }

  async remove(ids: string[]): Promise<void> {
    for (const id of ids) {
      const old = this.documents.get(id);
      if (!old) continue;
      this.index.discard(id);
      this.vocabulary.removeText(searchableText(old.document));
      this.documents.delete(id);
    }
  }

  async setSynonyms(groups: SynonymGroups): Promise<void> {
    this.synonyms = buildSynonymIndex(groups);
  }

  async count(): Promise<number> {
    return this.documents.size;
  }

  /** Distinct indexed words, for the benchmark report. */
  get termCount(): number {
    return this.index.termCount;
  }

  async clear(): Promise<void> {
    this.index = MiniSearchEngine.createIndex();
    this.documents.clear();
    this.vocabulary = new Vocabulary();
  }

  /** A fresh index built aside, then taken over in one step: searches never see it half full. */
  async replaceAll(batches: AsyncIterable<SearchDocument[]>): Promise<number> {
    const fresh = new MiniSearchEngine();
    fresh.synonyms = this.synonyms;
    for await (const batch of batches) await fresh.upsert(batch);
    this.index = fresh.index;
    this.documents = fresh.documents;
    this.vocabulary = fresh.vocabulary;
    this.nextRank = fresh.nextRank;
    return this.documents.size;
  }

  async close(): Promise<void> {}

  // --- searching -------------------------------------------------------------

  private alternativesFor(clause: QueryClause, withTypos: boolean): Alternative[] {
    const words = clause.words.map((word) => word.folded);
    const alternatives: Alternative[] = [];
    if (clause.phrase) alternatives.push({ words, phrase: true, prefix: false, terms: words });
    else if (words.length > 1) alternatives.push({ words, phrase: false, prefix: false, terms: words });
    else {
      const word = words[0]!;
      alternatives.push({ words, phrase: false, prefix: clause.prefix, terms: [clause.prefix ? `${word}*` : word] });
      if (withTypos) {
        for (const [candidate] of this.vocabulary.withinTypos(word))
          alternatives.push({ words: [candidate], phrase: false, prefix: false, terms: [candidate] });
      }
    }
    for (const synonym of clause.synonyms)
      alternatives.push({ words: synonym, phrase: synonym.length > 1, prefix: false, terms: synonym });
    return alternatives;
  }

  private static toQuery(alternative: Alternative): Query {
    if (alternative.words.length === 1)
      return { queries: alternative.words, prefix: alternative.prefix, combineWith: "OR" };
    return { queries: alternative.words, prefix: false, combineWith: "AND" };
  }

  /** Matching documents with MiniSearch's BM25 score, clauses combined with AND. */
  private matchClauses(clauses: QueryClause[], withTypos: boolean, fields?: (keyof typeof FIELD_BOOSTS)[]) {
    const alternatives = clauses.map((clause) => this.alternativesFor(clause, withTypos));
    const query: Query = {
      combineWith: "AND",
      queries: alternatives.map((options) => ({ combineWith: "OR", queries: options.map(MiniSearchEngine.toQuery) })),
    };
    const results = this.index.search(query, fields ? { fields } : {});
    // MiniSearch has no positions: phrases are checked against the text.
    const needsPhraseCheck = alternatives.some((options) => options.some((option) => option.phrase));
    const rows: Candidate[] = [];
    for (const result of results) {
      const stored = this.documents.get(result.id as string);
      if (!stored) continue;
      if (needsPhraseCheck && !this.satisfies(stored.document, alternatives, fields)) continue;
      rows.push({ stored, score: result.score });
    }
    return { rows, terms: alternatives.flat().flatMap((option) => option.terms) };
  }

  private satisfies(
    document: SearchDocument,
    alternatives: Alternative[][],
    fields: string[] = Object.keys(FIELD_BOOSTS),
  ) {
    const texts = fields.map((field) =>
      foldedWords(field === "keywords" ? keywordText(document) : (document[field as keyof SearchDocument] as string)),
    );
    const has = (word: string, prefix: boolean) =>
      texts.some((words) => words.some((candidate) => (prefix ? candidate.startsWith(word) : candidate === word)));
    const adjacent = (phrase: string[]) =>
      texts.some((words) => words.some((_, start) => phrase.every((word, offset) => words[start + offset] === word)));
    return alternatives.every((options) =>
      options.some((option) =>
        option.phrase ? adjacent(option.words) : option.words.every((word) => has(word, option.prefix)),
      ),
    );
  }

  private static isVisible(document: SearchDocument, organisationIds: ReadonlySet<string>) {
    return document.published || (document.organisationId !== null && organisationIds.has(document.organisationId));
  }

  /** For the benchmark's comparison only: each term searched alone, scores summed. */
  async similar(query: SimilarQuery): Promise<SimilarHit[]> {
    const organisationIds = new Set(query.visibility?.organisationIds ?? []);
    const scores = new Map<string, SimilarHit>();
    for (const term of query.terms) {
      const results = this.index.search({ queries: term.words, combineWith: "AND", prefix: false });
      for (const result of results) {
        const stored = this.documents.get(result.id as string);
        if (!stored || !MiniSearchEngine.isVisible(stored.document, organisationIds)) continue;
        const document = stored.document;
        const passes = Object.entries(query.filters ?? {}).every(([field, values]) => {
          if (!values || values.length === 0) return true;
          const own =
            field === "type"
              ? [document.type]
              : ([] as (string | null)[]).concat(document[field as keyof SearchDocument] as string | string[] | null);
          return own.some((value) => value !== null && values.includes(value));
        });
        if (!passes) continue;
        const entry = scores.get(document.id) ?? {
          id: document.id,
          type: document.type,
          entityId: document.entityId,
          score: 0,
          matched: [],
        };
        entry.score += result.score * term.weight;
        entry.matched.push(term.words.join(" "));
        scores.set(document.id, entry);
      }
    }
    return [...scores.values()].sort((a, b) => b.score - a.score).slice(0, query.limit);
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const perPage = Math.min(Math.max(query.perPage ?? 20, 1), MAX_PER_PAGE);
    const page = Math.max(query.page ?? 1, 1);
    const organisationIds = new Set(query.visibility?.organisationIds ?? []);
    const filters = Object.entries(query.filters ?? {}).filter(([, values]) => values && values.length > 0) as [
      FacetField,
      string[],
    ][];
    const filterSets = filters.map(([field, values]) => [field, new Set(values)] as const);
    const wantedFacets = query.facets ?? [];
    const parsed = parseQuery(query.q, this.synonyms);

    const candidates = (rows: Iterable<Candidate>) => {
      const accepted: Candidate[] = [];
      const counts: FacetCounts = {};
      for (const field of wantedFacets) counts[field] = {};
      for (const row of rows) {
        if (!MiniSearchEngine.isVisible(row.stored.document, organisationIds)) continue;
        let failedField: FacetField | null = null;
        let failures = 0;
        for (const [field, wanted] of filterSets) {
          if (!row.stored.facets[field].some((value) => wanted.has(value))) {
            failures += 1;
            failedField = field;
            if (failures > 1) break;
          }
        }
        if (failures > 1) continue;
        // Disjunctive facets: a field's counts ignore its own filter.
        for (const field of wantedFacets) {
          if (failures === 1 && field !== failedField) continue;
          const bucket = counts[field]!;
          for (const value of row.stored.facets[field]) bucket[value] = (bucket[value] ?? 0) + 1;
        }
        if (failures === 0) accepted.push(row);
      }
      return { accepted, counts };
    };

    let matchedTerms: string[] = [];
    let outcome: ReturnType<typeof candidates> = { accepted: [], counts: {} };
    let usedClauses = parsed.clauses;
    if (parsed.clauses.length === 0) {
      outcome = candidates(
        (function* (documents) {
          for (const stored of documents.values()) yield { stored, score: 0 };
        })(this.documents),
      );
    } else {
      // Exact words, then typo variants, then fewer words from the end: the
      // embedded engine's order, so both find the same documents.
      attempts: for (let keep = parsed.clauses.length; keep >= 1; keep--) {
        for (const withTypos of [false, true]) {
          const clauses = parsed.clauses.slice(0, keep);
          const match = this.matchClauses(clauses, withTypos);
          const next = candidates(match.rows);
          if (next.accepted.length > 0 || (keep === 1 && withTypos)) {
            outcome = next;
            matchedTerms = match.terms;
            usedClauses = clauses;
            break attempts;
          }
        }
      }
    }

    const ordered = this.order(outcome.accepted, query.sort ?? "relevance", parsed.clauses.length > 0, {
      ...parsed,
      clauses: usedClauses,
    });
    const hits = ordered.slice((page - 1) * perPage, page * perPage).map((item) => this.hit(item, matchedTerms));
    const didYouMean =
      ordered.length === 0 && parsed.clauses.length > 0 ? this.correction(parsed, organisationIds) : null;
    return { total: ordered.length, page, perPage, hits, facets: outcome.counts, matchedTerms, didYouMean };
  }

  private order(
    accepted: Candidate[],
    sort: NonNullable<SearchQuery["sort"]>,
    hasQuery: boolean,
    parsed: ParsedQuery,
  ): Candidate[] {
    const newest = (a: Stored, b: Stored) =>
      (b.document.publishedAt ?? 0) - (a.document.publishedAt ?? 0) || a.rank - b.rank;
    if (sort === "newest" || (sort === "relevance" && !hasQuery)) {
      return accepted.sort((a, b) => newest(a.stored, b.stored)).map(({ stored }) => ({ stored, score: 0 }));
    }
    if (sort === "price-asc" || sort === "price-desc") {
      const direction = sort === "price-asc" ? 1 : -1;
      return accepted
        .sort((a, b) => {
          const pa = a.stored.document.priceMin;
          const pb = b.stored.document.priceMin;
          if (pa === null || pb === null)
            return (pa === null ? 1 : 0) - (pb === null ? 1 : 0) || newest(a.stored, b.stored);
          return direction * (pa - pb) || newest(a.stored, b.stored);
        })
        .map(({ stored }) => ({ stored, score: 0 }));
    }
    const byScore = accepted.sort((a, b) => b.score - a.score || a.stored.rank - b.stored.rank);
    const head = byScore
      .slice(0, RERANK_WINDOW)
      .map((item) => ({ stored: item.stored, score: item.score + rerankBonus(parsed.words, item.stored.rerank) }))
      .sort((a, b) => b.score - a.score || a.stored.rank - b.stored.rank);
    return [...head, ...byScore.slice(RERANK_WINDOW)];
  }

  private hit({ stored, score }: Candidate, matchedTerms: string[]): SearchHit {
    const document = stored.document;
    return {
      id: document.id,
      type: document.type,
      entityId: document.entityId,
      slug: document.slug,
      title: document.title,
      summary: document.summary,
      organisationName: document.organisationName,
      published: document.published,
      priceMin: document.priceMin,
      publishedAt: document.publishedAt,
      score,
      highlight: {
        title: highlight(document.title, matchedTerms),
        snippet: snippet([document.summary, document.body], matchedTerms),
      },
    };
  }

  private correction(parsed: ParsedQuery, organisationIds: ReadonlySet<string>): string | null {
    let changed = false;
    const corrected = parsed.words.map((word) => {
      if (this.vocabulary.has(word.folded)) return word.folded;
      const best = this.vocabulary.closest(word.folded);
      if (!best) return word.folded;
      changed = true;
      return best;
    });
    if (!changed) return null;
    const text = corrected.join(" ");
    const { rows } = this.matchClauses(parseQuery(text, this.synonyms).clauses, false);
    return rows.some((row) => MiniSearchEngine.isVisible(row.stored.document, organisationIds)) ? text : null;
  }

  async suggest(query: SuggestQuery): Promise<Suggestion[]> {
    const limit = Math.min(Math.max(query.limit ?? 8, 1), 20);
    const parsed = parseQuery(query.q, this.synonyms);
    if (parsed.clauses.length === 0) return [];
    const types = new Set<string>(query.types ?? []);
    const { rows, terms } = this.matchClauses(parsed.clauses, false, ["title"]);
    return rows
      .sort((a, b) => b.score - a.score || a.stored.rank - b.stored.rank)
      .slice(0, 200)
      .filter(({ stored }) => stored.document.published && (types.size === 0 || types.has(stored.document.type)))
      .slice(0, limit)
      .map(({ stored }) => ({
        id: stored.document.id,
        type: stored.document.type,
        slug: stored.document.slug,
        title: stored.document.title,
        highlight: highlight(stored.document.title, terms),
      }));
  }
}
