import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "~/generated/prisma-postgres/client";
import { PrismaClient as SqliteClient } from "~/generated/prisma-sqlite/client";
import { resolveDatabaseTarget } from "~/db-url";
import { env } from "~/env.server";

export type Db = SqliteClient;
export type { Prisma } from "~/generated/prisma-sqlite/client";
export * from "~/generated/prisma-sqlite/enums";

// Both generated clients come from one schema, so their model APIs are the
// same; the app is typed against the SQLite one.
export function createDb(databaseUrl: string | undefined): Db {
  const target = resolveDatabaseTarget(databaseUrl);
  if (target.provider === "postgresql") {
    const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: target.url }) });
    return client as unknown as Db;
  }
  return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: target.url }) });
}

declare global {
  var __db: Db | undefined;
}

// In development, reuse one client across rebuilds instead of opening a pool
// per reload; elsewhere each module instance owns its client.
export const db: Db =
  env.NODE_ENV === "development" ? (globalThis.__db ??= createDb(env.DATABASE_URL)) : createDb(env.DATABASE_URL);
