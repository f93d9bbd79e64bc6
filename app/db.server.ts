import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "~/generated/prisma-postgres/client";
import { PrismaClient as SqliteClient } from "~/generated/prisma-sqlite/client";
import { resolveDatabaseTarget } from "~/db-url";
import { env } from "~/env.server";
import { dataChanged } from "~/utils/data-version.server";

type AdapterFactory = PrismaBetterSQLite3 | PrismaPg;
type Adapter = Awaited<ReturnType<AdapterFactory["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

// Reads start with SELECT (or a WITH that selects); anything else may write.
const READ_ONLY = /^\s*(select|with\b(?![\s\S]*\b(insert|update|delete)\b))/i;
const ROW_CHANGE = /^\s*(insert|update|delete|replace)\b/i;
// Rows no public page or remembered public answer is made from, so writing
// them must not empty the public page cache:
// - coordination (app/utils/lease.server.ts, app/models/scheduler.server.ts):
//   a lease renewal or a job's run record every few seconds;
// - a search reader's row (SearchConsumer), refreshed while idle; the search
//   worker marks the data changed itself once the index has changed
//   (search-sync.server.ts);
// - one person's own rows: sessions, reset tokens, notices and their
//   preferences, read marks on message threads;
// - the mail queue and reminder keys. Every email sent is two writes (claimed,
//   then sent), so each one emptied the cache and the remembered "needs it may
//   fit" rankings: while the demo's queued mail drained, a provider's offer
//   page recomputed its matches on every load. The event that queued a mail
//   or a notice changes its own rows in the same transaction, and those count.
// (Prisma quotes names with backticks on SQLite, double quotes on PostgreSQL.)
const BOOKKEEPING =
  /^\s*(insert\s+into|update|delete\s+from)\s+([`"]\w+[`"]\.)?[`"](Lease|JobRun|SearchConsumer|Session|PasswordResetToken|Notification|NotificationPreference|MessageThreadRead|MailOutbox|NoticeReminder)[`"]/i;
// Prisma sends COMMIT/ROLLBACK through the transaction's executeRaw and then
// calls commit(); the statements before it say whether the transaction
// wrote (the commit wrapper below marks the change once committed).
const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback|savepoint|release)\b/i;

/**
 * Whether a statement changed what readers see. Row changes count when they
 * touched a row (`count`: rows changed, or rows returned by RETURNING; a
 * worker's poll that claimed nothing changes nothing); schema changes and
 * anything else that is not a read always count.
 */
function changedData(sql: string, count: number, counted: boolean): boolean {
  if (READ_ONLY.test(sql)) return false;
  if (BOOKKEEPING.test(sql) || TRANSACTION_CONTROL.test(sql)) return false;
  if (ROW_CHANGE.test(sql) && counted) return count > 0;
  return true;
}

const RETURNING = /\breturning\b/i;

type Statements = Pick<Adapter, "queryRaw" | "executeRaw">;

/** Calls `changed` after each statement of `target` that changed data (see changedData). */
function watchStatements(target: Statements, changed: () => void): void {
  const queryRaw = target.queryRaw.bind(target);
  const executeRaw = target.executeRaw.bind(target);
  target.queryRaw = async (query) => {
    const result = await queryRaw(query);
    if (changedData(query.sql, result.rows.length, RETURNING.test(query.sql))) changed();
    return result;
  };
  target.executeRaw = async (query) => {
    const rows = await executeRaw(query);
    if (changedData(query.sql, rows, true)) changed();
    return rows;
  };
}

// Tells the data version (and so the public page cache) after every write
// has become visible to other readers: a statement outside a transaction once
// it has run, a transaction once it has committed. Marking it before the
// commit would let a page rendered from the old rows be kept as current.
function observeWrites<F extends AdapterFactory>(factory: F): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter: Adapter = await connect();
    watchStatements(adapter, dataChanged);
    const executeScript = adapter.executeScript.bind(adapter);
    adapter.executeScript = async (script) => {
      await executeScript(script);
      dataChanged();
    };
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const transaction: Transaction = await startTransaction(isolationLevel);
      let wrote = false;
      watchStatements(transaction, () => (wrote = true));
      const commit = transaction.commit.bind(transaction);
      transaction.commit = async () => {
        await commit();
        if (wrote) dataChanged();
      };
      return transaction;
    };
    return adapter;
  };
  return factory;
}

export type Db = SqliteClient;
export type { Prisma } from "~/generated/prisma-sqlite/client";
export * from "~/generated/prisma-sqlite/enums";

// Both generated clients come from one schema, so their model APIs are the
// same; the app is typed against the SQLite one.
export function createDb(databaseUrl: string | undefined): Db {
  const target = resolveDatabaseTarget(databaseUrl);
  if (target.provider === "postgresql") {
    const client = new PostgresClient({ adapter: observeWrites(new PrismaPg({ connectionString: target.url })) });
    return client as unknown as Db;
  }
  return new SqliteClient({ adapter: observeWrites(new PrismaBetterSQLite3({ url: target.url })) });
}

declare global {
  var __db: Db | undefined;
}

// In development, reuse one client across rebuilds instead of opening a pool
// per reload; elsewhere each module instance owns its client.
export const db: Db =
  env.NODE_ENV === "development" ? (globalThis.__db ??= createDb(env.DATABASE_URL)) : createDb(env.DATABASE_URL);
