// Serves the production build on a FRESH, migrated and seeded database for the
// Playwright end-to-end tests (see playwright.config.ts):
//
//   tsx scripts/e2e-server.ts --db sqlite|postgres --port 4301 --outbox /tmp/e2e-outbox-sqlite
//
// SQLite gets a new file in a temp folder; PostgreSQL gets a throwaway cluster
// with a new "e2e" database. Emails land as JSON files in --outbox. On
// SIGINT/SIGTERM/exit the server is stopped and the database thrown away.
// Needs `npm run build` first.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import net from "node:net";
import { migrateDatabase } from "./db-migrate";
import { startThrowawayPostgres, type ThrowawayPostgres } from "./throwaway-postgres";
import { SERVER_NODE_ARGS } from "./server-command";

const out = (message: string) => process.stdout.write(`[e2e-server] ${message}\n`);
function fail(message: string): never {
  process.stderr.write(`[e2e-server] ${message}\n`);
  process.exit(1);
}

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "sqlite" },
    port: { type: "string", default: "4301" },
    outbox: { type: "string" },
  },
  strict: true,
});

const kind = values.db;
if (kind !== "sqlite" && kind !== "postgres") fail(`--db must be sqlite or postgres, not "${kind}"`);
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`--port must be a port number, not "${values.port}"`);
const outboxDir = path.resolve(values.outbox ?? path.join(os.tmpdir(), `e2e-outbox-${kind}`));

for (const file of ["build/index.js", "public/build"]) {
  if (!fs.existsSync(path.resolve(file))) {
    fail(
      `${file} is missing: run \`npm run build\` before the end-to-end tests (the server serves the production build).`,
    );
  }
}

// ---- clean-up: synchronous and idempotent, so every exit path can call it ----
const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), `hte-e2e-${kind}-`));
let postgres: ThrowawayPostgres | null = null;
let server: ChildProcess | null = null;
let shuttingDown = false;
let cleanedUp = false;

function cleanUp() {
  if (cleanedUp) return;
  cleanedUp = true;
  if (server && server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
  if (postgres) {
    try {
      postgres.stop();
    } catch (error) {
      process.stderr.write(`[e2e-server] could not stop PostgreSQL: ${(error as Error).message}\n`);
    }
    postgres = null;
  }
  fs.rmSync(tempDir, { recursive: true, force: true });
}

async function shutDown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  const since = Date.now();
  const running = server;
  if (running && running.exitCode === null && running.signalCode === null) {
    // Let the server close its connections before the database goes away.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 5000);
      running.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      running.kill("SIGTERM");
    });
  }
  // Under the tsx CLI (`tsx scripts/e2e-server.ts`), the tsx parent relays the
  // signal too and SIGKILLs this process unless it acknowledges within ~60 ms;
  // acknowledging needs a free event loop, and stopping PostgreSQL blocks it.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, 300 - (Date.now() - since))));
  cleanUp();
  process.exit(code);
}

// Playwright may stop reading our output while we clean up: never die of EPIPE.
process.stdout.on("error", () => {});
process.stderr.on("error", () => {});
process.on("exit", cleanUp);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => void shutDown(0));
}
process.on("uncaughtException", (error) => {
  process.stderr.write(`[e2e-server] ${error.stack ?? error.message}\n`);
  void shutDown(1);
});
process.on("unhandledRejection", (error) => {
  process.stderr.write(`[e2e-server] ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  void shutDown(1);
});

function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: "inherit", env });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`node ${args.join(" ")} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

// ---- set-up ----
const started = Date.now();
fs.rmSync(outboxDir, { recursive: true, force: true });
fs.mkdirSync(outboxDir, { recursive: true });

let databaseUrl: string;
if (kind === "postgres") {
  postgres = await startThrowawayPostgres();
  databaseUrl = await postgres.createDatabase("e2e");
} else {
  databaseUrl = `file:${path.join(tempDir, "e2e.db")}`;
}

await migrateDatabase(databaseUrl);

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  PORT: String(port),
  DATABASE_URL: databaseUrl,
  SESSION_SECRET: randomBytes(32).toString("hex"),
  APP_URL: `http://localhost:${port}`,
  MAIL_OUTBOX_DIR: outboxDir,
  // Each server's uploads in its own folder: the orphan-upload clean-up of
  // one run must never see (and delete) another run's or a developer's files.
  UPLOAD_DIR: path.join(tempDir, "uploads"),
  LOG_LEVEL: "warn",
};
// Mail must land in the outbox, never go out.
delete env.SMTP_URL;

// Payments run exactly as in `npm start`'s demo: DEMO_TEST_PAYMENTS makes
// the server start the loopback Stripe stand-in (there is no internet), whose
// checkout page signs webhooks back to this server like Stripe would, with
// the plan Prices set up on it. Its port is a free one, not PORT + 1, so the
// two databases' servers never collide.
const standInPort = await new Promise<number>((resolve, reject) => {
  const probe = net.createServer();
  probe.once("error", reject);
  probe.listen(0, "127.0.0.1", () => {
    const address = probe.address() as net.AddressInfo;
    probe.close(() => resolve(address.port));
  });
});
for (const key of Object.keys(env)) if (key.startsWith("STRIPE_")) delete env[key];
Object.assign(env, { DEMO_TEST_PAYMENTS: "true", STRIPE_API_PORT: String(standInPort) });

await run(["--import", "tsx", "prisma/seed.ts"], env);
out(`${kind} database migrated and seeded in ${((Date.now() - started) / 1000).toFixed(1)} s; outbox ${outboxDir}`);

if (!shuttingDown) {
  server = spawn(process.execPath, SERVER_NODE_ARGS, { stdio: "inherit", env });
  server.once("exit", (code, signal) => {
    if (shuttingDown) return;
    process.stderr.write(`[e2e-server] the app server stopped unexpectedly (${signal ?? `exit code ${code}`})\n`);
    void shutDown(code || 1);
  });
  out(`starting the app on http://localhost:${port}`);
}
