import fs from "node:fs";
import { runPrisma } from "./prisma-cli";

// prisma/schema.prisma is the single source; the PostgreSQL copy is derived
// from it so the two can never drift.
export function writePostgresSchema(): void {
  const source = fs.readFileSync("prisma/schema.prisma", "utf8");
  const derived = source
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('url      = "file:./data/app.db"', 'url      = env("DATABASE_URL")')
    .replace('output       = "../app/generated/prisma-sqlite"', 'output       = "../../app/generated/prisma-postgres"');
  if (derived.includes('"sqlite"') || !derived.includes("prisma-postgres")) {
    throw new Error("prisma/schema.prisma no longer matches the patterns db-generate rewrites");
  }
  fs.mkdirSync("prisma/postgresql", { recursive: true });
  fs.writeFileSync(
    "prisma/postgresql/schema.prisma",
    "// GENERATED from prisma/schema.prisma by `npm run db:generate`. Do not edit.\n" + derived,
  );
}

writePostgresSchema();
runPrisma(["generate"], { env: { DATABASE_URL: "" } });
runPrisma(["generate"], { env: { DATABASE_URL: "postgresql://generate@localhost/generate" } });
