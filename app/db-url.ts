import path from "node:path";

// Shared by the app, the Prisma CLI config and the scripts, so that every
// entry point agrees on which database "no DATABASE_URL" means.
export const defaultSqlitePath = path.resolve(process.cwd(), "prisma/data/app.db");

export type DatabaseTarget =
  | { provider: "sqlite"; url: string; filePath: string }
  | { provider: "postgresql"; url: string };

/**
 * Where each provider's schema and migrations live, under prisma/: SQLite's
 * at the top, PostgreSQL's derived copy in postgresql/. The CLI config and
 * the migration check both read it, so the two cannot disagree.
 */
export const PRISMA_FOLDERS: Record<DatabaseTarget["provider"], string> = { sqlite: ".", postgresql: "postgresql" };

export function resolveDatabaseTarget(databaseUrl: string | undefined): DatabaseTarget {
  const url = databaseUrl?.trim();
  if (!url) {
    return { provider: "sqlite", url: `file:${defaultSqlitePath}`, filePath: defaultSqlitePath };
  }
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    return { provider: "postgresql", url };
  }
  if (url.startsWith("file:")) {
    const filePath = path.resolve(process.cwd(), url.slice("file:".length));
    return { provider: "sqlite", url: `file:${filePath}`, filePath };
  }
  throw new Error(`DATABASE_URL must start with postgresql:// or file: (got "${url.split(":")[0]}:…")`);
}
