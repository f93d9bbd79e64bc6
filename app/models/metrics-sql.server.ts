// Dashboard figures grouped by period inside the database, for the metrics
// whose rows are too many to bring back one by one (a year of 100,000 offers
// took seconds through findMany). Only SQL that SQLite and PostgreSQL read
// alike is used: CASE, GROUP BY, window functions. The one difference, the
// milliseconds between two dates, is a small expression per provider.
//
// Periods come from metrics-periods.server.ts (Hanoi weeks or months), passed
// as bound boundaries, so SQL and JavaScript bucket a moment the same way.
// Both providers compare a bound Date with a DateTime column exactly: SQLite
// stores and binds the same ISO text, PostgreSQL compares timestamps.
import { db } from "~/db.server";
import { resolveDatabaseTarget } from "~/db-url";
import { env } from "~/env.server";
import { Prisma } from "~/generated/prisma-sqlite/client";
import type { Period, Range } from "./metrics-periods.server";

const postgres = resolveDatabaseTarget(env.DATABASE_URL).provider === "postgresql";

export type Sql = Prisma.Sql;
export const sql = Prisma.sql;
export const join = Prisma.join;
export const raw = Prisma.raw;
export const empty = Prisma.empty;

/** Whole milliseconds from `from` to `to` (two DateTime expressions). */
export function millisBetween(from: Sql, to: Sql): Sql {
  // SQLite's julianday keeps whole milliseconds internally; the rounding only
  // removes the floating-point tail of the day fraction.
  return postgres
    ? sql`CAST(ROUND(EXTRACT(EPOCH FROM (${to} - ${from})) * 1000) AS BIGINT)`
    : sql`CAST(ROUND((julianday(${to}) - julianday(${from})) * 86400000) AS INTEGER)`;
}

/**
 * The index of the period holding `at`, as a nested CASE (a binary search, so
 * a row is compared with about log2(periods) boundaries). Rows must already
 * lie inside the range; periods are contiguous, so a period ends where the
 * next begins, as periodIndex() in JavaScript reads them.
 */
export function periodBucket(at: Sql, periods: Period[]): Sql {
  const pick = (low: number, high: number): Sql => {
    if (low === high) return raw(String(low));
    const mid = (low + high) >> 1;
    return sql`CASE WHEN ${at} < ${periods[mid]!.end} THEN ${pick(low, mid)} ELSE ${pick(mid + 1, high)} END`;
  };
  return pick(0, periods.length - 1);
}

export const inRange = (column: Sql, range: Range) => sql`${column} >= ${range.start} AND ${column} < ${range.end}`;

/** Rows per period, from a query selecting one DateTime column `at` (already narrowed to the range). */
export async function countsByPeriod(rows: Sql, periods: Period[]): Promise<number[]> {
  const found = await db.$queryRaw<{ bucket: number | bigint; n: number | bigint }[]>`
    SELECT bucket, COUNT(*) AS n FROM (SELECT ${periodBucket(sql`e.at`, periods)} AS bucket FROM (${rows}) e) b GROUP BY bucket`;
  const counts = periods.map(() => 0);
  for (const row of found) counts[Number(row.bucket)] = Number(row.n);
  return counts;
}

/**
 * Rows per period as one COUNT per period in a single statement: each count
 * is a range on the date's index, as cheap as separate counts without a
 * round trip each. `rows(period)` is the FROM and WHERE for one period.
 */
export async function countsPerPeriod(rows: (period: Range) => Sql, periods: Period[], range: Range): Promise<number[]> {
  // Each period clipped to the range, so a partial first week counts only its chosen days.
  const clipped = periods.map((p) => ({ start: p.start < range.start ? range.start : p.start, end: p.end > range.end ? range.end : p.end }));
  const columns = clipped.map((period, i) => sql`(SELECT COUNT(*) ${rows(period)}) AS ${raw(`c${i}`)}`);
  const [found] = await db.$queryRaw<Record<string, number | bigint>[]>`SELECT ${join(columns, ", ")}`;
  return clipped.map((_, i) => Number(found![`c${i}`]));
}

export type Middles = { perPeriod: (number[] | null)[]; total: number[] | null };

/**
 * The middle value(s) of `value` (whole milliseconds) in each period and over
 * the whole range, from a query selecting `at` and `value`: one value when the
 * count is odd, the two around the middle when it is even, null when empty.
 * The caller turns them into a median exactly as median() does.
 */
export async function middlesByPeriod(rows: Sql, periods: Period[]): Promise<Middles> {
  // ROW_NUMBER over the same ordering picks the k-th smallest; with ties the
  // value is the same whichever tied row is picked.
  const found = await db.$queryRaw<{ bucket: number | bigint; value: number | bigint; i: number | bigint; n: number | bigint; ti: number | bigint; tn: number | bigint }[]>`
    WITH e AS (SELECT ${periodBucket(sql`r.at`, periods)} AS bucket, r.value AS value FROM (${rows}) r),
    ranked AS (
      SELECT bucket, value,
        ROW_NUMBER() OVER (PARTITION BY bucket ORDER BY value) AS i, COUNT(*) OVER (PARTITION BY bucket) AS n,
        ROW_NUMBER() OVER (ORDER BY value) AS ti, COUNT(*) OVER () AS tn
      FROM e
    )
    SELECT bucket, value, i, n, ti, tn FROM ranked
    WHERE i = (n + 1) / 2 OR i = n / 2 + 1 OR ti = (tn + 1) / 2 OR ti = tn / 2 + 1`;
  const perPeriod: (number[] | null)[] = periods.map(() => null);
  const total: number[] = [];
  const middle = (index: number, count: number) => (count % 2 ? (index === (count + 1) / 2 ? 0 : -1) : index === count / 2 ? 0 : index === count / 2 + 1 ? 1 : -1);
  for (const row of found) {
    const value = Number(row.value);
    const inPeriod = middle(Number(row.i), Number(row.n));
    if (inPeriod >= 0) (perPeriod[Number(row.bucket)] ??= [])[inPeriod] = value;
    const overall = middle(Number(row.ti), Number(row.tn));
    if (overall >= 0) total[overall] = value;
  }
  return { perPeriod, total: total.length ? total : null };
}
