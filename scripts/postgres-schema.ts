// prisma/schema.prisma is the single source; the PostgreSQL copy is derived
// from it so the two can never drift. Pure, so the drift test can call it.
export const POSTGRES_SCHEMA_HEADER = "// GENERATED from prisma/schema.prisma by `npm run db:generate`. Do not edit.\n";

export function derivePostgresSchema(source: string): string {
  const derived = source
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('url      = "file:./data/app.db"', 'url      = env("DATABASE_URL")')
    .replace('output       = "../app/generated/prisma-sqlite"', 'output       = "../../app/generated/prisma-postgres"');
  if (derived.includes('"sqlite"') || !derived.includes("prisma-postgres")) {
    throw new Error("prisma/schema.prisma no longer matches the patterns db-generate rewrites");
  }
  return POSTGRES_SCHEMA_HEADER + derived;
}
