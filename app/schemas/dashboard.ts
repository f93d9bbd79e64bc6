// The staff dashboard's filter form (GET), shared by the page and the server.
// Dates are calendar days in Hanoi (YYYY-MM-DD, as <input type="date"> sends them).
import { z } from "zod";
import { isCalendarDay } from "./query";

export const granularities = ["week", "month"] as const;
export type Granularity = (typeof granularities)[number];

export const MAX_RANGE_YEARS = 5;

/** The same day `years` later (29 Feb → 28 Feb when the later year has none). */
export function addYearsToDay(day: string, years: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + years, m - 1, d));
  if (date.getUTCDate() !== d) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

const day = (required: string) =>
  z.string({ required_error: required }).trim().min(1, required).refine(isCalendarDay, "dashboard.errors.dateInvalid");
const optionalId = z
  .string()
  .trim()
  .max(100, "dashboard.errors.unknownChoice")
  .optional()
  .transform((value) => value || undefined);

export const dashboardFilterSchema = z
  .object({
    from: day("dashboard.errors.fromRequired"),
    to: day("dashboard.errors.toRequired"),
    granularity: z
      .enum(granularities, { errorMap: () => ({ message: "dashboard.errors.granularityInvalid" }) })
      .default("week"),
    sector: optionalId,
    agency: optionalId,
  })
  .superRefine((value, ctx) => {
    if (!isCalendarDay(value.from) || !isCalendarDay(value.to)) return;
    if (value.to < value.from) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["to"], message: "dashboard.errors.endBeforeStart" });
    } else if (value.to >= addYearsToDay(value.from, MAX_RANGE_YEARS)) {
      // At most five years of days, both ends included.
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["to"], message: "dashboard.errors.rangeTooLong" });
    }
  });

export type DashboardFilterInput = z.input<typeof dashboardFilterSchema>;
export type DashboardFilterValue = z.output<typeof dashboardFilterSchema>;
