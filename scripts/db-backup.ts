// `npm run db:backup -- [file] [--force]`: a consistent copy of the database
// DATABASE_URL names, taken while the app keeps running.
// - SQLite: SQLite's online backup API (better-sqlite3's backup()), which
//   copies a consistent snapshot page by page while writers carry on; the
//   copy is integrity-checked before it takes the file's name.
// - PostgreSQL: pg_dump's custom format (-Fc: compressed, restored with
//   pg_restore), one snapshot of the whole database; no owners or grants, so
//   it restores under another role.
// Without a file: var/backups/hte-<UTC time>.sqlite or .dump. An existing
// file is kept unless --force.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseTarget, parseArgs, postgresProgram, runProgram, runScript, UsageError } from "./db-tools";

const stamp = () =>
  new Date()
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");

await runScript(async () => {
  const { file, force } = parseArgs(process.argv.slice(2));
  const target = databaseTarget();
  const out = path.resolve(
    file ?? path.join("var/backups", `hte-${stamp()}.${target.provider === "sqlite" ? "sqlite" : "dump"}`),
  );
  if (fs.existsSync(out) && !force)
    throw new UsageError(`${out} exists; choose another name or add --force to replace it`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // Written beside the target and renamed at the end, so a failed or
  // interrupted backup never leaves a half file under the backup's name.
  const partial = `${out}.partial-${process.pid}`;
  const started = Date.now();
  try {
    if (target.provider === "sqlite") {
      if (!fs.existsSync(target.filePath)) throw new UsageError(`no SQLite database at ${target.filePath}`);
      const source = new Database(target.filePath, { readonly: true, fileMustExist: true });
      try {
        await source.backup(partial);
      } finally {
        source.close();
      }
      const copy = new Database(partial, { fileMustExist: true });
      try {
        // The copy inherits the source's WAL mode; a rollback journal makes
        // it one self-contained file that opens anywhere, even read-only.
        copy.pragma("journal_mode = DELETE");
        const check = copy.pragma("quick_check", { simple: true });
        if (check !== "ok") throw new Error(`the copy failed SQLite's check: ${String(check)}`);
      } finally {
        copy.close();
      }
    } else {
      runProgram(postgresProgram("pg_dump"), [
        "--format=custom",
        "--no-owner",
        "--no-acl",
        `--file=${partial}`,
        `--dbname=${target.url}`,
      ]);
    }
    fs.renameSync(partial, out);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  const bytes = fs.statSync(out).size;
  process.stdout.write(
    `Backed up the ${target.provider === "sqlite" ? "SQLite" : "PostgreSQL"} database to ${out} (${(
      bytes /
      1024 /
      1024
    ).toFixed(1)} MB, ${((Date.now() - started) / 1000).toFixed(1)} s).\n`,
  );
});
