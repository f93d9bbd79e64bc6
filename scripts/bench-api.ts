// `npm run bench:api`: latency and throughput of the open data API
// (/api/v1) on the production build with the seeded demo data (SQLite by
// default; BENCH_DB=postgres for a throwaway PostgreSQL). Loopback only.
// The matches endpoints run the ranking on every request (no result cache
// beyond the public Cache-Control, which autocannon ignores).
import os from "node:os";
import { BENCH_CONNECTIONS as CONNECTIONS, loadRow, serveSeededApp, tableHeader } from "./bench/served-app";

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
// The per-IP limit would answer most of the load with 429: measure the API, not the limiter.
process.env.API_RATE_LIMIT_POINTS ??= "0";
// Nor should a bulk open-data build start in the middle of a measurement.
process.env.OPEN_DATA_AUTO_REBUILD ??= "false";
const app = await serveSeededApp();
const { base, bootMs } = app;

async function json<T>(pathname: string): Promise<T> {
  const response = await fetch(base + pathname);
  if (!response.ok) throw new Error(`${pathname}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

const problems = await json<{ total: number; items: { code: string; list: { slug: string } }[] }>(
  "/api/v1/major-problems?perPage=50",
);
const offers = await json<{ total: number; items: { slug: string }[] }>("/api/v1/offers?perPage=50");
const statements = await json<{ total: number; items: { slug: string }[] }>("/api/v1/problem-statements?perPage=50");
const problem = problems.items[0]!;
const offer = offers.items[0]!;
const coldMatches = performance.now();
await json(`/api/v1/offers/${offer.slug}/matches`);
const coldMs = performance.now() - coldMatches;

const rows: string[] = [];
const endpoints = [
  "/api/v1/major-problems",
  `/api/v1/major-problems/${problem.code}?list=${problem.list.slug}`,
  `/api/v1/major-problems/${problem.code}/matches?list=${problem.list.slug}&limit=10`,
  ...(statements.items[0] ? [`/api/v1/problem-statements/${statements.items[0].slug}/matches?limit=10`] : []),
  "/api/v1/offers",
  `/api/v1/offers/${offer.slug}/matches?limit=10`,
  "/api/v1/major-problems/BT-01/matches?limit=0",
];
for (const pathname of endpoints) {
  rows.push(await loadRow(pathname, base + pathname, DURATION_S));
}

await app.stop();

process.stdout.write(
  `\nDatabase: ${app.databaseLabel}; ${CONNECTIONS} connections, ${DURATION_S} s per endpoint, ${
    os.cpus().length
  } cores\n`,
);
process.stdout.write(
  `Seeded: ${problems.total} major problems, ${offers.total} offers, ${
    statements.total
  } statements; server ready after ${bootMs} ms; first matches call ${coldMs.toFixed(0)} ms\n\n`,
);
process.stdout.write(tableHeader("endpoint"));
process.stdout.write(rows.join("\n") + "\n");
