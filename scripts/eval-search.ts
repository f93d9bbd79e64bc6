// `npm run eval:search`: search quality on the hand-judged sets, measured
// the way /api/v1/search?type=offer serves it. The offers are imported into
// a throwaway SQLite database with the real import (importOffers: the
// classifier's technologies, the sector labels), indexed by the real sync
// into the embedded engine with the default synonym list, and every judged
// query is parsed and run as the API runs it (first page of 10). Prints
// nDCG@10, recall@10 (grade ≥ 2), noise (share of the shown top 10 judged
// unrelated) and the mean total matched, overall and per kind; then the
// worst queries, to read.
//
//   --dir DIR (search/relevance: offers.jsonl and queries.jsonl)
//   --queries FILE (search/relevance/queries.jsonl; the held-out file is
//   search/relevance/search-holdout/queries.jsonl)  --worst N (10)  --json
//   --show ID: one query's top 10 with grades and highlights.
//   --help: this text.
//   --engine: the engine alone over documents built from the files (no
//   import, no taxonomy), as the quality floor (search-quality.test.ts) and
//   bench:search measure it; quicker, but it does not see what the import adds.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { EmbeddedSearchEngine } from "../search/embedded/engine.ts";
import { DEFAULT_SYNONYM_GROUPS } from "../search/synonyms.ts";
import type { SearchResult } from "../search/types.ts";
import {
  judgeQueries,
  loadRelevanceSet,
  summariseByKind,
  toSearchDocument,
  type OutcomeSummary,
} from "./bench/relevance.ts";
import { openThrowawayApp } from "./bench/throwaway-app.ts";

const { values: options } = parseArgs({
  options: {
    dir: { type: "string", default: "search/relevance" },
    queries: { type: "string" },
    worst: { type: "string", default: "10" },
    show: { type: "string" },
    json: { type: "boolean", default: false },
    engine: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});

// The usage is the header comment above; print it rather than a parse error.
if (options.help) {
  const source = readFileSync(fileURLToPath(import.meta.url), "utf8").split("\n");
  const header = source.slice(
    0,
    source.findIndex((line) => !line.startsWith("//")),
  );
  console.log(header.map((line) => line.replace(/^\/\/ ?/, "")).join("\n"));
  process.exit(0);
}

const directory = path.resolve(options.dir!);
const set = loadRelevanceSet(directory, options.queries ? path.resolve(options.queries) : undefined);
if (!set) throw new Error(`No offers.jsonl/queries.jsonl in ${directory}`);

type Searcher = { search(query: { q: string; perPage: number }): Promise<SearchResult>; close(): Promise<void> };

/** The engine alone, over documents built straight from offers.jsonl. */
async function engineOnly(): Promise<Searcher> {
  const engine = new EmbeddedSearchEngine({ path: ":memory:" });
  await engine.init();
  await engine.setSynonyms(DEFAULT_SYNONYM_GROUPS);
  await engine.upsert(set!.offers.map(toSearchDocument));
  return {
    search: ({ q, perPage }) => engine.search({ q, perPage, filters: { type: ["offer"] } }),
    close: () => engine.close(),
  };
}

/** The app: import, index sync and the API's own parsing and search; hits carry the files' offer ids. */
async function throughTheApp(): Promise<Searcher> {
  const app = await openThrowawayApp("eval-search");
  // Imported after the throwaway app set the environment.
  const { importJudgedOffers } = await import("./bench/relevance-through-app.ts");
  await app.settleIndex();
  const { search } = await importJudgedOffers(path.join(directory, "offers.jsonl"));
  return { search, close: () => app.close() };
}

const searcher = options.engine ? await engineOnly() : await throughTheApp();
const started = performance.now();
const outcomes = await judgeQueries(searcher, set.queries);
const elapsedMs = performance.now() - started;
const summary = summariseByKind(outcomes);

const out = (line = "") => process.stdout.write(`${line}\n`);
const figure = (value: number | null, digits = 3) => (value === null ? "—" : value.toFixed(digits));
const row = (label: string, s: OutcomeSummary) =>
  `${label.padEnd(16)} ${String(s.queries).padStart(4)}  ${figure(s.ndcg10)}   ${figure(s.recall10)}   ${figure(
    s.noise10,
  )}   ${figure(s.meanTotal, 1).padStart(6)}`;

if (options.show) {
  const outcome = outcomes.find((candidate) => candidate.id === options.show);
  if (!outcome) throw new Error(`No query ${options.show}`);
  const query = set.queries.find((candidate) => candidate.id === options.show)!;
  const result = await searcher.search({ q: query.q, perPage: 10 });
  out(
    `${query.id} "${query.q}" [${query.kinds.join(", ")}] total ${result.total}, did you mean: ${
      result.didYouMean ?? "—"
    }`,
  );
  for (const hit of result.hits) {
    const title = hit.highlight.title.map((part) => (part.match ? `[${part.text}]` : part.text)).join("");
    out(`  ${String(query.judgements[hit.entityId] ?? 0)}  ${hit.entityId}  ${title}`);
  }
  const missing = Object.entries(query.judgements).filter(([id, grade]) => grade >= 2 && !outcome.top.includes(id));
  if (missing.length) out(`  missing grade ≥ 2: ${missing.map(([id, grade]) => `${id}(${grade})`).join(" ")}`);
} else if (options.json) {
  out(JSON.stringify({ summary, outcomes }));
} else {
  out(
    `Search relevance (${options.engine ? "engine alone" : "through the app, as /api/v1/search"}) — ${
      set.offers.length
    } offers, ${set.queries.length} queries (${path.relative(
      process.cwd(),
      options.queries ?? path.join(directory, "queries.jsonl"),
    )}), ${elapsedMs.toFixed(0)} ms`,
  );
  out(`${"kind".padEnd(16)} ${"n".padStart(4)}  nDCG@10 rec@10  noise   total`);
  out(row("all", summary.overall));
  for (const [kind, s] of Object.entries(summary.byKind)) out(row(kind, s));
  out();
  out("Worst queries (nDCG@10):");
  const worst = [...outcomes]
    .filter((o) => o.ndcg !== null)
    .sort((a, b) => a.ndcg! - b.ndcg!)
    .slice(0, Number(options.worst));
  for (const o of worst)
    out(
      `  ${o.id.padEnd(6)} ${figure(o.ndcg)}  noise ${figure(o.noise, 2)}  total ${String(o.total).padStart(3)}  ${
        o.q
      }`,
    );
}
await searcher.close();
