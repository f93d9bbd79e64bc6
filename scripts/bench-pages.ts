// `npm run bench:pages`: page latency and throughput of the production build
// on a freshly migrated and seeded database (SQLite by default; set
// BENCH_DB=postgres for a throwaway PostgreSQL). Loopback only, bounded in time.
import os from "node:os";
import { BENCH_CONNECTIONS as CONNECTIONS, loadRow, serveSeededApp, tableHeader } from "./bench/served-app";

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const app = await serveSeededApp();
const { base, bootMs } = app;

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
  rows.push(await loadRow(label, base + pathname, DURATION_S, headers));
}

app.stop();

process.stdout.write(`\nDatabase: ${app.databaseLabel}; ${CONNECTIONS} connections, ${DURATION_S} s per page, ${os.cpus().length} cores\n`);
process.stdout.write(`Server ready (healthz) after ${bootMs} ms; first page (cold) ${firstPage.ms.toFixed(0)} ms (HTTP ${firstPage.status})\n\n`);
process.stdout.write(tableHeader("page"));
process.stdout.write(rows.join("\n") + "\n");
