// `npm run bench:search`: the embedded search engine against an in-memory
// MiniSearch engine on 100,000 generated Vietnamese/English offers — build
// time, index size, filtered query / prefix / suggest latency with facet
// counts, edit visibility, memory, restart, and nDCG@10 / recall@10 on the
// hand-judged set in search/relevance when it exists. Each engine runs in its
// own child process so RSS is per engine. Plain text first; the last line is
// JSON with every figure.
//
//   --docs N (100000)  --queries N (1000)  --engines embedded,minisearch
//   --prefix-queries N (500)  --batch N (1000)  --seed N  --relevance DIR
//   --match-runs N (300): problems ranked against the offers (the matching
//   service's engine-level part, search/match/); 0 skips the phase.
//   --phase-budget S (120): a latency phase stops after S seconds with the
//   queries run so far (they are in random order), so a slow engine cannot
//   hold the whole run hostage; the tables say how many ran.
import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { EngineName, WorkerConfig, WorkerResult } from "./bench/engine-worker.ts";
import { summariseByKind } from "./bench/relevance.ts";
import { DEFAULT_SEED } from "./bench/offer-generator.ts";

// Relevance targets are issue 15's: nDCG@10 at least 0.85 and, for phrase queries, at most 15% of the top 10 unrelated.
const TARGETS = {
  p95Ms: 50,
  rebuildSeconds: 60,
  rssMb: 500,
  editVisibleMs: 1_000,
  matchP95Ms: 100,
  ndcg10: 0.85,
  phraseNoise10: 0.15,
};

const { values: options } = parseArgs({
  options: {
    docs: { type: "string", default: "100000" },
    queries: { type: "string", default: "1000" },
    "prefix-queries": { type: "string", default: "500" },
    engines: { type: "string", default: "embedded,minisearch" },
    batch: { type: "string", default: "1000" },
    seed: { type: "string", default: String(DEFAULT_SEED) },
    relevance: { type: "string", default: "search/relevance" },
    "phase-budget": { type: "string", default: "120" },
    "match-runs": { type: "string", default: "300" },
  },
});

const positive = (name: string, value: string | undefined) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`--${name} must be a positive integer, got ${value}`);
  return number;
};
const engines = options.engines!.split(",").map((name) => name.trim()) as EngineName[];
for (const name of engines)
  if (name !== "embedded" && name !== "minisearch") throw new Error(`Unknown engine "${name}" (embedded, minisearch)`);

const directory = fs.mkdtempSync(path.join(os.tmpdir(), "hte-bench-search-"));
const base: Omit<WorkerConfig, "engine"> = {
  docs: positive("docs", options.docs),
  queries: positive("queries", options.queries),
  prefixQueries: positive("prefix-queries", options["prefix-queries"]),
  batchSize: positive("batch", options.batch),
  seed: positive("seed", options.seed),
  directory,
  relevanceDirectory: path.resolve(options.relevance!),
  phaseBudgetSeconds: positive("phase-budget", options["phase-budget"]),
  matchRuns: options["match-runs"] === "0" ? 0 : positive("match-runs", options["match-runs"]),
};

const workerFile = path.join(path.dirname(fileURLToPath(import.meta.url)), "bench", "engine-worker.ts");
const out = (line = "") => process.stdout.write(`${line}\n`);

function runWorker(engine: EngineName): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const child = fork(workerFile, [], {
      execArgv: ["--import", "tsx", "--expose-gc"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let settled = false;
    child.on("message", (message: { type: string; text?: string; result?: WorkerResult }) => {
      if (message.type === "progress") out(`  [${engine}] ${message.text}`);
      else if (message.type === "result") {
        settled = true;
        resolve(message.result!);
      } else if (message.type === "error") {
        settled = true;
        reject(new Error(`${engine} worker failed:\n${message.text}`));
      }
    });
    child.on("exit", (code) => {
      if (!settled) reject(new Error(`${engine} worker exited with code ${code} before reporting`));
    });
    child.send({ ...base, engine } satisfies WorkerConfig);
  });
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const verdict = (ok: boolean) => (ok ? "ok" : "MISSED");
const pad = (text: string, width: number) => text.padEnd(width);

function table(rows: string[][]) {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows)
    out(
      `  ${row
        .map((cell, column) => (column === 0 ? pad(cell, widths[column]!) : cell.padStart(widths[column]!)))
        .join("   ")}`,
    );
}

function agreement(a: WorkerResult, b: WorkerResult) {
  let sameTotal = 0;
  let overlap = 0;
  let compared = 0;
  const n = Math.min(a.answers.length, b.answers.length);
  for (let i = 0; i < n; i++) {
    const x = a.answers[i]!;
    const y = b.answers[i]!;
    if (x.total === y.total) sameTotal += 1;
    if (x.top.length === 0 && y.top.length === 0) continue;
    const ys = new Set(y.top);
    overlap += x.top.filter((id) => ys.has(id)).length / Math.max(x.top.length, y.top.length);
    compared += 1;
  }
  return {
    queriesCompared: n,
    sameTotalShare: sameTotal / Math.max(1, n),
    meanTop20Overlap: compared ? overlap / compared : 1,
  };
}

