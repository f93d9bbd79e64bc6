// Shared by `npm run db:backup` and `npm run db:restore`: which database
// DATABASE_URL names, where PostgreSQL's client programs are, and what kind
// of backup a file holds.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "~/generated/prisma-postgres/client";
import { PrismaClient as SqliteClient } from "~/generated/prisma-sqlite/client";
import { resolveDatabaseTarget, type DatabaseTarget } from "~/db-url";

export class UsageError extends Error {}

export function parseArgs(argv: string[]): { file: string | null; force: boolean } {
  const force = argv.includes("--force");
  const rest = argv.filter((arg) => arg !== "--force");
  const unknown = rest.filter((arg) => arg.startsWith("--"));
  if (unknown.length) throw new UsageError(`unknown option ${unknown.join(", ")} (only --force)`);
  if (rest.length > 1) throw new UsageError(`one file, not ${rest.length}`);
  return { file: rest[0] ?? null, force };
}

export function databaseTarget(): DatabaseTarget {
  return resolveDatabaseTarget(process.env.DATABASE_URL);
}

/**
 * pg_dump or pg_restore: from PG_BIN_DIR, then PATH, then Debian's
 * /usr/lib/postgresql/<newest>/bin. Its major version must be at least the
 * server's (pg_dump refuses a newer server and says so).
 */
export function postgresProgram(name: "pg_dump" | "pg_restore"): string {
  const candidates: string[] = [];
  if (process.env.PG_BIN_DIR) candidates.push(path.join(process.env.PG_BIN_DIR, name));
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) if (dir) candidates.push(path.join(dir, name));
  const root = "/usr/lib/postgresql";
  if (fs.existsSync(root)) {
    const versions = fs
      .readdirSync(root)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const version of versions) candidates.push(path.join(root, version, "bin", name));
  }
  const found = candidates.find((file) => {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
  if (!found) {
    throw new UsageError(
      `${name} not found (looked in PG_BIN_DIR, PATH and /usr/lib/postgresql/*/bin). Install PostgreSQL's client programs (Debian: apt-get install postgresql-client) or set PG_BIN_DIR.`,
    );
  }
  return found;
}

/** Runs a PostgreSQL program; its own message when it fails. */
export function runProgram(program: string, args: string[]): void {
  const result = spawnSync(program, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (result.error) throw result.error;
  if (result.status !== 0)
    throw new Error(
      `${path.basename(program)} failed (exit ${result.status}): ${(result.stderr || result.stdout).trim()}`,
    );
}

export type BackupKind = "sqlite" | "postgresql";

/** What a backup file holds, by its first bytes. */
export function backupKind(file: string): BackupKind | null {
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(16);
    fs.readSync(fd, head, 0, 16, 0);
    if (head.toString("latin1").startsWith("SQLite format 3\0")) return "sqlite";
    if (head.toString("latin1").startsWith("PGDMP")) return "postgresql";
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

/** A Prisma client for `target` without the app's env (the scripts may run beside no server config). */
export function openClient(target: DatabaseTarget): SqliteClient {
  if (target.provider === "postgresql")
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: target.url }) }) as unknown as SqliteClient;
  return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: target.url }) });
}

/** Runs `main`, printing a usage error or failure as one clear line and a non-zero exit. */
export async function runScript(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    process.stderr.write(
      `${error instanceof UsageError ? "" : "failed: "}${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = error instanceof UsageError ? 2 : 1;
  }
}
