// Applies pending migrations to the database DATABASE_URL names (or the
// embedded SQLite file when it is unset).
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { PRISMA_FOLDERS, resolveDatabaseTarget, type DatabaseTarget } from "../app/db-url";
import { runPrisma } from "./prisma-cli";

/** The Prisma CLI's `migrate deploy`; throws when it fails. */
export function deployMigrations(databaseUrl: string): void {
  runPrisma(["migrate", "deploy"], { env: { DATABASE_URL: databaseUrl }, capture: true });
}

// `deploy` is a parameter so a test can see whether the CLI was started.
export async function migrateDatabase(
  databaseUrl = process.env.DATABASE_URL ?? "",
  deploy: (databaseUrl: string) => void = deployMigrations,
): Promise<void> {
  // Every start, import and test server migrates first, and nearly always
  // nothing is pending. The CLI costs 1.5-2 s even then, and on PostgreSQL
  // 12 s: its schema engine leaves a 10 s timer behind (the advisory lock's
  // timeout) that keeps the process alive after its work is done. So the CLI
  // runs only when the database lacks a migration the folder has; it also
  // runs whenever that cannot be told, so its own errors still reach the operator.
  const pending = await pendingMigrations(databaseUrl);
  if (pending?.length === 0) return;
  deploy(databaseUrl);
}

/**
 * The migration folders not yet applied to the database, oldest first; null
 * when that cannot be told (no database file, no migrations table, a server
 * that does not answer, a URL naming a schema).
 */
export async function pendingMigrations(databaseUrl: string): Promise<string[] | null> {
  const target = resolveDatabaseTarget(databaseUrl);
  const folder = path.resolve("prisma", PRISMA_FOLDERS[target.provider], "migrations");
  const names = fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const applied = await appliedMigrations(target).catch(() => null);
  return applied && names.filter((name) => !applied.has(name));
}

// Applied means finished and not rolled back: a failed migration stays
// pending, so the CLI runs and reports it as it always has.
const APPLIED_SQL =
  "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL";

async function appliedMigrations(target: DatabaseTarget): Promise<Set<string> | null> {
  if (target.provider === "sqlite") {
    if (!fs.existsSync(target.filePath)) return null;
    const database = new Database(target.filePath, { readonly: true, fileMustExist: true });
    try {
      const rows = database.prepare(APPLIED_SQL).all() as { migration_name: string }[];
      return new Set(rows.map((row) => row.migration_name));
    } finally {
      database.close();
    }
  }
  // Prisma reads ?schema=; pg does not, and would look in the wrong schema.
  if (new URL(target.url).searchParams.has("schema")) return null;
  const client = new pg.Client({ connectionString: target.url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ migration_name: string }>(APPLIED_SQL);
    return new Set(rows.map((row) => row.migration_name));
  } finally {
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await migrateDatabase();
}
