// One engine's half of `npm run bench:search`, run in its own process (forked
// by scripts/bench-search.ts) so RSS and heap belong to that engine alone.
// Offers are generated batch by batch and dropped after indexing, so the
// process holds only what the engine itself keeps.
import { DEFAULT_SYNONYM_GROUPS } from "../../search/synonyms.ts";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { EmbeddedSearchEngine } from "../../search/embedded/engine.ts";
import { MiniSearchEngine } from "./minisearch/engine.ts";
import { FACET_FIELDS, type SearchEngine } from "../../search/types.ts";
import { generateOffer, offerBatches } from "./offer-generator.ts";
import { summarise, type LatencySummary } from "./metrics.ts";
import { generatePrefixQueries, generateQueries } from "./queries.ts";
import { judgeQueries, loadRelevanceSet, toSearchDocument, type QueryOutcome } from "./relevance.ts";
import { runMatchPhase, type MatchPhaseResult } from "./match.ts";

export type EngineName = "embedded" | "minisearch";

export interface WorkerConfig {
  engine: EngineName;
  docs: number;
  queries: number;
  prefixQueries: number;
  batchSize: number;
  seed: number;
  directory: string;
  relevanceDirectory: string;
  /** A latency phase stops after this many seconds, keeping the queries run so far. */
  phaseBudgetSeconds: number;
  /** Problems ranked against the offers in the match phase (0: skipped). */
  matchRuns: number;
}

export interface Memory {
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
}

export interface WorkerResult {
  engine: EngineName;
  docs: number;
  build: { indexSeconds: number; wallSeconds: number; slowestBatchMs: number };
  indexedTerms: number | null;
  diskBytes: { main: number; wal: number; total: number } | null;
  /** afterMatch: right after the match phase (issue 16's memory target); null when it was skipped. */
  memory: { baseline: Memory; afterBuild: Memory; afterMatch: Memory | null; afterQueries: Memory; peakRssMb: number };
  query: LatencySummary & { zeroHits: number; meanTotal: number };
  prefix: LatencySummary & { zeroHits: number };
  suggest: LatencySummary & { empty: number };
  update: { upsertMs: LatencySummary; visibleMs: LatencySummary; allFound: boolean };
  match: MatchPhaseResult | null;
  restart: { initMs: number; firstQueryMs: number; totalMs: number; count: number } | null;
  /** Per query: total and top-20 ids, for the cross-engine agreement check. */
  answers: { total: number; top: string[] }[];
  relevance: QueryOutcome[] | null;
}

const mb = (bytes: number) => Math.round((bytes / 1_048_576) * 10) / 10;

// --expose-gc is passed by the parent; without it figures include garbage.
const collect = () => (globalThis as { gc?: () => void }).gc?.();

// After a full collection V8 hands the emptied heap pages back to the system
// from a background thread, a few hundred milliseconds later: read at once,
// RSS still counts them (measured after the match phase: 493–639 MB at once,
// 341 MB half a second later with the same heap). So wait until RSS stops
// falling (after 400 ms, two readings 100 ms apart within 1 MB; at most 3 s)
// and read what the process really holds. The peak row stays a raw sample.
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function memory(): Promise<Memory> {
  collect();
  await pause(400);
  let rss = process.memoryUsage().rss;
  for (let waited = 0; waited < 3_000; waited += 100) {
    await pause(100);
    const now = process.memoryUsage().rss;
    if (Math.abs(rss - now) < 1_048_576) break;
    rss = now;
  }
  const usage = process.memoryUsage();
  return {
    rssMb: mb(usage.rss),
    heapUsedMb: mb(usage.heapUsed),
    heapTotalMb: mb(usage.heapTotal),
    externalMb: mb(usage.external),
  };
}

const progress = (text: string) => process.send?.({ type: "progress", text });

function createEngine(name: EngineName, file: string): SearchEngine {
  return name === "embedded" ? new EmbeddedSearchEngine({ path: file }) : new MiniSearchEngine();
}

const fileSize = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);

