// `npm run db:restore -- <file> [--force]`: puts a backup made by
// `npm run db:backup` into the database DATABASE_URL names, which should be
// a NEW one (stop the app first, or point DATABASE_URL elsewhere and switch
// the app over afterwards).
// - A database that already has tables is refused unless --force, which
//   replaces it: the SQLite file is swapped, PostgreSQL objects are dropped
//   and re-created (pg_restore --clean) in the same single transaction.
// - PostgreSQL: a database that does not exist yet is created first.
// - Then every search index rebuilds: an "all" entry in the search log
//   (SearchOutbox) makes each reader of it, every process's embedded index
//   and a shared Meilisearch index alike, rebuild from the restored rows.
//   An index that has never seen this database builds itself anyway.
// Backups from an older version: run `npm run db:migrate` afterwards.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import type { DatabaseTarget } from "~/db-url";
import {
  backupKind,
  databaseTarget,
  openClient,
  parseArgs,
  postgresProgram,
  runProgram,
  runScript,
  UsageError,
} from "./db-tools";

const SQLITE_SIDE_FILES = ["-wal", "-shm", "-journal"];

function sqliteHasTables(file: string): boolean {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return false;
  const existing = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const row = existing
      .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .get() as { n: number };
    return row.n > 0;
  } finally {
    existing.close();
  }
}

async function restoreSqlite(target: Extract<DatabaseTarget, { provider: "sqlite" }>, file: string, force: boolean) {
  if (sqliteHasTables(target.filePath) && !force) {
    throw new UsageError(
      `${target.filePath} already has tables; restore into a new database (another DATABASE_URL) or add --force to replace it`,
    );
  }
  fs.mkdirSync(path.dirname(target.filePath), { recursive: true });
  const partial = `${target.filePath}.restoring-${process.pid}`;
  try {
    // The online backup API again, from the backup file: the result is
    // checked page by page as SQLite writes it, unlike a plain file copy.
    const source = new Database(file, { readonly: true, fileMustExist: true });
    try {
      await source.backup(partial);
    } finally {
      source.close();
    }
    for (const suffix of SQLITE_SIDE_FILES) fs.rmSync(target.filePath + suffix, { force: true });
    fs.renameSync(partial, target.filePath);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/** Connects to the target database, creating it when it does not exist. */
async function postgresTarget(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return client;
  } catch (error) {
    if ((error as { code?: string }).code !== "3D000") throw error;
  }
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: maintenance.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    process.stdout.write(`Created the database ${name}.\n`);
  } finally {
    await admin.end();
  }
  const created = new pg.Client({ connectionString: url });
  await created.connect();
  return created;
}

async function restorePostgres(
  target: Extract<DatabaseTarget, { provider: "postgresql" }>,
  file: string,
  force: boolean,
) {
  const pgRestore = postgresProgram("pg_restore");
  const client = await postgresTarget(target.url);
  try {
    const { rows } = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
    );
    if (Number(rows[0]!.n) > 0 && !force) {
      throw new UsageError(
        `the database in DATABASE_URL already has tables; restore into a new database or add --force to replace them`,
      );
    }
  } finally {
    await client.end();
  }
  // One transaction: a failure half-way leaves the database as it was.
  runProgram(pgRestore, [
    "--no-owner",
    "--no-acl",
    "--single-transaction",
    "--exit-on-error",
    ...(force ? ["--clean", "--if-exists"] : []),
    `--dbname=${target.url}`,
    file,
  ]);
}

await runScript(async () => {
  const { file, force } = parseArgs(process.argv.slice(2));
  if (!file) throw new UsageError("which backup? npm run db:restore -- <file> [--force]");
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new UsageError(`no backup at ${source}`);
  const target = databaseTarget();
  const kind = backupKind(source);
  if (!kind)
    throw new UsageError(
      `${source} is not a backup made by npm run db:backup (neither a SQLite file nor a pg_dump custom archive)`,
    );
  if (kind !== target.provider) {
    throw new UsageError(
      `${source} is a ${kind === "sqlite" ? "SQLite" : "PostgreSQL"} backup but DATABASE_URL names a ${
        target.provider === "sqlite" ? "SQLite" : "PostgreSQL"
      } database; a backup restores into the same kind`,
    );
  }
  const started = Date.now();
  if (target.provider === "sqlite") await restoreSqlite(target, source, force);
  else await restorePostgres(target, source, force);

  const db = openClient(target);
  try {
    await db.searchOutbox.create({ data: { entityType: "all", entityId: "*" } });
    const [offers, users, organisations] = await Promise.all([
      db.offer.count(),
      db.user.count(),
      db.organisation.count(),
    ]);
    process.stdout.write(
      `Restored ${source} in ${((Date.now() - started) / 1000).toFixed(
        1,
      )} s: ${offers} offers, ${organisations} organisations, ${users} users. ` +
        "Search indexes rebuild from it when the app starts.\n",
    );
  } finally {
    await db.$disconnect();
  }
});
