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
    SELECT bucket, COUNT(*) AS n FROM (SELECT ${periodBucket(
      sql`e.at`,
      periods,
    )} AS bucket FROM (${rows}) e) b GROUP BY bucket`;
  const counts = periods.map(() => 0);
  for (const row of found) counts[Number(row.bucket)] = Number(row.n);
  return counts;
}

/**
 * Rows per period as one COUNT per period in a single statement: each count
 * is a range on the date's index, as cheap as separate counts without a
 * round trip each. `rows(period)` is the FROM and WHERE for one period.
 */
export async function countsPerPeriod(
  rows: (period: Range) => Sql,
  periods: Period[],
  range: Range,
): Promise<number[]> {
  // Each period clipped to the range, so a partial first week counts only its chosen days.
  const clipped = periods.map((p) => ({
    start: p.start < range.start ? range.start : p.start,
    end: p.end > range.end ? range.end : p.end,
  }));
  const columns = clipped.map((period, i) => sql`(SELECT COUNT(*) ${rows(period)}) AS ${raw(`c${i}`)}`);
  const [found] = await db.$queryRaw<Record<string, number | bigint>[]>`SELECT ${join(columns, ", ")}`;
  return clipped.map((_, i) => Number(found![`c${i}`]));
}

export type Middles = { perPeriod: (number[] | null)[]; total: number[] | null };

/**
 * The middle value(s) of `value` (whole milliseconds) in each period and over
 * the whole range, from a query selecting `at` and `value` (already narrowed
 * to the range): one value when the count is odd, the two around the middle
 * when it is even, null when empty. The caller turns them into a median
 * exactly as median() does.
 */
export async function middlesByPeriod(rows: Sql, periods: Period[]): Promise<Middles> {
  // One window (a single sort by period and value) gives each row its rank
  // and its period's count; ROW_NUMBER ignores the frame, COUNT sees the
  // whole period. With ties the value is the same whichever row is picked.
  const found = await db.$queryRaw<
    { bucket: number | bigint; value: number | bigint; i: number | bigint; n: number | bigint }[]
  >`
    WITH e AS (SELECT ${periodBucket(sql`r.at`, periods)} AS bucket, r.value AS value FROM (${rows}) r),
    ranked AS (
      SELECT bucket, value, ROW_NUMBER() OVER w AS i, COUNT(*) OVER w AS n FROM e
      WINDOW w AS (PARTITION BY bucket ORDER BY value ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
    )
    SELECT bucket, value, i, n FROM ranked WHERE i = (n + 1) / 2 OR i = n / 2 + 1`;
  const perPeriod: (number[] | null)[] = periods.map(() => null);
  const counts = periods.map(() => 0);
  for (const row of found) {
    const bucket = Number(row.bucket);
    const n = Number(row.n);
    counts[bucket] = n;
    (perPeriod[bucket] ??= [])[n % 2 ? 0 : Number(row.i) - n / 2] = Number(row.value);
  }
  // Over the whole range: the counts above say where the middle is, and a
  // sort that keeps only that far is cheaper than a second window.
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (total === 0) return { perPeriod, total: null };
  const middle = await db.$queryRaw<{ value: number | bigint }[]>`
    SELECT r.value AS value FROM (${rows}) r ORDER BY r.value LIMIT ${raw(String(total % 2 ? 1 : 2))} OFFSET ${raw(
    String((total - 1) >> 1),
  )}`;
  return { perPeriod, total: middle.map((row) => Number(row.value)) };
}