async function run(config: WorkerConfig): Promise<WorkerResult> {
  const file = path.join(config.directory, `${config.engine}.sqlite`);
  let peakRss = 0;
  const samplePeak = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  const baseline = await memory();

  // --- build -----------------------------------------------------------------
  let engine = createEngine(config.engine, file);
  await engine.init();
  // The app runs with the seeded synonym list; measure it the same way.
  await engine.setSynonyms(DEFAULT_SYNONYM_GROUPS);
  let indexMs = 0;
  let slowestBatchMs = 0;
  const wallStart = performance.now();
  let done = 0;
  for (const batch of offerBatches(config.docs, config.batchSize, { seed: config.seed })) {
    const started = performance.now();
    await engine.upsert(batch);
    const elapsed = performance.now() - started;
    indexMs += elapsed;
    slowestBatchMs = Math.max(slowestBatchMs, elapsed);
    done += batch.length;
    samplePeak();
    if (done % 20_000 === 0 || done === config.docs)
      progress(`indexed ${done.toLocaleString("en")} offers (${(indexMs / 1000).toFixed(1)} s in upsert)`);
  }
  const wallSeconds = (performance.now() - wallStart) / 1000;
  const afterBuild = await memory();

  let diskBytes: WorkerResult["diskBytes"] = null;
  let indexedTerms: number | null = null;
  if (config.engine === "embedded") {
    const main = fileSize(file);
    const wal = fileSize(`${file}-wal`);
    diskBytes = { main, wal, total: main + wal + fileSize(`${file}-shm`) };
    const reader = new Database(file, { readonly: true });
    indexedTerms = reader.prepare("SELECT count(*) FROM fts_vocab").pluck().get() as number;
    reader.close();
  } else {
    indexedTerms = (engine as MiniSearchEngine).termCount;
  }

  // --- queries -----------------------------------------------------------------
  const queries = generateQueries(config.queries, config.docs, config.seed);
  // Warm-up (JIT, SQLite page cache) on different queries, not measured.
  for (const query of generateQueries(20, config.docs, config.seed + 1))
    await engine.search({ q: query.q, filters: query.filters, facets: FACET_FIELDS });
  const queryTimes: number[] = [];
  const answers: WorkerResult["answers"] = [];
  let zeroHits = 0;
  let totals = 0;
  // The queries are in random order, so stopping early still samples fairly.
  const budgetMs = config.phaseBudgetSeconds * 1000;
  let phaseStart = performance.now();
  for (const query of queries) {
    if (performance.now() - phaseStart > budgetMs) break;
    const started = performance.now();
    const result = await engine.search({
      q: query.q,
      filters: query.filters,
      visibility: query.visibility,
      facets: FACET_FIELDS,
      perPage: 20,
    });
    queryTimes.push(performance.now() - started);
    if (result.total === 0) zeroHits += 1;
    totals += result.total;
    answers.push({ total: result.total, top: result.hits.map((hit) => hit.id) });
  }
  samplePeak();
  progress(`ran ${answers.length} of ${queries.length} filtered queries`);

  const prefixQueries = generatePrefixQueries(config.prefixQueries, config.docs, config.seed);
  const prefixTimes: number[] = [];
  const suggestTimes: number[] = [];
  let prefixZero = 0;
  let suggestEmpty = 0;
  phaseStart = performance.now();
  for (const q of prefixQueries) {
    if (performance.now() - phaseStart > budgetMs) break;
    let started = performance.now();
    const result = await engine.search({ q, facets: FACET_FIELDS, perPage: 20 });
    prefixTimes.push(performance.now() - started);
    if (result.total === 0) prefixZero += 1;
    started = performance.now();
    const suggestions = await engine.suggest({ q, limit: 8 });
    suggestTimes.push(performance.now() - started);
    if (suggestions.length === 0) suggestEmpty += 1;
  }
  samplePeak();
  progress(`ran ${prefixTimes.length} of ${prefixQueries.length} prefix queries and suggestions`);

  // --- problem → offer matching ------------------------------------------------------
  const match =
    config.matchRuns > 0
      ? await runMatchPhase(engine, {
          seed: config.seed,
          relevanceDirectory: config.relevanceDirectory,
          runs: config.matchRuns,
          budgetMs,
        })
      : null;
  if (match) progress(`ranked offers for ${match.count} problems`);
  samplePeak();
  // What matching leaves resident (caches, SQLite pages), before the edit phase adds its own.
  const afterMatch = match ? await memory() : null;

  // --- an edit becomes searchable --------------------------------------------------
  const upsertTimes: number[] = [];
  const visibleTimes: number[] = [];
  let allFound = true;
  for (let round = 0; round < 20; round++) {
    let index = (round * 4_999 + 17) % config.docs;
    while (!generateOffer(index, { seed: config.seed }).published) index = (index + 1) % config.docs;
    const original = generateOffer(index, { seed: config.seed });
    // Letters only, no digits: one token that no generated offer contains.
    const marker = `zuvekquan${String.fromCharCode(97 + round)}`;
    const edited = {
      ...original,
      title: `${original.title} ${marker}`,
      summary: `${original.summary} Phiên bản cập nhật.`,
    };
    const started = performance.now();
    await engine.upsert([edited]);
    upsertTimes.push(performance.now() - started);
    let found = false;
    while (!found && performance.now() - started < 1_000) {
      const result = await engine.search({ q: marker, facets: FACET_FIELDS });
      found = result.hits.some((hit) => hit.id === edited.id);
    }
    visibleTimes.push(performance.now() - started);
    allFound &&= found;
  }
  const afterQueries = await memory();
  samplePeak();

  // --- restart ---------------------------------------------------------------------
  let restart: WorkerResult["restart"] = null;
  if (config.engine === "embedded") {
    await engine.close();
    const started = performance.now();
    engine = createEngine(config.engine, file);
    await engine.init();
    const initMs = performance.now() - started;
    const first = queries[0]!;
    await engine.search({ q: first.q, filters: first.filters, facets: FACET_FIELDS });
    const totalMs = performance.now() - started;
    restart = { initMs, firstQueryMs: totalMs - initMs, totalMs, count: await engine.count() };
    progress(`reopened in ${totalMs.toFixed(0)} ms`);
  }
  await engine.close();

  // --- relevance -------------------------------------------------------------------
  let relevance: WorkerResult["relevance"] = null;
  const set = loadRelevanceSet(config.relevanceDirectory);
  if (set) {
    const relevanceEngine = createEngine(
      config.engine,
      path.join(config.directory, `${config.engine}-relevance.sqlite`),
    );
    await relevanceEngine.init();
    await relevanceEngine.setSynonyms(DEFAULT_SYNONYM_GROUPS);
    await relevanceEngine.clear();
    await relevanceEngine.upsert(set.offers.map(toSearchDocument));
    relevance = await judgeQueries(relevanceEngine, set.queries);
    await relevanceEngine.close();
  }

  return {
    engine: config.engine,
    docs: config.docs,
    build: { indexSeconds: indexMs / 1000, wallSeconds, slowestBatchMs },
    indexedTerms,
    diskBytes,
    memory: { baseline, afterBuild, afterMatch, afterQueries, peakRssMb: mb(peakRss) },
    query: { ...summarise(queryTimes), zeroHits, meanTotal: totals / Math.max(1, queryTimes.length) },
    prefix: { ...summarise(prefixTimes), zeroHits: prefixZero },
    suggest: { ...summarise(suggestTimes), empty: suggestEmpty },
    update: { upsertMs: summarise(upsertTimes), visibleMs: summarise(visibleTimes), allFound },
    match,
    restart,
    answers,
    relevance,
  };
}

process.once("message", (config: WorkerConfig) => {
  run(config).then(
    (result) => process.send?.({ type: "result", result }, () => process.exit(0)),
    (error: unknown) => {
      process.send?.(
        { type: "error", text: error instanceof Error ? error.stack ?? error.message : String(error) },
        () => process.exit(1),
      );
    },
  );
});
