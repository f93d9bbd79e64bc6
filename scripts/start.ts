// `npm start`: migrate, seed an empty database, build, then serve in
// production mode on http://localhost:$PORT (3000).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { migrateDatabase } from "./db-migrate";
import { SERVER_NODE_ARGS } from "./server-command";

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const started = Date.now();
await migrateDatabase();

// A production server needs a session secret. For the local demo, make one
// once and keep it in var/, so sign-ins survive restarts.
const port = process.env.PORT ?? "3000";
const env: NodeJS.ProcessEnv = { APP_URL: `http://localhost:${port}`, ...process.env, NODE_ENV: "production" };
if (!env.SESSION_SECRET) {
  const secretFile = "var/session-secret";
  fs.mkdirSync("var", { recursive: true });
  if (!fs.existsSync(secretFile)) fs.writeFileSync(secretFile, randomBytes(32).toString("hex"), { mode: 0o600 });
  env.SESSION_SECRET = fs.readFileSync(secretFile, "utf8").trim();
}

// Payments the newcomer can try: without Stripe keys, the demo pays on the
// loopback Stripe stand-in (test mode, no real money; every money page says
// so). Keys, an explicit DEMO_TEST_PAYMENTS=false, or a public APP_URL leave
// it off (the server refuses the switch beside keys or a public address).
const stripeSettings = Object.keys(env).filter(
  (key) => key.startsWith("STRIPE_") && key !== "STRIPE_API_PORT" && env[key],
);
const loopback = /^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?(\/|$)/.test(env.APP_URL ?? "");
if (env.DEMO_TEST_PAYMENTS === undefined && stripeSettings.length === 0 && loopback) env.DEMO_TEST_PAYMENTS = "true";
if (env.DEMO_TEST_PAYMENTS === "true") {
  const standInPort = env.STRIPE_API_PORT ?? String(Number(port) + 1);
  process.stdout.write(
    `Test payments are on: orders are paid on a Stripe stand-in at http://127.0.0.1:${standInPort} (no real money moves).\n`,
  );
}

run(process.execPath, ["--import", "tsx", "prisma/seed.ts"], env);
run(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "build"], env);
process.stdout.write(`Ready to serve after ${((Date.now() - started) / 1000).toFixed(1)} s of set-up.\n`);

const server = spawn(process.execPath, SERVER_NODE_ARGS, { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
