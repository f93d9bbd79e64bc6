// `npx tsx scripts/bench-api.ts`: latency and throughput of the open data API
// (/api/v1) on the production build with the seeded demo data (SQLite by
// default; BENCH_DB=postgres for a throwaway PostgreSQL). Loopback only.
// The matches endpoints run the ranking on every request (no result cache
// beyond the public Cache-Control, which autocannon ignores).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { migrateDatabase } from "./db-migrate";
import { startThrowawayPostgres, type ThrowawayPostgres } from "./throwaway-postgres";

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hte-bench-api-"));
let postgres: ThrowawayPostgres | null = null;
let databaseUrl = `file:${path.join(dir, "bench.db")}`;
if (process.env.BENCH_DB === "postgres") {
  postgres = await startThrowawayPostgres();
  databaseUrl = await postgres.createDatabase("bench");
}

const port = await freePort();
const env: NodeJS.ProcessEnv = {
  ...process.env, NODE_ENV: "production" as const, PORT: String(port), DATABASE_URL: databaseUrl, LOG_LEVEL: "warn",
  SESSION_SECRET: "bench-secret-0123456789abcdef0123456789", APP_URL: `http://localhost:${port}`,
  MAIL_OUTBOX_DIR: path.join(dir, "outbox"),
};
migrateDatabase(databaseUrl);
spawnSync(process.execPath, ["--import", "tsx", "prisma/seed.ts"], { env, stdio: "inherit" });
if (!fs.existsSync("build/index.js")) spawnSync("npx", ["remix", "build"], { stdio: "inherit", shell: true });

const server = spawn(process.execPath, ["--import", "tsx", "app/server/main.ts"], { env, stdio: "inherit" });
const base = `http://127.0.0.1:${port}`;
const bootStarted = Date.now();
for (;;) {
  if (Date.now() - bootStarted > 60_000) throw new Error("server did not start in 60 s");
  const ok = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
  if (ok) break;
  await new Promise((r) => setTimeout(r, 100));
}
const bootMs = Date.now() - bootStarted;

async function json<T>(pathname: string): Promise<T> {
  const response = await fetch(base + pathname);
  if (!response.ok) throw new Error(`${pathname}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

const problems = await json<{ total: number; items: { code: string; list: { slug: string } }[] }>("/api/v1/major-problems?perPage=50");
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
  const result = await autocannon({ url: base + pathname, connections: CONNECTIONS, duration: DURATION_S });
  rows.push(`| ${pathname} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ${result.latency.p97_5} | ${result.latency.p99} | ${result.non2xx} |`);
}

server.kill("SIGTERM");
postgres?.stop();
fs.rmSync(dir, { recursive: true, force: true });

process.stdout.write(`\nDatabase: ${postgres ? "PostgreSQL (throwaway)" : "SQLite"}; ${CONNECTIONS} connections, ${DURATION_S} s per endpoint, ${os.cpus().length} cores\n`);
process.stdout.write(`Seeded: ${problems.total} major problems, ${offers.total} offers, ${statements.total} statements; server ready after ${bootMs} ms; first matches call ${coldMs.toFixed(0)} ms\n\n`);
process.stdout.write("| endpoint | req/s | p50 ms | p97.5 ms | p99 ms | non-2xx |\n|---|---|---|---|---|---|\n");
process.stdout.write(rows.join("\n") + "\n");