const relevanceSummary = (result: WorkerResult) => summariseByKind(result.relevance ?? []);

const started = performance.now();
out(
  `Search benchmark — ${base.docs.toLocaleString("en")} generated offers (seed ${base.seed}), ${
    base.queries
  } filtered queries, ${base.prefixQueries} prefix queries`,
);
out(
  `Engines: ${engines.join(", ")}; each in its own process; batches of ${base.batchSize}; index files in ${directory}`,
);
// Other work on the machine skews every figure: the load average says how much.
out(
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${mb(os.totalmem())} MB RAM, Node ${
    process.version
  }, load average ${os
    .loadavg()
    .map((load) => load.toFixed(1))
    .join(" ")}`,
);
out();

const results: WorkerResult[] = [];
try {
  for (const engine of engines) {
    out(`Running ${engine} …`);
    results.push(await runWorker(engine));
  }
} finally {
  fs.rmSync(directory, { recursive: true, force: true });
}

function mb(bytes: number) {
  return Math.round(bytes / 1_048_576);
}

out();
out("Results (latencies in ms; every query asks for facet counts on all facet fields; target in brackets)");
const header = ["", ...results.map((result) => result.engine)];
const row = (label: string, value: (result: WorkerResult) => string) => [label, ...results.map(value)];
table([
  header,
  row(
    `full build, upsert time [≤ ${TARGETS.rebuildSeconds} s]`,
    (r) => `${r.build.indexSeconds.toFixed(1)} s ${verdict(r.build.indexSeconds <= TARGETS.rebuildSeconds)}`,
  ),
  row("  incl. generating the offers", (r) => `${r.build.wallSeconds.toFixed(1)} s`),
  row("  slowest batch", (r) => `${ms(r.build.slowestBatchMs)} ms`),
  row("distinct indexed words", (r) => (r.indexedTerms ?? 0).toLocaleString("en")),
  row("index on disk (db + wal)", (r) =>
    r.diskBytes ? `${mb(r.diskBytes.main)} + ${mb(r.diskBytes.wal)} MB` : "n.a. (memory)",
  ),
  row(
    `query p50 / p95 / p99 [p95 ≤ ${TARGETS.p95Ms}]`,
    (r) => `${ms(r.query.p50)} / ${ms(r.query.p95)} / ${ms(r.query.p99)} ${verdict(r.query.p95 <= TARGETS.p95Ms)}`,
  ),
  row("  max / mean", (r) => `${ms(r.query.max)} / ${ms(r.query.mean)}`),
  row(
    "  queries run / no results / mean total",
    (r) => `${r.query.count} / ${r.query.zeroHits} / ${Math.round(r.query.meanTotal).toLocaleString("en")}`,
  ),
  row(
    `prefix p50 / p95 / p99 [p95 ≤ ${TARGETS.p95Ms}]`,
    (r) => `${ms(r.prefix.p50)} / ${ms(r.prefix.p95)} / ${ms(r.prefix.p99)} ${verdict(r.prefix.p95 <= TARGETS.p95Ms)}`,
  ),
  row("  max / queries run / no results", (r) => `${ms(r.prefix.max)} / ${r.prefix.count} / ${r.prefix.zeroHits}`),
  row("suggest p50 / p95 / p99", (r) => `${ms(r.suggest.p50)} / ${ms(r.suggest.p95)} / ${ms(r.suggest.p99)}`),
  row("  max / empty", (r) => `${ms(r.suggest.max)} / ${r.suggest.empty}`),
  row(
    `edit searchable p50 / max [≤ ${TARGETS.editVisibleMs}]`,
    (r) =>
      `${ms(r.update.visibleMs.p50)} / ${ms(r.update.visibleMs.max)} ${verdict(
        r.update.allFound && r.update.visibleMs.max <= TARGETS.editVisibleMs,
      )}`,
  ),
  row("  of which upsert p50 / max", (r) => `${ms(r.update.upsertMs.p50)} / ${ms(r.update.upsertMs.max)}`),
  row(`match problem → offers p50 / p95 / p99 [p95 ≤ ${TARGETS.matchP95Ms}]`, (r) =>
    r.match
      ? `${ms(r.match.p50)} / ${ms(r.match.p95)} / ${ms(r.match.p99)} ${verdict(r.match.p95 <= TARGETS.matchP95Ms)}`
      : "skipped",
  ),
  row("  max / problems run / no results", (r) =>
    r.match ? `${ms(r.match.max)} / ${r.match.count} / ${r.match.emptyResults}` : "–",
  ),
  row("RSS baseline (MB)", (r) => `${r.memory.baseline.rssMb}`),
  row(
    `RSS after build / after queries [≤ ${TARGETS.rssMb}]`,
    (r) =>
      `${r.memory.afterBuild.rssMb} / ${r.memory.afterQueries.rssMb} ${verdict(
        Math.max(r.memory.afterBuild.rssMb, r.memory.afterQueries.rssMb) <= TARGETS.rssMb,
      )}`,
  ),
  row(`RSS after the match phase [≤ ${TARGETS.rssMb}]`, (r) =>
    r.memory.afterMatch
      ? `${r.memory.afterMatch.rssMb} ${verdict(r.memory.afterMatch.rssMb <= TARGETS.rssMb)}`
      : "skipped",
  ),
  row("  peak RSS sampled", (r) => `${r.memory.peakRssMb}`),
  row(
    "heap used after build / queries",
    (r) => `${r.memory.afterBuild.heapUsedMb} / ${r.memory.afterQueries.heapUsedMb}`,
  ),
  row("restart: reopen + first query", (r) =>
    r.restart
      ? `${ms(r.restart.initMs)} + ${ms(r.restart.firstQueryMs)} ms (${r.restart.count.toLocaleString("en")} docs)`
      : "n.a. (full reindex)",
  ),
]);

const embedded = results.find((result) => result.engine === "embedded");
const minisearch = results.find((result) => result.engine === "minisearch");
const sameAnswers = embedded && minisearch ? agreement(embedded, minisearch) : null;
if (sameAnswers) {
  out();
  out(
    `Same answers? identical total in ${(sameAnswers.sameTotalShare * 100).toFixed(1)}% of ${
      sameAnswers.queriesCompared
    } filtered queries; ` +
      `top-20 overlap ${(sameAnswers.meanTop20Overlap * 100).toFixed(
        1,
      )}% on average (ranking differs: bm25 implementations differ).`,
  );
}

out();
const relevance = Object.fromEntries(
  results.filter((result) => result.relevance).map((result) => [result.engine, relevanceSummary(result)]),
);
if (Object.keys(relevance).length === 0) {
  out(`Relevance: skipped — ${path.join(options.relevance!, "offers.jsonl")} and queries.jsonl not found yet.`);
} else {
  const fmt = (value: number | null) => (value === null ? "–" : value.toFixed(3));
  const first = Object.values(relevance)[0]!;
  out(
    `Relevance on the judged set (${first.overall.queries} queries; nDCG@10 linear gain, log2 discount, ideal from all judgements; recall@10 counts grade ≥ 2; noise = share of the shown top 10 judged unrelated)`,
  );
  const kinds = Object.keys(first.byKind);
  table([
    ["", ...Object.keys(relevance).flatMap((engine) => [`${engine} nDCG@10`, "recall@10", "noise@10"])],
    [
      "all",
      ...Object.values(relevance).flatMap((summary) => [
        fmt(summary.overall.ndcg10),
        fmt(summary.overall.recall10),
        fmt(summary.overall.noise10),
      ]),
    ],
    ...kinds.map((kind) => [
      `${kind} (${first.byKind[kind]!.queries})`,
      ...Object.values(relevance).flatMap((summary) => [
        fmt(summary.byKind[kind]?.ndcg10 ?? null),
        fmt(summary.byKind[kind]?.recall10 ?? null),
        fmt(summary.byKind[kind]?.noise10 ?? null),
      ]),
    ]),
  ]);
  for (const [engine, summary] of Object.entries(relevance)) {
    const ndcg = summary.overall.ndcg10 ?? 0;
    const noise = summary.byKind.phrase?.noise10 ?? null;
    out(
      `  ${engine}: nDCG@10 ${fmt(ndcg)} (target ≥ ${TARGETS.ndcg10}: ${
        ndcg >= TARGETS.ndcg10 ? "met" : "MISSED"
      }); phrase noise ${fmt(noise)} (target ≤ ${TARGETS.phraseNoise10}: ${
        noise !== null && noise <= TARGETS.phraseNoise10 ? "met" : "MISSED"
      })`,
    );
  }
}

out();
out(
  `Whole run: ${((performance.now() - started) / 1000).toFixed(0)} s; load average at the end ${os
    .loadavg()
    .map((load) => load.toFixed(1))
    .join(" ")}`,
);
out(
  JSON.stringify({
    benchmark: "search",
    config: {
      docs: base.docs,
      queries: base.queries,
      prefixQueries: base.prefixQueries,
      batchSize: base.batchSize,
      seed: base.seed,
      phaseBudgetSeconds: base.phaseBudgetSeconds,
      engines,
    },
    targets: TARGETS,
    engines: results.map(({ answers: _answers, relevance: perQuery, ...figures }) => ({
      ...figures,
      relevancePerQuery: perQuery,
    })),
    agreement: sameAnswers,
    relevance,
  }),
);
