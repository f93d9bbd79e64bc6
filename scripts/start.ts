// `npm start`: migrate, seed an empty database, build, then serve in
// production mode on http://localhost:$PORT (3000).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { migrateDatabase } from "./db-migrate";

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const started = Date.now();
migrateDatabase();

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

run(process.execPath, ["--import", "tsx", "prisma/seed.ts"], env);
run(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "build"], env);
process.stdout.write(`Ready to serve after ${((Date.now() - started) / 1000).toFixed(1)} s of set-up.\n`);

const server = spawn(process.execPath, ["--import", "tsx", "app/server/main.ts"], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
