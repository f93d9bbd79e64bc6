// `npm run eval:search`: search quality on the hand-judged sets, in seconds.
// The real embedded engine (in memory) indexes search/relevance/offers.jsonl
// with the default synonym list, then runs every judged query as the API
// does (type=offer, first page of 10). Prints nDCG@10, recall@10 (grade ≥ 2),
// noise (share of the shown top 10 judged unrelated) and the mean total
// matched, overall and per kind; then the worst queries, to read.
//
//   --queries FILE (search/relevance/queries.jsonl; the held-out file is
//   search/relevance/search-holdout/queries.jsonl)  --worst N (10)  --json
//   --show ID: one query's top 10 with grades and highlights.
import path from "node:path";
import { parseArgs } from "node:util";
import { EmbeddedSearchEngine } from "../search/embedded/engine.ts";
import { DEFAULT_SYNONYM_GROUPS } from "../search/synonyms.ts";
import {
  judgeQueries,
  loadRelevanceSet,
  summariseByKind,
  toSearchDocument,
  type OutcomeSummary,
} from "./bench/relevance.ts";

const { values: options } = parseArgs({
  options: {
    dir: { type: "string", default: "search/relevance" },
    queries: { type: "string" },
    worst: { type: "string", default: "10" },
    show: { type: "string" },
    json: { type: "boolean", default: false },
  },
});

const directory = path.resolve(options.dir!);
const set = loadRelevanceSet(directory, options.queries ? path.resolve(options.queries) : undefined);
if (!set) throw new Error(`No offers.jsonl/queries.jsonl in ${directory}`);

const engine = new EmbeddedSearchEngine({ path: ":memory:" });
await engine.init();
await engine.setSynonyms(DEFAULT_SYNONYM_GROUPS);
await engine.upsert(set.offers.map(toSearchDocument));

const started = performance.now();
const outcomes = await judgeQueries(engine, set.queries);
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
  const result = await engine.search({ q: query.q, perPage: 10, filters: { type: ["offer"] } });
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
    `Search relevance — ${set.offers.length} offers, ${set.queries.length} queries (${path.relative(
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
await engine.close();
