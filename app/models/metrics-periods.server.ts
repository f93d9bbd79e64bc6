// Reporting periods in Hanoi time: Monday-start weeks or calendar months.
// The city counts "hằng tuần" by the Hanoi calendar, so a record made at
// 23:59 on a Sunday in Hanoi (16:59 UTC) belongs to that week, not the next.
import { tz, TZDate } from "@date-fns/tz";
// One file per function, not the "date-fns" index: the index loads all of
// date-fns (about 130 ms at every process start, here and in each test file).
import { addDays } from "date-fns/addDays";
import { addMonths } from "date-fns/addMonths";
import { addWeeks } from "date-fns/addWeeks";
import { format } from "date-fns/format";
import { startOfMonth } from "date-fns/startOfMonth";
import { startOfWeek } from "date-fns/startOfWeek";
import { subMonths } from "date-fns/subMonths";
import { subWeeks } from "date-fns/subWeeks";
import type { TFunction } from "i18next";
import type { Granularity } from "~/schemas/dashboard";

export const HANOI_TZ = "Asia/Ho_Chi_Minh";
const inHanoi = tz(HANOI_TZ);

export type Period = { key: string; start: Date; end: Date };
export type Range = { start: Date; end: Date };

/** Midnight in Hanoi at the start of a YYYY-MM-DD day. */
export function hanoiMidnight(day: string): TZDate {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, HANOI_TZ);
}

export function hanoiDay(date: Date): string {
  return format(date, "yyyy-MM-dd", { in: inHanoi });
}

/** From the first moment of `from` to the first moment after `to`, both Hanoi days. */
export function rangeOf(from: string, to: string): Range {
  return { start: new Date(hanoiMidnight(from).getTime()), end: new Date(addDays(hanoiMidnight(to), 1).getTime()) };
}

function periodStart(date: Date, granularity: Granularity): TZDate {
  return granularity === "week"
    ? startOfWeek(date, { weekStartsOn: 1, in: inHanoi })
    : startOfMonth(date, { in: inHanoi });
}

/** Every period touching the range, in order, empty ones included. */
export function periodsOf(range: Range, granularity: Granularity): Period[] {
  const periods: Period[] = [];
  let start = periodStart(range.start, granularity);
  while (start.getTime() < range.end.getTime()) {
    const end = granularity === "week" ? addWeeks(start, 1) : addMonths(start, 1);
    periods.push({ key: hanoiDay(start), start: new Date(start.getTime()), end: new Date(end.getTime()) });
    start = end;
  }
  return periods;
}

/** Index of the period holding `at`, or -1 when it is outside them all. */
export function periodIndex(periods: Period[], at: Date): number {
  const time = at.getTime();
  let low = 0;
  let high = periods.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const period = periods[mid]!;
    if (time < period.start.getTime()) high = mid - 1;
    else if (time >= period.end.getTime()) low = mid + 1;
    else return mid;
  }
  return -1;
}

/** The last 12 weeks (or 12 months) up to today, the first one whole. */
export function defaultDays(granularity: Granularity, now = new Date()): { from: string; to: string } {
  const today = periodStart(now, granularity);
  const first = granularity === "week" ? subWeeks(today, 11) : subMonths(today, 11);
  return { from: hanoiDay(first), to: hanoiDay(now) };
}

/** "Tuần 02/03–08/03/2026" or "Tháng 03/2026", for tables and charts. */
// i18next's own TFunction type: checking its overloads against a narrower
// function type crashes TypeScript 5.9 ("No error for last overload signature").
export function periodLabel(key: string, granularity: Granularity, t: TFunction): string {
  const start = hanoiMidnight(key);
  if (granularity === "month") return t("dashboard.monthOf", { month: format(start, "MM/yyyy", { in: inHanoi }) });
  const last = addDays(start, 6);
  return t("dashboard.weekOf", {
    start: format(start, "dd/MM", { in: inHanoi }),
    end: format(last, "dd/MM/yyyy", { in: inHanoi }),
  });
}
