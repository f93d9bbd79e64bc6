// Values pages read from the query string (?from=, ?page=, ?version=). They
// come from anyone's address bar, so each has one parser here and a bound:
// a number too big for the database or a date JavaScript cannot represent
// must end as a 400/404 with a message, never reach a query and fail there.
import { z } from "zod";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
// Wide enough for any real record, narrow enough that the day after the last
// one is still a four-digit year every database and Date handles the same way.
export const FIRST_DAY = "1900-01-01";
export const LAST_DAY = "2999-12-31";

/** A real calendar day written YYYY-MM-DD (what <input type="date"> sends), within FIRST_DAY..LAST_DAY. */
export function isCalendarDay(value: string): boolean {
  if (!DAY.test(value) || value < FIRST_DAY || value > LAST_DAY) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const calendarDay = (message: string) => z.string().trim().refine(isCalendarDay, message);

// Far above any list here; a page past the end is simply empty.
export const MAX_PAGE = 100_000;
// Far above any list's number of published versions, well inside a 32-bit integer column.
export const MAX_VERSION = 1_000_000;

/** A whole number from 1 to max written as plain digits, or null ("1.5", "-1", "1e3", "99999999999999999999"). */
export function positiveIntParam(value: string, max: number): number | null {
  if (!/^[1-9]\d{0,8}$/.test(value)) return null;
  const number = Number(value);
  return number <= max ? number : null;
}

/** ?page=: absent or empty is page 1; anything else must be a page number. */
export function pageParam(value: string | null): number | null {
  return value === null || value === "" ? 1 : positiveIntParam(value, MAX_PAGE);
}

// What was typed, echoed back into the form after an error: bounded, so a
// long query string is not copied into the page.
export const typedBack = (value: string | null) => (value ?? "").slice(0, 40);
