import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PRISMA_FOLDERS, resolveDatabaseTarget } from "../app/db-url";

// The CLI talks to the database through the same driver adapters as the app,
// with the WASM schema engine (engine: "js"): the native engines cannot be
// downloaded on our machines.
const target = resolveDatabaseTarget(process.env.DATABASE_URL);
// Paths here are relative to this file.
const dir = PRISMA_FOLDERS[target.provider];

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(dir, "schema.prisma"),
  migrations: { path: path.join(dir, "migrations") },
  async adapter() {
    if (target.provider === "sqlite") {
      fs.mkdirSync(path.dirname(target.filePath), { recursive: true });
      const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
      return new PrismaBetterSQLite3({ url: target.url });
    }
    // adapter-pg 6.19 cannot read PostgreSQL's `name` columns during migrate;
    // 7.x can, and only the CLI uses it.
    const { PrismaPg } = await import("@prisma/adapter-pg-migrate");
    return new PrismaPg({ connectionString: target.url });
  },
});
