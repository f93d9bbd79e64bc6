// The production build served on a freshly migrated and seeded database, for
// the HTTP benchmarks (SQLite by default; BENCH_DB=postgres for a throwaway
// PostgreSQL). Loopback only.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { migrateDatabase } from "../db-migrate";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../throwaway-postgres";
import { SERVER_NODE_ARGS } from "../server-command";

export const BENCH_CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type ServedApp = {
  base: string;
  /** Milliseconds from spawning the server until /readyz answered 200 (database, search and storage ready). */
  bootMs: number;
  databaseLabel: string;
  /** The server process (for reading its memory from /proc). */
  pid: number | undefined;
  /** Stops the server, waits for it to exit, then removes its database. */
  stop(): Promise<void>;
};

/** `prepare` runs on the seeded database before the server starts (e.g. to add generated history). */
/** `logLevel`: the server's LOG_LEVEL (default warn). */
export async function serveSeededApp(
  options: { prepare?: (databaseUrl: string) => Promise<void>; startTimeoutMs?: number; logLevel?: string } = {},
): Promise<ServedApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hte-bench-"));
  let postgres: ThrowawayPostgres | null = null;
  let databaseUrl = `file:${path.join(dir, "bench.db")}`;
  if (process.env.BENCH_DB === "postgres") {
    postgres = await startThrowawayPostgres();
    databaseUrl = await postgres.createDatabase("bench");
  }
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production" as const,
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: options.logLevel ?? "warn",
    SESSION_SECRET: "bench-secret-0123456789abcdef0123456789",
    APP_URL: `http://localhost:${port}`,
    MAIL_OUTBOX_DIR: path.join(dir, "outbox"),
    // Its own upload folder: the orphan sweep would otherwise delete the developer's
    // var/uploads files, which the throwaway database does not name.
    UPLOAD_DIR: path.join(dir, "uploads"),
  };
  await migrateDatabase(databaseUrl);
  spawnSync(process.execPath, ["--import", "tsx", "prisma/seed.ts"], { env, stdio: "inherit" });
  await options.prepare?.(databaseUrl);
  if (!fs.existsSync("build/index.js")) spawnSync("npx", ["remix", "build"], { stdio: "inherit", shell: true });

  const server: ChildProcess = spawn(process.execPath, SERVER_NODE_ARGS, { env, stdio: "inherit" });
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    const limit = options.startTimeoutMs ?? 60_000;
    if (Date.now() - started > limit) throw new Error(`server did not start in ${limit / 1000} s`);
    const ok = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    bootMs: Date.now() - started,
    databaseLabel: postgres ? "PostgreSQL (throwaway)" : "SQLite",
    pid: server.pid,
    // The database goes only after the server has exited: removed under a
    // running server, its scheduled jobs failed on a moved database file and
    // logged errors that looked like the app's.
    async stop() {
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
        server.kill("SIGTERM");
        const late = setTimeout(() => server.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(late);
      }
      postgres?.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One Markdown table row: label, req/s, p50, p97.5, p99, non-2xx. */
export async function loadRow(
  label: string,
  url: string,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<string> {
  const result = await autocannon({ url, connections: BENCH_CONNECTIONS, duration: seconds, headers });
  return `| ${label} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ${result.latency.p97_5} | ${
    result.latency.p99
  } | ${result.non2xx} |`;
}

export const tableHeader = (first: string) =>
  `| ${first} | req/s | p50 ms | p97.5 ms | p99 ms | non-2xx |\n|---|---|---|---|---|---|\n`;
