// `npm run bench:soak [-- --seconds 300]`: a soak test of the production
// build on the seeded demo data (SQLite by default; BENCH_DB=postgres for a
// throwaway PostgreSQL). Mixed page and API load at 20 connections, with a
// share of hostile requests (a sparse-index sign-in, a wrong content type,
// an oversize body) so the request guards run under load too, while the
// server's resident memory is sampled from /proc. Loopback only; the load
// stops after --seconds.
import fs from "node:fs";
import os from "node:os";
import autocannon from "autocannon";
import { serveSeededApp } from "./bench/served-app";

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  if (at >= 0) return process.argv[at + 1];
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
}

const SECONDS = Number(argument("seconds") ?? process.env.BENCH_SECONDS ?? 300);
if (!Number.isFinite(SECONDS) || SECONDS < 10) throw new Error("--seconds must be a number of at least 10");
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SAMPLE_MS = 5_000;
// Memory is judged against the level after warm-up (caches, JIT, connection
// pools filled): the first minute, or the first fifth of a shorter run.
const WARMUP_S = Math.min(60, SECONDS / 5);
const RSS_GROWTH_LIMIT = 1.5;

// Measure the app, not the per-IP API limiter; no bulk open-data rebuild mid-run.
process.env.API_RATE_LIMIT_POINTS ??= "0";
process.env.OPEN_DATA_AUTO_REBUILD ??= "false";

// The guards log each refusal at warn; thousands of those would bury the figures.
const app = await serveSeededApp({ logLevel: "error" });
const { base } = app;

function rssMb(): number | null {
  try {
    const status = fs.readFileSync(`/proc/${app.pid}/status`, "utf8");
    const kb = Number(status.match(/^VmRSS:\s+(\d+)\s+kB/m)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

// Two loads side by side, so every answer's kind is known without matching
// answers to requests: pages and API calls (each must answer 2xx/3xx), and
// hostile requests (each must be refused with a 4xx) on a few connections at
// a bounded rate.
const HOSTILE_CONNECTIONS = Math.max(1, Math.round(CONNECTIONS / 10));
const HOSTILE_RATE = 10; // requests per second, all hostile connections together
let pages: autocannon.Request[] = [];
let hostile: autocannon.Request[] = [];
try {
  const offers = (await (await fetch(`${base}/api/v1/offers?perPage=1`)).json()) as { items: { slug: string }[] };
  const offerSlug = offers.items[0]?.slug;
  if (!offerSlug) throw new Error("the seed has no published offer");
  const get = (path: string, times = 1): autocannon.Request[] =>
    Array.from({ length: times }, () => ({ method: "GET", path }));
  pages = [
    ...get("/", 3),
    ...get(`/search?q=${encodeURIComponent("giao thông")}`, 2),
    ...get(`/offers/${offerSlug}`, 2),
    ...get("/problems"),
    ...get("/major-problems"),
    ...get(`/api/v1/search?q=${encodeURIComponent("chuyển đổi số")}`, 2),
    ...get("/api/v1/offers?perPage=20", 2),
  ];
  const form = { "content-type": "application/x-www-form-urlencoded", origin: base };
  hostile = [
    // Issue 13's 43-byte request that once froze the server for 93 s.
    { method: "POST", path: "/login", headers: form, body: "email=a%40b.vn&password=x&x%5B99999999%5D=1" },
    {
      method: "POST",
      path: "/login",
      headers: { "content-type": "application/json", origin: base },
      body: '{"email":"a@b.vn","password":"x"}',
    },
    { method: "POST", path: "/forgot-password", headers: form, body: `email=${"a".repeat(1_150_000)}` },
  ];
} catch (error) {
  await app.stop();
  throw error;
}

// Answer times per load: the hostile load is paced (overallRate), and its
// times include the pacing, so it must not blur the pages' percentiles.
const latencies = { pages: [] as number[], hostile: [] as number[] };
const samples: { s: number; mb: number }[] = [];
const started = Date.now();
const startRss = rssMb();
if (startRss !== null) samples.push({ s: 0, mb: startRss });
const sampler = setInterval(() => {
  const mb = rssMb();
  if (mb === null) return;
  const s = (Date.now() - started) / 1000;
  samples.push({ s, mb });
  if (samples.length % 6 === 0)
    process.stdout.write(
      `  ${s.toFixed(0)} s: RSS ${mb.toFixed(0)} MB, ${latencies.pages.length + latencies.hostile.length} answers\n`,
    );
}, SAMPLE_MS);

function load(options: Omit<autocannon.Options, "url">, times: number[]): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url: base, duration: SECONDS, timeout: 10, ...options }, (error, done) =>
      error ? reject(error) : resolve(done),
    );
    instance.on("response", (_client, _status, _bytes, ms) => times.push(ms));
  });
}

