// The two databases are kept in step by generation, not by hand: prisma/schema.prisma (SQLite) is the one
// source, `npm run db:generate` derives the PostgreSQL schema, and `npm run db:migration` writes one migration
// per provider and refreshes each folder's schema.snapshot.prisma. These fail when a step was skipped or a
// derived file was edited by hand.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { derivePostgresSchema } from "./postgres-schema";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");

function migrationNames(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

describe("database drift", () => {
  it("the PostgreSQL migrations' schema snapshot is what db:generate derives from prisma/schema.prisma", () => {
    // A difference means schema.prisma changed without `npm run db:migration`, or the snapshot was edited.
    expect(read("prisma/postgresql/migrations/schema.snapshot.prisma")).toBe(
      derivePostgresSchema(read("prisma/schema.prisma")),
    );
  });

  it("the SQLite migrations' schema snapshot is prisma/schema.prisma", () => {
    expect(read("prisma/migrations/schema.snapshot.prisma")).toBe(read("prisma/schema.prisma"));
  });

  // prisma/postgresql/schema.prisma is not committed (db:generate writes it on `npm install`); when present it
  // is what the PostgreSQL client in app/generated/ was generated from.
  it.skipIf(!fs.existsSync(path.join(root, "prisma/postgresql/schema.prisma")))(
    "the generated PostgreSQL schema is current (else run `npm run db:generate`)",
    () => {
      expect(read("prisma/postgresql/schema.prisma")).toBe(derivePostgresSchema(read("prisma/schema.prisma")));
    },
  );

  it("the SQLite and PostgreSQL migration folders hold the same migrations", () => {
    const sqlite = migrationNames("prisma/migrations");
    const postgres = migrationNames("prisma/postgresql/migrations");
    expect(sqlite.length).toBeGreaterThan(0);
    expect(postgres).toEqual(sqlite);
    for (const dir of ["prisma/migrations", "prisma/postgresql/migrations"]) {
      for (const name of sqlite) {
        expect(read(path.join(dir, name, "migration.sql")).trim(), `${dir}/${name}/migration.sql`).not.toBe("");
      }
    }
  });

  it("no SQLite migration copies the search log into a new table", () => {
    // Prisma changes a SQLite column by copying the table; for SearchOutbox
    // the copy restarts the AUTOINCREMENT counter when the log was pruned
    // empty, new entries get ids below the readers' cursors, and every index
    // skips them. Change it in place (ALTER TABLE … ADD/DROP COLUMN) instead.
    const copies = migrationNames("prisma/migrations").filter((name) =>
      /CREATE TABLE "new_SearchOutbox"/.test(read(path.join("prisma/migrations", name, "migration.sql"))),
    );
    expect(copies).toEqual([]);
  });
});
