// `npm run bench:pages`: page latency and throughput of the production build
// on a freshly migrated and seeded database (SQLite by default; set
// BENCH_DB=postgres for a throwaway PostgreSQL). Loopback only, bounded in time.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { migrateDatabase } from "./db-migrate";
import { startThrowawayPostgres, type ThrowawayPostgres } from "./throwaway-postgres";

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hte-bench-"));
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

async function timed(pathname: string, headers: Record<string, string> = {}) {
  const started = performance.now();
  const response = await fetch(base + pathname, { headers });
  await response.text();
  return { ms: performance.now() - started, status: response.status };
}

const firstPage = await timed("/");
const login = await fetch(`${base}/login`, {
  method: "POST", redirect: "manual",
  headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
  body: new URLSearchParams({ email: "hoang.anh@songhongai.example.vn", password: "SanCongNghe@2026" }),
});
const cookie = login.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
if (login.status !== 302 || !cookie) throw new Error(`demo sign-in failed: ${login.status}`);

const rows: string[] = [];
for (const [label, pathname, headers] of [
  ["home (anonymous)", "/", {}],
  ["sign-in form", "/login", {}],
  ["my organisations (signed in)", "/orgs", { cookie }],
] as const) {
  const result = await autocannon({ url: base + pathname, connections: CONNECTIONS, duration: DURATION_S, headers });
  rows.push(
    `| ${label} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ${result.latency.p97_5} | ${result.latency.p99} | ${result.non2xx} |`,
  );
}

server.kill("SIGTERM");
postgres?.stop();
fs.rmSync(dir, { recursive: true, force: true });

process.stdout.write(`\nDatabase: ${postgres ? "PostgreSQL (throwaway)" : "SQLite"}; ${CONNECTIONS} connections, ${DURATION_S} s per page, ${os.cpus().length} cores\n`);
process.stdout.write(`Server ready (healthz) after ${bootMs} ms; first page (cold) ${firstPage.ms.toFixed(0)} ms (HTTP ${firstPage.status})\n\n`);
process.stdout.write("| page | req/s | p50 ms | p97.5 ms | p99 ms | non-2xx |\n|---|---|---|---|---|---|\n");
process.stdout.write(rows.join("\n") + "\n");