process.stdout.write(
  `Soak: ${SECONDS} s on ${base} (${app.databaseLabel}), server pid ${app.pid}: pages and API on ${
    CONNECTIONS - HOSTILE_CONNECTIONS
  } connections, ` + `hostile requests on ${HOSTILE_CONNECTIONS} (at most ${HOSTILE_RATE}/s)\n`,
);
let normal: autocannon.Result;
let refused: autocannon.Result;
try {
  [normal, refused] = await Promise.all([
    load({ connections: CONNECTIONS - HOSTILE_CONNECTIONS, requests: pages }, latencies.pages),
    // Latency as answered, not as scheduled: the rate is a cap here, not a target to measure against.
    load(
      {
        connections: HOSTILE_CONNECTIONS,
        overallRate: HOSTILE_RATE,
        ignoreCoordinatedOmission: true,
        requests: hostile,
      },
      latencies.hostile,
    ),
  ]);
} finally {
  clearInterval(sampler);
}
const endRss = rssMb();
if (endRss !== null) samples.push({ s: (Date.now() - started) / 1000, mb: endRss });
await app.stop();

// Percentiles from every answer's own time (autocannon's summary has no p95).
const percentiles = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!.toFixed(0) : "n/a";
  return `p50 ${at(50)} ms, p95 ${at(95)} ms, p99 ${at(99)} ms, max ${at(100)} ms`;
};
const byClass = (r: autocannon.Result) => {
  const counts = { "2xx": 0, "3xx": 0, "4xx": 0, "5xx": 0 };
  for (const [code, { count }] of Object.entries(r.statusCodeStats ?? {})) {
    const n = Number(count);
    const status = Number(code);
    counts[status >= 500 ? "5xx" : status >= 400 ? "4xx" : status >= 300 ? "3xx" : "2xx"] += n;
  }
  return counts;
};
const pageCounts = byClass(normal);
const hostileCounts = byClass(refused);
const fiveXx = pageCounts["5xx"] + hostileCounts["5xx"];
const timeouts = normal.timeouts + refused.timeouts;
// A page or API call must not be refused; a hostile request must be.
const unexpected = pageCounts["4xx"] + hostileCounts["2xx"] + hostileCounts["3xx"];
const warm = samples.find((x) => x.s >= WARMUP_S) ?? samples.at(-1);
const maxRss = Math.max(...samples.map((x) => x.mb));
const rssOk = warm !== undefined && endRss !== null && endRss <= RSS_GROWTH_LIMIT * warm.mb;
const pass = fiveXx === 0 && timeouts === 0 && rssOk;
const mb = (v: number | null | undefined) => (v == null ? "n/a" : `${v.toFixed(0)} MB`);
const row = (label: string, r: autocannon.Result, c: ReturnType<typeof byClass>) =>
  `| ${label} | ${r.requests.total} | ${r.requests.average.toFixed(0)} | ${c["2xx"]} | ${c["3xx"]} | ${c["4xx"]} | ${
    c["5xx"]
  } | ${r.timeouts} | ${r.errors - r.timeouts} |`;

process.stdout.write(
  `\nDatabase: ${app.databaseLabel}; ${CONNECTIONS} connections, ${SECONDS} s, ${
    os.cpus().length
  } cores; server ready after ${app.bootMs} ms\n\n`,
);
process.stdout.write(
  "| load | requests | req/s | 2xx | 3xx | 4xx | 5xx | timeouts | connection errors |\n|---|---|---|---|---|---|---|---|---|\n",
);
process.stdout.write(
  `${row("pages and API", normal, pageCounts)}\n${row("hostile (must be 4xx)", refused, hostileCounts)}\n\n`,
);
process.stdout.write(
  `Throughput: ${(normal.requests.average + refused.requests.average).toFixed(0)} req/s (${
    normal.requests.total + refused.requests.total
  } requests)\n`,
);
process.stdout.write(`Latency, pages and API: ${percentiles(latencies.pages)}\n`);
process.stdout.write(`Latency, hostile requests (paced): ${percentiles(latencies.hostile)}\n`);
process.stdout.write(
  `Errors: ${fiveXx} 5xx, ${timeouts} timeouts (10 s), ${
    normal.errors - normal.timeouts + refused.errors - refused.timeouts
  } connection errors, ` +
    `${unexpected} unexpected answers (a 4xx to a page/API call or a 2xx/3xx to a hostile request)\n`,
);
process.stdout.write(
  `Server RSS: start ${mb(startRss)}, after warm-up (${WARMUP_S.toFixed(0)} s) ${mb(warm?.mb)}, end ${mb(
    endRss,
  )}, max ${mb(maxRss)} (${samples.length} samples every ${SAMPLE_MS / 1000} s)\n`,
);
process.stdout.write(
  `Rule: PASS when there are 0 5xx, 0 timeouts, and RSS at the end is at most ${RSS_GROWTH_LIMIT}× RSS after warm-up.\n`,
);
process.stdout.write(`Verdict: ${pass ? "PASS" : "FAIL"}\n`);
process.exitCode = pass ? 0 : 1;
