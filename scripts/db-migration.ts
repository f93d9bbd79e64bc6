// Creates one migration per provider from the change to prisma/schema.prisma:
//   npm run db:migration -- add_offers
// Each provider's migrations folder keeps a copy of the schema it was last
// generated from, so the diff needs no database and no shadow database.
import fs from "node:fs";
import path from "node:path";
import { writePostgresSchema } from "./db-generate";
import { runPrisma } from "./prisma-cli";
import { startThrowawayPostgres } from "./throwaway-postgres";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  throw new Error("Usage: npm run db:migration -- <snake_case_name>");
}
writePostgresSchema();

// The PostgreSQL adapter insists on a live connection even for a pure
// schema-to-schema diff, so give it a throwaway server.
const postgres = await startThrowawayPostgres();
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const providers = [
  { dir: "prisma", env: { DATABASE_URL: "" } },
  { dir: "prisma/postgresql", env: { DATABASE_URL: postgres.url() } },
];

try {
  for (const { dir, env } of providers) {
    const schema = path.join(dir, "schema.prisma");
    const snapshot = path.join(dir, "migrations", "schema.snapshot.prisma");
    const from = fs.existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
    const sql = runPrisma(["migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"], {
      env,
      capture: true,
    });
    if (/^-- This is an empty migration/m.test(sql) || sql.trim() === "") {
      process.stdout.write(`${dir}: no schema change\n`);
      continue;
    }
    const target = path.join(dir, "migrations", `${stamp}_${name}`);
    fs.mkdirSync(target, { recursive: true });
    fs.writeFileSync(path.join(target, "migration.sql"), sql);
    fs.copyFileSync(schema, snapshot);
    process.stdout.write(`${dir}: wrote ${target}/migration.sql\n`);
  }
} finally {
  postgres.stop();
}
